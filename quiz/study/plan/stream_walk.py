"""The walk of a one-price ranking as a merge of streams: `_place_ranked`'s placement
without sorting the looks.

A ranking of `fewest_looks` with one price for every day (all of them on a heavy home:
every day is crowded in every round) orders the looks of one day and one cost as their
gains do. So those looks are put in that order once a day (`LookStreams`: a stream per day
and cost, some 150 on a heavy home), and each ranking is walked as a merge of the streams:
a heap holds each stream at its next look of a card not placed, keyed as the ranking is
(its key, the later day, the look's index), and the walk takes the least. A stream whose
day has no room left for its cost is dropped once its next look crowds that day: every
look after it would only crowd it again. The ranking's 385,000 looks were sorted 17 times
a day, and read about three in four of them, most of those a look of a card placed
already or on a full day.
"""

from __future__ import annotations

import heapq
import math
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray

from quiz.study.plan.pace import FITS_SLACK
from quiz.study.plan.ties import ties_in_order


@dataclass(frozen=True)
class StreamWalk:
    """What one walk placed: `_Placement`'s fields before they are frozen."""

    days: list[list[int]]
    """Card numbers placed on each day, in the walk's order."""
    ready: float
    seconds: float
    crowded: set[int]
    full_stop: bool
    """Whether the walk stopped because no day had room for the quickest look (the caller
    then marks the days of the looks of cards not placed, as `_place_ranked` does)."""

    @property
    def placed(self) -> list[int]:
        """The cards placed, day by day (the walk keeps no list of its own: a heavy home's
        walks place 1.6 million looks, read for the few placements kept)."""
        return [card for day in self.days for card in day]

    @property
    def looks(self) -> int:
        """How many looks were placed."""
        return sum(map(len, self.days))


