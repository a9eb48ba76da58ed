"""`uv run python -m bench --plan`: does plan mode make simulated learners ready on the day?

Simulated learners study a 300-card bank every day until an interview 7, 14 or 30 days
away, within a 45-minute daily budget, under four policies:

- ``fsrs-0.90``: plain fsrs at desired retention 0.9;
- ``fsrs-matched``: plain fsrs at the desired retention that spends as many reviews as
  plan mode (found by bisection on a subset of the learners);
- ``fsrs-nosteps-matched``: the same without fsrs's learning and relearning steps (a new
  card goes straight to review), for honesty: plan mode drops the same-day steps when
  the days are too few, and this shows what dropping them alone does;
- ``plan``: plan mode (`quiz.study.plan.plan_day`, the code the app runs);

and an ``oracle`` (bench/plan_oracle.py), not a policy the app could run: plan mode's new
cards and review count, reviews placed with the learner's true memory; a ceiling, with a
true upper bound beside it.

Fairness: the plain policies introduce exactly the cards plan mode introduced for the
same learner, on the same days (they call plan_day with `time_reviews=False` and plan
mode's cards as `new_cards`), so the comparison isolates when reviews happen. They do
fsrs's learning steps; when those steps need more than the budget (plan mode, short of
days, drops them), the plain policies get the extra time: their new cards and every
same-day step are never cut by the time box, only their other reviews are. This favours
them, so the gain is conservative; `sim_max_load_over_budget_pct` and
`sim_mean_daily_minutes` report how much time each policy took. Their time is never
shrunk to flatter plan mode.

Each learner's true memory follows the FSRS model with their own parameters: the fsrs
defaults times a log-normal factor per parameter (spread `PARAM_SPREAD`), clipped to fsrs's
bounds. The scheduler never sees these: it predicts with the defaults, as the app does. At
each answer the learner recalls with the probability their true memory gives; a recalled
card is rated Hard, Good or Easy, a forgotten one Again; a new card's first rating is drawn
from a typical first-answer mix. Both the scheduler's card and the true memory are then
updated with that rating. Answer times are log-normal around each learner's own mean
(`QUICK_CARD_SECONDS` for quiz cards, `DRILL_SECONDS` for the 10% that are coding drills);
plan mode budgets with `estimate_pace` over the learner's answers so far, as the app does.

A day is a sitting at 08:00 (the policy's queue) and one at 19:00 for the same day's
learning and relearning steps (none when plan_day decided the day has no room for them,
as the app's plan-mode session then asks nothing again the same day); both count in the
day's load. Plan mode's day is decided as the app decides it (`plan_today.today_decision`):
once, from its start (plan_day at midnight, the pace from the answers before it, nothing
spent), and a later sitting gets that list less what was answered, with the cards whose
same-day step is due (`rest_of_day`, `steps_due`); the time box keeps the day's pace and
counts the time really spent. Until the eighteenth round the evening sitting planned the
day again with the pace and memory then. The plain policies open a sitting again while
fsrs has due cards that fit. Recall on the day is the
mean over all cards of the true probability of recall at midnight starting the interview
day (a card never seen counts 0). Figures are means over the learners with a 95%
confidence interval (1.96 standard errors); the gain is a per-learner paired difference.

The target's gain, `plan_recall_gain_pp`, is the issue's: plan mode minus the best plain
fsrs at equal review count. fsrs's count moves in steps with the retention, so "equal" is
exact: two retentions around plan mode's mean count mixed (`exact_baseline`), with and
without learning steps, and the one that recalls more is the baseline (`best_baseline`).
`plan_recall_gain_vs_matched_pp` is against `fsrs-matched` alone, whose count is only
near plan mode's.
"""

from __future__ import annotations

import argparse
import math
import statistics
import sys
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import numpy as np
from fsrs import Card, Rating, Scheduler, State
from fsrs.scheduler import DEFAULT_PARAMETERS, LOWER_BOUNDS_PARAMETERS, UPPER_BOUNDS_PARAMETERS

from bench.common import REPO, Figure, merge_results, run_stamp
from bench.plan_bound import BUDGET_BOUND_DAYS, CardStart, budget_bound
from bench.plan_oracle import TrueModel, oracle_reviews, recall_bound
from quiz.store import InterviewPlan
from quiz.study.plan import (
    READINESS_MARGIN,
    DayPlan,
    Pace,
    TimeBox,
    TimedAnswer,
    estimate_pace,
    plan_day,
    rest_of_day,
    steps_due,
    study_ahead,
    time_box,
)
from quiz.study.scheduling import without_steps

START = datetime(2026, 1, 5, tzinfo=UTC)
"""Midnight of the first study day (the simulation's clock is UTC)."""
FIRST_SITTING = timedelta(hours=8)
SECOND_SITTING = timedelta(hours=19)
SITTINGS = 3
"""Plan-mode sessions a learner opens a day at most: again while the plan offers more."""
BUDGET_MINUTES = 45.0
TARGET = 0.9
PARAM_SPREAD = 0.2
"""Standard deviation of the log of each true parameter's factor around the default."""
QUICK_CARD_SECONDS = (8.0, 25.0)
"""Range of a learner's mean answer time on a quiz card (uniform)."""
DRILL_SECONDS = (90.0, 240.0)
"""Range of a learner's mean answer time on a coding drill (uniform)."""
ANSWER_SPREAD = 0.4
"""Log-normal spread of one answer's time around the learner's mean."""
DRILL_SHARE = 0.1
FIRST_RATINGS = (
    (Rating.Again, 0.25),
    (Rating.Hard, 0.10),
    (Rating.Good, 0.55),
    (Rating.Easy, 0.10),
)
"""How a new card's first answer is rated."""
RECALLED_RATINGS = ((Rating.Hard, 0.15), (Rating.Good, 0.75), (Rating.Easy, 0.10))
"""How a recalled card is rated."""


@dataclass(frozen=True)
class Settings:
    """How big the simulation is."""

    cards: int = 300
    learners: int = 50
    horizons: tuple[int, ...] = (7, 14, 30)
    match_learners: int = 12
    """Learners the matched retention is searched on."""
    match_steps: int = 7
    seed: int = 20260105
    margin: float = READINESS_MARGIN
    """Plan mode's readiness margin (`plan_day`'s `margin`): where its last pass stops."""
    bank_order: str = "content"
    """The simulated bank's content order (`BANK_ORDERS`), which plan mode introduces in."""
    spread_days: int | None = None
    """Plan mode's new cards spread evenly over this many first days (`plan_day`'s
    `spread_over`), not front-loaded; the plain policies follow, as with any pace."""
    study_ahead: bool = True
    """Plan mode studies ahead when its day's list is done with minutes left, as the app
    offers (`Policy.ahead`); False: the learner stops there (`--no-study-ahead`)."""


BANK_ORDERS = ("content", "drills-last", "drills-first")
"""`content`: every tenth card a drill; the others put the drills after or before the rest."""

