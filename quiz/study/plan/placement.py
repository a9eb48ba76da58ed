"""Placing looks on days: the best looks first, one day per card, while each day has
room, until readiness on the day reaches the goal (`fewest_looks`); days priced when
full, so that a card moves to a day with room.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray

from quiz.study.plan.looks import CandidateLooks
from quiz.study.plan.pace import FITS_SLACK, cost_fits
from quiz.study.plan.stream_walk import LookStreams, StreamWalk, walk_streams
from quiz.study.plan.ties import ties_in_order


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


@dataclass(frozen=True)
class _Walked:
    """A placement by a merge of the streams (`_place_by_streams`) before its card numbers
    are named: `fewest_looks` compares its 17 placements a day by their sums and names the
    days of the one it keeps only (a heavy home's forecast named 1.6 million placed looks
    for 38 kept placements)."""

    walk: StreamWalk
    looks_named: Sequence[str]
    """The card names by number (`CandidateLooks.names`)."""
    unseen: Sequence[bool]
    """By card number, whether it is still unseen (`CandidateLooks.unseen`)."""
    ready: float
    looks: int
    seconds: float
    crowded: frozenset[int]

    def placement(self) -> _Placement:
        """The placement with its days and new cards named."""
        names, unseen, walked = self.looks_named, self.unseen, self.walk
        return _Placement(
            days=tuple(tuple(map(names.__getitem__, day)) for day in walked.days),
            # most days no unseen card competes: the placed cards are not read one by one
            new=frozenset(names[card] for card in walked.placed if unseen[card])
            if True in unseen
            else frozenset(),
            ready=self.ready,
            looks=self.looks,
            seconds=self.seconds,
            crowded=self.crowded,
        )


PRICE_ROUNDS = 16
"""How many prices per second of a crowded day `fewest_looks` tries."""


PRICE_STEP = 1.35
"""Each round multiplies a crowded day's price per second by this (the first price is a
fiftieth of the best recall per second of any look)."""


@dataclass(frozen=True)
class _Columns:
    """What every ranking `fewest_looks` tries reads of the looks, made once: their cards
    and days as arrays (None below `NUMPY_LOOKS`: numpy is not used) and the least time."""

    cards: NDArray[np.int64] | None
    """`CandidateLooks.cards` as an array."""
    on_day: NDArray[np.int64] | None
    """`CandidateLooks.days` as an array."""
    costs: NDArray[np.float64] | None
    """`CandidateLooks.costs` as an array."""
    cheapest: float
    """The least time of any look: a day with less room left takes no more look."""
    gains: NDArray[np.float64] | None = None
    """`CandidateLooks.gains` as an array."""

    @classmethod
    def of(cls, looks: CandidateLooks, *, vectorised: bool = False) -> _Columns:
        cards = on_day = costs = gains = None
        if vectorised and looks.arrays is not None:
            cards, on_day, costs = looks.arrays.cards, looks.arrays.days, looks.arrays.costs
            gains = looks.arrays.gains
        elif vectorised:
            import numpy as np

            cards = np.array(looks.cards, dtype=np.int64)
            on_day = np.array(looks.days, dtype=np.int64)
            costs = np.array(looks.costs, dtype=np.float64)
            gains = np.array(looks.gains, dtype=np.float64)
        cheapest = looks.cheapest
        return cls(cards=cards, on_day=on_day, costs=costs, cheapest=cheapest, gains=gains)


def _place(
    looks: CandidateLooks,
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
    after the days are full, and `fewest_looks` places them up to 17 times a day).
    With numpy (`columns` with arrays) the walk is `_place_ranked`'s, and `order` may be a
    `_Ranking`, sorted only as far as the walk reads it.
    """
    cols = columns if columns is not None else _Columns.of(looks)
    if cols.cards is not None:
        return _place_ranked(looks, room, ready, goal, _Ranking.of(order), cols)
    assert not isinstance(order, _Ranking), "a _Ranking is numpy's: columns with arrays"
    cards, on_day, costs, gains = looks.cards, looks.days, looks.costs, looks.gains
    left = list(room)
    open_days = sum(1 for room_left in left if cost_fits(cols.cheapest, room_left))
    taken = bytearray(len(looks.names))
    """By card number: 1 once one of its looks is placed."""
    placed: list[int] = []
    days: list[list[str]] = [[] for _ in room]
    crowded: set[int] = set()
    seconds = 0.0
    for position, index in enumerate(order):
        if ready >= goal:
            break  # the day is covered: no look is spent beyond the goal
        if not open_days:
            # no look fits any more: each one left of a card not placed is turned away
            crowded.update(_turned_away(looks, cols, order[position:], taken))
            break
        card = cards[index]
        if taken[card]:
            continue
        day, cost = on_day[index], costs[index]
        if not cost <= left[day] + FITS_SLACK:  # not cost_fits(cost, left[day]), inlined
            crowded.add(day)
            continue
        taken[card] = 1
        placed.append(card)
        ready += gains[index]
        seconds += cost
        was_open = cost_fits(cols.cheapest, left[day])
        left[day] -= cost
        if was_open and not cost_fits(cols.cheapest, left[day]):
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


