"""Incomplete or odd answers graded in this process get the sandbox's verdict and words.

Before, `grade_inprocess` ran every case of a multi-function drill whose file lacked one
function and reported "your code raised KeyError: 'batchnorm_backward'" seven times (the
sandbox names the function and its signature, and runs no case), and a generator returned
was FAILED ("should be a numpy array, got a generator") where the sandbox says INVALID with
the `list(...)` hint. The sandbox's side of the comparison is
tests/sandbox/test_inprocess_agrees.py.
"""

from __future__ import annotations

import pytest

from engine.checkers import get_checker
from engine.grade_inprocess import grade_inprocess, grade_source_inprocess, load_submission
from engine.verdict import LOADING, CaseResult, CaseStatus, Status
from tests.engine.answer_files import ANSWERS

BN = (ANSWERS / "batchnorm" / "correct_compact.py").read_text(encoding="utf-8")

FORWARD_ONLY = """\
import numpy as np


def batchnorm_forward(x, gamma, beta, eps=1e-5):
    mu = x.mean(axis=0)
    xhat = (x - mu) / np.sqrt(x.var(axis=0) + eps)
    return gamma * xhat + beta, (xhat, gamma, x.var(axis=0), eps)
"""

BACKWARD_SIGNATURE = "`batchnorm_backward(dout, cache)`"


def _loading_only(results: list[CaseResult]) -> None:
    """The first result stands for loading, and no case ran."""
    first, *rest = results
    assert first.name == LOADING
    assert rest and all(c.status is CaseStatus.NOT_RUN for c in rest)


def test_a_pair_drill_without_its_backward_names_it_and_runs_no_case() -> None:
    checker = get_checker("nn.batchnorm.batchnorm")
    verdict = grade_source_inprocess(checker, FORWARD_ONLY, seed=3)
    assert verdict.status is Status.ERROR
    assert BACKWARD_SIGNATURE in verdict.summary
    assert "batchnorm_forward (line 4)" in verdict.summary
    assert "KeyError" not in verdict.summary
    _loading_only(verdict.cases)
    # the same when the functions were picked out of the file first (lint, the tests)
    picked = grade_inprocess(checker, load_submission(FORWARD_ONLY, checker.entries), seed=3)
    assert picked.status is Status.ERROR
    assert picked.summary == verdict.summary
    _loading_only(picked.cases)


def test_a_pair_drill_with_neither_function_names_both_signatures() -> None:
    checker = get_checker("nn.batchnorm.batchnorm")
    verdict = grade_source_inprocess(checker, "import numpy as np\n", seed=3)
    assert verdict.status is Status.ERROR
    assert "`batchnorm_forward(X, gamma, beta, eps=1e-5)`" in verdict.summary
    assert BACKWARD_SIGNATURE in verdict.summary
    assert "it defines no functions" in verdict.summary


def test_an_entry_bound_to_something_not_callable_is_missing() -> None:
    checker = get_checker("nn.batchnorm.batchnorm")
    verdict = grade_source_inprocess(
        checker, FORWARD_ONLY + "\nbatchnorm_backward = None\n", seed=3
    )
    assert verdict.status is Status.ERROR
    assert BACKWARD_SIGNATURE in verdict.summary


def test_the_complete_pair_still_passes() -> None:
    # the wire's round trip of each result leaves a correct answer passing
    checker = get_checker("nn.batchnorm.batchnorm")
    assert grade_source_inprocess(checker, BN, seed=3).passed
    assert grade_inprocess(checker, checker.reference(), seed=3).passed


@pytest.mark.parametrize(
    "body",
    [
        "    for row in z:\n        yield row\n",
        "    return map(float, z.ravel())\n",
        "    return {1.0, 2.0}\n",
    ],
    ids=["generator", "map", "set"],
)
def test_a_lazy_return_is_an_invalid_return_with_the_list_hint(body: str) -> None:
    checker = get_checker("nn.softmax.softmax")
    verdict = grade_source_inprocess(checker, f"def softmax(z):\n{body}", seed=3)
    assert verdict.status is Status.INVALID
    assert verdict.first_failure is not None
    assert verdict.first_failure.message.startswith("invalid return: the returned value: got ")
    assert "return a list of them instead (list(...))" in verdict.first_failure.message


def test_a_file_that_does_not_load_is_told_as_the_child_tells_it() -> None:
    checker = get_checker("nn.softmax.softmax")
    syntax = grade_source_inprocess(checker, "def softmax(z)\n    return z\n", seed=3)
    assert syntax.status is Status.ERROR
    assert syntax.summary == "error: SyntaxError: expected ':' (line 1)"
    raised = grade_source_inprocess(checker, "raise ValueError('boom')\n", seed=3)
    assert raised.summary == "error: while loading, your code raised ValueError: boom"
    assert raised.first_failure is not None
    assert "line 1, in <module>: raise ValueError('boom')" in raised.first_failure.message
    exited = grade_source_inprocess(checker, "import sys\nsys.exit(2)\n", seed=3)
    assert exited.status is Status.ERROR
    assert "sys.exit(2) was called while loading your code" in exited.summary
    _loading_only(exited.cases)


SWAPPED = """\
import numpy as np


def embedding_forward(ids, W):
    return W[ids]


def embedding_backward(dout, ids, vocab_size):
    dW = np.zeros((vocab_size, dout.shape[-1]))
    np.add.at(dW, ids, dout)
    return dW
"""


def test_parameters_in_another_order_are_named_beside_the_error() -> None:
    checker = get_checker("arch.embedding.embedding")
    verdict = grade_source_inprocess(checker, SWAPPED, seed=3)
    assert verdict.first_failure is not None
    message = verdict.first_failure.message
    assert "IndexError" in message  # what numpy said stays, the cause follows it
    assert "embedding_forward takes (ids, W): the drill's parameters in another order" in message
    assert "as embedding_forward(W, ids), so keep the starter's order" in message
    assert "keep the starter's order" in verdict.summary
    # the backward's parameters are in order: nothing is said of them
    assert "embedding_backward takes" not in message


def test_the_right_order_or_other_names_get_no_order_note() -> None:
    checker = get_checker("arch.embedding.embedding")
    renamed = SWAPPED.replace("(ids, W)", "(table, idx)").replace("W[ids]", "idx[table]")
    verdict = grade_source_inprocess(checker, renamed, seed=3)
    assert not verdict.passed
    assert "another order" not in verdict.summary
    right = SWAPPED.replace("(ids, W)", "(W, ids)")
    assert grade_source_inprocess(checker, right, seed=3).passed
