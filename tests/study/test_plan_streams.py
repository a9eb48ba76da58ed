"""The one-price rankings walked as a merge of their streams (`quiz.study.plan.stream_walk`)
place the looks as the ranking sorted and walked does, to the bit (thirty-ninth round)."""

from __future__ import annotations

import random

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quiz.study.plan import placement as plan_placement
from quiz.study.plan import stream_walk
from tests.study.test_plan_speed import Look, _plain_fewest_looks, _plain_place, columns

GAINS = (0.0, 0.01, 0.02, 0.05, 0.1, 0.3, 1.0, 1.0 + 2.0**-52)
"""Few gains, so many ties; the last two round to one key at a price (see below)."""
COSTS = (8.0, 20.0, 45.0, 300.0)


@st.composite
def _walks(draw: st.DrawFn) -> tuple[list[Look], list[float], float, float, float | None]:
    """Looks (each card one cost, a look on each day but a few), rooms, readiness, a goal,
    and the one price (None: per second)."""
    days = draw(st.integers(1, 6))
    count = draw(st.integers(0, 60))
    looks = []
    for number in range(count):
        cost = draw(st.sampled_from(COSTS))
        new = draw(st.booleans())
        for day in range(days):
            if draw(st.integers(0, 9)) == 0:
                continue  # a day on which the card gains nothing
            looks.append(Look(f"c{number}", day, draw(st.sampled_from(GAINS)), cost, new))
    room = [draw(st.sampled_from([0.0, 8.0, 30.0, 100.0, 400.0, 1800.0])) for _ in range(days)]
    goal = draw(st.sampled_from([3.0, 10.0, 1e9]))  # reached, or never (every day fills)
    price = draw(st.sampled_from([None, 0.0, 0.0002, 0.01, 0.5]))
    return looks, room, 1.0, goal, price


def _ranked(looks: list[Look], price: float | None) -> list[int]:
    """The ranking as `fewest_looks` orders it: its key, then the later day, then the index
    (Python's stable sort)."""
    if price is None:
        return sorted(
            range(len(looks)), key=lambda i: (-looks[i].gain / looks[i].seconds, -looks[i].day)
        )
    return sorted(
        range(len(looks)),
        key=lambda i: (-(looks[i].gain - price * looks[i].seconds), -looks[i].day),
    )


@settings(max_examples=300, deadline=None)
@given(_walks())
def test_a_one_price_ranking_merged_from_its_streams_is_placed_as_sorted_and_walked(
    walk: tuple[list[Look], list[float], float, float, float | None],
) -> None:
    looks, room, ready, goal, price = walk
    table = columns(looks)
    cols = plan_placement._Columns.of(table, vectorised=True)
    assert cols.cards is not None and cols.on_day is not None
    assert cols.gains is not None and cols.costs is not None
    streams = stream_walk.LookStreams(cols.cards, cols.on_day, cols.gains, cols.costs)
    if not streams.usable:
        assert not looks  # every cost here is above 0 and every gain finite
        return
    merged = plan_placement._place_by_streams(table, room, ready, goal, streams, price, cols)
    plain = _plain_place(looks, room, ready, goal, _ranked(looks, price))
    if merged is None:
        # only where two gains of one day and cost round to one key at this price
        key = -(cols.gains - (price or 0.0) * cols.costs)
        assert price is not None and len(set(key.tolist())) < len(
            set(zip(cols.gains.tolist(), cols.on_day.tolist(), cols.costs.tolist(), strict=True))
        )
        return
    assert merged.placement() == plain


@settings(max_examples=200, deadline=None)
@given(_walks(), st.sampled_from([1, 2, 3]), st.sampled_from([1, 2, 16]))
def test_streams_read_into_lists_a_few_looks_at_a_time_place_as_sorted_and_walked(
    walk: tuple[list[Look], list[float], float, float, float | None], first_made: int, by_hand: int
) -> None:
    # the walk reads each stream's front from lists filled as it goes (`LookStreams.reach`):
    # with a front of one look every later look is reached through it
    looks, room, ready, goal, price = walk
    table = columns(looks)
    cols = plan_placement._Columns.of(table, vectorised=True)
    assert cols.cards is not None and cols.on_day is not None
    assert cols.gains is not None and cols.costs is not None
    kept = stream_walk.FIRST_MADE, stream_walk.SKIP_BY_HAND
    stream_walk.FIRST_MADE, stream_walk.SKIP_BY_HAND = first_made, by_hand
    try:
        streams = stream_walk.LookStreams(cols.cards, cols.on_day, cols.gains, cols.costs)
        merged = (
            plan_placement._place_by_streams(table, room, ready, goal, streams, price, cols)
            if streams.usable
            else None
        )
    finally:
        stream_walk.FIRST_MADE, stream_walk.SKIP_BY_HAND = kept
    if merged is not None:
        assert merged.placement() == _plain_place(looks, room, ready, goal, _ranked(looks, price))
        # the lists hold the arrays' values wherever they were filled
        for number, (start, made) in enumerate(zip(streams.start, streams.made, strict=True)):
            assert streams.card[start:made] == streams.cards_in_order[start:made].tolist()
            assert streams.index[start:made] == streams._order[start:made].tolist()
            assert made <= streams.end[number]


