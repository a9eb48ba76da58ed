"""The card browser's due column at 80 columns for a card due later today, on a fixed clock."""

from __future__ import annotations

from datetime import UTC, timedelta

from fsrs import Rating
from rich.text import Text
from textual.widgets import DataTable

from quiz.browser import MONTHS
from quiz.tui.screens.browser import BrowserScreen
from quiz.workspace import StudyRequest
from tests.tui.conftest import AppFactory, FakeClock, press, settle, showing


async def test_a_card_due_later_today_shows_its_time_and_the_titles_keep_the_room(
    build: AppFactory, clock: FakeClock
) -> None:
    """Hard on a new card puts it in a learning step a few minutes ahead: the due column
    read "03-02 09:36", a date to compare with today's, where the time alone says it."""
    app = build()
    app.workspace.tz = UTC  # the clock's zone: its day is the browser's today
    session = app.workspace.start_session(StudyRequest(mode="due", kind="concept"))
    assert session.current is not None and session.current.id == "what-is-relu"
    session.rate(Rating.Hard)
    session.finish()
    state = app.workspace.store.card_state("what-is-relu")
    assert state is not None and state.due.date() == clock().date() and state.due > clock()
    async with app.run_test(size=(80, 24)) as pilot:
        await press(pilot, "b")
        browser = await showing(pilot, BrowserScreen)
        await settle(pilot)
        table = browser.query_one(DataTable)
        index = [row.card.id for row in browser.shown].index("what-is-relu")
        due = table.get_row_at(index)[3]
        assert str(due) == f"{state.due:%H:%M}"  # a `Cell`, drawn as its Text would be
        widths = {column.key.value: column.width for column in table.ordered_columns}
        assert widths["due"] == len("09:36"), "the titles get the cells the date took"


async def test_the_browser_left_open_over_the_day_s_end_dates_yesterday_s_due_times(
    build: AppFactory, clock: FakeClock
) -> None:
    """Left open into the next study day, the browser still showed a card due yesterday
    at 09:36 as "09:36", today's time, and not as due: it read the states only when shown."""
    app = build()
    app.workspace.tz = UTC  # the clock's zone: its study day ends at midnight
    session = app.workspace.start_session(StudyRequest(mode="due", kind="concept"))
    assert session.current is not None and session.current.id == "what-is-relu"
    session.rate(Rating.Hard)
    session.finish()
    state = app.workspace.store.card_state("what-is-relu")
    assert state is not None and state.due > clock()
    async with app.run_test(size=(80, 24)) as pilot:
        await press(pilot, "b")
        browser = await showing(pilot, BrowserScreen)
        await settle(pilot)

        def due_cell() -> str:
            index = [row.card.id for row in browser.shown].index("what-is-relu")
            cell = browser.query_one(DataTable).get_row_at(index)[3]
            return cell.plain if isinstance(cell, Text) else str(cell)

        assert due_cell() == f"{state.due:%H:%M}"
        clock.advance(24 * 3600)  # the next morning, the browser still open
        browser.day_watch.check()
        await settle(pilot)
        assert due_cell() == f"*{MONTHS[state.due.month - 1]} {state.due:%d %H:%M}"


async def test_the_title_explains_the_due_star_only_when_a_row_has_one(
    build: AppFactory, clock: FakeClock
) -> None:
    """On a fresh home the title read "Cards: 147 of 147 · sort by content · * due now"
    over rows with no star, which a new user took for every card due now."""
    app = build()
    async with app.run_test(size=(80, 24)) as pilot:
        await press(pilot, "b")
        browser = await showing(pilot, BrowserScreen)
        await settle(pilot)
        fresh = str(browser.query_one("#browser-title").render())
        assert "sort by bank order" in fresh and "due now" not in fresh
    again = build()
    session = again.workspace.start_session(StudyRequest(mode="due", kind="concept"))
    assert session.current is not None
    session.rate(Rating.Hard)
    session.finish()
    clock.moment += timedelta(days=1)  # its learning step is past: due now
    async with again.run_test(size=(80, 24)) as pilot:
        await press(pilot, "b")
        browser = await showing(pilot, BrowserScreen)
        await settle(pilot)
        assert any(row.is_due for row in browser.shown)
        assert str(browser.query_one("#browser-title").render()).strip().endswith("* due now")
