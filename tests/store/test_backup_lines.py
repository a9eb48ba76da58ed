"""The export writes card schedules and reviews from their values, not through a model a row
(`quiz.store.backup_lines`), and the file is byte for byte what the models wrote: the same
text as each row's `model_dump_json`, and a stored file written by the models before."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quiz.store import Store, backup_export
from quiz.store import backup_dump as backup_module
from quiz.store.backup import import_progress
from quiz.store.backup_export import export_progress
from quiz.store.backup_lines import REVIEW_COLUMNS, STATE_COLUMNS, review_line, state_line
from quiz.store.backup_models import CardStateRow, ReviewRow

NOW = datetime(2026, 3, 10, 12, 0, tzinfo=UTC)
GOLDEN = Path(__file__).parent / "data" / "export_golden.json"
FSRS = (
    '{"card_id": 1, "state": 2, "step": null, "stability": 3.25, "difficulty": 5.5, '
    '"due": "2026-03-04T09:00:00.000000+00:00", "last_review": "2026-03-01T09:00:00.000000+00:00"}'
)
ODD_IDS = [
    'say "hi"',
    "back\\slash",
    "new\nline\ttab",
    "ctl\x01\x1f\x7f",
    "é ü 雪 🧠",
    "ls\u2028ps\u2029",
]
"""Ids whose JSON needs every kind of escape, or none where one might be expected."""
STATE_NAMES = [name.strip() for name in STATE_COLUMNS.split(",")]
REVIEW_NAMES = [name.strip().split(".")[-1] for name in REVIEW_COLUMNS.split(",")]


def _modelled(build: Any, names: list[str], row: tuple[Any, ...]) -> str:
    """What the export wrote for `row` before: its model, dumped."""
    return str(build(dict(zip(names, row, strict=True))).model_dump_json())


def test_the_columns_are_the_models_fields_in_order() -> None:
    assert STATE_NAMES == list(CardStateRow.model_fields)
    assert REVIEW_NAMES[:-1] == list(ReviewRow.model_fields)[:-1]
    assert REVIEW_NAMES[-1] == "number" and list(ReviewRow.model_fields)[-1] == "session"


TEXT = st.text(st.characters(codec="utf-8"), max_size=30)
MOMENT = st.datetimes(
    min_value=datetime(1000, 1, 1), max_value=datetime(9998, 12, 31), timezones=st.just(UTC)
).map(lambda moment: moment.isoformat(timespec="microseconds"))
INT = st.integers(min_value=-(2**63), max_value=2**63 - 1)


@given(
    card_id=TEXT,
    fsrs=st.one_of(st.just(FSRS), TEXT),
    introduced=MOMENT,
    updated=MOMENT,
)
def test_a_schedule_line_is_its_models_json(
    card_id: str, fsrs: str, introduced: str, updated: str
) -> None:
    row = (card_id, fsrs, introduced, updated)
    assert state_line(row) == _modelled(backup_module._state_row, STATE_NAMES, row)


@given(
    card_id=TEXT,
    rating=st.integers(1, 4) | INT,
    correct=st.sampled_from([0, 1]),
    reviewed=MOMENT,
    duration=st.none() | INT,
    mode=st.sampled_from(["due", "cram", "mock"]),
    state_before=st.none() | st.integers(0, 3),
    before=st.none() | st.just(FSRS) | TEXT,
    after=st.none() | st.just(FSRS) | TEXT,
    session=st.none() | INT,
)
def test_a_review_line_is_its_models_json(
    card_id: str,
    rating: int,
    correct: int,
    reviewed: str,
    duration: int | None,
    mode: str,
    state_before: int | None,
    before: str | None,
    after: str | None,
    session: int | None,
) -> None:
    row = (card_id, rating, correct, reviewed, duration, mode, state_before, before, after, session)
    assert review_line(row) == _modelled(backup_module._review_row, REVIEW_NAMES, row)


@pytest.mark.parametrize(
    "moment",
    [
        "2026-03-01T09:00:00+00:00",  # no fraction: the model writes .000000
        "2026-03-01T09:00:00.000000",  # no offset: UTC
        "2026-03-01 09:00:00.000000+00:00",
        "2026-03-01T10:00:00.000000+01:00",  # another offset: the model writes it in UTC
        "2026-03-01T09:00:00,000000+00:00",
        "0999-03-01T09:00:00.000000+00:00",  # before year 1000, to_db's other text
        "2026-03-01T09:00:00.000000Z",
    ],
)
def test_a_time_not_in_the_stores_text_goes_through_the_model(moment: str) -> None:
    """Only `to_db`'s own text is copied; any other is left to the model, which rewrites it
    (copying it would write another file)."""
    state = ("relu", FSRS, moment, "2026-03-01T09:00:00.000000+00:00")
    review = ("relu", 3, 1, moment, None, "due", None, None, None, None)
    assert state_line(state) is None and review_line(review) is None
    assert f'"{moment}"' not in _modelled(backup_module._review_row, REVIEW_NAMES, review)


@pytest.mark.parametrize(
    "moment", ["2025-02-30T09:00:00.000000+00:00", "2026-03-01T24:00:00.000000+00:00"]
)
def test_a_time_that_is_no_day_is_refused_by_the_model_as_before(moment: str) -> None:
    review = ("relu", 3, 1, moment, None, "due", None, None, None, None)
    assert review_line(review) is None
    with pytest.raises(ValueError):
        _modelled(backup_module._review_row, REVIEW_NAMES, review)


@pytest.mark.parametrize(
    ("index", "value"),
    [(1, 3.0), (1, "3"), (1, True), (4, 5.5), (5, "other"), (6, 2.0), (7, b"{}"), (9, "1")],
)
def test_a_value_of_another_type_goes_through_the_model(index: int, value: object) -> None:
    row: list[object] = ["relu", 3, 1, "2026-03-01T09:00:00.000000+00:00", None, "due", None]
    row += [None, None, None]
    row[index] = value
    assert review_line(tuple(row)) is None


def _golden_home(path: Path) -> None:
    """Every list of the file, with odd ids, nulls, a time in another text and a session."""
    with Store.open(path, now=NOW):
        pass
    with sqlite3.connect(path) as conn:
        conn.execute(
            "INSERT INTO study_session (mode, started_at, ended_at, filters) VALUES "
            "('due', '2026-03-01T08:59:00.000000+00:00', NULL, '{\"topic\": \"activations\"}'), "
            "('cram', '2026-03-02T08:00:00.000000+00:00', '2026-03-02T08:30:00.000000+00:00', '{}')"
        )
        conn.execute("DELETE FROM study_session WHERE id = 1")  # numbered from 1 in the file
        conn.execute(
            "INSERT INTO study_session (mode, started_at, filters) VALUES "
            "('mock', '2026-03-03T08:00:00.000000+00:00', '{}')"
        )
        for index, card_id in enumerate(["relu", *ODD_IDS]):
            moment = f"2026-03-0{index + 1}T09:00:00.{index:06d}+00:00"
            conn.execute(
                "INSERT INTO card_state (card_id, fsrs_card, state, due, last_review, "
                "introduced_at, updated_at) VALUES (?, ?, 2, ?, ?, ?, ?)",
                (card_id, FSRS, moment, moment, "2026-02-01T00:00:00.000000+00:00", moment),
            )
            conn.execute(
                "INSERT INTO review_log (card_id, rating, correct, reviewed_at, duration_ms, "
                "mode, state_before, card_before, card_after, session_id) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    card_id,
                    index % 4 + 1,
                    index % 2,
                    moment,
                    None if index % 3 == 0 else 1000 * index,
                    ["due", "cram", "mock"][index % 3],
                    None if index == 0 else 2,
                    None if index == 0 else FSRS,
                    None if index % 3 else FSRS,
                    [None, 2, 3][index % 3],
                ),
            )
        conn.execute(  # a time as an older drillbit or fsrs wrote it: the model rewrites it
            "INSERT INTO review_log (card_id, rating, correct, reviewed_at, mode) "
            "VALUES ('relu', 1, 0, '2026-03-09T10:00:00+01:00', 'due')"
        )
        conn.execute(
            "INSERT INTO drill_attempt (card_id, status, seed, duration_ms, hints_used, verdict, "
            "attempted_at, session_id) VALUES ('sigmoid', 'failed', 7, 41.5, 1, '{\"ok\": false}', "
            "'2026-03-02T08:10:00.000000+00:00', 2)"
        )
        conn.execute(
            "INSERT INTO code_draft (card_id, text, updated_at) VALUES "
            "('sigmoid', 'def sigmoid(z):\n    return \"é\"\n', '2026-03-02T08:20:00.000000+00:00')"
        )
        conn.execute(
            "INSERT INTO hint_seen (card_id, number, seen_at, session_id) VALUES "
            "('sigmoid', 1, '2026-03-02T08:05:00.000000+00:00', 2)"
        )
        conn.execute(
            "INSERT INTO card_flag (card_id, suspended, buried_until, updated_at) VALUES "
            "('gelu', 1, NULL, '2026-03-03T08:00:00.000000+00:00')"
        )
        conn.execute(
            "INSERT INTO interview_plan (id, interview, minutes_per_day, target, created_at) "
            "VALUES (1, '2026-03-20', 30.0, 0.9, '2026-03-01T08:00:00.000000+00:00')"
        )
    conn.close()


def _export(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> bytes:
    monkeypatch.setattr(backup_export, "drillbit_version", lambda: "0.1.0")
    _golden_home(tmp_path / "golden.db")
    with Store.open(tmp_path / "golden.db", now=NOW) as store:
        export_progress(store, tmp_path / "golden.json", now=NOW)
    return (tmp_path / "golden.json").read_bytes()


def test_the_export_is_the_file_the_models_wrote(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`export_golden.json` was written by the export before it left the models (af8b464)."""
    assert _export(tmp_path, monkeypatch) == GOLDEN.read_bytes()
    with Store.open(tmp_path / "restored.db", now=NOW) as store:
        report = import_progress(store, tmp_path / "golden.json", now=NOW)
    assert report.reviews_added == len(ODD_IDS) + 2


def test_plain_rows_are_not_built_as_models(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Only the row whose time is in another text is dumped through `ReviewRow`."""
    dumped: list[str] = []
    plain = ReviewRow.model_dump_json

    def counted(self: ReviewRow, **kwargs: Any) -> str:
        dumped.append(self.card_id)
        return plain(self, **kwargs)

    monkeypatch.setattr(ReviewRow, "model_dump_json", counted)
    monkeypatch.setattr(
        CardStateRow, "model_dump_json", lambda *_a, **_k: pytest.fail("a schedule was modelled")
    )
    assert _export(tmp_path, monkeypatch) == GOLDEN.read_bytes()
    assert dumped == ["relu"]
