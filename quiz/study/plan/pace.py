"""The load estimate: how long a person's answers take (`Pace`, from their timed
answers, `estimate_pace`) and today's time box (`TimeBox`), which plan mode budgets with.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import timedelta

from fsrs import Scheduler

from quiz.store.records import InterviewPlan

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


FITS_SLACK = 1e-9
"""A cost within this of the seconds left still fits (rounding of summed seconds)."""


def _fits(cost: float, left: float) -> bool:
    return cost <= left + FITS_SLACK
