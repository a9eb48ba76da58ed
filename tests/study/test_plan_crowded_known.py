"""When every day of the last pass is crowded whatever the order of the walk: the
pigeonhole condition docs/performance.md's forty-ninth round states (the next round's
prices are then known before any walk).

More cards than the days can hold at the cheapest seconds (`Σ floor((room + slack) /
cheapest)`) each have a look of the cheapest seconds on every day, and the goal is out of
reach: one such card stays unplaced, and each of its looks met its day without room, so
every day is crowded, in any order of the looks.
"""

from __future__ import annotations

import math
import random

import pytest

from quiz.study.plan import looks as plan_looks
from quiz.study.plan import placement as plan_placement
from quiz.study.plan.pace import FITS_SLACK

COSTS = (8.0, 20.0, 45.0, 300.0)
GAINS = (0.0, 0.01, 0.05, 0.3)


def _looks(rng: random.Random, cards: int, days: int) -> plan_looks.CandidateLooks:
    """Each card one look a day, all of one card's at its own seconds."""
    made = plan_looks.CandidateLooks()
    for number in range(cards):
        cost = rng.choice(COSTS)
        for day in range(days):
            made.cards.append(made.number(f"c{number}", unseen=rng.random() < 0.2))
            made.days.append(day)
            made.gains.append(rng.choice(GAINS))
            made.costs.append(cost)
    return made


def _capacity(room: list[float], cheapest: float) -> int:
    """How many looks of the cheapest seconds the days can hold."""
    return sum(math.floor((left + FITS_SLACK) / cheapest) for left in room)


@pytest.mark.parametrize("vectorised", [False, True])
@pytest.mark.parametrize("seed", range(30))
def test_more_cheap_cards_than_room_crowd_every_day_in_any_order(
    seed: int, vectorised: bool
) -> None:
    rng = random.Random(seed)
    days = rng.randint(1, 6)
    looks = _looks(rng, rng.randint(4, 60), days)
    cheapest = min(looks.costs)
    pairs = zip(looks.cards, looks.costs, strict=True)
    cheap_cards = len({card for card, cost in pairs if cost == cheapest})
    # the days' room, some of it left over below the cheapest look, within the condition
    room = [0.0] * days
    for _ in range(cheap_cards - 1):
        room[rng.randrange(days)] += cheapest
    room = [left + rng.random() * cheapest * 0.99 for left in room]
    assert _capacity(room, cheapest) < cheap_cards
    order = list(range(looks.count))
    rng.shuffle(order)  # any order: a price's ranking, or none
    columns = plan_placement._Columns.of(looks, vectorised=vectorised)
    placed = plan_placement._place(looks, room, 0.0, 1e9, order, columns)
    assert placed.crowded == frozenset(range(days))


@pytest.mark.parametrize("seed", range(10))
def test_with_room_for_every_card_a_day_can_stay_uncrowded(seed: int) -> None:
    """The condition is what crowds the days: with room for every card on every day,
    nothing is turned away."""
    rng = random.Random(seed)
    days = rng.randint(1, 6)
    looks = _looks(rng, rng.randint(4, 60), days)
    room = [sum(looks.costs)] * days
    order = list(range(looks.count))
    rng.shuffle(order)
    columns = plan_placement._Columns.of(looks, vectorised=True)
    placed = plan_placement._place(looks, room, 0.0, 1e9, order, columns)
    assert placed.crowded == frozenset()
    assert placed.looks == len(looks.names)
