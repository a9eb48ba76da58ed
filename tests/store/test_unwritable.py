"""A database that cannot be written (disk full, read-only) loses nothing and stays readable."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest

from quiz.store import NotSavedError, Store, StoreError, opening
from quiz.store import base as store_base

NOW = datetime(2026, 3, 10, 12, 0, tzinfo=UTC)


def _fill(path: Path, reviews: int = 5) -> None:
    with Store.open(path, now=NOW) as store:
        for i in range(reviews):
            store.record_review(
                card_id=f"c{i}", rating=3, correct=True, reviewed_at=NOW, mode="due"
            )


def _disk_full_after_open(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every connection may not grow the file past its current size: SQLite's SQLITE_FULL."""

    def cap(conn: sqlite3.Connection) -> None:
        pages = conn.execute("PRAGMA page_count").fetchone()[0]
        conn.execute(f"PRAGMA max_page_count = {max(int(pages), 1)}")

    monkeypatch.setattr(opening, "configure", cap)


def test_a_write_on_a_full_disk_raises_not_saved_and_keeps_what_was_there(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "drillbit.db"
    _fill(path)
    _disk_full_after_open(monkeypatch)
    with Store.open(path, now=NOW) as store:
        assert store.saving
        with pytest.raises(NotSavedError, match=r"could not save to .*drillbit\.db: .*full"):
            store.record_attempt(
                card_id="big", status="failed", verdict_json="x" * 200_000, attempted_at=NOW
            )
        assert store.review_count() == 5, "the store stays readable after the failed write"
        assert store.attempts() == []
    monkeypatch.undo()
    with Store.open(path, now=NOW) as store:
        assert store.review_count() == 5 and store.attempts() == []
        assert store.notices == []


def test_not_saved_is_a_drillbit_error_with_one_line() -> None:
    error = NotSavedError("could not save to /x/drillbit.db: database or disk is full")
    assert isinstance(error, StoreError)
    assert error.one_line() == (
        "progress database: could not save to /x/drillbit.db: database or disk is full"
    )
    assert error.exit_code == 1


def test_a_fresh_database_on_a_full_disk_opens_in_memory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(
        opening, "configure", lambda conn: conn.execute("PRAGMA max_page_count = 1")
    )
    path = tmp_path / "drillbit.db"
    with Store.open(path, now=NOW) as store:
        assert not store.saving
        assert store.not_saved_reason is not None and str(path) in store.not_saved_reason
        assert [n.message for n in store.notices] == [
            f"Nothing will be saved: {path} cannot be written (the disk is full). "
            "Your progress so far is shown; new answers are kept only until you quit."
        ]
        store.record_review(card_id="c", rating=3, correct=True, reviewed_at=NOW, mode="due")
        assert store.review_count() == 1, "the app stays usable: writes go to memory"


def test_a_read_only_database_is_copied_into_memory_and_never_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "drillbit.db"
    _fill(path, reviews=7)
    before = path.read_bytes()
    monkeypatch.setattr(store_base, "writable", lambda _path: False)
    with Store.open(path, now=NOW) as store:
        assert not store.saving
        assert store.review_count() == 7, "the history on disk is shown"
        assert "read-only" in store.notices[0].message
        store.record_review(card_id="new", rating=1, correct=False, reviewed_at=NOW, mode="due")
        assert store.review_count() == 8
    assert path.read_bytes() == before
    monkeypatch.undo()
    with Store.open(path, now=NOW) as store:
        assert store.review_count() == 7


def test_read_only_mode_on_request_reads_a_healthy_database(tmp_path: Path) -> None:
    path = tmp_path / "drillbit.db"
    _fill(path, reviews=3)
    with Store.open(path, now=NOW, read_only=True) as store:
        assert store.review_count() == 3 and not store.saving


@pytest.mark.parametrize("kind", ["folder", "fifo"])
def test_a_database_path_that_is_not_a_file_is_a_one_line_store_error(
    tmp_path: Path, kind: str
) -> None:
    import os

    path = tmp_path / "drillbit.db"
    if kind == "folder":
        path.mkdir()
    else:
        os.mkfifo(path)
    with pytest.raises(StoreError) as raised:
        Store.open(path, now=NOW)
    assert str(path) in raised.value.one_line()
    assert "\n" not in raised.value.one_line()
