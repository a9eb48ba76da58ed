"""Fifty-third round: the two readings the sweep of seeds 0-29 found wrong, held on the
seeds that showed them (test_answers grades seeds 0, 1 and 7 only)."""

from __future__ import annotations

from pathlib import Path

import pytest

from engine.checkers import get_checker
from engine.grade_inprocess import grade_inprocess, load_submission

ANSWERS = Path(__file__).resolve().parents[1] / "data" / "answers"


def _first_message(checker_name: str, path: Path, seed: int) -> tuple[str, str]:
    checker = get_checker(checker_name)
    fns = load_submission(path.read_text(encoding="utf-8"), checker.entries)
    verdict = grade_inprocess(checker, fns, seed=seed)
    failure = verdict.first_failure
    return verdict.status.value, failure.message if failure else ""


@pytest.mark.parametrize("seed", [3, 11, 25, 29])
def test_batches_cut_from_x_transposed_are_not_read_as_a_filled_last_batch(seed: int) -> None:
    # case 1 here is m = 1, batch_size 2, n_x 2: X.T's batch is (1, 2), two "columns" wide
    status, message = _first_message(
        "nn.minibatch.random_mini_batches",
        ANSWERS / "mini-batches" / "wrong_row_major_batches.py",
        seed,
    )
    assert status == "failed"
    assert "the batch was cut from X.T, one example per row, and not turned back" in message
    assert "filled up with repeated examples" not in message


def test_a_mask_without_b1_is_named_where_it_is_all_ones() -> None:
    status, message = _first_message(
        "nn.backprop.two_layer",
        ANSWERS / "two-layer-backprop" / "wrong_relu_mask_without_b1.py",
        29,
    )
    assert status == "failed"
    assert "the ReLU mask is missing" in message
    assert "without b1, which is positive everywhere in this case" in message


def test_a_mask_without_b1_is_named_alone_where_the_case_tells_them_apart() -> None:
    status, message = _first_message(
        "nn.backprop.two_layer",
        ANSWERS / "two-layer-backprop" / "wrong_relu_mask_without_b1.py",
        0,
    )
    assert status == "failed"
    assert message.startswith("the ReLU mask was taken from W1 @ X alone, without b1")
