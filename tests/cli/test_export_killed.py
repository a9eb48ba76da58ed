"""`kill` (SIGTERM) or a closed terminal (SIGHUP) during `export progress` leaves nothing
half-written: the hidden `.NAME.XXXX.partial` the export writes beside FILE was left behind
(a heavy home's hundred MB), as Ctrl-C's cleanup never ran. The process still ends by the
signal, as it would have."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import PROCESS_TIMEOUT_SECONDS, REPO

KILLED_MIDWAY = """
import os, signal, sys
import quiz.store.backup_export as backup_export

def write_then_killed(store, out, moment, settings, **options):
    out.write(b'{"format": "drillbit-progress", "half": ')  # the file is half-written
    os.kill(os.getpid(), int(sys.argv[2]))  # as `kill` or a closing terminal sends it
    raise AssertionError("the signal did not stop the export")

backup_export._write_rows = write_then_killed
from quiz.cli import main
main(["export", "progress", sys.argv[1]])
"""
"""`drillbit export progress FILE` whose writing is stopped by the signal in argv[2] once
the temporary file holds half a backup: where the signal lands is fixed, not timed."""


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP])
@pytest.mark.parametrize("name", ["backup.json", "-"])
def test_a_signal_midway_leaves_no_partial_file(
    tmp_path: Path, _isolated_home: Path, signum: int, name: str
) -> None:
    folder = tmp_path / "backups"
    folder.mkdir()
    ended = subprocess.run(
        [
            sys.executable,
            "-c",
            KILLED_MIDWAY,
            name if name == "-" else str(folder / name),
            str(signum),
        ],
        capture_output=True,
        text=True,
        cwd=REPO,
        env=dict(os.environ),
        timeout=PROCESS_TIMEOUT_SECONDS,
        check=False,
    )
    assert ended.returncode == -signum, ended.stderr  # ended by the signal, as it would be
    assert "Traceback" not in ended.stderr
    assert list(folder.iterdir()) == []  # no `.backup.json.XXXX.partial`, no backup
    # nor the whole copy `-` is sent from (`quiz.cli.export_stream`)
    assert not [p for p in _isolated_home.iterdir() if p.name.startswith(".export-")]