FULL = Settings()
QUICK = Settings(cards=120, learners=8, horizons=(7, 14), match_learners=4, match_steps=4)


@dataclass(frozen=True)
class SimCard:
    """A bank card as the study layer sees it."""

    id: str
    kind: str
    topic: str
    title: str = ""
    tags: tuple[str, ...] = ()


@dataclass(frozen=True)
class Learner:
    """One simulated person: true memory parameters and answer speeds."""

    index: int
    params: tuple[float, ...]
    seconds: dict[str, float]


@dataclass(frozen=True)
class Policy:
    """How reviews are timed: plain fsrs at a desired retention, or plan mode."""

    name: str
    retention: float = 0.9
    plan: bool = False
    steps: bool = True
    """fsrs's learning and relearning steps (False: a plain fsrs without them)."""
    margin: float = READINESS_MARGIN
    """With `plan`: the readiness margin over the target where the last pass stops."""
    spread_over: int | None = None
    """With `plan`: new cards spread evenly over this many first days (None: front-loaded)."""
    ahead: bool = True
    """With `plan`: a day whose list is done with minutes left studies ahead, as the app
    offers (`study_ahead`: the next new cards that fit, at the pace measured then)."""
    oracle: bool = False
    """The bench's oracle (bench/plan_oracle.py): reviews planned with the learner's true
    memory, never available to the app."""
    truth: bool = True
    """With `oracle`: plan with the true memory (False: the same greedy with only what
    the app knows, fsrs's default parameters and its own memory states)."""


@dataclass(frozen=True)
class Outcome:
    """What one learner got from one policy over one horizon."""

    recall_on_day: float
    reviews: int
    """Answers on cards introduced on an earlier day."""
    answers: int
    never_seen: float
    """Share of the cards never studied before the day."""
    max_load_ratio: float
    """The largest day's answer time over the budget (1.0 = exactly the budget)."""
    daily_seconds: tuple[float, ...] = ()
    """Answer time of each day."""
    daily_reviews: tuple[int, ...] = ()
    """Reviews answered each day."""
    daily_planned: tuple[float, ...] = ()
    """The plan's expected time of each day (plan_day's estimate for its queue)."""
    introduced: tuple[tuple[str, ...], ...] = ()
    """The cards introduced on each day, for the plain policies to introduce the same."""
    steps_by_day: tuple[bool, ...] = ()
    """Whether each day took same-day learning steps (plan mode decides; the oracle
    takes its new cards' steps on the same days)."""
    recall_bound: float | None = None
    """With a review budget: the most any policy with these first answers and at most
    that many reviews could reach, with no time budget (`plan_oracle.recall_bound`)."""
    first_memory: tuple[tuple[str, float, float, int], ...] = ()
    """Each card's true (stability, difficulty) at the end of its first day, and that day."""
    first_day_seconds: tuple[float, ...] = ()
    """Answer time each day spent on cards on their first day (new cards and their steps)."""
    off_plan: int = 0
    """Plan mode: answers of a card neither in its day's plan, as decided at the day's
    start, nor in a same-day step of an answer given that day (the app's rule makes it 0)."""


def bank(count: int, order: str = "content") -> list[SimCard]:
    """`count` cards over six topics; every tenth a coding drill.

    `order` (`BANK_ORDERS`) is the content order plan mode introduces new cards in: the
    drills spread through the bank, or all after (or before) the quiz cards.
    """
    every = round(1 / DRILL_SHARE)
    cards = [
        SimCard(
            f"card-{i:03d}", "coding" if i % every == every - 1 else "concept", f"topic-{i % 6}"
        )
        for i in range(count)
    ]
    if order == "drills-last":
        return sorted(cards, key=lambda card: card.kind == "coding")
    if order == "drills-first":
        return sorted(cards, key=lambda card: card.kind != "coding")
    if order != "content":
        raise ValueError(f"bank order {order!r}: one of {', '.join(BANK_ORDERS)}")
    return cards


def draw_learner(seed: int, index: int) -> Learner:
    """A learner's true FSRS parameters and answer speeds, reproducible from the seed."""
    rng = np.random.default_rng([seed, index, 0])
    factors = np.exp(rng.normal(0.0, PARAM_SPREAD, len(DEFAULT_PARAMETERS)))
    params = np.clip(
        np.array(DEFAULT_PARAMETERS) * factors, LOWER_BOUNDS_PARAMETERS, UPPER_BOUNDS_PARAMETERS
    )
    return Learner(
        index=index,
        params=tuple(float(p) for p in params),
        seconds={
            "concept": float(rng.uniform(*QUICK_CARD_SECONDS)),
            "coding": float(rng.uniform(*DRILL_SECONDS)),
        },
    )


def _pick(rng: np.random.Generator, table: Sequence[tuple[Rating, float]]) -> Rating:
    roll = rng.random()
    for rating, share in table:
        roll -= share
        if roll < 0:
            return rating
    return table[-1][0]


def left_of_day(
    day: DayPlan,
    memory: Mapping[str, Card],
    kinds: Mapping[str, str],
    pace: Pace,
    midnight: datetime,
    moment: datetime,
) -> DayPlan:
    """What is left at `moment` of plan mode's `day`, decided at its first sitting, as
    the app has it (`rest_of_day`): less the cards answered since `midnight`, with those
    whose same-day step is due by then on a day that takes steps."""
    gone = {
        c
        for c, card in memory.items()
        if card.last_review is not None and card.last_review >= midnight
    }
    stepping = steps_due({c: memory[c] for c in gone}, moment, UTC) if day.same_day_steps else []
    return rest_of_day(day, kinds, pace, gone=gone, stepping=stepping)


