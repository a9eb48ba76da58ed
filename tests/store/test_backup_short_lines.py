"""The export's short lists (sessions, attempts, drafts, flags, hints, the plan) written
from their values, as the models wrote them, so that an export imports no pydantic.

Any one row of these lists made `drillbit export progress` import the backup's models
(pydantic, fsrs and the import's checks: 0.25 s of CPU of a heavy user's 1.1 s). Each
writer gives its model's JSON for every row, or None for a value it leaves to the model.
"""

from __future__ import annotations

import json
import os
import sqlite3
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quiz.store import backup_dump as backup_module
from quiz.store.backup_lines import (
    attempt_line,
    draft_line,
    flag_line,
    hint_line,
    plan_line,
    session_line,
)
from tests.conftest import modules_imported_by
from tests.store.test_backup_lines import _golden_home

TEXT = st.text(st.characters(codec="utf-8"), max_size=20)
MOMENT = st.datetimes(
    min_value=datetime(1000, 1, 1), max_value=datetime(9998, 12, 31), timezones=st.just(UTC)
).map(lambda moment: moment.isoformat(timespec="microseconds"))
ODD_TIME = st.one_of(MOMENT, st.just("2026-03-09T10:00:00+01:00"))
INT = st.integers(min_value=-(2**63), max_value=2**63 - 1)
FLOAT = st.floats(allow_nan=False, allow_infinity=False)
SCALAR = st.one_of(st.none(), st.booleans(), INT, FLOAT, TEXT)
AT = "2026-03-01T08:00:00.000000+00:00"
"""A moment as the store writes one."""
FILTERS = st.dictionaries(TEXT, st.one_of(SCALAR, st.lists(SCALAR, max_size=3)), max_size=3)


def _same_as_model(key: str, line: Any, row: dict[str, Any]) -> None:
    written = line(row)
    if written is not None:  # None: the model writes it, as before
        assert written == backup_module.ROW_BUILDERS[key](row).model_dump_json()
        json.loads(written)


@given(
    number=st.integers(1, 10**6),
    mode=st.sampled_from(["due", "cram", "mock"]),
    started=MOMENT,
    ended=st.one_of(st.none(), MOMENT),
    filters=FILTERS.map(lambda found: json.dumps(found, ensure_ascii=False)),
)
def test_a_session_line_is_its_models_json(
    number: int, mode: str, started: str, ended: str | None, filters: str
) -> None:
    row = {"id": 5, "mode": mode, "started_at": started, "ended_at": ended, "filters": filters}
    _same_as_model("sessions", session_line, {**row, "number": number})


@given(
    card_id=TEXT,
    status=TEXT,
    seed=st.one_of(st.none(), INT),
    duration=st.one_of(st.none(), st.floats(0, 6.048e8), FLOAT, st.integers(0, 10**6)),
    hints=st.integers(0, 1000),
    verdict=TEXT,
    at=ODD_TIME,
    session=st.one_of(st.none(), st.integers(1, 10**6)),
)
def test_an_attempt_line_is_its_models_json(
    card_id: str,
    status: str,
    seed: int | None,
    duration: float | None,
    hints: int,
    verdict: str,
    at: str,
    session: int | None,
) -> None:
    row = {
        "card_id": card_id,
        "status": status,
        "seed": seed,
        "duration_ms": duration,
        "hints_used": hints,
        "verdict": verdict,
        "attempted_at": at,
        "number": session,
    }
    _same_as_model("attempts", attempt_line, row)


@given(card_id=TEXT, text=TEXT, at=ODD_TIME)
def test_a_draft_line_is_its_models_json(card_id: str, text: str, at: str) -> None:
    _same_as_model("drafts", draft_line, {"card_id": card_id, "text": text, "updated_at": at})


@given(
    card_id=TEXT,
    suspended=st.integers(0, 1),
    buried=st.one_of(st.none(), MOMENT),
    at=ODD_TIME,
)
def test_a_flag_line_is_its_models_json(
    card_id: str, suspended: int, buried: str | None, at: str
) -> None:
    row = {"card_id": card_id, "suspended": suspended, "buried_until": buried, "updated_at": at}
    _same_as_model("card_flags", flag_line, row)


@given(
    card_id=TEXT,
    hint=st.integers(1, 1000),
    at=ODD_TIME,
    session=st.one_of(st.none(), st.integers(1, 10**6)),
)
def test_a_hint_line_is_its_models_json(
    card_id: str, hint: int, at: str, session: int | None
) -> None:
    row = {"card_id": card_id, "hint": hint, "seen_at": at, "number": session}
    _same_as_model("hints_seen", hint_line, row)


