"""The summary's "Next card due" after a session that set its last due card aside, or left
one, and after a cram of new cards."""

from __future__ import annotations

from datetime import timedelta

from fsrs import Rating
from textual.pilot import Pilot
from textual.widgets import Static

from quiz.settings import Settings
from quiz.study.scheduling import review_card
from quiz.tui.app import DrillbitApp
from quiz.tui.screens.study import StudyScreen
from quiz.tui.screens.summary import DUE_NOW, SummaryScreen
from quiz.workspace import StudyRequest
from tests.tui.conftest import (
    AppFactory,
    FakeClock,
    press,
    screen_lines,
    settle,
    showing,
    wait_until,
)


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


async def _figures_after_one_answer(app: DrillbitApp, pilot: Pilot[None]) -> str:
    """Answer the first card (a choice card), end the session, read the summary's figures."""
    study = await showing(pilot, StudyScreen)
    await press(pilot, "2", "enter")
    assert await wait_until(pilot, lambda: study.phase == "feedback")
    await press(pilot, "escape")
    summary = await showing(pilot, SummaryScreen)
    return str(summary.query_one("#summary-numbers", Static).render())


async def test_a_cram_of_new_cards_says_they_stay_new_and_where_they_start(
    build: AppFactory,
) -> None:
    """It read "nothing scheduled", which a new user took for nothing left to study, over a
    bank of new cards that d on Home brings in (a cram keeps the schedule)."""
    app = build(study=StudyRequest(mode="cram"))
    async with app.run_test(size=(80, 24)) as pilot:
        figures = await _figures_after_one_answer(app, pilot)
        assert "nothing scheduled" not in figures
        line = "Next card due   none: a cram keeps new cards new; d on Home starts them"
        assert line in figures.splitlines(), "one line at 80 columns"


async def test_a_cram_of_a_scheduled_card_still_says_when_it_is_due(
    build: AppFactory, clock: FakeClock
) -> None:
    """A card answered in a due session has a due time: the cram after it says when."""
    app = build()
    first = app.workspace.start_session(StudyRequest(mode="due", kind="choice"))
    first.answer(True)
    first.finish()
    clock.moment += timedelta(minutes=1)
    app = build(study=StudyRequest(mode="cram", kind="choice"))
    async with app.run_test(size=(80, 24)) as pilot:
        figures = await _figures_after_one_answer(app, pilot)
        assert "keeps new cards new" not in figures
        assert "Next card due   in " in figures or f"Next card due   {DUE_NOW}" in figures
