"""Home's today under max_reviews_per_day: a card in its learning step is still today's."""

from __future__ import annotations

from datetime import timedelta

from fsrs import Rating
from textual.widgets import DataTable

from quiz.settings import Settings
from quiz.study.scheduling import review_card
from quiz.tui.screens.home import HomeScreen
from tests.tui.conftest import AppFactory, FakeClock, showing


async def test_a_step_due_counts_today_once_the_days_reviews_are_done(
    build: AppFactory, clock: FakeClock
) -> None:
    """A new card answered Again twice took the day's one review (its second answer, in
    its step), and Home's today said 3 (the new cards) beside a card whose step was due:
    `d` left it for the next day. Anki's review limit leaves the day's learning alone."""
    app = build(settings=Settings(max_reviews_per_day=1, shuffle_choices=False))
    store, scheduler = app.workspace.store, app.workspace.scheduler
    for hours_ago in (2, 1):
        at = clock() - timedelta(hours=hours_ago)
        review_card(store, scheduler, "what-is-relu", Rating.Again, now=at, correct=False)
    async with app.run_test() as pilot:
        home = await showing(pilot, HomeScreen)
        table = home.query_one(DataTable)
        row = [str(cell) for cell in table.get_row_at(0)]
        assert row == ["Mini", "4", "3", "1", "0", "0", "4"], "3 new + the step due"