def _place_ranked(
    looks: CandidateLooks,
    room: Sequence[float],
    ready: float,
    goal: float,
    ranking: _Ranking,
    cols: _Columns,
) -> _Placement:
    """`_place` with numpy's columns: the same walk, over the looks of `ranking` that may
    still do something when it reaches them, sifted a chunk (`LIVE_CHUNK`) at a time from
    the walk's state then, each chunk's looks then read as plain lists (card, day,
    seconds, gain) and `cost_fits` written out.

    Left out of a chunk: the looks of a card placed, and those on a day already crowded
    that has no room for them. A card once placed stays placed, a crowded day stays
    crowded and its room only shrinks, so such a look does nothing when the walk reaches
    it either: nine in ten of a heavy home's looks (the twenty-first round).

    The walk places some 5,000 looks a ranking one at a time, 17 rankings a day: each
    look cost a generator's step, four look-ups by index and two calls until the
    thirty-seventh round, most of a heavy home's forecast. The order, the comparisons and
    the sums are `_place`'s, so the placement is the same to the bit
    (`tests/study/test_plan_speed.py` walks both).
    """
    import numpy as np

    assert cols.cards is not None and cols.on_day is not None
    assert cols.costs is not None and cols.gains is not None
    all_cards, all_days, all_costs, all_gains = cols.cards, cols.on_day, cols.costs, cols.gains
    names = looks.names
    cheapest = cols.cheapest
    left = list(room)
    open_days = sum(1 for room_left in left if cost_fits(cheapest, room_left))
    taken = bytearray(len(names))
    """By card number: 1 once one of its looks is placed."""
    taken_mask = np.frombuffer(taken, dtype=np.bool_)
    placed: list[int] = []
    days: list[list[str]] = [[] for _ in room]
    crowded: set[int] = set()
    seconds = 0.0
    finished = False
    for begin in range(0, len(ranking), LIVE_CHUNK):
        # the chunk's looks that may still do something, from the walk's state now
        chunk = ranking.head(begin + LIVE_CHUNK)[begin : begin + LIVE_CHUNK]
        day_of = all_days[chunk]
        full = np.array([number in crowded for number in range(len(left))], dtype=np.bool_)
        room_now = np.array(left, dtype=np.float64) + FITS_SLACK
        idle = taken_mask[all_cards[chunk]] | (
            full[day_of] & ~(all_costs[chunk] <= room_now[day_of])
        )
        kept = np.flatnonzero(~idle)
        index = chunk[kept]
        column = zip(
            all_cards[index].tolist(),
            all_days[index].tolist(),
            all_costs[index].tolist(),
            all_gains[index].tolist(),
            strict=True,
        )
        for at, (card, day, cost, gain) in enumerate(column):
            if ready >= goal:
                finished = True  # the day is covered: no look is spent beyond the goal
                break
            if not open_days:
                # no look fits any more: each one left of a card not placed is turned away
                if ranking.whole and len(ranking) == len(all_cards):
                    # Every look before this one of a card not placed crowded its day
                    # already (walked, or sifted out on a crowded day), so the days of
                    # all the looks of cards not placed add the same: read in order, not
                    # gathered from the ranking's rest (385,000 looks on a heavy home)
                    turned = np.bincount(all_days[~taken_mask[all_cards]], minlength=len(left))
                    crowded.update(np.flatnonzero(turned).tolist())
                else:
                    rest = ranking.rest(begin + int(kept[at]))
                    crowded.update(_turned_away(looks, cols, rest, taken))
                finished = True
                break
            if taken[card]:
                continue
            room_left = left[day]
            if not cost <= room_left + FITS_SLACK:  # not cost_fits(cost, room_left)
                crowded.add(day)
                continue
            taken[card] = 1
            placed.append(card)
            ready += gain
            seconds += cost
            left[day] = room_left - cost
            # the day closes when the quickest look no longer fits it (cost_fits, written out)
            if cheapest <= room_left + FITS_SLACK and not cheapest <= left[day] + FITS_SLACK:
                open_days -= 1
            days[day].append(names[card])
        if finished:
            break
    return _Placement(
        days=tuple(tuple(day) for day in days),
        new=frozenset(names[card] for card in placed if looks.unseen[card]),
        ready=ready,
        looks=len(placed),
        seconds=seconds,
        crowded=frozenset(crowded),
    )


