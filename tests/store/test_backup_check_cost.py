"""What reading a backup checks, once: each card's fsrs text, and the walk over every value.

A backup holds most fsrs texts twice (a review's `card_before` is the same card's previous
`card_after`), and the check of one text depends only on the text and the time of the
import: a text its card passed with is not checked again in the same file, while whatever a check
refuses is still refused at each place it occurs, and a new import checks again. The walk
for values no backup holds (deep nesting, integers beyond 64 bits, NaN) first runs without
building paths, and agrees with the walk that names them.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from fsrs import Rating

from quiz.store import Store
from quiz.store.backup_export import export_progress
from quiz.store.backup_read import ProgressFormatError, parse_progress
from quiz.store.backup_safety import MAX_DEPTH, _NonFinite, _plainly_safe, _TooLong, unsafe_value
from quiz.store.backup_values import INT64
from quiz.study.scheduling import default_scheduler, review_card
from tests.store.fsrs_checks import count_fsrs_checks

T0 = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)
NOW = T0 + timedelta(days=3)


@pytest.fixture(scope="module")
def document(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """A real backup: `relu` answered three times (two `card_before`s), `gelu` once."""
    folder = tmp_path_factory.mktemp("check-cost")
    path = folder / "progress.json"
    with Store.open(folder / "source.db", now=T0) as store:
        scheduler = default_scheduler()
        for minute, card_id in enumerate(["relu", "gelu", "relu", "relu"]):
            moment = T0 + timedelta(minutes=minute)
            review_card(store, scheduler, card_id, Rating.Good, now=moment, correct=True)
        export_progress(store, path, now=T0 + timedelta(minutes=5))
    loaded: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return loaded


def test_a_text_that_passed_is_not_checked_again_for_its_card(
    document: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    asked = count_fsrs_checks(monkeypatch)
    reviews = document["reviews"]
    assert [r["card_before"] for r in reviews[2:]] == [
        reviews[0]["card_after"],
        reviews[2]["card_after"],
    ]
    backup = parse_progress(document, now=NOW)
    assert len(backup.reviews) == 4 and len(backup.card_states) == 2
    # The schedules come first in the file, each its card's last card_after; then each
    # card_before is its card's previous card_after, checked just before. One text is kept
    # per card: relu's schedule gave way to its first answer and is checked again at the last.
    states = [row["fsrs_card"] for row in document["card_states"]]
    after = [row["card_after"] for row in reviews]
    assert after[1] == states[0] and after[3] == states[1], "gelu, relu"
    assert asked == [*states, after[0], after[2], after[3]]
    assert len(asked) == 5, "eight fsrs texts in the file, each checked before this change"


def test_the_same_text_is_checked_again_for_another_card_and_import(
    document: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    """What a card passed with is not taken for another card's, nor in the next import."""
    reviews = [dict(row) for row in document["reviews"]]
    reviews[1]["card_before"] = reviews[0]["card_after"]  # relu's text as gelu's
    edited = {**document, "reviews": reviews}
    asked = count_fsrs_checks(monkeypatch)
    parse_progress(edited, now=NOW)
    assert asked.count(reviews[0]["card_after"]) == 2, "for relu, then for gelu"
    first = list(asked)
    asked.clear()
    parse_progress(edited, now=NOW)
    assert asked == first


def test_a_bad_text_is_refused_wherever_it_occurs(document: dict[str, Any]) -> None:
    """A text that fails is never taken as checked: repeated, each place is an error."""
    reviews = [dict(row) for row in document["reviews"]]
    bad = json.loads(reviews[2]["card_after"]) | {"state": 99}
    reviews[2]["card_after"] = reviews[3]["card_before"] = json.dumps(bad)
    with pytest.raises(ProgressFormatError) as refused:
        parse_progress({**document, "reviews": reviews}, now=NOW)
    assert refused.value.message.startswith("the file: reviews.2.card_after.state: 99 is not")
    assert refused.value.message.endswith("(and 1 more)")


def _nested(levels: int) -> dict[str, Any]:
    """`{"k": [[...]]}` with `levels` lists, the innermost at path length `levels`."""
    value: list[Any] = []
    for _ in range(levels - 1):
        value = [value]
    return {"k": value}


@pytest.mark.parametrize(
    ("value", "problem"),
    [
        ({"a": INT64, "b": -INT64 - 1, "c": [True, None, "x", 1.5]}, None),
        ({"a": INT64 + 1}, "the integer 9223372036854775808 is beyond 64 bits"),
        ({"a": [-INT64 - 2]}, "the integer -9223372036854775809 is beyond 64 bits"),
        ({"a": 9.2e18, "b": -9.2e18}, None),
        ({"a": float(INT64)}, "the number 9.22337e+18 is beyond 64 bits"),
        ({"a": [float("nan")]}, "nan is not a finite number"),
        ({"a": -float("inf")}, "-inf is not a finite number"),
        ({"a": _NonFinite("nan")}, "nan is not a finite number"),
        ({"a": _TooLong(30)}, "an integer of 30 digits, beyond 64 bits"),
        ({"a": (1, 2), "b": {"c": b"x"}}, None),  # not JSON's values: the models refuse them
        (_nested(MAX_DEPTH - 1), None),
        (_nested(MAX_DEPTH), "nested deeper than 8 levels"),
        ([{"a": [{"b": [2**70]}]}], "the integer 1180591620717411303424 is beyond 64 bits"),
        (5, None),
    ],
)
def test_the_walk_without_paths_agrees_with_the_one_that_names_them(
    value: Any, problem: str | None
) -> None:
    found = unsafe_value(value, ())
    assert (found[1].split(" (")[0] if found else None) == problem
    if problem is not None:
        assert not _plainly_safe(value, 0)
    if found is not None and isinstance(value, dict) and "k" in value:
        assert found[0] == ("k", *([0] * (MAX_DEPTH - 1)))


def test_a_real_backup_is_plainly_safe(document: dict[str, Any]) -> None:
    assert _plainly_safe(document, 0)
    assert not _plainly_safe(document, MAX_DEPTH), "its rows then sit too deep"
