"""The edges of a backup's values (`quiz.store.backup_values`), each on both sides: what a
restore accepts and what it refuses, with the refusal's JSON path and words.

A forty-eighth round mutation audit found them untested: a time's day of slack, a burial's
two, a due time's 200 years, a week's duration, the 64-bit integers, a card id's and a
filter's lengths could each move by one unseen (docs/mutation-audits.md).
"""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta, timezone
from typing import Any

import pytest
from fsrs import Card, State
from pydantic import ValidationError

from quiz.store.backup_models import PlanRow, ReviewRow, SessionRow
from quiz.store.backup_read import ProgressFormatError, parse_progress
from quiz.store.timefmt import to_db

NOW = datetime(2026, 3, 10, 12, 0, tzinfo=UTC)
T = "2026-03-01T09:00:00.000000+00:00"
US = timedelta(microseconds=1)
REVIEW: dict[str, Any] = {
    "card_id": "relu",
    "rating": 3,
    "correct": True,
    "reviewed_at": T,
    "mode": "due",
}
SESSION: dict[str, Any] = {"id": 1, "mode": "due", "started_at": T, "filters": {}}


def _file(**lists: Any) -> dict[str, Any]:
    return {"format": "drillbit-progress", "version": 2, "exported_at": T, **lists}


def _refusal(document: dict[str, Any]) -> str:
    with pytest.raises(ProgressFormatError) as caught:
        parse_progress(document, "b.json", now=NOW)
    return caught.value.message


def _flag(buried_until: str) -> dict[str, Any]:
    return {"card_id": "relu", "suspended": False, "buried_until": buried_until, "updated_at": T}


def test_a_time_a_day_ahead_is_read_and_one_a_microsecond_later_is_in_the_future() -> None:
    """A day of slack for clocks and time zones, no more: a review "tomorrow" would stay
    the newest of its card's after every later review on this machine."""
    edge = to_db(NOW + timedelta(days=1))
    backup = parse_progress(_file(reviews=[{**REVIEW, "reviewed_at": edge}]), now=NOW)
    assert backup.reviews[0].reviewed_at == NOW + timedelta(days=1)
    later = to_db(NOW + timedelta(days=1) + US)
    assert _refusal(_file(reviews=[{**REVIEW, "reviewed_at": later}])) == (
        f"b.json: reviews.0.reviewed_at: {later} is in the future "
        "(after 2026-03-11T12:00:00.000000+00:00)"
    )


def test_a_time_in_another_zone_is_read_as_the_same_moment_in_utc() -> None:
    zone = timezone(timedelta(hours=-7, minutes=-30))
    moment = datetime(2026, 3, 1, 1, 30, tzinfo=zone)
    backup = parse_progress(_file(reviews=[{**REVIEW, "reviewed_at": moment.isoformat()}]), now=NOW)
    read = backup.reviews[0].reviewed_at
    assert read == datetime(2026, 3, 1, 9, 0, tzinfo=UTC)
    assert read.utcoffset() == timedelta(0)
    assert backup.model_dump(mode="json")["reviews"][0]["reviewed_at"] == T


def test_a_burial_two_days_ahead_is_read_and_one_a_microsecond_later_is_refused() -> None:
    edge = NOW + timedelta(days=2)
    backup = parse_progress(_file(card_flags=[_flag(to_db(edge))]), now=NOW)
    assert backup.card_flags[0].buried_until == edge
    later = to_db(edge + US)
    assert _refusal(_file(card_flags=[_flag(later)])) == (
        f"b.json: card_flags.0.buried_until: {later} is too far ahead for a burial (it lasts "
        "until the next day; at most 2026-03-12T12:00:00.000000+00:00)"
    )


def test_a_burial_in_another_zone_is_read_in_utc() -> None:
    backup = parse_progress(_file(card_flags=[_flag("2026-03-11T02:00:00+02:00")]), now=NOW)
    until = backup.card_flags[0].buried_until
    assert until == datetime(2026, 3, 11, 0, 0, tzinfo=UTC)
    assert until is not None and until.utcoffset() == timedelta(0)


