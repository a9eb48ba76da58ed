"""A test that never ends fails at the suite's ceiling (pytest-timeout, `timeout` in
pyproject.toml) and the run goes on: an endless loop, a mutant's or a real one, hung the
whole run before (the thirty-sixth round's mutation audit)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import PROCESS_TIMEOUT_SECONDS, REPO

HANGING = """
def test_loops_forever():
    while True:
        pass


def test_after_it():
    assert True
"""


@pytest.mark.slow
def test_a_test_that_never_ends_fails_with_its_place_and_the_next_still_runs(
    tmp_path: Path,
) -> None:
    module = tmp_path / "test_hangs.py"
    module.write_text(HANGING, encoding="utf-8")
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-c",
            str(REPO / "pyproject.toml"),
            "--rootdir",
            str(tmp_path),
            "-n0",
            "-p",
            "no:cacheprovider",
            "--timeout=2",
            str(module),
        ],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=PROCESS_TIMEOUT_SECONDS,
        env={**os.environ, "PYTEST_ADDOPTS": ""},
    )
    out = done.stdout + done.stderr
    assert done.returncode == 1, out
    assert "1 failed, 1 passed" in out, out
    # the project's method: the test is failed from SIGALRM in its own thread, with its line
    assert "Failed: Timeout (>2.0s) from pytest-timeout." in out, out
    assert "while True:" in out, out
