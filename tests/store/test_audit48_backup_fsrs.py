"""The edges of a backup's fsrs cards (`quiz.store.backup_fsrs`), read in this process:
each bound of a field accepted at it and refused just past it, with the refusal's JSON path
and words; a row validated in code keeps its text.

The edge cards were imported only by a `drillbit` started as a process
(tests/store/test_fsrs_backup.py), where a forty-eighth round mutation audit could not
see them: `<=` made `<` at any bound refused a schedule fsrs itself writes, unseen.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from fsrs import Card, State

from quiz.store.backup_fsrs import CHECKED_BUDGET, CheckedTexts
from quiz.store.backup_models import ReviewRow
from quiz.store.backup_read import ProgressFormatError, parse_progress
from quiz.store.timefmt import to_db

NOW = datetime(2026, 3, 10, 12, 0, tzinfo=UTC)
T = "2026-03-01T09:00:00.000000+00:00"
US = timedelta(microseconds=1)
LATEST = NOW + timedelta(days=1)
DUE_LATEST = LATEST + timedelta(days=73_000)
REVIEWED = Card(
    card_id=7,
    state=State.Review,
    stability=3.0,
    difficulty=5.0,
    due=NOW + timedelta(days=3),
    last_review=NOW - timedelta(days=1),
)


def _file(**lists: Any) -> dict[str, Any]:
    return {"format": "drillbit-progress", "version": 2, "exported_at": T, **lists}


def _states(*texts: str) -> dict[str, Any]:
    rows = [
        {"card_id": f"card-{n}", "fsrs_card": text, "introduced_at": T, "updated_at": T}
        for n, text in enumerate(texts)
    ]
    return _file(card_states=rows)


def _text(card: Card = REVIEWED, **changes: Any) -> str:
    return json.dumps(json.loads(card.to_json()) | changes)


def _refusal(text: str) -> str:
    with pytest.raises(ProgressFormatError) as caught:
        parse_progress(_states(text), "b.json", now=NOW)
    return caught.value.message


EDGES = [
    pytest.param({"stability": 0.001, "difficulty": 1.0}, id="least-stability-and-difficulty"),
    pytest.param({"stability": 1e6, "difficulty": 10.0}, id="most-stability-and-difficulty"),
    pytest.param({"card_id": 2**63 - 1}, id="largest-card-id"),
    pytest.param({"card_id": -(2**63)}, id="smallest-card-id"),
    pytest.param({"due": "1970-01-01T00:00:00+00:00"}, id="due-at-1970"),
    pytest.param({"due": to_db(DUE_LATEST)}, id="due-at-the-latest"),
    pytest.param({"last_review": to_db(LATEST)}, id="reviewed-a-day-ahead"),
    pytest.param({"state": 1, "step": 0}, id="learning-step-0"),
    pytest.param({"state": 3, "step": 2**63 - 1}, id="relearning-largest-step"),
    pytest.param({"state": 1, "step": 0, "stability": None, "difficulty": None}, id="new"),
]


@pytest.mark.parametrize("changes", EDGES)
def test_a_card_at_an_edge_is_restored_as_fsrs_reads_it(changes: dict[str, Any]) -> None:
    text = _text(**changes)
    backup = parse_progress(_states(text), "b.json", now=NOW)
    assert backup.card_states[0].fsrs_card == text, "kept verbatim"
    card = Card.from_json(backup.card_states[0].fsrs_card)
    expected = json.loads(REVIEWED.to_json()) | changes
    assert card.card_id == expected["card_id"]
    assert card.stability == expected["stability"]
    assert card.difficulty == expected["difficulty"]
    assert to_db(card.due) == to_db(datetime.fromisoformat(expected["due"]))


PAST = [
    ({"stability": 0.000999}, "stability", "0.000999 is outside 0.001..1e+06"),
    ({"stability": 1000000.1}, "stability", "1e+06 is outside 0.001..1e+06"),
    ({"difficulty": 0.999}, "difficulty", "0.999 is outside 1..10 (fsrs's scale)"),
    ({"difficulty": 10.001}, "difficulty", "10.001 is outside 1..10 (fsrs's scale)"),
    ({"card_id": 2**63}, "card_id", "the integer 9223372036854775808 is beyond 64 bits"),
    ({"card_id": -(2**63) - 1}, "card_id", "the integer -9223372036854775809 is beyond 64 bits"),
    ({"state": 1, "step": 2**63}, "step", "the integer 9223372036854775808 is beyond 64 bits"),
    (
        {"due": "1969-12-31T23:59:59.999999+00:00"},
        "due",
        "'1969-12-31T23:59:59.999999+00:00' is before 1970-01-01T00:00:00.000000+00:00",
    ),
    (
        {"due": to_db(DUE_LATEST + US)},
        "due",
        f"{to_db(DUE_LATEST + US)} is too far ahead for a due time (after {to_db(DUE_LATEST)})",
    ),
    (
        {"last_review": to_db(LATEST + US)},
        "last_review",
        f"{to_db(LATEST + US)} is in the future (after {to_db(LATEST)})",
    ),
    (
        {"due": "9999-12-31T23:59:59-01:00"},
        "due",
        f"'9999-12-31T23:59:59-01:00' is too far ahead for a due time (after {to_db(DUE_LATEST)})",
    ),
    (  # past year 9999 in UTC, and longer than a message shows: its first 40 characters
        {"due": "9999-12-31T23:59:59.999999-00:59:59.999999"},
        "due",
        "'9999-12-31T23:59:59.999999-00:59:59.9999' is too far ahead for a due time",
    ),
    ({"last_review": ""}, "last_review", "not an ISO-8601 time: ''"),
    ({"due": ""}, "due", "not an ISO-8601 time: ''"),
    ({"last_review": "x" * 50}, "last_review", f"not an ISO-8601 time: {'x' * 40!r}"),
    (
        {"due": "1969-12-31T23:59:59.999999+00:00:00.000001"},
        "due",
        "'1969-12-31T23:59:59.999999+00:00:00.0000' is before 1970-01-01T00:00:00.000000+00:00",
    ),
    ({"state": "s" * 38}, "state", f'"{"s" * 38}" is not an fsrs state'),
    ({"state": "s" * 39}, "state", f'"{"s" * 36}... is not an fsrs state'),
    (
        {"state": 3, "step": 0, "stability": None, "difficulty": None},
        "stability",
        "null for a card in Relearning (only a new card has none)",
    ),
]


@pytest.mark.parametrize(("changes", "key", "said"), PAST)
def test_a_card_just_past_an_edge_is_refused_by_its_path(
    changes: dict[str, Any], key: str, said: str
) -> None:
    message = _refusal(_text(**changes))
    assert message.startswith(f"b.json: card_states.0.fsrs_card.{key}: {said}"), message


def test_a_bad_time_fsrs_cannot_read_is_named_before_the_other() -> None:
    """Both times bad: `last_review` is named first, as the file's order has it."""
    message = _refusal(_text(due="later", last_review="sooner"))
    assert message == "b.json: card_states.0.fsrs_card.last_review: not an ISO-8601 time: 'sooner'"
    message = _refusal(_text(due="later", last_review=None))
    assert message == "b.json: card_states.0.fsrs_card.due: not an ISO-8601 time: 'later'"


