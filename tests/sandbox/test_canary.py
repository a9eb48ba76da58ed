"""The bubblewrap canary decides "private PID namespace" by namespace identity, not by pid."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys

import pytest

from engine.sandbox.bwrap import private_pid_namespace
from tests.conftest import PROCESS_TIMEOUT_SECONDS, REPO
from tests.sandbox.conftest import skip_unless_bwrap_for

HOST_NS = "pid:[4026531836]"


def test_same_namespace_is_not_private() -> None:
    assert not private_pid_namespace({"pid": 2, "pidns": HOST_NS}, HOST_NS)


def test_other_namespace_is_private_whatever_the_pids() -> None:
    # drillbit as PID 2 of a container: inside the sandbox, pid 2 is the canary itself
    assert private_pid_namespace({"pid": 2, "pidns": "pid:[4026532183]"}, HOST_NS)


@pytest.mark.parametrize(
    "report",
    [{"pid": 2}, {"pid": 2, "pidns": None}, {"pid": "2", "pidns": "pid:[1]"}, {"pidns": "x"}],
)
def test_a_report_without_a_namespace_is_not_private(report: dict[str, object]) -> None:
    assert not private_pid_namespace(report, HOST_NS)


def test_unknown_parent_namespace_is_not_private() -> None:
    assert not private_pid_namespace({"pid": 2, "pidns": "pid:[4026532183]"}, None)


PROBE = """
import json, os
from engine.sandbox.bwrap import bwrap_status
status = bwrap_status()
print(json.dumps({"pid": os.getpid(), "active": status.active, "reason": status.reason}))
"""


def test_the_canary_passes_when_drillbit_is_pid_2_of_a_namespace() -> None:
    """Run as PID 2 of a fresh PID namespace (as under a container's init), bwrap stays on."""
    skip_unless_bwrap_for("bwrap")
    unshare = shutil.which("unshare")
    if unshare is None:
        pytest.skip("util-linux's unshare is not installed")
    # `; true` keeps sh alive as PID 1, so python is PID 2
    command = f"{sys.executable} -c '{PROBE}'; true"
    result = subprocess.run(
        [unshare, "--pid", "--fork", "--mount-proc", "sh", "-c", command],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=PROCESS_TIMEOUT_SECONDS,
        check=False,
    )
    if result.returncode != 0 and "Operation not permitted" in result.stderr:
        pytest.skip(f"this machine cannot make a PID namespace: {result.stderr.strip()}")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["pid"] == 2, report
    assert report["active"], report["reason"]
