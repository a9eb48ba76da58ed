"""A session in the app while another drillbit answers its cards: none is asked twice."""

from __future__ import annotations

from fsrs import Rating

from quiz.tui.screens.home import HomeScreen
from quiz.tui.screens.study import StudyScreen
from quiz.workspace import StudyRequest
from tests.tui.conftest import (
    AppFactory,
    FakeClock,
    Recorder,
    notices,
    press,
    rate_in_another_drillbit,
    settle,
    showing,
)


async def test_a_card_answered_in_another_drillbit_meanwhile_is_not_logged_twice(
    build: AppFactory, clock: FakeClock, recorder: Recorder
) -> None:
    """The card on screen here was answered in a second shell's `drillbit study`: rating
    it here logged a second review seconds after the first (a Good on its 10-minute step
    graduated it days out). Now nothing is logged here, the person is told why, and the
    session goes on (here it had no other card: back to Home). Rated Easy there, days out:
    a Good's step due later today waits here for its minute
    (tests/study/test_step_answered_elsewhere.py)."""
    app = build(study=StudyRequest(kind="concept"))
    async with app.run_test(message_hook=recorder) as pilot:
        study = await showing(pilot, StudyScreen)
        assert study.card is not None and study.card.id == "what-is-relu"
        clock.advance(20)
        rate_in_another_drillbit(app, "what-is-relu", clock(), Rating.Easy)
        clock.advance(20)
        await press(pilot, "space", "enter", "3")  # reveal, to the ratings, Good
        await settle(pilot)
        assert len(app.workspace.store.reviews(card_id="what-is-relu")) == 1
        assert notices(recorder) == [
            "'What ReLU computes' was answered in another drillbit meanwhile: not asked again here.",
            "Nothing was answered.",
        ]
        await showing(pilot, HomeScreen)