def simulate(
    cards: Sequence[SimCard],
    learner: Learner,
    horizon: int,
    policy: Policy,
    seed: int,
    new_by_day: Sequence[Sequence[str]] | None = None,
    review_budget: int | None = None,
    steps_by_day: Sequence[bool] = (),
) -> Outcome:
    """One learner following one policy every day until the interview.

    `new_by_day` imposes the cards introduced each day (the plain policies get plan
    mode's, for the same learner, so only the timing of reviews differs). Imposed cards
    and every same-day learning or relearning step are studied even past the budget (the
    extra time favours the plain policies; `max_load_ratio` shows how much they took);
    their other reviews keep to the budget's time box.

    The oracle policy (`Policy.oracle`, with `new_by_day`, `review_budget`, the most
    reviews it may spend, and `steps_by_day`, plan mode's days with same-day steps)
    studies the imposed new cards (with their learning steps on the days plan mode took
    them), then the reviews `oracle_reviews` places on today from the true memory,
    within the time box; a review is not asked again the same day.
    """
    scheduler = (
        Scheduler(desired_retention=policy.retention, enable_fuzzing=False)
        if policy.steps
        else Scheduler(
            desired_retention=policy.retention,
            enable_fuzzing=False,
            learning_steps=(),
            relearning_steps=(),
        )
    )
    truth = Scheduler(parameters=learner.params, enable_fuzzing=False)
    no_steps = without_steps(scheduler)
    answering = scheduler
    """The scheduler the learner's answers go through now (plan mode's day without steps)."""
    rng = np.random.default_rng([seed, learner.index, 1])
    plan = InterviewPlan(
        interview=START.date() + timedelta(days=horizon),
        minutes_per_day=BUDGET_MINUTES,
        target=TARGET,
        created_at=START,
    )
    kinds = {card.id: card.kind for card in cards}
    numbers = {card.id: n + 1 for n, card in enumerate(cards)}
    memory: dict[str, Card] = {}
    true: dict[str, Card] = {}
    introduced: dict[str, int] = {}
    timed: list[TimedAnswer] = []
    reviews = answers = 0
    daily: list[float] = []
    counts: list[int] = []
    """Reviews so far at the end of each day."""
    planned: list[float] = []
    fresh: list[tuple[str, ...]] = []
    at = START + timedelta(days=horizon)
    first_recall: dict[str, float] = {}
    """Each card's true recall on the day after its first day's answers (for the bound)."""
    first_memory: dict[str, tuple[str, float, float, int]] = {}
    first_day_seconds = [0.0] * horizon
    stepped: list[bool] = []
    mean_shift = math.exp(ANSWER_SPREAD**2 / 2)  # so the log-normal's mean is the learner's

    def answer(card_id: str, moment: datetime, day: int) -> float:
        nonlocal reviews, answers
        known = true.get(card_id)
        first = known is None
        if known is None:
            rating = _pick(rng, FIRST_RATINGS)
            known = Card(card_id=numbers[card_id], due=moment)
            introduced[card_id] = day
        else:
            recalled = rng.random() < truth.get_card_retrievability(known, moment)
            rating = _pick(rng, RECALLED_RATINGS) if recalled else Rating.Again
            reviews += introduced[card_id] < day
        answers += 1
        before = memory.get(card_id) or Card(card_id=numbers[card_id], due=moment)
        memory[card_id] = answering.review_card(before, rating, review_datetime=moment)[0]
        true[card_id] = truth.review_card(known, rating, review_datetime=moment)[0]
        mean = learner.seconds[kinds[card_id]]
        seconds = float(mean * rng.lognormal(0.0, ANSWER_SPREAD) / mean_shift)
        if introduced[card_id] == day:
            first_recall[card_id] = truth.get_card_retrievability(true[card_id], at)
            state = true[card_id]
            first_memory[card_id] = (
                kinds[card_id],
                float(state.stability or 0.0),
                float(state.difficulty or 0.0),
                day,
            )
            first_day_seconds[day] += seconds
        timed.append(
            TimedAnswer(
                card_id=card_id,
                kind=kinds[card_id],
                seconds=seconds,
                first=first,
            )
        )
        return seconds

    spent = 0.0
    moment = START
    decided_list: set[str] | None = None
    """Plan mode: today's cards as decided at the day's start (for `off_plan`)."""
    off_plan = 0

    def study(card_ids: Sequence[str], day: int, box: TimeBox | None, *, wait: bool = False) -> int:
        """Answer the cards in order, each only if it still fits the box (None: all);
        `wait`: a learning step is answered when it falls due (the wait is not study)."""
        nonlocal spent, moment, off_plan
        done = 0
        for card_id in card_ids:
            if box is not None and not box.fits(kinds[card_id], spent):
                continue
            if wait:
                moment = max(moment, memory[card_id].due)
            if decided_list is not None and card_id not in decided_list:
                known = memory.get(card_id)
                midnight = START + timedelta(days=day)
                off_plan += not (
                    known is not None
                    and known.state in (State.Learning, State.Relearning)
                    and known.last_review is not None
                    and known.last_review >= midnight
                )
            seconds = answer(card_id, moment, day)
            spent += seconds
            moment += timedelta(seconds=seconds)
            done += 1
        return done

    def steps(day: int, box: TimeBox | None, *, answered_today: bool) -> None:
        """The same day's learning and relearning steps, round after round, as they fall
        due; `answered_today`: only steps of answers given today (plan mode's rule)."""
        midnight = START + timedelta(days=day)
        last = midnight + timedelta(days=1) - timedelta(microseconds=1)
        for _round in range(10):
            # plan mode's: the app's rule (`steps_due`), every step due before midnight
            stepping = (
                steps_due(memory, last, UTC)
                if answered_today
                else [
                    cid
                    for cid, card in sorted(memory.items(), key=lambda item: item[1].due)
                    if card.state in (State.Learning, State.Relearning) and card.due <= last
                ]
            )
            if not study(stepping, day, box, wait=True):
                break

    model = TrueModel(learner.params if policy.truth else DEFAULT_PARAMETERS)
    for day in range(horizon):
        midnight = START + timedelta(days=day)
        moment = midnight + FIRST_SITTING
        imposed = None if new_by_day is None else [c for d in new_by_day[: day + 1] for c in d]
        spent = expected = 0.0
        took_steps = False
        if policy.oracle:
            assert imposed is not None and new_by_day is not None and review_budget is not None
            pace = estimate_pace(timed[-2000:], scheduler)
            box = time_box(plan, pace, 0.0, kinds.values())
            study([c for c in imposed if c not in true], day, None)
            if day < len(steps_by_day) and steps_by_day[day]:
                # the new cards' steps, time-boxed as plan mode's are
                steps(day, box, answered_today=True)
            # the oracle knows the true memory and answer times; without `truth`, the
            # same greedy with only what the app knows (fsrs defaults, its own memory
            # states, the estimated pace)
            seen = true if policy.truth else memory
            seconds = (
                learner.seconds
                if policy.truth
                else {kind: pace.answer_seconds(kind) for kind in learner.seconds}
            )
            candidates = {
                c: card
                for c, card in seen.items()
                if card.last_review is not None and card.last_review < midnight
            }
            later = [
                sum(seconds[kinds[c]] for c in new_by_day[d] if c not in true)
                for d in range(day + 1, horizon)
            ]
            todays = oracle_reviews(
                candidates,
                {c: seconds[kinds[c]] for c in candidates},
                model,
                [moment]
                + [START + timedelta(days=d) + FIRST_SITTING for d in range(day + 1, horizon)],
                at,
                [BUDGET_MINUTES * 60 - spent] + [BUDGET_MINUTES * 60 - s for s in later],
                review_budget - reviews,
                RECALLED_RATINGS,
            )
            study(todays, day, box)
            daily.append(spent)
            counts.append(reviews)
            planned.append(spent)
            fresh.append(tuple(c for c in introduced if introduced[c] == day))
            stepped.append(day < len(steps_by_day) and steps_by_day[day])
            continue
        if policy.plan:
            assert imposed is None
            # As the app (`quiz.study.plan_today.today_decision`): the day is decided once, at its
            # first plan-mode answer (the morning sitting: the memory then, the pace from
            # the answers before it, nothing spent), its same-day steps with it. A later
            # sitting gets that list less the cards answered since, with the cards whose
            # same-day step is due (`rest_of_day`, `steps_due`): it never adds a card the
            # day's decision did not plan. The time box keeps the day's pace and counts
            # the minutes really spent.
            pace = estimate_pace(timed[-2000:], scheduler)
            decided_day = plan_day(
                cards,
                memory,
                plan,
                moment,
                tz=UTC,
                scheduler=scheduler,
                pace=pace,
                spent_seconds=0.0,
                same_day_steps=None if policy.steps else False,
                margin=policy.margin,
                spread_over=policy.spread_over,
            )
            assert decided_day is not None  # the plan runs until the interview day
            answering = scheduler if decided_day.same_day_steps else no_steps
            took_steps = decided_day.same_day_steps
            box = time_box(plan, pace, 0.0, kinds.values())
            decided_list = set(decided_day.queue)
            # the plan's estimate is the day's as decided: a later sitting plans nothing
            # (what is left of a slow morning is not planned again, it waits)
            expected = decided_day.seconds
            rest = decided_day
            for sitting in range(SITTINGS):
                if sitting:
                    rest = left_of_day(decided_day, memory, kinds, pace, midnight, moment)
                studied = study(rest.queue, day, box)
                if sitting == 0:  # the evening sitting, for the steps
                    moment = max(moment, midnight + SECOND_SITTING)
                if decided_day.same_day_steps:
                    steps(day, box, answered_today=True)
                if studied == 0:
                    break  # nothing left of today's plan fits
            if policy.ahead:
                # The list done with minutes left, the app offers to study ahead (Home's
                # plan line, the end of the session): the learner takes it, that evening.
                rest = left_of_day(decided_day, memory, kinds, pace, midnight, moment)
                now_pace = estimate_pace(timed[-2000:], scheduler)
                ahead = study_ahead(
                    rest,
                    cards,
                    memory,
                    plan,
                    moment,
                    tz=UTC,
                    scheduler=scheduler,
                    pace=now_pace,
                    spent_seconds=spent,
                ).cards
                if ahead:
                    decided_list = set(decided_day.queue) | set(ahead)
                    ahead_box = time_box(plan, now_pace, 0.0, kinds.values())
                    study(ahead, day, ahead_box)
                    if decided_day.same_day_steps:
                        steps(day, ahead_box, answered_today=True)
            decided_list = None
            daily.append(spent)
            counts.append(reviews)
            planned.append(expected)
            fresh.append(tuple(c for c in introduced if introduced[c] == day))
            stepped.append(took_steps)
            continue
        for sitting in range(SITTINGS):
            pace = estimate_pace(timed[-2000:], scheduler)
            today = plan_day(
                cards,
                memory,
                plan,
                moment,
                tz=UTC,
                scheduler=scheduler,
                pace=pace,
                spent_seconds=spent,
                time_reviews=False,
                new_cards=imposed,
                same_day_steps=None if policy.steps else False,
                margin=policy.margin,
                spread_over=policy.spread_over,
            )
            assert today is not None  # the plan runs until the interview day
            expected = max(expected, spent + today.seconds)
            # Time-boxed as the app's plan-mode session is: a card starts only if the
            # learner's long answer to it still ends within today's budget.
            box = time_box(plan, pace, 0.0, kinds.values())
            if imposed is None:
                # plain fsrs introducing its own new cards (the bench's tests): the
                # steps at the first sitting's wait for the evening
                studied = study(today.queue, day, box)
                if sitting == 0:
                    moment = max(moment, midnight + SECOND_SITTING)
                if today.same_day_steps:
                    took_steps = True
                    steps(day, box, answered_today=False)
            else:
                # The plain policies: plan mode's new cards and their learning steps first,
                # whatever the time they take (the extra time is theirs), then the due
                # reviews within what is left of the budget, their relearning steps
                # in the evening (not boxed either).
                studied = study(today.new, day, None)
                steps(day, None, answered_today=False)
                studied += study(today.reviews, day, box)
                if sitting == 0:
                    moment = max(moment, midnight + SECOND_SITTING)
                steps(day, None, answered_today=False)
            if studied == 0:
                break  # the plan has nothing more that fits today
        daily.append(spent)
        counts.append(reviews)
        planned.append(expected)
        fresh.append(tuple(c for c in introduced if introduced[c] == day))
        stepped.append(took_steps)

    recall = sum(truth.get_card_retrievability(true[c.id], at) for c in cards if c.id in true)
    return Outcome(
        recall_on_day=recall / len(cards),
        reviews=reviews,
        answers=answers,
        never_seen=1 - len(true) / len(cards),
        max_load_ratio=max(daily, default=0.0) / (BUDGET_MINUTES * 60),
        daily_seconds=tuple(daily),
        daily_reviews=tuple(b - a for a, b in zip([0, *counts], counts, strict=False)),
        daily_planned=tuple(planned),
        introduced=tuple(fresh),
        steps_by_day=tuple(stepped),
        recall_bound=None
        if review_budget is None
        else recall_bound(list(first_recall.values()), review_budget, len(cards)),
        first_memory=tuple(first_memory.values()),
        first_day_seconds=tuple(first_day_seconds),
        off_plan=off_plan,
    )


