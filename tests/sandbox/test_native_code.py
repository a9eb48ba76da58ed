"""A C extension the code writes into its work dir is not loaded (forty-second round).

A submission may write any bytes to its work dir, an ELF shared object carried in its source
among them, and Python loads an extension module from any path it is given
(`importlib.machinery.ExtensionFileLoader`, `_imp.create_dynamic`). A 14 KB module built on
this machine and loaded so ran native code past every audit hook, in every mode: with no
kernel layer on files it wrote a file in /tmp, and without seccomp it forked. The kernel layers
still held where they stand (seccomp refused the fork, Landlock the write), but the hooks,
which say in words what a drill may not do, saw nothing. The hooks now refuse an extension
loaded from the work dir, and any path through /proc (a memfd's /proc/self/fd link, which
Landlock lets open, loaded one the same way). The tests load a copy of a stdlib extension: any
file would do, the refusal is by where it lies, before its code runs.
"""

from __future__ import annotations

import textwrap

import pytest

from engine.sandbox import WorkerPool
from engine.verdict import Status
from tests.sandbox.drills import PatientDoubleChecker
from tests.sandbox.helpers import run_adversarial

PATIENT = PatientDoubleChecker()

COPIED_EXTENSION = textwrap.dedent("""
    import importlib.machinery, importlib.util

    with open(importlib.util.find_spec("_csv").origin, "rb") as original:
        with open("planted.so", "wb") as planted:
            planted.write(original.read())
    loader = importlib.machinery.ExtensionFileLoader("_csv", "planted.so")
    module = importlib.util.module_from_spec(importlib.util.spec_from_loader("_csv", loader))

    def double(x):
        return 2 * x
""")


BY_IMP = COPIED_EXTENSION.replace(
    'module = importlib.util.module_from_spec(importlib.util.spec_from_loader("_csv", loader))',
    'import _imp\nmodule = _imp.create_dynamic(importlib.util.spec_from_loader("_csv", loader))',
)


FROM_A_MEMFD = textwrap.dedent("""
    import importlib.machinery, importlib.util, os

    with open(importlib.util.find_spec("_csv").origin, "rb") as original:
        fd = os.memfd_create("planted")
        os.write(fd, original.read())
    loader = importlib.machinery.ExtensionFileLoader("_csv", f"/proc/self/fd/{fd}")
    module = importlib.util.module_from_spec(importlib.util.spec_from_loader("_csv", loader))

    def double(x):
        return 2 * x
""")
"""The same bytes in a memfd, loaded through its /proc/self/fd link: the hooks judged the path
by where the link led (`/memfd:planted (deleted)`, in no folder), and under Landlock, where /proc
opens, the module loaded (a memfd is in no folder either, so Landlock has no rule for it)."""


def test_an_extension_in_a_memfd_is_not_loaded_through_proc(pool: WorkerPool) -> None:
    run_adversarial(pool, FROM_A_MEMFD, Status.ERROR, "/proc (/proc/self/fd/", checker=PATIENT)


@pytest.mark.parametrize("source", [COPIED_EXTENSION, BY_IMP], ids=["loader", "create-dynamic"])
def test_an_extension_written_into_the_work_dir_is_not_loaded(
    pool: WorkerPool, source: str
) -> None:
    assert source is COPIED_EXTENSION or "_imp.create_dynamic" in source
    run_adversarial(
        pool,
        source,
        Status.ERROR,
        "loading a C extension from the work directory",
        checker=PATIENT,
    )


def test_the_same_extension_from_its_own_place_still_loads(pool: WorkerPool) -> None:
    # the refusal is by where the file lies: the stdlib's own copy loads as any import does
    source = "import _csv\n\n\ndef double(x):\n    return 2 * x\n"
    run_adversarial(pool, source, Status.PASSED, checker=PATIENT)
