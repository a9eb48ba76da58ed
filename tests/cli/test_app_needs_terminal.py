"""The app with its standard output on a pipe or a file (`drillbit > out.txt`, `drillbit
study | less`, a script): it wrote its escape sequences there and waited for keys that
never came, until killed. It now says it needs a terminal, and what prints to a pipe."""

from __future__ import annotations

import os
import subprocess

import pytest

from tests.conftest import DRILLBIT_COMMAND, PROCESS_TIMEOUT_SECONDS, REPO

NEEDS = (
    "drillbit: the app needs a terminal, and standard output is a pipe or a file: run it in a"
    " terminal; `drillbit cards`, `drillbit drills` and `drillbit stats` print to a pipe\n"
)


@pytest.mark.usefixtures("_warm_card_cache")
@pytest.mark.parametrize("command", [(), ("study",), ("study", "--mode", "cram"), ("drill",)])
def test_the_app_on_a_pipe_says_it_needs_a_terminal(command: tuple[str, ...]) -> None:
    env = {k: v for k, v in os.environ.items() if k != "TEXTUAL_DRIVER"}
    done = subprocess.run(
        [*DRILLBIT_COMMAND, *command],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        cwd=REPO,
        env=env,
        timeout=PROCESS_TIMEOUT_SECONDS,  # a ceiling against the hang, not a timing
        check=False,
    )
    assert (done.returncode, done.stdout, done.stderr) == (1, "", NEEDS)