def mean_ci(values: Sequence[float]) -> tuple[float, float]:
    """The mean and the half-width of its 95% confidence interval (1.96 standard errors)."""
    mean = statistics.fmean(values)
    if len(values) < 2:
        return mean, float("nan")
    return mean, 1.96 * statistics.stdev(values) / math.sqrt(len(values))


def on_day(outcomes: Sequence[Outcome]) -> list[float]:
    """Each learner's recall on the interview day."""
    return [o.recall_on_day for o in outcomes]


def paired_pp(ones: Sequence[float], others: Sequence[float]) -> tuple[float, float]:
    """`mean_ci` of the learners' paired differences `ones - others`, in percentage points."""
    return mean_ci([100 * (one - other) for one, other in zip(ones, others, strict=True)])


def matched_bracket(
    run: Callable[[Policy, int], Outcome],
    learners: int,
    target_reviews: float,
    steps: int,
    *,
    learning_steps: bool = True,
) -> tuple[float, float]:
    """The bisection's last bracket: retentions spending fewer and at least `target_reviews`."""
    low, high = 0.70, 0.99
    for _ in range(steps):
        middle = (low + high) / 2
        policy = Policy(f"fsrs-{middle:.3f}", retention=middle, steps=learning_steps)
        spent = statistics.fmean(run(policy, index).reviews for index in range(learners))
        if spent < target_reviews:
            low = middle
        else:
            high = middle
    return low, high


