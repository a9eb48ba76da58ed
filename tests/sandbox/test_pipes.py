"""A submission that fills its pipes: bounded memory in the parent, a clear verdict, no hang.

In each mode, without the audit hooks: stdout and stderr written in an endless loop end at
the wall clock with the first 64 KiB of each kept; the result pipe flooded with bytes that
are no frame ends the run at once as a broken result channel; a frame header that declares
the largest length the parent accepts, to trickle in forever, is refused at once (it lacks
the job's token; it ran to the wall clock before). After each, the pool grades on.
"""

from __future__ import annotations

import textwrap

from engine.sandbox import WorkerPool
from engine.sandbox.config import SandboxConfig
from engine.sandbox.worker import CONTROL_SLACK
from engine.verdict import Status
from tests.sandbox.helpers import run_adversarial

RESULT_PIPE = """
import os, stat

def result_pipe():
    for fd in range(3, 4200):  # the only socket: the result channel
        try:
            if stat.S_ISSOCK(os.fstat(fd).st_mode):
                return fd
        except OSError:
            pass
    raise RuntimeError("no result pipe found")
"""


def test_endless_output_ends_at_the_clock_with_what_is_kept(
    mode_pool: tuple[str, WorkerPool],
) -> None:
    _, pool = mode_pool
    source = textwrap.dedent("""
        import os

        def double(x):
            while True:
                os.write(1, b"o" * 65536)
                os.write(2, b"e" * 65536)
    """)
    verdict = run_adversarial(pool, source, Status.TIMEOUT, "did not finish")
    for stream, letter in ((verdict.stdout, "o"), (verdict.stderr, "e")):
        kept, _, note = stream.partition("\n[truncated: ")
        assert set(kept) == {letter} and len(kept) == SandboxConfig().output_limit
        assert note.endswith("more bytes not shown]")


def test_a_flood_of_bytes_on_the_result_pipe_is_an_invalid_verdict(
    mode_pool: tuple[str, WorkerPool],
) -> None:
    _, pool = mode_pool
    source = RESULT_PIPE + textwrap.dedent("""
        def double(x):
            fd = result_pipe()
            while True:
                os.write(fd, b"\\xff" * 65536)
    """)
    run_adversarial(pool, source, Status.INVALID, "result channel")


def test_a_frame_that_would_trickle_in_forever_is_refused_at_its_header(
    mode_pool: tuple[str, WorkerPool],
) -> None:
    """A forged header declaring the longest frame the reader takes, then a byte a
    millisecond: the reader waited for the rest until the clock ended the run (a timeout).
    Since the thirty-second round the header lacks the job's token and is refused at once."""
    _, pool = mode_pool
    longest = SandboxConfig().result_limit + CONTROL_SLACK
    source = RESULT_PIPE + textwrap.dedent(f"""
        import time

        def double(x):
            fd = result_pipe()
            os.write(fd, b"J" + ({longest}).to_bytes(4, "big"))
            while True:
                os.write(fd, b" ")
                time.sleep(0.001)
    """)
    run_adversarial(pool, source, Status.INVALID, "bytes the grader did not write")
