"""The interview plan as the store sees it now: readiness on the day and today's load.

Reads what `quiz.study.plan`'s pure functions need from the store (the plan, the cards'
fsrs states, the person's answer times, what today already used) and calls them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta, tzinfo
from typing import TYPE_CHECKING

from fsrs import Scheduler

from quiz.store import InterviewPlan, Store
from quiz.study.cards import StudyCard
from quiz.study.days import as_utc, day_start, local_date

if TYPE_CHECKING:
    from quiz.study.plan import DayPlan, ForecastDay, Pace, Readiness, TimeBox

# quiz.study.plan (its forecast and pacing code) is imported when a plan exists: Home and a
# due session ask `store.interview_plan()` at every start, and without a plan need none of it.

__all__ = [
    "PACE_WINDOW_DAYS",
    "PlanQueue",
    "PlanStatus",
    "pace_from_store",
    "planned_cards",
    "plan_queue",
    "plan_status",
    "today_plan",
]

PACE_WINDOW_DAYS = 60
"""Answer times older than this are left out of the pace estimate."""


@dataclass(frozen=True)
class PlanStatus:
    """A plan with its forecast: readiness on the day now, and today's plan-mode load."""

    plan: InterviewPlan
    days_left: int
    """Days from today to the interview (0 on the day, negative after it)."""
    on_the_day: Readiness
    """Predicted readiness at the start of the interview day if nothing more is studied."""
    today: DayPlan | None
    """Today's plan-mode study; None on and after the interview day."""

    def line(self) -> str:
        """One line for Home: days left, readiness against the target, today's load."""
        return " · ".join(self.phrases())

    def phrases(self) -> list[str]:
        """The line's phrases, for a screen too narrow for it to break between them."""
        ready = (
            f"readiness {self.on_the_day.overall:.2f} → target {self.plan.target:.2f} on the day"
        )
        if self.days_left < 0:
            return [
                f"Interview on {self.plan.interview.isoformat()} is over",
                "normal reviews resume",
            ]
        if self.days_left == 0 or self.today is None:
            return ["Interview today", ready]
        days = "1 day left" if self.days_left == 1 else f"{self.days_left} days left"
        return [days, ready, self.load()]

    def load(self) -> str:
        """What is left of today's plan: 'today: 34 reviews + 12 new, about 25 min'."""
        if self.today is None:
            return "today: the plan is over"
        if not self.today.queue:
            # the day needs nothing more (or today's minutes are used): say so plainly
            return "today: nothing planned"
        minutes = max(1, round(self.today.seconds / 60))
        return (
            f"today: {self.today.review_count} reviews + {len(self.today.new)} new, "
            f"about {minutes} min"
        )

    def steps_note(self) -> str | None:
        """When plan mode drops today's same-day learning steps, say so (`drillbit plan`)."""
        if self.today is None or self.today.same_day_steps:
            return None
        if self.today.last_pass:
            return (
                "The last pass: today a card is asked once (an Again is not asked again "
                "today); by fsrs's model a same-day step adds little recall on the day."
            )
        return (
            "Too few days for every card with fsrs's same-day learning steps: today a card "
            "is asked once (an Again is not asked again today); the last pass reviews it."
        )

    def as_dict(self) -> dict[str, object]:
        """The JSON shape of `drillbit plan --json`."""
        today: dict[str, object] | None = None
        if self.today is not None:
            today = {
                "reviews": len(self.today.reviews),
                "brought_forward": len(self.today.forward),
                "new": len(self.today.new),
                "minutes": round(self.today.seconds / 60, 1),
            }
        return {
            "interview": self.plan.interview.isoformat(),
            "days_left": self.days_left,
            "minutes_per_day": self.plan.minutes_per_day,
            "target": self.plan.target,
            "readiness": {
                "overall": round(self.on_the_day.overall, 4),
                "by_topic": {k: round(v, 4) for k, v in self.on_the_day.by_topic.items()},
                "cards": self.on_the_day.cards,
                "seen": self.on_the_day.seen,
            },
            "today": today,
        }


def planned_cards(store: Store, cards: Sequence[StudyCard]) -> list[StudyCard]:
    """The cards a plan covers: all but the suspended ones (a buried card is back tomorrow)."""
    suspended = {card_id for card_id, flag in store.card_flags().items() if flag.suspended}
    return [card for card in cards if card.id not in suspended]


