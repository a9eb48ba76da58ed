"""What Home says to someone back after days without studying: how long they were away,
how many cards came due meanwhile, and under an interview plan what the days cost it.

Anki shows only a larger due count after a break, with no word why; a count of 180 after
five days away read as a fault. Said once, when the last answer was before yesterday's
study day; quiet for someone who studied yesterday or today.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime, tzinfo

from quiz.plural import counted
from quiz.store import InterviewPlan, Store
from quiz.store.timefmt import to_db
from quiz.study.days import local_date, next_day_start


@dataclass(frozen=True, slots=True)
class Away:
    """A break in study: the days since the last answer and the cards due meanwhile."""

    days: int
    """Study days since the one of the last answer (2 or more: yesterday was missed)."""
    came_due: int
    """Cards of the bank, not suspended, whose due time fell during the break."""
    plan_days_lost: int = 0
    """Under an interview plan that runs, the study days of the break it was set for."""
    plan_days_left: int | None = None
    """Under an interview plan that runs, the study days left to it, today included."""

    def phrase(self) -> str:
        """The sentence Home shows once."""
        cards = counted(self.came_due, "card") if self.came_due else "no card"
        text = f"Last studied {self.days} days ago: {cards} came due since."
        if self.plan_days_left is not None and self.plan_days_lost:
            left = counted(self.plan_days_left, "study day")
            lost = counted(self.plan_days_lost, "study day")
            text += f" The interview plan lost {lost}: the {left} left carry their cards."
        return text


def away_since(
    store: Store,
    card_ids: Collection[str],
    now: datetime,
    *,
    tz: tzinfo,
    plan: InterviewPlan | None = None,
) -> Away | None:
    """The break before `now`, or None when the last answer was yesterday or today (or
    there was none: a first start has nothing to come back to). `card_ids`: the bank's
    cards (a due time of a card no longer in the bank is not counted); `plan`: the
    interview plan, when one runs (the days of the break it was set for are said). Three
    reads: the last answer, the flags, the due column."""
    last = store.last_review_at()
    if last is None:
        return None
    today = local_date(now, tz)
    days = (today - local_date(last, tz)).days
    if days < 2:
        return None
    since = to_db(last)
    suspended = {card_id for card_id, flag in store.card_flags().items() if flag.suspended}
    came_due = sum(
        1
        for card_id, due in store.due_before(next_day_start(now, tz))  # today's, as Home
        if due > since and card_id in card_ids and card_id not in suspended
    )
    if plan is None or plan.interview <= today:
        return Away(days, came_due)
    lost = (today - max(local_date(last, tz), local_date(plan.created_at, tz))).days - 1
    return Away(days, came_due, max(lost, 0), (plan.interview - today).days)
