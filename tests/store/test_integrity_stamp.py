"""The full integrity check before an export runs again only when the file changed since it
last passed (a stamp beside the database, as for the open's check); a file damaged since is
still found, moved aside and salvaged, and the person told."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

import quiz.store.opening as store_module
from quiz.store import Store
from tests.conftest import RunDrillbit
from tests.store.history import PAGE, write_marked_history

NOW = datetime(2026, 3, 10, 12, 0, 5, tzinfo=UTC)
TOTAL = 400


@pytest.fixture(autouse=True)
def _no_quiet_time(monkeypatch: pytest.MonkeyPatch) -> None:
    """Stamp a file however recently it changed: each change below alters its size."""
    monkeypatch.setattr(store_module, "CHECKED_QUIET_SECONDS", 0.0)


def _statements(store: Store) -> list[str]:
    """The statements this store's connection runs from now on."""
    seen: list[str] = []
    store._conn.set_trace_callback(seen.append)
    return seen


def _full_checks(seen: list[str]) -> int:
    return sum("integrity_check" in statement for statement in seen)


def _check(path: Path, *, unless_unchanged: bool) -> int:
    """Open, check, close: how many full checks ran."""
    with Store.open(path, now=NOW) as store:
        seen = _statements(store)
        assert store.check_integrity(unless_unchanged=unless_unchanged) is None
        return _full_checks(seen)


def test_an_unchanged_file_is_checked_once_for_exports(tmp_path: Path) -> None:
    path = tmp_path / "drillbit.db"
    write_marked_history(path, NOW, TOTAL)
    assert _check(path, unless_unchanged=True) == 1  # no stamp yet: checked, stamped
    assert (tmp_path / ".drillbit.db-intact").is_file()
    assert _check(path, unless_unchanged=True) == 0
    assert _check(path, unless_unchanged=True) == 0
    assert _check(path, unless_unchanged=False) == 1, "check-store always reads every page"


def test_a_write_since_the_check_means_another(tmp_path: Path) -> None:
    path = tmp_path / "drillbit.db"
    write_marked_history(path, NOW, TOTAL)
    assert _check(path, unless_unchanged=True) == 1
    size = path.stat().st_size
    with Store.open(path, now=NOW) as store:
        for i in range(100):  # 100 KiB more: the file grows at the checkpoint, whatever the
            store.record_review(  # clock's tick (a stamp also holds the change times)
                card_id=f"more-{i}",
                rating=3,
                correct=True,
                reviewed_at=NOW,
                mode="cram",
                card_before='{"pad": "' + "p" * 1024 + '"}',
            )
        seen = _statements(store)
        store.check_integrity(unless_unchanged=True)  # its log holds the new rows: checked
        assert _full_checks(seen) == 1
    assert path.stat().st_size > size
    assert _check(path, unless_unchanged=True) == 1  # checkpointed since: checked again
    assert _check(path, unless_unchanged=True) == 0


def _damage_review_page(path: Path) -> None:
    whole = bytearray(path.read_bytes())
    hit = whole.index(b"payload-0200")
    start = hit - hit % PAGE
    whole[start : start + PAGE] = b"\xa5" * PAGE
    path.write_bytes(bytes(whole))


def test_an_export_after_damage_since_the_last_check_finds_it(
    drillbit: RunDrillbit, _isolated_home: Path, tmp_path: Path
) -> None:
    path = _isolated_home / "drillbit.db"
    write_marked_history(path, NOW, TOTAL)
    assert drillbit("check-store").returncode == 0  # sound: stamped
    assert (_isolated_home / ".drillbit.db-intact").is_file()
    _damage_review_page(path)  # a page of the review log, which an open does not read
    backup = tmp_path / "backup.json"
    result = drillbit("export", "progress", str(backup))
    said = result.stdout + result.stderr
    assert result.returncode == 0, said  # the salvage is exported, and that is said
    assert "was found damaged" in said and "integrity check failed" in said, said
    assert "Traceback" not in said
    assert sorted(_isolated_home.glob("drillbit.db.corrupt-*")), "moved aside, never deleted"
    reviews = json.loads(backup.read_text(encoding="utf-8"))["reviews"]
    assert TOTAL - 60 < len(reviews) < TOTAL  # the salvage, not the damaged file
    assert "card-0200" not in {review["card_id"] for review in reviews}
