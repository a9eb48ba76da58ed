"""The looks the last pass chooses from: each (card, day) pair with its cost and the
recall on the day it adds, kept in columns (`CandidateLooks`) and made for every card and day
(`add_looks`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray


@dataclass
class CandidateLooks:
    """The last pass's candidates, each a look at a card on a day (0 is today), as columns:
    look i is at card number `cards[i]` on day `days[i]`.

    Columns, not an object per look: a heavy home's last pass has some 60,000 looks a day,
    each ranking `fewest_looks` tries reads them whole, and an object per look cost more
    to build and read back than the rankings (the twentieth round's profile).
    """

    names: list[str] = field(default_factory=list)
    """Each card's id, by its number."""
    unseen: list[bool] = field(default_factory=list)
    """By card number: its looks are first looks at a card never seen, not reviews."""
    numbers: dict[str, int] = field(default_factory=dict)
    """Each card's number, by its id."""
    arrays: _LookArrays | None = None
    """The four columns as numpy arrays, when they were built with numpy."""
    _columns: dict[str, list[int] | list[float]] = field(default_factory=dict, repr=False)
    """The four columns as lists, each made from `arrays` when first read: the rankings
    read the arrays, and making the lists of a heavy home's 385,586 looks a day cost
    more than a second of the 46-day forecast (thirty-ninth round)."""

    @property
    def cards(self) -> list[int]:
        """The card number of each look."""
        return self._column("cards")  # type: ignore[return-value]

    @property
    def days(self) -> list[int]:
        """The day of each look."""
        return self._column("days")  # type: ignore[return-value]

    @property
    def gains(self) -> list[float]:
        """Predicted recall on the interview day each look adds."""
        return self._column("gains")  # type: ignore[return-value]

    @property
    def costs(self) -> list[float]:
        """Expected seconds each look takes."""
        return self._column("costs")  # type: ignore[return-value]

    def _column(self, name: str) -> list[int] | list[float]:
        """The column `name` as a list: kept, or made from `arrays` (empty without them)."""
        found = self._columns.get(name)
        if found is None:
            made = [] if self.arrays is None else getattr(self.arrays, name).tolist()
            found = self._columns[name] = made
        return found

    @property
    def count(self) -> int:
        """How many looks there are, read without making a list."""
        return len(self.arrays.cards) if self.arrays is not None else len(self.cards)

    @property
    def cheapest(self) -> float:
        """The fewest seconds of a look (0.0 without looks): the same least value from the
        array as from the list."""
        if self.arrays is not None:
            return float(self.arrays.costs.min()) if len(self.arrays.costs) else 0.0
        return min(self.costs, default=0.0)

    def number(self, card_id: str, *, unseen: bool) -> int:
        """The number of `card_id` (the next one when it is new here): a card's looks on
        different days share it, and `_place` takes one look per card by it."""
        found = self.numbers.get(card_id)
        if found is None:
            found = self.numbers[card_id] = len(self.names)
            self.names.append(card_id)
            self.unseen.append(unseen)
        return found

    def numbers_of(self, card_ids: Sequence[str], *, unseen: bool) -> list[int]:
        """`number` of each of `card_ids`, in their order: the last pass numbers every seen
        card each day (some 10,000 on a heavy home), without a call per card."""
        numbers, names, flags = self.numbers, self.names, self.unseen
        if not numbers and not names:
            # the first numbering of a day's looks (the seen cards, distinct): each number
            # is the card's place, the mapping made in C, not a look-up per card
            count = len(card_ids)
            placed = dict(zip(card_ids, range(count), strict=True))
            if len(placed) == count:
                numbers.update(placed)
                names.extend(card_ids)
                flags.extend([unseen] * count)
                return list(range(count))
        found_of = numbers.get
        found: list[int] = []
        for card_id in card_ids:
            number = found_of(card_id)
            if number is None:
                number = numbers[card_id] = len(names)
                names.append(card_id)
                flags.append(unseen)
            found.append(number)
        return found


@dataclass(frozen=True)
class _LookArrays:
    """`CandidateLooks`'s four columns as numpy arrays, kept from a build with numpy (`add_looks`)
    for the rankings, which read them whole."""

    cards: NDArray[np.int64]
    days: NDArray[np.int64]
    gains: NDArray[np.float64]
    costs: NDArray[np.float64]


@dataclass(frozen=True)
class SeenCardReviews:
    """The last pass's seen cards as rows: each one's recall on the interview day after a
    review on each day left (`after`), without one (`now`), its number and seconds."""

    after: list[list[float]] = field(default_factory=list)
    now: list[float] = field(default_factory=list)
    numbers: list[int] = field(default_factory=list)
    costs: list[float] = field(default_factory=list)


def add_looks(
    looks: CandidateLooks,
    reviews: SeenCardReviews,
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

    rows = None
    if reviews.after:
        rows = ReviewRows(
            after=np.array(reviews.after, dtype=np.float64),
            now=np.array(reviews.now, dtype=np.float64),
            numbers=np.array(reviews.numbers, dtype=np.int64),
            costs=np.array(reviews.costs, dtype=np.float64),
        )
    add_looks_of_rows(looks, rows, firsts, unseen)


@dataclass(frozen=True)
class ReviewRows:
    """`SeenCardReviews` as numpy arrays: the recalls after a review as one matrix (a row a
    card, a column a day), the recalls now, the card numbers and seconds by row."""

    after: NDArray[np.float64]
    now: NDArray[np.float64]
    numbers: NDArray[np.int64]
    costs: NDArray[np.float64]


def add_looks_of_rows(
    looks: CandidateLooks,
    rows: ReviewRows | None,
    firsts: Sequence[float],
    unseen: Sequence[tuple[int, float]],
) -> None:
    """`add_looks` with numpy, the reviews given as arrays (None: no review): the last pass
    carries a day's rows to the next (`quiz.study.plan.seen_rows`), so they are arrays."""
    import numpy as np

    cards = [np.empty(0, dtype=np.int64)]
    days = [np.empty(0, dtype=np.int64)]
    gains = [np.empty(0, dtype=np.float64)]
    costs = [np.empty(0, dtype=np.float64)]
    if rows is not None and len(rows.now):
        matrix = rows.after - rows.now[:, None]
        row, day = np.nonzero(matrix > 0)
        cards.append(rows.numbers[row])
        days.append(day.astype(np.int64))
        gains.append(matrix[row, day])
        costs.append(rows.costs[row])
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
    looks._columns.clear()  # the lists are made from the arrays when read