def test_a_week_long_answer_is_read_and_a_millisecond_more_is_refused() -> None:
    week = 7 * 24 * 3600 * 1000
    backup = parse_progress(_file(reviews=[{**REVIEW, "duration_ms": week}]), now=NOW)
    assert backup.reviews[0].duration_ms == week
    assert _refusal(_file(reviews=[{**REVIEW, "duration_ms": week + 1}])) == (
        "b.json: reviews.0.duration_ms: Input should be less than or equal to 604800000"
    )


def _due_card(due: datetime) -> str:
    card = Card(card_id=7, state=State.Review, stability=3.0, difficulty=5.0, due=due)
    card.last_review = NOW - timedelta(days=1)
    return card.to_json()


def test_a_card_due_two_hundred_years_after_tomorrow_is_read_and_no_later() -> None:
    """Twice fsrs's longest interval, counted from a file's latest time (now + a day)."""
    edge = NOW + timedelta(days=1) + timedelta(days=73_000)
    row = {"card_id": "relu", "fsrs_card": _due_card(edge), "introduced_at": T, "updated_at": T}
    backup = parse_progress(_file(card_states=[row]), now=NOW)
    assert Card.from_json(backup.card_states[0].fsrs_card).due == edge
    row["fsrs_card"] = _due_card(edge + US)
    assert _refusal(_file(card_states=[row])) == (
        f"b.json: card_states.0.fsrs_card.due: {to_db(edge + US)} is too far ahead for a due "
        f"time (after {to_db(edge)})"
    )


@pytest.mark.parametrize("session_id", [2**63 - 1, -(2**63)])
def test_a_64_bit_id_is_read(session_id: int) -> None:
    backup = parse_progress(_file(sessions=[{**SESSION, "id": session_id}]), now=NOW)
    assert backup.sessions[0].id == session_id


@pytest.mark.parametrize("session_id", [2**63, -(2**63) - 1])
def test_an_id_past_64_bits_is_refused_by_its_path(session_id: int) -> None:
    assert _refusal(_file(sessions=[{**SESSION, "id": session_id}])) == (
        f"b.json: sessions.0.id: the integer {session_id} is beyond 64 bits"
    )


def test_the_row_model_alone_refuses_an_id_past_64_bits() -> None:
    """A row validated in code has no file walk before it: its own bounds hold."""
    for session_id in (2**63, -(2**63) - 1):
        with pytest.raises(ValidationError, match="session"):
            ReviewRow.model_validate({**REVIEW, "session": session_id}, context={"now": NOW})
    for session_id in (2**63 - 1, -(2**63)):
        row = ReviewRow.model_validate({**REVIEW, "session": session_id}, context={"now": NOW})
        assert row.session == session_id


def test_a_card_id_of_one_to_two_hundred_characters_is_read() -> None:
    for card_id in ("r", "r" * 200):
        backup = parse_progress(_file(reviews=[{**REVIEW, "card_id": card_id}]), now=NOW)
        assert backup.reviews[0].card_id == card_id
    assert _refusal(_file(reviews=[{**REVIEW, "card_id": ""}])) == (
        "b.json: reviews.0.card_id: String should have at least 1 character"
    )
    assert _refusal(_file(reviews=[{**REVIEW, "card_id": "r" * 201}])) == (
        "b.json: reviews.0.card_id: String should have at most 200 characters"
    )


def test_an_fsrs_text_of_4096_characters_is_read_and_one_more_is_refused() -> None:
    """JSON's blanks around the card fill it out: fsrs reads it as the same card."""
    card = _due_card(NOW + timedelta(days=3))
    full = card + " " * (4096 - len(card))
    review = {**REVIEW, "card_before": full}
    assert parse_progress(_file(reviews=[review]), now=NOW).reviews[0].card_before == full
    assert _refusal(_file(reviews=[{**REVIEW, "card_before": full + " "}])) == (
        "b.json: reviews.0.card_before: String should have at most 4096 characters"
    )


