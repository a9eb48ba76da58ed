"""lstm-cell's gates cut in blocks of m rows (n read from the batch axis) are named from
numpy's broadcast error, and only where every shape that error lists is such a block or
c_prev's (n, m): other broadcast slips keep numpy's own message."""

from __future__ import annotations

import numpy as np
import pytest

from engine.checkers import get_checker
from engine.checkers.arch.recurrent import LstmCellChecker
from engine.checkers.base import Case
from engine.grade_inprocess import grade_inprocess, load_submission
from tests.engine.answer_files import ANSWERS


def _lstm_checker() -> LstmCellChecker:
    checker = get_checker("arch.recurrent.lstm_cell")
    assert isinstance(checker, LstmCellChecker)
    return checker


CHECKER = _lstm_checker()
NAMED = "the gates were cut from z in blocks of m = "


def _cases() -> list[Case]:
    return CHECKER.make_cases(np.random.default_rng(5), {})


@pytest.mark.parametrize("seed", range(8))
def test_every_case_of_n_from_the_batch_axis_is_named(seed: int) -> None:
    source = (ANSWERS / "lstm-cell" / "wrong_n_from_batch_axis.py").read_text(encoding="utf-8")
    verdict = grade_inprocess(CHECKER, load_submission(source, CHECKER.entries), seed=seed)
    assert verdict.status.value == "failed", verdict.summary
    assert all(NAMED in case.message for case in verdict.cases), [
        case.message for case in verdict.cases if NAMED not in case.message
    ]


def test_a_broadcast_error_listing_another_shape_is_not_named() -> None:
    case = next(c for c in _cases() if "n != d != m" in c.name)  # n = 4, d = 3, m = 6
    blocks_error = "ValueError: operands could not be broadcast together with shapes (6,6) (4,6) "
    assert NAMED in (CHECKER.error_cause(case, blocks_error) or "")
    # x (d, m) against c_prev (n, m): some other slip, not the blocks of m rows
    other = "ValueError: operands could not be broadcast together with shapes (3,6) (4,6) "
    assert CHECKER.error_cause(case, other) is None
    # one block's shape beside a shape no block has: not claimed either
    mixed = "ValueError: operands could not be broadcast together with shapes (6,6) (7,6) "
    assert CHECKER.error_cause(case, mixed) is None


def test_a_shape_error_of_another_kind_is_not_named() -> None:
    case = next(c for c in _cases() if "one example" in c.name)
    n = case.inputs["h_prev"].shape[0]
    error = (
        "ValueError: matmul: Input operand 1 has a mismatch in its core dimension 0 "
        f"(size {n} is different from 7)"
    )
    assert NAMED not in (CHECKER.error_cause(case, error) or "")
