"""The new-card pacing: how many days the unseen cards take within the budget, how
many days the last pass keeps (`pass_days`), and whether the same-day learning and
relearning steps fit before it (`steps_fit`, `takes_steps`, `steps_due`), and which
steps an earlier answer left owed today (`step_owed`).
"""

from __future__ import annotations

import math
import sys
from collections.abc import Mapping, Sequence
from datetime import date, datetime, timedelta, tzinfo

from fsrs import Card, State

from quiz.store.records import InterviewPlan
from quiz.study.cards import StudyCard
from quiz.study.days import as_utc, date_start, local_date
from quiz.study.plan.pace import Pace


def final_days(cards: Sequence[StudyCard], plan: InterviewPlan, days_left: int, pace: Pace) -> int:
    """How many days a last pass of one review of every card takes within the budget.

    It is the last pass's length once every card is seen; while cards are unseen, the
    days they need come first (`pass_days`).
    """
    budget = plan.minutes_per_day * 60.0
    if days_left <= 1 or budget <= 0:
        return min(days_left, 1)
    seconds = {kind: pace.review_seconds(kind) for kind in {card.kind for card in cards}}
    one_pass = sum(seconds[card.kind] for card in cards)
    return max(1, math.ceil(one_pass / budget))


def new_days(
    unseen: Sequence[StudyCard],
    plan: InterviewPlan,
    today_left: float,
    pace: Pace,
    *,
    steps: bool = True,
) -> int:
    """How many days, today first, introducing every unseen card takes within the budget.

    Today counts with what is left of it (`today_left`); 0 when nothing is unseen.
    """
    if not unseen:
        return 0
    need = sum(pace.new_seconds(card.kind, steps=steps) for card in unseen)
    room = max(0.0, today_left)
    if need <= room + 1e-9:
        return 1
    budget = plan.minutes_per_day * 60.0
    if budget <= 0:
        return sys.maxsize  # no budget: never all introduced
    return 1 + math.ceil((need - room) / budget - 1e-9)


def pass_days(
    cards: Sequence[StudyCard],
    unseen: Sequence[StudyCard],
    plan: InterviewPlan,
    days_left: int,
    today_left: float,
    pace: Pace,
    *,
    steps: bool = True,
) -> int:
    """How many days at the end form the last pass: the days left after the new cards.

    New cards come first and never after a review day: the last pass is one review of
    every card (`final_days`), cut to the days left once the unseen cards have had the
    days they need (`new_days`), and at least the eve. So a card is not first seen the
    night before the interview unless the days are too few to see every card before it
    (then the unseen cards compete with the reviews in the last pass, see `last_pass`).
    """
    full = final_days(cards, plan, days_left, pace)
    if not unseen:
        return full
    needed = new_days(unseen, plan, today_left, pace, steps=steps)
    return max(1, min(full, days_left - needed))


def steps_fit(
    unseen: Sequence[StudyCard],
    stepping: Sequence[tuple[StudyCard, Card]],
    plan: InterviewPlan,
    days_left: int,
    pass_days: int,
    today_left: float,
    pace: Pace,
) -> bool:
    """Whether every unseen card, with its same-day learning steps, fits before the last pass.

    The need is the unseen cards' first-day time with steps, plus the steps still owed by
    the cards answered today (`stepping`, each with its fsrs state); the room is what is
    left of today plus the whole days before a full last pass (`pass_days`: plan_day
    passes `final_days`, one review of every card, so steps never shorten the last pass).
    Answers given today move need and room alike, so a later session the same day decides
    as the first did.

    When the room is too small, plan mode drops the same-day steps: by fsrs's model a step
    minutes after an answer raises stability only by its short-term factor, while the
    steps cost more than the first answer itself, so one look at every card (and a review
    near the day) is worth more on the day than fewer cards seen three times each.
    """
    need = sum(pace.new_seconds(card.kind) for card in unseen)
    for card, memory in stepping:
        if memory.state == State.Relearning:
            need += pace.answer_seconds(card.kind)
        else:  # a new card's steps: its day's time with them, less its first answer
            need += pace.new_seconds(card.kind) - pace.new_seconds(card.kind, steps=False)
    whole_days = max(0, days_left - pass_days - 1)
    return need <= max(0.0, today_left) + whole_days * plan.minutes_per_day * 60.0 + 1e-9


