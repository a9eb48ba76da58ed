"""The logs are not read whole at open: damage in them is found on demand or at first use.

Either way the outcome is the one open gives: the file is moved aside byte for byte, the
readable rows are copied into a fresh database, and the person is told.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from quiz.store import Store, StoreError, StoreNotice
from quiz.store.backup_dump import dump
from quiz.store.recovery import size_problem
from tests.conftest import RunDrillbit
from tests.store.history import PAGE, write_marked_history

NOW = datetime(2026, 3, 10, 12, 0, 5, tzinfo=UTC)
TOTAL = 400


def _history(path: Path) -> None:
    """400 reviews, each with a marked payload, checkpointed."""
    write_marked_history(path, NOW, TOTAL)


def _damage_review_page(path: Path) -> bytes:
    """Overwrite the table page holding review 200; the damaged bytes."""
    whole = bytearray(path.read_bytes())
    hit = whole.index(b"payload-0200")
    start = hit - hit % PAGE
    whole[start : start + PAGE] = b"\xa5" * PAGE
    path.write_bytes(bytes(whole))
    return bytes(whole)


def _damage_review_root(path: Path) -> bytes:
    """Overwrite the review log's root page: nothing of the table can be reached."""
    with Store.open(path, now=NOW) as store:
        root = store._read("SELECT rootpage FROM sqlite_master WHERE name = 'review_log'")[0][0]
        store._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    whole = bytearray(path.read_bytes())
    start = (int(root) - 1) * PAGE
    whole[start : start + PAGE] = b"\xa5" * PAGE
    path.write_bytes(bytes(whole))
    return bytes(whole)


def _moved(folder: Path) -> list[Path]:
    return sorted(p for p in folder.glob("drillbit.db.corrupt-*") if p.suffix != ".db-wal")


def _assert_salvaged(folder: Path, damaged: bytes, notice: StoreNotice) -> None:
    assert notice.moved_to is not None and notice.moved_to.read_bytes() == damaged
    assert _moved(folder) == [notice.moved_to]
    assert "was found damaged" in notice.message and "fresh database" in notice.message


def test_a_damaged_review_page_is_not_read_at_open_but_at_first_use(tmp_path: Path) -> None:
    path = tmp_path / "drillbit.db"
    _history(path)
    damaged = _damage_review_page(path)
    told: list[StoreNotice] = []
    with Store.open(path, now=NOW) as store:
        assert store.notices == [] and _moved(tmp_path) == []  # open read the small tables only
        store.on_notice(told.append)
        recovered = store.reviews()  # the read meets the damage: answered from the salvage
        assert told == store.notices and len(told) == 1
        _assert_salvaged(tmp_path, damaged, told[0])
        assert TOTAL - 60 < len(recovered) < TOTAL
        assert f"{len(recovered)} reviews, " in told[0].message
        assert "card-0200" not in {review.card_id for review in recovered}
        assert store.review_count() == len(recovered)
        store.record_review(card_id="c", rating=3, correct=True, reviewed_at=NOW, mode="due")
        assert store.review_count() == len(recovered) + 1
    with Store.open(path, now=NOW) as again:
        assert again.notices == [] and again.review_count() == len(recovered) + 1


def test_the_full_check_finds_what_open_skipped(tmp_path: Path) -> None:
    path = tmp_path / "drillbit.db"
    _history(path)
    with Store.open(path, now=NOW) as store:
        assert store.check_integrity() is None, "a sound file passes and stays in place"
    assert _moved(tmp_path) == []
    damaged = _damage_review_page(path)
    with Store.open(path, now=NOW) as store:
        notice = store.check_integrity()
        assert notice is not None and store.notices == [notice]
        _assert_salvaged(tmp_path, damaged, notice)
        assert "integrity check failed" in notice.reason
        assert TOTAL - 60 < store.review_count() < TOTAL
        assert store.check_integrity() is None, "the fresh database is sound"


def test_a_write_that_meets_damage_is_made_in_the_fresh_database(tmp_path: Path) -> None:
    path = tmp_path / "drillbit.db"
    _history(path)
    damaged = _damage_review_root(path)
    with Store.open(path, now=NOW) as store:
        assert store.notices == []
        store.record_review(card_id="new", rating=3, correct=True, reviewed_at=NOW, mode="due")
        assert len(store.notices) == 1
        _assert_salvaged(tmp_path, damaged, store.notices[0])
        assert [review.card_id for review in store.reviews()] == ["new"]


def test_a_snapshot_that_meets_damage_says_so_and_the_next_one_works(tmp_path: Path) -> None:
    path = tmp_path / "drillbit.db"
    _history(path)
    damaged = _damage_review_page(path)
    with Store.open(path, now=NOW) as store:
        with pytest.raises(StoreError) as caught:
            dump(store, now=NOW)
        assert (
            "was found damaged" in caught.value.message and "try it again" in caught.value.message
        )
        _assert_salvaged(tmp_path, damaged, store.notices[0])
        assert TOTAL - 60 < len(dump(store, now=NOW).reviews) < TOTAL


def test_a_short_file_is_judged_only_when_no_wal_can_hold_its_pages(tmp_path: Path) -> None:
    path = tmp_path / "drillbit.db"
    _history(path)
    whole = path.read_bytes()
    assert size_problem(path) is None
    path.write_bytes(whole[: len(whole) // 2])
    problem = size_problem(path)
    assert problem is not None and "cut short" in problem
    (tmp_path / "drillbit.db-wal").write_bytes(b"frames that may hold the rest")
    assert size_problem(path) is None


def test_check_store_says_sound_or_moves_the_damaged_file_aside(
    drillbit: RunDrillbit, _isolated_home: Path
) -> None:
    path = _isolated_home / "drillbit.db"
    _history(path)
    sound = drillbit("check-store")
    assert sound.returncode == 0 and "sound" in sound.stdout, sound
    damaged = _damage_review_page(path)
    found = drillbit("check-store")
    assert found.returncode == 1
    assert "was found damaged" in found.stderr and "Traceback" not in found.stderr
    (moved,) = _moved(_isolated_home)
    assert moved.read_bytes() == damaged
    assert drillbit("check-store").returncode == 0
