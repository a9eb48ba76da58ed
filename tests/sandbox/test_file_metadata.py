"""A file's extended attributes cannot be read by path: seccomp refuses it in every mode.

Landlock rules opening, reading and writing files, not `getxattr`/`listxattr` by path, and
the attributes hold data: a browser records where each download came from in
user.xdg.origin.url. Under Landlock a submission read it from any file of the user's (the
audit hooks let it through: the file is not the grader's). What Landlock still leaves open,
a path's existence, size, times and a link's target (`stat`, `readlink`), the README says.
The pools run without the audit hooks: what is tested is the kernel's refusal.
"""

from __future__ import annotations

import os
import textwrap
from pathlib import Path

import pytest

from engine.sandbox import WorkerPool
from engine.sandbox.bwrap import SANDBOX_SITE
from engine.verdict import Status
from tests.sandbox.drills import PatientDoubleChecker
from tests.sandbox.helpers import run_adversarial

PATIENT = PatientDoubleChecker()
"""A 9 s wall clock: what is tested is the kernel's refusal, not the deadline."""
URL = b"https://example.com/a-private-download"


@pytest.fixture
def downloaded(tmp_path: Path) -> Path:
    """A file of the user's with the attribute a browser gives a download."""
    path = tmp_path / "statement.pdf"
    path.write_bytes(b"%PDF")
    os.setxattr(path, "user.xdg.origin.url", URL)
    return path


@pytest.mark.parametrize(
    "call",
    [
        "os.getxattr(T, 'user.xdg.origin.url')",
        "os.listxattr(T)",
        "os.listxattr(T, follow_symlinks=False)",
    ],
)
def test_no_extended_attribute_is_read_by_path(
    mode_pool: tuple[str, WorkerPool], downloaded: Path, call: str
) -> None:
    """Under bubblewrap no file of the user's is there: numpy's own is asked instead."""
    mode, pool = mode_pool
    target = f"{SANDBOX_SITE}/numpy/__init__.py" if mode == "bwrap" else str(downloaded)
    source = textwrap.dedent(f"""
        import os

        def double(x):
            T = {target!r}
            raise ValueError({call})
    """)
    verdict = run_adversarial(
        pool, source, Status.ERROR, "Operation not permitted", checker=PATIENT
    )
    assert URL.decode() not in verdict.model_dump_json()
