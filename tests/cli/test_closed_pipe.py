"""A reader that closes the pipe early (`drillbit list | head -1`) ends every command the same
way, from one place (`quiz.cli.pipe`): nothing on stderr and exit 141, as git does.

Click turned a closed pipe into exit 1 before drillbit's handler could see it, while
`quiz.cli.group.main`'s own handler said 0 and the click-free path 1.
"""

from __future__ import annotations

import fcntl
import os
import subprocess
from pathlib import Path

import pytest

from quiz.cli.pipe import CLOSED_PIPE_EXIT_CODE
from tests.conftest import DRILLBIT_COMMAND, PROCESS_TIMEOUT_SECONDS, drillbit_streams

SMALL_PIPE_BYTES = 4096
"""The pipe's capacity in the one-line test: `cards` prints about 17 KB, a line at a time,
so it is still writing when its reader goes (at most twice this much can be out by then),
whatever the machine's speed."""


def test_a_reader_that_stops_after_one_line_ends_a_long_listing_silently(
    tmp_path: Path, _isolated_home: Path
) -> None:
    read_end, write_end = os.pipe()
    fcntl.fcntl(write_end, fcntl.F_SETPIPE_SZ, SMALL_PIPE_BYTES)
    with subprocess.Popen(
        [*DRILLBIT_COMMAND, "cards"],
        stdout=write_end,
        stderr=subprocess.PIPE,
        cwd=tmp_path,
        env=dict(os.environ),
    ) as listing:
        os.close(write_end)
        first = os.read(read_end, SMALL_PIPE_BYTES)  # `head -1`: a line, then the pipe closed
        os.close(read_end)
        _, stderr = listing.communicate(timeout=PROCESS_TIMEOUT_SECONDS)
    assert first.startswith(b"ID")  # the table's header
    assert stderr == b""  # no traceback, no "Broken pipe"
    assert listing.returncode == CLOSED_PIPE_EXIT_CODE


@pytest.mark.parametrize(
    "command",
    [
        ("list",),  # a click command's table
        ("cards", "--json"),
        ("plan",),
        ("stats", "--json"),  # the click-free path (`quiz.cli._dispatch`)
        ("--help",),  # printed while click parses the command line
        ("help", "cards"),
        ("show", "sigmoid"),
    ],
)
def test_a_pipe_closed_before_the_first_line_is_the_same_exit_for_every_command(
    tmp_path: Path, _isolated_home: Path, command: tuple[str, ...]
) -> None:
    read_end, write_end = os.pipe()
    os.close(read_end)  # the reader is gone before anything is written
    try:
        done = drillbit_streams(*command, stdout=write_end, cwd=tmp_path)
    finally:
        os.close(write_end)
    assert done.stderr == ""  # no traceback, no "Broken pipe", no "Exception ignored"
    assert done.returncode == CLOSED_PIPE_EXIT_CODE
