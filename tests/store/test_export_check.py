"""The export's check: every page of the file, every table but the review log in full, and
the reviews read from the log's own rows (never its indexes), in the log's order while it
is in time order and sorted otherwise, the same bytes either way."""

from __future__ import annotations

import gzip
import json
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

import quiz.store.opening as store_module
from quiz.store import Store
from quiz.store.backup_export import export_progress
from quiz.store.backup_format import QUERIES, REVIEWS_BY_ID
from tests.store.history import write_marked_history

NOW = datetime(2026, 3, 10, 12, 0, 5, tzinfo=UTC)
TOTAL = 300


@pytest.fixture(autouse=True)
def _no_quiet_time(monkeypatch: pytest.MonkeyPatch) -> None:
    """Stamp a file however recently it changed."""
    monkeypatch.setattr(store_module, "CHECKED_QUIET_SECONDS", 0.0)


def _history(path: Path, minutes: list[int]) -> None:
    """One review a minute offset, in the list's order (ids ascending along it)."""
    with Store.open(path, now=NOW) as store:
        for i, minute in enumerate(minutes):
            store.record_review(
                card_id=f"card-{i:03d}",
                rating=1 + i % 4,
                correct=i % 2 == 0,
                reviewed_at=NOW - timedelta(minutes=minute),
                mode="cram",
                duration_ms=i,
            )
        store._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def _redefine_index(path: Path, name: str, definition: str) -> None:
    """Leave an index's entries as they are but declare it on other columns: its entries no
    longer match its table's rows, which only a full check (index against rows) sees."""
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA writable_schema = ON")
    conn.execute("UPDATE sqlite_master SET sql = ? WHERE name = ?", (definition, name))
    conn.commit()
    conn.close()


def _statements(store: Store) -> list[str]:
    seen: list[str] = []
    store._conn.set_trace_callback(seen.append)
    return seen


def _export(path: Path, out: Path) -> tuple[list[str], bytes]:
    """Open, check as the export does, export: the statements run and the file's bytes."""
    with Store.open(path, now=NOW) as store:
        seen = _statements(store)
        assert store.check_for_export() is None
        export_progress(store, out, now=NOW)
    raw = out.read_bytes()
    return seen, gzip.decompress(raw) if out.suffix == ".gz" else raw


@pytest.mark.parametrize("name", ["backup.json", "backup.json.gz"])
def test_reviews_out_of_time_order_come_sorted_as_from_an_ordered_log(
    tmp_path: Path, name: str
) -> None:
    shuffled, ordered = tmp_path / "shuffled.db", tmp_path / "ordered.db"
    minutes = [(i * 37) % 101 for i in range(101)]  # ids not in time order
    _history(shuffled, minutes)
    by_time = sorted(range(101), key=lambda i: (-minutes[i], i))
    with Store.open(ordered, now=NOW) as store:  # the same reviews, ids in time order
        for i in by_time:
            store.record_review(
                card_id=f"card-{i:03d}",
                rating=1 + i % 4,
                correct=i % 2 == 0,
                reviewed_at=NOW - timedelta(minutes=minutes[i]),
                mode="cram",
                duration_ms=i,
            )
    seen_shuffled, shuffled_bytes = _export(shuffled, tmp_path / f"s-{name}")
    seen_ordered, ordered_bytes = _export(ordered, tmp_path / f"o-{name}")
    assert shuffled_bytes == ordered_bytes
    reviews = json.loads(ordered_bytes)["reviews"]
    assert [review["card_id"] for review in reviews] == [f"card-{i:03d}" for i in by_time]
    # the ordered log is written in one pass in its own order; the other is sorted after
    assert any("ORDER BY r.id" in s for s in seen_ordered)
    assert not any("ORDER BY r.reviewed_at" in s for s in seen_ordered)
    assert any("ORDER BY r.reviewed_at" in s for s in seen_shuffled)


def test_equal_times_keep_id_order_in_one_pass(tmp_path: Path) -> None:
    path = tmp_path / "drillbit.db"
    _history(path, [5, 5, 3, 3, 3, 0])
    seen, raw = _export(path, tmp_path / "backup.json")
    reviews = json.loads(raw)["reviews"]
    assert [review["card_id"] for review in reviews] == [f"card-{i:03d}" for i in range(6)]
    assert not any("ORDER BY r.reviewed_at" in s for s in seen)