class LookStreams:
    """The looks grouped by day and cost, each group by gain from the largest, then by index
    (`numpy.lexsort`): the order every one-price ranking gives a group's looks, but where
    two gains round to one key (`ordered`). Made once for a day's rankings. `usable` is False
    where a key may not be ordered as its gain (a gain that is not finite, a cost that is not
    above 0): the rankings are then sorted and walked (`_place_ranked`)."""

    def __init__(
        self,
        cards: NDArray[np.int64],
        days: NDArray[np.int64],
        gains: NDArray[np.float64],
        costs: NDArray[np.float64],
    ) -> None:
        import numpy as np

        count = len(cards)
        self.usable = bool(
            count
            and np.isfinite(gains).all()
            and np.isfinite(costs).all()
            and (costs > 0).all()
            and days.min() >= 0
        )
        if not self.usable:
            return
        # the groups (day, then cost) numbered as small integers, then by gain from the
        # largest, equal gains in index order: `numpy.lexsort((-gains, group))`'s order
        distinct, cost_rank = _cost_ranks(cards, costs)
        groups = (int(days.max()) + 1) * len(distinct)
        small: type[np.signedinteger[Any]] = (
            np.int16 if groups <= np.iinfo(np.int16).max else np.int64
        )
        group: NDArray[np.signedinteger[Any]] = days.astype(small) * len(distinct)  # keeps int16
        group += cost_rank.astype(small)
        order = _by_group_then_gain(gains, group)
        self._gain = gains[order]
        self._costs_in = costs
        self._cost_in_order: NDArray[np.float64] | None = None
        """Each look's seconds in the streams' order, gathered when first needed
        (`ordered`, where two gains of a stream lie within a key's last bit): a heavy
        home's days never need them."""
        # The streams are the groups in ascending order, each whole (the sort is by group
        # first), so where each starts follows from their sizes: no gather of the days,
        # seconds and groups of every look (three of the set-up's four random reads of
        # 385,000 looks on a heavy home's first day), only of each stream's first.
        sizes = np.bincount(group)
        starts = np.concatenate(([0], np.cumsum(sizes[sizes > 0])[:-1])).astype(np.int64)
        same = np.ones(max(count - 1, 0), dtype=np.bool_)  # two looks in order: one stream
        same[starts[1:] - 1] = False
        self._gain_falls = same & (self._gain[1:] != self._gain[:-1])
        """Between two looks of a stream in order: the gain differs (then a key that rounds
        the two alike would order them by index, not by gain)."""
        falls = self._gain[:-1][self._gain_falls] - self._gain[1:][self._gain_falls]
        self._closest = float(falls.min()) if len(falls) else math.inf
        """The least difference of two gains of a stream (above 0)."""
        self._largest_gain = float(np.abs(gains).max())
        self._costs = (float(costs.min()), float(costs.max()))
        self._starts = starts
        self.start = starts.tolist()
        self.end = np.append(starts[1:], count).tolist()
        firsts = order[starts]
        self._start_costs = costs[firsts]
        self.stream_day = days[firsts].tolist()
        self.stream_cost = self._start_costs.tolist()
        self.cards_in_order = cards[order]
        self._order = order
        # The walk reads the streams as lists, but the front of each only (a third of a
        # heavy home's first day, a fiftieth of the last ones): filled a stream's front at
        # a time (`reach`), not made whole from the arrays.
        self.card: list[int] = [0] * count
        self.gain: list[float] = [0.0] * count
        self.index: list[int] = [0] * count
        self.made = list(self.start)
        """By stream: the end of its looks in the lists so far."""
        for number, first in enumerate(self.start):
            self._fill(number, first + FIRST_MADE)
        self._looks: tuple[NDArray[np.int64], NDArray[np.int64]] | None = (cards, days)
        """The looks' cards and days, until `days_of_cards_left` first needs their bits (a
        walk that stops with every day full: a tenth of the set-up, often not needed)."""
        self._card_days: list[int] | None = None
        self._every_day = 0
        """The days of every look, as bits."""

    def _fill(self, number: int, stop: int) -> None:
        """Put stream `number`'s looks up to `stop` (at most its end) in the lists."""
        made, stop = self.made[number], min(stop, self.end[number])
        if stop > made:
            self.card[made:stop] = self.cards_in_order[made:stop].tolist()
            self.gain[made:stop] = self._gain[made:stop].tolist()
            self.index[made:stop] = self._order[made:stop].tolist()
            self.made[number] = stop

    def reach(self, number: int, at: int, taken: NDArray[np.bool_]) -> int:
        """The first look of stream `number` from `at` (at or past its end in the lists)
        whose card is not `taken`, else the stream's end; the lists then hold it: the
        stream's front is at least doubled each time."""
        end = self.end[number]
        found = _next_not_taken(self.cards_in_order, taken, at, end)
        if found < end:
            made = self.made[number]
            self._fill(number, max(found + 1, made + (made - self.start[number])))
        return found

    @staticmethod
    def _days_of_cards(cards: NDArray[np.int64], days: NDArray[np.int64]) -> list[int] | None:
        """By card number, the days of its looks as bits (None past 62 days: `bincount`).

        The last pass makes a card's looks one after another (a row's days, an unseen card's
        days), so the bits are or-ed along each run of one card first (`reduceat`), then the
        runs' into their cards (`bitwise_or.at` over some 10,000 runs, not 385,000 looks:
        a third of the time); a card in two runs gets both, as before."""
        import numpy as np

        if int(days.max()) > 62:
            return None
        bits = np.zeros(int(cards.max()) + 1, dtype=np.int64)
        starts = np.flatnonzero(np.concatenate(([True], cards[1:] != cards[:-1])))
        runs = np.bitwise_or.reduceat(np.left_shift(np.int64(1), days), starts)
        np.bitwise_or.at(bits, cards[starts], runs)
        found: list[int] = bits.tolist()
        return found

    def days_of_cards_left(self, taken: bytearray, day_count: int) -> list[int] | None:
        """The days of the looks of every card not `taken`, in order, found card by card
        until every day with a look is among them (None: count them with `bincount`)."""
        if self._looks is not None:
            self._card_days = self._days_of_cards(*self._looks)
            self._looks = None
            for bits in self._card_days or ():
                self._every_day |= bits
        card_days = self._card_days
        if card_days is None:
            return None
        every, found = self._every_day, 0
        for card, bits in enumerate(card_days):
            if not taken[card]:
                found |= bits
                if found == every:
                    break
        return [day for day in range(day_count) if found >> day & 1]

    def ordered(self, price: float | None) -> bool:
        """Whether every stream's order is the ranking's at `price` (the one price of every
        day; None: the gain per second): False when two looks of a stream get the same key
        from different gains (the ranking would order them by index there).

        Within a stream the key is `-(gain - q)` with one `q` (the price times the stream's
        seconds), or `-gain / seconds`: two gains round to one key only when they differ by
        at most the key's last bit, so gains further apart than that bound need no look at
        the keys (on a heavy home they are 1e-12 apart at least, the bound near 1e-14)."""

        if price is not None and not math.isfinite(price):
            return False
        cheapest, dearest = self._costs
        if price is None:
            bound = 2.0**-50 * self._largest_gain / cheapest + 2.0**-1070
            if self._closest / dearest > bound:
                return True
            key = -self._gain / self._in_order_costs()
        else:
            bound = 2.0**-50 * (self._largest_gain + abs(price) * dearest) + 2.0**-1070
            if self._closest > bound:
                return True
            key = -(self._gain - price * self._in_order_costs())
        return not bool((self._gain_falls & (key[1:] == key[:-1])).any())

    def _in_order_costs(self) -> NDArray[np.float64]:
        """Each look's seconds in the streams' order (gathered once, when first asked)."""
        if self._cost_in_order is None:
            self._cost_in_order = self._costs_in[self._order]
        return self._cost_in_order

    def first_keys(self, price: float | None) -> list[float]:
        """Each stream's first key, as the ranking works it out."""
        gain, cost = self._gain[self._starts], self._start_costs
        key = -gain / cost if price is None else -(gain - price * cost)
        found: list[float] = key.tolist()
        return found