@given(
    day=st.dates().map(lambda day: day.isoformat()),
    minutes=st.floats(1, 1440),
    target=st.floats(0.01, 0.99),
    at=ODD_TIME,
)
def test_a_plan_line_is_its_models_json(day: str, minutes: float, target: float, at: str) -> None:
    row = {"interview": day, "minutes_per_day": minutes, "target": target, "created_at": at}
    written = plan_line(row)
    if written is not None:
        assert written == _plan_models_json(row)


def test_a_plain_plan_row_is_written_without_the_model() -> None:
    row = {"interview": "2026-12-14", "minutes_per_day": 30.0, "target": 0.9, "created_at": AT}
    written = plan_line(row)
    assert written is not None and written == _plan_models_json(row)


def _plan_models_json(row: dict[str, Any]) -> str:
    """The plan's JSON as `PlanRow` writes it for `row`."""

    class Conn:
        """What `plan_row` reads from: the plan's row by column name."""

        def execute(self, _query: str) -> Any:
            return type("Cursor", (), {"fetchone": lambda _self: row})()

    model = backup_module.plan_row(Conn())  # type: ignore[arg-type]
    assert model is not None
    return model.model_dump_json()


PLAIN_ROWS: dict[str, tuple[Any, dict[str, Any]]] = {
    "sessions": (
        session_line,
        {"number": 1, "mode": "due", "started_at": AT, "ended_at": AT, "filters": '{"pack": "p"}'},
    ),
    "attempts": (
        attempt_line,
        {
            "card_id": "c",
            "status": "passed",
            "seed": 7,
            "duration_ms": 12.5,
            "hints_used": 1,
            "verdict": "{}",
            "attempted_at": AT,
            "number": 1,
        },
    ),
    "drafts": (draft_line, {"card_id": "c", "text": "def f():\n    pass\n", "updated_at": AT}),
    "card_flags": (
        flag_line,
        {"card_id": "c", "suspended": 1, "buried_until": AT, "updated_at": AT},
    ),
    "hints_seen": (hint_line, {"card_id": "c", "hint": 2, "seen_at": AT, "number": None}),
}
"""A row of each list as the store writes it: the properties above take a None (left to
the model) as a pass, so these say each writer does write the rows it is for."""


@pytest.mark.parametrize("key", list(PLAIN_ROWS))
def test_a_plain_row_is_written_without_the_model(key: str) -> None:
    line, row = PLAIN_ROWS[key]
    written = line(row)
    assert written is not None
    assert written == backup_module.ROW_BUILDERS[key](row).model_dump_json()


def test_values_left_to_the_model_give_none() -> None:
    assert (
        session_line(
            {
                "number": 1,
                "mode": "due",
                "started_at": "2026-03-01T08:00:00Z",
                "ended_at": None,
                "filters": "{}",
            }
        )
        is None
    )
    assert (
        flag_line(
            {
                "card_id": "c",
                "suspended": "1",
                "buried_until": None,
                "updated_at": "2026-03-01T08:00:00.000000+00:00",
            }
        )
        is None
    )
    assert (
        plan_line(
            {
                "interview": "2026-02-30",
                "minutes_per_day": 30.0,
                "target": 0.9,
                "created_at": "2026-03-01T08:00:00.000000+00:00",
            }
        )
        is None
    )
    assert (
        session_line(
            {
                "number": 1,
                "mode": "due",
                "ended_at": None,
                "filters": "{",
                "started_at": "2026-03-01T08:00:00.000000+00:00",
            }
        )
        is None
    )


def test_an_export_of_every_list_imports_no_model(tmp_path: Path) -> None:
    """The golden home holds a row of every list and the plan; only its review whose time
    is in another text needs its model. Without that one, the export loads no pydantic."""
    home = Path(os.environ["DRILLBIT_HOME"])
    home.mkdir(parents=True, exist_ok=True)
    _golden_home(home / "drillbit.db")
    with sqlite3.connect(home / "drillbit.db") as conn:
        conn.execute("DELETE FROM review_log WHERE reviewed_at = '2026-03-09T10:00:00+01:00'")
    conn.close()
    modules, printed = modules_imported_by("export", "progress", str(tmp_path / "out.json"))
    assert "1 drill try, 1 draft, 2 study sessions" in printed
    assert not {"pydantic", "fsrs", "quiz.store.backup"} & modules
    written = json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))
    assert written["plan"]["interview"] == "2026-03-20" and written["hints_seen"]
