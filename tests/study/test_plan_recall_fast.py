"""The forecast's quick recall paths give fsrs's own numbers, to the bit (twentieth round).

`recall_at` and `readiness` evaluate fsrs's forgetting curve with the scheduler's factor and
decay instead of calling `Scheduler.get_card_retrievability` per card, and a review-state
card's recall after a review takes fsrs's stability formulas instead of two `review_card`s
(`_recall_after_plain_review`). Each is compared here with fsrs's own computation on random
memory states, including a card never seen, a card due now, a review at the same moment as
the last one, a review before it, and stabilities at fsrs's floor and far beyond any
interval. Equality is exact (`==` on floats): `drillbit plan --json` prints these.
"""

from __future__ import annotations

import math
import random
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

import pytest
from fsrs import Card, Rating, Scheduler, State
from fsrs.scheduler import DEFAULT_PARAMETERS, LOWER_BOUNDS_PARAMETERS, UPPER_BOUNDS_PARAMETERS

from quiz.study.plan import curve as plan_curve
from quiz.study.plan import readiness, recall_at
from quiz.study.plan import recall_on_day as plan_recall_on_day
from tests.study.fakes import FakeCard

MOMENT = datetime(2026, 3, 1, 9, 30, tzinfo=UTC)

LOWER, UPPER = LOWER_BOUNDS_PARAMETERS, UPPER_BOUNDS_PARAMETERS
STABILITIES = (0.001, 0.0123, 0.5, 1.0, 3.7, 25.0, 365.0, 36_500.0, 1e9)
"""fsrs's floor (`STABILITY_MIN`), tiny, ordinary, and far beyond any interval."""


def _schedulers() -> list[Scheduler]:
    """The default, another retention, another decay (fsrs 6's last parameter), no
    relearning steps, and a relearning step of a day or more."""
    other_decay = (*DEFAULT_PARAMETERS[:20], 0.5)
    return [
        Scheduler(enable_fuzzing=False),
        Scheduler(desired_retention=0.8, enable_fuzzing=False),
        Scheduler(parameters=other_decay, enable_fuzzing=False),
        Scheduler(relearning_steps=(), enable_fuzzing=False),
        Scheduler(relearning_steps=(timedelta(days=1),), enable_fuzzing=False),
        Scheduler(relearning_steps=(timedelta(days=2), timedelta(minutes=5)), enable_fuzzing=False),
        Scheduler(learning_steps=(), relearning_steps=(timedelta(minutes=1),)),
    ]


def _states(rng: random.Random, count: int) -> list[Card]:
    """Random fsrs memory states around `MOMENT`, with the edge cases first."""
    cards = [
        Card(card_id=1, due=MOMENT),  # never answered: no stability, no last review
        Card(1, State.Review, None, 5.0, 5.0, due=MOMENT, last_review=MOMENT),  # reviewed now
        Card(1, State.Review, None, 5.0, 5.0, due=MOMENT, last_review=MOMENT - timedelta(days=5)),
        Card(1, State.Review, None, 0.001, 10.0, due=MOMENT, last_review=MOMENT - timedelta(1)),
        Card(1, State.Review, None, 1e9, 1.0, due=MOMENT, last_review=MOMENT - timedelta(900)),
        Card(1, State.Review, None, 2.0, 3.0, due=MOMENT, last_review=MOMENT + timedelta(hours=30)),
    ]
    for _ in range(count):
        state = rng.choice([State.Learning, State.Review, State.Relearning])
        ago = timedelta(days=rng.choice([0, 0.2, 0.99, 1, 1.01, 3, 17.5, 400]) * rng.random() * 2)
        reviewed = MOMENT - ago
        cards.append(
            Card(
                card_id=1,
                state=state,
                step=None if state == State.Review else rng.choice([0, 1]),
                stability=rng.choice(STABILITIES) * rng.choice([1.0, 1.0 + rng.random()]),
                difficulty=rng.choice([1.0, 10.0, 1.0 + 9.0 * rng.random()]),
                due=MOMENT + timedelta(hours=rng.randint(-48, 48)),
                last_review=reviewed,
            )
        )
    return cards


def _moments(rng: random.Random) -> list[datetime]:
    """Moments around `MOMENT`: the same instant, within the day, days on, and in another
    time zone (an aware local time is the same instant)."""
    east = timezone(timedelta(hours=5, minutes=30))
    return [
        MOMENT,
        MOMENT + timedelta(hours=rng.randint(1, 23)),
        MOMENT + timedelta(days=rng.randint(1, 40), minutes=rng.randint(0, 1440)),
        (MOMENT + timedelta(days=rng.randint(1, 9))).astimezone(east),
        MOMENT - timedelta(days=2),
    ]