def equal_reviews_baseline(
    target_reviews: float, one: Sequence[Outcome], other: Sequence[Outcome]
) -> tuple[list[float], float, bool]:
    """Plain fsrs's recall per learner at exactly `target_reviews` reviews on average.

    fsrs's review count is a step function of the desired retention (intervals are whole
    days), so no one retention may spend exactly plan mode's reviews. Two retentions
    whose mean counts bracket the target are mixed: a learner follows the one or the
    other with the weights that make the mean count the target (the recall is that
    mixture's expected recall). Returns the recalls, the mixture's mean review count and
    whether the target was bracketed (if not, the run with fewer reviews alone; when even
    that spends more than plan mode, the comparison is conservative).
    """
    low, high = sorted((one, other), key=lambda runs: statistics.fmean(o.reviews for o in runs))
    spent_low = statistics.fmean(o.reviews for o in low)
    spent_high = statistics.fmean(o.reviews for o in high)
    if not spent_low <= target_reviews <= spent_high or spent_high == spent_low:
        return on_day(low), spent_low, False
    weight = (target_reviews - spent_low) / (spent_high - spent_low)
    recalls = [
        (1 - weight) * a.recall_on_day + weight * b.recall_on_day
        for a, b in zip(low, high, strict=True)
    ]
    return recalls, target_reviews, True


def budgeted_bound(
    learner: Learner, horizon: int, oracle: Outcome, reviews: int, cards: int
) -> float:
    """`plan_bound.budget_bound` for one learner: the oracle run's first days (its cards'
    true memory after them, the time they took), at most `reviews` reviews."""
    starts = [
        CardStart(stability, difficulty, day, learner.seconds[kind])
        for kind, stability, difficulty, day in oracle.first_memory
    ]
    room = [BUDGET_MINUTES * 60 - spent for spent in oracle.first_day_seconds]
    model = TrueModel(learner.params)
    return budget_bound(model, starts, horizon, room, reviews, RECALLED_RATINGS, cards).recall


@dataclass(frozen=True)
class EqualBaseline:
    """Plain fsrs at exactly plan mode's mean review count (`exact_baseline`)."""

    name: str
    recalls: list[float]
    """Each learner's recall on the day (the mixture's expectation)."""
    reviews: float
    bracketed: bool
    retentions: tuple[float, float]


def best_baseline(baselines: Sequence[EqualBaseline]) -> EqualBaseline:
    """The target's baseline: the best plain fsrs at exactly plan mode's count, the one
    that recalls most on the day among those that could spend that many reviews. When
    none could (at 30 days fsrs spends more even at a desired retention of 0.70), the one
    that recalls most of all: the comparison is then against more reviews, and the
    strongest such baseline keeps it conservative."""
    reachable = [b for b in baselines if b.bracketed] or list(baselines)
    return max(reachable, key=lambda b: statistics.fmean(b.recalls))


def exact_baseline(
    run: Callable[[Policy, int], Outcome],
    learners: int,
    target_reviews: float,
    steps: int,
    found: tuple[tuple[float, Sequence[Outcome]], tuple[float, Sequence[Outcome]]],
    *,
    learning_steps: bool = True,
) -> EqualBaseline:
    """`equal_reviews_baseline` from the two retentions `found` on a subset of learners;
    if on all of them both spend fewer (or both more) reviews than `target_reviews`, the
    bracket is searched again on all of them, so that the mixture is exact where fsrs can
    spend that many. `learning_steps` False: plain fsrs without its learning and
    relearning steps."""
    name = "with learning steps" if learning_steps else "without learning steps"
    (one, one_runs), (other, other_runs) = found
    equal, reviews, bracketed = equal_reviews_baseline(target_reviews, one_runs, other_runs)
    if bracketed:
        return EqualBaseline(name, equal, reviews, True, (one, other))
    low, high = (
        round(r, 4)
        for r in matched_bracket(
            run, learners, target_reviews, steps, learning_steps=learning_steps
        )
    )
    fewer = [run(Policy("fsrs-bracket", low, steps=learning_steps), i) for i in range(learners)]
    more = [run(Policy("fsrs-bracket", high, steps=learning_steps), i) for i in range(learners)]
    again, again_reviews, again_bracketed = equal_reviews_baseline(target_reviews, fewer, more)
    if again_bracketed:
        return EqualBaseline(name, again, again_reviews, True, (low, high))
    return EqualBaseline(name, equal, reviews, False, (one, other))


def matched_baseline(
    run: Callable[[Policy, int], Outcome],
    plan: Sequence[Outcome],
    settings: Settings,
    name: str,
    *,
    learning_steps: bool = True,
) -> tuple[float, list[Outcome], EqualBaseline]:
    """Plain fsrs matched to plan mode's review count: the retention bisected on a subset
    of the learners and its runs on all of them (the policy `name`), and the mixture at
    exactly plan mode's mean count (`exact_baseline`, from that retention and the other
    end of the bisection's bracket)."""
    subset = min(settings.match_learners, settings.learners)
    low, high = matched_bracket(
        run,
        subset,
        statistics.fmean(o.reviews for o in plan[:subset]),
        settings.match_steps,
        learning_steps=learning_steps,
    )
    retention = round((low + high) / 2, 4)
    matched = [
        run(Policy(name, retention, steps=learning_steps), i) for i in range(settings.learners)
    ]
    # The retention was matched on a subset, and fsrs's count moves in steps: the other
    # end of the bracket, on every learner, gives the mixture at exactly plan mode's count.
    plan_reviews = statistics.fmean(o.reviews for o in plan)
    side = round(high if statistics.fmean(o.reviews for o in matched) < plan_reviews else low, 4)
    beside = [
        run(Policy("fsrs-bracket", side, steps=learning_steps), i) for i in range(settings.learners)
    ]
    equal = exact_baseline(
        run,
        settings.learners,
        plan_reviews,
        settings.match_steps,
        ((retention, matched), (side, beside)),
        learning_steps=learning_steps,
    )
    return retention, matched, equal


