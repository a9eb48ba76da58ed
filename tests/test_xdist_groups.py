"""The `serve` xdist group holds in a real `-n 2 --dist loadgroup` run: every test that
serves on a port runs on one worker. The hook's marks alone (tests/test_markers.py) were
right while the run ignored them: xdist read the groups before this conftest added them,
and pytest 9.2 dropped the `@group` xdist gives a test's id."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import PROCESS_TIMEOUT_SECONDS, REPO

CONFTEST = """\
import pytest

from tests.conftest import pytest_itemcollected  # the suite's hook, as it runs there


@pytest.fixture
def served() -> str:  # the name the hook groups by; no server is started
    return "served"


@pytest.fixture
def served_one_tab() -> str:
    return "served_one_tab"
"""

PROBES = """\
import os

import pytest


@pytest.mark.parametrize("n", range(6))
def test_serves(served: str, n: int, request: pytest.FixtureRequest) -> None:
    _record(request)


def test_serves_one_tab(served_one_tab: str, request: pytest.FixtureRequest) -> None:
    _record(request)


@pytest.mark.parametrize("n", range(6))
def test_plain(n: int, request: pytest.FixtureRequest) -> None:
    _record(request)


def _record(request: pytest.FixtureRequest) -> None:
    with open(os.environ["PROBE_LOG"], "a") as log:
        log.write(f"{os.environ['PYTEST_XDIST_WORKER']} {request.node.nodeid}\\n")
"""


def test_the_tests_that_serve_run_on_one_worker_in_a_two_worker_run(tmp_path: Path) -> None:
    (tmp_path / "conftest.py").write_text(CONFTEST)
    (tmp_path / "test_probes.py").write_text(PROBES)
    (tmp_path / "pytest.ini").write_text("[pytest]\n")  # not the suite's addopts
    log = tmp_path / "probes.log"
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-n", "2"]
        + ["--dist", "loadgroup", "-q", "test_probes.py"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=PROCESS_TIMEOUT_SECONDS,
        env={**os.environ, "PROBE_LOG": str(log), "PYTHONPATH": str(REPO), "PYTEST_ADDOPTS": ""},
    )
    assert done.returncode == 0, done.stdout + done.stderr
    runs = [line.split(" ", 1) for line in log.read_text().splitlines()]
    assert len(runs) == 13, runs
    serving = [(worker, test) for worker, test in runs if "::test_serves" in test]
    assert len(serving) == 7
    # xdist schedules by the id's `@group` suffix: without it, no group
    assert all(test.endswith("@serve") for _, test in serving), serving
    assert len({worker for worker, _ in serving}) == 1, serving
    assert not [test for _, test in runs if "::test_plain" in test and "@" in test]
