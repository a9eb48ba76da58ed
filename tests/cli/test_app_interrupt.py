"""A SIGINT sent to the running app (`kill -INT`; inside the app Ctrl-C is a key) ends it
as Ctrl-C ends every other command: the terminal put back, then "Aborted." and exit 130.
asyncio's handler cancelled the app's task, which Textual took for a quit: exit 0, silent."""

from __future__ import annotations

import os
import signal
import sys

import pytest

from quiz.errors import INTERRUPTED_EXIT_CODE
from tests.cli.printing import Printing

LEAVE_ALTERNATE_SCREEN = "\x1b[?1049l"
"""What Textual writes last when it puts the terminal back."""


@pytest.mark.slow
@pytest.mark.parametrize(
    ("command", "drawn"),
    [
        ([], "Settings"),  # Home, without click
        (["drill", "sigmoid"], "sigmoid"),  # a drill, through click
    ],
    ids=["home", "drill"],
)
def test_a_sigint_to_the_running_app_is_aborted_with_130(command: list[str], drawn: str) -> None:
    app = Printing([sys.executable, "-m", "quiz", *command], terminal=True)
    try:
        app.wait_for(drawn)  # the app's loop runs and has drawn its first screen
        os.kill(app.process.pid, signal.SIGINT)
        returncode = app.process.wait(timeout=60)  # a ceiling, not a timing
    finally:
        app.kill()
        app.close()
    printed = app.printed()
    assert returncode == INTERRUPTED_EXIT_CODE, printed[-300:]
    assert LEAVE_ALTERNATE_SCREEN in printed
    after_the_app = printed.rsplit(LEAVE_ALTERNATE_SCREEN, 1)[1]
    assert "Aborted." in after_the_app
