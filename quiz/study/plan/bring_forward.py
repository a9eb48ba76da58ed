"""The last pass: which cards are brought forward to which day before the
interview (`last_pass`), so that predicted readiness on the day reaches the target plus
the margin with the fewest seconds of study.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta, tzinfo
from typing import TYPE_CHECKING

from fsrs import Card, Scheduler, State

from quiz.store.records import InterviewPlan
from quiz.study.cards import StudyCard
from quiz.study.days import local_date
from quiz.study.plan.curve import RecallCache, recall_after_first_look
from quiz.study.plan.looks import (
    CandidateLooks,
    ReviewRows,
    SeenCardReviews,
    add_looks,
    add_looks_of_rows,
)
from quiz.study.plan.pace import Pace
from quiz.study.plan.placement import fewest_looks, with_numpy
from quiz.study.plan.recall_on_day import READINESS_MARGIN, interview_start, recalls_at
from quiz.study.plan.seen_rows import CarriedRows

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray


@dataclass(frozen=True)
class LastPass:
    """Where the last pass places each card's look, from today (index 0) to the eve."""

    days: tuple[tuple[str, ...], ...]
    """Card ids placed on each day, best first; today's are studied now."""
    new: frozenset[str]
    """The placed cards that are still unseen (a first look, not a review)."""
    predicted: float
    """Predicted readiness on the day if every placed look happens (each answered as
    fsrs expects: recalled with its predicted probability)."""


