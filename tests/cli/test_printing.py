"""The watch tests' reader (tests/cli/printing.py): waiting for text ends at the end of the
output, not at the process's exit, whose last lines may not have been read yet."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.cli.printing import Printing

LATE_PRINTER = """
import os, sys
if os.fork() == 0:  # the output outlives this process: a child holds it
    sys.stdin.read()
    print("late line", flush=True)
    os._exit(0)
"""
"""Exits at once; its child prints a line once this test closes the child's stdin."""


@pytest.mark.parametrize("terminal", [False, True], ids=["pipe", "terminal"])
def test_a_line_printed_after_the_process_exited_is_still_waited_for(terminal: bool) -> None:
    """The drain race made certain: the process has ended before the line is even written.
    Waiting stopped at the process's exit and failed; it now waits for the reader's end of
    file, which comes only after the line."""
    printing = Printing(
        [sys.executable, "-c", LATE_PRINTER], terminal=terminal, stdin=subprocess.PIPE
    )
    try:
        assert printing.process.wait(60) == 0
        assert printing.process.stdin is not None
        printing.process.stdin.close()  # the child prints now
        printing.wait_for("late line")
    finally:
        printing.kill()
        printing.close()


def test_waiting_for_text_that_never_comes_fails_when_the_output_ends() -> None:
    """Not at the timeout: a finished process has nothing more to say."""
    printing = Printing([sys.executable, "-c", "print('only this')"])
    try:
        with pytest.raises(AssertionError, match="'never printed' never appeared in: only this"):
            printing.wait_for("never printed", timeout=600)
    finally:
        printing.kill()
        printing.close()