LIVE_CHUNK = 1024
"""How many looks of a ranking `_place_ranked` sifts at a time."""


def _turned_away(
    looks: CandidateLooks, cols: _Columns, rest: Sequence[int] | NDArray[np.int64], taken: bytearray
) -> set[int]:
    """The days of the looks `rest` (indices) of cards not `taken`.

    With numpy, counted per day (`bincount`): a set of the day of each of the 100,000
    looks a heavy home's walk leaves cost more than the walk's own looks."""
    if cols.cards is None or cols.on_day is None:
        return {looks.days[i] for i in rest if not taken[looks.cards[i]]}
    import numpy as np

    left = np.asarray(rest, dtype=np.int64)
    placed = np.frombuffer(taken, dtype=np.bool_)
    days: list[int] = np.flatnonzero(
        np.bincount(cols.on_day[left][~placed[cols.cards[left]]])
    ).tolist()
    return set(days)


def _place_by_streams(
    looks: CandidateLooks,
    room: Sequence[float],
    ready: float,
    goal: float,
    streams: LookStreams,
    price: float | None,
    cols: _Columns,
) -> _Walked | None:
    """`_place_ranked`'s placement of the ranking with one `price` for every day (None: per
    second), walked as a merge of its streams (`stream_walk`), or None where the streams' order
    may not be that ranking's (`LookStreams.ordered`): then the ranking is sorted and walked."""
    import numpy as np

    if not streams.ordered(price):
        return None
    assert cols.cards is not None and cols.on_day is not None
    taken = bytearray(len(looks.names))
    walked = walk_streams(streams, price, list(room), ready, goal, cols.cheapest, taken)
    crowded = walked.crowded
    if walked.full_stop:
        # as `_place_ranked`: the days of every look of a card not placed (each one the walk
        # reached already crowded its day)
        left_days = streams.days_of_cards_left(taken, len(room))
        if left_days is None:
            placed_mask = np.frombuffer(taken, dtype=np.bool_)
            turned = np.bincount(cols.on_day[~placed_mask[cols.cards]], minlength=len(room))
            left_days = np.flatnonzero(turned).tolist()
        crowded.update(left_days)
    return _Walked(
        walk=walked,
        looks_named=looks.names,
        unseen=looks.unseen,
        ready=walked.ready,
        looks=walked.looks,
        seconds=walked.seconds,
        crowded=frozenset(crowded),
    )


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


def with_numpy(looks: int) -> bool:
    """Whether the last pass makes and ranks this many looks with numpy (`NUMPY_LOOKS`,
    `NUMPY_LOOKS_LOADED`): one rule for the looks' making and their placing."""
    return looks >= NUMPY_LOOKS or ("numpy" in sys.modules and looks >= NUMPY_LOOKS_LOADED)


