"""What a damaged database gives back, at the edges the forty-ninth round's mutation audit
found untested: the header's 100 bytes, the page count a cut file is judged by, the error
names that move a file aside or not, the names a moved file takes, and every kind of row
`salvage` copies (its counts are the report's words) or gives up on.
"""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

from fsrs import Card

from quiz.store import Store
from quiz.store.opening import connect
from quiz.store.recovery import (
    SQLITE_MAGIC,
    cannot_write,
    corrupt_name,
    header_problem,
    is_corruption,
    move_aside,
    salvage,
    size_problem,
)

NOW = datetime(2026, 3, 10, 12, 0, 5, tzinfo=UTC)
STAMP = "20260310T120005Z"
PAGE = 4096


def _database(path: Path) -> bytes:
    """A real drillbit database, checkpointed into its one file; its bytes."""
    with Store.open(path, now=NOW) as store:
        store.record_review(card_id="c", rating=3, correct=True, reviewed_at=NOW, mode="due")
        store._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    for sidecar in ("-wal", "-shm"):
        path.with_name(path.name + sidecar).unlink(missing_ok=True)
    return path.read_bytes()


def _pages(whole: bytes) -> int:
    return int.from_bytes(whole[28:32], "big")


def _with_header(whole: bytes, offset: int, value: bytes) -> bytes:
    return whole[:offset] + value + whole[offset + len(value) :]


# --- the header -------------------------------------------------------------------------


def test_a_header_of_exactly_100_bytes_is_judged_by_sqlite_not_called_truncated(
    tmp_path: Path,
) -> None:
    path = tmp_path / "drillbit.db"
    whole = _database(path)
    path.write_bytes(whole[:100])
    assert header_problem(path) is None
    path.write_bytes(whole[:99])
    assert header_problem(path) == "truncated SQLite header (99 bytes)"
    path.write_bytes(SQLITE_MAGIC)
    assert header_problem(path) == "truncated SQLite header (16 bytes)"


def test_no_file_and_an_empty_file_have_no_header_problem(tmp_path: Path) -> None:
    assert header_problem(tmp_path / "missing.db") is None
    empty = tmp_path / "empty.db"
    empty.write_bytes(b"")
    assert header_problem(empty) is None
    other = tmp_path / "other.db"
    other.write_bytes(b"SQLite format 2\x00" + b"\x00" * 200)
    assert header_problem(other) == "not an SQLite database (wrong file header)"


# --- a file cut short -------------------------------------------------------------------


