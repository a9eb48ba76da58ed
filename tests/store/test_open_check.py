"""The open's quick_check of the small tables runs again only when the file has changed since
it last passed (a stamp beside the database); a damaged or busy file is always checked."""

from __future__ import annotations

import sqlite3
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest

import quiz.store.opening as store_module
from quiz.store import Store

QUIET = 0.2
"""The quiet time these tests use (the store's is 2 s), well above a timestamp tick."""
NOW = datetime(2026, 3, 10, 12, 0, tzinfo=UTC)


@pytest.fixture
def checks(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Every database the open checks, in order."""
    monkeypatch.setattr(store_module, "CHECKED_QUIET_SECONDS", QUIET)
    seen: list[Path] = []
    real = store_module.check_small_tables

    def counting(conn: sqlite3.Connection) -> None:
        seen.append(Path(conn.execute("PRAGMA database_list").fetchone()[2]))
        real(conn)

    monkeypatch.setattr(store_module, "check_small_tables", counting)
    return seen


def _quiet() -> None:
    """Let the file's last change pass the quiet time: the next open may stamp it."""
    time.sleep(QUIET * 1.5)


def _answer(store: Store) -> None:
    store.record_review(card_id="c", rating=3, correct=True, reviewed_at=NOW, mode="cram")


def test_an_unchanged_file_is_checked_once(
    tmp_path: Path, checks: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "drillbit.db"
    # "Too new" for an hour, not QUIET: under load an open took longer than 0.2 s, the
    # second one stamped the file and the open after the wait was not checked (2 == 3)
    monkeypatch.setattr(store_module, "CHECKED_QUIET_SECONDS", 3600.0)
    Store.open(path, now=NOW).close()  # created now: checked, too new to stamp
    Store.open(path, now=NOW).close()
    assert len(checks) == 2
    monkeypatch.setattr(store_module, "CHECKED_QUIET_SECONDS", QUIET)
    _quiet()
    Store.open(path, now=NOW).close()  # checked and stamped
    for _ in range(3):
        with Store.open(path, now=NOW) as store:
            assert store.review_count() == 0
    assert len(checks) == 3
    assert (tmp_path / ".drillbit.db-checked").is_file()


def test_a_write_since_the_check_means_another(tmp_path: Path, checks: list[Path]) -> None:
    path = tmp_path / "drillbit.db"
    Store.open(path, now=NOW).close()
    _quiet()
    Store.open(path, now=NOW).close()  # stamped
    with Store.open(path, now=NOW) as store:
        _answer(store)
    assert len(checks) == 2
    _quiet()
    Store.open(path, now=NOW).close()  # changed since the stamp: checked, stamped again
    Store.open(path, now=NOW).close()
    assert len(checks) == 3


def test_another_process_writing_means_a_check(tmp_path: Path, checks: list[Path]) -> None:
    path = tmp_path / "drillbit.db"
    Store.open(path, now=NOW).close()
    _quiet()
    Store.open(path, now=NOW).close()  # stamped
    with Store.open(path, now=NOW) as writer:
        _answer(writer)  # its frames wait in the write-ahead log, the file itself unchanged
        with Store.open(path, now=NOW) as reader:
            assert reader.review_count() == 1
    assert len(checks) == 3


def test_damage_after_the_stamp_is_still_found_at_open(tmp_path: Path, checks: list[Path]) -> None:
    path = tmp_path / "drillbit.db"
    with Store.open(path, now=NOW) as store:
        for i in range(200):
            store.record_attempt(
                card_id=f"drill-{i}", status="failed", verdict_json="x" * 400, attempted_at=NOW
            )
    _quiet()
    Store.open(path, now=NOW).close()  # stamped
    whole = bytearray(path.read_bytes())
    page = 4096
    whole[3 * page : 3 * page + 64] = b"\xff" * 64  # scribble over a b-tree page header
    path.write_bytes(bytes(whole))
    _quiet()  # however long ago: the stamp no longer describes the file
    with Store.open(path, now=NOW) as store:
        assert store.notices and store.notices[0].moved_to is not None
        assert store.notices[0].moved_to.read_bytes() == bytes(whole)