def takes_steps(
    cards: Sequence[StudyCard],
    memory: Mapping[str, Card],
    plan: InterviewPlan,
    now: datetime,
    *,
    tz: tzinfo,
    pace: Pace,
    spent_seconds: float = 0.0,
) -> bool:
    """Whether plan mode takes fsrs's same-day steps today (a card an answer leaves in a
    learning or relearning step is asked again today), from `memory` at `now` with
    `spent_seconds` of today used.

    Steps are taken only when every unseen card with its steps fits before a full last
    pass (`steps_fit`: one review of every card), and never in the last pass: the steps
    are worth less on the day than the first looks and the reviews they would push out.
    The app decides once a day, from the day's start (`quiz.study.plan_today`): the
    answers given today and the times they took move the inputs (the pace too), and a
    second session the same day must not decide otherwise than the first.
    """
    today = local_date(now, tz)
    days_left = (plan.interview - today).days
    if days_left <= 0:
        return True  # the plan is over: plain fsrs, with its steps
    left = plan.minutes_per_day * 60.0 - spent_seconds
    unseen: list[StudyCard] = []
    stepping: list[tuple[StudyCard, Card]] = []
    # a review this long before the day's start is on an earlier study day in any zone:
    # its local date is not worked out (27,000 a forecast after an answer on a heavy home)
    surely_before = date_start(today, tz) - _SURELY_ANOTHER_DAY
    for card in cards:  # one pass, the state checked inline (10,000 cards a forecast day)
        known = memory.get(card.id)
        if known is None:
            unseen.append(card)
        elif (
            known.state in _STEPPING
            and (reviewed := known.last_review) is not None
            and reviewed >= surely_before
            and stepping_today(known, today, tz)
        ):
            stepping.append((card, known))
    if not steps_fit(
        unseen, stepping, plan, days_left, final_days(cards, plan, days_left, pace), left, pace
    ):
        return False
    # The last pass looks at each card once: a step minutes after an answer adds little
    # recall on the day by fsrs's model (nothing on the eve, which counts as recalled
    # anyway), and costs a review's time the next card needs.
    return days_left > pass_days(cards, unseen, plan, days_left, left, pace)


def steps_due(memory: Mapping[str, Card], now: datetime, tz: tzinfo) -> list[str]:
    """The cards of `memory` in a same-day learning or relearning step of an answer given
    today, due by `now` (soonest first): what `rest_of_day` adds to the day's reviews."""
    moment = as_utc(now)
    today = local_date(moment, tz)
    return sorted(
        (
            card_id
            for card_id, card in memory.items()
            if stepping_today(card, today, tz) and card.due <= moment
        ),
        key=lambda card_id: (memory[card_id].due, card_id),
    )


_STEPPING = (State.Learning, State.Relearning)


_SURELY_ANOTHER_DAY = timedelta(days=3)
"""More than a zone's offset ever moves (26 hours at most, Samoa's skipped day) plus a
day: a moment this long before a study day's start falls on an earlier study day."""


def stepping_today(card: Card, today: date, tz: tzinfo) -> bool:
    """A learning or relearning step of an answer given today (fsrs's same-day steps)."""
    return (
        card.state in _STEPPING
        and card.last_review is not None
        and local_date(card.last_review, tz) == today
    )


def step_owed(card: Card, today: date, day_end: datetime, tz: tzinfo) -> bool:
    """A learning or relearning step owed on `today`: of an answer given today, or left
    by an earlier one (the evening's last session, a step the day's minutes cut, a session
    before the plan was set) and due before `day_end`, the next study day's start. Anki,
    and a due session without a plan, ask the second kind as soon as it is due; plan mode
    asks only today's, on a day with room for them, and says the others wait
    (`with_steps_waiting`): by fsrs's forgetting curve a review nearer the interview adds
    more recall on the day than one now, and the bench's plan asking them took 29 more
    reviews a learner at 14 days for no recall on the day (docs/plan.md)."""
    if card.state not in _STEPPING or card.last_review is None:
        return False  # a state no answer left (fsrs's new card is in Learning)
    return card.due < day_end or local_date(card.last_review, tz) == today
