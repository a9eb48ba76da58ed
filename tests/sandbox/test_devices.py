"""Device files, where no kernel layer covers files (forty-fourth round).

With the hooks and seccomp but neither bubblewrap nor Landlock (the "none" mode of a machine
without them), and with the hooks alone, a drill opened any device its user may open: run as
root here, `/dev/kvm` read-only, on which `fcntl.ioctl` made a virtual machine and a vCPU
(kernel code no drill needs), the hardware RNG, `/dev/loop-control`; a desktop session's
user owns more (sound cards, cameras, input devices, security keys, by group or ACL). The hooks
judged only writes and terminals there. Now any character or block device but `/dev/null`,
`/dev/zero`, `/dev/full`, `/dev/random` and `/dev/urandom` is refused: "opening a device".
`/dev/ptmx`, which every Linux has and anyone may open, stands for the others in every run;
`/dev/kvm` is tried where this machine lets the tests' user open it. A FIFO is refused too,
wherever it is: in "none" a drill opened another program's, in /tmp, and read what was written
for that program.
"""

from __future__ import annotations

import os
import re
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest

from engine.sandbox import SandboxConfig, WorkerPool
from tests.sandbox.helpers import LIVE_POOLS
from tests.sandbox.test_attacks_from_inside import _found

OPENS = """
    import os, fcntl

    def kvm():
        fd = os.open("/dev/kvm", os.O_RDONLY)
        fcntl.ioctl(fd, 0xAE01, 0)  # KVM_CREATE_VM: a descriptor of a new virtual machine
        return "made a virtual machine"

    def opened(path):
        os.close(os.open(path, os.O_RDONLY))
        return "opened"

    FOUND = {}
    for label, attempt in (
        ("ptmx", lambda: opened("/dev/ptmx")),
        ("kvm", kvm),
        ("null", lambda: opened("/dev/null")),
        ("urandom", lambda: len(open("/dev/urandom", "rb").read(8))),
    ):
        try:
            FOUND[label] = attempt()
        except Exception as exc:
            FOUND[label] = "refused" if "opening a device" in str(exc) else type(exc).__name__
"""


@pytest.fixture(scope="module", params=["none", "hooks-alone"])
def fileless_pool(request: pytest.FixtureRequest) -> Iterator[WorkerPool]:
    """The hooks without a kernel layer on files: with seccomp ("none") and without."""
    config = SandboxConfig(bwrap=False, landlock=False, seccomp=request.param == "none")
    with WorkerPool(config) as pool:
        LIVE_POOLS.append(pool)
        yield pool


def _opens(pool: WorkerPool) -> str:
    message = _found(pool, textwrap.dedent(OPENS))
    listed = re.search(r"found (\{[^}]*\})", message)
    assert listed is not None, message
    return listed.group(1)


def test_no_device_opens_without_a_file_layer(fileless_pool: WorkerPool) -> None:
    found = _opens(fileless_pool)
    assert "'ptmx': 'refused'" in found, found
    if os.access("/dev/kvm", os.R_OK):
        assert "'kvm': 'refused'" in found, found
    assert "'null': 'opened'" in found and "'urandom': 8" in found, found


def test_the_app_still_opens_dev_null(pool: WorkerPool) -> None:
    """As the app grades: bubblewrap mounts no other device but the harmless ones and a
    `ptmx` of its own (a link to its `/dev/pts/ptmx`: a terminal, refused as one), Landlock
    allows `/dev/null` alone; the hooks refuse the rest first."""
    found = _opens(pool)
    assert "'null': 'opened'" in found, found
    assert "'ptmx': 'opened'" not in found and "'kvm': 'made" not in found, found


def test_another_programs_fifo_is_not_read(fileless_pool: WorkerPool, tmp_path: Path) -> None:
    """A FIFO of another program's, its bytes waiting: before, "none" read them."""
    fifo = tmp_path / "their-fifo"
    os.mkfifo(fifo)
    held = os.open(fifo, os.O_RDWR)  # holds it open, as its program would, so a read finds data
    try:
        os.write(held, b"meant for another program")
        source = f"""
            import os
            try:
                FOUND = os.read(os.open({str(fifo)!r}, os.O_RDONLY | os.O_NONBLOCK), 100)
            except Exception as exc:
                FOUND = "refused" if "opening a FIFO" in str(exc) else type(exc).__name__
        """
        message = _found(fileless_pool, textwrap.dedent(source))
        assert "found 'refused'" in message, message
    finally:
        os.close(held)
