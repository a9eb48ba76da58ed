"""What the card browser reads and changes, from the workspace: the rows' states, the
widths their cells reach, a card set aside or put back, a card reset to new.

Textual-free, so each is tested without a screen: `BrowserScreen` called the store
itself (`forget_card`, `toggle_aside` with `ws.store`), and only a running app tested
what a reset did and said.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import TYPE_CHECKING

from quiz.bank.card_facts import CardFields
from quiz.browser import CardRow, card_rows, due_labels, widest_bounds
from quiz.browser_plan import (
    PLAN_LABELS,
    PLAN_LAST_DAYS,
    PLAN_LATER,
    PLAN_NOT_AGAIN,
    PLAN_TODAY,
    PLAN_TOMORROW,
    PlanDue,
    plan_due,
)
from quiz.study.aside import toggle_aside

if TYPE_CHECKING:
    from quiz.workspace import Workspace

__all__ = [
    "PLAN_LABELS",
    "PLAN_LAST_DAYS",
    "PLAN_LATER",
    "PLAN_NOT_AGAIN",
    "PLAN_TODAY",
    "PLAN_TOMORROW",
    "LAST_DAYS_LEGEND",
    "STAR_LEGEND",
    "due_legend",
    "due_now",
    "read_bounds",
    "read_due_labels",
    "read_plan_due",
    "read_rows",
    "puts_back",
    "reset_card",
    "toggle_row_aside",
]


STAR_LEGEND = "* due now or a review due today"
"""What the due column's "*" marks, as the browser's title says it (`drillbit cards` says
the same): a card `d` asks now, a review all its study day and a learning step from its
minute (`DueBefore`). "* due today" read as every card due today, and a step later today
("14:25") has no star."""


LAST_DAYS_LEGEND = (
    f"{PLAN_LAST_DAYS}: the plan reviews it in the last days before the interview if needed"
)
"""What a "last days" due cell means, in docs/plan.md's words: the card waits for the
plan's last pass. Nothing said so, and it read as a card left for the end regardless."""


def due_legend(cells: Iterable[str]) -> str:
    """The line under the browser's table that explains its due cells: `LAST_DAYS_LEGEND`
    when one of `cells` (the shown rows' due cells) says "last days", else ""."""
    return LAST_DAYS_LEGEND if PLAN_LAST_DAYS in cells else ""


def read_rows(
    workspace: Workspace, cards: Sequence[CardFields], now: datetime, *, page: bool
) -> list[CardRow]:
    """The browser's rows for `cards` at `now` (`card_rows`: with `page`, a screenful), due
    by the user's study day (`workspace.tz`), as Home counts them."""
    return card_rows(cards, workspace.store, now, tz=workspace.tz, page=page)


def read_bounds(workspace: Workspace, cards: Sequence[CardFields], now: datetime) -> dict[str, int]:
    """The widest cells every card's row would have (`widest_bounds`), for the first page;
    under a running plan, its due cells too (`read_due_labels`)."""
    bounds = widest_bounds(cards, workspace.store, now, workspace.tz)
    if read_plan_due(workspace, now) is not None:
        bounds["due"] = max(bounds["due"], *map(len, PLAN_LABELS))
    return bounds


def read_plan_due(workspace: Workspace, now: datetime) -> PlanDue | None:
    """When the running interview plan asks each card (`plan_due`), for the due cells, the
    due sort and `is:due`; None without a plan and on and after the interview day."""
    return plan_due(workspace.plan_status(), now, workspace.tz)


def read_due_labels(workspace: Workspace, rows: Sequence[CardRow], now: datetime) -> list[str]:
    """The due cells of `rows`: fsrs's due times (`due_labels`), or, while an interview
    plan runs, when the plan asks each card, as Home counts it (`PlanDue.label`). Under a
    plan fsrs's date is not when a card comes: the browser showed "12-07 08:42" for a card
    Home said the plan asks in its last days."""
    labels = due_labels(rows, now, workspace.tz)
    plan = read_plan_due(workspace, now)
    if plan is None:
        return labels
    for n, row in enumerate(rows):
        label = plan.label(row)
        if label is not None:
            labels[n] = label
    return labels


def due_now(row: CardRow, plan: PlanDue | None) -> bool:
    """Whether the row's due cell is drawn as due now: what a session started now studies,
    as `is:due` keeps it. Under a plan that is the plan's "today", not fsrs's due time: the
    browser drew "last days" in bold (due by fsrs, which the plan leaves for later) and
    the plan's "today" cards plain, the opposite of what `d` on Home studies."""
    return row.is_due if plan is None else plan.is_due(row)


def puts_back(row: CardRow | None, *, suspend: bool) -> bool:
    """Whether ctrl+s (`suspend`) or ctrl+b on the highlighted `row` puts its card back
    into study (`toggle_row_aside`): the row shows it suspended, or buried."""
    return row is not None and row.state == ("suspended" if suspend else "buried")


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


def reset_card(workspace: Workspace, card: CardFields) -> str:
    """Forget the card's schedule (it is new again, its review history kept, as Anki's
    Forget does); returns what the person is told."""
    workspace.store.forget_card(card.id)
    return f"New again: {card.title} (its review history is kept)."
