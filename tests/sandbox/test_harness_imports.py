"""A harness imports nothing the warm child has not imported already: the child execs the
harness on every grade, so a new import there (numpy.typing took 3-6 ms) is paid by every
grade of its drills and counts against the overhead over the in-process limit."""

from __future__ import annotations

import subprocess
import sys

from engine.sandbox.config import ENGINE_DIR

PROBE = """
import sys
import numpy as np
from engine.sandbox.child import _warm

_warm(np)
paths = sys.argv[1:]
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
    harnesses = sorted(
        str(path) for path in (ENGINE_DIR / "harnesses").glob("*.py") if path.name != "__init__.py"
    )
    assert harnesses
    result = subprocess.run(
        [sys.executable, "-c", PROBE, *harnesses],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    assert result.stdout == ""
