"""What the card browser reads and changes, from the workspace: the rows' states, the
widths their cells reach, a card set aside or put back, a card reset to new.

Textual-free, so each is tested without a screen: `BrowserScreen` called the store
itself (`forget_card`, `toggle_aside` with `ws.store`), and only a running app tested
what a reset did and said.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import TYPE_CHECKING

from quiz.browser import CardFacts, CardRow, card_rows, widest_bounds
from quiz.study.aside import toggle_aside

if TYPE_CHECKING:
    from quiz.workspace import Workspace

__all__ = ["read_bounds", "read_rows", "reset_card", "toggle_row_aside"]


def read_rows(
    workspace: Workspace, cards: Sequence[CardFacts], now: datetime, *, page: bool
) -> list[CardRow]:
    """The browser's rows for `cards` at `now` (`card_rows`: with `page`, a screenful)."""
    return card_rows(cards, workspace.store, now, page=page)


def read_bounds(workspace: Workspace, cards: Sequence[CardFacts], now: datetime) -> dict[str, int]:
    """The widest cells every card's row would have (`widest_bounds`), for the first page."""
    return widest_bounds(cards, workspace.store, now, workspace.tz)


def toggle_row_aside(workspace: Workspace, row: CardRow, *, suspend: bool) -> str:
    """`s` or `b` on a row: set its card aside, or back into study when the row shows it
    so already; returns what the person is told."""
    return toggle_aside(
        workspace.store,
        row.card,
        suspend=suspend,
        shown_as=row.state,
        now=workspace.now(),
        tz=workspace.tz,
    )


def reset_card(workspace: Workspace, card: CardFacts) -> str:
    """Forget the card's schedule (it is new again, its review history kept, as Anki's
    Forget does); returns what the person is told."""
    workspace.store.forget_card(card.id)
    return f"New again: {card.title} (its review history is kept)."
