"""The last pass's quick paths give what the plain ones gave (nineteenth round).

The heavy home (10,000 cards) made `drillbit plan` take 20 s of CPU, nearly all of it in
the forecast's last-pass days: fsrs simulated every card's review on every day left
again each day, the looks were ranked with a Python key per look, and each ranking
walked all 200,000 looks after the days were full. Each quick path is checked here
against the plain computation it replaced, on looks made to tie and to crowd the days.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import numpy as np
import pytest
from fsrs import Card, Rating, Scheduler

from quiz.study.plan import RecallCache
from quiz.study.plan import curve as plan_curve
from quiz.study.plan import looks as plan_looks
from quiz.study.plan import pace as plan_pace
from quiz.study.plan import placement as plan_placement
from quiz.study.plan import ties as plan_ties


@dataclass(frozen=True)
class Look:
    """One candidate of the last pass, as `last_pass` made them until the twenty-first round
    (an object per look; now columns, `plan_looks.CandidateLooks`)."""

    card_id: str
    day: int
    gain: float
    seconds: float
    new: bool


def columns(looks: Sequence[Look]) -> plan_looks.CandidateLooks:
    """The looks as the last pass's columns, each card numbered at its first look."""
    made = plan_looks.CandidateLooks()
    for look in looks:
        made.cards.append(made.number(look.card_id, unseen=look.new))
        made.days.append(look.day)
        made.gains.append(look.gain)
        made.costs.append(look.seconds)
    return made


def _plain_place(
    looks: Sequence[Look],
    room: Sequence[float],
    ready: float,
    goal: float,
    order: Sequence[int],
) -> plan_placement._Placement:
    """`_place` as it was before the nineteenth round: one look at a time to the end."""
    left = list(room)
    placed: set[str] = set()
    days: list[list[str]] = [[] for _ in room]
    new: set[str] = set()
    crowded: set[int] = set()
    seconds = 0.0
    for index in order:
        if ready >= goal:
            break
        look = looks[index]
        if look.card_id in placed:
            continue
        if not plan_pace.cost_fits(look.seconds, left[look.day]):
            crowded.add(look.day)
            continue
        placed.add(look.card_id)
        ready += look.gain
        seconds += look.seconds
        left[look.day] -= look.seconds
        days[look.day].append(look.card_id)
        if look.new:
            new.add(look.card_id)
    return plan_placement._Placement(
        days=tuple(tuple(day) for day in days),
        new=frozenset(new),
        ready=ready,
        looks=len(placed),
        seconds=seconds,
        crowded=frozenset(crowded),
    )


def _looks(rng: random.Random, cards: int, days: int) -> list[Look]:
    # few distinct gains and times: many ties, for the ranking's order among equals
    gains = [0.0, 0.01, 0.02, 0.05, 0.1, 0.3]
    costs = [8.0, 20.0, 20.0, 45.0, 300.0]
    looks = []
    for number in range(cards):
        cost = rng.choice(costs)
        new = rng.random() < 0.2
        for day in range(days):
            looks.append(Look(f"c{number}", day, rng.choice(gains), cost, new=new))
    return looks


CHUNKS = (1, 2, 7, 64, 1024)
"""`LIVE_CHUNK`s to walk with: the walk's state is read at each chunk's start."""


