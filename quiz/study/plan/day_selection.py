"""The day's selection within the budget: what plan mode studies today
(`plan_day`: steps, new cards, the last pass's share of today), and what a later sitting
the same day still has of it (`rest_of_day`).
"""

from __future__ import annotations

import math
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime, tzinfo

from fsrs import Card, Scheduler

from quiz.store.records import InterviewPlan
from quiz.study.cards import StudyCard
from quiz.study.days import as_utc, local_date, next_day_start
from quiz.study.plan.bring_forward import last_pass
from quiz.study.plan.curve import RecallCache
from quiz.study.plan.new_cards import pass_days, step_owed, stepping_today, takes_steps
from quiz.study.plan.pace import Pace, cost_fits
from quiz.study.plan.recall_on_day import READINESS_MARGIN
from quiz.study.plan.seen_rows import CarriedRows


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
    same_day_steps: bool = True
    """Whether today's answers are asked again today (fsrs's learning and relearning
    steps). False when the days left are too few for every unseen card with its steps
    (`steps_fit`): a first answer or a lapse then waits for the last pass, and a plan-mode
    session asks no card again (no requeue, whatever the rating)."""
    last_pass: bool = False
    """Whether today is in the last pass, which takes no same-day steps either."""
    steps_waiting: tuple[str, ...] = ()
    """The cards left in a learning or relearning step owed today that today does not
    ask, not even in its last pass (`step_owed`: a step an earlier answer left, due
    today; on a day without same-day steps, today's too). The plan says they wait
    (`PlanStatus.load`), as it did not before the forty-seventh round. Set by
    `with_steps_waiting` (the app's today), () from `plan_day` alone."""

    @property
    def queue(self) -> tuple[str, ...]:
        """The session's order: new cards (the pace), due reviews, then the last pass.

        When the time box ends a day early, what is left is the end of this list.
        """
        return self.new + self.reviews + self.forward

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
    spent_seconds: float = 0.0,
    time_reviews: bool = True,
    new_cards: Sequence[str] | None = None,
    margin: float = READINESS_MARGIN,
    same_day_steps: bool | None = None,
    spread_over: int | None = None,
    recalls: RecallCache | None = None,
    carried: CarriedRows | None = None,
) -> DayPlan | None:
    """Today's plan-mode study, or None on and after the interview day (normal fsrs then).

    `cards` are the chosen cards in content order (new cards are introduced in that
    order); `memory` their fsrs states (absent = never seen). `spent_seconds` is the time
    earlier sessions today already used, so a second session keeps to the same budget.

    `time_reviews=False` leaves the reviews to fsrs (nothing held back, no last pass) and
    `new_cards` imposes today's new cards: together they are the bench's plain-fsrs
    policies, which introduce exactly the cards plan mode introduced on the same day
    (imposed cards are all introduced, even past the budget: the pace is not theirs to cut).

    `same_day_steps` None lets plan mode decide (`steps_fit`; plain fsrs always does its
    steps); True or False imposes it (the bench's fsrs without learning steps).

    `recalls` keeps the last pass's recall after each review for the next call with the
    same scheduler (the forecast's days); `carried` the last pass's rows of seen cards
    for the next day (`CarriedRows`, the forecast's days).

    `spread_over` N spreads the new cards evenly over the plan's first N days instead of
    as many a day as the budget holds (the bench's `--spread-days`, a pacing the app
    does not use: at 7 days it gains no more, and less the later the new cards come; see
    docs/plan-7-days.md).
    """
    moment = as_utc(now)
    speed = pace if pace is not None else Pace.default()
    today = local_date(moment, tz)
    days_left = (plan.interview - today).days
    if days_left <= 0:
        return None
    kinds = {card.id: card.kind for card in cards}
    left = plan.minutes_per_day * 60.0 - spent_seconds
    new: list[str] = []
    unseen = [card for card in cards if card.id not in memory]
    studied = [card for card in cards if card.id in memory]
    if same_day_steps is not None:
        steps = same_day_steps
    else:
        steps = not time_reviews or takes_steps(
            cards, memory, plan, moment, tz=tz, pace=speed, spent_seconds=spent_seconds
        )

    # New cards take the room in content order, a card that does not fit skipped for a
    # smaller one. Imposed new cards (the bench's plain policies) come first: a pace.
    def introduce(
        offered: Sequence[StudyCard], *, imposed: bool = False, most: int | None = None
    ) -> list[str]:
        nonlocal left
        chosen: list[str] = []
        for card in offered:
            if most is not None and len(chosen) >= most:
                break
            cost = speed.new_seconds(card.kind, steps=steps)
            if imposed or cost_fits(cost, left):
                chosen.append(card.id)
                left -= cost
        return chosen

    if new_cards is not None:
        wanted = set(new_cards)
        new = introduce([card for card in unseen if card.id in wanted], imposed=True)

    # 1. What cannot wait: today's learning and relearning steps (when the days left
    #    have room for them). Plain fsrs (time_reviews=False) also does every due review
    #    and step. Plan mode leaves the reviews, and the steps of earlier days, to the
    #    last pass: it has room for one review of every card, a review nearer the day adds
    #    more recall on the day than one now, and it reviews only as much as the day needs
    #    (a step of an earlier day is said to wait: `with_steps_waiting`).
    #    Plan mode sorts only those cards (the order of a sort of all the due cards, left
    #    out the others: each day of a heavy home's forecast sorted 10,000 for none).
    candidates = (
        studied
        if not time_reviews
        else [card for card in studied if stepping_today(memory[card.id], today, tz)]
        if steps
        else []
    )
    due = [
        card_id
        for _, card_id in sorted(
            (memory[card.id].due, card.id) for card in candidates if memory[card.id].due <= moment
        )
    ]
    reviews: list[str] = []
    for card_id in due:
        cost = speed.review_seconds(kinds[card_id])
        if cost_fits(cost, left):
            reviews.append(card_id)
            left -= cost

    # 2. New cards, front-loaded: as many as today's budget holds, until every card is
    #    seen. The last pass is the days left after the days they need (counting what
    #    is left of today), so no card is first seen after a review day; only when the
    #    days are too few to see every card before the eve do the unseen cards compete
    #    with the reviews there (below).
    in_last_pass = time_reviews and days_left <= pass_days(
        cards, unseen, plan, days_left, left, speed, steps=steps
    )
    if new_cards is None:
        most = None
        if spread_over is not None:
            spread_days_left = spread_over - (today - local_date(plan.created_at, tz)).days
            most = math.ceil(len(unseen) / max(1, spread_days_left))
        new = introduce([] if in_last_pass else unseen, most=most)

    # 3. The last pass: each card's last review placed on the day before the interview
    #    where it adds the most recall on the day per second, within each day's room.
    forward: list[str] = []
    if in_last_pass:
        placed = last_pass(
            studied,
            unseen if new_cards is None else [],
            memory,
            plan,
            moment,
            tz=tz,
            scheduler=scheduler,
            pace=speed,
            today_left=left,
            margin=margin,
            steps=steps,
            recalls=recalls,
            carried=carried,
        )
        forward = [card_id for card_id in placed.days[0] if card_id not in placed.new]
        new += [card_id for card_id in placed.days[0] if card_id in placed.new]
    spent = (
        sum(speed.new_seconds(kinds[c], steps=steps) for c in new)
        + sum(speed.review_seconds(kinds[c]) for c in reviews)
        + sum(speed.review_seconds(kinds[c], steps=steps) for c in forward)
    )
    return DayPlan(
        reviews=tuple(reviews),
        forward=tuple(forward),
        new=tuple(new),
        seconds=spent,
        days_left=days_left,
        new_remaining=len(unseen),
        same_day_steps=steps,
        last_pass=in_last_pass,
    )


