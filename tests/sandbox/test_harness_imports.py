"""A harness imports nothing the warm child has not imported already: the child execs the
harness on every grade, so a new import there (numpy.typing took 3-6 ms) is paid by every
grade of its drills and counts against the overhead over the in-process limit."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from engine.checkers.base import harness_sources
from engine.sandbox.config import RUNTIME_PATH, SANDBOX_DIR, host_paths
from tests.conftest import PROCESS_TIMEOUT_SECONDS

PROBE = """
import builtins, json, os, resource, signal, sys, typing

child, wire, runtime, site, *paths = sys.argv[1:]
sys.path.append(site)

def run(path, name):
    namespace = {"__name__": name}
    with open(path, encoding="utf-8") as handle:
        exec(compile(handle.read(), path, "exec"), namespace)
    return namespace

child_ns = run(child, "drillbit_child")
import numpy as np
run(wire, "drillbit_wire")
run(runtime, "drillbit_runtime")
child_ns["_warm"](np)
loaded = set(sys.modules)
for path in paths:
    run(path, "harness")
    new = sorted(set(sys.modules) - loaded)
    if new:
        print(path, *new)
    loaded |= set(new)
"""


def test_no_harness_imports_a_module_the_warm_child_lacks(tmp_path: Path) -> None:
    """The probe starts as the child does (`python -I -S`, the launcher's imports, then the
    child runner, wire and runtime exec'd from their text and numpy warmed) before the job
    arrives; importing engine.sandbox instead had loaded subprocess, tempfile and with them
    copy and random, which the child never had (the seeded harness's `import copy` went unseen)."""
    harnesses = []
    for name, text in sorted(harness_sources().items()):  # the texts the child gets
        shipped = tmp_path / f"{name}.py"
        shipped.write_text(text, encoding="utf-8")
        harnesses.append(str(shipped))
    assert len(harnesses) == 9
    site = os.path.dirname(host_paths().numpy_dir)
    result = subprocess.run(
        [
            sys.executable,
            "-I",
            "-S",
            "-c",
            PROBE,
            str(SANDBOX_DIR / "child.py"),
            str(SANDBOX_DIR / "wire.py"),
            str(RUNTIME_PATH),
            site,
            *harnesses,
        ],
        capture_output=True,
        text=True,
        check=True,
        timeout=PROCESS_TIMEOUT_SECONDS,
    )
    assert result.stdout == ""
