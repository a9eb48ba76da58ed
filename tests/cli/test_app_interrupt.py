"""A SIGINT sent to the running app (`kill -INT`; inside the app Ctrl-C is a key) ends it
as Ctrl-C ends every other command: the terminal put back, then "Aborted." and exit 130.
asyncio's handler cancelled the app's task, which Textual took for a quit: exit 0, silent."""

from __future__ import annotations

import os
import signal
import sys

import pytest

from quiz.errors import INTERRUPTED_EXIT_CODE
from quiz.store import Store
from tests.cli.printing import WAIT_SECONDS, Printing

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
        returncode = app.process.wait(timeout=WAIT_SECONDS)  # a ceiling, not a timing
    finally:
        app.kill()
        app.close()
    printed = app.printed()
    assert returncode == INTERRUPTED_EXIT_CODE, printed[-300:]
    assert LEAVE_ALTERNATE_SCREEN in printed
    after_the_app = printed.rsplit(LEAVE_ALTERNATE_SCREEN, 1)[1]
    assert "Aborted." in after_the_app


@pytest.mark.slow
@pytest.mark.parametrize(
    ("signum", "returncode"),
    [(signal.SIGTERM, 128 + signal.SIGTERM), (signal.SIGHUP, 128 + signal.SIGHUP)],
    ids=["term", "hangup"],
)
def test_a_sigterm_or_sighup_quits_the_app_as_q_does(signum: int, returncode: int) -> None:
    """`kill` and a closed terminal window killed the app on the spot: the code typed in
    the last autosave's pause was lost and the terminal stayed in the app's mode. Now the
    app quits as q does (the draft saved, the terminal put back) and exits with the
    shell's code for the signal."""
    app = Printing([sys.executable, "-m", "quiz", "drill", "sigmoid"], keyboard=True)
    try:
        app.wait_for("sigmoid")  # drawn: the editor has the focus
        app.press_keys("zqxj_typed")
        app.wait_for("zqxj_typed")  # in the editor, well before its autosave
        os.kill(app.process.pid, signum)
        code = app.process.wait(timeout=WAIT_SECONDS)  # a ceiling, not a timing
    finally:
        app.kill()
        app.close()
    printed = app.printed()
    assert code == returncode, printed[-300:]
    assert LEAVE_ALTERNATE_SCREEN in printed
    assert "Aborted." not in printed.rsplit(LEAVE_ALTERNATE_SCREEN, 1)[1]
    store = Store.open()
    try:
        draft = store.draft("sigmoid")
    finally:
        store.close()
    assert draft is not None and "zqxj_typed" in draft.text


@pytest.mark.slow
@pytest.mark.parametrize(
    ("signum", "returncode"),
    [(signal.SIGTERM, 128 + signal.SIGTERM), (signal.SIGHUP, 128 + signal.SIGHUP)],
    ids=["term", "hangup"],
)
def test_a_signal_keeps_the_number_half_typed_on_a_study_card(signum: int, returncode: int) -> None:
    """The number typed in a study card's box was lost with the app (the card came back
    with an empty box); now it is kept for the same card the same study day."""
    command = ["study", "--mode", "cram", "--kind", "numeric", "--tag", "cosine"]
    app = Printing([sys.executable, "-m", "quiz", *command], keyboard=True)
    try:
        app.wait_for("type a number")  # the box is drawn and has the focus
        app.press_keys("0.0749")
        app.wait_for("0.0749")
        os.kill(app.process.pid, signum)
        code = app.process.wait(timeout=WAIT_SECONDS)  # a ceiling, not a timing
    finally:
        app.kill()
        app.close()
    assert code == returncode, app.printed()[-300:]
    store = Store.open()
    try:
        kept = store.typed_answer("cosine-third-of-way")
    finally:
        store.close()
    assert kept is not None and kept[0] == "0.0749"
