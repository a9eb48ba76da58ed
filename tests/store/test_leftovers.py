"""The hidden database a killed `import-progress` leaves is removed by the next start that
opens the store; one a running import is writing is never touched."""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from quiz.store import Store
from quiz.store.leftovers import LEFTOVER_QUIET_SECONDS, Claim, clear_leftovers
from quiz.workspace import Workspace
from tests.conftest import (
    DRILLBIT_COMMAND,
    PROCESS_TIMEOUT_SECONDS,
    REPO,
    SMALL_BACKUP,
)

# `drillbit import-progress` whose rows are all in (its transaction open, in the hidden
# file) when it says `in` on stdout; then it kills itself (`kill`), or waits for a line
# on stdin before it goes on (`wait`).
_IMPORT_STOPPED_AT_THE_END = """
import os, signal, sys
from quiz.store import backup
finish = backup._Merger.finish
def stop_then_finish(self, header):
    print("in", flush=True)
    if sys.argv[1] == "kill":
        os.kill(os.getpid(), signal.SIGKILL)
    sys.stdin.readline()
    finish(self, header)
backup._Merger.finish = stop_then_finish
from quiz.cli import main
main(["import-progress", sys.argv[2]])
"""


def _env(home: Path) -> dict[str, str]:
    env = {**os.environ, "DRILLBIT_HOME": str(home), "PYTHONPATH": str(REPO)}
    env.pop("DRILLBIT_CONTENT", None)
    return env


def _import(how: str, home: Path, backup: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", _IMPORT_STOPPED_AT_THE_END, how, str(backup)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=REPO,
        env=_env(home),
    )


@pytest.fixture
def backup(tmp_path: Path) -> Path:
    path = tmp_path / "backup.json"
    path.write_text(json.dumps(SMALL_BACKUP))
    return path


def _hidden(home: Path) -> list[str]:
    return sorted(name for name in os.listdir(home) if name.startswith(".drillbit.db.new-"))


def _killed_import(home: Path, backup: Path) -> list[str]:
    """Run an import into `home` (no database yet) and SIGKILL it once its rows are in:
    the hidden files it leaves."""
    child = _import("kill", home, backup)
    out, err = child.communicate(timeout=PROCESS_TIMEOUT_SECONDS)
    assert (child.returncode, out) == (-signal.SIGKILL, "in\n"), err
    left = _hidden(home)
    assert left and "drillbit.db" not in os.listdir(home), left
    with sqlite3.connect(home / left[0]) as conn:  # its 20 rows were in the log
        assert conn.execute("PRAGMA journal_mode").fetchone() == ("wal",)
    return left


def test_a_command_after_a_killed_import_removes_its_hidden_database(
    tmp_path: Path, backup: Path
) -> None:
    """SIGKILL mid-import left `.drillbit.db.new-PID-…` (130 MB on a heavy history) until
    the next `import-progress`, and then only an hour after its last write."""
    home = tmp_path / "home"
    _killed_import(home, backup)
    run = subprocess.run(
        [*DRILLBIT_COMMAND, "check-store"],
        capture_output=True,
        text=True,
        cwd=REPO,
        env=_env(home),
        timeout=PROCESS_TIMEOUT_SECONDS,
    )
    assert run.returncode == 0, run.stderr
    assert _hidden(home) == []
    assert not any(".new-" in name for name in os.listdir(home)), os.listdir(home)


def test_the_app_opening_the_store_removes_them_too(tmp_path: Path, backup: Path) -> None:
    home = tmp_path / "home"
    _killed_import(home, backup)
    workspace = Workspace.open(include_bundled=False, store_path=home / "drillbit.db")
    workspace.close()
    assert _hidden(home) == []


def test_an_import_running_meanwhile_is_not_disturbed(tmp_path: Path, backup: Path) -> None:
    """Another drillbit starts while an import into a new home is writing its hidden
    file: the file is kept, and the import ends with every row in."""
    home = tmp_path / "home"
    child = _import("wait", home, backup)
    try:
        assert child.stdout is not None and child.stdin is not None
        assert child.stdout.readline() == "in\n"
        writing = _hidden(home)
        assert writing
        # what another drillbit's start does first (it then makes its own database, and
        # the import would merge into that one instead: tests/store/test_staged.py)
        clear_leftovers(home / "drillbit.db")
        assert set(writing) <= set(_hidden(home))
        out, err = child.communicate("go\n", timeout=PROCESS_TIMEOUT_SECONDS)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
    assert child.returncode == 0, err
    assert out == "reviews: 20 added\n"  # its own file, given its name: no second merge
    assert _hidden(home) == []
    with Store.open(home / "drillbit.db") as store:
        assert store.review_count() == 20


