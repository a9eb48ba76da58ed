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
    position: dict[str, int]
    """By card id, its row (the ids are distinct)."""
    known_of: dict[str, Card]
    """By card id, every studied card's state."""
    now_of: dict[str, float]
    """By card id, every studied card's recall now."""


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
        was_known = {} if earlier is None else earlier.known_of
        was_now = {} if earlier is None else earlier.now_of
        position = {} if earlier is None else earlier.position
        recent = moment - timedelta(days=3)
        ids = [card.id for card in studied]
        known_cards = [memory[card_id] for card_id in ids]
        now: list[float] = [0.0] * len(studied)
        missing: list[int] = []
        """Cards whose recall now is worked out (their state moved)."""
        included: list[int] = []
        """Each row's card, by its place in `studied`."""
        from_rows: list[int] = []
        to_rows: list[int] = []
        new_rows: list[int] = []
        new_costs: list[float] = []
        states: dict[tuple[State, float | None, float | None, datetime], int] = {}
        firsts_of_state: list[Card] = []
        state_of: list[int] = []
        review_costs: dict[str, float] = {}
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
            reviewed = known.last_review
            if reviewed is None or (reviewed >= recent and local_date(reviewed, tz) >= today):
                continue  # answered today already (its steps are plan_day's step 1)
            key = (known.state, known.stability, known.difficulty, reviewed)
            state = states.get(key)
            if state is None:
                state = states[key] = len(firsts_of_state)
                firsts_of_state.append(known)
            state_of.append(state)
            new_rows.append(len(included))
            included.append(index)
            kind = studied[index].kind
            cost = review_costs.get(kind)
            if cost is None:
                cost = review_costs[kind] = pace.review_seconds(kind, steps=steps)
            new_costs.append(cost)
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
        if new_rows:
            afters = cache.after_reviews_many(firsts_of_state, whens, start, scheduler, steps=steps)
            after[new_rows] = np.array([afters[state] for state in state_of], dtype=np.float64)
            costs[new_rows] = new_costs
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
        unique = dict(zip(row_ids, range(len(row_ids)), strict=True))
        known_of = dict(zip(ids, known_cards, strict=True))
        distinct = len(unique) == len(row_ids) and len(known_of) == len(ids)
        self._made = (
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
                unique,
                known_of,
                dict(zip(ids, now, strict=True)),
            )
            if distinct  # a card listed twice: nothing is carried (rows by id)
            else None
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
