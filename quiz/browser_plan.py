"""When a running interview plan asks each card, for the card browser and `drillbit cards`:
the due cell ("today", "tomorrow", "last days", "later day", "not again"), the due sort's
order and what `is:due` keeps. Textual-free; read from the plan's status (`PlanStatus`).

Under a plan the browser's cells said the plan's day while its due sort and `is:due` still
followed fsrs's due times: a card labelled "last days" sorted first and was kept by
`is:due`, and `drillbit cards` showed fsrs's dates.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, tzinfo
from typing import TYPE_CHECKING, Protocol

from quiz.study.days import next_day_start

if TYPE_CHECKING:
    from quiz.study.plan_status import PlanStatus


class _Card(Protocol):
    @property
    def id(self) -> str: ...


class CardRow(Protocol):
    """What the plan's due reads of a browser row (`quiz.browser.CardRow`, which imports
    this module: a protocol, not an import, so the two make no cycle)."""

    @property
    def card(self) -> _Card: ...
    @property
    def state(self) -> str: ...
    @property
    def due(self) -> datetime | None: ...


__all__ = ["PLAN_LABELS", "PlanDue", "plan_due"]

PLAN_TODAY, PLAN_TOMORROW, PLAN_LAST_DAYS, PLAN_LATER, PLAN_NOT_AGAIN = (
    "today",
    "tomorrow",
    "last days",
    "later day",
    "not again",
)
PLAN_LABELS = (PLAN_TODAY, PLAN_TOMORROW, PLAN_LAST_DAYS, PLAN_LATER, PLAN_NOT_AGAIN)
"""The due cells of a running interview plan: when the plan asks the card, not fsrs."""


@dataclass(frozen=True, slots=True)
class PlanDue:
    """When the running plan asks each card, as Home counts it: "today" (what `d` studies
    now, in its order), "tomorrow" (today's cards today's minutes leave), and every other
    card learnt `later` ("last days" before the plan's last pass, "later day" in it, "not
    again" on its last day). A card in a learning step later today, on a day with same-day
    steps, keeps its time (the plan asks it then); a new card not planned today has no
    day (the plan brings it in at its pace); a card set aside keeps fsrs's time (no plan
    asks it)."""

    today: dict[str, int]
    """Today's cards to their place in the session `d` starts now."""
    tomorrow: frozenset[str]
    later: str
    steps_end: datetime
    """A learning card due before this is asked later today (`now` without same-day steps)."""
    now: datetime

    def label(self, row: CardRow) -> str | None:
        """The row's due cell under the plan, or None where it keeps fsrs's (a step later
        today, a card set aside) or has none (a new card not planned today)."""
        card_id = row.card.id
        if row.state in ("suspended", "buried"):
            return None
        if card_id in self.today:
            return PLAN_TODAY
        if card_id in self.tomorrow:
            return PLAN_TOMORROW
        if self._later_today(row) or row.state == "new":
            return None
        return self.later

    def is_due(self, row: CardRow) -> bool:
        """Whether `is:due` (and `--state due`) keeps the row: what a session studies now."""
        return self.label(row) == PLAN_TODAY

    def asked_today(self, row: CardRow) -> bool:
        """Whether a due session started now asks the row's card today under the plan:
        one of today's cards, or a step later today it asks then (`drillbit cards --json`'s
        `due_today`)."""
        return self.is_due(row) or self._later_today(row)

    def sort_key(self, row: CardRow) -> tuple[int, float, float]:
        """The due sort under the plan: today's cards in the session's order, then the steps
        later today by time, tomorrow's, the plan's later days, the new cards it has not
        planned yet, and last the cards set aside; fsrs's due time within each."""
        label = self.label(row)
        due = row.due.timestamp() if row.due is not None else float("inf")
        if label == PLAN_TODAY:
            return (0, self.today[row.card.id], due)
        if row.state in ("suspended", "buried"):
            return (5, 0, due)
        if label is None:
            return (1, 0, due) if row.state != "new" else (4, 0, due)
        return (2 if label == PLAN_TOMORROW else 3, 0, due)

    def _later_today(self, row: CardRow) -> bool:
        due = row.due
        return row.state == "learning" and due is not None and self.now < due < self.steps_end


def plan_due(status: PlanStatus | None, now: datetime, tz: tzinfo) -> PlanDue | None:
    """When the plan asks each card, or None without a plan and on and after the interview
    day (fsrs's schedule is the one then)."""
    if status is None or status.today is None:
        return None
    queue = status.queue
    steps = status.today.same_day_steps if queue is None else queue.same_day_steps
    if not status.today.last_pass:
        later = PLAN_LAST_DAYS
    else:
        later = PLAN_NOT_AGAIN if status.days_left <= 1 else PLAN_LATER
    return PlanDue(
        today={card_id: n for n, card_id in enumerate(status.offered)},
        tomorrow=frozenset(queue.for_tomorrow) if queue is not None else frozenset(),
        later=later,
        steps_end=next_day_start(now, tz) if steps else now,
        now=now,
    )