# -- the rules, on files made by hand -------------------------------------------------


def _gone_pid() -> int:
    """The id of a process that has ended (reaped: no process has it now, barring reuse)."""
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


TOKEN = "0123456789abcdef"


def _leftover(folder: Path, pid: int, *, age: float = 60.0, token: str = TOKEN) -> Path:
    """What a build killed mid-step leaves: the file, its -wal and -shm, its checked stamp."""
    staged = folder / f".drillbit.db.new-{pid}-{token}"
    companions = [folder / f"{staged.name}{suffix}" for suffix in ("-wal", "-shm")]
    for path in (staged, *companions, folder / f".{staged.name}-checked"):
        path.write_bytes(b"x")
        when = time.time() - age
        os.utime(path, (when, when))
    return staged


def _left(folder: Path) -> list[str]:
    return sorted(os.listdir(folder))


@pytest.fixture
def sleeper() -> Iterator[subprocess.Popen[bytes]]:
    """A process started now, that runs until the test ends."""
    child = subprocess.Popen(
        [sys.executable, "-c", "import sys; sys.stdin.read()"], stdin=subprocess.PIPE
    )
    try:
        yield child
    finally:
        child.communicate(b"", timeout=PROCESS_TIMEOUT_SECONDS)  # its stdin closed: it ends


def test_a_gone_process_leftovers_go_at_once_and_nothing_else(tmp_path: Path) -> None:
    mine = ["drillbit.db.new-1-notes", ".drillbit.db.new-12-xyz", ".drillbit.db.new-12-"]
    for name in mine:  # names that are not a build's: kept
        (tmp_path / name).write_text("mine")
    _leftover(tmp_path, _gone_pid(), age=1)
    clear_leftovers(tmp_path / "drillbit.db")
    assert _left(tmp_path) == sorted(mine)


def test_a_reused_pid_does_not_keep_a_leftover(
    tmp_path: Path, sleeper: subprocess.Popen[bytes]
) -> None:
    """The PID in the name runs again, as a process started after the file's last write:
    it cannot be its builder."""
    _leftover(tmp_path, sleeper.pid, age=600)
    clear_leftovers(tmp_path / "drillbit.db")
    assert _left(tmp_path) == []


def test_a_running_process_that_may_have_written_it_keeps_it(tmp_path: Path) -> None:
    """A process that started before the file's last write may be its builder (one from
    a drillbit that took no lock): the file is kept."""
    staged = _leftover(tmp_path, os.getppid(), age=0)
    clear_leftovers(tmp_path / "drillbit.db")
    assert staged.name in _left(tmp_path) and len(_left(tmp_path)) == 4


def test_a_locked_file_is_kept_whatever_its_name_says(tmp_path: Path) -> None:
    """Another PID namespace (a container sharing the home) names a PID this one does not
    see; its lock still says a build is writing the file."""
    with _locked(_leftover(tmp_path, _gone_pid())):
        clear_leftovers(tmp_path / "drillbit.db")
        assert len(_left(tmp_path)) == 4
    clear_leftovers(tmp_path / "drillbit.db")  # its lock is gone with it
    assert _left(tmp_path) == []


_HOLD_LOCK = """
import fcntl, os, sys
handle = os.open(sys.argv[1], os.O_RDONLY)
fcntl.flock(handle, fcntl.LOCK_EX)
print("locked", flush=True)
sys.stdin.read()
"""


def test_a_claimed_file_is_locked_until_released(tmp_path: Path) -> None:
    claim = Claim.take(tmp_path / "drillbit.db")
    try:
        handle = os.open(claim.path, os.O_RDONLY)
        try:
            with pytest.raises(BlockingIOError):
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        finally:
            os.close(handle)
        # this process runs, so the file would be kept anyway; its lock alone keeps it
        # from a sweep in another PID namespace
        assert claim.path.name.startswith(f".drillbit.db.new-{os.getpid()}-")
    finally:
        claim.release()
    handle = os.open(claim.path, os.O_RDONLY)
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    finally:
        os.close(handle)