@pytest.mark.parametrize("vectorised", [False, True])
@pytest.mark.parametrize("seed", range(24))
def test_placing_the_looks_gives_what_the_plain_walk_gave(
    seed: int, vectorised: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    rng = random.Random(seed)
    monkeypatch.setattr(plan_placement, "LIVE_CHUNK", CHUNKS[seed % len(CHUNKS)])
    days = rng.randint(1, 5)
    looks = _looks(rng, rng.randint(0, 120), days)
    room = [rng.choice([0.0, 30.0, 100.0, 400.0, 1800.0]) for _ in range(days)]
    order = list(range(len(looks)))
    rng.shuffle(order)
    goal = rng.choice([5.0, 30.0, 1e9])  # reached, or never (every day fills)
    table = columns(looks)
    made = plan_placement._Columns.of(table, vectorised=vectorised)
    assert plan_placement._place(table, room, 2.0, goal, order, made) == _plain_place(
        looks, room, 2.0, goal, order
    )


def _plain_fewest_looks(
    looks: Sequence[Look],
    room: Sequence[float],
    ready: float,
    goal: float,
    tried: list[list[int]],
) -> plan_placement._Placement:
    """`fewest_looks` as it was before the nineteenth round (a Python key per look),
    noting each order it places in `tried`."""

    def place(order: list[int]) -> plan_placement._Placement:
        tried.append(order)
        return _plain_place(looks, room, ready, goal, order)

    def ranked(prices: Sequence[float]) -> list[int]:
        return sorted(
            range(len(looks)),
            key=lambda i: (
                -(looks[i].gain - prices[looks[i].day] * looks[i].seconds),
                -looks[i].day,
            ),
        )

    def better(one: plan_placement._Placement, other: plan_placement._Placement) -> bool:
        reached, was = one.ready >= goal, other.ready >= goal
        if reached != was:
            return reached
        if not reached:
            return one.ready > other.ready
        return (one.looks, one.seconds) < (other.looks, other.seconds)

    per_second = sorted(
        range(len(looks)), key=lambda i: (-looks[i].gain / looks[i].seconds, -looks[i].day)
    )
    best = place(per_second)
    top = max((look.gain / look.seconds for look in looks), default=0.0)
    prices = [0.0] * len(room)
    for _round in range(plan_placement.PRICE_ROUNDS):
        placement = place(ranked(prices))
        if better(placement, best):
            best = placement
        if not placement.crowded:
            break
        for day in placement.crowded:
            prices[day] = prices[day] * plan_placement.PRICE_STEP if prices[day] else top / 50
    return best


@pytest.mark.parametrize("numpy_from", [0, 10**9])  # numpy used, or not
@pytest.mark.parametrize("seed", range(12))
def test_the_fewest_looks_are_what_the_plain_ranking_and_walk_chose(
    seed: int, numpy_from: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(plan_placement, "NUMPY_LOOKS", numpy_from)
    monkeypatch.setattr(plan_placement, "NUMPY_LOOKS_LOADED", numpy_from)
    monkeypatch.setattr(plan_placement, "LIVE_CHUNK", CHUNKS[seed % len(CHUNKS)])
    rng = random.Random(100 + seed)
    days = rng.randint(2, 6)
    looks = _looks(rng, 150, days)
    # a day with room for most looks is never crowded: its price stays 0 while the
    # others' rise, so the days are priced apart
    room = [rng.choice([60.0, 300.0, 900.0]) for _ in range(days - 1)] + [4000.0]
    rng.shuffle(room)
    # every ranking sorted and walked, to compare its order (the one-price rankings merged
    # from their streams instead: tests/study/test_plan_streams.py)
    monkeypatch.setattr(plan_placement, "_place_by_streams", lambda *args: None)
    place = plan_placement._place
    quick_orders: list[list[int]] = []

    def noted(*args: object, **kwargs: object) -> plan_placement._Placement:
        placed = place(*args, **kwargs)  # type: ignore[arg-type]
        # read whole after the walk, which sorted a ranking only as far as it went
        quick_orders.append(list(args[4]))  # type: ignore[call-overload]
        return placed

    monkeypatch.setattr(plan_placement, "_place", noted)
    quick = plan_placement.fewest_looks(columns(looks), room, 10.0, 40.0)
    plain_orders: list[list[int]] = []
    assert quick == _plain_fewest_looks(looks, room, 10.0, 40.0, plain_orders)
    # every ranking tried (per second, then at each round's prices) is the same order
    assert quick_orders == plain_orders
    assert len(quick_orders) > 2, "the prices moved: several rounds were ranked"


def _keys(rng: random.Random, count: int, values: Sequence[float]) -> tuple[np.ndarray, np.ndarray]:
    first = np.array([rng.choice(values) for _ in range(count)], dtype=np.float64)
    then = np.array([-rng.randint(0, 3) for _ in range(count)], dtype=np.int64)
    return first, then


SPREADS = (
    [-0.5, -0.1, 0.0, -0.0, 0.2],  # nearly all tied, 0.0 and -0.0 among them
    [round(-0.001 * k, 3) for k in range(200)],  # some ties
    None,  # no ties: random floats
)


@pytest.mark.parametrize("seed", range(12))
def test_the_ranking_read_in_parts_is_a_stable_sort_on_both_keys(seed: int) -> None:
    rng = random.Random(seed)
    count = rng.randint(0, 400)
    spread = SPREADS[seed % len(SPREADS)]
    if spread is None:
        first = np.array([-rng.random() for _ in range(count)], dtype=np.float64)
        then = np.array([-rng.randint(0, 3) for _ in range(count)], dtype=np.int64)
    else:
        first, then = _keys(rng, count, spread)
    plain = sorted(range(count), key=lambda i: (float(first[i]), int(then[i])))
    ranking = plan_placement._Ranking(first, then, size=rng.choice([1, 5, 40, 1000]))
    assert len(ranking) == count
    end = 0
    while end < count:
        end = min(count, end + rng.randint(1, 60))
        head = ranking.head(end)
        assert head[:end].tolist() == plain[:end]
        position = rng.randint(0, end)
        # the rest is read as a set: every look from `position` on, once each
        assert sorted(ranking.rest(position).tolist()) == sorted(plain[position:])
    assert list(ranking) == plain


@pytest.mark.parametrize("seed", range(16))
def test_a_ranking_laid_out_in_runs_is_the_same_ranking(seed: int) -> None:
    """The thirty-fifth round merges runs (`_Runs`) instead of sorting each price round
    from scratch: the ranking, ties, NaNs and all, must not move."""
    rng = random.Random(500 + seed)
    count = rng.randint(0, 400)
    day = np.array([rng.randint(0, 4) for _ in range(count)], dtype=np.int64)
    tied = seed % 2 == 0
    gain = np.array(
        [rng.choice([0.01, 0.02, 0.05]) if tied else rng.random() for _ in range(count)],
        dtype=np.float64,
    )
    if count and seed % 4 == 1:
        gain[rng.randrange(count)] = np.nan
    cost = np.array([rng.choice([8.0, 20.0, 150.0]) for _ in range(count)], dtype=np.float64)
    runs = plan_placement._Runs(day, gain, cost)
    if seed % 3 == 0:
        first, layout = -gain / cost, runs.layout()
        groups = 3
    else:
        prices = [rng.choice([0.0, 1e-4, 3e-4]) for _ in range(5)]
        first = -(gain - np.array(prices)[day] * cost)
        layout = runs.layout(prices)
        groups = 3 * len(set(prices))
    assert sorted(layout.tolist()) == list(range(count))
    if not np.isnan(gain).any():
        # what makes the merge quick: the key comes in one sorted run per price and cost
        laid = first[layout]
        assert int((laid[1:] < laid[:-1]).sum()) < groups
    then = -day
    plain = np.lexsort((then, first)).tolist()
    ranking = plan_placement._Ranking(first, then, size=rng.choice([1, 5, 40]), layout=layout)
    end = 0
    while end < count:
        end = min(count, end + rng.randint(1, 60))
        assert ranking.head(end)[:end].tolist() == plain[:end]
        position = rng.randint(0, end)
        assert sorted(ranking.rest(position).tolist()) == sorted(plain[position:])
    assert list(ranking) == plain


@pytest.mark.parametrize("seed", range(6))
@pytest.mark.parametrize("kinds", [3, 200])  # groups that int16 holds, and more than it holds
def test_the_runs_layout_is_the_plain_stable_sort_by_price_and_cost(seed: int, kinds: int) -> None:
    """The thirty-sixth round gathers each look's day once and numbers the groups in int16
    when their bound fits (else int64): the layout must be the looks by gain, then
    grouped by the day's price and the look's cost with Python's stable sort."""
    rng = random.Random(900 + seed)
    count, days = rng.randint(0 if kinds < 100 else 2500, 3000), 200
    day = np.array([rng.randrange(days) for _ in range(count)], dtype=np.int64)
    gain = np.array([rng.choice([0.0, 0.1, 0.2, 0.5]) for _ in range(count)], dtype=np.float64)
    cost = np.array([float(rng.randint(1, kinds)) for _ in range(count)], dtype=np.float64)
    levels = [index / kinds for index in range(kinds)]
    prices = [levels[number % kinds] for number in range(days)]  # every level on some day
    rng.shuffle(prices)
    runs = plan_placement._Runs(day, gain, cost)
    by_gain = np.argsort(-gain).tolist()
    price_rank = {price: rank for rank, price in enumerate(sorted(set(prices)))}
    cost_rank = {one: rank for rank, one in enumerate(sorted(set(cost.tolist())))}

    def plain(key: Callable[[int], int]) -> list[int]:
        return sorted(by_gain, key=key)  # stable: by gain within a group

    priced = plain(lambda i: price_rank[prices[day[i]]] * len(cost_rank) + cost_rank[cost[i]])
    assert runs.layout(prices).tolist() == priced
    assert runs.layout().tolist() == plain(lambda i: cost_rank[cost[i]])
    if kinds == 200:
        assert len(set(prices)) * len(cost_rank) > np.iinfo(np.int16).max  # the int64 path


@pytest.mark.parametrize("seed", range(9))
def test_the_quick_sort_with_its_ties_put_in_order_is_lexsort(seed: int) -> None:
    rng = random.Random(seed)
    count = rng.randint(1, 3000)
    spread = SPREADS[seed % len(SPREADS)]
    if spread is None:
        first = np.array([-rng.random() for _ in range(count)], dtype=np.float64)
        # a few ties, under TIED_SHARE: the quick sort, then the ties in order
        for _ in range(count // 20):
            first[rng.randrange(count)] = first[rng.randrange(count)]
        then = np.array([-rng.randint(0, 3) for _ in range(count)], dtype=np.int64)
    else:
        first, then = _keys(rng, count, spread)
    index = np.array(sorted(rng.sample(range(10 * count), count)), dtype=np.int64)
    plain = np.lexsort((then, first)).tolist()
    assert plan_ties.ties_in_order(first, then, index).tolist() == plain
    with_nan = first.copy()
    with_nan[rng.randrange(count)] = np.nan
    assert (
        plan_ties.ties_in_order(with_nan, then, index).tolist()
        == np.lexsort((then, with_nan)).tolist()
    )


@pytest.mark.parametrize("seed", range(12))
def test_placing_a_ranking_sorted_as_far_as_it_is_read_gives_the_plain_walk(
    seed: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    rng = random.Random(200 + seed)
    monkeypatch.setattr(plan_placement, "LIVE_CHUNK", CHUNKS[seed % len(CHUNKS)])
    days = rng.randint(1, 5)
    looks = _looks(rng, rng.randint(1, 150), days)
    room = [rng.choice([0.0, 30.0, 100.0, 400.0, 1800.0]) for _ in range(days)]
    goal = rng.choice([5.0, 30.0, 1e9])
    table = columns(looks)
    made = plan_placement._Columns.of(table, vectorised=True)
    first = np.array([-(look.gain - 0.001 * look.day * look.seconds) for look in looks])
    then = np.array([-look.day for look in looks], dtype=np.int64)
    ranking = plan_placement._Ranking(first, then, size=rng.choice([1, 3, 50]))
    placed = plan_placement._place(table, room, 2.0, goal, ranking, made)
    assert placed == _plain_place(looks, room, 2.0, goal, list(ranking))


def test_the_recall_cache_gives_fsrs_own_recall_after_a_review_per_card_state() -> None:
    scheduler = Scheduler(enable_fuzzing=False)
    start = datetime(2026, 3, 20, tzinfo=UTC)
    moment = datetime(2026, 3, 1, 9, tzinfo=UTC)
    card = Card(card_id=1, due=moment - timedelta(days=30))
    cards = []
    for rating in (Rating.Good, Rating.Again, Rating.Good, Rating.Hard, Rating.Easy):
        card, _ = scheduler.review_card(card, rating, review_datetime=card.due)
        cards.append(card)
    cache = RecallCache()
    for steps in (True, False):
        for known in cards * 2:  # asked twice: the second answer is the remembered one
            for offset in range(5):
                when = moment + timedelta(days=offset)
                plain = plan_curve._recall_after_review(known, when, start, scheduler, steps=steps)
                assert cache.after_review(known, when, start, scheduler, steps=steps) == plain


def test_the_recall_cache_asked_a_day_later_gives_each_moment_its_own_recall() -> None:
    """The forecast's days ask a card's recalls at the same moments less the first: the
    cache answers from its last answer then (thirty-fifth round), and must give each
    moment's own recall, never the list shifted, whatever is asked in between."""
    scheduler = Scheduler(enable_fuzzing=False)
    start = datetime(2026, 3, 20, tzinfo=UTC)
    moment = datetime(2026, 3, 1, 9, tzinfo=UTC)
    card = Card(card_id=1, due=moment - timedelta(days=30))
    card, _ = scheduler.review_card(card, Rating.Good, review_datetime=card.due)
    card, _ = scheduler.review_card(card, Rating.Good, review_datetime=card.due)
    whens = [moment + timedelta(days=offset) for offset in range(12)]
    asked = [whens, whens[1:], whens[3:], whens[3:], whens[:5], whens[2:], [whens[7]], []]
    cache = RecallCache()
    for moments in asked:
        found = cache.after_reviews(card, moments, start, scheduler, steps=True)
        plain = [
            plan_curve._recall_after_review(card, when, start, scheduler, steps=True)
            for when in moments
        ]
        assert found == plain
        found.append(-1.0)  # the caller's list: changing it changes nothing kept


@pytest.mark.parametrize("vectorised", [False, True])
def test_once_the_days_are_full_a_placed_card_s_other_looks_crowd_no_day(vectorised: bool) -> None:
    look = Look
    looks = [
        look("a", 0, 0.5, 20.0, new=False),
        look("b", 1, 0.45, 20.0, new=False),
        look("a", 1, 0.4, 20.0, new=False),
        look("b", 0, 0.1, 20.0, new=False),
        look("c", 1, 0.05, 20.0, new=True),
    ]
    for order in ([0, 1, 2, 3], [0, 1, 2, 3, 4]):
        table = columns(looks)
        made = plan_placement._Columns.of(table, vectorised=vectorised)
        placed = plan_placement._place(table, [20.0, 20.0], 0.0, 10.0, order, made)
        assert placed == _plain_place(looks, [20.0, 20.0], 0.0, 10.0, order)
        # both days full: "c" turned away from day 1 crowds it; "a" and "b" are placed
        assert placed.crowded == (frozenset({1}) if 4 in order else frozenset())


def test_the_recall_cache_knows_a_tuple_of_moments_by_identity_and_a_list_by_its_moments() -> None:
    """The thirty-seventh round: the last pass asks every card with one tuple of moments,
    which the cache knows by its identity (and by its ids, which the cache keeps alive),
    instead of comparing the moments again for each card. A list changed between two
    asks, and tuples made and dropped one after another (whose ids Python reuses), must
    still get their own moments' recalls."""
    scheduler = Scheduler(enable_fuzzing=False)
    start = datetime(2026, 3, 20, tzinfo=UTC)
    moment = datetime(2026, 3, 1, 9, tzinfo=UTC)
    card = Card(card_id=1, due=moment - timedelta(days=30))
    card, _ = scheduler.review_card(card, Rating.Good, review_datetime=card.due)
    card, _ = scheduler.review_card(card, Rating.Good, review_datetime=card.due)

    def plain(moments: Sequence[datetime]) -> list[float]:
        return [
            plan_curve._recall_after_review(card, when, start, scheduler, steps=True)
            for when in moments
        ]

    cache = RecallCache()
    whens = [moment + timedelta(days=offset) for offset in range(6)]
    assert cache.after_reviews(card, whens, start, scheduler, steps=True) == plain(whens)
    whens[:] = [when + timedelta(hours=5) for when in whens]  # the same list, other moments
    assert cache.after_reviews(card, whens, start, scheduler, steps=True) == plain(whens)
    for shift in range(40):
        # fresh tuples, dropped after (Python reuses their ids): six moments, then their
        # end, or five other moments; an id kept must not stand for another tuple's
        moments = tuple(moment + timedelta(hours=shift, days=d) for d in range(6))
        after = (
            moments[1:] if shift % 2 else tuple(when + timedelta(hours=1) for when in moments[1:])
        )
        for asked in (moments, after):
            assert cache.after_reviews(card, asked, start, scheduler, steps=True) == plain(asked)
        del moments, after, asked
    same = tuple(whens)
    for _ in range(3):  # one tuple asked again and again: the answer of the first ask
        assert cache.after_reviews(card, same, start, scheduler, steps=True) == plain(same)
