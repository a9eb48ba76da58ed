"""The fiftieth round's mutation audit of quiz/store/leftovers.py: which hidden files of a
crashed `import-progress` the sweep at each open removes, and which it must keep because
a build may still be writing them (docs/mutation-audits.md)."""

from __future__ import annotations

import errno
import fcntl
import os
import stat
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from quiz.store import leftovers
from quiz.store.leftovers import Claim, clear_leftovers

TOKEN = "0123456789abcdef"
HOUR = 3600.0


def _gone_pid() -> int:
    """The id of a process that has ended (reaped: no process has it now, barring reuse)."""
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def _age(path: Path, seconds: float) -> None:
    when = time.time() - seconds
    os.utime(path, (when, when), follow_symlinks=False)


def _leftover(folder: Path, pid: int, *, age: float, wal_age: float | None = None) -> Path:
    """A killed build's file, its -wal and -shm and checked stamp, last written `age`
    seconds ago (its -wal `wal_age` ago)."""
    staged = folder / f".drillbit.db.new-{pid}-{TOKEN}"
    for path in (staged, *_companions(staged)):
        path.write_bytes(b"x")
        _age(path, age)
    _age(folder / f"{staged.name}-wal", age if wal_age is None else wal_age)
    return staged


def _companions(staged: Path) -> list[Path]:
    return [
        staged.with_name(f"{staged.name}-wal"),
        staged.with_name(f"{staged.name}-shm"),
        staged.with_name(f".{staged.name}-checked"),
    ]


def _left(folder: Path) -> list[str]:
    return sorted(os.listdir(folder))


def _no_locks(monkeypatch: pytest.MonkeyPatch, error: int = errno.EOPNOTSUPP) -> None:
    """A file system whose `flock` fails with `error` for every file."""

    def refuse(_handle: int, _how: int) -> None:
        raise OSError(error, os.strerror(error))

    monkeypatch.setattr(fcntl, "flock", refuse)


def _open_fds() -> set[str]:
    return set(os.listdir("/proc/self/fd"))


def _lock_free(path: Path) -> bool:
    """Whether another open of `path` can take its lock now (this process's own open
    descriptors of it count as others: `flock` belongs to each)."""
    handle = os.open(path, os.O_RDONLY)
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    finally:
        os.close(handle)
    return True


# -- a claim ---------------------------------------------------------------------------


@pytest.fixture
def umask_022() -> Iterator[None]:
    old = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(old)


def test_a_claimed_file_is_the_owners_to_write_and_others_to_read(
    tmp_path: Path, umask_022: None
) -> None:
    """The temporary file becomes the home's database: `rw-r--r--` as any file the person
    makes, not executable, not writable by others."""
    claim = Claim.take(tmp_path / "drillbit.db")
    try:
        assert stat.S_IMODE(claim.path.stat().st_mode) == 0o644
    finally:
        claim.release()


def _sweep_first(
    monkeypatch: pytest.MonkeyPatch, how: str, held: list[int], raced: list[Path]
) -> None:
    """A sweep in another drillbit gets the first file `Claim.take` creates between its
    create and its lock: it holds the file's lock (`locked`) or has removed it
    (`removed`)."""
    real_lock = leftovers._lock

    def lock(handle: int) -> bool | None:
        if not raced:
            path = Path(os.readlink(f"/proc/self/fd/{handle}"))
            raced.append(path)
            if how == "locked":
                other = os.open(path, os.O_RDONLY)
                fcntl.flock(other, fcntl.LOCK_EX)
                held.append(other)
            else:
                path.unlink()
        return real_lock(handle)

    monkeypatch.setattr(leftovers, "_lock", lock)


@pytest.mark.parametrize("how", ["locked", "removed"])
def test_a_claim_a_sweep_got_first_takes_another_name(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, how: str
) -> None:
    """Building into the file the sweep holds (or removed) would build unguarded (or
    into a name that is gone): another name is taken, locked, and nothing is left open."""
    held: list[int] = []
    raced: list[Path] = []
    _sweep_first(monkeypatch, how, held, raced)
    before = _open_fds()
    try:
        claim = Claim.take(tmp_path / "drillbit.db")
        try:
            assert claim.path != raced[0]
            assert claim.path.exists()
            assert not _lock_free(claim.path)
        finally:
            claim.release()
        assert _lock_free(claim.path)
    finally:
        for handle in held:
            os.close(handle)
    assert _open_fds() == before
    assert raced[0].exists() is (how == "locked")  # the sweep's to judge, not the claim's


# -- what a sweep removes and keeps ----------------------------------------------------


