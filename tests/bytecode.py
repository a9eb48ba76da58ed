"""Bytecode caches for the test run, even where the shell sets PYTHONDONTWRITEBYTECODE.

Loaded before every other plugin (`-p tests.bytecode` in pyproject's addopts). Without it,
in such a shell, each process the suite starts (the xdist workers, `drillbit` runs, servers,
the bench's probes) compiles textual, numpy and drillbit from source again: about 2 s of CPU
per process on a 2-core machine. The caches live in .pytest_cache/pycache (ignored by git),
never next to the sources, and are checked against each source's mtime and size as usual.
The sandbox's children keep their own environment and their own cache
(engine/sandbox/pycache.py); a PYTHONPYCACHEPREFIX the shell chose is kept.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

PYCACHE = Path(__file__).resolve().parent.parent / ".pytest_cache" / "pycache"


def enable_bytecode_caches() -> None:
    """This process and its children write and read .pyc files under one prefix."""
    prefix = os.environ.get("PYTHONPYCACHEPREFIX") or str(PYCACHE)
    os.environ["PYTHONPYCACHEPREFIX"] = prefix
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    sys.pycache_prefix = prefix
    sys.dont_write_bytecode = False


enable_bytecode_caches()