@pytest.mark.parametrize("seed", range(4))
def test_recall_at_is_fsrs_own_retrievability_to_the_bit(seed: int) -> None:
    rng = random.Random(seed)
    for scheduler in _schedulers():
        for card in _states(rng, 60):
            for moment in _moments(rng):
                own = float(scheduler.get_card_retrievability(card, moment.astimezone(UTC)))
                assert recall_at(card, moment, scheduler) == own
    assert recall_at(None, MOMENT, Scheduler()) == 0.0


@pytest.mark.parametrize("seed", range(4))
def test_the_recall_after_a_review_is_fsrs_own_review_to_the_bit(seed: int) -> None:
    rng = random.Random(seed)
    for scheduler in _schedulers():
        exact = Scheduler.from_dict({**scheduler.to_dict(), "enable_fuzzing": False})
        for card in _states(rng, 60):
            if card.last_review is None:
                continue  # the last pass prices reviews of cards seen
            for when in _moments(rng)[:4]:
                when = when.astimezone(UTC)
                start = when + timedelta(days=rng.choice([0, 1, 5, 30]), hours=rng.randint(0, 20))
                for steps in (True, False):
                    quick = plan_curve._recall_after_review(card, when, start, exact, steps=steps)
                    own = plan_curve._recall_after_review_fsrs(
                        card, when, start, exact, steps=steps
                    )
                    assert quick == own


@pytest.mark.parametrize("seed", range(3))
def test_a_state_priced_on_every_day_left_at_once_is_fsrs_own_on_each(seed: int) -> None:
    """`RecallCache.after_reviews` prices a card state's review on every day left in one
    call (`_PlainReviews.recalls`, its loop written out): each is fsrs's own review to the
    bit, days before the last review and a day after it among them."""
    rng = random.Random(seed)
    for scheduler in _schedulers():
        exact = Scheduler.from_dict({**scheduler.to_dict(), "enable_fuzzing": False})
        for card in _states(rng, 40):
            if card.last_review is None:
                continue
            first = card.last_review.astimezone(UTC) + timedelta(
                days=rng.randint(-2, 3), hours=rng.randint(0, 23)
            )
            whens = tuple(first + timedelta(days=offset) for offset in range(rng.randint(1, 40)))
            start = whens[-1] + timedelta(days=rng.choice([0, 1, 4]), hours=rng.randint(0, 20))
            for steps in (True, False):
                found = plan_curve.RecallCache().after_reviews(
                    card, whens, start, exact, steps=steps
                )
                own = [
                    plan_curve._recall_after_review_fsrs(card, when, start, exact, steps=steps)
                    for when in whens
                ]
                assert found == own


@pytest.mark.parametrize("seed", range(3))
def test_the_stabilities_written_out_are_fsrs_own_to_the_bit(seed: int) -> None:
    """`_PlainReviews` writes out fsrs's `_next_stability` after Good and after Again with
    each card's factors worked out once (twenty-fourth round): the same floats as fsrs's
    own function, for random parameters within fsrs's bounds (one of them a whole number),
    difficulties, stabilities from the floor to 1e9 and retrievabilities from 0 to 1, the
    forget formula's two branches both taken."""
    rng = random.Random(seed)
    branches: set[bool] = set()
    schedulers = _schedulers()
    for _ in range(6):
        weights = [rng.uniform(low, high) for low, high in zip(LOWER, UPPER, strict=True)]
        whole = [i for i, (low, high) in enumerate(zip(LOWER, UPPER, strict=True)) if high >= 1]
        index = rng.choice(whole)
        weights[index] = max(1, math.ceil(LOWER[index]))  # an int, as a settings file may give
        schedulers.append(Scheduler(parameters=weights, enable_fuzzing=False))
    for scheduler in schedulers:
        curve = plan_curve._curve_constants(scheduler)
        for stability in (*STABILITIES, *(rng.uniform(0.001, 500.0) for _ in range(8))):
            for difficulty in (1.0, 10.0, rng.uniform(1.0, 10.0), rng.uniform(1.0, 10.0)):
                card = Card(1, State.Review, None, stability, difficulty, due=MOMENT)
                card.last_review = MOMENT - timedelta(days=3)
                reviews = plan_curve._PlainReviews(card, scheduler, curve)
                for chance in (0.0, 1.0, rng.random(), rng.random(), 0.9):
                    own = tuple(
                        scheduler._next_stability(
                            difficulty=difficulty,
                            stability=stability,
                            retrievability=chance,
                            rating=rating,
                        )
                        for rating in (Rating.Good, Rating.Again)
                    )
                    assert reviews.stabilities(chance) == own
                    long_term = scheduler._next_forget_stability(
                        difficulty=difficulty, stability=stability, retrievability=chance
                    )
                    branches.add(long_term == own[1])
    assert branches == {True, False}


