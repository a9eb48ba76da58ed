"""A harness imports nothing the warm child has not imported already: the child execs the
harness on every grade, so a new import there (numpy.typing took 3-6 ms) is paid by every
grade of its drills and counts against the overhead over the in-process limit."""

from __future__ import annotations

import subprocess
import sys

from engine.sandbox.config import ENGINE_DIR, RUNTIME_PATH

PROBE = """
import sys
import numpy as np
from engine.sandbox.child import _warm

runtime, *paths = sys.argv[1:]
with open(runtime, encoding="utf-8") as handle:
    exec(compile(handle.read(), runtime, "exec"), {"__name__": "drillbit_runtime"})
_warm(np)
loaded = set(sys.modules)
for path in paths:
    namespace = {"__name__": "harness"}
    with open(path, encoding="utf-8") as handle:
        exec(compile(handle.read(), path, "exec"), namespace)
    new = sorted(set(sys.modules) - loaded)
    if new:
        print(path, *new)
    loaded |= set(new)
"""


def test_no_harness_imports_a_module_the_warm_child_lacks() -> None:
    """The probe warms up as the child does (the runtime exec'd, then numpy warmed) before
    the job arrives; the runtime is not a harness, and what it imports is part of the
    warm-up (importing engine.sandbox here had loaded py_compile, and with it traceback,
    which the child never had)."""
    harnesses = sorted(
        str(path)
        for path in (ENGINE_DIR / "harnesses").glob("*.py")
        if path.name not in ("__init__.py", RUNTIME_PATH.name)
    )
    assert harnesses
    result = subprocess.run(
        [sys.executable, "-c", PROBE, str(RUNTIME_PATH), *harnesses],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    assert result.stdout == ""
