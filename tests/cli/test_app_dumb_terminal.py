"""The app on a terminal that says it shows no escape sequences (TERM=dumb: Emacs's M-x
shell, an editor's output pane): it drew its whole screen as escape sequences, printed
there as text, and waited for keys that terminal cannot send. It now says so before it
starts, and what prints plain text there. Run as a process on a pseudo-terminal: the
check is of the real standard output."""

from __future__ import annotations

import os
import pty
import subprocess

import pytest

from quiz.tui.launch import DUMB_TERMINAL
from tests.conftest import DRILLBIT_COMMAND, PROCESS_TIMEOUT_SECONDS, REPO


def _on_a_terminal(command: tuple[str, ...], term: str) -> subprocess.CompletedProcess[str]:
    """`drillbit COMMAND` with its standard output on a pseudo-terminal, TERM=`term`."""
    env = {k: v for k, v in os.environ.items() if k != "TEXTUAL_DRIVER"} | {"TERM": term}
    leader, follower = pty.openpty()
    try:
        return subprocess.run(
            [*DRILLBIT_COMMAND, *command],
            stdin=subprocess.DEVNULL,
            stdout=follower,
            stderr=subprocess.PIPE,
            text=True,
            cwd=REPO,
            env=env,
            timeout=PROCESS_TIMEOUT_SECONDS,  # a ceiling against the hang, not a timing
            check=False,
        )
    finally:
        os.close(follower)
        os.close(leader)


@pytest.mark.usefixtures("_warm_card_cache")
@pytest.mark.parametrize("command", [(), ("study",), ("study", "--mode", "cram"), ("drill",)])
def test_the_app_under_term_dumb_says_why_it_does_not_start(command: tuple[str, ...]) -> None:
    done = _on_a_terminal(command, "dumb")
    assert (done.returncode, done.stderr) == (1, f"drillbit: {DUMB_TERMINAL}\n")


@pytest.mark.usefixtures("_warm_card_cache")
def test_a_plain_command_still_prints_under_term_dumb() -> None:
    done = _on_a_terminal(("drills", "--json"), "dumb")
    assert (done.returncode, done.stderr) == (0, "")
