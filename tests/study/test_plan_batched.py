"""The last pass's per-card work batched (thirty-ninth round, heavy39c): every seen card's
recalls after a review in one `RecallCache.after_reviews_many` call, every card's number in
one `CandidateLooks.numbers_of` call. Each must answer what the per-card calls answered, in
the same order, and leave the cache and the numbering as they left them: the forecast asks
again a day later, and `drillbit plan --json` prints what follows from these numbers.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from fsrs import Card, Scheduler, State
from hypothesis import given, settings
from hypothesis import strategies as st

from quiz.study.plan.curve import RecallCache
from quiz.study.plan.looks import CandidateLooks, SeenCardReviews, add_looks

MOMENT = datetime(2026, 3, 1, 9, 30, tzinfo=UTC)
SCHEDULERS = (
    Scheduler(enable_fuzzing=False),
    Scheduler(relearning_steps=(), enable_fuzzing=False),
    Scheduler(relearning_steps=(timedelta(days=1),), enable_fuzzing=False),
)
"""Relearning the same day (fsrs's `review_card` for each moment), not relearning, and a
step of a day (the quick path)."""


@st.composite
def _cards(draw: st.DrawFn) -> Card:
    """A card with a memory state, reviewed from an hour to a year before `MOMENT`
    (a few share states: the cache is keyed by them)."""
    state = draw(st.sampled_from([State.Learning, State.Review, State.Relearning]))
    return Card(
        card_id=1,
        state=state,
        step=None if state == State.Review else draw(st.sampled_from([0, 1])),
        stability=draw(st.sampled_from([0.001, 0.7, 3.0, 40.0, 1e6])),
        difficulty=draw(st.sampled_from([1.0, 5.5, 10.0])),
        due=MOMENT + timedelta(hours=draw(st.integers(-48, 48))),
        last_review=MOMENT - timedelta(hours=draw(st.sampled_from([1, 20, 30, 100, 9000]))),
    )


@settings(max_examples=60, deadline=None)
@given(
    cards=st.lists(_cards(), min_size=0, max_size=12),
    days=st.integers(1, 6),
    # each later ask: how many days it drops at the front (0: the same day again) and
    # how many of the cards it asks (a prefix: the others were reviewed in between)
    asks=st.lists(st.tuples(st.integers(0, 2), st.integers(0, 12)), max_size=4),
    scheduler=st.sampled_from(SCHEDULERS),
    steps=st.booleans(),
)
def test_the_batched_recalls_are_the_per_card_ones(
    cards: list[Card],
    days: int,
    asks: list[tuple[int, int]],
    scheduler: Scheduler,
    steps: bool,
) -> None:
    """Asked day after day on two caches, one per card and one batched, the answers are
    equal to the bit on every ask, as lists of the same recalls in the cards' order."""
    start = MOMENT + timedelta(days=days + 2)
    whens = tuple(MOMENT + timedelta(days=offset) for offset in range(days))
    alone, batched = RecallCache(), RecallCache()
    for drop, count in [(0, len(cards)), *asks]:
        whens = whens[drop:] or whens
        asked = cards[:count]
        one_by_one = [
            alone.after_reviews(card, whens, start, scheduler, steps=steps) for card in asked
        ]
        together = batched.after_reviews_many(asked, whens, start, scheduler, steps=steps)
        assert together == one_by_one
        assert all(type(answer) is list for answer in together)


def test_a_batched_answer_is_the_card_s_own_not_a_neighbour_s() -> None:
    """A wrong batch (every card given the first card's recalls, or the days shifted)
    would fail the equality above: two states far apart recall differently."""
    weak = Card(1, State.Review, None, 0.7, 9.0, due=MOMENT, last_review=MOMENT - timedelta(1))
    strong = Card(1, State.Review, None, 400.0, 2.0, due=MOMENT, last_review=MOMENT - timedelta(9))
    whens = tuple(MOMENT + timedelta(days=offset) for offset in range(3))
    start = MOMENT + timedelta(days=10)
    scheduler = SCHEDULERS[1]
    first, second = RecallCache().after_reviews_many(
        [weak, strong], whens, start, scheduler, steps=False
    )
    assert first != second
    assert first == RecallCache().after_reviews(weak, whens, start, scheduler, steps=False)
    assert second[1:] == RecallCache().after_reviews(
        strong, whens[1:], start, scheduler, steps=False
    )


@given(
    seen=st.lists(st.sampled_from("abcdefgh"), max_size=20),
    new=st.lists(st.sampled_from("efghijk"), max_size=10),
)
def test_the_batched_numbers_are_the_per_card_ones(seen: list[str], new: list[str]) -> None:
    """Numbered in one call per kind or one card at a time, the cards get the same numbers,
    names and unseen flags, a card met twice keeping its first number."""
    alone, batched = CandidateLooks(), CandidateLooks()
    one_by_one = [alone.number(card, unseen=False) for card in seen]
    one_by_one += [alone.number(card, unseen=True) for card in new]
    together = batched.numbers_of(seen, unseen=False) + batched.numbers_of(new, unseen=True)
    assert together == one_by_one
    assert (batched.names, batched.unseen, batched.numbers) == (
        alone.names,
        alone.unseen,
        alone.numbers,
    )


@settings(max_examples=60, deadline=None)
@given(
    rows=st.lists(
        st.tuples(
            st.lists(st.floats(0.0, 1.0), min_size=3, max_size=3),
            st.floats(0.0, 1.0),
            st.sampled_from([8.0, 20.0, 240.0]),
        ),
        max_size=15,
    ),
    firsts=st.lists(st.floats(0.0, 1.0), min_size=3, max_size=3),
    unseen=st.lists(st.sampled_from([8.0, 45.0]), max_size=4),
)
def test_the_columns_kept_as_arrays_read_as_the_loop_s_lists(
    rows: list[tuple[list[float], float, float]], firsts: list[float], unseen: list[float]
) -> None:
    """Built with numpy, the looks keep their columns as arrays only; read as lists, counted
    and their cheapest look taken, they are the loop's, to the bit."""
    reviews = SeenCardReviews()
    for number, (after, now, cost) in enumerate(rows):
        reviews.after.append(after)
        reviews.now.append(now)
        reviews.numbers.append(number)
        reviews.costs.append(cost)
    new = [(len(rows) + k, cost) for k, cost in enumerate(unseen)]
    plain, matrix = CandidateLooks(), CandidateLooks()
    add_looks(plain, reviews, firsts, new, vectorised=False)
    add_looks(matrix, reviews, firsts, new, vectorised=True)
    assert not matrix._columns  # no list made until one is read
    assert (matrix.count, matrix.cheapest) == (plain.count, plain.cheapest)
    assert (matrix.count, matrix.cheapest) == (len(plain.cards), min(plain.costs, default=0.0))
    assert not matrix._columns
    assert (matrix.cards, matrix.days, matrix.gains, matrix.costs) == (
        plain.cards,
        plain.days,
        plain.gains,
        plain.costs,
    )