def test_companions_whose_database_is_gone_are_removed(tmp_path: Path) -> None:
    """An interrupted removal's sidecars, a checked stamp, and the copy `Store.open`
    moved aside when it found a temporary database damaged."""
    pid = _gone_pid()
    names = [
        f".drillbit.db.new-{pid}-{TOKEN}-wal",
        f"..drillbit.db.new-{pid}-{TOKEN}-checked",
        f".drillbit.db.new-{pid}-{TOKEN}.corrupt-20260105T100000Z",
        f".drillbit.db.new-{pid}-{TOKEN}.corrupt-20260105T100000Z-wal",
    ]
    for name in names:
        (tmp_path / name).write_bytes(b"x")
    clear_leftovers(tmp_path / "drillbit.db")
    assert _left(tmp_path) == []


def test_without_locks_the_old_quiet_rule_holds(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A file system without `flock`: a gone process's file goes once unwritten an hour."""

    def no_locks(_handle: int, _how: int) -> None:
        raise OSError(95, "Operation not supported")

    monkeypatch.setattr(fcntl, "flock", no_locks)
    recent = _leftover(tmp_path, _gone_pid(), age=LEFTOVER_QUIET_SECONDS - 60, token="1" * 16)
    _leftover(tmp_path, _gone_pid(), age=LEFTOVER_QUIET_SECONDS + 60)
    clear_leftovers(tmp_path / "drillbit.db")
    assert _left(tmp_path) == sorted(
        [recent.name, f"{recent.name}-wal", f"{recent.name}-shm", f".{recent.name}-checked"]
    )


def test_a_read_only_open_removes_nothing(tmp_path: Path) -> None:
    _leftover(tmp_path, _gone_pid())
    Store.open(tmp_path / "drillbit.db", read_only=True).close()
    assert len(_left(tmp_path)) == 4


@pytest.fixture
def held(tmp_path: Path) -> Iterator[Path]:
    """A build's temporary database, damaged (not SQLite), with its -wal, -shm and checked
    stamp, locked by a running process whose PID its name does not give (as from another
    PID namespace: the name's PID is gone here)."""
    with _locked(_leftover(tmp_path, _gone_pid())) as staged:
        yield staged


@contextlib.contextmanager
def _locked(staged: Path) -> Iterator[Path]:
    """`staged` locked by another running process, as a live build holds it, until the
    block ends (the process then exits and its lock goes with it)."""
    holder = subprocess.Popen(
        [sys.executable, "-c", _HOLD_LOCK, str(staged)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline() == "locked\n"
        yield staged
    finally:
        holder.communicate("", timeout=PROCESS_TIMEOUT_SECONDS)


def test_a_locked_file_moved_aside_midway_keeps_everything(tmp_path: Path, held: Path) -> None:
    """`move_aside` renames the database, then its sidecars one by one: between the two a
    sweep saw companions whose database was gone and judged them by the PID alone, so a
    build from another PID namespace lost its copy and its write-ahead log."""
    moved = held.with_name(f"{held.name}.corrupt-20260105T100000Z")
    held.rename(moved)  # the first step of `recovery.move_aside`
    before = _left(tmp_path)
    clear_leftovers(tmp_path / "drillbit.db")
    assert _left(tmp_path) == before
    assert (tmp_path / f"{held.name}-wal").read_bytes() == b"x"


def test_a_fresh_file_built_in_place_of_a_locked_one_is_kept(tmp_path: Path, held: Path) -> None:
    """`Store.open` found the temporary database damaged: it moved it aside (the locked
    file, under its new name) and built a fresh, unlocked one under its name. While the
    build's lock is held, neither is removed (once it is free they go: the next test)."""
    with Store.open(held) as store:
        assert store.notices and store.notices[0].moved_to is not None
        moved = store.notices[0].moved_to
    before = _left(tmp_path)
    assert held.name in before and moved.name in before
    clear_leftovers(tmp_path / "drillbit.db")
    assert _left(tmp_path) == before


def test_a_gone_build_s_moved_aside_copy_and_fresh_file_are_removed(tmp_path: Path) -> None:
    """The same files with no lock held (the build was killed): all of them go."""
    staged = _leftover(tmp_path, _gone_pid())
    with Store.open(staged):
        pass
    assert any(".corrupt-" in name for name in _left(tmp_path))
    clear_leftovers(tmp_path / "drillbit.db")
    assert _left(tmp_path) == []
