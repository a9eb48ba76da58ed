"""The result channel cannot be opened again for reading (the thirty-seventh round).

Every frame the grader writes starts with the job's token, which the code must never see. The
channel was a pipe, and a pipe's write end opens again for reading through /proc/self/fd:
Landlock does not cover pipes, and an undumpable process still reaches its own descriptors. Under
Landlock or seccomp alone, without the audit hooks (which refuse reading /proc), a thread of the
code's read the "loaded" frame there, the token in its first 16 bytes, and wrote it back for the
app to read as if nothing had happened; with the token, a forged result is the grader's. The
channel is now a pair of unix sockets, which /proc cannot open, and the child's end is shut for
reading. Under bubblewrap there is no /proc at all. The socket calls beyond write(2) are
refused by seccomp: out-of-band data and descriptors passed on a unix socket have been the
kernel's use-after-free bugs (CVE-2025-38236, MSG_OOB, was used from a browser's sandbox), and
the grader needs none of them.
"""

from __future__ import annotations

import textwrap

from engine.sandbox import WorkerPool
from engine.verdict import Status
from tests.sandbox.drills import PatientDoubleChecker
from tests.sandbox.helpers import run_adversarial, shown

PATIENT = PatientDoubleChecker()
"""A 60 s wall clock: what is tested is the kernel's answer, not the deadline."""

THIEF = textwrap.dedent("""
    import os, socket, stat

    def double(x):
        got = []
        for fd in range(3, 4200):
            try:
                mode = os.fstat(fd).st_mode
            except OSError:
                continue
            if not (stat.S_ISFIFO(mode) or stat.S_ISSOCK(mode)):
                continue
            try:
                os.close(os.open(f"/proc/self/fd/{fd}", os.O_RDONLY | os.O_NONBLOCK))
                got.append("reopened")
            except OSError as exc:
                got.append(f"errno {exc.errno}")
            if stat.S_ISSOCK(mode):  # its own end: the socket calls are refused, write(2) is not
                with socket.socket(fileno=os.dup(fd)) as sock:
                    for name, call in (
                        ("recv", lambda: sock.recv(16, socket.MSG_DONTWAIT)),
                        ("oob", lambda: sock.send(b"!", socket.MSG_OOB)),
                        ("fds", lambda: socket.send_fds(sock, [b"!"], [0])),
                    ):
                        try:
                            got.append(f"{name} {call()!r}")
                        except OSError as exc:
                            got.append(f"{name} errno {exc.errno}")
        raise ValueError("got " + ", ".join(got))
""")


def test_the_result_channel_is_not_reopened_for_reading(mode_pool: tuple[str, WorkerPool]) -> None:
    """Without the audit hooks, in each mode: no /proc under bubblewrap (ENOENT), and a socket
    /proc cannot open (ENXIO) under Landlock and seccomp alone, where the pipe was reopened."""
    mode, pool = mode_pool
    verdict = run_adversarial(pool, THIEF, Status.ERROR, checker=PATIENT)
    text = shown(verdict)
    assert "reopened" not in text, text
    refused = "errno 2" if mode == "bwrap" else "errno 6"
    assert f"got {refused}, recv errno 1, oob errno 1, fds errno 1" in text, text
