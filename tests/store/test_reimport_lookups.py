"""Reviews that may be stored already are looked up a batch at a time, not one query each.

Importing a backup into a home that holds its reviews (the same file twice, two machines
syncing) looked up every review by its own query: 210,000 of them for a heavy user. The
batch's times now go in one query, and the merge keeps the rows, ids, sessions and report
that one review at a time gives.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from bench.heavy import progress_files
from quiz.store import backup as backup_module
from quiz.store.backup import import_progress
from quiz.store.backup_report import MergeReport
from quiz.store.store import Store

NOW = datetime(2026, 6, 1, 12, 0, tzinfo=UTC)


def _look_ups(store: Store, backup: Path) -> tuple[MergeReport, int]:
    """The import's report and how many statements it ran to look reviews up."""
    ran: list[str] = []
    store._conn.set_trace_callback(ran.append)
    try:
        report = import_progress(store, backup, now=NOW)
    finally:
        store._conn.set_trace_callback(None)
    return report, sum("FROM review_log WHERE reviewed_at" in sql for sql in ran)


def test_a_backup_imported_into_its_own_home_looks_reviews_up_a_batch_at_a_time(
    tmp_path: Path,
) -> None:
    cards = [f"card-{index:02d}" for index in range(30)]
    files, count = progress_files(tmp_path, cards, NOW - timedelta(minutes=5), reviews=1500)
    with Store.open(tmp_path / "drillbit.db", now=NOW) as store:
        import_progress(store, files[0], now=NOW)
        report, queries = _look_ups(store, files[0])
        assert (report.reviews_present, report.reviews_added) == (count, 0)
        assert store.review_count() == count
        assert queries <= 3 * (count // backup_module._BATCH + 1), queries  # was one a review


REVIEW = {"card_id": "c", "rating": 3, "correct": True, "mode": "cram"}


def _at(minute: int, **change: Any) -> dict[str, Any]:
    return {**REVIEW, "reviewed_at": f"2026-01-05T09:{minute:02d}:00+00:00", **change}


def _document(
    sessions: list[dict[str, Any]], reviews: list[dict[str, Any]], later: list[dict[str, Any]]
) -> str:
    """A backup whose `later` sessions come after its reviews (a list may come twice)."""
    return (
        '{"format": "drillbit-progress", "version": 2, "exported_at": "2026-01-05T10:00:00Z",'
        f' "sessions": {json.dumps(sessions)}, "reviews": {json.dumps(reviews)},'
        f' "sessions": {json.dumps(later)}}}'
    )


def test_reviews_looked_up_in_batches_are_merged_as_one_at_a_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Into a home holding some of the file's reviews: ones stored, ones not, between and
    before the stored ones, a repeat inside the file, another card at a stored time, one of
    another rating and one whose session comes later; batches of 1 (a look-up each, as
    before), 2, 3 and 1,000 give the same rows, ids, sessions and report."""
    home_file = tmp_path / "home.json"
    home_file.write_text(_document([], [_at(1), _at(3), _at(5), _at(7, card_id="d")], []))
    incoming = tmp_path / "incoming.json"
    incoming.write_text(
        _document(
            [{"id": 1, "mode": "cram", "started_at": "2026-01-05T08:00:00+00:00"}],
            [
                _at(0),
                _at(1),
                _at(2),
                _at(2),
                _at(3, card_id="e"),
                _at(3),
                _at(4, session=9),
                _at(4, session=9),
                _at(5, rating=1, correct=False),
                _at(6, session=1),
                _at(7, card_id="d"),
                _at(8),
                _at(8),
            ],
            [{"id": 9, "mode": "due", "started_at": "2026-01-05T09:04:00+00:00"}],
        )
    )
    found = []
    for size in (1, 2, 3, 1000):
        monkeypatch.setattr(backup_module, "_BATCH", size)
        with Store.open(tmp_path / f"b{size}.db", now=NOW) as store:
            import_progress(store, home_file, now=NOW)
            report = import_progress(store, incoming, now=NOW)
            rows = store._conn.execute(
                "SELECT r.id, card_id, rating, reviewed_at, s.mode FROM review_log r"
                " LEFT JOIN study_session s ON s.id = r.session_id ORDER BY r.id"
            ).fetchall()
            tallies = store._conn.execute("SELECT * FROM review_tally ORDER BY card_id")
            found.append((report, [tuple(row) for row in rows], [tuple(t) for t in tallies]))
    assert found[1:] == [found[0]] * 3
    report, rows, _ = found[0]
    assert (report.reviews_added, report.reviews_present) == (7, 6)
    added = [(card, rating, at[14:16], mode) for _, card, rating, at, mode in rows[4:]]
    assert added == [
        ("c", 3, "00", None),
        ("c", 3, "02", None),
        ("e", 3, "03", None),
        ("c", 3, "04", "due"),
        ("c", 1, "05", None),
        ("c", 3, "06", "cram"),
        ("c", 3, "08", None),
    ]
