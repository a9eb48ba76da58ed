"""Entry points the CLI calls: Home, a study session, or one drill."""

from __future__ import annotations

import asyncio
import os
import signal
import sys
from pathlib import Path
from types import FrameType
from typing import NoReturn

from quiz.clock import Clock, utc_now
from quiz.drill_grading import not_a_drill
from quiz.errors import DrillbitError, UsageError
from quiz.tui.app import DrillbitApp, make_app
from quiz.workspace import StudyRequest

DUMB_TERMINAL = (
    "the app draws with escape sequences, and TERM=dumb says this terminal shows none "
    "(Emacs's M-x shell, an editor's output pane): run it in a terminal emulator (in Emacs, "
    "M-x vterm or M-x ansi-term), or set TERM=xterm-256color if this one does draw them; "
    "`drillbit cards`, `drillbit drills`, `drillbit show` and `drillbit stats` print plain text here"
)
"""What `drillbit`, `study` and `drill` say under TERM=dumb: they drew the whole screen as
escape sequences (colours, the alternate screen, mouse reporting) that such a terminal
prints as text, and waited for keys it cannot send."""


def _refuse_dumb_terminal() -> None:
    """DrillbitError (exit 1) when the app would draw on a terminal that says it shows no
    escape sequences (TERM=dumb), before the app is made. Only a terminal: a pipe or a file
    is `_need_terminal`'s refusal, and a tab of `drillbit serve` (TEXTUAL_DRIVER) draws in
    the browser whatever TERM the server had."""
    if os.environ.get("TEXTUAL_DRIVER") or os.environ.get("TERM") != "dumb":
        return
    if sys.stdout.isatty():
        raise DrillbitError(DUMB_TERMINAL)


def run_app(content_dirs: list[Path], *, clock: Clock = utc_now) -> None:
    """Open Home on the bank, on the command line's `clock` (a test's or a tool's fixed or
    shifted one, as every other command takes it)."""
    _refuse_dumb_terminal()
    _run(make_app(content_dirs, clock=clock))


def _need_terminal(app: DrillbitApp) -> None:
    """Refuse to start `app` (its workspace closed) when its screen would go to a pipe or a
    file: `drillbit > out.txt` or `drillbit study | less` wrote the app's escape sequences
    there and waited for keys that never came, until killed. A tab of `drillbit serve` is no
    terminal either; textual-serve names its driver (TEXTUAL_DRIVER), which draws on the
    browser's."""
    if sys.stdout.isatty() or os.environ.get("TEXTUAL_DRIVER"):
        return
    app.workspace.close()
    raise DrillbitError(
        "the app needs a terminal, and standard output is a pipe or a file: run it in a"
        " terminal; `drillbit cards`, `drillbit drills` and `drillbit stats` print to a pipe"
    )


STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)
"""Signals that end the running app as q does: `kill -INT`, `kill` (SIGTERM) and a closed
terminal window or ssh connection (SIGHUP)."""


def _run(app: DrillbitApp) -> None:
    """Run `app` until it quits. A stop signal meanwhile (`STOP_SIGNALS`) quits it as q
    does: the drill's code saved as its draft, every answer already recorded, the terminal
    put back. Then a SIGINT (`kill -INT`; inside the app Ctrl-C is a key, not a signal)
    stops the command as Ctrl-C stops any other: "Aborted." and exit 130; a SIGTERM or
    SIGHUP exits 128 + the signal's number (143, 129), what a shell reports for it.

    Left to asyncio, a SIGINT cancelled the app's task, which Textual took for a normal
    end: the process said nothing and exited 0. Left to the system, a SIGTERM or SIGHUP
    killed the process on the spot: the last keystrokes of the drill's code (autosaved
    after a pause) were lost, and the terminal stayed in the app's mode.
    """
    _need_terminal(app)
    received: int | None = None

    def quit_app(signum: int, frame: FrameType | None) -> None:
        nonlocal received
        received = signum
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:  # the app's loop is not running yet, or no more
            _stopped_by(signum)
        loop.call_soon_threadsafe(app.exit)

    previous = {signum: signal.signal(signum, quit_app) for signum in STOP_SIGNALS}
    try:
        app.run()
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)
    if received is not None:
        _stopped_by(received)


def _stopped_by(signum: int) -> NoReturn:
    """End the command a stop signal ended: KeyboardInterrupt for a SIGINT (the CLI says
    "Aborted."), else a quiet exit with the shell's code for the signal."""
    if signum == signal.SIGINT:
        raise KeyboardInterrupt
    sys.exit(128 + signum)


def run_study(
    content_dirs: list[Path],
    *,
    mode: str = "due",
    pack: str | None = None,
    topic: str | None = None,
    tag: str | None = None,
    kind: str | None = None,
    limit: int | None = None,
    minutes: float | None = None,
    ahead: bool = False,
    clock: Clock = utc_now,
) -> None:
    """Open a session directly (`drillbit study`); the summary then leads Home."""
    if mode not in ("due", "cram", "mock"):
        raise UsageError(f"unknown mode {mode!r}: use due, cram or mock")
    _refuse_dumb_terminal()
    request = StudyRequest(
        mode=mode,  # type: ignore[arg-type]
        pack=pack,
        topic=topic,
        tag=tag,
        kind=kind,
        limit=limit,
        minutes=minutes,
        ahead=ahead,
    )
    _run(make_app(content_dirs, study=request, clock=clock))


def run_drill(content_dirs: list[Path], card_id: str, *, clock: Clock = utc_now) -> None:
    """Open the drill editor on one coding card (`drillbit drill ID`)."""
    _refuse_dumb_terminal()
    app = make_app(content_dirs, drill=card_id, clock=clock)
    card = app.workspace.card(card_id)
    if card is None or card.kind != "coding":
        app.workspace.close()
        drills = sum(1 for c in app.workspace.cards if c.kind == "coding")
        raise not_a_drill(card_id, card, drills)
    _run(app)
