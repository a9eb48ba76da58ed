"""Interview plan: readiness on the day, and what plan mode studies each day before it.

Pure functions over fsrs memory states; the caller passes the time (`now`), the time zone
and the fsrs Scheduler, so the same code runs in the app, in tests with a fake clock and
in the simulation bench (bench/plan.py).

Readiness is the mean over the chosen cards of fsrs's predicted probability of recall at
the start of the interview day (`Scheduler.get_card_retrievability`); a card never seen
counts 0.

Plan mode, each day before the interview, within the minutes-per-day budget, reviews
only what the day needs:

1. today's learning and relearning steps (what cannot wait), when the days left have
   room for every unseen card with its steps and a full last pass (`steps_fit`);
   otherwise a first answer or a lapse is not asked again the same day and the card
   waits for the last pass. No other review comes before the last pass, and a review
   nearer the day adds more recall on the day than one now;
2. new cards, front-loaded: as many as today's budget holds, until every card is seen.
   New cards never come after a review day: the last pass is the days left once the
   unseen cards have had the days they need (`new_days`), at most as many as one review
   of every card takes (`final_days`), at least the eve (`pass_days`);
3. the last pass (`last_pass`): every (card, day) pair up to the eve of the interview is
   worth the recall on the day it adds by fsrs's forgetting curve (expected over
   recalling or not) per second of study; pairs are taken best first, one day per card,
   while the day has room, until predicted readiness on the day reaches the target plus
   `READINESS_MARGIN`; today studies what landed on today. A card whose recall on the day
   is under the target is thus brought forward, to the latest day with room; a card well
   above it is left alone. Cards still unseen compete there only when the days are too
   few to see them all before the eve (an interview tomorrow).

Plan mode is time-boxed (`TimeBox`): a card starts only while a long answer to it (the
person's 99th percentile) still ends within today's minutes.

On the interview day and after it the plan is over and the normal fsrs schedule rules.
"""

from __future__ import annotations

import functools
import math
import sys
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, timedelta, tzinfo
from typing import TYPE_CHECKING

from fsrs import Card, Rating, Scheduler, State
from fsrs.scheduler import STABILITY_MIN

from quiz.store import CardState, InterviewPlan
from quiz.study.cards import StudyCard
from quiz.study.counts import topic_labels
from quiz.study.days import as_utc, date_start, day_starts_at, local_date
from quiz.study.scheduling import new_card

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray

__all__ = [
    "DEFAULT_MINUTES_PER_DAY",
    "DEFAULT_SECONDS",
    "DEFAULT_TARGET",
    "NEW_ANSWERS",
    "READINESS_MARGIN",
    "REVIEW_ANSWERS",
    "Ahead",
    "DayPlan",
    "ForecastDay",
    "RecallCache",
    "LastPass",
    "Pace",
    "Readiness",
    "TimeBox",
    "TimedAnswer",
    "answers_per_card",
    "estimate_pace",
    "final_days",
    "forecast",
    "interview_start",
    "last_pass",
    "memory_of",
    "new_days",
    "pass_days",
    "plan_day",
    "readiness",
    "recall_at",
    "rest_of_day",
    "steps_due",
    "steps_fit",
    "study_ahead",
    "takes_steps",
    "time_box",
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
"""Answers a review takes on its day with fsrs's default relearning step (10 minutes): one,
plus the step after a lapse, ~10% of the time (`answers_per_card` for other steps)."""
NEW_ANSWERS = 2.25
"""Answers a new card takes on its first day with fsrs's default learning steps (1 and 10
minutes): two when every answer is Good, a step more after an Again or Hard on a quarter
of the first answers (`answers_per_card` for other steps)."""
FIRST_AGAIN_SHARE = 0.25
"""The share of first answers that are Again or Hard, each costing a learning step more."""
LAPSE_SHARE = 0.1
"""The share of reviews that lapse, each followed by the same day's relearning steps."""
DEFAULT_LEARNING_STEPS = (timedelta(minutes=1), timedelta(minutes=10))
"""fsrs's default learning steps (`Scheduler().learning_steps`)."""
DEFAULT_RELEARNING_STEPS = (timedelta(minutes=10),)
"""fsrs's default relearning steps."""
MIN_SAMPLES = 5
"""Card-days of a kind before their mean alone is the estimate (fewer: blended with the default)."""
LONG_ANSWER_FACTOR = 2.5
"""Without history, a long answer is this many times the default answer time."""
LONG_SAMPLES = 20
"""Answers of a kind before their own percentile alone is the long answer time."""
LONG_ANSWER_QUANTILE = 99
"""The percentile of the person's single answer times that the time box keeps free."""
MAX_ANSWER_SECONDS = 1800.0
"""Longer answers are breaks, not answers: left out of the estimate."""
READINESS_MARGIN = 0.03
"""The last pass stops once predicted readiness on the day reaches the target plus this:
fsrs predicts with default parameters, a person's memory differs, and some answers lapse."""


@dataclass(frozen=True)
class TimedAnswer:
    """One answer with its time, for `estimate_pace`."""

    card_id: str
    kind: str
    seconds: float
    """The card's time on the clock: from the card shown to the next card shown, the
    part after the answer capped (`quiz.study.spent.card_seconds`)."""
    first: bool
    """The person's first answer to the card (a first look, before any learning step)."""
    gave_up: bool = False
    """A drill given up (ctrl+g, rated Again): not a solve time. It says the card takes
    longer than this, not how long, so it counts only where it lengthens the estimate
    (`estimate_pace`)."""


def _same_day(steps: Sequence[timedelta]) -> int:
    """How many of `steps`, taken one after the other, come back within a day."""
    total = timedelta(0)
    count = 0
    for step in steps:
        total += step
        if total >= timedelta(days=1):
            break
        count += 1
    return count


def answers_per_card(scheduler: Scheduler | None = None) -> tuple[float, float]:
    """Answers a card takes on its day with the same day's steps of `scheduler` (None:
    fsrs's defaults): (a new card, a review).

    fsrs moves a new card answered Good from its first answer to its second learning step
    (the first step follows an Again or Hard) and graduates it after the last, so a new
    card takes one answer plus one per later step within the day, and a step more after
    the quarter of first answers that are Again or Hard (`FIRST_AGAIN_SHARE`); a review
    takes one answer plus, after the tenth that lapse (`LAPSE_SHARE`), one per relearning
    step within the day. No steps (or only steps of a day or more): one answer each.
    """
    learning = (
        DEFAULT_LEARNING_STEPS if scheduler is None else tuple(scheduler.learning_steps or ())
    )
    relearning = (
        DEFAULT_RELEARNING_STEPS if scheduler is None else tuple(scheduler.relearning_steps or ())
    )
    new = 1.0 + _same_day(learning[1:])
    if learning and learning[0] < timedelta(days=1):
        new += FIRST_AGAIN_SHARE
    return new, 1.0 + LAPSE_SHARE * _same_day(relearning)


@dataclass(frozen=True)
class Pace:
    """Expected seconds a card costs on a day, by kind: as a review, and as a new card.

    Both include the same day's further steps (relearning after a lapse, learning steps),
    so a day's budget is the sum over its cards. Seconds are on the clock: a card's time
    from shown to the next card shown (reading the feedback and rating included).
    """

    review: Mapping[str, float]
    new: Mapping[str, float]
    long_answer: Mapping[str, float] = field(default_factory=dict)
    """A long single answer by kind (the person's 99th percentile): the time box's margin."""
    answer: Mapping[str, float] = field(default_factory=dict)
    """The mean single answer to a card already seen, by kind: a review's cost on a day
    without same-day steps, and the cost of each learning or relearning step."""
    first: Mapping[str, float] = field(default_factory=dict)
    """The mean first answer to a new card, by kind: a new card's cost without steps."""
    measured: bool = False
    """Whether any of the person's answers went into it: False for `Pace.default` (no
    answer timed yet), so a plan says its minutes are at the default pace, not theirs."""

    @classmethod
    def per_answer(
        cls,
        seconds: Mapping[str, float],
        first: Mapping[str, float] | None = None,
        *,
        scheduler: Scheduler | None = None,
    ) -> Pace:
        """A Pace from seconds per answer (`first`: per first answer, default the same),
        with the answers per review and new card of `scheduler`'s steps (`answers_per_card`)."""
        firsts = dict(seconds) if first is None else {**seconds, **first}
        new_answers, review_answers = answers_per_card(scheduler)
        return cls(
            review={kind: value * review_answers for kind, value in seconds.items()},
            new={kind: firsts[kind] + (new_answers - 1) * seconds[kind] for kind in seconds},
            answer=dict(seconds),
            first=firsts,
        )

    @classmethod
    def default(cls, scheduler: Scheduler | None = None) -> Pace:
        """The pace without any history (with `scheduler`'s learning steps)."""
        return cls.per_answer(DEFAULT_SECONDS, scheduler=scheduler)

    def answer_seconds(self, kind: str) -> float:
        """Expected time of one answer to a card of this kind already seen."""
        found = self.answer.get(kind)
        if found is not None:
            return found
        return DEFAULT_SECONDS.get(kind, DEFAULT_SECONDS["concept"])

    def review_seconds(self, kind: str, *, steps: bool = True) -> float:
        """Expected time of a card of this kind reviewed today (`steps=False`: one answer,
        a lapse is not asked again the same day)."""
        if not steps:
            return self.answer_seconds(kind)
        return self.review.get(kind, DEFAULT_SECONDS["concept"] * REVIEW_ANSWERS)

    def new_seconds(self, kind: str, *, steps: bool = True) -> float:
        """Expected time to introduce a new card of this kind today (`steps=False`: its
        first answer only, no same-day learning steps)."""
        if not steps:
            found = self.first.get(kind)
            return found if found is not None else self.answer_seconds(kind)
        return self.new.get(kind, DEFAULT_SECONDS["concept"] * NEW_ANSWERS)

    def long_answer_seconds(self, kind: str) -> float:
        """A long answer to a card of this kind: the time box starts it only if this fits."""
        found = self.long_answer.get(kind)
        if found is not None:
            return found
        return LONG_ANSWER_FACTOR * DEFAULT_SECONDS.get(kind, DEFAULT_SECONDS["concept"])


def estimate_pace(answers: Iterable[TimedAnswer], scheduler: Scheduler | None = None) -> Pace:
    """The person's time per card, by kind: a first answer, a later one, and a long one.

    The mean, not the median: a day's load is a sum, and the mean is what sums. First
    answers (a card new to the person) and later ones (reviews and learning steps) are
    apart: a first look at a drill takes much longer than a review of it. Each mean
    learns from the first answer of its kind: while there are fewer than MIN_SAMPLES, a
    prior stands in for each missing one, so one slow or quick answer moves the estimate
    part of the way. The prior of a first look is the default (`DEFAULT_SECONDS`); that
    of a later answer is the first-look estimate of its kind (before any review or step,
    a new card's steps are priced at the person's own pace).

    A drill given up (`TimedAnswer.gave_up`) is not a solve time: its time is only a
    lower bound on what the card takes. It counts, like any answer, when it is longer
    than both its mean's prior and the mean of the other answers of its kind (first
    looks or later ones), so it can only lengthen the estimate; a quicker give-up is left
    out. Counted at its own time, a drill given up in 23 s made the first look at a drill
    cheaper and plan mode scheduled more drills the quicker one gave up.

    A new card with its same-day learning steps costs its first answer plus a later answer
    per step, and a review a later answer plus its relearning steps, by `scheduler`'s
    steps (`answers_per_card`; None: fsrs's defaults).
    """
    firsts: dict[str, list[float]] = {}
    laters: dict[str, list[float]] = {}
    singles: dict[str, list[float]] = {}
    given_up: list[TimedAnswer] = []
    for answer in answers:
        if not 0 < answer.seconds <= MAX_ANSWER_SECONDS:
            continue  # a break, not an answer
        if answer.gave_up:
            given_up.append(answer)
            continue
        singles.setdefault(answer.kind, []).append(answer.seconds)
        (firsts if answer.first else laters).setdefault(answer.kind, []).append(answer.seconds)
    measured = bool(singles or given_up)
    base = Pace.default(scheduler)
    kinds = set(DEFAULT_SECONDS) | set(singles) | {answer.kind for answer in given_up}

    def mean(found: Mapping[str, list[float]], kind: str, prior: float) -> float:
        values = found.get(kind, [])
        return _filled(sum(values), len(values), prior, MIN_SAMPLES)

    def with_given_up(found: dict[str, list[float]], first: bool, kind: str, prior: float) -> float:
        """The mean of `found`'s answers of `kind`, with the give-ups that lengthen it:
        each longer than the prior and the mean without them (so none shortens it)."""
        floor = max(prior, mean(found, kind, prior))
        for answer in given_up:
            if answer.kind == kind and answer.first == first and answer.seconds > floor:
                found.setdefault(kind, []).append(answer.seconds)
                singles.setdefault(kind, []).append(answer.seconds)
        return mean(found, kind, prior)

    first = {kind: with_given_up(firsts, True, kind, base.answer_seconds(kind)) for kind in kinds}
    # a later answer's prior is your own first look at the kind: before any review or
    # step is measured (plan mode's first days without steps), it is your pace, not the
    # default's, that the steps of a new card are priced at
    later = {kind: with_given_up(laters, False, kind, first[kind]) for kind in kinds}
    pace = Pace.per_answer(later, first, scheduler=scheduler)
    long_answer: dict[str, float] = {}
    for kind, values in singles.items():
        # A tail from few answers is too short: below LONG_SAMPLES the default fills in.
        found_tail = _percentile(values, LONG_ANSWER_QUANTILE)
        long_answer[kind] = _filled(
            len(values) * found_tail, len(values), base.long_answer_seconds(kind), LONG_SAMPLES
        )
    return replace(pace, long_answer=long_answer, measured=measured)


def _filled(total: float, count: int, default: float, samples: int) -> float:
    """The mean of `count` values summing to `total`, with `default` standing in for each
    of the values missing to make `samples`."""
    missing = max(0, samples - count)
    return (total + missing * default) / (count + missing)


def _percentile(values: Sequence[float], percent: int) -> float:
    """The `percent`-th percentile of `values` (linear between order statistics)."""
    ordered = sorted(values)
    position = (len(ordered) - 1) * percent / 100
    low = math.floor(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


@dataclass(frozen=True)
class TimeBox:
    """What is left of today's plan budget, and how long a card's answer may take.

    Plan mode stops offering a card once a long answer to it (the person's 99th
    percentile) would end past the budget, so a day runs over only when one answer is
    slower than nearly all of the person's answers so far.
    """

    seconds_left: float
    long_answer: Mapping[str, float]

    def fits(self, kind: str, used_seconds: float) -> bool:
        """Whether a card of `kind` may still start after `used_seconds` of this box."""
        allowed = self.long_answer.get(kind, LONG_ANSWER_FACTOR * DEFAULT_SECONDS["concept"])
        return used_seconds + allowed <= self.seconds_left

    @property
    def used_up(self) -> bool:
        """No card of any kind may start: today's minutes are used."""
        return not any(self.fits(kind, 0.0) for kind in self.long_answer)


def time_box(
    plan: InterviewPlan, pace: Pace, spent_seconds: float, kinds: Iterable[str]
) -> TimeBox:
    """Today's time box: the budget minus what today's earlier sessions already spent."""
    return TimeBox(
        seconds_left=plan.minutes_per_day * 60.0 - spent_seconds,
        long_answer={kind: pace.long_answer_seconds(kind) for kind in set(kinds)},
    )


def memory_of(states: Mapping[str, CardState]) -> dict[str, Card]:
    """The fsrs Cards of saved states, by card id."""
    return {card_id: Card.from_json(state.fsrs_card) for card_id, state in states.items()}


def interview_start(plan: InterviewPlan, tz: tzinfo) -> datetime:
    """The moment readiness is measured: the start of the interview's study day, in UTC."""
    return date_start(plan.interview, tz)


def recall_at(card: Card | None, moment: datetime, scheduler: Scheduler) -> float:
    """fsrs's predicted probability of recall at `moment`; 0 for a card never seen.

    fsrs's own forgetting curve (`Scheduler.get_card_retrievability`), with its decay and
    factor read once from the scheduler: the same expression, evaluated in the same order on
    the same floats, so the same bits, without fsrs's method call and `as_utc` per card
    (readiness and the last pass ask it some 700,000 times for a heavy home's forecast).
    `tests/study/test_plan_recall_fast.py` compares it with fsrs's on random states.
    """
    if card is None:
        return 0.0
    curve = _curve(scheduler)
    if curve is None or moment.tzinfo is None:
        return float(scheduler.get_card_retrievability(card, as_utc(moment)))
    reviewed, stability = card.last_review, card.stability
    if reviewed is None or stability is None:
        return 0.0
    return _plain_recall(reviewed, stability, moment, curve)


def _curve(scheduler: Scheduler) -> tuple[float, float] | None:
    """fsrs's forgetting-curve constants (factor, decay) of `scheduler` for the quick paths,
    or None where this fsrs does not keep them as `get_card_retrievability` reads them, or
    its private pieces do not give what its public methods give (`_internals_agree`): then
    fsrs's methods are called."""
    constants = _curve_constants(scheduler)
    return constants if constants is not None and _internals_agree() else None


def _curve_constants(scheduler: Scheduler) -> tuple[float, float] | None:
    """`_FACTOR` and `_DECAY` as fsrs 6 keeps them, when it has them and the `parameters`
    its stability formulas read (`_PlainReviews`)."""
    factor = getattr(scheduler, "_FACTOR", None)
    decay = getattr(scheduler, "_DECAY", None)
    parameters = getattr(scheduler, "parameters", None)
    if (
        isinstance(factor, float)
        and isinstance(decay, float)
        and isinstance(parameters, tuple)
        and len(parameters) >= 19
    ):
        return factor, decay
    return None


@functools.cache
def _internals_agree() -> bool:
    """Whether the private pieces of fsrs the quick paths use (`_FACTOR`, `_DECAY`, and
    its stability formulas as `_PlainReviews` writes them out) give, to the bit, what its
    public methods give on probe cards.

    pyproject asks only fsrs>=6 and uv.lock pins the version the tests compare against
    (`tests/study/test_plan_recall_fast.py`); an fsrs installed otherwise may rename or
    change them. Checked once a process; if they disagree, every recall goes through
    fsrs's public methods, slower and right."""
    try:
        scheduler = Scheduler(enable_fuzzing=False, relearning_steps=())
        constants = _curve_constants(scheduler)
        if constants is None:
            return False
        reviewed = datetime(2026, 1, 5, 9, 30, tzinfo=UTC)
        when = reviewed + timedelta(days=5, hours=3)
        start = when + timedelta(days=4, hours=14)
        probes = (
            (State.Review, 0.4, 8.9),
            (State.Relearning, 3.7, 6.1),
            (State.Learning, 210.0, 2.2),
        )
        for state, stability, difficulty in probes:
            card = Card(
                state=state,
                step=None if state == State.Review else 0,
                stability=stability,
                difficulty=difficulty,
                last_review=reviewed,
                due=when,
            )
            chance = float(scheduler.get_card_retrievability(card, when))
            if _plain_recall(reviewed, stability, when, constants) != chance:
                return False
            kept, _ = scheduler.review_card(card, Rating.Good, review_datetime=when)
            lapsed, _ = scheduler.review_card(card, Rating.Again, review_datetime=when)
            expected = chance * float(scheduler.get_card_retrievability(kept, start)) + (
                1 - chance
            ) * float(scheduler.get_card_retrievability(lapsed, start))
            if _recall_after_plain_review(card, when, start, scheduler, constants) != expected:
                return False
    except Exception:  # noqa: BLE001 - any failure of a private piece means: do not use it
        return False
    return True


def _plain_recall(
    reviewed: datetime, stability: float, moment: datetime, constants: tuple[float, float]
) -> float:
    """fsrs's forgetting curve at `moment` for a card last reviewed at `reviewed`."""
    factor, decay = constants
    # aware datetimes subtract as instants: the days are those between the UTC times
    return float((1 + factor * max(0, (moment - reviewed).days) / stability) ** decay)


@dataclass(frozen=True)
class Readiness:
    """Mean predicted recall at one moment, overall and per topic (a never-seen card is 0)."""

    overall: float
    by_topic: dict[str, float]
    """By topic name then pack; a name two packs share is one entry per pack, "topic (pack)"."""
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
    totals: dict[tuple[str, str], list[float]] = {}
    known = [memory.get(card.id) for card in cards]
    recalls = _recalls(known, moment, scheduler)
    for card, recall in zip(cards, recalls, strict=True):
        pack = getattr(card, "pack", "")  # pack_of, inlined (called per card and per day)
        group = (pack if isinstance(pack, str) else "", card.topic)
        totals.setdefault(group, []).append(recall)
    count = len(cards)
    # a topic name two packs share is one figure per pack, "topic (pack)", as in stats
    labels = topic_labels(totals)
    return Readiness(
        overall=_mean(recalls),
        by_topic={
            labels[group]: sum(values) / len(values)
            for group, values in sorted(totals.items(), key=lambda item: item[0][::-1])
        },
        cards=count,
        seen=sum(1 for one in known if one is not None),
    )


def _recalls(known: Iterable[Card | None], moment: datetime, scheduler: Scheduler) -> list[float]:
    """`recall_at(card, moment, scheduler)` of each card, the curve's constants read once:
    readiness asks it of every card twice a forecast day, the last pass once a day."""
    curve = _curve(scheduler) if moment.tzinfo is not None else None
    if curve is None:
        return [recall_at(card, moment, scheduler) for card in known]
    factor, decay = curve
    found: list[float] = []
    for card in known:  # _plain_recall, inlined
        reviewed, stability = (None, None) if card is None else (card.last_review, card.stability)
        found.append(
            0.0
            if reviewed is None or stability is None
            else float((1 + factor * max(0, (moment - reviewed).days) / stability) ** decay)
        )
    return found


def _mean(values: Sequence[float]) -> float:
    """The mean of `values` added one by one in their order (0 for none): not `sum`, whose
    floats Python 3.12 adds with compensation, so that the printed figures keep their bits."""
    total = 0.0
    for value in values:
        total += value
    return total / len(values) if values else 0.0


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


FITS_SLACK = 1e-9
"""A cost within this of the seconds left still fits (rounding of summed seconds)."""


def _fits(cost: float, left: float) -> bool:
    return cost <= left + FITS_SLACK


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
    The app decides once a day, from the day's start (`quiz.study.plan_status`): the
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
    for card in cards:  # one pass, the state checked inline (10,000 cards a forecast day)
        known = memory.get(card.id)
        if known is None:
            unseen.append(card)
        elif known.state in _STEPPING and _stepping_today(known, today, tz):
            stepping.append((card, known))
    if not steps_fit(
        unseen, stepping, plan, days_left, final_days(cards, plan, days_left, pace), left, pace
    ):
        return False
    # The last pass looks at each card once: a step minutes after an answer adds little
    # recall on the day by fsrs's model (nothing on the eve, which counts as recalled
    # anyway), and costs a review's time the next card needs.
    return days_left > pass_days(cards, unseen, plan, days_left, left, pace)


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
    same scheduler (the forecast's days).

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
            if imposed or _fits(cost, left):
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
    #    more recall on the day than one now, and it reviews only as much as the day needs.
    #    Plan mode sorts only those cards (the order of a sort of all the due cards, left
    #    out the others: each day of a heavy home's forecast sorted 10,000 for none).
    candidates = (
        studied
        if not time_reviews
        else [card for card in studied if _stepping_today(memory[card.id], today, tz)]
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
        if _fits(cost, left):
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
    return replace(day, reviews=reviews, forward=forward, new=new, seconds=seconds)


@dataclass(frozen=True)
class Ahead:
    """What may be studied ahead now (`study_ahead`)."""

    cards: tuple[str, ...] = ()
    """The next new cards that fit in the minutes left, in content order."""
    last_pass: bool = False
    """None is offered because the plan is in its last pass, decided so at the day's
    start or, planned now, with what is left of the day: it places the looks left on
    their best days itself, and a person told "no card fits" would be told wrong."""


def study_ahead(
    rest: DayPlan,
    cards: Sequence[StudyCard],
    memory: Mapping[str, Card],
    plan: InterviewPlan,
    now: datetime,
    *,
    tz: tzinfo,
    scheduler: Scheduler,
    pace: Pace,
    spent_seconds: float,
) -> Ahead:
    """The new cards a person may study ahead once today's list is done (`rest`, what is
    left of the day's plan, is empty): the next unseen cards in content order, as many as
    fit in what is left of today's minutes at `pace`, the pace measured now.

    The day is decided once, at its first answer, with the pace known then: a new
    learner's first day is planned at the default pace, and someone quicker than it
    finishes the list with minutes to spare. Those minutes are the budget the plan was
    given; studying ahead spends them on the cards the next days would introduce (the
    new cards come first in plan mode, so seeing them sooner leaves the last pass more
    room), as Anki's custom study ("increase today's new card limit") does. It is offered
    apart from the day's counts, which still only go down: the person asks for it.

    None are offered while the day's list has cards left, in the last pass (it places the
    looks that are left on their best days itself), or on and after the interview day.
    """
    if rest.queue:
        return Ahead()
    if rest.last_pass:
        return Ahead(last_pass=True)
    now_day = plan_day(
        cards,
        memory,
        plan,
        now,
        tz=tz,
        scheduler=scheduler,
        pace=pace,
        spent_seconds=spent_seconds,
        same_day_steps=rest.same_day_steps,
    )
    if now_day is None:
        return Ahead()
    if now_day.last_pass:  # the minutes spent since the day was decided brought it forward
        return Ahead(last_pass=True)
    return Ahead(cards=now_day.new)


def steps_due(memory: Mapping[str, Card], now: datetime, tz: tzinfo) -> list[str]:
    """The cards of `memory` in a same-day learning or relearning step of an answer given
    today, due by `now` (soonest first): what `rest_of_day` adds to the day's reviews."""
    moment = as_utc(now)
    today = local_date(moment, tz)
    return sorted(
        (
            card_id
            for card_id, card in memory.items()
            if _stepping_today(card, today, tz) and card.due <= moment
        ),
        key=lambda card_id: (memory[card_id].due, card_id),
    )


_STEPPING = (State.Learning, State.Relearning)


def _stepping_today(card: Card, today: date, tz: tzinfo) -> bool:
    """A learning or relearning step of an answer given today (fsrs's same-day steps)."""
    return (
        card.state in _STEPPING
        and card.last_review is not None
        and local_date(card.last_review, tz) == today
    )


def _recall_after_review(
    card: Card, when: datetime, start: datetime, scheduler: Scheduler, *, steps: bool = True
) -> float:
    """Expected recall at `start` if `card` is reviewed at `when` (recalled or not; a
    lapse is relearned the same day only with `steps`, through `scheduler`'s relearning
    steps that come back within the day, answered Good).

    A card with a memory state (in review, relearning or learning), last reviewed a day or
    more before `when`, whose lapse is not asked again the same day (the last pass's usual
    case) takes `_recall_after_plain_review`: only the stabilities fsrs's `review_card`
    would work out, without its two card copies. fsrs works them out alike in the three
    states on that path (`_next_stability` with the card's retrievability at `when`, whose
    formulas `_PlainReviews` writes out).
    """
    curve = _plain_curve(card, start, scheduler, steps=steps)
    if curve is not None and _plain_when(card, when):
        return _recall_after_plain_review(card, when, start, scheduler, curve)
    return _recall_after_review_fsrs(card, when, start, scheduler, steps=steps)


def _plain_curve(
    card: Card, start: datetime, scheduler: Scheduler, *, steps: bool
) -> tuple[float, float] | None:
    """The curve's constants when `card`'s review takes `_recall_after_plain_review` at
    every moment `_plain_when` allows (None: fsrs's `review_card` at every moment): a card
    with a memory state, a recall moment with its time zone, and a lapse not asked again
    the same day. Asked once per card by `RecallCache.after_reviews`, for all its days."""
    if (
        card.last_review is None
        or card.stability is None
        or card.difficulty is None
        or start.tzinfo is None
        or _lapse_stepped_same_day(scheduler, card.state, steps=steps)
    ):
        return None
    return _curve(scheduler)


def _plain_when(card: Card, when: datetime) -> bool:
    """Whether a review of `card` at `when` takes the quick path (given `_plain_curve`):
    a moment with its time zone, a day or more after the card's last review."""
    assert card.last_review is not None
    return when.tzinfo is not None and (when - card.last_review).days >= 1


def _lapse_stepped_same_day(scheduler: Scheduler, state: State, *, steps: bool) -> bool:
    """Whether `_recall_after_review_fsrs` would review a lapse of a card in `state` again
    the same day: with `steps` and a first step under a day. fsrs sends an Again in review
    or relearning to the first relearning step, and one in learning to the first learning
    step (none: straight to review)."""
    first = scheduler.learning_steps if state == State.Learning else scheduler.relearning_steps
    return steps and len(first) > 0 and first[0] < timedelta(days=1)


def _recall_after_plain_review(
    card: Card,
    when: datetime,
    start: datetime,
    scheduler: Scheduler,
    curve: tuple[float, float] | None,
) -> float:
    """`_recall_after_review_fsrs` for a card with a stability and a difficulty (in review,
    relearning or learning: `review_card` takes the same path in each), last reviewed at
    least a day before `when`, whose lapse is not asked again the same day: the stability
    after Good and after Again from fsrs's own formulas (what `review_card` works out on
    that path: the difficulty it also updates does not enter the recall), each then on
    fsrs's forgetting curve from `when` (the review becomes the card's last) to `start`.
    `curve`: `_curve`'s constants (given, so that `_internals_agree` can check this
    function before `_curve` trusts it)."""
    return _PlainReviews(card, scheduler, curve).recall(when, start)


class _PlainReviews:
    """`_recall_after_plain_review` of one card at many moments (the last pass prices a
    card's review on every day left): fsrs's `_next_stability` after Good
    (`_next_recall_stability`) and after Again (`_next_forget_stability`), each clamped at
    `STABILITY_MIN`, written out with the factors that do not depend on the moment worked
    out once per card. Each is the leading part of fsrs's own product, in its order of
    operations (the Good formula's `* hard_penalty * easy_bonus` are `* 1`), so every
    moment's stabilities are fsrs's to the bit; `_internals_agree` checks them against
    `review_card` before `_curve` lets any recall take this path."""

    __slots__ = ("_good", "_lapse", "_last", "_recall_w", "_short", "_stability", "_curve")

    def __init__(self, card: Card, scheduler: Scheduler, curve: tuple[float, float] | None):
        assert curve is not None and card.stability is not None and card.difficulty is not None
        assert card.last_review is not None
        w = scheduler.parameters
        stability, difficulty = card.stability, card.difficulty
        self._stability, self._last, self._curve = stability, card.last_review, curve
        self._good = (math.e ** w[8]) * (11 - difficulty) * (stability ** -w[9])
        self._lapse = w[11] * (difficulty ** -w[12]) * (((stability + 1) ** (w[13])) - 1)
        self._short = stability / (math.e ** (w[17] * w[18]))
        self._recall_w = (w[10], w[14])

    def stabilities(self, chance: float) -> tuple[float, float]:
        """The stability after Good and after Again of a review whose retrievability is
        `chance`: `_next_stability(..., rating=Good)` and `(..., rating=Again)`."""
        good_w, again_w = self._recall_w
        kept = max(
            self._stability * (1 + self._good * ((math.e ** ((1 - chance) * good_w)) - 1)),
            STABILITY_MIN,
        )
        lapsed = max(
            min(self._lapse * (math.e ** ((1 - chance) * again_w)), self._short), STABILITY_MIN
        )
        return kept, lapsed

    def recall(self, when: datetime, start: datetime) -> float:
        """Expected recall at `start` after a review at `when` (a day or more after the last)."""
        factor, decay = self._curve
        chance = _plain_recall(self._last, self._stability, when, self._curve)
        kept, lapsed = self.stabilities(chance)
        elapsed = max(0, (start - when).days)
        return chance * float((1 + factor * elapsed / kept) ** decay) + (1 - chance) * float(
            (1 + factor * elapsed / lapsed) ** decay
        )


def _recall_after_review_fsrs(
    card: Card, when: datetime, start: datetime, scheduler: Scheduler, *, steps: bool = True
) -> float:
    """`_recall_after_review` through fsrs's `review_card`: every case, and the reference
    the quick path is tested against."""
    chance = recall_at(card, when, scheduler)
    kept, _ = scheduler.review_card(card, Rating.Good, review_datetime=when)
    lapsed, _ = scheduler.review_card(card, Rating.Again, review_datetime=when)
    for _step in range(10 if steps else 0):
        if lapsed.state == State.Review or lapsed.due - when >= timedelta(days=1):
            break
        lapsed, _ = scheduler.review_card(lapsed, Rating.Good, review_datetime=lapsed.due)
    return chance * recall_at(kept, start, scheduler) + (1 - chance) * recall_at(
        lapsed, start, scheduler
    )


class RecallCache:
    """`_recall_after_review` remembered by the card's whole fsrs state, the moment of the
    review, the moment of the recall and `steps`, for one scheduler (the caller's).

    The forecast plans each day to the interview on a copy of the memory, and the last
    pass of each of its days prices every seen card's review on every day left: the same
    card state reviewed on the same date, asked again by each later day, and most cards
    are not reviewed from one day to the next. On a heavy home (10,000 cards) that was
    210,000 reviews simulated twice each by fsrs for `drillbit plan`, most of them
    already worked out the day before.

    Kept by the card's state first, then by the review's moment: the last pass asks a
    card's recall on every day left at once (`after_reviews`), one look-up of its state.
    """

    def __init__(self) -> None:
        self._known: dict[tuple[object, ...], dict[datetime, float]] = {}

    def after_review(
        self, card: Card, when: datetime, start: datetime, scheduler: Scheduler, *, steps: bool
    ) -> float:
        """`_recall_after_review`, worked out once per card state, review and recall moment."""
        return self.after_reviews(card, (when,), start, scheduler, steps=steps)[0]

    def after_reviews(
        self,
        card: Card,
        whens: Sequence[datetime],
        start: datetime,
        scheduler: Scheduler,
        *,
        steps: bool,
    ) -> list[float]:
        """`after_review` at each of `whens`, in their order."""
        key = (
            card.state,
            card.step,
            card.stability,
            card.difficulty,
            card.due,
            card.last_review,
            start,
            steps,
        )
        known = self._known.get(key)
        if known is None:
            known = self._known[key] = {}
        found: list[float] = []
        plain: _PlainReviews | None = None
        decided = False
        for when in whens:
            recall = known.get(when)
            if recall is None:
                # _recall_after_review, its path decided once per card
                if not decided:
                    curve = _plain_curve(card, start, scheduler, steps=steps)
                    plain = None if curve is None else _PlainReviews(card, scheduler, curve)
                    decided = True
                if plain is not None and _plain_when(card, when):
                    recall = plain.recall(when, start)
                else:
                    recall = _recall_after_review_fsrs(card, when, start, scheduler, steps=steps)
                known[when] = recall
            found.append(recall)
        return found


def _recall_after_first_look(
    when: datetime, start: datetime, scheduler: Scheduler, *, steps: bool = True
) -> float:
    """Recall at `start` of a new card introduced at `when` and answered Good throughout
    (its first answer only, without `steps`)."""
    card = new_card("new", when)
    for _step in range(5 if steps else 1):
        card, _ = scheduler.review_card(card, Rating.Good, review_datetime=max(when, card.due))
        if card.state == State.Review:
            break
    return recall_at(card, start, scheduler)


@dataclass
class _Looks:
    """The last pass's candidates, each a look at a card on a day (0 is today), as columns:
    look i is at card number `cards[i]` on day `days[i]`.

    Columns, not an object per look: a heavy home's last pass has some 60,000 looks a day,
    each ranking `_fewest_looks` tries reads them whole, and an object per look cost more
    to build and read back than the rankings (the twentieth round's profile).
    """

    names: list[str] = field(default_factory=list)
    """Each card's id, by its number."""
    unseen: list[bool] = field(default_factory=list)
    """By card number: its looks are first looks at a card never seen, not reviews."""
    cards: list[int] = field(default_factory=list)
    days: list[int] = field(default_factory=list)
    gains: list[float] = field(default_factory=list)
    """Predicted recall on the interview day each look adds."""
    costs: list[float] = field(default_factory=list)
    """Expected seconds each look takes."""
    numbers: dict[str, int] = field(default_factory=dict)
    """Each card's number, by its id."""
    arrays: _LookArrays | None = None
    """The same four columns as numpy arrays, when they were built with numpy."""

    def number(self, card_id: str, *, unseen: bool) -> int:
        """The number of `card_id` (the next one when it is new here): a card's looks on
        different days share it, and `_place` takes one look per card by it."""
        found = self.numbers.get(card_id)
        if found is None:
            found = self.numbers[card_id] = len(self.names)
            self.names.append(card_id)
            self.unseen.append(unseen)
        return found


@dataclass(frozen=True)
class _LookArrays:
    """`_Looks`'s four columns as numpy arrays, kept from a build with numpy (`_add_looks`)
    for the rankings, which read them whole."""

    cards: NDArray[np.int64]
    days: NDArray[np.int64]
    gains: NDArray[np.float64]
    costs: NDArray[np.float64]


@dataclass(frozen=True)
class _Reviews:
    """The last pass's seen cards as rows: each one's recall on the interview day after a
    review on each day left (`after`), without one (`now`), its number and seconds."""

    after: list[list[float]] = field(default_factory=list)
    now: list[float] = field(default_factory=list)
    numbers: list[int] = field(default_factory=list)
    costs: list[float] = field(default_factory=list)


def _add_looks(
    looks: _Looks,
    reviews: _Reviews,
    firsts: Sequence[float],
    unseen: Sequence[tuple[int, float]],
    *,
    vectorised: bool,
) -> None:
    """Fill `looks`: a review of each row of `reviews` on each day it gains on (its recall
    after less its recall now, above 0), rows in order and days in order; then a first look
    at each `unseen` card (number, seconds) on every day, gaining `firsts[day]`.

    With numpy (`vectorised`) the gains are one matrix and the reviews its positive cells
    in row-major order, which is the loop's order, by the same subtraction (IEEE on both
    sides), and the columns are kept as arrays (`_LookArrays`) for the rankings: a heavy
    home's last pass made some 60,000 looks a day by four appends each.
    """
    if not vectorised:
        add_card, add_day = looks.cards.append, looks.days.append
        add_gain, add_cost = looks.gains.append, looks.costs.append
        for after, now, number, cost in zip(
            reviews.after, reviews.now, reviews.numbers, reviews.costs, strict=True
        ):
            for offset, recall in enumerate(after):
                gain = recall - now
                if gain > 0:
                    add_card(number)
                    add_day(offset)
                    add_gain(gain)
                    add_cost(cost)
        for number, cost in unseen:
            for offset, gain in enumerate(firsts):
                add_card(number)
                add_day(offset)
                add_gain(gain)
                add_cost(cost)
        return
    import numpy as np

    cards = [np.empty(0, dtype=np.int64)]
    days = [np.empty(0, dtype=np.int64)]
    gains = [np.empty(0, dtype=np.float64)]
    costs = [np.empty(0, dtype=np.float64)]
    if reviews.after:
        matrix = np.array(reviews.after, dtype=np.float64)
        matrix -= np.array(reviews.now, dtype=np.float64)[:, None]
        row, day = np.nonzero(matrix > 0)
        cards.append(np.array(reviews.numbers, dtype=np.int64)[row])
        days.append(day.astype(np.int64))
        gains.append(matrix[row, day])
        costs.append(np.array(reviews.costs, dtype=np.float64)[row])
    if unseen and firsts:
        numbers, seconds = zip(*unseen, strict=True)
        cards.append(np.repeat(np.array(numbers, dtype=np.int64), len(firsts)))
        days.append(np.tile(np.arange(len(firsts), dtype=np.int64), len(unseen)))
        gains.append(np.tile(np.array(firsts, dtype=np.float64), len(unseen)))
        costs.append(np.repeat(np.array(seconds, dtype=np.float64), len(firsts)))
    arrays = _LookArrays(
        cards=np.concatenate(cards),
        days=np.concatenate(days),
        gains=np.concatenate(gains),
        costs=np.concatenate(costs),
    )
    looks.arrays = arrays
    looks.cards, looks.days = arrays.cards.tolist(), arrays.days.tolist()
    looks.gains, looks.costs = arrays.gains.tolist(), arrays.costs.tolist()


@dataclass(frozen=True)
class _Placement:
    """Where one ranking of the looks put them, and what that placement reaches."""

    days: tuple[tuple[str, ...], ...]
    new: frozenset[str]
    ready: float
    """Readiness on the day summed over the cards, with the placed looks."""
    looks: int
    seconds: float
    crowded: frozenset[int]
    """Days that had to turn a look away for lack of room."""


PRICE_ROUNDS = 16
"""How many prices per second of a crowded day `_fewest_looks` tries."""
PRICE_STEP = 1.35
"""Each round multiplies a crowded day's price per second by this (the first price is a
fiftieth of the best recall per second of any look)."""


@dataclass(frozen=True)
class _Columns:
    """What every ranking `_fewest_looks` tries reads of the looks, made once: their cards
    and days as arrays (None below `NUMPY_LOOKS`: numpy is not used) and the least time."""

    cards: NDArray[np.int64] | None
    """`_Looks.cards` as an array."""
    on_day: NDArray[np.int64] | None
    """`_Looks.days` as an array."""
    costs: NDArray[np.float64] | None
    """`_Looks.costs` as an array."""
    cheapest: float
    """The least time of any look: a day with less room left takes no more look."""

    @classmethod
    def of(cls, looks: _Looks, *, vectorised: bool = False) -> _Columns:
        cards = on_day = costs = None
        if vectorised and looks.arrays is not None:
            cards, on_day, costs = looks.arrays.cards, looks.arrays.days, looks.arrays.costs
        elif vectorised:
            import numpy as np

            cards = np.array(looks.cards, dtype=np.int64)
            on_day = np.array(looks.days, dtype=np.int64)
            costs = np.array(looks.costs, dtype=np.float64)
        cheapest = min(looks.costs, default=0.0)
        return cls(cards=cards, on_day=on_day, costs=costs, cheapest=cheapest)


def _place(
    looks: _Looks,
    room: Sequence[float],
    ready: float,
    goal: float,
    order: Sequence[int] | NDArray[np.int64] | _Ranking,
    columns: _Columns | None = None,
) -> _Placement:
    """Take the looks in `order` (indices), one day per card, while the day has room,
    until readiness reaches `goal`.

    Once no day has room for even the quickest look, nothing more is placed: the looks
    left only mark their days crowded (those of cards not placed), found at once instead
    of one look at a time (most of the 200,000 looks of a heavy home's last pass come
    after the days are full, and `_fewest_looks` places them up to 17 times a day).
    With numpy (`columns` with arrays), the walk skips the looks that can do nothing
    when it reaches them (`_live`): nine in ten on a heavy home; `order` may then be a
    `_Ranking`, sorted only as far as the walk reads it.
    """
    cols = columns if columns is not None else _Columns.of(looks)
    cards, on_day, costs, gains = looks.cards, looks.days, looks.costs, looks.gains
    left = list(room)
    open_days = sum(1 for room_left in left if _fits(cols.cheapest, room_left))
    taken = bytearray(len(looks.names))
    """By card number: 1 once one of its looks is placed."""
    placed: list[int] = []
    days: list[list[str]] = [[] for _ in room]
    crowded: set[int] = set()
    seconds = 0.0
    ranking: _Ranking | None = None
    plain: Sequence[int] | NDArray[np.int64] = ()
    walk: Iterable[tuple[int, int]]
    if cols.cards is not None:
        ranking = _Ranking.of(order)
        walk = _live(ranking, cols, left, crowded, taken)
    else:
        assert not isinstance(order, _Ranking), "a _Ranking is numpy's: columns with arrays"
        plain = order
        walk = enumerate(plain)
    for position, index in walk:
        if ready >= goal:
            break  # the day is covered: no look is spent beyond the goal
        if not open_days:
            # no look fits any more: each one left of a card not placed is turned away
            rest = ranking.rest(position) if ranking is not None else plain[position:]
            crowded.update(_turned_away(looks, cols, rest, taken))
            break
        card = cards[index]
        if taken[card]:
            continue
        day, cost = on_day[index], costs[index]
        if not cost <= left[day] + FITS_SLACK:  # not _fits(cost, left[day]), inlined
            crowded.add(day)
            continue
        taken[card] = 1
        placed.append(card)
        ready += gains[index]
        seconds += cost
        was_open = _fits(cols.cheapest, left[day])
        left[day] -= cost
        if was_open and not _fits(cols.cheapest, left[day]):
            open_days -= 1
        days[day].append(looks.names[card])
    return _Placement(
        days=tuple(tuple(day) for day in days),
        new=frozenset(looks.names[card] for card in placed if looks.unseen[card]),
        ready=ready,
        looks=len(placed),
        seconds=seconds,
        crowded=frozenset(crowded),
    )


LIVE_CHUNK = 1024
"""How many looks of a ranking `_live` sifts at a time."""


def _live(
    order: _Ranking,
    cols: _Columns,
    left: list[float],
    crowded: set[int],
    taken: bytearray,
) -> Iterator[tuple[int, int]]:
    """(position, index) of the looks in `order` that may still do something when `_place`
    reaches them, a chunk at a time from its state then (`left`, `crowded`, `taken`, which
    it changes as it walks).

    Left out: the looks of a card placed, and those on a day already crowded that has no
    room for them. A card once placed stays placed, a crowded day stays crowded and its
    room only shrinks, so such a look does nothing when the walk reaches it either. Most
    looks of a heavy home's ranking are of that kind: the best days fill first, and their
    other looks were walked one by one, 900,000 a forecast, only to crowd a crowded day.
    """
    import numpy as np

    assert cols.cards is not None and cols.on_day is not None and cols.costs is not None
    placed = np.frombuffer(taken, dtype=np.bool_)
    for begin in range(0, len(order), LIVE_CHUNK):
        chunk = order.head(begin + LIVE_CHUNK)[begin : begin + LIVE_CHUNK]
        day = cols.on_day[chunk]
        full = np.array([number in crowded for number in range(len(left))], dtype=np.bool_)
        room = np.array(left, dtype=np.float64) + FITS_SLACK  # as `_place` adds it
        idle = placed[cols.cards[chunk]] | (full[day] & ~(cols.costs[chunk] <= room[day]))
        kept = np.flatnonzero(~idle)
        yield from zip((kept + begin).tolist(), chunk[kept].tolist(), strict=True)


def _turned_away(
    looks: _Looks, cols: _Columns, rest: Sequence[int] | NDArray[np.int64], taken: bytearray
) -> set[int]:
    """The days of the looks `rest` (indices) of cards not `taken`."""
    if cols.cards is None or cols.on_day is None:
        return {looks.days[i] for i in rest if not taken[looks.cards[i]]}
    import numpy as np

    left = np.asarray(rest, dtype=np.int64)
    placed = np.frombuffer(taken, dtype=np.bool_)
    days: list[int] = cols.on_day[left][~placed[cols.cards[left]]].tolist()
    return set(days)


TIED_SHARE = 4
"""`_ties_in_order` sorts its ties after the quick sort while they are at most one look
in this many; with more, one stable sort is quicker."""


def _ties_in_order(
    first: NDArray[np.float64], then: NDArray[np.int64], index: NDArray[np.int64]
) -> NDArray[np.int64]:
    """The positions sorted by `first`, then `then`, then `index` (what `numpy.lexsort`
    gives for `index` ascending, as a stable sort keeps it).

    numpy's default sort is not stable, but many times quicker than a stable one on
    floats (a vectorised quicksort where the CPU has the instructions: eight times here);
    the looks it leaves tied on `first` are put in order after, by `then` and `index`.
    Equal values make one group, as in a stable sort (0.0 and -0.0 too); NaNs, which it
    puts last but not grouped, take the stable sort, and so does a part whose ties are
    more than one look in `TIED_SHARE` (sorting them again would cost more).
    """
    import numpy as np

    order = np.argsort(first)
    ordered = first[order]
    if len(ordered) and ordered[-1] != ordered[-1]:  # a NaN
        return np.lexsort((then, first))
    tied = ordered[1:] == ordered[:-1]
    if tied.any():
        # positions in a run of equal values, and each run's number
        in_run = np.zeros(len(order), dtype=np.bool_)
        in_run[1:] |= tied
        in_run[:-1] |= tied
        at = np.flatnonzero(in_run)
        if len(at) * TIED_SHARE > len(order):
            return np.lexsort((then, first))  # mostly ties: one stable sort is quicker
        run = np.concatenate(([0], np.cumsum(~tied)))
        mixed = order[at]
        order[at] = mixed[np.lexsort((index[mixed], then[mixed], run[at]))]
    return order


RANKING_MARGIN = 1.25
"""A ranking of the last pass is first sorted this many times as far as the one before was
read (the walks of one day's rankings reach about as far), plus `LIVE_CHUNK`."""

NUMPY_LOOKS = 20_000
"""From this many looks the last pass ranks them, and finds the days they crowd, with
numpy: on a heavy home (10,000 cards, some 200,000 looks a day) it is many times quicker,
and under it importing numpy (about a third of a second) costs more than it saves."""
NUMPY_LOOKS_LOADED = 2_000
"""Once numpy is imported (by an earlier last pass, say), from this many looks: a heavy
home's forecast ends with last-pass days of 10,000 looks, each ranked 17 times."""


class _Ranking:
    """The looks' indices sorted by `first`, then `then`, ascending, and on a tie of both in
    index order (what `sorted(range(n), key=lambda i: (first[i], then[i]))` gives), sorted
    only as far as they are read.

    `_place` stops walking a ranking once the goal is reached or no day has room: on a
    heavy home within its first 39%, and what is left it reads only as a set (the days
    the rest crowd). So the ranking is sorted in parts from the front: the `size` smallest
    of `first` not yet sorted (`numpy.partition`), with every other look of the same
    `first` as the last one (a tie's group stays whole), sorted (`_ties_in_order`);
    everything left has a larger `first` and comes after. The twenty-second
    round's profile had 85 full `lexsort`s of up to 60,900 looks at about half a second.
    """

    def __init__(
        self, first: NDArray[np.float64], then: NDArray[np.int64], *, size: int | None = None
    ) -> None:
        import numpy as np

        self._first, self._then = first, then
        self._done: NDArray[np.int64] = np.empty(0, dtype=np.int64)
        self._left: NDArray[np.int64] | None = None
        """The indices not sorted yet, ascending (None: all of them)."""
        self._count = len(first)
        self._size = self._count if size is None else max(1, size)
        """How many to sort next."""
        self.read = 0
        """How far from the front the ranking was read (`head`)."""

    @classmethod
    def of(cls, order: Sequence[int] | NDArray[np.int64] | _Ranking) -> _Ranking:
        """`order` as a ranking (one already sorted whole, unless it is a ranking)."""
        if isinstance(order, _Ranking):
            return order
        import numpy as np

        done = np.asarray(order, dtype=np.int64)
        made = cls(np.empty(0, dtype=np.float64), np.empty(0, dtype=np.int64))
        made._done, made._left, made._count = done, done[:0], len(done)
        return made

    def __len__(self) -> int:
        return self._count

    def __iter__(self) -> Iterator[int]:
        return iter(self.head(self._count).tolist())

    def head(self, end: int) -> NDArray[np.int64]:
        """The ranking's first `end` indices (all of them if fewer), and maybe more."""
        self.read = max(self.read, min(end, self._count))
        while len(self._done) < self.read:
            self._sort_more(max(end - len(self._done), self._size))
            self._size = max(self._size, len(self._done))  # each part at least doubles
        return self._done

    def rest(self, position: int) -> NDArray[np.int64]:
        """The indices from `position` on, in no particular order."""
        import numpy as np

        left = np.arange(self._count, dtype=np.int64) if self._left is None else self._left
        return np.concatenate((self._done[position:], left))

    def _sort_more(self, size: int) -> None:
        import numpy as np

        left = np.arange(self._count, dtype=np.int64) if self._left is None else self._left
        first = self._first if self._left is None else self._first[left]
        if size < len(left):
            bound = np.partition(first, size - 1)[size - 1]
            # a NaN bound takes the rest whole: lexsort puts NaNs last, as a full sort does
            part = first <= bound if bound == bound else np.ones(len(left), dtype=np.bool_)
        else:
            part = np.ones(len(left), dtype=np.bool_)
        taken = left[part]
        ranked = taken[_ties_in_order(first[part], self._then[taken], taken)]
        self._done = ranked if not len(self._done) else np.concatenate((self._done, ranked))
        self._left = left[~part]


def _fewest_looks(looks: _Looks, room: Sequence[float], ready: float, goal: float) -> _Placement:
    """The placement that reaches `goal` with the fewest looks, each day within `room`.

    Why not the most recall per second: the plan aims at the target with as few reviews
    as possible, and a day's minutes up to the budget are the learner's to spend; ranked
    per second, a drill (ten times a quiz card's time) was hardly ever reviewed, however
    much recall a review of it added, while the days before the eve kept free minutes.
    So looks are ranked by the recall they add, less a price per second on each day that
    ran out of room: the price moves the longest looks off a full day (a drill goes to the
    day before the eve, the quick cards take the eve). Prices are raised step by step on
    the crowded days (a greedy Lagrangian search, `PRICE_ROUNDS`); the ranking per second
    is a candidate too, so a goal it reaches is never missed. Kept: the placement that
    reaches the goal with the fewest looks (then the least time), else the most readiness.
    """

    count = len(looks.days)
    vectorised = count >= NUMPY_LOOKS or ("numpy" in sys.modules and count >= NUMPY_LOOKS_LOADED)
    gains, costs, on_day = looks.gains, looks.costs, looks.days
    columns = _Columns.of(looks, vectorised=vectorised)

    def ranked(prices: Sequence[float]) -> Sequence[int] | _Ranking:
        # best first; on a tie the later day (a look nearer the interview)
        if vectorised:
            price = np.array(prices, dtype=np.float64)[look_day]
            # sorted first as far as the ranking before was read, and a little more
            size = last[0].read * RANKING_MARGIN + LIVE_CHUNK
            last[0] = _Ranking(-(gain - price * cost), later, size=int(size))
            return last[0]
        return sorted(
            range(count),
            key=lambda i: (-(gains[i] - prices[on_day[i]] * costs[i]), -on_day[i]),
        )

    per_second: Sequence[int] | _Ranking
    last: list[_Ranking] = []
    """The last ranking made: how far it was read sizes the next one's first part."""
    if vectorised:
        import numpy as np

        assert columns.on_day is not None
        if looks.arrays is not None:
            gain, cost = looks.arrays.gains, looks.arrays.costs
        else:
            gain = np.array(gains, dtype=np.float64)
            cost = np.array(costs, dtype=np.float64)
        look_day = columns.on_day
        later = -look_day
        per_second = _Ranking(-gain / cost, later, size=count // 4 + LIVE_CHUNK)
        last.append(per_second)
    else:
        per_second = sorted(range(count), key=lambda i: (-gains[i] / costs[i], -on_day[i]))

    def better(one: _Placement, other: _Placement) -> bool:
        reached, was = one.ready >= goal, other.ready >= goal
        if reached != was:
            return reached
        if not reached:
            return one.ready > other.ready
        return (one.looks, one.seconds) < (other.looks, other.seconds)

    best = _place(looks, room, ready, goal, per_second, columns)
    if vectorised and count:
        top = float((gain / cost).max())  # the same quotients; no NaN, so the same greatest
    else:
        top = max((one / seconds for one, seconds in zip(gains, costs, strict=True)), default=0.0)
    prices = [0.0] * len(room)
    for _round in range(PRICE_ROUNDS):
        placement = _place(looks, room, ready, goal, ranked(prices), columns)
        if better(placement, best):
            best = placement
        if not placement.crowded:
            break
        for day in placement.crowded:
            prices[day] = prices[day] * PRICE_STEP if prices[day] else top / 50
    return best


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
) -> LastPass:
    """The last pass from `moment` to the eve of the interview: what to look at, and when.

    Every (card, day) pair is worth the recall on the day it adds (fsrs's forgetting
    curve, expected over recalling or not). The aim is the fewest looks that bring
    predicted readiness on the day to the plan's target plus `margin`, each day within
    its minutes (`today_left` today, the budget on the later days): see `_fewest_looks`.
    Nothing is reviewed beyond what the day needs. A card well above the target on the
    day gains little and comes last, so it is left alone; a card far under it gains most
    on the eve, so the weakest cards wait for the latest days with room, and when the eve
    is full the looks that take longest (a drill) go to the day before.
    What lands on today is today's; the rest is planned again tomorrow.

    `recalls` keeps the recall after a review across calls (`RecallCache`: the forecast's
    days ask the same ones again, a day later each).

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
    whens = [moment + timedelta(days=offset) for offset in range(days_left)]
    known_cards = [memory[card.id] for card in studied]
    # Readiness on the day if nothing more is studied, summed over the cards: the
    # placed looks add to it until the goal.
    now_recalls = _recalls(known_cards, start, scheduler)
    ready = sum(now_recalls)
    goal = (plan.target + margin) * (len(studied) + len(unseen))
    looks = _Looks()
    after = (recalls if recalls is not None else RecallCache()).after_reviews
    # Python's offsets are under a day each way, so a review 3 days before `moment` was
    # on an earlier local date: only the later ones need theirs worked out.
    recent = moment - timedelta(days=3)
    review_costs: dict[str, float] = {}
    # Cards in the same memory state recall the same after a review: worked out once per state.
    afters: dict[tuple[State, float | None, float | None, datetime], list[float]] = {}
    reviews = _Reviews()
    for card, known, now_recall in zip(studied, known_cards, now_recalls, strict=True):
        reviewed = known.last_review
        if reviewed is None or (reviewed >= recent and local_date(reviewed, tz) >= today):
            continue  # answered today already (its steps are plan_day's step 1)
        key = (known.state, known.stability, known.difficulty, reviewed)
        card_after = afters.get(key)
        if card_after is None:
            card_after = afters[key] = after(known, whens, start, scheduler, steps=steps)
        cost = review_costs.get(card.kind)
        if cost is None:
            cost = review_costs[card.kind] = pace.review_seconds(card.kind, steps=steps)
        reviews.after.append(card_after)
        reviews.now.append(now_recall)
        reviews.numbers.append(looks.number(card.id, unseen=False))
        reviews.costs.append(cost)
    first_look = [
        _recall_after_first_look(when, start, scheduler, steps=steps)
        for when in (whens if unseen else ())
    ]
    firsts = [
        (looks.number(card.id, unseen=True), pace.new_seconds(card.kind, steps=steps))
        for card in unseen
    ]
    most = (len(reviews.after) + len(firsts)) * days_left
    vectorised = most >= NUMPY_LOOKS or ("numpy" in sys.modules and most >= NUMPY_LOOKS_LOADED)
    _add_looks(looks, reviews, first_look, firsts, vectorised=vectorised)
    placement = _fewest_looks(looks, room, ready, goal)
    count = len(studied) + len(unseen)
    return LastPass(
        days=placement.days,
        new=placement.new,
        predicted=placement.ready / count if count else 0.0,
    )


def _overall(
    cards: Sequence[StudyCard], memory: Mapping[str, Card], moment: datetime, scheduler: Scheduler
) -> float:
    """`readiness(...).overall` without the topics: a forecast point."""
    return _mean(_recalls([memory.get(card.id) for card in cards], moment, scheduler))


NUMPY_CARDS = 5_000
"""From this many cards the forecast's points take the forgetting curve's base with numpy
(`_DayRecalls`); under it importing numpy costs more than it saves."""
NUMPY_CARDS_LOADED = 500
"""Once numpy is imported, from this many cards."""
_DAY_US = 86_400_000_000
"""Microseconds in a day: `timedelta.days` is the floor of a difference's microseconds
divided by this."""
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


class _DayRecalls:
    """`_overall(cards, memory, moment, scheduler)` for one list of cards at many moments,
    `memory` changing a few cards at a time (`update`): the forecast's two points a day.

    Each card's last review (whole microseconds since the epoch) and stability are kept as
    numpy columns, so a point works out the curve's base `1 + FACTOR * days / S` for all
    cards at once: the whole days between the instants are the floor of their microseconds
    over a day's (what `timedelta.days` is), floored at 0, made a float and multiplied,
    divided and added in the order `_recalls` does, each an IEEE operation rounded alike
    in numpy, so the same bits. The power stays Python's `**` per card (numpy's `power`
    may round otherwise on some machines), and the mean adds one by one in card order as
    `_mean` does. Without the curve's constants, or below `NUMPY_CARDS`: `_overall`.
    """

    def __init__(
        self, cards: Sequence[StudyCard], memory: Mapping[str, Card], scheduler: Scheduler
    ) -> None:
        self._cards, self._memory, self._scheduler = cards, memory, scheduler
        self._curve = _curve(scheduler)
        count = len(cards)
        vectorised = count >= NUMPY_CARDS or (
            "numpy" in sys.modules and count >= NUMPY_CARDS_LOADED
        )
        self._vectorised = self._curve is not None and vectorised
        if not self._vectorised:
            return
        import numpy as np

        self._positions: dict[str, list[int]] = {}
        self._reviewed = np.zeros(count, dtype=np.int64)
        self._stability = np.ones(count, dtype=np.float64)
        self._seen = [False] * count
        for position, card in enumerate(cards):
            self._positions.setdefault(card.id, []).append(position)
            self._set(position, memory.get(card.id))

    def _set(self, position: int, known: Card | None) -> None:
        reviewed = None if known is None else known.last_review
        stability = None if known is None else known.stability
        self._seen[position] = reviewed is not None and stability is not None
        if reviewed is not None and stability is not None:
            self._reviewed[position] = (reviewed - _EPOCH) // timedelta(microseconds=1)
            self._stability[position] = stability

    def update(self, card_id: str) -> None:
        """Take the card's state from the memory again (the caller changed it)."""
        if not self._vectorised:
            return
        known = self._memory.get(card_id)
        for position in self._positions.get(card_id, ()):
            self._set(position, known)

    def overall(self, moment: datetime) -> float:
        """The mean recall of the cards at `moment` (a never-seen card counts 0)."""
        if not self._vectorised or self._curve is None or moment.tzinfo is None:
            return _overall(self._cards, self._memory, moment, self._scheduler)
        import numpy as np

        factor, decay = self._curve
        now_us = (moment - _EPOCH) // timedelta(microseconds=1)
        days = np.maximum((now_us - self._reviewed) // _DAY_US, 0).astype(np.float64)
        bases: list[float] = (1 + factor * days / self._stability).tolist()
        recalls = [
            base**decay if seen else 0.0 for base, seen in zip(bases, self._seen, strict=True)
        ]
        return _mean(recalls)


FORECAST_HOUR = 9
"""The local hour the forecast assumes a day's study happens (after today); the day's start
when the study day starts later than that."""


class ForecastStopped(Exception):
    """`forecast` was told to stop (`stop`): what it had is of no use to anyone."""


@dataclass(frozen=True)
class ForecastDay:
    """Readiness at the start of one coming day, with and without following the plan."""

    day: date
    followed: float
    """If every day's plan is studied and every answer is Good."""
    idle: float
    """If nothing more is studied."""
    seen: int = 0
    """Cards seen at least once by then, every day's plan followed: fewer than the cards
    when the minutes cannot show every one before the day."""


def forecast(
    cards: Sequence[StudyCard],
    memory: Mapping[str, Card],
    plan: InterviewPlan,
    now: datetime,
    *,
    tz: tzinfo,
    scheduler: Scheduler,
    pace: Pace | None = None,
    spent_seconds: float = 0.0,
    same_day_steps: bool | None = None,
    studied_today: Sequence[str] | None = None,
    stop: Callable[[], bool] | None = None,
) -> list[ForecastDay]:
    """Readiness from tomorrow to the interview day: plan followed vs nothing more studied.

    "Followed" runs `plan_day` day by day on a copy of the memory, answering every card
    Good (same-day learning steps too, on the days the plan takes them; fuzz off): a
    sketch of where the plan leads, not a promise, since real answers are not all Good.
    The last point is readiness on the day.

    Today may be the caller's decision (the app's, `quiz.study.plan_status`): the ids
    `studied_today` are what today's sessions give (a buried card is not among them, nor a
    card the minutes leave for tomorrow), and `same_day_steps` whether their answers are
    asked again today. Without `studied_today` today is planned like the later days, with
    `spent_seconds` used; the later days decide as plan_day does.

    ForecastStopped once `stop()` is true before a day: a heavy home's forecast is seconds
    of CPU a day near the interview, and the app, quit meanwhile, waited for all of it.
    """
    exact = Scheduler.from_dict({**scheduler.to_dict(), "enable_fuzzing": False})
    today = local_date(now, tz)
    followed = dict(memory)
    moment = as_utc(now)
    points: list[ForecastDay] = []
    recalls = RecallCache()
    followed_recalls = _DayRecalls(cards, followed, exact)
    idle_recalls = _DayRecalls(cards, memory, exact)
    seen = sum(1 for card in cards if card.id in followed)
    for offset in range((plan.interview - today).days):
        if stop is not None and stop():
            raise ForecastStopped(f"stopped after {offset} of the forecast's days")
        first = offset == 0
        if first and studied_today is not None:
            queue = tuple(studied_today)
            steps = same_day_steps if same_day_steps is not None else True
        else:
            todays = plan_day(
                cards,
                followed,
                plan,
                moment,
                tz=tz,
                scheduler=exact,
                pace=pace,
                spent_seconds=spent_seconds if first else 0.0,
                same_day_steps=same_day_steps if first else None,
                recalls=recalls,
            )
            if todays is None:
                break
            queue, steps = todays.queue, todays.same_day_steps
        for card_id in queue:
            if card_id not in followed:
                seen += 1
            card = followed.get(card_id) or new_card(card_id, moment)
            card, _log = exact.review_card(card, Rating.Good, review_datetime=moment)
            for _step in range(10 if steps else 0):  # today's steps, all Good
                if card.state == State.Review:
                    break
                card, _log = exact.review_card(card, Rating.Good, review_datetime=card.due)
            followed[card_id] = card
            followed_recalls.update(card_id)
        day = today + timedelta(days=offset + 1)
        starts = date_start(day, tz)
        points.append(
            ForecastDay(
                day=day,
                followed=followed_recalls.overall(starts),
                idle=idle_recalls.overall(starts),
                seen=seen,
            )
        )
        moment = starts + timedelta(hours=max(FORECAST_HOUR - day_starts_at(tz), 0))
    return points
