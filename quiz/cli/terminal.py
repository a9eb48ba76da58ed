"""Whether the terminal can show the app at all, checked before it starts."""

from __future__ import annotations

import os
import sys

from quiz.errors import DrillbitError

DUMB_TERMINAL = (
    "the app draws with escape sequences, and TERM=dumb says this terminal shows none "
    "(Emacs's M-x shell, an editor's output pane): run it in a terminal emulator (in Emacs, "
    "M-x vterm or M-x ansi-term), or set TERM=xterm-256color if this one does draw them; "
    "`drillbit cards`, `drillbit drills`, `drillbit show` and `drillbit stats` print plain text here"
)
"""What `drillbit`, `study` and `drill` say under TERM=dumb: they drew the whole screen as
escape sequences (colours, the alternate screen, mouse reporting) that such a terminal
prints as text, and waited for keys it cannot send."""


def refuse_dumb_terminal() -> None:
    """DrillbitError (exit 1) when the app would draw on a terminal that says it shows no
    escape sequences (TERM=dumb). Only a terminal: a pipe or a file is the app's own
    refusal (`quiz.tui.launch`), and a tab of `drillbit serve` (TEXTUAL_DRIVER) draws in
    the browser whatever TERM the server had."""
    if os.environ.get("TEXTUAL_DRIVER") or os.environ.get("TERM") != "dumb":
        return
    if sys.stdout.isatty():
        raise DrillbitError(DUMB_TERMINAL)
