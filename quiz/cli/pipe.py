"""A reader that closed the pipe early (`drillbit list | head -1`): the one way every command ends then.

What git and every coreutils program do: nothing more is printed (no traceback, no
"Broken pipe" line, the reader asked for no more) and the exit status is 141, what a shell
shows for a program SIGPIPE ended, so `set -o pipefail` tells a cut-short output from a
whole one, as it does for `yes | head -1`. Click turns a closed pipe into exit 1 before
drillbit's handler sees it, so the root group carries it past click as `ReaderClosed`.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import NoReturn

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


def reader_gone() -> NoReturn:
    """End the process for a closed pipe: standard output pointed at /dev/null, so what is
    still buffered cannot raise again at Python's exit ("Exception ignored ... BrokenPipeError"
    and exit 120), then exit `CLOSED_PIPE_EXIT_CODE` with nothing printed."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, sys.stdout.fileno())
    except (AttributeError, OSError, ValueError):  # a stream with no descriptor (a test's)
        sys.stdout = os.fdopen(devnull, "w")
    else:
        os.close(devnull)
    sys.exit(CLOSED_PIPE_EXIT_CODE)
