"""Every answer kind maps to the rating the issue specifies."""

from __future__ import annotations

import pytest
from fsrs import Rating

from quiz.study.attempts import DrillProgress
from quiz.study.ratings import is_success, rating_for_answer, rating_for_drill, suggested_rating


def test_choice_and_numeric_right_is_good_wrong_is_again() -> None:
    assert rating_for_answer(True) is Rating.Good
    assert rating_for_answer(False) is Rating.Again


@pytest.mark.parametrize(
    ("passed", "hints", "failed", "expected"),
    [
        (True, 0, 0, Rating.Good),
        (True, 1, 0, Rating.Hard),
        (True, 0, 2, Rating.Hard),
        (True, 3, 1, Rating.Hard),
        (False, 0, 0, Rating.Again),
        (False, 2, 5, Rating.Again),
    ],
)
def test_drill_verdict_mapping(passed: bool, hints: int, failed: int, expected: Rating) -> None:
    assert rating_for_drill(passed=passed, hints_used=hints, failed_attempts=failed) is expected


def test_success_is_anything_but_again() -> None:
    # Hard is a pass with effort (Anki, FSRS): only Again is a lapse
    assert [is_success(r) for r in Rating] == [False, True, True, True]


def test_drill_progress_counts_failures_hints_and_ignores_grader_faults() -> None:
    progress = DrillProgress()
    progress.note("internal")
    assert progress.rating() is Rating.Again and progress.failed_attempts == 0
    progress.note("passed")
    assert progress.rating() is Rating.Good
    retry = DrillProgress()
    retry.note("failed")
    retry.note("timeout")
    retry.note("passed")
    assert retry.failed_attempts == 2 and retry.rating() is Rating.Hard
    hinted = DrillProgress()
    hinted.reveal_hint()
    hinted.note("passed")
    assert hinted.rating() is Rating.Hard


def test_code_that_did_not_load_is_no_failed_attempt() -> None:
    # as a compile error in rustlings or Exercism: a SyntaxError then a pass is Good
    progress = DrillProgress()
    progress.note("error", loaded=False)
    progress.note("crashed", loaded=False)
    assert progress.failed_attempts == 0 and progress.rating() is Rating.Again
    progress.note("passed")
    assert progress.rating() is Rating.Good
    loaded = DrillProgress()
    loaded.note("error", loaded=False)
    loaded.note("error")  # the code loaded and raised in a case: a failed attempt
    loaded.note("passed")
    assert loaded.failed_attempts == 1 and loaded.rating() is Rating.Hard


@pytest.mark.parametrize(
    ("ticked", "total", "expected"),
    [
        (1, 1, Rating.Good),
        (0, 1, Rating.Again),
        (6, 6, Rating.Good),
        (5, 6, Rating.Hard),
        (3, 6, Rating.Hard),
        (2, 6, Rating.Again),
        (2, 4, Rating.Hard),
        (1, 4, Rating.Again),
        (2, 3, Rating.Hard),
        (1, 3, Rating.Again),
        (0, 0, Rating.Good),
    ],
)
def test_key_points_suggest_good_when_all_hard_from_half_again_below(
    ticked: int, total: int, expected: Rating
) -> None:
    """Each edge of the rule docs/study.md states: all ticked is Good, exactly half is
    already Hard, one short of half is Again, and a card with no points suggests Good. The
    study screen's suggestion had only a four-row check among the TUI tests, which passed
    with `ticked * 2 > total` (2 of 4 turned Again) or with a card of one point
    suggesting Good unticked."""
    assert suggested_rating(ticked, total) is expected
