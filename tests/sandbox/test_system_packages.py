"""The system's own Python packages stay out of the sandbox, as the base interpreter's do.

bubblewrap mounts the whole of /usr and Landlock grants /usr/lib, and a Debian-like system keeps
its Python's packages there (`/usr/lib/python3/dist-packages`): a submission that put that
folder on `sys.path` imported `pip`, `yaml` and `cryptography` on this machine, in both modes,
where the README says only numpy and the stdlib can be imported. bubblewrap now mounts an empty
tmpfs over each such folder and Landlock leaves them out of its rules. The pools run without
the audit hooks; with seccomp alone every file of the user's is readable (the README says so).
"""

from __future__ import annotations

import os
import textwrap
from glob import glob

import pytest

from engine.sandbox import WorkerPool
from engine.sandbox.bwrap import SYSTEM_SITE_PATTERNS
from engine.verdict import Status
from tests.sandbox.drills import PatientDoubleChecker
from tests.sandbox.helpers import run_adversarial

PATIENT = PatientDoubleChecker()


def _a_system_module() -> tuple[str, str] | None:
    """(folder, module name) of a plain module in the system's package folders, if any."""
    for folder in sorted({os.path.realpath(f) for p in SYSTEM_SITE_PATTERNS for f in glob(p)}):
        for name in sorted(os.listdir(folder)):
            if name.endswith(".py") and name.isascii() and name[:-3].isidentifier():
                return folder, name[:-3]
    return None


def test_the_systems_python_packages_cannot_be_read_or_imported(
    mode_pool: tuple[str, WorkerPool],
) -> None:
    mode, pool = mode_pool
    found = _a_system_module()
    if found is None:
        pytest.skip("no Python module in the system's package folders here")
    folder, module = found
    source = textwrap.dedent(f"""
        import sys

        def double(x):
            with open({os.path.join(folder, module + ".py")!r}, "rb") as f:
                f.read(1)
            sys.path.insert(0, {folder!r})
            import {module}
            return 2 * x
    """)
    if mode == "seccomp-alone":  # every file of the user's is readable: the README says so
        run_adversarial(pool, source, Status.PASSED, None, checker=PATIENT)
    else:
        phrase = "FileNotFoundError" if mode == "bwrap" else "PermissionError"
        run_adversarial(pool, source, Status.ERROR, phrase, checker=PATIENT)