def test_a_filter_s_edges_are_read_and_past_them_refused() -> None:
    filters = {"topic": "x" * 200, "tags": ["t"] * 10_000, "least": 0.5}
    backup = parse_progress(_file(sessions=[{**SESSION, "filters": filters}]), now=NOW)
    assert backup.sessions[0].filters == filters
    long = {**SESSION, "filters": {"tags": ["t"] * 10_001}}
    assert _refusal(_file(sessions=[long])) == (
        "b.json: sessions.0.filters.tags: List should have at most 10000 items after "
        "validation, not 10001"
    )


@pytest.mark.parametrize("number", [float("nan"), float("inf")])
def test_a_filter_that_is_no_finite_number_is_refused(number: float) -> None:
    """A row validated in code (no file walk before it) refuses it too."""
    with pytest.raises(ValidationError, match="finite"):
        SessionRow.model_validate({**SESSION, "filters": {"least": number}}, context={"now": NOW})


def test_a_row_validated_with_a_now_is_bounded_by_it() -> None:
    """No `Bounds` in the context: they are made from its `now`."""
    edge = to_db(NOW + timedelta(days=1))
    row = ReviewRow.model_validate({**REVIEW, "reviewed_at": edge}, context={"now": NOW})
    assert row.reviewed_at == NOW + timedelta(days=1)
    later = to_db(NOW + timedelta(days=1) + US)
    with pytest.raises(ValidationError, match="is in the future"):
        ReviewRow.model_validate({**REVIEW, "reviewed_at": later}, context={"now": NOW})


def test_a_row_validated_without_a_context_is_bounded_by_the_clock() -> None:
    clock = datetime.now(UTC)
    hour_ago = to_db(clock - timedelta(hours=1))
    assert ReviewRow.model_validate({**REVIEW, "reviewed_at": hour_ago}).reviewed_at < clock
    days_ahead = to_db(clock + timedelta(days=3))
    with pytest.raises(ValidationError, match="is in the future"):
        ReviewRow.model_validate({**REVIEW, "reviewed_at": days_ahead})
    with pytest.raises(ValidationError, match="is in the future"):
        ReviewRow.model_validate({**REVIEW, "reviewed_at": days_ahead}, context={"now": "x"})


def test_a_time_that_is_no_text_or_no_time_is_refused_by_its_path() -> None:
    assert _refusal(_file(reviews=[{**REVIEW, "reviewed_at": "tomorrow"}])) == (
        "b.json: reviews.0.reviewed_at: not an ISO-8601 time: 'tomorrow'"
    )
    assert _refusal(_file(reviews=[{**REVIEW, "reviewed_at": "0001-01-01T00:00:00+01:00"}])) == (
        "b.json: reviews.0.reviewed_at: '0001-01-01T00:00:00+01:00' is out of range once in UTC"
    )


def test_a_day_is_text_or_a_date() -> None:
    plan = {"interview": "2026-04-01", "minutes_per_day": 30, "target": 0.9, "created_at": T}
    backup = parse_progress(_file(plan=plan), now=NOW)
    assert backup.plan is not None and str(backup.plan.interview) == "2026-04-01"
    assert json.dumps(backup.model_dump(mode="json")["plan"]["interview"]) == '"2026-04-01"'


def test_a_row_built_in_code_takes_a_datetime_and_a_date() -> None:
    """Only a file's values must be text: a row built in code passes its own types."""
    moment = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)
    row = ReviewRow.model_validate({**REVIEW, "reviewed_at": moment}, context={"now": NOW})
    assert row.reviewed_at == moment
    plan = {"interview": date(2026, 4, 1), "minutes_per_day": 30, "target": 0.9}
    read = PlanRow.model_validate({**plan, "created_at": moment}, context={"now": NOW})
    assert read.interview == date(2026, 4, 1)