def test_two_gains_that_round_to_one_key_send_the_ranking_to_the_sort() -> None:
    # 1 - 4 and (1 + 2**-52) - 4 round to the same float: the ranking orders those two looks
    # by index, not by gain, so the streams' order is not the ranking's
    looks = [Look("a", 0, 1.0, 8.0, False), Look("b", 0, 1.0 + 2.0**-52, 8.0, False)]
    table = columns(looks)
    cols = plan_placement._Columns.of(table, vectorised=True)
    assert cols.cards is not None and cols.on_day is not None
    assert cols.gains is not None and cols.costs is not None
    streams = stream_walk.LookStreams(cols.cards, cols.on_day, cols.gains, cols.costs)
    assert not streams.ordered(0.5)
    assert streams.ordered(None)
    room = [8.0]  # room for one: the ranking's first look is placed
    assert plan_placement._place_by_streams(table, room, 0.0, 9.0, streams, 0.5, cols) is None
    placed = plan_placement.fewest_looks(table, room, 0.0, 9.0)
    assert placed == _plain_fewest_looks(looks, room, 0.0, 9.0, [])


@pytest.mark.parametrize("first_made", [1, 2, 128])  # streams' lists filled a few at a time
@pytest.mark.parametrize("by_hand", [1, 3, 16])  # numpy finds the next card not placed early
@pytest.mark.parametrize("seed", range(12))
def test_the_fewest_looks_walk_their_one_price_rankings_as_streams(
    seed: int, by_hand: int, first_made: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(stream_walk, "SKIP_BY_HAND", by_hand)
    monkeypatch.setattr(stream_walk, "FIRST_MADE", first_made)
    # every day short of room: every round crowds every day, so each price is one for all
    monkeypatch.setattr(plan_placement, "NUMPY_LOOKS", 0)
    monkeypatch.setattr(plan_placement, "NUMPY_LOOKS_LOADED", 0)
    rng = random.Random(300 + seed)
    days = rng.randint(2, 6)
    looks = [
        Look(f"c{number}", day, rng.choice(GAINS[:6]) * rng.random(), cost, new=number % 5 == 0)
        for number, cost in ((n, rng.choice(COSTS)) for n in range(120))
        for day in range(days)
    ]
    room = [rng.choice([30.0, 100.0, 400.0]) for _ in range(days)]
    walked: list[float | None] = []
    walk = stream_walk.walk_streams

    def noted(streams: stream_walk.LookStreams, price: float | None, *rest):  # type: ignore[no-untyped-def]
        walked.append(price)
        return walk(streams, price, *rest)

    monkeypatch.setattr(plan_placement, "walk_streams", noted)
    quick = plan_placement.fewest_looks(columns(looks), room, 1.0, 1e9)
    assert quick == _plain_fewest_looks(looks, room, 1.0, 1e9, [])
    # the ranking per second and every round's were merged from the streams
    assert walked[0] is None and len(walked) == 1 + plan_placement.PRICE_ROUNDS


@pytest.mark.parametrize("days", [3, 63, 70])  # bits per card up to day 62, counted past it
@pytest.mark.parametrize("seed", range(4))
def test_the_days_left_to_cards_not_placed_are_those_of_their_looks(seed: int, days: int) -> None:
    rng = random.Random(500 + seed)
    looks = [
        Look(f"c{number}", day, rng.choice(GAINS[1:6]), 20.0, new=False)
        for number in range(40)
        for day in range(days)
        if rng.random() < 0.3
    ]
    table = columns(looks)
    cols = plan_placement._Columns.of(table, vectorised=True)
    assert cols.cards is not None and cols.on_day is not None
    assert cols.gains is not None and cols.costs is not None
    streams = stream_walk.LookStreams(cols.cards, cols.on_day, cols.gains, cols.costs)
    taken = bytearray(rng.random() < 0.9 for _ in table.names)
    expected = sorted({look.day for look in looks if not taken[table.numbers[look.card_id]]})
    found = streams.days_of_cards_left(taken, days)
    assert found == (None if days > 63 else expected)
    # and the walk that fills every day marks those days crowded, either way
    room = [20.0] * days
    merged = plan_placement._place_by_streams(table, room, 0.0, 1e9, streams, 0.01, cols)
    assert merged is not None
    assert merged.placement() == _plain_place(looks, room, 0.0, 1e9, _ranked(looks, 0.01))


@given(
    st.lists(
        st.tuples(st.integers(0, 30), st.sampled_from([8.0, 13.36, 20.0, 300.0])),
        min_size=1,
        max_size=80,
    ),
    st.booleans(),
)
def test_the_cost_ranks_are_numpy_s_unique(looks: list[tuple[int, float]], per_card: bool) -> None:
    # each card one cost (the last pass's looks), or costs that differ within a card
    cost_of: dict[int, float] = {}
    pairs = [(card, cost_of.setdefault(card, cost) if per_card else cost) for card, cost in looks]
    cards = np.array([card for card, _ in pairs], dtype=np.int64)
    costs = np.array([cost for _, cost in pairs], dtype=np.float64)
    distinct, rank = stream_walk._cost_ranks(cards, costs)
    expected_distinct, expected_rank = np.unique(costs, return_inverse=True)
    assert distinct.tolist() == expected_distinct.tolist()
    assert rank.tolist() == expected_rank.tolist()


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.integers(0, 5),
            # few gains (ties), signed zeros, and gains one bit apart
            st.sampled_from([0.0, -0.0, 0.25, 0.5, 0.1, np.nextafter(0.1, 1.0), 1e-12, 3.0]),
        ),
        min_size=1,
        max_size=120,
    ),
    st.integers(0, 200),
)
def test_the_streams_order_is_lexsort_s(looks: list[tuple[int, float]], spread: int) -> None:
    """`_by_group_then_gain` (a quick sort, its ties by position, then a stable sort of the
    groups) gives `numpy.lexsort((-gains, group))`'s order: ties of gain within and across
    groups in position order, 0.0 and -0.0 one gain, few ties and mostly ties (the two ways
    `_ties_in_order` takes); `spread` adds distinct gains so that ties are fewer."""
    rng = random.Random(spread)
    pairs = looks + [(rng.randrange(6), rng.random()) for _ in range(spread)]
    rng.shuffle(pairs)
    group = np.array([g for g, _ in pairs], dtype=np.int16)
    gains = np.array([gain for _, gain in pairs], dtype=np.float64)
    found = stream_walk._by_group_then_gain(gains, group)
    assert found.tolist() == np.lexsort((-gains, group)).tolist()


