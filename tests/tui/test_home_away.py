"""Home after days away: the due count grown by the break is said, once."""

from __future__ import annotations

from datetime import timedelta

from fsrs import Rating

from quiz.study.scheduling import review_card
from quiz.tui.screens.home import HomeScreen
from tests.tui.conftest import AppFactory, FakeClock, Recorder, notices, settle, showing


async def test_home_says_once_how_long_the_person_was_away(
    build: AppFactory, clock: FakeClock, recorder: Recorder
) -> None:
    """Back after 5 days, Home showed a larger due count with no word why."""
    app = build()
    store, scheduler = app.workspace.store, app.workspace.scheduler
    at = clock() - timedelta(days=5)
    for card_id in ("what-is-relu", "dropout-inference"):
        review_card(store, scheduler, card_id, Rating.Good, now=at, correct=True)
    async with app.run_test(message_hook=recorder) as pilot:
        home = await showing(pilot, HomeScreen)
        home.refresh_counts()  # counted again (a session ended, another drillbit wrote)
        await settle(pilot)
        assert notices(recorder) == ["Last studied 5 days ago: 2 cards came due since."]


async def test_home_is_quiet_after_studying_yesterday(
    build: AppFactory, clock: FakeClock, recorder: Recorder
) -> None:
    app = build()
    store, scheduler = app.workspace.store, app.workspace.scheduler
    at = clock() - timedelta(days=1)
    review_card(store, scheduler, "what-is-relu", Rating.Good, now=at, correct=True)
    async with app.run_test(message_hook=recorder) as pilot:
        await showing(pilot, HomeScreen)
        await settle(pilot)
        assert notices(recorder) == []
