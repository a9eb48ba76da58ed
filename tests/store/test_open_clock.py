"""The store dates a damaged file it moves aside by its caller's clock, not the wall clock's.

`Store.open` read `datetime.now` when it moved a damaged database aside (the stamp in
`drillbit.db.corrupt-<stamp>`, which its notice names) and when damage found later
replaced the file under an open store: a command or the app given a fixed clock still
named the file by the real time, so a test could not say which name the notice gives.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

from quiz.paths import database_path
from quiz.store import Store
from quiz.workspace import Workspace
from tests.conftest import RunDrillbit
from tests.store.history import PAGE, write_marked_history

FIXED = datetime(2031, 7, 4, 3, 2, 1, tzinfo=UTC)
"""Years from any wall clock a test runs at: a stamp of it came from the given clock."""
STAMP = "20310704T030201Z"
GARBAGE = b"not an SQLite database, a note\n" * 100


def _ticking(start: datetime) -> Iterator[datetime]:
    """A clock that moves a minute at each reading."""
    moment = start
    while True:
        yield moment
        moment += timedelta(minutes=1)


def test_a_damaged_file_is_named_by_the_callers_clock(tmp_path: Path) -> None:
    path = tmp_path / "drillbit.db"
    path.write_bytes(GARBAGE)
    with Store.open(path, clock=lambda: FIXED) as store:
        moved = tmp_path / f"drillbit.db.corrupt-{STAMP}"
        assert [notice.moved_to for notice in store.notices] == [moved]
        assert str(moved) in store.notices[0].message
    assert moved.read_bytes() == GARBAGE


def test_damage_found_after_opening_is_named_by_the_clock_then(tmp_path: Path) -> None:
    """The check reads the clock when it finds the damage, not the moment of opening."""
    path = tmp_path / "drillbit.db"
    write_marked_history(path, FIXED, 400)
    whole = bytearray(path.read_bytes())
    hit = whole.index(b"payload-0200")
    whole[hit - hit % PAGE : hit - hit % PAGE + PAGE] = b"\xa5" * PAGE
    path.write_bytes(bytes(whole))
    readings = _ticking(FIXED)
    with Store.open(path, clock=lambda: next(readings)) as store:
        assert store.notices == []  # opening read the small tables at 03:02
        notice = store.check_integrity()  # and the whole file at 03:03
    assert notice is not None
    assert notice.moved_to == tmp_path / "drillbit.db.corrupt-20310704T030301Z"
    assert notice.moved_to.read_bytes() == bytes(whole)


def test_the_app_names_a_damaged_file_by_its_workspace_clock() -> None:
    path = database_path()
    path.write_bytes(GARBAGE)
    workspace = Workspace.open(include_bundled=False, clock=lambda: FIXED)
    try:
        assert [notice.moved_to for notice in workspace.store.notices] == [
            path.with_name(f"drillbit.db.corrupt-{STAMP}")
        ]
    finally:
        workspace.store.close()


def test_a_command_names_a_damaged_file_by_its_clock(drillbit: RunDrillbit) -> None:
    path = database_path()
    path.write_bytes(GARBAGE)
    result = drillbit("check-store", now=FIXED)
    moved = path.with_name(f"drillbit.db.corrupt-{STAMP}")
    assert moved.read_bytes() == GARBAGE
    assert f"{moved}" in result.stderr
    assert result.returncode == 0, result.stderr  # the fresh database it made is sound
