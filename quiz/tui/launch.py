"""Entry points the CLI calls: Home, a study session, or one drill."""

from __future__ import annotations

import asyncio
import signal
from pathlib import Path
from types import FrameType

from quiz.drill_grading import not_a_drill
from quiz.errors import UsageError
from quiz.tui.app import DrillbitApp, make_app
from quiz.workspace import StudyRequest


def run_app(content_dirs: list[Path]) -> None:
    """Open Home on the bank."""
    _run(make_app(content_dirs))


def _run(app: DrillbitApp) -> None:
    """Run `app` until it quits. A SIGINT meanwhile (`kill -INT`; inside the app Ctrl-C is
    a key, not a signal) quits it as q does, its terminal put back and its drafts kept, then
    stops the command as Ctrl-C stops any other: "Aborted." and exit 130.

    Left to asyncio, the signal cancelled the app's task, which Textual took for a normal
    end: the process said nothing and exited 0, as if the person had quit.
    """
    interrupted = False

    def quit_app(signum: int, frame: FrameType | None) -> None:
        nonlocal interrupted
        interrupted = True
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:  # the app's loop is not running yet, or no more
            raise KeyboardInterrupt from None
        loop.call_soon_threadsafe(app.exit)

    previous = signal.signal(signal.SIGINT, quit_app)
    try:
        app.run()
    finally:
        signal.signal(signal.SIGINT, previous)
    if interrupted:
        raise KeyboardInterrupt


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
) -> None:
    """Open a session directly (`drillbit study`); the summary then leads Home."""
    if mode not in ("due", "cram", "mock"):
        raise UsageError(f"unknown mode {mode!r}: use due, cram or mock")
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
    _run(make_app(content_dirs, study=request))


def run_drill(content_dirs: list[Path], card_id: str) -> None:
    """Open the drill editor on one coding card (`drillbit drill ID`)."""
    app = make_app(content_dirs, drill=card_id)
    card = app.workspace.card(card_id)
    if card is None or card.kind != "coding":
        app.workspace.close()
        drills = sum(1 for c in app.workspace.cards if c.kind == "coding")
        raise not_a_drill(card_id, card, drills)
    _run(app)