def test_the_quick_review_path_is_taken_only_where_fsrs_would_not_relearn_the_same_day() -> None:
    default = Scheduler(enable_fuzzing=False)  # relearning step: 10 minutes
    assert plan_curve._lapse_stepped_same_day(default, State.Review, steps=True)
    assert not plan_curve._lapse_stepped_same_day(default, State.Review, steps=False)
    no_steps = Scheduler(relearning_steps=(), enable_fuzzing=False)
    assert not plan_curve._lapse_stepped_same_day(no_steps, State.Review, steps=True)
    day = Scheduler(relearning_steps=(timedelta(days=1),), enable_fuzzing=False)
    assert not plan_curve._lapse_stepped_same_day(day, State.Review, steps=True)


def test_readiness_is_the_mean_of_fsrs_own_retrievabilities_to_the_bit() -> None:
    rng = random.Random(11)
    for scheduler in _schedulers():
        states = _states(rng, 80)
        cards = [
            FakeCard(f"c{index}", topic=rng.choice(["optim", "losses"]), pack=rng.choice("ab"))
            for index in range(len(states) + 5)  # the last five never seen
        ]
        memory = {card.id: state for card, state in zip(cards, states, strict=False)}
        for moment in _moments(rng):
            found = readiness(cards, memory, moment, scheduler)
            recalls = [
                float(scheduler.get_card_retrievability(memory[c.id], moment.astimezone(UTC)))
                if c.id in memory
                else 0.0
                for c in cards
            ]
            overall = 0.0
            for recall in recalls:
                overall += recall
            assert found.overall == overall / len(cards)
            for topic in ("optim", "losses"):
                for pack in "ab":
                    mine = [
                        r
                        for c, r in zip(cards, recalls, strict=True)
                        if (c.topic, c.pack) == (topic, pack)
                    ]
                    if mine:
                        assert found.by_topic[f"{topic} ({pack})"] == sum(mine) / len(mine)
            assert (found.cards, found.seen) == (len(cards), len(states))