def pace_from_store(store: Store, cards: Sequence[StudyCard], now: datetime, tz: tzinfo) -> Pace:
    """The person's time per card and day, from their answers of the last weeks."""
    from quiz.study.plan import TimedAnswer, estimate_pace

    kinds = {card.id: card.kind for card in cards}
    states = store.card_states(kinds)
    since = as_utc(now) - timedelta(days=PACE_WINDOW_DAYS)
    return estimate_pace(
        TimedAnswer(
            card_id=review.card_id,
            kind=kinds[review.card_id],
            day=local_date(review.reviewed_at, tz),
            seconds=review.duration_ms / 1000,
            first_day=local_date(review.reviewed_at, tz)
            == local_date(states[review.card_id].introduced_at, tz),
        )
        for review in store.reviews(since=since)
        if review.duration_ms is not None and review.card_id in states
    )


def _spent_today(store: Store, now: datetime, tz: tzinfo) -> float:
    """Seconds today's due (plan-mode) sessions already spent, from the answers' durations."""
    midnight = day_start(now, tz)
    return sum((r.duration_ms or 0) for r in store.reviews(since=midnight, mode="due")) / 1000


def today_plan(
    store: Store,
    cards: Sequence[StudyCard],
    plan: InterviewPlan,
    now: datetime,
    *,
    tz: tzinfo,
    scheduler: Scheduler,
) -> DayPlan | None:
    """Today's plan-mode study for `cards`, counting what earlier sessions today used.

    A card buried until later than `now` is left out of today: it counts for readiness
    (it is back tomorrow), but no session shows it today, so today's line and queue
    would promise a card the session cannot give.
    """
    from quiz.study.plan import memory_of, plan_day

    cards = planned_cards(store, cards)
    hidden = store.hidden_ids(now)
    today = [card for card in cards if card.id not in hidden]
    return plan_day(
        today,
        memory_of(store.card_states([card.id for card in today])),
        plan,
        now,
        tz=tz,
        scheduler=scheduler,
        pace=pace_from_store(store, cards, now, tz),
        spent_seconds=_spent_today(store, now, tz),
    )


@dataclass(frozen=True)
class PlanQueue:
    """What a plan-mode session studies today, as `plan_day` decided it."""

    ids: tuple[str, ...]
    """Today's card ids, in study order."""
    box: TimeBox
    """What is left of today's minutes."""
    same_day_steps: bool
    """False: a card answered Again is not asked again today (no requeue)."""


def plan_queue(
    store: Store,
    cards: Sequence[StudyCard],
    now: datetime,
    *,
    tz: tzinfo,
    scheduler: Scheduler,
) -> PlanQueue | None:
    """Today's plan-mode cards over `cards`, the time box and whether today's answers are
    asked again today; None without a plan or once it is over."""
    plan = store.interview_plan()
    if plan is None:
        return None
    today = today_plan(store, cards, plan, now, tz=tz, scheduler=scheduler)
    if today is None:
        return None
    from quiz.study.plan import time_box

    box = time_box(
        plan,
        pace_from_store(store, planned_cards(store, cards), now, tz),
        _spent_today(store, now, tz),
        (card.kind for card in cards),
    )
    return PlanQueue(ids=today.queue, box=box, same_day_steps=today.same_day_steps)


def plan_forecast(
    store: Store,
    cards: Sequence[StudyCard],
    now: datetime,
    *,
    tz: tzinfo,
    scheduler: Scheduler,
) -> list[ForecastDay]:
    """Readiness over the days to the interview, plan followed vs not; [] without a plan."""
    plan = store.interview_plan()
    if plan is None:
        return []
    from quiz.study.plan import forecast, memory_of

    cards = planned_cards(store, cards)
    return forecast(
        cards,
        memory_of(store.card_states([card.id for card in cards])),
        plan,
        now,
        tz=tz,
        scheduler=scheduler,
        pace=pace_from_store(store, cards, now, tz),
        spent_seconds=_spent_today(store, now, tz),
    )


def plan_status(
    store: Store,
    cards: Sequence[StudyCard],
    now: datetime,
    *,
    tz: tzinfo,
    scheduler: Scheduler,
) -> PlanStatus | None:
    """The saved plan with its forecast for `cards`, or None when no plan is set."""
    plan = store.interview_plan()
    if plan is None:
        return None
    from quiz.study.plan import interview_start, memory_of, readiness

    cards = planned_cards(store, cards)
    memory = memory_of(store.card_states([card.id for card in cards]))
    return PlanStatus(
        plan=plan,
        days_left=(plan.interview - local_date(now, tz)).days,
        on_the_day=readiness(cards, memory, interview_start(plan, tz), scheduler),
        today=today_plan(store, cards, plan, now, tz=tz, scheduler=scheduler),
    )