def horizon_figures(settings: Settings, horizon: int, log: Callable[[str], None]) -> list[Figure]:
    """Every policy on every learner for one horizon, and the figures they give."""
    cards = bank(settings.cards, settings.bank_order)
    learners = [draw_learner(settings.seed, i) for i in range(settings.learners)]
    planned = Policy(
        "plan",
        plan=True,
        margin=settings.margin,
        spread_over=settings.spread_days,
        ahead=settings.study_ahead,
    )
    plan = [
        simulate(cards, learners[i], horizon, planned, settings.seed)
        for i in range(settings.learners)
    ]

    def run(policy: Policy, index: int) -> Outcome:
        return simulate(
            cards, learners[index], horizon, policy, settings.seed, plan[index].introduced
        )

    plain = [run(Policy("fsrs-0.90"), i) for i in range(settings.learners)]
    retention, matched, with_steps = matched_baseline(run, plan, settings, "fsrs-matched")
    # For honesty: plain fsrs without learning steps (new cards straight to review, no
    # relearning step), at the review count of plan mode, with plan mode's new cards.
    bare_retention, bare, without_steps = matched_baseline(
        run, plan, settings, "fsrs-nosteps-matched", learning_steps=False
    )
    at_equal = [with_steps, without_steps]
    best = best_baseline(at_equal)
    plan_reviews = statistics.fmean(o.reviews for o in plan)
    # The ceiling: plan mode's new cards and review count, reviews placed with the truth.
    oracle = [
        simulate(
            cards,
            learners[i],
            horizon,
            Policy("oracle", oracle=True),
            settings.seed,
            plan[i].introduced,
            review_budget=plan[i].reviews,
            steps_by_day=plan[i].steps_by_day,
        )
        for i in range(settings.learners)
    ]
    common: dict[str, Any] = {
        "horizon_days": horizon,
        "cards": settings.cards,
        "learners": settings.learners,
        "budget_minutes": BUDGET_MINUTES,
        "target": TARGET,
        **_variant(settings),
    }
    budget = BUDGET_MINUTES * 60
    figures: list[Figure] = []
    for name, outcomes, kept in (
        ("fsrs-0.90", plain, 0.9),
        ("fsrs-matched", matched, retention),
        ("fsrs-nosteps-matched", bare, bare_retention),
        ("plan", plan, None),
        ("oracle", oracle, None),
    ):
        recall, recall_ci = mean_ci(on_day(outcomes))
        review_mean, review_ci = mean_ci([float(o.reviews) for o in outcomes])
        unseen, _ = mean_ci([o.never_seen for o in outcomes])
        worst = max(o.max_load_ratio for o in outcomes)
        minutes = statistics.fmean(s for o in outcomes for s in o.daily_seconds) / 60
        where = {**common, "policy": name, "desired_retention": kept}
        figures += [
            Figure(
                "sim_recall_on_day", round(recall, 4), "", {**where, "ci95": round(recall_ci, 4)}
            ),
            Figure(
                "sim_reviews",
                round(review_mean, 1),
                "reviews",
                {**where, "ci95": round(review_ci, 1)},
            ),
            Figure("sim_never_seen_share", round(unseen, 4), "", where),
            Figure(
                "sim_max_load_over_budget_pct",
                round(100 * (worst - 1), 1),
                "%",
                {**where, "measure": "simulated answer time, worst learner and day"},
            ),
            Figure("sim_mean_daily_minutes", round(minutes, 1), "min", where),
        ]
        log(
            f"    {horizon:>2} days {name:<20} recall {recall:.3f} ± {recall_ci:.3f}, "
            f"reviews {review_mean:.0f} ± {review_ci:.0f}, never seen {unseen:.1%}, "
            f"{minutes:.0f} min a day, worst day {100 * (worst - 1):+.0f}%"
        )
    by_plan, by_matched = on_day(plan), on_day(matched)
    recall, recall_ci = mean_ci(by_plan)
    gain, gain_ci = paired_pp(by_plan, by_matched)
    gains_equal = [paired_pp(by_plan, b.recalls) for b in at_equal]
    for b, (value, ci) in zip(at_equal, gains_equal, strict=True):
        log(
            f"    {horizon:>2} days gain at equal reviews {value:+.2f} ± {ci:.2f} pp over fsrs "
            f"{b.name} (at {b.retentions[0]} and {b.retentions[1]} mixed to "
            f"{b.reviews:.1f} reviews, plan {plan_reviews:.1f}"
            f"{'' if b.bracketed else ', not bracketed'})"
        )
    equal = best.recalls
    gain_equal, gain_equal_ci = paired_pp(by_plan, equal)
    gain_90, gain_90_ci = paired_pp(by_plan, on_day(plain))
    gain_bare, gain_bare_ci = paired_pp(by_plan, on_day(bare))
    by_oracle = on_day(oracle)
    oracle_recall, oracle_recall_ci = mean_ci(by_oracle)
    oracle_gain, oracle_gain_ci = paired_pp(by_oracle, by_matched)
    room, room_ci = paired_pp(by_oracle, by_plan)
    bounds = [o.recall_bound or 0.0 for o in oracle]
    bound, bound_ci = mean_ci(bounds)
    bound_gain, bound_gain_ci = paired_pp(bounds, by_matched)
    bound_equal, bound_equal_ci = paired_pp(bounds, equal)
    budgeted: list[Figure] = []
    if horizon <= BUDGET_BOUND_DAYS:
        tight = [
            budgeted_bound(learners[i], horizon, oracle[i], plan[i].reviews, settings.cards)
            for i in range(settings.learners)
        ]
        tight_recall, tight_recall_ci = mean_ci(tight)
        tight_equal, tight_equal_ci = paired_pp(tight, equal)
        tight_room, tight_room_ci = paired_pp(tight, by_plan)
        log(
            f"    {horizon:>2} days budgeted bound {tight_recall:.4f}, "
            f"{tight_equal:+.2f} ± {tight_equal_ci:.2f} pp at equal reviews, "
            f"{tight_room:+.2f} ± {tight_room_ci:.2f} pp over plan"
        )
        what = (
            "plan mode's first days and review count, each day's reviews within the time "
            "its new cards leave, at most one answer a card a day; any adaptive timing with "
            "the true memory, any time of day (bench/plan_bound.py)"
        )
        budgeted = [
            Figure(
                "plan_recall_budget_bound_on_day",
                round(tight_recall, 4),
                "",
                {**common, "ci95": round(tight_recall_ci, 4), "bound": what},
            ),
            Figure(
                "plan_recall_budget_bound_gain_equal_reviews_pp",
                round(tight_equal, 2),
                "pp",
                {
                    **common,
                    "versus": "the baseline of plan_recall_gain_pp (the best plain fsrs at equal reviews)",
                    "ci95": round(tight_equal_ci, 2),
                },
            ),
            Figure(
                "plan_recall_budget_bound_room_pp",
                round(tight_room, 2),
                "pp",
                {**common, "versus": "plan", "ci95": round(tight_room_ci, 2)},
            ),
        ]
    log(
        f"    {horizon:>2} days oracle gain {oracle_gain:+.2f} ± {oracle_gain_ci:.2f} pp "
        f"(over plan {room:+.2f} ± {room_ci:.2f}); bound {bound:.3f}, "
        f"{bound_gain:+.2f} ± {bound_gain_ci:.2f} pp"
    )
    ceiling = {
        **common,
        "versus": "fsrs-matched (plain fsrs at the same number of reviews)",
        "matched_retention": retention,
    }
    over = max(o.max_load_ratio for o in plan)
    planned_over = max(max(o.daily_planned) for o in plan) / budget
    figures += [
        Figure("plan_recall_on_day", round(recall, 4), "", {**common, "ci95": round(recall_ci, 4)}),
        Figure(
            "plan_recall_gain_vs_matched_pp",
            round(gain, 2),
            "pp",
            {
                **common,
                "versus": "fsrs-matched (plain fsrs at the retention bisected to plan "
                "mode's review count on a subset of the learners)",
                "matched_retention": retention,
                "baseline_reviews": round(statistics.fmean(o.reviews for o in matched), 1),
                "ci95": round(gain_ci, 2),
            },
        ),
        Figure(
            "plan_recall_gain_pp",
            round(gain_equal, 2),
            "pp",
            {
                **common,
                "versus": "the best plain fsrs at exactly plan mode's mean review count "
                "(with or without learning steps, whichever recalls more): the two "
                "retentions around it mixed (equal_reviews_baseline)",
                "baseline": best.name,
                "retentions": list(best.retentions),
                "baseline_reviews": round(best.reviews, 1),
                "plan_reviews": round(plan_reviews, 1),
                "bracketed": best.bracketed,
                "ci95": round(gain_equal_ci, 2),
            },
        ),
        *(
            Figure(
                f"plan_recall_gain_equal_reviews_{suffix}_pp",
                round(value, 2),
                "pp",
                {
                    **common,
                    "versus": f"plain fsrs {b.name} at exactly plan mode's mean review count",
                    "retentions": list(b.retentions),
                    "baseline_reviews": round(b.reviews, 1),
                    "plan_reviews": round(plan_reviews, 1),
                    "bracketed": b.bracketed,
                    "ci95": round(ci, 2),
                },
            )
            for suffix, b, (value, ci) in zip(
                ("with_steps", "without_steps"), at_equal, gains_equal, strict=True
            )
        ),
        Figure(
            "plan_recall_gain_vs_fsrs_090_pp",
            round(gain_90, 2),
            "pp",
            {**common, "versus": "fsrs-0.90", "ci95": round(gain_90_ci, 2)},
        ),
        Figure(
            "plan_recall_gain_vs_nosteps_pp",
            round(gain_bare, 2),
            "pp",
            {
                **common,
                "versus": "fsrs-nosteps-matched (plain fsrs without learning steps, at the "
                "retention bisected to plan mode's review count on a subset of the learners)",
                "matched_retention": bare_retention,
                "baseline_reviews": round(statistics.fmean(o.reviews for o in bare), 1),
                "ci95": round(gain_bare_ci, 2),
            },
        ),
        Figure(
            "plan_oracle_recall_on_day",
            round(oracle_recall, 4),
            "",
            {
                **common,
                "ci95": round(oracle_recall_ci, 4),
                "oracle": "plan mode's new cards and review count, reviews placed greedily "
                "with the learner's true memory (bench/plan_oracle.py)",
            },
        ),
        Figure(
            "plan_oracle_gain_pp",
            round(oracle_gain, 2),
            "pp",
            {**ceiling, "ci95": round(oracle_gain_ci, 2)},
        ),
        Figure(
            "plan_oracle_room_pp",
            round(room, 2),
            "pp",
            {**common, "versus": "plan", "ci95": round(room_ci, 2)},
        ),
        Figure(
            "plan_recall_bound_on_day",
            round(bound, 4),
            "",
            {
                **common,
                "ci95": round(bound_ci, 4),
                "bound": "plan mode's review count, each review lifting a card to recall 1, "
                "no time budget, no same-day steps (bench/plan_oracle.py: recall_bound)",
            },
        ),
        Figure(
            "plan_recall_bound_gain_pp",
            round(bound_gain, 2),
            "pp",
            {**ceiling, "ci95": round(bound_gain_ci, 2)},
        ),
        Figure(
            "plan_recall_bound_gain_equal_reviews_pp",
            round(bound_equal, 2),
            "pp",
            {
                **common,
                "versus": "the baseline of plan_recall_gain_pp (the best plain fsrs at equal reviews)",
                "ci95": round(bound_equal_ci, 2),
            },
        ),
        Figure(
            "plan_max_load_over_budget_pct",
            round(100 * (over - 1), 1),
            "%",
            {**common, "measure": "simulated answer time, worst learner and day"},
        ),
        Figure(
            "plan_max_planned_load_over_budget_pct",
            round(100 * (planned_over - 1), 1),
            "%",
            {**common, "measure": "plan_day's expected time, worst learner and day"},
        ),
        *budgeted,
    ]
    return figures


