"""Run the real `drillbit` entry point in a child process and measure its peak memory."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
HOSTILE = REPO / "tests" / "data" / "hostile"
PEAK_LIMIT_MB = 300

# A parent that runs `python -m quiz ARGS` and reports the child's peak resident memory
# (RUSAGE_CHILDREN covers the waited-for child and what it waited for in turn).
_MEASURE = """
import resource, subprocess, sys
done = subprocess.run([sys.executable, "-m", "quiz", *sys.argv[1:]])
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
sys.stderr.write(f"\\n@@peak_kib={peak}\\n")
sys.exit(done.returncode)
"""
_PEAK = re.compile(r"\n@@peak_kib=(\d+)\n\Z")


@dataclass(frozen=True)
class Run:
    """What one drillbit run printed, returned and used."""

    returncode: int
    stdout: str
    stderr: str
    peak_mb: float

    @property
    def output(self) -> str:
        return self.stdout + self.stderr


def drillbit(*args: str, home: Path, cwd: Path | None = None, timeout: float = 60) -> Run:
    """`drillbit ARGS` with DRILLBIT_HOME=home; a hang fails the test after `timeout` s."""
    env = {**os.environ, "DRILLBIT_HOME": str(home), "PYTHONPATH": str(REPO)}
    env.pop("DRILLBIT_CONTENT", None)
    done = subprocess.run(
        [sys.executable, "-c", _MEASURE, *args],
        capture_output=True,
        text=True,
        cwd=cwd or REPO,
        env=env,
        timeout=timeout,
        stdin=subprocess.DEVNULL,
    )
    found = _PEAK.search(done.stderr)
    assert found is not None, done.stderr
    return Run(
        done.returncode, done.stdout, done.stderr[: found.start()], int(found.group(1)) / 1024
    )


def assert_clean_failure(run: Run, *names: str, code: int = 1) -> None:
    """Exit `code`, every name in the output, no traceback, memory bounded."""
    assert run.returncode == code, run.output
    assert "Traceback" not in run.output, run.output
    for name in names:
        assert name in run.output, f"{name!r} not in:\n{run.output}"
    assert run.peak_mb < PEAK_LIMIT_MB, f"peak {run.peak_mb:.0f} MB"
