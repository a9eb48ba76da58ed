"""A backup value of the wrong JSON type is refused, named by its JSON path and its type;
pydantic no longer guesses (`"rating": true` read as Again, a number read as a time)."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from quiz.store import Store
from quiz.store.backup import import_progress
from quiz.store.backup_read import ProgressFormatError, parse_progress

NOW = datetime(2026, 3, 10, 12, 0, tzinfo=UTC)
T = "2026-03-01T09:00:00.000000+00:00"
REVIEW: dict[str, Any] = {
    "card_id": "relu",
    "rating": 3,
    "correct": True,
    "reviewed_at": T,
    "duration_ms": 5200,
    "mode": "due",
    "state_before": None,
    "card_before": None,
    "card_after": None,
    "session": None,
}
REVIEW_TEXT = json.dumps(REVIEW)
SESSION: dict[str, Any] = {"id": 1, "mode": "due", "started_at": T, "filters": {}}


def _file(**lists: Any) -> dict[str, Any]:
    return {"format": "drillbit-progress", "version": 2, "exported_at": T, **lists}


def _refusal(document: dict[str, Any]) -> str:
    with pytest.raises(ProgressFormatError) as caught:
        parse_progress(document, "b.json", now=NOW)
    return caught.value.message


@pytest.mark.parametrize(
    ("field", "value", "said"),
    [
        ("rating", True, "reviews.1.rating: Input should be a valid integer, not true"),
        ("rating", "3", 'reviews.1.rating: Input should be a valid integer, not a string ("3")'),
        ("correct", 1, "reviews.1.correct: Input should be a valid boolean, not a number (1)"),
        ("correct", "yes", 'reviews.1.correct: Input should be a valid boolean, not a string ("yes")'),
        ("duration_ms", 5.5, "reviews.1.duration_ms: Input should be a valid integer, not a number (5.5)"),
        ("session", "1", 'reviews.1.session: Input should be a valid integer, not a string ("1")'),
        ("reviewed_at", 1700000000, "reviews.1.reviewed_at: a time is ISO-8601 text, not a number (1700000000)"),
        ("card_id", 7, "reviews.1.card_id: Input should be a valid string, not a number (7)"),
    ],
)  # fmt: skip
def test_a_review_value_of_the_wrong_type_is_refused_by_its_path(
    field: str, value: object, said: str
) -> None:
    """Each was accepted and converted before (`true` became rating 1, Again; the number
    a time in 1970 or 2023)."""
    document = _file(reviews=[REVIEW, {**REVIEW, field: value}])
    assert _refusal(document) == f"b.json: {said}"


def test_times_days_and_flags_of_the_wrong_type_are_refused() -> None:
    plan = {"interview": 20260401, "minutes_per_day": 30, "target": 0.9, "created_at": T}
    assert _refusal(_file(plan=plan)) == (
        "b.json: plan.interview: a day is `YYYY-MM-DD` text, not a number (20260401)"
    )
    flag = {"card_id": "relu", "suspended": "true", "buried_until": None, "updated_at": T}
    assert _refusal(_file(card_flags=[flag])) == (
        'b.json: card_flags.0.suspended: Input should be a valid boolean, not a string ("true")'
    )
    assert _refusal({**_file(), "exported_at": 0}) == (
        "b.json: exported_at: a time is ISO-8601 text, not a number (0)"
    )
    assert _refusal(_file(reviews=[[REVIEW]])) == (
        "b.json: reviews.0: Input should be an object, not a list"
    )


def test_a_filter_of_the_wrong_type_is_one_problem_at_its_own_path() -> None:
    """A union's branch names were in the path (`filters.topic.bool`) and each branch
    counted as a problem (`and 7 more`) for one value."""
    inside = {**SESSION, "filters": {"topic": ["a", {"b": 1}]}}
    assert _refusal(_file(sessions=[inside])) == (
        "b.json: sessions.0.filters.topic.1: a filter's list holds null, true or false, "
        "numbers and strings, not an object"
    )
    whole = {**SESSION, "filters": {"topic": {"b": 1}, "tag": [{}]}}
    assert _refusal(_file(sessions=[whole])) == (
        "b.json: sessions.0.filters.topic: a filter is null, true or false, a number, a "
        "string or a list of those, not an object (and 1 more)"
    )
    long = {**SESSION, "filters": {"topic": "x" * 201}}  # the string branch says why
    assert _refusal(_file(sessions=[long])) == (
        "b.json: sessions.0.filters.topic: String should have at most 200 characters"
    )


def test_every_kind_a_filter_may_be_is_read() -> None:
    filters = {"a": None, "b": True, "c": 3, "d": 0.5, "e": "t", "f": [None, False, 2, 1.5, "u"]}
    backup = parse_progress(_file(sessions=[{**SESSION, "filters": filters}]), now=NOW)
    assert backup.sessions[0].filters == filters


def test_json_s_own_types_are_read_as_before() -> None:
    """An integer where a number goes (`duration_ms` of an attempt, the plan's minutes)
    is a JSON number: read."""
    attempt = {"card_id": "s", "status": "passed", "duration_ms": 41, "verdict": "{}"}
    plan = {"interview": "2026-04-01", "minutes_per_day": 30, "target": 0.9, "created_at": T}
    backup = parse_progress(
        _file(attempts=[{**attempt, "attempted_at": T}], plan=plan, reviews=[REVIEW]), now=NOW
    )
    assert backup.attempts[0].duration_ms == 41.0
    assert backup.plan is not None and backup.plan.minutes_per_day == 30.0
    assert str(backup.plan.interview) == "2026-04-01"
    assert backup.reviews[0].rating == 3 and backup.reviews[0].correct is True


def test_an_import_with_a_wrong_type_deep_inside_changes_nothing(tmp_path: Path) -> None:
    rows = [
        {**REVIEW, "reviewed_at": f"2026-03-01T09:{minute:02d}:00+00:00"} for minute in range(50)
    ]
    rows[40] = {**rows[40], "rating": True}
    path = tmp_path / "b.json"
    path.write_text(json.dumps(_file(reviews=rows)))
    with Store.open(tmp_path / "drillbit.db", now=NOW) as store:
        with pytest.raises(ProgressFormatError, match=r"reviews\.40\.rating: .* not true"):
            import_progress(store, path, now=NOW)
        assert store.review_count() == 0


@pytest.mark.parametrize(
    ("end", "damage"),
    [
        (
            '{"card_id": "relu", "rat',
            "reviews.1: not JSON (the file ends inside it; was it cut"
            " short? line 4, column 21: Unterminated string starting at)",
        ),
        (
            '{"card_id": "relu"}',
            "reviews.1: not JSON (the file ends after it; was it cut short?"
            " line 4, column 20: expecting ',' or ']' after a list item)",
        ),
        (
            '{"card_id": "relu"} ]] x',
            "reviews: not JSON (line 4, column 22: expecting ',' or '}' after a value; found ']')",
        ),
    ],
)
def test_a_newer_version_s_file_cut_short_asks_to_update_drillbit_first(
    tmp_path: Path, end: str, damage: str
) -> None:
    """Its header said version 5, yet the message was only the JSON's: the version comes
    first, then what no drillbit can read; the same file of this version keeps the JSON's."""
    path = tmp_path / "b.json"
    text = (
        f'{{"format": "drillbit-progress", "version": 5, "exported_at": "{T}",\n'
        f'"reviews": [\n{REVIEW_TEXT},\n{end}'
    )
    path.write_text(text)
    with Store.open(tmp_path / "drillbit.db", now=NOW) as store:
        with pytest.raises(ProgressFormatError) as refused:
            import_progress(store, path, now=NOW)
        assert store.review_count() == 0
    assert refused.value.message == (
        f"{path} is drillbit-progress version 5; this drillbit reads versions 1 to 4 "
        f"(update drillbit to import it); the file is also damaged: {damage}"
    )
    path.write_text(text.replace('"version": 5', '"version": 4'))
    with Store.open(tmp_path / "drillbit.db", now=NOW) as store:
        with pytest.raises(ProgressFormatError) as refused:
            import_progress(store, path, now=NOW)
    assert refused.value.message == f"{path}: {damage}"


@pytest.mark.parametrize(
    "row",
    [
        '{"card_id": "relu", "x": 100000000000000000000000000000}',  # beyond 64 bits
        '{"card_id": "relu", "x": ' + "[" * 20 + "]" * 20 + "}",  # deeper than 8 levels
        '{"card_id": "relu", "x": ' + "[" * 100_000 + "]" * 100_000 + "}",  # past recursion
    ],
)
def test_a_newer_version_s_value_asks_to_update_drillbit(tmp_path: Path, row: str) -> None:
    """Such a value was refused at once, for itself (`reviews.0.x: nested deeper than 8
    levels`), in a file whose first line says a newer drillbit wrote it."""
    path = tmp_path / "b.json"
    path.write_text(
        f'{{"format": "drillbit-progress", "version": 5, "exported_at": "{T}",\n'
        f'"reviews": [\n{REVIEW_TEXT},\n{row}\n]}}\n'
    )
    with Store.open(tmp_path / "drillbit.db", now=NOW) as store:
        with pytest.raises(ProgressFormatError) as refused:
            import_progress(store, path, now=NOW)
        assert store.review_count() == 0
    assert refused.value.message == (
        f"{path} is drillbit-progress version 5; this drillbit reads versions 1 to 4 "
        "(update drillbit to import it)"
    )
    this_version = path.read_text().replace('"version": 5', '"version": 4')
    path.write_text(this_version)  # the same values in a file of this version: refused for them
    with Store.open(tmp_path / "drillbit.db", now=NOW) as store:
        with pytest.raises(ProgressFormatError, match=r"reviews\.1\.x.*: (an integer|nested)"):
            import_progress(store, path, now=NOW)
