"""A backup's attempt status is one drillbit writes, and an unknown field is named in our
words with the fields this drillbit reads there, at its JSON path."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any, get_args

import pytest

from engine.outcome import Status
from quiz.store.backup_models import AttemptStatus
from quiz.store.backup_read import ProgressFormatError, parse_progress

NOW = datetime(2026, 3, 10, 12, 0, tzinfo=UTC)
T = "2026-03-01T09:00:00.000000+00:00"
ATTEMPT: dict[str, Any] = {
    "card_id": "sigmoid",
    "status": "failed",
    "seed": 7,
    "duration_ms": 41.5,
    "hints_used": 0,
    "verdict": "{}",
    "attempted_at": T,
}


def _file(version: int = 3, **lists: Any) -> dict[str, Any]:
    return {"format": "drillbit-progress", "version": version, "exported_at": T, **lists}


def _refusal(document: dict[str, Any]) -> str:
    with pytest.raises(ProgressFormatError) as caught:
        parse_progress(document, "b.json", now=NOW)
    return caught.value.message


@pytest.mark.parametrize("status", [s.value for s in Status])
def test_every_status_drillbit_writes_is_read(status: str) -> None:
    backup = parse_progress(_file(attempts=[{**ATTEMPT, "status": status}]), now=NOW)
    assert [a.status for a in backup.attempts] == [status]


@pytest.mark.parametrize("status", ["bogus", "PASSED", "pass", " passed", "not_run"])
def test_a_status_drillbit_never_writes_is_refused_at_its_path(status: str) -> None:
    said = _refusal(_file(attempts=[ATTEMPT, {**ATTEMPT, "status": status}]))
    assert said.startswith("b.json: attempts.1.status: ")
    assert "passed" in said and "internal" in said, "the statuses allowed are named"
    assert said.endswith(f"not a string ({json.dumps(status)})"), "and what was found"


def test_an_unknown_row_field_is_named_with_the_fields_read_there() -> None:
    said = _refusal(_file(attempts=[ATTEMPT, {**ATTEMPT, "shown": True}]))
    assert "Extra inputs" not in said
    assert said.startswith("b.json: attempts.1.shown: unknown field 'shown'")
    assert "this drillbit reads drillbit-progress versions 1 to 4" in said
    assert "card_id, status, seed" in said


def test_an_unknown_top_level_field_is_named_with_the_files_fields() -> None:
    said = _refusal({**_file(), "x": 1})
    assert said.startswith("b.json: x: unknown field 'x'")
    assert "format, version, exported_at" in said and "hints_seen" in said


def test_an_unknown_field_of_the_plan_names_the_plans_fields() -> None:
    plan = {"interview": "2026-03-20", "minutes_per_day": 40.0, "target": 0.9, "created_at": T}
    said = _refusal({**_file(), "plan": {**plan, "bogus": 1}})
    assert "plan.bogus: unknown field 'bogus'" in said
    assert "interview, minutes_per_day, target, created_at" in said
    assert "format, version" not in said, "the plan's own fields, not the file's"


def test_the_format_reads_exactly_the_statuses_a_grading_ends_in() -> None:
    assert set(get_args(AttemptStatus)) == {s.value for s in Status}
