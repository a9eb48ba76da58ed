"""`import-progress` stopped midway or failing at its end: the home is left as it was,
and the message names the database, not the hidden file the import builds it in."""

from __future__ import annotations

import errno
import json
import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import (
    PROCESS_TIMEOUT_SECONDS,
    REPO,
    SMALL_BACKUP,
    SMALL_BACKUP_REVIEWS,
    RunDrillbit,
)

# The import's rows are in (in its one open transaction) when the signal comes: the
# process sends it to itself as the file ends, as `kill` or a closed terminal would.
_SIGNALLED_AT_THE_END = """
import os, signal, sys
signum = int(sys.argv[1])
if sys.argv[3:] == ["ignored"]:
    signal.signal(signum, signal.SIG_IGN)
else:  # as started from a terminal, whatever the test run inherited (a shell's `&`
    # starts a job with SIGINT ignored, and Python then leaves Ctrl-C ignored)
    default = signal.default_int_handler if signum == signal.SIGINT else signal.SIG_DFL
    signal.signal(signum, default)
from quiz.store import backup
finish = backup._Merger.finish
def finish_then_signal(self, header):
    os.kill(os.getpid(), signum)
    finish(self, header)
backup._Merger.finish = finish_then_signal
from quiz.cli import main
main(["import-progress", sys.argv[2]])
"""


def _backup(tmp_path: Path) -> Path:
    path = tmp_path / "backup.json"
    path.write_text(json.dumps(SMALL_BACKUP))
    return path


def _signalled(
    signum: int, backup: Path, home: Path, *, ignored: bool = False
) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "DRILLBIT_HOME": str(home), "PYTHONPATH": str(REPO)}
    env.pop("DRILLBIT_CONTENT", None)
    return subprocess.run(
        [sys.executable, "-c", _SIGNALLED_AT_THE_END, str(int(signum)), str(backup)]
        + (["ignored"] if ignored else []),
        capture_output=True,
        text=True,
        cwd=REPO,
        env=env,
        timeout=PROCESS_TIMEOUT_SECONDS,
        stdin=subprocess.DEVNULL,
    )


def _files(folder: Path) -> dict[str, bytes]:
    """Every file in `folder` and its bytes, but the open check's own stamp."""
    return {
        path.name: path.read_bytes()
        for path in folder.iterdir()
        if path.is_file() and path.name != ".drillbit.db-checked"
    }


def _ended(run: subprocess.CompletedProcess[str], signum: int) -> None:
    """Ctrl-C says `Aborted.` and exits 130 (128 + SIGINT, as a shell reports it); `kill`
    and a closed terminal end the process by their own signal, as they would have, once
    it has cleaned up."""
    assert "Traceback" not in run.stderr, run.stderr
    if signum == signal.SIGINT:
        assert (run.returncode, run.stderr.strip()) == (130, "Aborted."), run
    else:
        assert run.returncode == -signum, run


SIGNALS = [signal.SIGINT, signal.SIGTERM, signal.SIGHUP]


@pytest.mark.parametrize("signum", SIGNALS, ids=lambda signum: signal.Signals(signum).name)
def test_a_signal_midway_into_a_new_home_leaves_nothing(tmp_path: Path, signum: int) -> None:
    """`kill` or a closed terminal ended Python at once: the hidden temporary database
    (a heavy user's backup: 130 MB) stayed in the home until a later import removed it."""
    home = tmp_path / "new" / "home"
    run = _signalled(signum, _backup(tmp_path), home)
    _ended(run, signum)
    assert not (tmp_path / "new").exists(), sorted(os.listdir(home))


def test_a_hangup_the_process_ignores_does_not_stop_the_import(tmp_path: Path) -> None:
    """`nohup drillbit import-progress …` goes on when the terminal is closed."""
    home = tmp_path / "home"
    run = _signalled(signal.SIGHUP, _backup(tmp_path), home, ignored=True)
    assert run.returncode == 0, run
    assert run.stdout == "reviews: 20 added\n"
    assert sorted(os.listdir(home)) == ["drillbit.db"]


@pytest.mark.parametrize("signum", SIGNALS, ids=lambda signum: signal.Signals(signum).name)
def test_a_signal_midway_leaves_an_existing_database_as_it_was(tmp_path: Path, signum: int) -> None:
    home = tmp_path / "home"
    first = tmp_path / "first.json"  # a database drillbit made, with one review
    first.write_text(json.dumps(SMALL_BACKUP | {"reviews": SMALL_BACKUP_REVIEWS[:1]}))
    env = {**os.environ, "DRILLBIT_HOME": str(home), "PYTHONPATH": str(REPO)}
    env.pop("DRILLBIT_CONTENT", None)
    done = subprocess.run(
        [sys.executable, "-m", "quiz", "import-progress", str(first)],
        capture_output=True,
        text=True,
        cwd=REPO,
        env=env,
        timeout=PROCESS_TIMEOUT_SECONDS,
    )
    assert done.returncode == 0, done.stderr
    before = _files(home)
    assert sorted(before) == ["drillbit.db"]
    run = _signalled(signum, _backup(tmp_path), home)
    _ended(run, signum)
    assert _files(home) == before  # no -wal of rolled-back rows either
    conn = sqlite3.connect(home / "drillbit.db")
    try:
        assert conn.execute("SELECT COUNT(*) FROM review_log").fetchone() == (1,)
    finally:
        conn.close()


def test_a_link_that_fails_is_told_in_the_databases_words(
    tmp_path: Path,
    _isolated_home: Path,
    drillbit: RunDrillbit,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The backup was all in, then giving the new database its name failed (a full disk):
    the message named `.drillbit.db.new-PID-…` and did not say nothing had changed."""
    before = sorted(os.listdir(_isolated_home))  # the card cache, no database yet

    def refuse(*_args: object, **_kwargs: object) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "link", refuse)
    monkeypatch.setattr(os, "rename", refuse)
    run = drillbit("import-progress", str(_backup(tmp_path)))
    assert run.returncode == 1, run
    assert run.stderr == (
        f"drillbit: progress database: {_isolated_home / 'drillbit.db'} was not created: could not give "
        "it its name (No space left on device). Nothing was changed: there is still no "
        "database there\n"
    )
    assert sorted(os.listdir(_isolated_home)) == before
