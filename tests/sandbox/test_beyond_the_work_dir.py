"""Memory and descriptors a submission holds outside its work dir, bounded by the kernel's limits
in every mode (fortieth round's attacks, already stopped: these pin what stopped them).

The work dir's quota reads only the folder, and a memfd lives in no folder: what bounds it is
the file-size limit (1 MiB), which the kernel applies to a memfd's writes and `ftruncate` as to
any file's, times the open-files limit. And a submission that takes every descriptor the limit
allows as it loads still gets its results through: the grader's channel is opened before any
submitted code runs, and writing to it needs no new descriptor. The pools run without the audit
hooks: what is tested is the kernel's limits.
"""

from __future__ import annotations

import textwrap

from engine.sandbox import WorkerPool
from engine.verdict import Status
from tests.sandbox.drills import PatientDoubleChecker
from tests.sandbox.helpers import run_adversarial

PATIENT = PatientDoubleChecker()
"""A 60 s wall clock: what is tested is the limits, not the deadline."""


def test_a_memfd_is_held_to_the_file_size_limit(mode_pool: tuple[str, WorkerPool]) -> None:
    """A 1 GiB `ftruncate` and a write past 1 MiB each fail with EFBIG: 'File too large'."""
    _, pool = mode_pool
    source = textwrap.dedent("""
        import errno, os

        def double(x):
            fd = os.memfd_create("held")
            try:
                os.ftruncate(fd, 1 << 30)
            except OSError as error:
                assert error.errno == errno.EFBIG, error
            else:
                raise AssertionError("a 1 GiB memfd was made")
            os.write(fd, b"y" * (1 << 20))
            os.write(fd, b"y")
            return 2 * x
    """)
    run_adversarial(pool, source, Status.ERROR, "File too large", checker=PATIENT)


def test_every_descriptor_taken_at_load_leaves_the_results_their_way(
    mode_pool: tuple[str, WorkerPool],
) -> None:
    """eventfds until EMFILE as the file loads, then a correct answer: it passes."""
    _, pool = mode_pool
    source = textwrap.dedent("""
        import errno, os

        HELD = []
        try:
            while True:
                HELD.append(os.eventfd(0))
        except OSError as error:
            assert error.errno == errno.EMFILE, error
        assert len(HELD) > 10, len(HELD)

        def double(x):
            return 2 * x
    """)
    run_adversarial(pool, source, Status.PASSED, checker=PATIENT)