def with_steps_waiting(
    day: DayPlan, cards: Sequence[StudyCard], memory: Mapping[str, Card], now: datetime, tz: tzinfo
) -> DayPlan:
    """`day` (plan mode's, decided at `now` over `cards` and `memory`) with the cards left
    in a step owed today that it does not ask (`DayPlan.steps_waiting`): a step an
    earlier answer left, due today, unless the last pass placed the card today; on a day
    without same-day steps, today's too (a session before the plan was set). Apart from
    `plan_day` so that the forecast's days, which never say it, do not look through every
    card for it."""
    moment = as_utc(now)
    today, day_end = local_date(moment, tz), next_day_start(moment, tz)
    asked = set(day.queue)
    waiting = tuple(
        card.id
        for card in cards
        if card.id not in asked
        and (known := memory.get(card.id)) is not None
        and step_owed(known, today, day_end, tz)
        and not (day.same_day_steps and stepping_today(known, today, tz))
    )
    return replace(day, steps_waiting=waiting)


def rest_of_day(
    day: DayPlan,
    kinds: Mapping[str, str],
    pace: Pace,
    *,
    gone: Collection[str] = (),
    stepping: Sequence[str] = (),
) -> DayPlan:
    """What is left of `day`, the day's plan as decided at its start: its cards less those
    `gone` since (answered, buried, suspended), with `stepping` (cards answered today whose
    same-day learning or relearning step is due now) among its reviews. Its seconds are
    the cards left at `pace` (the day's, as `plan_day` priced them).

    The day's counts thus only go down as it is studied, as in Anki, but for a card
    answered Again that comes back in a step. Planning the day again at each call, with
    the pace measured now and the minutes spent taken off, made them grow: quick
    answers (a drill given up in seconds) made the pace faster, so the minutes left
    held more cards, and a drill that no longer fitted made room for quicker cards.
    """
    left = set(gone) | set(stepping)
    new = tuple(card_id for card_id in day.new if card_id not in left)
    reviews = tuple(card_id for card_id in day.reviews if card_id not in left)
    reviews += tuple(dict.fromkeys(card_id for card_id in stepping if card_id in kinds))
    forward = tuple(card_id for card_id in day.forward if card_id not in left)
    steps = day.same_day_steps
    seconds = (
        sum(pace.new_seconds(kinds[c], steps=steps) for c in new)
        + sum(pace.review_seconds(kinds[c]) for c in reviews)
        + sum(pace.review_seconds(kinds[c], steps=steps) for c in forward)
    )
    waiting = tuple(card_id for card_id in day.steps_waiting if card_id not in left)
    return replace(
        day, reviews=reviews, forward=forward, new=new, seconds=seconds, steps_waiting=waiting
    )
