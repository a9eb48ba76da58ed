"""A session in the app while another drillbit suspends its card, and one that goes on into
the next study day with a card in a step due then."""

from __future__ import annotations

from datetime import UTC

from quiz.store import Store
from quiz.study import set_card_aside
from quiz.study.days import StudyZone
from quiz.tui.screens.home import HomeScreen
from quiz.tui.screens.study import StudyScreen
from quiz.workspace import StudyRequest
from tests.tui.conftest import (
    START,
    AppFactory,
    FakeClock,
    Recorder,
    notices,
    press,
    settle,
    showing,
)


async def test_a_card_suspended_in_another_drillbit_meanwhile_is_not_answered_here(
    build: AppFactory, clock: FakeClock, recorder: Recorder
) -> None:
    """The card on screen here was suspended in a second drillbit's card browser: rating it
    here logged a review and gave the suspended card a due time. Now nothing is logged, the
    person is told why, and the card stays suspended (no other card: back to Home)."""
    app = build(study=StudyRequest(kind="concept"))
    async with app.run_test(message_hook=recorder) as pilot:
        study = await showing(pilot, StudyScreen)
        assert study.card is not None and study.card.id == "what-is-relu"
        clock.advance(20)
        other = Store.open(app.workspace.store.path)
        try:
            set_card_aside(other, "what-is-relu", suspend=True, now=clock(), tz=UTC)
        finally:
            other.close()
        clock.advance(20)
        await press(pilot, "space", "enter", "3")  # reveal, to the ratings, Good
        await settle(pilot)
        store = app.workspace.store
        assert store.reviews(card_id="what-is-relu") == []
        assert store.card_state("what-is-relu") is None
        assert notices(recorder) == [
            "'What ReLU computes' was suspended in another drillbit meanwhile: not asked here.",
            "Nothing was answered.",
        ]
        await showing(pilot, HomeScreen)


async def test_an_again_just_before_the_day_starts_is_asked_once_the_new_day_reaches_it(
    build: AppFactory, clock: FakeClock
) -> None:
    """Again at 03:59:30 (a 1-minute step, the day starting at 04:00): the session went on
    past 04:00 and never asked the card again."""
    clock.moment = START.replace(hour=3, minute=59, second=30)
    app = build(study=StudyRequest())
    app.workspace.tz = StudyZone(UTC, 4)
    async with app.run_test() as pilot:
        study = await showing(pilot, StudyScreen)
        assert study.card is not None and study.card.id == "dropout-inference"
        await press(pilot, "1", "enter")  # a wrong option: Again, its step at 04:00:30
        await settle(pilot)
        assert study.session.answers[-1].rating == 1
        clock.advance(40)  # 04:00:10: the new day, the step not due yet
        await press(pilot, "enter")
        await settle(pilot)
        assert study.card is not None and study.card.id == "sigmoid-bound"
        await press(pilot, *"0.25", "enter")
        await settle(pilot)
        clock.advance(21)  # 04:00:31: its step has come
        await press(pilot, "enter")
        await settle(pilot)
        assert study.card is not None and study.card.id == "dropout-inference"


async def test_a_card_unsuspended_in_another_drillbit_is_said_to_be_back(
    build: AppFactory, clock: FakeClock, recorder: Recorder
) -> None:
    """A card suspended and then unsuspended in a second drillbit came back into this
    session without a word: the count of cards left grew with nothing said."""
    app = build(study=StudyRequest())
    async with app.run_test(message_hook=recorder) as pilot:
        study = await showing(pilot, StudyScreen)
        assert study.card is not None and study.card.id == "dropout-inference"
        other = Store.open(app.workspace.store.path)
        try:
            set_card_aside(other, "sigmoid-bound", suspend=True, now=clock(), tz=UTC)
            clock.advance(20)
            await press(pilot, "1", "enter")  # a wrong option: Again
            await settle(pilot)
            await press(pilot, "enter")  # on to the next card: the suspended one left out
            await settle(pilot)
            assert study.card is not None and study.card.id != "sigmoid-bound"
            other.set_flag("sigmoid-bound", suspended=False, buried_until=None, now=clock())
        finally:
            other.close()
        clock.advance(20)
        await press(pilot, "space", "enter", "3")  # reveal, to the ratings, Good
        await settle(pilot)
        assert notices(recorder) == [
            "'The largest value of sigmoid'' was suspended in another drillbit meanwhile: not asked here.",
            "'The largest value of sigmoid'' is back in study (put back in another drillbit):"
            " asked here after all.",
        ]
        assert "sigmoid-bound" in [card.id for card in study.session.queued]
