"""The forecast over the coming days: readiness at the start of each day until the
interview, with every day's plan followed and with nothing more studied (`forecast`), for
Home's target warning, the stats screen's plot and `drillbit plan`."""

from __future__ import annotations

import sys
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, tzinfo

from fsrs import Card, Rating, Scheduler, State

from quiz.store.records import InterviewPlan
from quiz.study.cards import StudyCard
from quiz.study.days import as_utc, date_start, day_starts_at, local_date
from quiz.study.plan.curve import RecallCache, forgetting_curve
from quiz.study.plan.day_selection import plan_day
from quiz.study.plan.pace import Pace
from quiz.study.plan.recall_on_day import mean_in_order, recalls_at
from quiz.study.plan.seen_rows import CarriedRows
from quiz.study.scheduling import new_card

NUMPY_CARDS = 5_000
"""From this many cards the forecast's points take the forgetting curve's base with numpy
(`_DayRecalls`); under it importing numpy costs more than it saves."""


NUMPY_CARDS_LOADED = 500
"""Once numpy is imported, from this many cards."""


_DAY_US = 86_400_000_000
"""Microseconds in a day: `timedelta.days` is the floor of a difference's microseconds
divided by this."""


_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


def _overall(
    cards: Sequence[StudyCard], memory: Mapping[str, Card], moment: datetime, scheduler: Scheduler
) -> float:
    """`readiness(...).overall` without the topics: a forecast point."""
    return mean_in_order(recalls_at([memory.get(card.id) for card in cards], moment, scheduler))


class _DayRecalls:
    """`_overall(cards, memory, moment, scheduler)` for one list of cards at many moments,
    `memory` changing a few cards at a time (`update`): the forecast's two points a day.

    Each card's last review (whole microseconds since the epoch) and stability are kept as
    numpy columns, so a point works out the curve's base `1 + FACTOR * days / S` for all
    cards at once: the whole days between the instants are the floor of their microseconds
    over a day's (what `timedelta.days` is), floored at 0, made a float and multiplied,
    divided and added in the order `recalls_at` does, each an IEEE operation rounded alike
    in numpy, so the same bits. The power stays Python's `**` per card (numpy's `power`
    may round otherwise on some machines), and the mean adds one by one in card order as
    `mean_in_order` does. Without the curve's constants, or below `NUMPY_CARDS`: `_overall`.
    """

    def __init__(
        self, cards: Sequence[StudyCard], memory: Mapping[str, Card], scheduler: Scheduler
    ) -> None:
        self._cards, self._memory, self._scheduler = cards, memory, scheduler
        self._curve = forgetting_curve(scheduler)
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

    def copy_for(self, memory: Mapping[str, Card]) -> _DayRecalls:
        """These recalls for `memory`, which must hold the same states as this one's now
        (the forecast's followed copy before its first day): the columns are copied, not
        built again card by card (half of the forecast's set-up on a heavy home)."""
        copied = object.__new__(_DayRecalls)
        copied._cards, copied._memory, copied._scheduler = self._cards, memory, self._scheduler
        copied._curve, copied._vectorised = self._curve, self._vectorised
        if self._vectorised:
            copied._positions = self._positions  # by card id: never changed after __init__
            copied._reviewed = self._reviewed.copy()
            copied._stability = self._stability.copy()
            copied._seen = list(self._seen)
        return copied

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
        return mean_in_order(recalls)


FORECAST_HOUR = 9
"""The local hour the forecast assumes a day's study happens (after today); the day's start
when the study day starts later than that."""


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


class ForecastStopped(Exception):
    """`forecast` was told to stop (`stop`): what it had is of no use to anyone."""


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
    progress: Callable[[int, int], None] | None = None,
    recalls: RecallCache | None = None,
) -> list[ForecastDay]:
    """Readiness from tomorrow to the interview day: plan followed vs nothing more studied.

    "Followed" runs `plan_day` day by day on a copy of the memory, answering every card
    Good (same-day learning steps too, on the days the plan takes them; fuzz off): a
    sketch of where the plan leads, not a promise, since real answers are not all Good.
    The last point is readiness on the day.

    Today may be the caller's decision (the app's, `quiz.study.plan_today`): the ids
    `studied_today` are what today's sessions give (a buried card is not among them, nor a
    card the minutes leave for tomorrow), and `same_day_steps` whether their answers are
    asked again today. Without `studied_today` today is planned like the later days, with
    `spent_seconds` used; the later days decide as plan_day does.

    ForecastStopped once `stop()` is true before a day: a heavy home's forecast is seconds
    of CPU a day near the interview, and the app, quit meanwhile, waited for all of it.
    `progress(done, days)` is told before each day how many of the days are done, so a
    command can say how far it is (a minute and more on a heavy home, with no word).

    `recalls`: the last pass's recalls to use, for a caller that keeps them from the
    previous forecast (`RecallCache`'s `earlier`, `PlanCache`), made from a scheduler
    equal to `scheduler`; a fresh one when None.
    """
    exact = Scheduler.from_dict({**scheduler.to_dict(), "enable_fuzzing": False})
    today = local_date(now, tz)
    followed = dict(memory)
    moment = as_utc(now)
    points: list[ForecastDay] = []
    recalls = RecallCache() if recalls is None else recalls
    carried = CarriedRows()  # the last pass's rows of one day, for the next
    idle_recalls = _DayRecalls(cards, memory, exact)
    followed_recalls = idle_recalls.copy_for(followed)  # `followed` is `memory`'s copy
    seen = sum(1 for card in cards if card.id in followed)
    days = (plan.interview - today).days
    for offset in range(days):
        if progress is not None:
            progress(offset, days)
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
                carried=carried,
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
