"""Interview plan: readiness on the day, and what plan mode studies each day before it.

Pure functions over fsrs memory states; the caller passes the time (`now`), the time zone
and the fsrs Scheduler, so the same code runs in the app, in tests with a fake clock and
in the simulation bench (bench/plan.py).

Readiness is the mean over the chosen cards of fsrs's predicted probability of recall at
the start of the interview day (`Scheduler.get_card_retrievability`); a card never seen
counts 0.

Plan mode, each day before the interview, within the minutes-per-day budget:

1. new cards, paced so the unseen ones are spread evenly over the days left before the
   last review-only days (the ``review_days`` at the end introduce nothing new, unless a
   too small budget left cards unseen: those still come, as the budget allows, since a
   card never seen counts 0 on the day);
2. the reviews fsrs says are due, oldest first (in the review-only days a due card past
   its learning steps is instead placed like the cards of step 3, so it may wait a day);
3. reviews brought forward: a card whose next fsrs review falls on or after the interview
   is brought forward when its predicted recall on the day is under the target, and, in
   the review-only days, any card not reviewed since they began also gets a last look,
   lowest predicted recall first, as far as the budget allows. Each such card is placed
   on the latest day before the interview that still has room (the later the review,
   the higher the recall on the day), so a card placed today is one that cannot wait.

On the interview day and after it the plan is over and the normal fsrs schedule rules.
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo
from typing import Any

from fsrs import Card, Rating, Scheduler, State

from quiz.store import CardState, InterviewPlan
from quiz.study.cards import StudyCard
from quiz.study.days import as_utc, day_start, local_date
from quiz.study.scheduling import new_card

__all__ = [
    "DEFAULT_MINUTES_PER_DAY",
    "DEFAULT_SECONDS",
    "DEFAULT_TARGET",
    "NEW_ANSWERS",
    "REVIEW_ANSWERS",
    "DayPlan",
    "ForecastDay",
    "Pace",
    "Readiness",
    "TimedAnswer",
    "estimate_pace",
    "forecast",
    "interview_start",
    "memory_of",
    "plan_day",
    "readiness",
    "recall_at",
    "review_days",
]

DEFAULT_TARGET = 0.9
DEFAULT_MINUTES_PER_DAY = 30.0
DEFAULT_SECONDS: Mapping[str, float] = {
    "concept": 30.0,
    "choice": 15.0,
    "numeric": 40.0,
    "coding": 300.0,
}
"""Seconds one answer takes, by card kind, until the person's own history says otherwise."""
REVIEW_ANSWERS = 1.1
"""Answers a review takes on its day without history: one, plus a relearning step ~10% of the time."""
NEW_ANSWERS = 2.25
"""Answers a new card takes on its first day without history (fsrs's learning steps)."""
MIN_SAMPLES = 5
"""Card-days of a kind needed before their mean replaces the default."""
MAX_ANSWER_SECONDS = 1800.0
"""Longer answers are breaks, not answers: left out of the estimate."""


@dataclass(frozen=True)
class TimedAnswer:
    """One answer with its time, for `estimate_pace`."""

    card_id: str
    kind: str
    day: date
    """The answer's calendar day in the person's time zone."""
    seconds: float
    first_day: bool
    """True when the card was introduced that day (its learning steps)."""


@dataclass(frozen=True)
class Pace:
    """Expected seconds a card costs on a day, by kind: as a review, and as a new card.

    Both include the same day's further steps (relearning after a lapse, learning steps),
    so a day's budget is the sum over its cards.
    """

    review: Mapping[str, float]
    new: Mapping[str, float]

    @classmethod
    def per_answer(cls, seconds: Mapping[str, float]) -> Pace:
        """A Pace from seconds per answer, with the default answers per review and new card."""
        return cls(
            review={kind: value * REVIEW_ANSWERS for kind, value in seconds.items()},
            new={kind: value * NEW_ANSWERS for kind, value in seconds.items()},
        )

    @classmethod
    def default(cls) -> Pace:
        """The pace without any history."""
        return cls.per_answer(DEFAULT_SECONDS)

    def review_seconds(self, kind: str) -> float:
        """Expected time of a card of this kind reviewed today."""
        return self.review.get(kind, DEFAULT_SECONDS["concept"] * REVIEW_ANSWERS)

    def new_seconds(self, kind: str) -> float:
        """Expected time to introduce a new card of this kind today."""
        return self.new.get(kind, DEFAULT_SECONDS["concept"] * NEW_ANSWERS)


