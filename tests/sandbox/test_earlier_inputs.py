"""A call that changes an earlier case's input in place is caught (forty-first round).

Each call's in-place check runs right after that call, so a submission that kept each input
and changed it during the next call (a naive in-place update, delayed by one case) passed
every case. The child now keeps every case's inputs as they came and, after each call, looks
at the earlier cases' too: the change is named in the call that made it.
"""

from __future__ import annotations

from engine.checkers import get_checker
from engine.grade_sandboxed import grade
from engine.sandbox import WorkerPool
from engine.verdict import CaseStatus, Status
from tests.sandbox.helpers import shown

SIGMOID = get_checker("nn.activations.sigmoid")

STABLE = "0.5 * (1.0 + np.tanh(0.5 * z))"

DELAYED = f"""
import numpy as np

kept = []


def sigmoid(z):
    out = {STABLE}
    if kept:
        kept[-1][...] = 0.25  # the previous case's input, after its own check
    kept.append(z)
    return out
"""

KEPT_UNCHANGED = f"""
import numpy as np

kept = []


def sigmoid(z):
    kept.append(z)  # holding the caller's arrays is not changing them
    return {STABLE}
"""

OWN_CALL = f"""
import numpy as np


def sigmoid(z):
    out = {STABLE}
    z[...] = 0.25
    return out
"""


def test_a_change_to_an_earlier_case_input_fails_the_call_that_made_it(pool: WorkerPool) -> None:
    verdict = grade(SIGMOID, DELAYED, seed=5, pool=pool)
    assert verdict.status is Status.FAILED, shown(verdict)
    assert verdict.cases[0].status is CaseStatus.PASSED, shown(verdict)  # its own input untouched
    second = verdict.cases[1].message
    assert "changed its input z (an earlier call's) in place" in second, shown(verdict)


def test_keeping_the_inputs_without_changing_them_passes(pool: WorkerPool) -> None:
    verdict = grade(SIGMOID, KEPT_UNCHANGED, seed=5, pool=pool)
    assert verdict.status is Status.PASSED, shown(verdict)


def test_a_call_that_changed_its_own_input_is_named_once(pool: WorkerPool) -> None:
    """Its own check names it; the next call, which changed nothing, is not blamed for it."""
    verdict = grade(SIGMOID, OWN_CALL, seed=5, pool=pool)
    assert verdict.status is Status.FAILED, shown(verdict)
    messages = [case.message for case in verdict.cases]
    assert all("changed its input z in place" in m for m in messages), messages
    assert not any("earlier call" in m for m in messages), messages
