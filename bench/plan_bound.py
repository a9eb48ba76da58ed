"""A budgeted upper bound of recall on the interview day: no review timing can do better.

`plan_oracle.recall_bound` ignores the daily budget: every review lifts a card to recall
1, as a review on the eve does. This bound keeps the budget. It bounds every policy that
has plan mode's first days (the same answers on each card's first day), asks each card
at most once a day after its first day, spends at most plan mode's number of reviews and
keeps each day's reviews within the time the day's new cards leave (as the time box
does: a card starts only while a long answer still fits). Within those rules it allows
anything: any day for any card, decisions that adapt to every answer, the learner's true
FSRS parameters and memory known exactly, and any time of day (fsrs counts whole days,
so an answer late in the day and the next one early in the day are one day less apart).

How (Lagrangian relaxation): the review count and each day's seconds are priced
(`price_review`, `price_second[d]`); at given prices the cards no longer share anything,
and each card's best adaptive schedule is an exact dynamic program over its days, over
every answer (Again, or recalled and rated with the learners' mix) and both time-of-day
offsets. For any prices,

    bound = price_review * reviews + sum_d price_second[d] * room[d]
            + sum_c best_c(expected recall on the day - prices paid)

is at least the expected recall of every policy within the rules (weak duality; the rules
are then only kept on average, which allows more, so the bound stays a bound). The prices
are searched to make the bound as low as possible (Kelley's cutting planes); whatever
prices the search ends on, the figure is a true bound, only less tight.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from fsrs import Rating
from scipy.optimize import linprog

from bench.plan_oracle import TrueModel

DIFFICULTY_MIN = 1.0
DIFFICULTY_MAX = 10.0
BUDGET_BOUND_DAYS = 7
"""The longest horizon the bound is computed for: its trees grow ninefold with each day."""
TIMES_OF_DAY = (1, 0)
"""A review's elapsed days from the last answer, less these: one day less when it comes at an
earlier time of day than that answer (fsrs counts whole days)."""
ANSWERS = (Rating.Again, Rating.Hard, Rating.Good, Rating.Easy)


@dataclass(frozen=True)
class CardStart:
    """A card's true memory at the end of its first day, and its expected answer time."""

    stability: float
    difficulty: float
    day: int
    """The day of the card's first answers (0: the first study day)."""
    seconds: float


@dataclass(frozen=True)
class Bound:
    """The bound (mean recall on the day over `cards`), and how tight the search got it."""

    recall: float
    lowest: float
    """The least the relaxation's bound can be (its dual's minimum is at least this), so
    `recall - lowest` is how much tighter more search could make it."""


def difficulty_after(model: TrueModel, difficulty: np.ndarray, rating: Rating) -> np.ndarray:
    """fsrs's next difficulty (linear damping, then mean reversion to an Easy start)."""
    w = model.w
    easy_start = w[4] - math.exp(w[5] * (int(Rating.Easy) - 1)) + 1
    damped = difficulty + (10.0 - difficulty) * (-w[6] * (int(rating) - 3)) / 9.0
    return np.asarray(
        np.clip(w[7] * easy_start + (1 - w[7]) * damped, DIFFICULTY_MIN, DIFFICULTY_MAX)
    )


@dataclass
class _Level:
    """One decision day of a group of cards with the same first day: how many states the
    cards can be in before it (its nodes) and what a review there can lead to.

    Node i of the next level: i < n is node i not reviewed; n + 4 k i + 4 e + o is node i
    reviewed with time-of-day offset e of the k in `TIMES_OF_DAY` and answer o.
    """

    day: int
    nodes: int
    chance: np.ndarray
    """(nodes, 4 k, cards): the probability of each review outcome (offset, answer)."""


@dataclass
class _Group:
    """Cards that share a first day: the same days to decide on, one tree."""

    levels: list[_Level]
    keep: np.ndarray
    """(leaves, cards): recall on the day at each leaf, with no review on the eve."""
    seconds: np.ndarray
    """(cards,) expected seconds of one answer."""
    eve: bool
    """Whether the last decision day is the eve (a review there gives recall 1)."""