class _Ranking:
    """The looks' indices sorted by `first`, then `then`, ascending, and on a tie of both in
    index order (what `sorted(range(n), key=lambda i: (first[i], then[i]))` gives), sorted
    only as far as they are read.

    `_place` stops walking a ranking once the goal is reached or no day has room: on a
    heavy home within its first 39%, and what is left it reads only as a set (the days
    the rest crowd). So the ranking is sorted in parts from the front: the `size` smallest
    of `first` not yet sorted (`numpy.partition`), with every other look of the same
    `first` as the last one (a tie's group stays whole), sorted (`ties_in_order`);
    everything left has a larger `first` and comes after. The twenty-second
    round's profile had 85 full `lexsort`s of up to 60,900 looks at about half a second.

    `layout` (a permutation of the indices) in which `first` comes in long sorted runs makes
    each part's sort a merge of runs (`_Runs`); the ranking is the same.
    """

    def __init__(
        self,
        first: NDArray[np.float64],
        then: NDArray[np.int64],
        *,
        size: int | None = None,
        layout: NDArray[np.int64] | None = None,
    ) -> None:
        import numpy as np

        self._first, self._then = first, then
        self._done: NDArray[np.int64] = np.empty(0, dtype=np.int64)
        self._left: NDArray[np.int64] | None = layout
        """The indices not sorted yet, in `layout`'s order (None: all of them, ascending)."""
        self._runs = layout is not None
        self._count = len(first)
        self._size = self._count if size is None else max(1, size)
        """How many to sort next."""
        self.read = 0
        """How far from the front the ranking was read (`head`)."""
        self.whole = True
        """Whether it ranks every index below its length once (`layout` is a permutation):
        not so for an order given whole (`of`), which may leave indices out."""

    @classmethod
    def of(cls, order: Sequence[int] | NDArray[np.int64] | _Ranking) -> _Ranking:
        """`order` as a ranking (one already sorted whole, unless it is a ranking)."""
        if isinstance(order, _Ranking):
            return order
        import numpy as np

        done = np.asarray(order, dtype=np.int64)
        made = cls(np.empty(0, dtype=np.float64), np.empty(0, dtype=np.int64))
        made._done, made._left, made._count = done, done[:0], len(done)
        made.whole = False
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
        ranked = taken[ties_in_order(first[part], self._then[taken], taken, runs=self._runs)]
        self._done = ranked if not len(self._done) else np.concatenate((self._done, ranked))
        self._left = left[~part]


class _Runs:
    """Layouts of the looks in which a ranking's key comes in a few sorted runs, for
    `_Ranking` to merge instead of sorting from scratch (`fewest_looks` sorts 17 rankings
    of the same looks a day, 385,000 on a heavy home's first day).

    A ranking's key, the gain less the day's price times the look's seconds (or the gain
    per second), never goes down as the gain falls among looks of the same price and cost.
    So the looks sorted once by gain, from the largest, then grouped (a stable sort of
    small integers, which numpy does by radix) by the price of their day and their cost,
    come in one run per price and cost: a handful, the costs being one per kind of card
    and the crowded days mostly at one price.
    """

    def __init__(
        self, day: NDArray[np.int64], gain: NDArray[np.float64], cost: NDArray[np.float64]
    ) -> None:
        import numpy as np

        self._by_gain = np.argsort(-gain)
        costs, cost_rank = np.unique(cost, return_inverse=True)
        self._costs = len(costs)
        self._cost_rank = cost_rank.astype(np.int64)[self._by_gain]
        self._day = day[self._by_gain]
        """Each look's day, in `_by_gain`'s order: the same for every ranking, so gathered
        once (a heavy home's first day gathered 385,000 days 17 times)."""
        self._made: dict[bytes | None, NDArray[np.int64]] = {}
        """Each layout made, by the grouping of the days' prices (None: one price for
        every day, or per second): a price round that groups the days as one before gets
        the same layout, not another sort of every look."""

    def layout(self, prices: Sequence[float] | None = None) -> NDArray[np.int64]:
        """The indices in runs for the key priced by `prices` (one a day; None: per second).

        The groups are numbered below the prices' distinct values times the costs', so
        their type is chosen from that bound, without a pass over them: `int16` when it
        fits (numpy's radix sort, and a quarter of the memory to read), else `int64`; a
        stable sort orders the same numbers alike in either type.
        """
        import numpy as np

        groups = self._costs
        price_rank = None
        if prices is not None:
            distinct, price_rank = np.unique(
                np.array(prices, dtype=np.float64), return_inverse=True
            )
            if len(distinct) <= 1:
                price_rank = None  # one price: grouped by cost alone, as per second
            else:
                groups *= len(distinct)
        key = None if price_rank is None else price_rank.astype(np.int64).tobytes()
        made = self._made.get(key)
        if made is not None:
            return made
        small: type[np.signedinteger[Any]] = (
            np.int16 if groups - 1 <= np.iinfo(np.int16).max else np.int64
        )
        group: NDArray[np.signedinteger[Any]] = self._cost_rank.astype(small)
        if price_rank is not None:
            priced: NDArray[np.signedinteger[Any]] = price_rank.astype(small)[self._day]
            group += priced * self._costs  # a Python int keeps the array's type
        made = self._made[key] = self._by_gain[np.argsort(group, kind="stable")]
        return made


