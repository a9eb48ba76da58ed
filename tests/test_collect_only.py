"""`pytest --co` lists the tests and exits 0 (it ended in syrupy's warning, raised as an
error by `filterwarnings = error`, after the workers the default options had started
sent no snapshot report; and in one process syrupy called every snapshot unused)."""

from __future__ import annotations

import os
import subprocess
import sys

from tests.conftest import PROCESS_TIMEOUT_SECONDS, REPO


def test_listing_the_tests_ends_cleanly() -> None:
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "--co",
            "-q",
            "tests/test_markers.py",
            "tests/tui/test_snapshots.py",
        ],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=PROCESS_TIMEOUT_SECONDS,
        env={**os.environ, "PYTEST_ADDOPTS": ""},
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Traceback" not in done.stdout + done.stderr
    assert "test_markers.py::" in done.stdout and "test_snapshots.py::" in done.stdout
    assert "unused" not in done.stdout
