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

from quiz.browser import CardFacts, CardRow, card_rows, due_labels, widest_bounds
from quiz.study.aside import toggle_aside
from quiz.study.days import next_day_start

if TYPE_CHECKING:
    from quiz.study.plan_status import PlanStatus
    from quiz.workspace import Workspace

__all__ = [
    "PLAN_LABELS",
    "read_bounds",
    "read_due_labels",
    "read_rows",
    "reset_card",
    "toggle_row_aside",
]

PLAN_TODAY, PLAN_TOMORROW, PLAN_LAST_DAYS, PLAN_LATER, PLAN_NOT_AGAIN = (
    "today",
    "tomorrow",
    "last days",
    "later day",
    "not again",
)
PLAN_LABELS = (PLAN_TODAY, PLAN_TOMORROW, PLAN_LAST_DAYS, PLAN_LATER, PLAN_NOT_AGAIN)
"""The due cells of a running interview plan: when the plan asks the card, not fsrs."""


def read_rows(
    workspace: Workspace, cards: Sequence[CardFacts], now: datetime, *, page: bool
) -> list[CardRow]:
    """The browser's rows for `cards` at `now` (`card_rows`: with `page`, a screenful)."""
    return card_rows(cards, workspace.store, now, page=page)


def read_bounds(workspace: Workspace, cards: Sequence[CardFacts], now: datetime) -> dict[str, int]:
    """The widest cells every card's row would have (`widest_bounds`), for the first page;
    under a running plan, its due cells too (`read_due_labels`)."""
    bounds = widest_bounds(cards, workspace.store, now, workspace.tz)
    if _running(workspace.plan_status()) is not None:
        bounds["due"] = max(bounds["due"], *map(len, PLAN_LABELS))
    return bounds


def read_due_labels(workspace: Workspace, rows: Sequence[CardRow], now: datetime) -> list[str]:
    """The due cells of `rows`: fsrs's due times (`due_labels`), or, while an interview
    plan runs, when the plan asks each card, as Home counts it: "today" (what `d` studies
    now), "tomorrow" (today's cards today's minutes leave), and for every other card
    learnt "last days" before the plan's last pass, "later day" in it, "not again" on its
    last day. Under a plan fsrs's date is not when a card comes: the browser showed
    "12-07 08:42" for a card Home said the plan asks in its last days. A card in a step
    later today on a day with same-day steps keeps its time (the plan asks it then), new
    cards not planned today an empty cell (the plan brings them in at its pace), and cards
    set aside fsrs's time (no plan asks them)."""
    labels = due_labels(rows, now, workspace.tz)
    status = _running(workspace.plan_status())
    if status is None or status.today is None:
        return labels
    today = set(status.offered)
    tomorrow = set(status.queue.for_tomorrow) if status.queue is not None else set()
    steps = status.today.same_day_steps if status.queue is None else status.queue.same_day_steps
    # on a day with same-day steps a card in a step later today comes back today: its time
    step_ends = next_day_start(now, workspace.tz) if steps else now
    if not status.today.last_pass:
        later = PLAN_LAST_DAYS
    else:
        later = PLAN_NOT_AGAIN if status.days_left <= 1 else PLAN_LATER
    for n, row in enumerate(rows):
        card_id = row.card.id
        if row.state in ("suspended", "buried"):
            continue
        if card_id in today:
            labels[n] = PLAN_TODAY
        elif card_id in tomorrow:
            labels[n] = PLAN_TOMORROW
        elif row.state == "learning" and row.due is not None and now < row.due < step_ends:
            continue
        elif row.state != "new":
            labels[n] = later
    return labels


def _running(status: PlanStatus | None) -> PlanStatus | None:
    """The plan's status while it plans a day (None without a plan, and on and after the
    interview day, when fsrs's schedule is the one again)."""
    return status if status is not None and status.today is not None else None


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
