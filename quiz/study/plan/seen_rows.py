"""The last pass's rows of seen cards carried from one forecast day to the next
(`CarriedRows`), so a day works out only the rows of the cards whose memory moved.

Each forecast day's last pass prices every seen card: its recall on the interview day now
and after a review on each day left, and its seconds. On a heavy home's 46-day plan that
was 10,000 cards a day for 38 days, of which some 380 a day had been studied the day before
(the others are the same `fsrs.Card` objects in the followed memory). Every figure of a row
is a function of the card's state object, the interview's start, the review moments, the
scheduler, the pace and `steps`; so a card whose state is the same object as the day
before keeps its row, its recalls after a review the day before's without the moments that
have gone by (the same floats), and only the others are worked out (`RecallCache`). What
the last pass then builds from the rows is what it built from rows worked out whole;
`tests/study/test_plan_seen_rows.py` compares the forecasts on random histories.
"""

from __future__ import annotations

import operator
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo
from typing import TYPE_CHECKING

from fsrs import Card, Scheduler, State

from quiz.study.cards import StudyCard
from quiz.study.days import local_date
from quiz.study.plan.curve import RecallCache
from quiz.study.plan.pace import Pace
from quiz.study.plan.recall_on_day import recalls_at

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray


@dataclass(frozen=True)
class SeenRows:
    """One day's seen-card rows: what `last_pass` reads (its sum of recalls now, the rows'
    card ids and seconds) and `add_looks` takes as one matrix."""

    now: list[float]
    """Every studied card's recall on the day if nothing more is studied, in their order
    (answered today or not: readiness's sum counts them all)."""
    ids: list[str]
    """The rows' cards: the studied ones not answered today, in their order."""
    known: list[Card]
    """Their memory states (the objects), row by row."""
    row_now: NDArray[np.float64]
    """Their recall now, row by row."""
    costs: NDArray[np.float64]
    """Their seconds a review, row by row."""
    after: NDArray[np.float64]
    """Row by row, the recall on the day after a review on each day left."""


@dataclass(frozen=True)
class _Made:
    """What a day's rows were made with: a later day may carry them only when these agree."""

    today: date
    moment: datetime
    whens: tuple[datetime, ...]
    start: datetime
    tz: tzinfo
    scheduler: Scheduler
    pace: Pace
    steps: bool
    rows: SeenRows
    ids: list[str]
    """Every studied card's id, in their order (distinct)."""
    known: list[Card]
    """Every studied card's state, in their order."""
    row_of: list[int]
    """By place in `ids`, the card's row (-1: not a row)."""

    def by_id(self) -> tuple[dict[str, Card], dict[str, float], dict[str, int]]:
        """Each studied card's state, recall now and row (if any), by card id: for a day
        whose cards are not these in this order (the positional carry needs them to be)."""
        rows = self.rows
        return (
            dict(zip(self.ids, self.known, strict=True)),
            dict(zip(self.ids, rows.now, strict=True)),
            dict(zip(rows.ids, range(len(rows.ids)), strict=True)),
        )


class _FreshRows:
    """The cards whose rows a day works out afresh (their state moved, or no row to carry),
    one step each in the cards' order: the carried loop and the in-place carry take the
    same steps, so their rows come out the same."""

    def __init__(self, today: date, recent: datetime, tz: tzinfo, pace: Pace, steps: bool):
        self._today, self._recent, self._tz = today, recent, tz
        self._pace, self._steps = pace, steps
        self._states: dict[tuple[State, float | None, float | None, datetime], int] = {}
        self._firsts: list[Card] = []
        """The first card of each distinct state: the curve is worked out once a state."""
        self._state_of: list[int] = []
        self._review_costs: dict[str, float] = {}
        self._costs: list[float] = []

    def takes(self, known: Card, kind: str) -> bool:
        """Whether the card gets a row (not answered today already: its steps are plan_day's
        step 1), noting its state and its review's cost when it does."""
        reviewed = known.last_review
        if reviewed is None or (
            reviewed >= self._recent and local_date(reviewed, self._tz) >= self._today
        ):
            return False
        key = (known.state, known.stability, known.difficulty, reviewed)
        state = self._states.get(key)
        if state is None:
            state = self._states[key] = len(self._firsts)
            self._firsts.append(known)
        self._state_of.append(state)
        cost = self._review_costs.get(kind)
        if cost is None:
            cost = self._review_costs[kind] = self._pace.review_seconds(kind, steps=self._steps)
        self._costs.append(cost)
        return True

    def fill(
        self,
        after: NDArray[np.float64],
        costs: NDArray[np.float64],
        rows: list[int],
        whens: tuple[datetime, ...],
        start: datetime,
        scheduler: Scheduler,
        cache: RecallCache,
    ) -> None:
        """Write the taken cards' curves and costs at `rows` (one per card taken, in order)."""
        if not rows:
            return
        import numpy as np

        afters = cache.after_reviews_many(self._firsts, whens, start, scheduler, steps=self._steps)
        after[rows] = np.array([afters[state] for state in self._state_of], dtype=np.float64)
        costs[rows] = self._costs