def test_a_row_validated_in_code_keeps_its_fsrs_text() -> None:
    """No `CheckedTexts` in the context (a row built in code): each text is checked."""
    text = REVIEWED.to_json()
    review = {"card_id": "relu", "rating": 3, "correct": True, "reviewed_at": T, "mode": "due"}
    row = ReviewRow.model_validate({**review, "card_before": text, "card_after": text})
    assert (row.card_before, row.card_after) == (text, text)
    with pytest.raises(ValueError, match="not an fsrs state"):
        ReviewRow.model_validate({**review, "card_before": _text(state=9)})


def test_a_text_passed_for_one_card_is_checked_again_for_another() -> None:
    """Texts are kept per card: a bad text met first under another card is still refused."""
    good = _text()
    bad = _text(due="later")
    rows = _states(good, good)
    rows["card_states"][1]["fsrs_card"] = bad
    with pytest.raises(ProgressFormatError, match=r"card_states\.1\.fsrs_card\.due"):
        parse_progress(rows, "b.json", now=NOW)


def test_the_budget_is_filled_exactly_before_it_forgets() -> None:
    """An entry costs its text, its card id and 100; a text that fills the budget exactly
    is kept with the others, one character more forgets them."""
    kept = CheckedTexts(budget=2 * (100 + 1 + 10))
    kept.keep("a", "x" * 10, None)
    kept.keep("b", "y" * 10, None)
    assert kept.texts == {"a": "x" * 10, "b": "y" * 10}
    assert kept.size == 222
    kept.keep("b", "z" * 10, "y" * 10)  # replaced: the same size
    assert kept.size == 222 and kept.texts["b"] == "z" * 10
    kept.keep("b", "z" * 11, "z" * 10)  # one character over: all forgotten, this one kept
    assert kept.texts == {"b": "z" * 11}
    assert kept.size == 11 + 100 + 1
    assert CheckedTexts().budget == CHECKED_BUDGET, "no budget given: the module's"