def test_without_locks_an_hour_unwritten_is_the_rule(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No `flock`: a gone process's file unwritten 61 minutes goes; 59 minutes, kept."""
    _no_locks(monkeypatch)
    old = tmp_path / "old"
    recent = tmp_path / "recent"
    for folder, age in ((old, HOUR + 60), (recent, HOUR - 60)):
        folder.mkdir()
        _leftover(folder, _gone_pid(), age=age)
        clear_leftovers(folder / "drillbit.db")
    assert _left(old) == []
    assert len(_left(recent)) == 4


def test_without_locks_a_recently_written_log_keeps_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The database file's time moves only at a checkpoint: a build writing its -wal a
    minute ago is writing, though the file itself is two hours old (the -shm's time is
    not a write's)."""
    _no_locks(monkeypatch)
    staged = _leftover(tmp_path, _gone_pid(), age=2 * HOUR, wal_age=60)
    clear_leftovers(tmp_path / "drillbit.db")
    assert staged.name in _left(tmp_path) and len(_left(tmp_path)) == 4


def test_without_locks_a_log_whose_time_cannot_be_read_keeps_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _no_locks(monkeypatch)
    staged = _leftover(tmp_path, _gone_pid(), age=2 * HOUR)
    wal = tmp_path / f"{staged.name}-wal"
    wal.unlink()
    wal.symlink_to(wal.name)  # a loop: its stat fails, and not as "no such file"
    clear_leftovers(tmp_path / "drillbit.db")
    assert staged.name in _left(tmp_path) and len(_left(tmp_path)) == 4


def test_a_lock_refused_as_access_denied_is_a_held_lock(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Where `flock` says EACCES for a lock another holds (not EWOULDBLOCK), the file is
    kept, though two hours unwritten by a process that is gone."""
    _no_locks(monkeypatch, errno.EACCES)
    _leftover(tmp_path, _gone_pid(), age=2 * HOUR)
    clear_leftovers(tmp_path / "drillbit.db")
    assert len(_left(tmp_path)) == 4


@pytest.fixture
def sleeper() -> Iterator[subprocess.Popen[bytes]]:
    """A process that runs until the test ends."""
    child = subprocess.Popen(
        [sys.executable, "-c", "import sys; sys.stdin.read()"], stdin=subprocess.PIPE
    )
    try:
        yield child
    finally:
        if child.poll() is None:
            child.communicate(b"", timeout=30)


def _still_ran(sleeper: subprocess.Popen[bytes]) -> bool:
    """Whether the sleeper ends by itself once its stdin closes (the sweep asks whether a
    process runs; it must never send it a signal)."""
    sleeper.communicate(b"", timeout=30)
    return sleeper.returncode == 0


@pytest.mark.parametrize(("started_after", "kept"), [(3.0, False), (2.0, True), (1.0, True)])
def test_a_process_started_just_after_the_last_write_is_not_its_builder(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    sleeper: subprocess.Popen[bytes],
    started_after: float,
    kept: bool,
) -> None:
    """The PID in the name runs, started `started_after` seconds after the file's last
    write (a clock read as the kernel's: two seconds of slack between the two clocks):
    three seconds after, it cannot be the builder; two seconds after or less, it may be."""
    staged = _leftover(tmp_path, sleeper.pid, age=600)
    written = staged.stat().st_mtime
    monkeypatch.setattr(leftovers, "_start_time", lambda pid: written + started_after)
    clear_leftovers(tmp_path / "drillbit.db")
    assert (len(_left(tmp_path)) == 4) is kept
    assert kept or _left(tmp_path) == []
    assert _still_ran(sleeper)


def test_a_file_kept_for_its_running_builder_is_left_unlocked(
    tmp_path: Path, sleeper: subprocess.Popen[bytes]
) -> None:
    """The sweep takes the lock to judge a file: it must drop it, or this drillbit would
    hold it until it exits and every other one would judge the file being written."""
    staged = _leftover(tmp_path, sleeper.pid, age=0)  # written after the sleeper started
    before = _open_fds()
    clear_leftovers(tmp_path / "drillbit.db")
    assert staged.name in _left(tmp_path)
    assert _lock_free(staged)
    assert _open_fds() == before
    assert _still_ran(sleeper)


def test_companions_of_a_running_builder_are_kept(
    tmp_path: Path, sleeper: subprocess.Popen[bytes]
) -> None:
    """A build from before the locks removes its file's companions after the file: while
    its process may still be the one removing them (it runs, and started before their last
    write), they are not the sweep's."""
    staged = _leftover(tmp_path, sleeper.pid, age=0)
    staged.unlink()
    moved = tmp_path / f"{staged.name}.corrupt-20260105T100000Z"
    moved.write_bytes(b"x")
    clear_leftovers(tmp_path / "drillbit.db")
    assert _left(tmp_path) == sorted([moved.name, *(path.name for path in _companions(staged))])
    assert _still_ran(sleeper)


def test_a_folder_named_as_a_build_keeps_it_and_its_companions(tmp_path: Path) -> None:
    """Only a regular file is a build's database: a folder of that name (and the files
    named after it) belongs to someone else."""
    staged = tmp_path / f".drillbit.db.new-{_gone_pid()}-{TOKEN}"
    staged.mkdir()
    (staged / "notes.txt").write_text("mine")
    for path in _companions(staged):
        path.write_bytes(b"x")
    clear_leftovers(tmp_path / "drillbit.db")
    assert len(_left(tmp_path)) == 4
    assert (staged / "notes.txt").read_text() == "mine"


def test_a_moved_copy_that_cannot_be_opened_holds_nothing_back(tmp_path: Path) -> None:
    """The moved-aside copy is judged by its lock only when it opens: a link in its place
    (or a copy gone meanwhile) is no held build, and the gone build's files go."""
    staged = _leftover(tmp_path, _gone_pid(), age=60)
    link = tmp_path / f"{staged.name}.corrupt-20260105T100000Z"
    link.symlink_to("elsewhere")
    clear_leftovers(tmp_path / "drillbit.db")
    assert _left(tmp_path) == [link.name]  # a link is not removed: not a file of a build


def test_a_folder_removed_during_the_sweep_is_no_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another drillbit's failed build removes the folder it made once the sweep emptied
    it: the sweep's second listing finds no folder, and the open goes on."""
    home = tmp_path / "home"
    home.mkdir()
    _leftover(home, _gone_pid(), age=60)
    real_sweep = leftovers._sweep

    def sweep_then_rmdir(staged: Path, pid: int) -> None:
        real_sweep(staged, pid)
        home.rmdir()

    monkeypatch.setattr(leftovers, "_sweep", sweep_then_rmdir)
    clear_leftovers(home / "drillbit.db")
    assert not home.exists()
