"""The result channel's socket options, changed by the code (forty-fourth round).

Without the hooks (which refuse `socket`) the code can wrap the channel's descriptor in a
`socket.socket(fileno=...)` and set its options: a send buffer of one byte (the kernel's floor,
4,608 bytes) and a send timeout of one microsecond, so that each of the grader's writes past
the buffer times out (EAGAIN) instead of waiting for the app to read. The grader's `_send`
takes that as it takes a channel made non-blocking (thirty-ninth round): it writes on until the
frame is out (case 7's 64x96 array, 49 KB, cannot go out in one write). A stable sigmoid still passes and a naive one still fails on its overflow, in
bubblewrap, Landlock and seccomp alone.
"""

from __future__ import annotations

import textwrap

from engine.grade_sandboxed import grade
from engine.sandbox import WorkerPool
from engine.verdict import Status
from tests.sandbox.drills import PatientSigmoid
from tests.sandbox.helpers import assert_clean, shown

SQUEEZE = """
    import os, socket, stat
    import numpy as np

    SQUEEZED = 0
    for fd in range(3, 4096):
        try:
            if not stat.S_ISSOCK(os.fstat(fd).st_mode):
                continue
        except OSError:
            continue
        channel = socket.socket(fileno=os.dup(fd))
        channel.setsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF, 1)
        # struct timeval {0 s, 1 us}: a write that cannot finish at once times out
        channel.setsockopt(socket.SOL_SOCKET, socket.SO_SNDTIMEO, bytes(8) + (1).to_bytes(8, "little"))
        # the kernel's floor: 64x96 float64 (49 KB, case 7) cannot go out in one write
        assert channel.getsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF) <= 8192
        SQUEEZED += 1
    assert SQUEEZED == 1, SQUEEZED
"""

STABLE = """
    def sigmoid(z):
        z = np.asarray(z, dtype=float)
        out = np.empty_like(z)
        pos = z >= 0
        out[pos] = 1 / (1 + np.exp(-z[pos]))
        e = np.exp(z[~pos])
        out[~pos] = e / (1 + e)
        return out
"""

NAIVE = """
    def sigmoid(z):
        return 1 / (1 + np.exp(-z))
"""


def test_a_squeezed_channel_changes_no_verdict(mode_pool: tuple[str, WorkerPool]) -> None:
    _, pool = mode_pool
    pool.wait_warm(600)
    right = grade(PatientSigmoid(), textwrap.dedent(SQUEEZE + STABLE), seed=5, pool=pool)
    assert right.status is Status.PASSED, shown(right)
    pool.wait_warm(600)
    naive = grade(PatientSigmoid(), textwrap.dedent(SQUEEZE + NAIVE), seed=5, pool=pool)
    assert naive.status is Status.FAILED, shown(naive)
    assert "overflow" in shown(naive), shown(naive)
    assert_clean([pool])
