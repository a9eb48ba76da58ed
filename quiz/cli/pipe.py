"""A reader that closed the pipe early (`drillbit list | head -1`): the one way every command ends then.

What git and every coreutils program do: nothing more is printed (no traceback, no
"Broken pipe" line, the reader asked for no more) and the exit status is 141, what a shell
shows for a program SIGPIPE ended, so `set -o pipefail` tells a cut-short output from a
whole one, as it does for `yes | head -1`. Click turns a closed pipe into exit 1 before
drillbit's handler sees it, so the root group carries it past click as `ReaderClosed`.

An output that cannot be written (`drillbit cards --json > out.json` on a full disk,
`> /dev/full`) ended in OSError's traceback; it is one line on stderr and exit 1
(`output_lost`).
"""

from __future__ import annotations

import errno
import io
import os
import stat
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, NoReturn

CLOSED_PIPE_EXIT_CODE = 141
"""128 + SIGPIPE (13): a command whose reader closed the pipe before it had printed everything."""


class ReaderClosed(Exception):  # noqa: N818 - it names what happened, as click's Abort does
    """A BrokenPipeError on the way out of click, which would make it exit 1 itself."""


@contextmanager
def reader_closed_carried() -> Iterator[None]:
    """Raise a closed pipe met inside as `ReaderClosed`, which click lets through."""
    try:
        yield
    except BrokenPipeError as exc:
        raise ReaderClosed from exc


class _WholeWrites(io.RawIOBase):
    """Standard output's descriptor, each write made whole: `os.write` again for what a
    pipe took only part of, so that the reader's leaving is the BrokenPipeError of the
    next one. Python's own buffered writer gives back a partial write's count instead, and
    its callers drop the rest: `drillbit list | head -1` over a listing larger than the
    pipe ended 0, and `drillbit export progress - | ...` said "wrote progress to standard
    output" (exit 0) of a backup its reader had cut short."""

    def __init__(self, descriptor: int) -> None:
        super().__init__()
        self._descriptor = descriptor

    def writable(self) -> bool:
        return True

    def fileno(self) -> int:
        return self._descriptor

    def write(self, data: Any) -> int:
        view = memoryview(data).cast("B")
        done = 0
        while done < len(view):
            done += os.write(self._descriptor, view[done:])
        return done


def whole_writes_to_a_pipe() -> None:
    """When standard output is a pipe, print through `_WholeWrites` (its encoding, errors
    and buffering kept): a reader that closes the pipe early then always ends the command
    as `reader_gone` says. The process's own stream only: a caller's (a test's capture) is
    left alone, and a terminal or a file never takes part of a write."""
    stream = sys.stdout
    if stream is not sys.__stdout__ or not isinstance(stream, io.TextIOWrapper):
        return
    try:
        descriptor = stream.fileno()
        piped = stat.S_ISFIFO(os.fstat(descriptor).st_mode)
    except (OSError, ValueError):
        return
    if not piped:
        return
    stream.flush()
    sys.stdout = io.TextIOWrapper(
        io.BufferedWriter(_WholeWrites(descriptor)),
        encoding=stream.encoding,
        errors=stream.errors,
        line_buffering=stream.line_buffering,
        write_through=stream.write_through,
    )


def reader_gone() -> NoReturn:
    """End the process for a closed pipe: standard output pointed at /dev/null, so what is
    still buffered cannot raise again at Python's exit ("Exception ignored ... BrokenPipeError"
    and exit 120), then exit `CLOSED_PIPE_EXIT_CODE` with nothing printed."""
    _stdout_to_devnull()
    sys.exit(CLOSED_PIPE_EXIT_CODE)


def _stdout_to_devnull() -> None:
    """Point standard output at /dev/null: what is still buffered for it is dropped at
    Python's exit instead of failing again there."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, sys.stdout.fileno())
    except (AttributeError, OSError, ValueError):  # a stream with no descriptor (a test's)
        sys.stdout = os.fdopen(devnull, "w")
    else:
        os.close(devnull)


OUTPUT_ERRORS = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EIO})
"""What writing the output met when the disk it goes to is full, over quota, or failing."""


def is_output_lost(exc: OSError) -> bool:
    """`exc` is the output's write failing: one of OUTPUT_ERRORS, with no file named (every
    file drillbit opens itself is named in its error; standard output has no name)."""
    return exc.errno in OUTPUT_ERRORS and exc.filename is None


def output_lost(exc: OSError) -> NoReturn:
    """End the process for an output that could not be written: one line on stderr saying
    so and that what was written is incomplete, exit 1. Standard output is pointed at
    /dev/null first, so its buffer cannot fail again at Python's exit."""
    from quiz.errors import ERROR_PREFIX

    _stdout_to_devnull()
    reason = exc.strerror or str(exc)
    try:
        print(
            f"{ERROR_PREFIX}cannot write the output ({reason}): what was written of it is "
            "incomplete",
            file=sys.stderr,
            flush=True,
        )
    except OSError:  # stderr on the same full disk: the exit code says it
        pass
    sys.exit(1)