def _by_group_then_gain(
    gains: NDArray[np.float64], group: NDArray[np.signedinteger[Any]]
) -> NDArray[np.int64]:
    """The positions by `group`, then by gain from the largest, then by position: what
    `numpy.lexsort((-gains, group))` gives, without its stable sort of the floats (a merge
    sort, 35 ms of the first day's 100 ms of streams on a heavy home). The gains are put in
    order by the quick sort with their ties by position after (`ties_in_order`, by group
    too), then by group by a stable sort of small integers (a radix sort): stable, so each
    group keeps the gains' order. `tests/study/test_plan_streams.py` compares the two."""
    import numpy as np

    by_gain = ties_in_order(-gains, group.astype(np.int64), np.arange(len(gains)))
    found: NDArray[np.int64] = by_gain[np.argsort(group[by_gain], kind="stable")]
    return found


def _cost_ranks(
    cards: NDArray[np.int64], costs: NDArray[np.float64]
) -> tuple[NDArray[np.float64], NDArray[np.int64]]:
    """`numpy.unique(costs, return_inverse=True)`: the distinct costs and each look's rank
    among them, found among the cards' costs when each card costs the same on every day (the
    last pass's looks: a card's seconds are its kind's), a sort of 10,000 and not of 385,586."""
    import numpy as np

    per_card = np.zeros(int(cards.max()) + 1, dtype=np.float64)
    per_card[cards] = costs
    if not (per_card[cards] == costs).all():
        distinct, rank = np.unique(costs, return_inverse=True)
        return distinct, rank.astype(np.int64)
    used = np.zeros(len(per_card), dtype=np.bool_)
    used[cards] = True
    distinct, card_rank = np.unique(per_card[used], return_inverse=True)
    by_card = np.zeros(len(per_card), dtype=np.int64)
    by_card[used] = card_rank
    return distinct, by_card[cards]


FIRST_MADE = 128
"""How many looks of each stream are put in the lists when the streams are made."""


SKIP_BY_HAND = 16
"""How many looks of cards placed a stream passes over one at a time before numpy looks
for the next card not placed (`_next_not_taken`): a heap home's walk passes over some
78,000 looks a ranking, in runs of a few and a few long ones."""


def _next_not_taken(cards: NDArray[np.int64], taken: NDArray[np.bool_], at: int, end: int) -> int:
    """The first position from `at` (before `end`) whose card is not `taken`, else `end`:
    read in blocks that grow four times each."""
    block = 64
    while at < end:
        stop = min(at + block, end)
        seen = taken[cards[at:stop]]
        first = int(seen.argmin())
        if not seen[first]:
            return at + first
        at, block = stop, block * 4
    return end