def test_a_file_missing_its_last_page_is_cut_short_and_a_whole_one_is_not(tmp_path: Path) -> None:
    path = tmp_path / "drillbit.db"
    whole = _database(path)
    pages = _pages(whole)
    assert pages > 2 and len(whole) == pages * PAGE
    assert size_problem(path) is None
    path.write_bytes(whole + b"\x00" * (PAGE // 2))  # more than it lists: not cut
    assert size_problem(path) is None
    path.write_bytes(whole[:-1])
    assert size_problem(path) == (
        f"malformed database: the file is cut short ({pages - 1} of the {pages} pages it lists)"
    )
    path.write_bytes(whole[: PAGE * 2])
    assert size_problem(path) == (
        f"malformed database: the file is cut short (2 of the {pages} pages it lists)"
    )


def test_only_a_wal_or_journal_with_bytes_in_it_spares_a_short_file(tmp_path: Path) -> None:
    """A -wal or -journal file may still add the missing pages; an -shm cannot, and an
    empty -wal holds none."""
    path = tmp_path / "drillbit.db"
    whole = _database(path)
    path.write_bytes(whole[: PAGE * 2])
    cut = size_problem(path)
    assert cut is not None and "cut short" in cut
    shm = tmp_path / "drillbit.db-shm"
    shm.write_bytes(b"x" * 100)
    assert size_problem(path) == cut
    shm.unlink()
    wal = tmp_path / "drillbit.db-wal"
    wal.write_bytes(b"")
    assert size_problem(path) == cut
    wal.write_bytes(b"x")
    assert size_problem(path) is None
    wal.unlink()
    journal = tmp_path / "drillbit.db-journal"
    journal.write_bytes(b"x")
    assert size_problem(path) is None


def test_a_page_count_the_header_does_not_vouch_for_is_not_judged(tmp_path: Path) -> None:
    """SQLite trusts the header's page count only while the change counter at 24 equals
    the one at 92 and the count is not 0; a page size below 512 is no valid header."""
    path = tmp_path / "drillbit.db"
    whole = _database(path)
    short = whole[: PAGE * 2]
    counter = short[24:28]
    other = (int.from_bytes(counter, "big") + 1).to_bytes(4, "big")
    path.write_bytes(_with_header(short, 92, other))
    assert size_problem(path) is None
    path.write_bytes(_with_header(short, 24, other))
    assert size_problem(path) is None
    path.write_bytes(_with_header(short, 28, (0).to_bytes(4, "big")))
    assert size_problem(path) is None
    path.write_bytes(_with_header(short, 16, (256).to_bytes(2, "big")))
    assert size_problem(path) is None
    path.write_bytes(_with_header(short, 16, (511).to_bytes(2, "big")))
    assert size_problem(path) is None


def test_pages_are_counted_in_the_header_s_page_size(tmp_path: Path) -> None:
    """512 is the smallest page size, and 1 in the header stands for 65536."""
    path = tmp_path / "drillbit.db"
    whole = _database(path)
    pages = _pages(whole)
    small = _with_header(whole, 16, (512).to_bytes(2, "big"))
    path.write_bytes(small[: 512 * 3])
    assert size_problem(path) == (
        f"malformed database: the file is cut short (3 of the {pages} pages it lists)"
    )
    big = _with_header(whole, 16, (1).to_bytes(2, "big"))
    path.write_bytes(big + b"\x00" * (65536 * 3 - 1 - len(big)))  # two pages and a part
    assert size_problem(path) == (
        f"malformed database: the file is cut short (2 of the {pages} pages it lists)"
    )


def test_the_page_count_is_read_from_all_four_of_its_bytes(tmp_path: Path) -> None:
    """A header listing 2**24 + 5 pages (64 GiB of 4 KiB pages) is not one listing 5."""
    path = tmp_path / "drillbit.db"
    whole = _database(path)
    listed = 2**24 + 5
    path.write_bytes(_with_header(whole, 28, listed.to_bytes(4, "big"))[: PAGE * 6])
    assert size_problem(path) == (
        f"malformed database: the file is cut short (6 of the {listed} pages it lists)"
    )


def test_no_file_or_a_foreign_header_is_not_judged_by_size(tmp_path: Path) -> None:
    assert size_problem(tmp_path / "missing.db") is None
    path = tmp_path / "drillbit.db"
    whole = _database(path)
    path.write_bytes(b"x" + whole[1 : PAGE * 2])
    assert size_problem(path) is None
    path.write_bytes(whole[:99])
    assert size_problem(path) is None


# --- which errors move a file aside ------------------------------------------------------


def _error(name: str | None) -> sqlite3.Error:
    error = sqlite3.DatabaseError("some failure")
    if name is not None:
        error.sqlite_errorname = name
    return error


def test_damage_and_unwritable_are_told_apart_by_the_error_s_name() -> None:
    for name in ("SQLITE_CORRUPT", "SQLITE_CORRUPT_INDEX", "SQLITE_NOTADB"):
        assert is_corruption(_error(name)) and not cannot_write(_error(name)), name
    for name in ("SQLITE_READONLY", "SQLITE_READONLY_DIRECTORY", "SQLITE_FULL"):
        assert cannot_write(_error(name)) and not is_corruption(_error(name)), name
    for name in ("SQLITE_CANTOPEN", "SQLITE_PERM", "SQLITE_IOERR_SHORT_READ"):
        assert cannot_write(_error(name)), name
    for quiet in ("SQLITE_BUSY", "SQLITE_LOCKED", "SQLITE_ERROR", "", None):
        assert not is_corruption(_error(quiet)) and not cannot_write(_error(quiet)), quiet


# --- moving aside -----------------------------------------------------------------------


def test_a_moved_file_is_named_by_the_utc_second_and_counts_up_when_taken(
    tmp_path: Path,
) -> None:
    path = tmp_path / "drillbit.db"
    local = NOW.astimezone(timezone(timedelta(hours=-5)))
    first = corrupt_name(path, local)
    assert first == tmp_path / f"drillbit.db.corrupt-{STAMP}"
    first.write_bytes(b"1")
    second = corrupt_name(path, local)
    assert second == tmp_path / f"drillbit.db.corrupt-{STAMP}-2"
    second.write_bytes(b"2")
    assert corrupt_name(path, NOW) == tmp_path / f"drillbit.db.corrupt-{STAMP}-3"


def test_moving_aside_takes_both_sidecars_and_leaves_nothing_behind(tmp_path: Path) -> None:
    path = tmp_path / "drillbit.db"
    path.write_bytes(b"main")
    (tmp_path / "drillbit.db-wal").write_bytes(b"wal")
    (tmp_path / "drillbit.db-shm").write_bytes(b"shm")
    moved = move_aside(path, NOW)
    assert moved == tmp_path / f"drillbit.db.corrupt-{STAMP}"
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        f"drillbit.db.corrupt-{STAMP}",
        f"drillbit.db.corrupt-{STAMP}-shm",
        f"drillbit.db.corrupt-{STAMP}-wal",
    ]
    assert (tmp_path / f"drillbit.db.corrupt-{STAMP}-wal").read_bytes() == b"wal"
    assert (tmp_path / f"drillbit.db.corrupt-{STAMP}-shm").read_bytes() == b"shm"
    path.write_bytes(b"again")  # only the -shm this time
    (tmp_path / "drillbit.db-shm").write_bytes(b"shm2")
    again = move_aside(path, NOW)
    assert again.read_bytes() == b"again"
    assert (tmp_path / f"{again.name}-shm").read_bytes() == b"shm2"
    assert not (tmp_path / f"{again.name}-wal").exists()


# --- salvage ------------------------------------------------------------------------------


def _every_kind_of_row(path: Path) -> str:
    """A database with rows in every salvaged table; the fsrs card saved for 'c1'."""
    card = Card(card_id=1).to_json()
    with Store.open(path, now=NOW) as store:
        session = store.start_session(mode="due", started_at=NOW)
        for i in range(3):
            store.record_review(
                card_id=f"c{i}",
                rating=3,
                correct=True,
                reviewed_at=NOW,
                mode="due",
                session_id=session,
                card_after=card,
            )
        store.record_review(card_id="c0", rating=1, correct=False, reviewed_at=NOW, mode="cram")
        for i in range(2):
            store.record_attempt(
                card_id=f"d{i}", status="failed", verdict_json="{}", attempted_at=NOW
            )
        store.save_draft("d0", "def f(): ...", updated_at=NOW)
        store.set_flag("c2", suspended=True, buried_until=None, now=NOW)
        store.start_session(mode="cram", started_at=NOW)
        store._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return card


def _fresh(tmp_path: Path) -> sqlite3.Connection:
    return connect(tmp_path / "fresh" / "drillbit.db", NOW)


def test_salvage_counts_every_kind_of_row_it_copies(tmp_path: Path) -> None:
    old = tmp_path / "old.db"
    card = _every_kind_of_row(old)
    before = old.read_bytes()
    (tmp_path / "fresh").mkdir()
    fresh = _fresh(tmp_path)
    counts = salvage(old, fresh)
    assert (
        counts.reviews,
        counts.attempts,
        counts.card_states,
        counts.sessions,
        counts.drafts,
        counts.flags,
    ) == (4, 2, 3, 2, 1, 1)
    assert old.read_bytes() == before, "the damaged file is only read"
    assert fresh.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert not fresh.in_transaction
    fresh.close()
    with Store.open(tmp_path / "fresh" / "drillbit.db", now=NOW) as store:
        assert store.review_count() == 4
        state = store.card_state("c1")
        assert state is not None and state.fsrs_card == card
        assert state.due == Card.from_json(card).due
        draft = store.draft("d0")
        assert draft is not None and draft.text == "def f(): ..."
        assert store.card_flags()["c2"].suspended


def test_a_file_that_cannot_be_opened_salvages_nothing(tmp_path: Path) -> None:
    (tmp_path / "fresh").mkdir()
    fresh = _fresh(tmp_path)
    counts = salvage(tmp_path / "gone.db", fresh)
    assert (counts.reviews, counts.attempts, counts.card_states) == (0, 0, 0)
    assert (counts.sessions, counts.drafts, counts.flags) == (0, 0, 0)
    fresh.close()


def test_a_fresh_database_that_cannot_be_written_gets_no_half_copy(tmp_path: Path) -> None:
    """A failure partway (here: every insert refused) rolls the whole salvage back, and
    the report counts nothing rather than rows that are not there."""
    old = tmp_path / "old.db"
    _every_kind_of_row(old)
    (tmp_path / "fresh").mkdir()
    _fresh(tmp_path).close()
    target = (tmp_path / "fresh" / "drillbit.db").resolve().as_uri()
    fresh = sqlite3.connect(f"{target}?mode=ro", uri=True, isolation_level=None)
    counts = salvage(old, fresh)
    assert (counts.reviews, counts.attempts, counts.card_states) == (0, 0, 0)
    assert (counts.sessions, counts.drafts, counts.flags) == (0, 0, 0)
    assert not fresh.in_transaction
    assert fresh.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert fresh.execute("SELECT COUNT(*) FROM review_log").fetchone()[0] == 0
    fresh.close()


def test_a_column_the_fresh_schema_lacks_is_left_out_and_the_row_kept(tmp_path: Path) -> None:
    old = tmp_path / "old.db"
    _every_kind_of_row(old)
    conn = sqlite3.connect(old)
    conn.execute("ALTER TABLE code_draft ADD COLUMN from_the_future TEXT")
    conn.execute("DROP TABLE card_flag")
    conn.commit()
    conn.close()
    (tmp_path / "fresh").mkdir()
    fresh = _fresh(tmp_path)
    counts = salvage(old, fresh)
    assert (counts.drafts, counts.flags, counts.reviews) == (1, 0, 4)
    assert [tuple(row) for row in fresh.execute("SELECT text FROM code_draft")] == [
        ("def f(): ...",)
    ]
    fresh.close()


# --- probing past a damaged page -----------------------------------------------------------


def _damage_page_of(path: Path, marker: bytes) -> None:
    """Overwrite the table page holding `marker` (a row's payload, on no index page)."""
    whole = bytearray(path.read_bytes())
    hit = whole.index(marker)
    start = hit - hit % PAGE
    whole[start : start + PAGE] = b"\xa5" * PAGE
    path.write_bytes(bytes(whole))


def _raw(path: Path, sql: str, rows: list[tuple[object, ...]]) -> None:
    """Rows written straight into a drillbit database made by `Store`, checkpointed."""
    with Store.open(path, now=NOW):
        pass
    conn = sqlite3.connect(path)
    conn.executemany(sql, rows)
    conn.commit()
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    for sidecar in ("-wal", "-shm"):
        path.with_name(path.name + sidecar).unlink(missing_ok=True)


REVIEW = (
    "INSERT INTO review_log (id, card_id, rating, correct, reviewed_at, mode, card_before)"
    " VALUES (?, ?, 3, 1, '2026-03-10T12:00:05.000000Z', 'due', ?)"
)


def _review(rowid: int) -> tuple[object, ...]:
    return (rowid, f"card-{rowid:04d}", f"payload-{rowid:04d}" + "p" * 150)


def test_reviews_past_a_gap_in_the_ids_are_found_up_to_the_log_s_last_id(
    tmp_path: Path,
) -> None:
    """Undone reviews leave gaps in the log's ids; probing goes on to the highest id the
    log ever gave (its AUTOINCREMENT mark), however far past the damaged page that is."""
    old = tmp_path / "old.db"
    ids = [*range(1, 301), 2500, 2501]
    _raw(old, REVIEW, [_review(i) for i in ids])
    _damage_page_of(old, b"payload-0150")
    (tmp_path / "fresh").mkdir()
    fresh = _fresh(tmp_path)
    counts = salvage(old, fresh)
    found = {int(row[0]) for row in fresh.execute("SELECT id FROM review_log")}
    fresh.close()
    assert {1, 100, 300, 2500, 2501} <= found and 150 not in found
    assert counts.reviews == len(found) > len(ids) - 40
    lost = sorted(set(ids) - found)
    assert lost == list(range(lost[0], lost[-1] + 1)), "only the damaged page's run is lost"


STATE = (
    "INSERT INTO card_state (rowid, card_id, fsrs_card, state, due, introduced_at, updated_at)"
    " VALUES (?, ?, ?, 2, '2026-03-11T12:00:05.000000Z', '2026-03-10T12:00:05.000000Z',"
    " '2026-03-10T12:00:05.000000Z')"
)


def _state(rowid: int) -> tuple[object, ...]:
    return (rowid, f"card-{rowid:05d}", f"payload-{rowid:05d}" + "p" * 150)


def test_a_schedule_within_a_thousand_ids_of_the_last_one_found_is_recovered(
    tmp_path: Path,
) -> None:
    """A table with no AUTOINCREMENT mark (the schedules) is probed a thousand ids past
    the last row found (rounded up to the end of a probe of 64): a schedule 1000 past it
    is recovered, one more than 1000 + 64 past the next is not looked for."""
    old = tmp_path / "old.db"
    ids = [*range(1, 201), 1200, 2300]
    _raw(old, STATE, [_state(i) for i in ids])
    _damage_page_of(old, b"payload-00100")
    (tmp_path / "fresh").mkdir()
    fresh = _fresh(tmp_path)
    counts = salvage(old, fresh)
    found = {str(row[0]) for row in fresh.execute("SELECT card_id FROM card_state")}
    fresh.close()
    assert {"card-00001", "card-00200", "card-01200"} <= found
    assert "card-00100" not in found and "card-02300" not in found
    assert counts.card_states == len(found) > len(ids) - 40


def test_a_file_cut_short_is_salvaged_and_the_report_says_what_was_copied(
    tmp_path: Path,
) -> None:
    """A cut file is damaged, not foreign: its readable rows are looked for and the notice
    counts them (a file that is no SQLite at all is moved aside with no such words)."""
    path = tmp_path / "drillbit.db"
    whole = _database(path)
    path.write_bytes(whole[: PAGE * 2])
    with Store.open(path, now=NOW) as store:
        notice = store.notices[0]
    assert "the file is cut short" in notice.reason
    assert " could be read from it and were copied into the new one." in notice.message
    path.unlink()
    path.write_bytes(b"not a database" * 100)
    with Store.open(path, now=NOW) as store:
        foreign = store.notices[0]
    assert "not an SQLite database" in foreign.reason
    assert "could be read from it" not in foreign.message


def test_a_one_page_database_cut_inside_its_page_is_cut_short(tmp_path: Path) -> None:
    path = tmp_path / "drillbit.db"
    whole = _database(path)
    path.write_bytes(_with_header(whole, 28, (1).to_bytes(4, "big"))[: PAGE // 2])
    assert size_problem(path) == (
        "malformed database: the file is cut short (0 of the 1 pages it lists)"
    )


def test_reviews_whose_session_was_lost_are_still_recovered(tmp_path: Path) -> None:
    """A review points at its session; where the session's row is gone (on a damaged
    page), the review is copied all the same rather than refused by the reference."""
    old = tmp_path / "old.db"
    _every_kind_of_row(old)
    conn = sqlite3.connect(old)
    conn.execute("PRAGMA foreign_keys = OFF")
    conn.execute("DELETE FROM study_session WHERE mode = 'due'")
    conn.commit()
    conn.close()
    (tmp_path / "fresh").mkdir()
    fresh = _fresh(tmp_path)
    counts = salvage(old, fresh)
    assert (counts.sessions, counts.reviews, counts.card_states) == (1, 4, 3)
    fresh.close()


def _root_page(path: Path, name: str) -> int:
    conn = sqlite3.connect(path)
    (root,) = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (name,)).fetchone()
    conn.close()
    return int(root)


def _overwrite_page(path: Path, number: int) -> None:
    whole = bytearray(path.read_bytes())
    start = (number - 1) * PAGE
    whole[start : start + PAGE] = b"\xa5" * PAGE
    path.write_bytes(bytes(whole))


def test_a_lost_id_mark_still_lets_the_reviews_past_the_damage_be_found(tmp_path: Path) -> None:
    """With the AUTOINCREMENT marks unreadable too, probing goes on from the rows it finds."""
    old = tmp_path / "old.db"
    ids = list(range(1, 301))
    _raw(old, REVIEW, [_review(i) for i in ids])
    _overwrite_page(old, _root_page(old, "sqlite_sequence"))
    _damage_page_of(old, b"payload-0150")
    (tmp_path / "fresh").mkdir()
    fresh = _fresh(tmp_path)
    counts = salvage(old, fresh)
    found = {int(row[0]) for row in fresh.execute("SELECT id FROM review_log")}
    fresh.close()
    assert {1, 300} <= found and 150 not in found
    assert counts.reviews == len(found) > len(ids) - 40


def test_a_file_whose_table_list_is_damaged_salvages_nothing_and_says_so(tmp_path: Path) -> None:
    """No table can be found in it: nothing is copied, and nothing raises."""
    old = tmp_path / "old.db"
    _every_kind_of_row(old)
    whole = bytearray(old.read_bytes())
    whole[100:PAGE] = b"\xa5" * (PAGE - 100)  # the schema, after the file's header
    old.write_bytes(bytes(whole))
    (tmp_path / "fresh").mkdir()
    fresh = _fresh(tmp_path)
    counts = salvage(old, fresh)
    assert (counts.reviews, counts.attempts, counts.card_states) == (0, 0, 0)
    assert (counts.sessions, counts.drafts, counts.flags) == (0, 0, 0)
    assert fresh.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    fresh.close()