PLAN_TARGETS: list[tuple[str, int, str, Callable[[float], bool]]] = [
    ("plan_recall_on_day", 14, ">= 0.90", lambda v: v >= 0.90),
    ("plan_recall_on_day", 30, ">= 0.90", lambda v: v >= 0.90),
    ("plan_recall_gain_pp", 7, ">= 5 pp", lambda v: v >= 5),
    ("plan_recall_gain_pp", 14, ">= 5 pp", lambda v: v >= 5),
    ("plan_recall_gain_pp", 30, ">= 0 pp", lambda v: v >= 0),
    ("plan_max_load_over_budget_pct", 7, "<= 10%", lambda v: v <= 10),
    ("plan_max_load_over_budget_pct", 14, "<= 10%", lambda v: v <= 10),
    ("plan_max_load_over_budget_pct", 30, "<= 10%", lambda v: v <= 10),
    ("plan_max_planned_load_over_budget_pct", 7, "<= 10%", lambda v: v <= 10),
    ("plan_max_planned_load_over_budget_pct", 14, "<= 10%", lambda v: v <= 10),
    ("plan_max_planned_load_over_budget_pct", 30, "<= 10%", lambda v: v <= 10),
]


GAIN_FIGURES = (
    "plan_recall_gain_pp",
    "plan_recall_gain_equal_reviews_with_steps_pp",
    "plan_recall_gain_equal_reviews_without_steps_pp",
    "plan_recall_gain_vs_matched_pp",
)
"""Plan mode's gains over plain fsrs, the target's first, in column order."""
CEILING_FIGURES = (
    "plan_oracle_recall_on_day",
    "plan_oracle_gain_pp",
    "plan_oracle_room_pp",
    "plan_recall_bound_on_day",
    "plan_recall_bound_gain_pp",
    "plan_recall_bound_gain_equal_reviews_pp",
)
"""The ceiling's figures (the oracle and the bound without a budget), in column order."""
BUDGET_BOUND_FIGURES = (
    "plan_recall_budget_bound_on_day",
    "plan_recall_budget_bound_gain_equal_reviews_pp",
    "plan_recall_budget_bound_room_pp",
)
"""The budgeted bound's figures, in the order of their table's columns."""


def _horizon_table(
    by_horizon: dict[int, dict[str, Figure]], header: str, names: Sequence[str]
) -> list[str]:
    """A table of `names` (value ± CI) with a row per horizon that has them all, led by a
    blank line; nothing when no horizon has them."""
    rows = [
        f"| {horizon} days | "
        + " | ".join(
            f"{found[name].value:g} ± {found[name].params['ci95']:g}"
            + (" pp" if found[name].unit == "pp" else "")
            for name in names
        )
        + " |"
        for horizon, found in sorted(by_horizon.items())
        if all(name in found for name in names)
    ]
    if not rows:
        return []
    return ["", "| horizon " + header, "|---" * (len(names) + 1) + "|", *rows]