def _outcomes(
    model: TrueModel,
    stability: np.ndarray,
    difficulty: np.ndarray,
    elapsed: np.ndarray,
    recalled: Sequence[tuple[Rating, float]],
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The four answers' probabilities and the memory after each: shapes (4, nodes, cards)."""
    recall = model.recall(elapsed, stability)
    shares = dict(recalled)
    chance = np.stack(
        [1 - recall if a == Rating.Again else recall * shares.get(a, 0.0) for a in ANSWERS]
    )
    after = np.stack([model.stability_after(stability, difficulty, elapsed, a) for a in ANSWERS])
    harder = np.stack([difficulty_after(model, difficulty, a) for a in ANSWERS])
    return chance, after, harder


def _group(
    model: TrueModel,
    starts: Sequence[CardStart],
    days: Sequence[int],
    horizon: int,
    recalled: Sequence[tuple[Rating, float]],
) -> _Group:
    """Every state a group's cards can reach over `days` (the last may be the eve)."""
    eve = bool(days) and days[-1] == horizon - 1
    deciding = list(days[:-1]) if eve else list(days)
    last = np.array([starts[0].day])
    stability = np.array([[s.stability for s in starts]])
    difficulty = np.array([[s.difficulty for s in starts]])
    levels: list[_Level] = []
    for day in deciding:
        nodes = len(last)
        chances, stabilities, difficulties = [], [], []
        for offset in TIMES_OF_DAY:
            elapsed = np.broadcast_to((day - last - offset)[:, None], stability.shape)
            chance, after, harder = _outcomes(model, stability, difficulty, elapsed, recalled)
            chances.append(chance)
            stabilities.append(after)
            difficulties.append(harder)
        # (k, 4, nodes, cards) -> (nodes, 4 k, cards): node i's outcomes side by side
        ways = 4 * len(TIMES_OF_DAY)
        chance_all = np.stack(chances).reshape(ways, nodes, -1).transpose(1, 0, 2)
        stability_all = np.stack(stabilities).reshape(ways, nodes, -1).transpose(1, 0, 2)
        difficulty_all = np.stack(difficulties).reshape(ways, nodes, -1).transpose(1, 0, 2)
        levels.append(_Level(day, nodes, chance_all))
        last = np.concatenate([last, np.full(nodes * ways, day)])
        stability = np.concatenate([stability, stability_all.reshape(nodes * ways, -1)])
        difficulty = np.concatenate([difficulty, difficulty_all.reshape(nodes * ways, -1)])
    left = np.broadcast_to(np.maximum(horizon - 1 - last, 0)[:, None], stability.shape)
    return _Group(
        levels=levels,
        keep=model.recall(left, stability),
        seconds=np.array([s.seconds for s in starts]),
        eve=eve,
    )


def _solve(
    model: TrueModel,
    group: _Group,
    horizon: int,
    price_review: float,
    price_second: dict[int, float],
) -> tuple[float, float, dict[int, float]]:
    """The group's best schedules at these prices: (sum of values, expected reviews,
    expected seconds per day).

    Backwards over the days for the values and each node's choice, then forwards for the
    chance of reaching each node under those choices, which gives the expectations.
    """
    keep = group.keep
    value = keep
    eve_take = None
    if group.eve:
        cost = price_review + price_second[horizon - 1] * group.seconds
        eve_take = 1.0 - cost > keep
        value = np.where(eve_take, 1.0 - cost, keep)
    choices: list[tuple[np.ndarray, np.ndarray]] = []
    for level in reversed(group.levels):
        nodes = level.nodes
        cost = price_review + price_second[level.day] * group.seconds
        ways = level.chance.shape[1]
        weighted = level.chance * value[nodes:].reshape(nodes, ways, -1)
        by_offset = weighted.reshape(nodes, ways // 4, 4, -1).sum(2)
        offset = np.argmax(by_offset, axis=1)
        best = np.take_along_axis(by_offset, offset[:, None], 1)[:, 0] - cost
        take = best > value[:nodes]
        choices.append((take, offset))
        value = np.where(take, best, value[:nodes])
    choices.reverse()
    reach = np.ones_like(value)
    reviews = 0.0
    seconds: dict[int, float] = {}
    for level, (take, offset) in zip(group.levels, choices, strict=True):
        taken = reach * take
        reviews += float(taken.sum())
        seconds[level.day] = float((taken * group.seconds).sum())
        nodes, ways = level.nodes, level.chance.shape[1]
        pick = np.zeros_like(level.chance).reshape(nodes, ways // 4, 4, -1)
        np.put_along_axis(
            pick,
            offset[:, None, None, :],
            np.take_along_axis(
                level.chance.reshape(nodes, ways // 4, 4, -1), offset[:, None, None, :], 1
            ),
            1,
        )
        children = taken[:, None, :] * pick.reshape(nodes, ways, -1)
        reach = np.concatenate([reach * ~take, children.reshape(-1, children.shape[-1])])
    if eve_take is not None:
        taken = reach * eve_take
        reviews += float(taken.sum())
        seconds[horizon - 1] = float((taken * group.seconds).sum())
    return float(value[0].sum()), reviews, seconds


def budget_bound(
    model: TrueModel,
    starts: Sequence[CardStart],
    horizon: int,
    room: Sequence[float],
    reviews: int,
    recalled: Sequence[tuple[Rating, float]],
    cards: int,
    *,
    steps: int = 200,
    tolerance: float = 1e-5,
) -> Bound:
    """The most mean recall on the day (over `cards`; cards never started count 0) that
    any policy within the module's rules can expect; `room[d]` is day d's seconds left
    after its new cards, `reviews` the most reviews."""
    if cards <= 0:
        return Bound(0.0, 0.0)
    days = [d for d in range(horizon) if room[d] > 0]
    groups = []
    fixed = 0.0
    for first in sorted({s.day for s in starts}):
        members = [s for s in starts if s.day == first]
        later = [d for d in days if d > first]
        if later:
            groups.append(_group(model, members, later, horizon, recalled))
        else:
            left = np.full(len(members), max(horizon - 1 - first, 0))
            fixed += float(model.recall(left, np.array([s.stability for s in members])).sum())

    def dual(price_review: float, price_second: dict[int, float]) -> tuple[float, ...]:
        total, count = fixed, 0.0
        spent = dict.fromkeys(days, 0.0)
        for group in groups:
            value, used, seconds = _solve(model, group, horizon, price_review, price_second)
            total += value
            count += used
            for day, s in seconds.items():
                spent[day] += s
        total += price_review * reviews + sum(price_second[d] * room[d] for d in days)
        return total, count, *(spent[d] for d in days)

    # Kelley's cutting planes: the dual is convex and each evaluation gives its value and
    # a subgradient (what each constraint has left over); the cheapest point of the planes
    # so far is the next to evaluate, and the planes' minimum says how far the best value
    # found can still be from the dual's minimum.
    cheapest = min((s.seconds for s in starts), default=1.0)
    upper = [1.0] + [1.0 / cheapest] * len(days)
    points: list[np.ndarray] = []
    values: list[float] = []
    slopes: list[np.ndarray] = []
    point = np.array([0.05] + [1e-4] * len(days))
    best, lowest = math.inf, -math.inf
    for _step in range(steps):
        total, count, *spent = dual(point[0], dict(zip(days, point[1:], strict=True)))
        points.append(point)
        values.append(total)
        slopes.append(
            np.array([reviews - count] + [room[d] - s for d, s in zip(days, spent, strict=True)])
        )
        best = min(best, total)
        # minimise t over (x, t): t >= value_i + slope_i . (x - x_i), x within the box
        size = len(point)
        rows = np.array([[*slope, -1.0] for slope in slopes])
        limits = np.array(
            [slope @ at - value for slope, at, value in zip(slopes, points, values, strict=True)]
        )
        answer = linprog(
            np.r_[np.zeros(size), 1.0],
            A_ub=rows,
            b_ub=limits,
            bounds=[(0.0, high) for high in upper] + [(None, None)],
            method="highs",
        )
        if answer.status != 0 or answer.x is None or answer.fun is None:
            break
        lowest = float(answer.fun)
        point = np.asarray(answer.x[:size])
        if best - lowest <= tolerance * cards:
            break
    return Bound(best / cards, lowest / cards)