def walk_streams(
    streams: LookStreams,
    price: float | None,
    room: list[float],
    ready: float,
    goal: float,
    cheapest: float,
    taken: bytearray,
) -> StreamWalk:
    """`_place_ranked`'s walk of the ranking at `price` (one for every day; None: per second;
    `streams.ordered(price)`), as a merge of the streams: a look's key is worked out when its
    stream reaches it, as the ranking's array is (the same operations on the same floats).
    `taken` (by card number) is filled with the cards placed.

    The order, the comparisons and the sums are the walk's: the heap gives the looks in the
    ranking's order, passing over those of cards placed (which do nothing when reached); a
    look that fits is placed, one that does not crowds its day, and then its stream is
    dropped: its day's room only shrinks, so each later look of it would crowd the same day.
    """
    import numpy as np

    left = list(room)
    open_days = sum(1 for room_left in left if cheapest <= room_left + FITS_SLACK)
    days: list[list[int]] = [[] for _ in room]
    add_to = [day.append for day in days]  # bound once: a placement appends to its day
    crowded: set[int] = set()
    seconds = 0.0
    card_of, gain_of, index_of = streams.card, streams.gain, streams.index
    ends, stream_day, stream_cost = streams.end, streams.stream_day, streams.stream_cost
    made = streams.made
    firsts = streams.first_keys(price)
    cards_in_order = streams.cards_in_order
    taken_now = np.frombuffer(taken, dtype=np.bool_)  # a view: it follows `taken`
    heap = [
        (first, -stream_day[number], index_of[at], number, at)
        for number, (first, at) in enumerate(zip(firsts, streams.start, strict=True))
    ]
    heapq.heapify(heap)
    heappop, heapreplace = heapq.heappop, heapq.heapreplace
    full_stop = False
    if not heap:
        return StreamWalk(days, ready, seconds, crowded, full_stop)
    per_second = price is None
    by_hand = SKIP_BY_HAND
    # The least stream is held out of the heap (`key`, `later`, `number`, `at`): its next
    # look is compared with the heap's least alone, and the heap is touched only when
    # another stream comes first (two in five looks on a heavy home), not once a look.
    # What the walk reads of that stream (its day, seconds, end, and the price of its
    # seconds) is read when it comes out of the heap, not at each of its looks: the same
    # values, so the same floats (`charge` is `price * cost`, the ranking's own product).
    key, later, _index, number, at = heappop(heap)
    day, cost, end = stream_day[number], stream_cost[number], ends[number]
    charge = 0.0 if price is None else price * cost
    # Only a placed look moves `ready` and `open_days`: the two ends are asked before the
    # walk and after each placement, not once a look (a heavy home's walks pass 1.7 million).
    if ready >= goal:
        return StreamWalk(days, ready, seconds, crowded, full_stop)
    if not open_days:
        return StreamWalk(days, ready, seconds, crowded, True)
    while True:
        card = card_of[at]
        if not taken[card]:
            room_left = left[day]
            if not cost <= room_left + FITS_SLACK:  # not cost_fits(cost, room_left)
                crowded.add(day)
                # every later look of the stream would crowd the day again
                if not heap:
                    break
                key, later, _index, number, at = heappop(heap)
                day, cost, end = stream_day[number], stream_cost[number], ends[number]
                charge = 0.0 if price is None else price * cost
                continue
            taken[card] = 1
            ready += gain_of[at]
            seconds += cost
            left[day] = room_left - cost
            add_to[day](card)
            if ready >= goal:
                break  # the goal is reached: no look is spent beyond it
            if cheapest <= room_left + FITS_SLACK and not cheapest <= left[day] + FITS_SLACK:
                open_days -= 1
                if not open_days:
                    # no look fits any more: a full stop, as the walk asked it before its
                    # next look, unless there is no next look (no stream left)
                    full_stop = (
                        bool(heap) or _next_not_taken(cards_in_order, taken_now, at + 1, end) < end
                    )
                    break
        # the stream's next look of a card not placed
        made_end = made[number]
        at += 1
        passed = at + by_hand
        while at < made_end and taken[card_of[at]]:
            at += 1
            if at == passed:
                at = _next_not_taken(cards_in_order, taken_now, at, end)
                break
        if made_end <= at < end:  # past the stream's front in the lists: more of it
            at = streams.reach(number, at, taken_now)
        if at < end:
            # the key as the ranking's array has it, so the same float
            key = -gain_of[at] / cost if per_second else -(gain_of[at] - charge)
            if not heap:
                continue
            head = heap[0]
            first = head[0]
            # the heap's order: the key, then the later day, then the look's index (no two
            # looks share one), as the tuples compare
            if key < first or (key == first and (later, index_of[at]) < (head[1], head[2])):
                continue  # still the least
            key, later, _index, number, at = heapreplace(
                heap, (key, later, index_of[at], number, at)
            )
        else:
            if not heap:
                break
            key, later, _index, number, at = heappop(heap)
        day, cost, end = stream_day[number], stream_cost[number], ends[number]
        charge = 0.0 if price is None else price * cost
    return StreamWalk(
        days=days,
        ready=ready,
        seconds=seconds,
        crowded=crowded,
        full_stop=full_stop,
    )