def table(figures: Sequence[Figure]) -> str:
    """The results table of docs/plan.md: per horizon and policy, then the targets."""
    lines = [
        "| horizon | policy | desired retention | recall on the day (95% CI) | reviews (95% CI) "
        "| never seen | minutes a day | worst day over budget |",
        "|---|---|---|---|---|---|---|---|",
    ]
    rows: dict[tuple[int, str], dict[str, Figure]] = {}
    for figure in figures:
        if figure.name.startswith("sim_"):
            key = (figure.params["horizon_days"], figure.params["policy"])
            rows.setdefault(key, {})[figure.name] = figure
    for (horizon, policy), found in sorted(rows.items()):
        recall, reviews = found["sim_recall_on_day"], found["sim_reviews"]
        kept = recall.params["desired_retention"]
        lines.append(
            f"| {horizon} days | {policy} | {'-' if kept is None else kept} "
            f"| {recall.value:.3f} ± {recall.params['ci95']:.3f} "
            f"| {reviews.value:.0f} ± {reviews.params['ci95']:.0f} "
            f"| {found['sim_never_seen_share'].value:.1%} "
            f"| {found['sim_mean_daily_minutes'].value:.0f} "
            f"| {found['sim_max_load_over_budget_pct'].value:+.0f}% |"
        )
    by_horizon: dict[int, dict[str, Figure]] = {}
    for figure in figures:
        if figure.name.startswith("plan_") and "policy" not in figure.params:
            by_horizon.setdefault(figure.params["horizon_days"], {})[figure.name] = figure
    lines += _horizon_table(
        by_horizon,
        "| plan gain (the target's: best plain fsrs, equal reviews) | over fsrs with "
        "steps, equal reviews | over fsrs without steps, equal reviews | over fsrs-matched |",
        GAIN_FIGURES,
    )
    lines += _horizon_table(
        by_horizon,
        "| oracle recall | oracle gain (over fsrs-matched) | oracle - plan | bound recall "
        "| bound gain (over fsrs-matched) | bound gain (the target's baseline) |",
        CEILING_FIGURES,
    )
    lines += _horizon_table(
        by_horizon,
        "| budgeted bound recall | budgeted bound gain (the target's baseline) "
        "| budgeted bound - plan |",
        BUDGET_BOUND_FIGURES,
    )
    lines += ["", "| target | figure | horizon | value | met |", "|---|---|---|---|---|"]
    for name, horizon, text, ok in PLAN_TARGETS:
        hit = next(
            (f for f in figures if f.name == name and f.params["horizon_days"] == horizon), None
        )
        if hit is not None:
            ci = f" ± {hit.params['ci95']}" if "ci95" in hit.params else ""
            unit = f" {hit.unit}" if hit.unit else ""
            lines.append(
                f"| {text} | {name} | {horizon} days | {hit.value:g}{ci}{unit} "
                f"| {'yes' if ok(hit.value) else 'NO'} |"
            )
    return "\n".join(lines)


VARIANTS = ("seed", "margin", "bank_order", "spread_days", "study_ahead")
"""The settings a run may change from the command line (`--seed`, `--margin`,
`--bank-order`, `--spread-days`, `--no-study-ahead`)."""


def _variant(settings: Settings) -> dict[str, Any]:
    """The run's `VARIANTS` that differ from the bench's own, so that a figure from a
    variant run is never read as the bench's."""
    return {
        name: getattr(settings, name)
        for name in VARIANTS
        if getattr(settings, name) != getattr(FULL, name)
    }


def run_all(settings: Settings, log: Callable[[str], None]) -> list[Figure]:
    """Every horizon's figures."""
    figures: list[Figure] = []
    for horizon in settings.horizons:
        start = time.perf_counter()
        figures += horizon_figures(settings, horizon, log)
        log(f"  plan: {horizon} days in {time.perf_counter() - start:.0f} s")
    return figures


def write(
    figures: Sequence[Figure], out: Path, settings: Settings, stamp: dict[str, str] | None = None
) -> None:
    """Put the plan figures into `out`, keeping the other sections' figures already there
    (`stamp`: the run's commit and start, `run_stamp`, taken now when not given)."""
    merge_results(
        out,
        {"plan": figures},
        {
            "plan_simulation": {
                "cards": settings.cards,
                "learners": settings.learners,
                "horizons": list(settings.horizons),
                "seed": settings.seed,
                "margin": settings.margin,
                "bank_order": settings.bank_order,
                "spread_days": settings.spread_days,
                "study_ahead": settings.study_ahead,
            }
        },
        stamp if stamp is not None else run_stamp(),
    )


def main(argv: Sequence[str] | None = None) -> int:
    """`python -m bench --plan [--quick] [--out FILE]`."""
    parser = argparse.ArgumentParser(prog="python -m bench --plan")
    parser.add_argument("--plan", action="store_true")
    parser.add_argument("--quick", action="store_true", help="fewer cards and learners")
    parser.add_argument("--out", type=Path, default=REPO / "bench" / "results.json")
    parser.add_argument("--learners", type=int, help="learners per horizon (default 50)")
    parser.add_argument(
        "--horizons", help="comma-separated days to the interview (default 7,14,30)"
    )
    parser.add_argument("--seed", type=int, help=f"the learners' seed (default {FULL.seed})")
    parser.add_argument(
        "--margin",
        type=float,
        help=f"plan mode's readiness margin over the target (default {READINESS_MARGIN})",
    )
    parser.add_argument(
        "--bank-order",
        choices=BANK_ORDERS,
        help="where the drills sit in the bank's content order (default content)",
    )
    parser.add_argument(
        "--spread-days",
        type=int,
        help="spread plan mode's new cards evenly over this many first days "
        "(default: front-loaded, as many a day as the budget holds)",
    )
    parser.add_argument(
        "--no-study-ahead",
        dest="study_ahead",
        action="store_const",
        const=False,
        help="plan mode's learner stops when the day's list is done, minutes left or not "
        "(default: studies ahead, as the app offers)",
    )
    args = parser.parse_args(argv)
    settings = QUICK if args.quick else FULL
    if args.learners is not None:
        settings = replace(settings, learners=max(2, args.learners))
    if args.horizons:
        try:
            days = tuple(int(part) for part in args.horizons.split(","))
        except ValueError:
            parser.error(
                f"--horizons: whole numbers of days, comma-separated, not {args.horizons!r}"
            )
        settings = replace(settings, horizons=days)
    if args.margin is not None and not 0 <= args.margin < 1 - TARGET:
        parser.error(
            f"--margin: from 0 up to {1 - TARGET:g} (the target is {TARGET}), not {args.margin}"
        )
    if args.spread_days is not None and args.spread_days < 1:
        parser.error(f"--spread-days: one day or more, not {args.spread_days}")
    given = {name: getattr(args, name) for name in VARIANTS}
    settings = replace(settings, **{name: v for name, v in given.items() if v is not None})

    def log(line: str) -> None:
        print(line, file=sys.stderr, flush=True)

    stamp = run_stamp()
    figures = run_all(settings, log)
    write(figures, args.out, settings, stamp)
    print(table(figures))
    log(f"\nwritten to {args.out}")
    return 0
