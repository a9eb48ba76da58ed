"""Entry points the CLI calls: Home, a study session, or one drill."""

from __future__ import annotations

from pathlib import Path

from quiz.errors import UsageError
from quiz.tui.app import make_app
from quiz.workspace import StudyRequest


def run_app(content_dirs: list[Path]) -> None:
    """Open Home on the bank."""
    make_app(content_dirs).run()


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
    make_app(content_dirs, study=request).run()


def run_drill(content_dirs: list[Path], card_id: str) -> None:
    """Open the drill editor on one coding card (`drillbit drill ID`)."""
    app = make_app(content_dirs, drill=card_id)
    card = app.workspace.card(card_id)
    if card is None or card.kind != "coding":
        app.workspace.close()
        drills = sorted(c.id for c in app.workspace.cards if c.kind == "coding")
        what = "is not a coding drill" if card is not None else "is not a card in the bank"
        raise UsageError(f"'{card_id}' {what}; drills: {', '.join(drills) or 'none'}")
    app.run()
