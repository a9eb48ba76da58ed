"""`drillbit export anki -` (or /dev/stdout) on a terminal is refused: the deck, a zip of
an SQLite file, was poured onto the screen, which can leave the terminal needing `reset`
(gzip refuses the same). To a pipe or a file it is written as asked."""

from __future__ import annotations

import os
import pty
import select
import subprocess

import pytest

from tests.conftest import DRILLBIT_COMMAND, PROCESS_TIMEOUT_SECONDS, REPO, RunDrillbit


def _on_a_terminal(*args: str) -> tuple[int, bytes, str]:
    """`drillbit ARGS` with a pseudo-terminal as its standard output: its exit code, what
    reached the terminal and its stderr."""
    leader, follower = pty.openpty()
    try:
        done = subprocess.run(
            [*DRILLBIT_COMMAND, *args],
            stdin=subprocess.DEVNULL,
            stdout=follower,
            stderr=subprocess.PIPE,
            cwd=REPO,
            env=dict(os.environ),
            timeout=PROCESS_TIMEOUT_SECONDS,
            check=False,
        )
        os.close(follower)
        shown = b""
        while select.select([leader], [], [], 0)[0]:
            try:
                chunk = os.read(leader, 65536)
            except OSError:  # the terminal's other end is closed: nothing more
                break
            if not chunk:
                break
            shown += chunk
    finally:
        os.close(leader)
    return done.returncode, shown, done.stderr.decode()


@pytest.mark.parametrize(("file", "named"), [("-", "standard output"), ("/dev/stdout", None)])
def test_a_deck_is_not_written_to_a_terminal(file: str, named: str | None) -> None:
    code, shown, stderr = _on_a_terminal("export", "anki", file)
    assert code == 2
    assert stderr.splitlines()[0] == (
        f"drillbit: export anki: {named or file} is a terminal, and an Anki deck is binary: not "
        "written to it; send it to a file (`> deck.apkg`) or give a FILE"
    )
    assert b"PK" not in shown and b"SQLite" not in shown


def test_a_deck_to_a_pipe_is_written(drillbit_process: RunDrillbit) -> None:
    done = subprocess.run(
        [*DRILLBIT_COMMAND, "export", "anki", "-"],
        capture_output=True,
        cwd=REPO,
        timeout=PROCESS_TIMEOUT_SECONDS,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(b"PK")  # the zip Anki imports
