"""The summary's "Next card due" after a session that set its last due card aside, or left one."""

from __future__ import annotations

from datetime import timedelta

from fsrs import Rating

from quiz.settings import Settings
from quiz.study.scheduling import review_card
from quiz.tui.app import DrillbitApp
from quiz.tui.screens.study import StudyScreen
from quiz.tui.screens.summary import DUE_NOW, SummaryScreen
from quiz.workspace import StudyRequest
from tests.tui.conftest import AppFactory, FakeClock, press, screen_lines, settle, showing


def _two_due(build: AppFactory, clock: FakeClock) -> DrillbitApp:
    """A due session over sigmoid-bound then what-is-relu, both reviewed weeks ago."""
    app = build(settings=Settings(new_per_day=0, shuffle_choices=False), study=StudyRequest())
    store, scheduler = app.workspace.store, app.workspace.scheduler
    for card_id, days in (("sigmoid-bound", 50), ("what-is-relu", 40)):  # both due, in order
        at = clock() - timedelta(days=days)
        review_card(store, scheduler, card_id, Rating.Easy, now=at, correct=True)
    return app


def _next_due_line(app: DrillbitApp) -> str:
    """The summary's "Next card due" line as shown."""
    return next(
        line.text.strip()
        for line in screen_lines(app)
        if line.text.lstrip().startswith("Next card due")
    )


async def test_the_summary_does_not_say_now_for_a_card_just_suspended(
    build: AppFactory, clock: FakeClock
) -> None:
    """Answer one due card, suspend the other, and the summary said "Next due  now" (the
    suspended card's due time): Home's `d` then had nothing to study."""
    app = _two_due(build, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        study = await showing(pilot, StudyScreen)
        assert study.card is not None and study.card.id == "sigmoid-bound"
        await press(pilot, *"0.25", "enter")
        await settle(pilot)
        await press(pilot, "space")  # on to the next card
        await settle(pilot)
        assert study.card is not None and study.card.id == "what-is-relu"
        await press(pilot, "x")  # suspend it: nothing is left
        await showing(pilot, SummaryScreen)
        line = _next_due_line(app)
        assert line.startswith("Next card due   in "), line


async def test_a_card_due_now_is_said_with_the_key_that_studies_it(
    build: AppFactory, clock: FakeClock
) -> None:
    """A session ended with a due card left said "Next due        now": a new user read
    what to do about it. It says the key on Home that studies it."""
    app = _two_due(build, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        study = await showing(pilot, StudyScreen)
        await press(pilot, *"0.25", "enter")
        await settle(pilot)
        await press(pilot, "space")  # on to what-is-relu, still due
        await settle(pilot)
        assert study.card is not None and study.card.id == "what-is-relu"
        await press(pilot, "q")  # end the session with it unanswered
        await showing(pilot, SummaryScreen)
        line = _next_due_line(app)
        assert line == f"Next card due   {DUE_NOW}", line