@pytest.mark.parametrize("seed", range(6))
def test_fewest_looks_names_only_the_placement_it_keeps(
    seed: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every day crowded, each round is a merge of the streams (`_Walked`); the kept one is
    named once, the others only compared by their sums (a heavy home's forecast named 1.6
    million placed looks for 38 kept placements), and the choice is the plain one."""
    monkeypatch.setattr(plan_placement, "NUMPY_LOOKS", 0)
    monkeypatch.setattr(plan_placement, "NUMPY_LOOKS_LOADED", 0)
    rng = random.Random(500 + seed)
    days = rng.randint(2, 6)
    looks = [
        Look(f"c{number}", day, rng.choice(GAINS[1:]), cost, new=new)
        for number in range(200)
        for cost, new in [(rng.choice(COSTS), rng.random() < 0.2)]
        for day in range(days)
    ]
    room = [rng.choice([60.0, 300.0, 900.0]) for _ in range(days)]
    walked, named = [], []
    walk, name = plan_placement._place_by_streams, plan_placement._Walked.placement

    def noted_walk(*args: object) -> plan_placement._Walked | None:
        found = walk(*args)  # type: ignore[arg-type]
        walked.append(found)
        return found

    def noted_name(self: plan_placement._Walked) -> plan_placement._Placement:
        named.append(self)
        return name(self)

    monkeypatch.setattr(plan_placement, "_place_by_streams", noted_walk)
    monkeypatch.setattr(plan_placement._Walked, "placement", noted_name)
    kept = plan_placement.fewest_looks(columns(looks), room, 10.0, 1e9)
    assert len([one for one in walked if one is not None]) > 2, "several rounds merged"
    assert len(named) == 1 and named[0] in walked
    assert kept == _plain_fewest_looks(looks, room, 10.0, 1e9, [])


@pytest.mark.parametrize("seed", range(6))
def test_the_days_of_cards_are_every_look_s_day_even_in_runs_apart(seed: int) -> None:
    """`_days_of_cards` ors a card's bits along each run of its looks, then the runs': a card
    whose looks are split among runs (in any order) gets every one of its days."""
    rng = random.Random(900 + seed)
    pairs = [(rng.randrange(12), rng.randrange(63)) for _ in range(rng.randrange(1, 300))]
    if seed % 2:
        pairs.sort()  # the last pass's shape: a card's looks together
    cards = np.array([card for card, _ in pairs], dtype=np.int64)
    days = np.array([day for _, day in pairs], dtype=np.int64)
    expected = [0] * (int(cards.max()) + 1)
    for card, day in pairs:
        expected[card] |= 1 << day
    assert stream_walk.LookStreams._days_of_cards(cards, days) == expected