def estimate_pace(answers: Iterable[TimedAnswer]) -> Pace:
    """The mean time per card and day, by kind and by new/review, from the person's answers.

    The mean, not the median: a day's load is a sum, and the mean is what sums. A kind
    with fewer than MIN_SAMPLES card-days keeps the default.
    """
    days: dict[tuple[str, date], list[Any]] = {}
    for answer in answers:
        if not 0 < answer.seconds <= MAX_ANSWER_SECONDS:
            continue
        entry = days.setdefault((answer.card_id, answer.day), [answer.kind, answer.first_day, 0.0])
        entry[2] += answer.seconds
    found: dict[bool, dict[str, list[float]]] = {True: {}, False: {}}
    for kind, first_day, seconds in days.values():
        found[first_day].setdefault(kind, []).append(seconds)
    base = Pace.default()
    review, new = dict(base.review), dict(base.new)
    for target, first_day in ((review, False), (new, True)):
        for kind, values in found[first_day].items():
            if len(values) >= MIN_SAMPLES:
                target[kind] = statistics.fmean(values)
    return Pace(review=review, new=new)


def memory_of(states: Mapping[str, CardState]) -> dict[str, Card]:
    """The fsrs Cards of saved states, by card id."""
    return {card_id: Card.from_json(state.fsrs_card) for card_id, state in states.items()}


def interview_start(plan: InterviewPlan, tz: tzinfo) -> datetime:
    """The moment readiness is measured: midnight starting the interview day, in UTC."""
    return day_start(
        datetime(plan.interview.year, plan.interview.month, plan.interview.day, tzinfo=tz), tz
    )


def recall_at(card: Card | None, moment: datetime, scheduler: Scheduler) -> float:
    """fsrs's predicted probability of recall at `moment`; 0 for a card never seen."""
    if card is None:
        return 0.0
    return float(scheduler.get_card_retrievability(card, as_utc(moment)))


@dataclass(frozen=True)
class Readiness:
    """Mean predicted recall at one moment, overall and per topic (a never-seen card is 0)."""

    overall: float
    by_topic: dict[str, float]
    cards: int
    """How many cards the mean is over."""
    seen: int
    """How many of them have been studied at least once."""


def readiness(
    cards: Sequence[StudyCard],
    memory: Mapping[str, Card],
    moment: datetime,
    scheduler: Scheduler,
) -> Readiness:
    """Readiness of `cards` at `moment` from their fsrs memory states."""
    totals: dict[str, list[float]] = {}
    overall = 0.0
    seen = 0
    for card in cards:
        known = memory.get(card.id)
        recall = recall_at(known, moment, scheduler)
        seen += known is not None
        overall += recall
        totals.setdefault(card.topic, []).append(recall)
    count = len(cards)
    return Readiness(
        overall=overall / count if count else 0.0,
        by_topic={topic: sum(values) / len(values) for topic, values in sorted(totals.items())},
        cards=count,
        seen=seen,
    )