def test_without_the_curve_constants_fsrs_is_asked_per_card(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """An fsrs not keeping `_FACTOR`/`_DECAY` as `get_card_retrievability` reads them: every
    path calls fsrs's own methods, with the same results."""
    scheduler = Scheduler(enable_fuzzing=False)
    card = Card(1, State.Review, None, 4.0, 5.0, due=MOMENT, last_review=MOMENT - timedelta(3))
    later = MOMENT + timedelta(days=6)
    start = later + timedelta(days=4)
    quick = (
        recall_at(card, later, scheduler),
        plan_curve._recall_after_review(card, later, start, scheduler, steps=False),
        readiness([FakeCard("a"), FakeCard("b")], {"a": card}, later, scheduler),
    )
    for module in (plan_curve, plan_recall_on_day):  # every module that asks for it
        monkeypatch.setattr(module, "forgetting_curve", lambda scheduler: None)
    assert recall_at(card, later, scheduler) == scheduler.get_card_retrievability(card, later)
    plain = (
        recall_at(card, later, scheduler),
        plan_curve._recall_after_review(card, later, start, scheduler, steps=False),
        readiness([FakeCard("a"), FakeCard("b")], {"a": card}, later, scheduler),
    )
    assert quick == plain


def test_the_locked_fsrs_agrees_with_the_quick_paths() -> None:
    """uv.lock's fsrs passes the check that lets the quick paths run at all."""
    plan_curve._internals_agree.cache_clear()
    assert plan_curve._internals_agree()
    assert plan_curve.forgetting_curve(Scheduler(enable_fuzzing=False)) is not None


@pytest.mark.parametrize("change", ["review_card", "missing", "raises"])
def test_an_fsrs_whose_private_pieces_differ_is_asked_per_card(
    monkeypatch: pytest.MonkeyPatch, change: str
) -> None:
    """pyproject allows any fsrs>=6: one whose `review_card` no longer works out its
    stability as `_next_stability` does, or with no `_next_stability`, or one that fails,
    is not used; the quick paths fall back to fsrs's public methods."""
    if change == "review_card":
        real = Scheduler.review_card

        def other(self: Scheduler, card: Card, *args: Any, **kwargs: Any) -> tuple[Card, Any]:
            reviewed, log = real(self, card, *args, **kwargs)
            assert reviewed.stability is not None
            reviewed.stability *= 1 + 1e-9
            return reviewed, log

        monkeypatch.setattr(Scheduler, "review_card", other)
    elif change == "missing":
        monkeypatch.delattr(Scheduler, "_next_stability")
    else:

        def broken(self: Scheduler, **kwargs: object) -> float:
            raise TypeError("renamed argument")

        monkeypatch.setattr(Scheduler, "_next_stability", broken)
    plan_curve._internals_agree.cache_clear()
    try:
        scheduler = Scheduler(enable_fuzzing=False)
        assert plan_curve.forgetting_curve(scheduler) is None
        card = Card(1, State.Review, None, 4.0, 5.0, due=MOMENT, last_review=MOMENT - timedelta(3))
        later = MOMENT + timedelta(days=6)
        start = later + timedelta(days=4)
        assert recall_at(card, later, scheduler) == scheduler.get_card_retrievability(card, later)
        if change == "review_card":  # (in the other two, review_card itself cannot run)
            expected = plan_curve._recall_after_review_fsrs(card, later, start, scheduler)
            assert plan_curve._recall_after_review(card, later, start, scheduler) == expected
    finally:
        plan_curve._internals_agree.cache_clear()


@pytest.mark.parametrize("state", [State.Review, State.Relearning, State.Learning])
def test_cards_in_relearning_and_learning_take_the_quick_path_too(
    monkeypatch: pytest.MonkeyPatch, state: State
) -> None:
    """A card in relearning or learning, last answered a day or more before the review,
    whose lapse is not asked again the same day, is priced by fsrs's stability formulas
    as a card in review is (the heavy home's 1,700 cards in relearning each cost two
    `review_card`s a day of the last pass): fsrs takes the same path for the three."""
    scheduler = Scheduler(enable_fuzzing=False)
    card = Card(1, state, 0 if state != State.Review else None, 4.0, 5.0, due=MOMENT)
    card.last_review = MOMENT - timedelta(days=3)
    later = MOMENT + timedelta(days=6)
    start = later + timedelta(days=4)
    expected = plan_curve._recall_after_review_fsrs(card, later, start, scheduler, steps=False)

    def refused(*args: object, **kwargs: object) -> float:
        raise AssertionError("fsrs's review_card path taken")

    monkeypatch.setattr(plan_curve, "_recall_after_review_fsrs", refused)
    assert plan_curve._recall_after_review(card, later, start, scheduler, steps=False) == expected


def test_a_lapse_in_learning_is_stepped_by_the_learning_steps() -> None:
    default = Scheduler(enable_fuzzing=False)  # learning steps 1 and 10 minutes
    assert plan_curve._lapse_stepped_same_day(default, State.Learning, steps=True)
    assert not plan_curve._lapse_stepped_same_day(default, State.Learning, steps=False)
    no_learning = Scheduler(learning_steps=(), enable_fuzzing=False)
    assert not plan_curve._lapse_stepped_same_day(no_learning, State.Learning, steps=True)
    assert plan_curve._lapse_stepped_same_day(no_learning, State.Relearning, steps=True)
    day = Scheduler(learning_steps=(timedelta(days=1),), relearning_steps=(), enable_fuzzing=False)
    assert not plan_curve._lapse_stepped_same_day(day, State.Learning, steps=True)
    assert not plan_curve._lapse_stepped_same_day(day, State.Review, steps=True)


@pytest.mark.parametrize("seed", range(4))
def test_the_recall_cache_gives_fsrs_own_review_on_every_day_to_the_bit(seed: int) -> None:
    """`RecallCache.after_reviews` decides a card's path once for all its days (quick or
    fsrs's `review_card`), each day then a day or more after the last review or not."""
    rng = random.Random(50 + seed)
    for scheduler in _schedulers():
        exact = Scheduler.from_dict({**scheduler.to_dict(), "enable_fuzzing": False})
        cache = plan_curve.RecallCache()
        for card in _states(rng, 40):
            if card.last_review is None:
                continue
            first = (MOMENT + timedelta(hours=rng.randint(-40, 30))).astimezone(UTC)
            whens = [first + timedelta(days=offset) for offset in range(rng.randint(1, 6))]
            start = whens[-1] + timedelta(days=rng.choice([0, 1, 4]), hours=rng.randint(0, 20))
            for steps in (True, False):
                found = cache.after_reviews(card, whens, start, exact, steps=steps)
                own = [
                    plan_curve._recall_after_review_fsrs(card, when, start, exact, steps=steps)
                    for when in whens
                ]
                assert found == own