def test_the_review_log_is_never_read_through_an_index(tmp_path: Path) -> None:
    """The check leaves the log's indexes unmatched to its rows: the export must not read
    them. The time index's entries made of other values than its declared column's (damage
    only a full check sees) change nothing in the backup."""
    sound, damaged = tmp_path / "sound.db", tmp_path / "damaged.db"
    minutes = [(i * 7) % 30 for i in range(30)]  # out of time order: the sorted read
    _history(sound, minutes)
    _history(damaged, minutes)
    conn = sqlite3.connect(damaged)
    conn.execute("DROP INDEX review_log_time")
    conn.execute("CREATE INDEX review_log_time ON review_log (card_id)")
    conn.commit()
    conn.close()
    _redefine_index(
        damaged, "review_log_time", "CREATE INDEX review_log_time ON review_log (reviewed_at)"
    )
    with Store.open(damaged, now=NOW) as store:
        for query in (QUERIES["reviews"], REVIEWS_BY_ID):
            plan = [str(row[3]) for row in store._conn.execute("EXPLAIN QUERY PLAN " + query)]
            assert "SCAN r" in plan, plan  # the log's own rows, no index named
    _, sound_bytes = _export(sound, tmp_path / "sound.json")
    _, damaged_bytes = _export(damaged, tmp_path / "damaged.json")
    assert json.loads(damaged_bytes)["reviews"] == json.loads(sound_bytes)["reviews"]
    with Store.open(damaged, now=NOW) as store:  # check-store's full check still sees it
        assert store.check_integrity() is not None


def test_a_small_table_s_index_out_of_step_is_found_and_salvaged(tmp_path: Path) -> None:
    path = tmp_path / "drillbit.db"
    write_marked_history(path, NOW, 50)
    with Store.open(path, now=NOW) as store:
        store._conn.execute(
            "INSERT INTO card_flag (card_id, suspended, buried_until, updated_at) "
            "VALUES ('a', 1, NULL, '2026-03-10T12:00:00.000000Z'), "
            "('b', 0, NULL, '2026-03-10T12:00:00.000000Z')"
        )
        store._conn.execute("CREATE INDEX card_flag_when ON card_flag (updated_at)")
        store._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    _redefine_index(path, "card_flag_when", "CREATE INDEX card_flag_when ON card_flag (card_id)")
    with Store.open(path, now=NOW) as store:
        notice = store.check_for_export()
        assert notice is not None and "integrity check failed" in notice.message
    assert sorted(tmp_path.glob("drillbit.db.corrupt-*")), "moved aside, never deleted"


def test_a_damaged_log_page_is_found(tmp_path: Path) -> None:
    path = tmp_path / "drillbit.db"
    write_marked_history(path, NOW, 400)
    whole = bytearray(path.read_bytes())
    hit = whole.index(b"payload-0200")
    start = hit - hit % 4096
    whole[start : start + 4096] = b"\xa5" * 4096
    path.write_bytes(bytes(whole))
    with Store.open(path, now=NOW) as store:
        notice = store.check_for_export()
        assert notice is not None and "integrity check failed" in notice.message


def test_a_pass_is_stamped_apart_from_the_full_check(tmp_path: Path) -> None:
    path = tmp_path / "drillbit.db"
    write_marked_history(path, NOW, 50)

    def checks(run: str) -> int:
        with Store.open(path, now=NOW) as store:
            seen = _statements(store)
            if run == "export":
                assert store.check_for_export() is None
            else:
                assert store.check_integrity(unless_unchanged=True) is None
            return sum("_check" in statement for statement in seen)

    assert checks("export") > 0
    assert (tmp_path / ".drillbit.db-exportable").is_file()
    assert checks("export") == 0, "unchanged since the export's check passed"
    assert checks("full") > 0, "the export's stamp is not the full check's"
    assert checks("full") == 0
    (tmp_path / ".drillbit.db-exportable").unlink()
    assert checks("export") == 0, "a full check's pass stands for the export's"