def last_pass(
    studied: Sequence[StudyCard],
    unseen: Sequence[StudyCard],
    memory: Mapping[str, Card],
    plan: InterviewPlan,
    moment: datetime,
    *,
    tz: tzinfo,
    scheduler: Scheduler,
    pace: Pace,
    today_left: float,
    margin: float = READINESS_MARGIN,
    steps: bool = True,
    recalls: RecallCache | None = None,
    carried: CarriedRows | None = None,
) -> LastPass:
    """The last pass from `moment` to the eve of the interview: what to look at, and when.

    Every (card, day) pair is worth the recall on the day it adds (fsrs's forgetting
    curve, expected over recalling or not). The aim is the fewest looks that bring
    predicted readiness on the day to the plan's target plus `margin`, each day within
    its minutes (`today_left` today, the budget on the later days): see `fewest_looks`.
    Nothing is reviewed beyond what the day needs. A card well above the target on the
    day gains little and comes last, so it is left alone; a card far under it gains most
    on the eve, so the weakest cards wait for the latest days with room, and when the eve
    is full the looks that take longest (a drill) go to the day before.
    What lands on today is today's; the rest is planned again tomorrow.

    `recalls` keeps the recall after a review across calls (`RecallCache`: the forecast's
    days ask the same ones again, a day later each). `carried`: the seen cards' rows of the
    forecast's previous day (`CarriedRows`), of which a card whose state did not move keeps
    its own; each day's rows are worked out whole without it.

    `unseen` cards compete as first looks (plan_day passes them only when the days are too
    few to introduce them all before the eve). A card still in its learning or relearning
    steps from an earlier day is a candidate like a review. Without `steps` (see
    `steps_fit`) a look costs one answer and a lapse is not relearned the same day.
    """
    today = local_date(moment, tz)
    start = interview_start(plan, tz)
    days_left = max(1, (plan.interview - today).days)
    budget = plan.minutes_per_day * 60.0
    room = [today_left] + [budget] * (days_left - 1)
    # one tuple for every card: the recall cache knows it by its identity
    whens = tuple(moment + timedelta(days=offset) for offset in range(days_left))
    looks = CandidateLooks()
    cache = recalls if recalls is not None else RecallCache()
    goal = (plan.target + margin) * (len(studied) + len(unseen))
    if carried is not None and with_numpy((len(studied) + len(unseen)) * days_left):
        rows = carried.rows(
            studied,
            memory,
            moment,
            whens,
            start,
            tz=tz,
            scheduler=scheduler,
            pace=pace,
            steps=steps,
            cache=cache,
        )
        numbers = looks.numbers_of(rows.ids, unseen=False)
        firsts_now = _first_looks(looks, unseen, whens, start, scheduler, pace, steps)
        add_looks_of_rows(
            looks,
            ReviewRows(rows.after, rows.row_now, _int_array(numbers), rows.costs),
            *firsts_now,
        )
        return _placed(looks, room, sum(rows.now), goal, len(studied) + len(unseen))
    known_cards = [memory[card.id] for card in studied]
    # Readiness on the day if nothing more is studied, summed over the cards: the
    # placed looks add to it until the goal.
    now_recalls = recalls_at(known_cards, start, scheduler)
    ready = sum(now_recalls)
    # Python's offsets are under a day each way, so a review 3 days before `moment` was
    # on an earlier local date: only the later ones need theirs worked out.
    recent = moment - timedelta(days=3)
    review_costs: dict[str, float] = {}
    # Cards in the same memory state recall the same after a review: worked out once per
    # state, all the states in one call (`after_reviews_many`), in the cards' order.
    states: dict[tuple[State, float | None, float | None, datetime], int] = {}
    firsts_of_state: list[Card] = []
    state_of: list[int] = []
    reviews = SeenCardReviews()
    ids: list[str] = []
    # the methods bound once: the loop runs once per seen card a forecast day
    state_at, cost_at = states.get, review_costs.get
    add_state, add_now, add_cost, add_id = (
        state_of.append,
        reviews.now.append,
        reviews.costs.append,
        ids.append,
    )
    for card, known, now_recall in zip(studied, known_cards, now_recalls, strict=True):
        reviewed = known.last_review
        if reviewed is None or (reviewed >= recent and local_date(reviewed, tz) >= today):
            continue  # answered today already (its steps are plan_day's step 1)
        key = (known.state, known.stability, known.difficulty, reviewed)
        index = state_at(key)
        if index is None:
            index = states[key] = len(firsts_of_state)
            firsts_of_state.append(known)
        add_state(index)
        kind = card.kind
        cost = cost_at(kind)
        if cost is None:
            cost = review_costs[kind] = pace.review_seconds(kind, steps=steps)
        add_now(now_recall)
        add_cost(cost)
        add_id(card.id)
    afters = cache.after_reviews_many(firsts_of_state, whens, start, scheduler, steps=steps)
    reviews.after.extend([afters[index] for index in state_of])
    reviews.numbers.extend(looks.numbers_of(ids, unseen=False))
    first_look, firsts = _first_looks(looks, unseen, whens, start, scheduler, pace, steps)
    most = (len(reviews.after) + len(firsts)) * days_left
    vectorised = with_numpy(most)
    add_looks(looks, reviews, first_look, firsts, vectorised=vectorised)
    return _placed(looks, room, ready, goal, len(studied) + len(unseen))


def _first_looks(
    looks: CandidateLooks,
    unseen: Sequence[StudyCard],
    whens: Sequence[datetime],
    start: datetime,
    scheduler: Scheduler,
    pace: Pace,
    steps: bool,
) -> tuple[list[float], list[tuple[int, float]]]:
    """The recall on the day of a first look on each day left (none without `unseen`), and
    each unseen card's number (after the seen ones') and seconds."""
    first_look = [
        recall_after_first_look(when, start, scheduler, steps=steps)
        for when in (whens if unseen else ())
    ]
    firsts = [
        (looks.number(card.id, unseen=True), pace.new_seconds(card.kind, steps=steps))
        for card in unseen
    ]
    return first_look, firsts


def _int_array(values: list[int]) -> NDArray[np.int64]:
    """`values` as a numpy array of int64 (the card numbers of the rows)."""
    import numpy as np

    return np.array(values, dtype=np.int64)


def _placed(
    looks: CandidateLooks, room: list[float], ready: float, goal: float, count: int
) -> LastPass:
    """The looks placed (`fewest_looks`) as the last pass's answer, over `count` cards."""
    placement = fewest_looks(looks, room, ready, goal)
    return LastPass(
        days=placement.days,
        new=placement.new,
        predicted=placement.ready / count if count else 0.0,
    )
