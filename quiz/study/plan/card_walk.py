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
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray

from quiz.study.plan.pace import FITS_SLACK


@dataclass(frozen=True)
class StreamWalk:
    """What one walk placed: `_Placement`'s fields before they are frozen."""

    days: list[list[int]]
    """Card numbers placed on each day, in the walk's order."""
    placed: list[int]
    ready: float
    seconds: float
    crowded: set[int]
    full_stop: bool
    """Whether the walk stopped because no day had room for the quickest look (the caller
    then marks the days of the looks of cards not placed, as `_place_ranked` does)."""


class LookStreams:
    """The looks grouped by day and cost, each group by gain from the largest, then by index
    (`numpy.lexsort`): the order every one-price ranking gives a group's looks, but where
    two gains round to one key (`keys`). Made once for a day's rankings. `usable` is False
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
        index = np.arange(count, dtype=np.int64)
        order = np.lexsort((index, -gains, costs, days))
        day, cost = days[order], costs[order]
        self._gain, self._cost = gains[order], cost
        self.usable = bool(count and np.isfinite(gains).all() and (costs > 0).all())
        same = (day[1:] == day[:-1]) & (cost[1:] == cost[:-1])
        self._gain_falls = same & (self._gain[1:] != self._gain[:-1])
        """Between two looks of a stream in order: the gain differs (then a key that rounds
        the two alike would order them by index, not by gain)."""
        starts = np.flatnonzero(np.concatenate(([True], ~same))) if count else index
        self._starts = starts
        self.start = starts.tolist()
        self.end = np.append(starts[1:], count).tolist()
        self.stream_day = day[starts].tolist()
        self.stream_cost = cost[starts].tolist()
        self.card = cards[order].tolist()
        self.gain = self._gain.tolist()
        self.index = order.tolist()

    def keys(self, price: float | None) -> NDArray[np.float64] | None:
        """Every look's key in this order, as the ranking works it out (`price`: the one price
        of every day; None: the gain per second), or None when two looks of a stream get the
        same key from different gains (the ranking would order them by index there)."""
        if price is None:
            key = -self._gain / self._cost
        else:
            key = -(self._gain - price * self._cost)
        if (self._gain_falls & (key[1:] == key[:-1])).any():
            return None
        return key


def walk_streams(
    streams: LookStreams,
    key: NDArray[np.float64],
    price: float | None,
    room: list[float],
    ready: float,
    goal: float,
    cheapest: float,
    taken: bytearray,
) -> StreamWalk:
    """`_place_ranked`'s walk of the ranking keyed `key` (`streams.keys(price)`), as a merge
    of the streams: a look's key is worked out when its stream reaches it, as `keys` does. `taken` (by card number) is filled with the cards placed.

    The order, the comparisons and the sums are the walk's: the heap gives the looks in the
    ranking's order, passing over those of cards placed (which do nothing when reached); a
    look that fits is placed, one that does not crowds its day, and then its stream is
    dropped: its day's room only shrinks, so each later look of it would crowd the same day.
    """
    left = list(room)
    open_days = sum(1 for room_left in left if cheapest <= room_left + FITS_SLACK)
    days: list[list[int]] = [[] for _ in room]
    placed: list[int] = []
    crowded: set[int] = set()
    seconds = 0.0
    card_of, gain_of, index_of = streams.card, streams.gain, streams.index
    ends, stream_day, stream_cost = streams.end, streams.stream_day, streams.stream_cost
    firsts = key[streams._starts].tolist()
    heap = [
        (first, -stream_day[number], index_of[at], number, at)
        for number, (first, at) in enumerate(zip(firsts, streams.start, strict=True))
    ]
    heapq.heapify(heap)
    heappop, heapreplace = heapq.heappop, heapq.heapreplace
    full_stop = False
    while heap:
        if ready >= goal:
            break  # the goal is reached: no look is spent beyond it
        if not open_days:
            full_stop = True  # no look fits any more
            break
        _key, _later, _index, number, at = heap[0]
        card = card_of[at]
        if not taken[card]:
            day, cost = stream_day[number], stream_cost[number]
            room_left = left[day]
            if not cost <= room_left + FITS_SLACK:  # not cost_fits(cost, room_left)
                crowded.add(day)
                heappop(heap)  # every later look of the stream would crowd the day again
                continue
            taken[card] = 1
            placed.append(card)
            ready += gain_of[at]
            seconds += cost
            left[day] = room_left - cost
            if cheapest <= room_left + FITS_SLACK and not cheapest <= left[day] + FITS_SLACK:
                open_days -= 1
            days[day].append(card)
        # the stream's next look of a card not placed
        end = ends[number]
        at += 1
        while at < end and taken[card_of[at]]:
            at += 1
        if at < end:
            cost = stream_cost[number]
            # the key as `LookStreams.keys` works it out, so the same float
            next_key = -gain_of[at] / cost if price is None else -(gain_of[at] - price * cost)
            heapreplace(heap, (next_key, _later, index_of[at], number, at))
        else:
            heappop(heap)
    return StreamWalk(
        days=days,
        placed=placed,
        ready=ready,
        seconds=seconds,
        crowded=crowded,
        full_stop=full_stop,
    )