def fewest_looks(
    looks: CandidateLooks, room: Sequence[float], ready: float, goal: float
) -> _Placement:
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

    count = looks.count
    vectorised = with_numpy(count)
    columns = _Columns.of(looks, vectorised=vectorised)

    last: list[_Ranking] = []
    """The last ranking sorted: how far it was read sizes the next one's first part."""
    made_runs: list[_Runs] = []
    """The rankings' layouts (`_Runs`), made when a ranking is first sorted."""
    if vectorised:
        import numpy as np

        assert columns.on_day is not None and columns.cards is not None
        if looks.arrays is not None:
            gain, cost = looks.arrays.gains, looks.arrays.costs
        else:
            gain = np.array(looks.gains, dtype=np.float64)
            cost = np.array(looks.costs, dtype=np.float64)
        look_day = columns.on_day
        later = -look_day
        # each day's looks of one cost in the order of every ranking with one price
        streams = LookStreams(columns.cards, look_day, gain, cost)

    def ranking(prices: Sequence[float] | None) -> _Ranking:
        """The ranking priced by `prices` (None: per second), sorted as it is read."""
        if not made_runs:
            made_runs.append(_Runs(look_day, gain, cost))
        if prices is None:
            key = -gain / cost
        else:
            if len(set(prices)) == 1:
                # one price for every day (every day crowded each round, on a heavy home):
                # the same products as a price per look, without gathering one per look
                price: float | NDArray[np.float64] = prices[0]
            else:
                price = np.array(prices, dtype=np.float64)[look_day]
            key = -(gain - price * cost)
        # sorted first as far as the ranking before was read, and a little more
        size = last[0].read * RANKING_MARGIN + LIVE_CHUNK if last else count // 4 + LIVE_CHUNK
        made = _Ranking(key, later, size=int(size), layout=made_runs[0].layout(prices))
        last[:] = [made]
        return made

    def placed(prices: Sequence[float] | None) -> _Placement | _Walked:
        """The placement of the ranking priced by `prices` (None: per second): best first;
        on a tie the later day (a look nearer the interview)."""
        if not vectorised:
            gains, costs, on_day = looks.gains, looks.costs, looks.days
            if prices is None:
                order = sorted(range(count), key=lambda i: (-gains[i] / costs[i], -on_day[i]))
            else:
                day_price = prices
                order = sorted(
                    range(count),
                    key=lambda i: (-(gains[i] - day_price[on_day[i]] * costs[i]), -on_day[i]),
                )
            return _place(looks, room, ready, goal, order, columns)
        one_price = prices is None or len(set(prices)) == 1
        if streams.usable and one_price:
            merged = _place_by_streams(
                looks, room, ready, goal, streams, None if prices is None else prices[0], columns
            )
            if merged is not None:
                return merged
        return _place(looks, room, ready, goal, ranking(prices), columns)

    def better(one: _Placement | _Walked, other: _Placement | _Walked) -> bool:
        reached, was = one.ready >= goal, other.ready >= goal
        if reached != was:
            return reached
        if not reached:
            return one.ready > other.ready
        return (one.looks, one.seconds) < (other.looks, other.seconds)

    best = placed(None)
    if vectorised and count:
        top = float((gain / cost).max())  # the same quotients; no NaN, so the same greatest
    else:
        pairs = zip(looks.gains, looks.costs, strict=True)
        top = max((one / seconds for one, seconds in pairs), default=0.0)
    prices = [0.0] * len(room)
    for _round in range(PRICE_ROUNDS):
        placement = placed(prices)
        if better(placement, best):
            best = placement
        if not placement.crowded:
            break
        for day in placement.crowded:
            prices[day] = prices[day] * PRICE_STEP if prices[day] else top / 50
    return best.placement() if isinstance(best, _Walked) else best