def review_days(plan: InterviewPlan, tz: tzinfo) -> int:
    """How many days at the end introduce no new card: one per full week of the plan."""
    total = (plan.interview - local_date(plan.created_at, tz)).days
    return max(1, total // 7) if total > 1 else 0


@dataclass(frozen=True)
class DayPlan:
    """What plan mode studies today (card ids, in study order) and its expected time."""

    reviews: tuple[str, ...]
    """Due by the fsrs schedule."""
    forward: tuple[str, ...]
    """Brought forward so recall on the day reaches the target."""
    new: tuple[str, ...]
    """Introduced today."""
    seconds: float
    """Expected study time of the three lists, from the Pace."""
    days_left: int
    """Study days before the interview, today included."""
    new_remaining: int
    """Cards never seen, before today's new ones."""

    @property
    def queue(self) -> tuple[str, ...]:
        """The session's order: due reviews, cards brought forward, then new cards."""
        return self.reviews + self.forward + self.new

    @property
    def review_count(self) -> int:
        """Reviews of any sort (due and brought forward)."""
        return len(self.reviews) + len(self.forward)


def plan_day(
    cards: Sequence[StudyCard],
    memory: Mapping[str, Card],
    plan: InterviewPlan,
    now: datetime,
    *,
    tz: tzinfo,
    scheduler: Scheduler,
    pace: Pace | None = None,
    introduced_today: int = 0,
    spent_seconds: float = 0.0,
    time_reviews: bool = True,
) -> DayPlan | None:
    """Today's plan-mode study, or None on and after the interview day (normal fsrs then).

    `time_reviews=False` keeps the new-card pacing and the budget but leaves the reviews
    to fsrs (nothing held back or brought forward): the bench's plain-fsrs policies.

    `cards` are the chosen cards in content order (new cards are introduced in that
    order); `memory` their fsrs states (absent = never seen). `introduced_today` and
    `spent_seconds` are what earlier sessions today already used, so a second session
    the same day keeps to the same pace and budget.
    """
    moment = as_utc(now)
    speed = pace if pace is not None else Pace.default()
    today = local_date(moment, tz)
    days_left = (plan.interview - today).days
    if days_left <= 0:
        return None
    kinds = {card.id: card.kind for card in cards}
    budget = plan.minutes_per_day * 60.0

    # 1. New cards: the unseen ones spread over the days left before the review-only days.
    unseen = [card for card in cards if card.id not in memory]
    new_days = max(1, days_left - review_days(plan, tz))
    quota = max(0, math.ceil((len(unseen) + introduced_today) / new_days) - introduced_today)
    left = budget - spent_seconds
    new: list[str] = []
    for card in unseen:
        cost = speed.new_seconds(card.kind)
        if len(new) == quota:
            break
        if cost > left:
            continue  # a smaller card further on may still fit
        new.append(card.id)
        left -= cost

    # 2. Due reviews, oldest first, as far as the budget goes.
    studied = [card for card in cards if card.id in memory]
    due = sorted(
        (card.id for card in studied if memory[card.id].due <= moment),
        key=lambda card_id: (memory[card_id].due, card_id),
    )
    window = plan.interview - timedelta(days=review_days(plan, tz))
    held: list[str] = []
    if time_reviews and today >= window:
        # In the review-only days a due review may wait for a later day with room: the
        # later it is, the higher the recall on the day. Learning steps never wait.
        held = [c for c in due if memory[c].state == State.Review]
        due = [c for c in due if memory[c].state != State.Review]
    reviews: list[str] = []
    for card_id in due:
        cost = speed.review_seconds(kinds[card_id])
        if cost > left:
            continue
        reviews.append(card_id)
        left -= cost

    # 3. Reviews brought forward, placed on the latest day that has room.
    forward = (
        []
        if not time_reviews
        else _brought_forward(
            studied,
            memory,
            plan,
            moment,
            tz=tz,
            scheduler=scheduler,
            pace=speed,
            today_left=left,
            new_days=new_days,
            new_per_day=quota + introduced_today,
            held=held,
        )
    )
    spent = sum(speed.new_seconds(kinds[c]) for c in new) + sum(
        speed.review_seconds(kinds[c]) for c in (*reviews, *forward)
    )
    return DayPlan(
        reviews=tuple(reviews),
        forward=tuple(forward),
        new=tuple(new),
        seconds=spent,
        days_left=days_left,
        new_remaining=len(unseen),
    )


def _brought_forward(
    studied: Sequence[StudyCard],
    memory: Mapping[str, Card],
    plan: InterviewPlan,
    moment: datetime,
    *,
    tz: tzinfo,
    scheduler: Scheduler,
    pace: Pace,
    today_left: float,
    new_days: int,
    new_per_day: int,
    held: Sequence[str] = (),
) -> list[str]:
    """The cards whose review before the interview has to happen today (see the module doc)."""
    today = local_date(moment, tz)
    start = interview_start(plan, tz)
    days_left = (plan.interview - today).days
    window = plan.interview - timedelta(days=review_days(plan, tz))
    budget = plan.minutes_per_day * 60.0
    # Room on each study day: today's is what steps 1-2 left; a later day's is the budget
    # minus the fsrs reviews forecast for it and (before the review-only days) new cards.
    room: dict[date, float] = {today: today_left}
    typical_new = (
        statistics.fmean(pace.new_seconds(card.kind) for card in studied) if studied else 0.0
    )
    for offset in range(1, days_left):
        day = today + timedelta(days=offset)
        room[day] = budget - (new_per_day * typical_new if offset < new_days else 0.0)
    for card in studied:
        due_day = local_date(memory[card.id].due, tz)
        if today < due_day < plan.interview:
            room[due_day] -= pace.review_seconds(card.kind)

    kinds = {card.id: card.kind for card in studied}
    needed = [(recall_at(memory[c], start, scheduler), c, kinds[c]) for c in held]
    optional: list[tuple[float, str, str]] = []
    for card in studied:
        known = memory[card.id]
        if known.due < start or known.last_review is None:
            continue  # fsrs already plans a review before the day (or a learning step)
        last = local_date(known.last_review, tz)
        if last >= today:
            continue  # reviewed today already
        recall = recall_at(known, start, scheduler)
        if recall < plan.target:
            needed.append((recall, card.id, card.kind))
        elif last < window:
            optional.append((recall, card.id, card.kind))

    chosen: list[str] = []
    for group, earliest in ((needed, today), (optional, max(today, window))):
        for _recall, card_id, kind in sorted(group):
            cost = pace.review_seconds(kind)
            day = plan.interview - timedelta(days=1)
            while day >= earliest and room[day] < cost:
                day -= timedelta(days=1)
            if day < earliest:
                continue
            room[day] -= cost
            if day == today:
                chosen.append(card_id)
    return chosen


FORECAST_HOUR = 9
"""The local hour the forecast assumes a day's study happens (after today)."""


@dataclass(frozen=True)
class ForecastDay:
    """Readiness at the start of one coming day, with and without following the plan."""

    day: date
    followed: float
    """If every day's plan is studied and every answer is Good."""
    idle: float
    """If nothing more is studied."""


def forecast(
    cards: Sequence[StudyCard],
    memory: Mapping[str, Card],
    plan: InterviewPlan,
    now: datetime,
    *,
    tz: tzinfo,
    scheduler: Scheduler,
    pace: Pace | None = None,
    introduced_today: int = 0,
    spent_seconds: float = 0.0,
) -> list[ForecastDay]:
    """Readiness from tomorrow to the interview day: plan followed vs nothing more studied.

    "Followed" runs `plan_day` day by day on a copy of the memory, answering every card
    Good (learning steps included, fuzz off): a sketch of where the plan leads, not a
    promise, since real answers are not all Good. The last point is readiness on the day.
    """
    exact = Scheduler.from_dict({**scheduler.to_dict(), "enable_fuzzing": False})
    today = local_date(now, tz)
    followed = dict(memory)
    moment = as_utc(now)
    points: list[ForecastDay] = []
    for offset in range((plan.interview - today).days):
        first = offset == 0
        todays = plan_day(
            cards,
            followed,
            plan,
            moment,
            tz=tz,
            scheduler=exact,
            pace=pace,
            introduced_today=introduced_today if first else 0,
            spent_seconds=spent_seconds if first else 0.0,
        )
        if todays is None:
            break
        for card_id in todays.queue:
            card = followed.get(card_id) or new_card(card_id, moment)
            card, _log = exact.review_card(card, Rating.Good, review_datetime=moment)
            for _step in range(10):  # the same day's learning steps, all Good
                if card.state == State.Review:
                    break
                card, _log = exact.review_card(card, Rating.Good, review_datetime=card.due)
            followed[card_id] = card
        day = today + timedelta(days=offset + 1)
        midnight = day_start(datetime(day.year, day.month, day.day, 12, tzinfo=tz), tz)
        points.append(
            ForecastDay(
                day=day,
                followed=readiness(cards, followed, midnight, exact).overall,
                idle=readiness(cards, memory, midnight, exact).overall,
            )
        )
        moment = midnight + timedelta(hours=FORECAST_HOUR)
    return points