class CarriedRows:
    """The last day's rows, kept for the next day of one forecast (`forecast` makes one).

    A later day carries a card's row when its state is the same object, the moments asked
    are the earlier ones' end (a day or more on), the day and the moment not earlier, and
    the start, zone, scheduler, pace (equal) and `steps` the same: a card answered on the earlier day
    (skipped then, "answered today") has a new state object, so it is worked out anew, and
    a card included then is included now (its last review only grows older)."""

    def __init__(self) -> None:
        self._made: _Made | None = None
        self.carried = 0
        """How many rows the last call carried (tests read it)."""

    def rows(
        self,
        studied: Sequence[StudyCard],
        memory: Mapping[str, Card],
        moment: datetime,
        whens: tuple[datetime, ...],
        start: datetime,
        *,
        tz: tzinfo,
        scheduler: Scheduler,
        pace: Pace,
        steps: bool,
        cache: RecallCache,
    ) -> SeenRows:
        """The rows of `studied` at `moment`, the ones of unchanged cards carried."""
        import numpy as np

        today = local_date(moment, tz)
        made = self._usable(today, moment, start, tz, scheduler, pace, steps)
        skip = None if made is None else _skip(made.whens, whens)
        earlier = made if skip is not None else None
        recent = moment - timedelta(days=3)
        ids = [card.id for card in studied]
        known_cards = [memory[card_id] for card_id in ids]
        if earlier is not None and earlier.ids == ids:
            assert skip is not None
            return self._carried_in_place(
                earlier,
                skip,
                studied,
                ids,
                known_cards,
                moment,
                whens,
                start,
                today,
                recent,
                tz=tz,
                scheduler=scheduler,
                pace=pace,
                steps=steps,
                cache=cache,
            )
        was_known, was_now, position = ({}, {}, {}) if earlier is None else earlier.by_id()
        now: list[float] = [0.0] * len(studied)
        missing: list[int] = []
        """Cards whose recall now is worked out (their state moved)."""
        included: list[int] = []
        """Each row's card, by its place in `studied`."""
        from_rows: list[int] = []
        to_rows: list[int] = []
        new_rows: list[int] = []
        fresh = _FreshRows(today, recent, tz, pace, steps)
        known_at, row_at = was_known.get, position.get
        for index, (card_id, known) in enumerate(zip(ids, known_cards, strict=True)):
            if known_at(card_id) is known:  # the same state object: its recall now too
                now[index] = was_now[card_id]
                row = row_at(card_id)
                if row is not None:  # and its row
                    from_rows.append(row)
                    to_rows.append(len(included))
                    included.append(index)
                    continue
            else:
                missing.append(index)
            if fresh.takes(known, studied[index].kind):
                new_rows.append(len(included))
                included.append(index)
        if missing:
            worked = recalls_at([known_cards[index] for index in missing], start, scheduler)
            for index, recall in zip(missing, worked, strict=True):
                now[index] = recall
        after = np.empty((len(included), len(whens)), dtype=np.float64)
        costs = np.empty(len(included), dtype=np.float64)
        if earlier is not None and from_rows:
            assert skip is not None
            after[to_rows] = earlier.rows.after[from_rows, skip:]
            costs[to_rows] = earlier.rows.costs[from_rows]
        fresh.fill(after, costs, new_rows, whens, start, scheduler, cache)
        row_ids = [ids[index] for index in included]
        rows = SeenRows(
            now=now,
            ids=row_ids,
            known=[known_cards[index] for index in included],
            row_now=np.array(now, dtype=np.float64)[included],
            costs=costs,
            after=after,
        )
        self.carried = len(from_rows)
        row_of = [-1] * len(ids)
        for row, index in enumerate(included):
            row_of[index] = row
        self._keep(
            _Made(
                today,
                moment,
                whens,
                start,
                tz,
                scheduler,
                pace,
                steps,
                rows,
                ids,
                known_cards,
                row_of,
            )
        )
        return rows

    def _keep(self, made: _Made) -> None:
        """Keep this day's rows for the next, unless a card is listed twice (nothing is
        carried then: rows by id)."""
        self._made = made if len(set(made.ids)) == len(made.ids) else None

    def _carried_in_place(
        self,
        earlier: _Made,
        skip: int,
        studied: Sequence[StudyCard],
        ids: list[str],
        known_cards: list[Card],
        moment: datetime,
        whens: tuple[datetime, ...],
        start: datetime,
        today: date,
        recent: datetime,
        *,
        tz: tzinfo,
        scheduler: Scheduler,
        pace: Pace,
        steps: bool,
        cache: RecallCache,
    ) -> SeenRows:
        """`rows` when the studied cards are the earlier day's, in the same order (every
        day of one forecast): a card's earlier figures are at its own place, so the cards
        whose state object is the same are told apart in one pass of `is` and their rows
        gathered with numpy, and only the others (some 380 of 10,000 a heavy day) walk the
        loop's steps, in the cards' order, so the states, rows and sums come in the order
        the loop gives them (`tests/study/test_plan_seen_rows.py` compares the two).

        The loop took a Python step of a dozen look-ups per card a day: 0.47 s of a heavy
        home's 46-day forecast (forty-eighth round)."""
        import numpy as np

        count = len(ids)
        same = np.fromiter(map(operator.is_, known_cards, earlier.known), np.bool_, count)
        was_row = np.array(earlier.row_of, dtype=np.int64)
        kept_rows = same & (was_row >= 0)
        now: list[float] = list(earlier.rows.now)
        changed = np.flatnonzero(~same).tolist()
        if changed:
            worked = recalls_at([known_cards[index] for index in changed], start, scheduler)
            for index, recall in zip(changed, worked, strict=True):
                now[index] = recall
        # the loop's steps for every card not carried with its row, in the cards' order
        fresh = _FreshRows(today, recent, tz, pace, steps)
        new_at = [
            index
            for index in np.flatnonzero(~kept_rows).tolist()
            if fresh.takes(known_cards[index], studied[index].kind)
        ]
        is_row = kept_rows.copy()
        is_row[new_at] = True
        included = np.flatnonzero(is_row)
        row_at = np.cumsum(is_row) - 1  # by card place: its row, where it has one
        carried_at = np.flatnonzero(kept_rows)
        to_rows, from_rows = row_at[carried_at], was_row[carried_at]
        after = np.empty((len(included), len(whens)), dtype=np.float64)
        costs = np.empty(len(included), dtype=np.float64)
        after[to_rows] = earlier.rows.after[from_rows, skip:]
        costs[to_rows] = earlier.rows.costs[from_rows]
        fresh.fill(after, costs, row_at[new_at].tolist(), whens, start, scheduler, cache)
        places: list[int] = included.tolist()
        rows = SeenRows(
            now=now,
            ids=[ids[index] for index in places],
            known=[known_cards[index] for index in places],
            row_now=np.array(now, dtype=np.float64)[included],
            costs=costs,
            after=after,
        )
        self.carried = len(carried_at)
        row_of = np.full(count, -1, dtype=np.int64)
        row_of[included] = np.arange(len(included))
        self._keep(
            _Made(
                today,
                moment,
                whens,
                start,
                tz,
                scheduler,
                pace,
                steps,
                rows,
                ids,
                known_cards,
                row_of.tolist(),
            )
        )
        return rows

    def _usable(
        self,
        today: date,
        moment: datetime,
        start: datetime,
        tz: tzinfo,
        scheduler: Scheduler,
        pace: Pace,
        steps: bool,
    ) -> _Made | None:
        """The earlier day's rows when they may be carried to this one."""
        made = self._made
        if made is None:
            return None
        same = (
            made.today <= today
            and made.moment <= moment
            and made.start == start
            and made.tz is tz
            and made.scheduler is scheduler
            and (made.pace is pace or made.pace == pace)
            and made.steps == steps
        )
        return made if same else None


def _skip(before: tuple[datetime, ...], now: tuple[datetime, ...]) -> int | None:
    """How many of `before`'s moments `now` leaves out at the front, when `now` is their end."""
    skip = len(before) - len(now)
    return None if skip < 0 or before[skip:] != now else skip
