"""A submission that computes nothing and returns the grader's own answer: only bubblewrap or
Landlock keeps the reference out of its reach.

The child is sent each case's inputs, never what is expected of them (the reference runs in
the app, which judges every case), so the one way to the expected values is the grader's
files. With seccomp alone they are files of the user's like any other: a submission put the
checkout on its path (found from numpy's, four folders above site-packages in the checkout's
venv, or guessed), imported the drill's reference (the very function its checker judges
with) from it, returned its answer, and passed. The README and every such verdict say so.
The pools run without the audit hooks, which refuse the import but which code in the same
process can get around: what is tested is the kernel layers.
"""

from __future__ import annotations

import importlib
from pathlib import Path

from engine.sandbox import WorkerPool
from engine.verdict import Status
from tests.sandbox.drills import PatientSigmoid
from tests.sandbox.helpers import run_adversarial

SIGMOID = PatientSigmoid()
"""The sigmoid drill on a wall clock a loaded machine does not reach: with seccomp alone the
pass took 2.8 s of the drill's 5 s at a load average of 13-18 (flaky53's audit). What is
tested is the layers' reach, not the clock."""

REFERENCE_MODULE = "engine.nn.activations"
"""Where the sigmoid checker's reference answer lives: the submission imports it alone. Through
`get_checker` it also imported the checkers, the verdict and pydantic, which the child (whose
bytecode cache holds numpy and the standard library only) compiled from source: 30-36% of
the CPU limit with seccomp alone, against 10-14% for a refusal."""

CHECKOUT = Path(__file__).resolve().parents[2]
"""The checkout the grader runs from: a path a submission can guess or find (numpy's own path
leads to it when the venv is inside it), written into the submission here so the test does not
depend on where numpy is installed."""

BORROWED = f"""
import sys

sys.path.insert(0, {str(CHECKOUT)!r})

def sigmoid(z):
    from {REFERENCE_MODULE} import sigmoid as reference
    return reference(z)
"""


def test_the_borrowed_function_is_the_checkers_own_reference() -> None:
    """What the submission imports is the very function the sigmoid checker judges with."""
    from engine.checkers import get_checker

    reference = importlib.import_module(REFERENCE_MODULE).sigmoid
    assert get_checker("nn.activations.sigmoid").reference()["sigmoid"] is reference


def test_only_a_file_system_layer_keeps_the_reference_answer_out_of_reach(
    mode_pool: tuple[str, WorkerPool],
) -> None:
    mode, pool = mode_pool
    if mode == "seccomp-alone":
        verdict = run_adversarial(pool, BORROWED, Status.PASSED, checker=SIGMOID)
        (warning,) = [layer for layer in verdict.isolation if layer.startswith("warning:")]
        assert "the grader's own answers among them" in warning
    else:
        run_adversarial(pool, BORROWED, Status.ERROR, "No module named 'engine'", checker=SIGMOID)
