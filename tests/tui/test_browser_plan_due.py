"""The card browser's due column under an interview plan: when the plan asks a card, as
Home counts it, not fsrs's due time, which the plan does not follow before its last days."""

from __future__ import annotations

from datetime import UTC

from fsrs import Rating
from rich.text import Text
from textual.pilot import Pilot
from textual.widgets import DataTable, Input, Label, Static

from quiz.browser import MONTHS
from quiz.browser_view import LAST_DAYS_LEGEND, PLAN_LAST_DAYS, PLAN_TODAY
from quiz.home_view import home_view
from quiz.store.records import CardState
from quiz.tui.screens.browser import BrowserScreen
from quiz.workspace import StudyRequest, Workspace
from tests.tui.conftest import (
    AppFactory,
    FakeClock,
    press,
    searched,
    set_plan,
    settle,
    showing,
)


def review_easy(workspace: Workspace, card_id: str) -> None:
    """`card_id` answered Easy as a due session's first card: in review, due days ahead."""
    session = workspace.start_session(StudyRequest(mode="due", kind="concept"))
    assert session.current is not None and session.current.id == card_id
    session.rate(Rating.Easy)
    session.finish()


def reviewed_then_past_due(workspace: Workspace, clock: FakeClock, past: float) -> CardState:
    """what-is-relu answered Easy, then the clock `past` seconds beyond fsrs's due time for
    it: its saved state."""
    workspace.tz = UTC
    review_easy(workspace, "what-is-relu")
    state = workspace.store.card_state("what-is-relu")
    assert state is not None
    clock.advance((state.due - clock()).total_seconds() + past)
    return state


def due_cell(browser: BrowserScreen, card_id: str) -> str:
    index = [row.card.id for row in browser.shown].index(card_id)
    cell = browser.query_one(DataTable).get_row_at(index)[3]
    return cell.plain if isinstance(cell, Text) else str(cell)


async def browser_by_due(pilot: Pilot[None]) -> BrowserScreen:
    """Open the browser from Home and sort it by due (ctrl+o once)."""
    await press(pilot, "b")
    browser = await showing(pilot, BrowserScreen)
    await settle(pilot)
    await press(pilot, "ctrl+o")
    await settle(pilot)
    assert browser.sort == "due"
    return browser


async def test_a_card_due_by_fsrs_that_the_plan_leaves_shows_the_plan_s_last_days(
    build: AppFactory, clock: FakeClock
) -> None:
    """A review card fsrs says is due, thirty days before the interview: Home counts it
    "due by fsrs, not today: ... in the last days", and the browser showed its fsrs date
    ("*12-07 08:42"), as if it came then. It says "last days" now, and the cards `d`
    studies now say "today"."""
    app = build()
    ws = app.workspace
    reviewed_then_past_due(ws, clock, 3600)  # an hour past fsrs's due
    set_plan(ws, 30, 5.0)
    status = ws.plan_status()
    assert status is not None and status.today is not None and not status.today.last_pass
    assert "what-is-relu" not in status.offered, "the plan's decision, which this reads"
    assert status.offered, "some cards are planned today"
    assert "in the last days" in home_view(ws).headline()[1]
    async with app.run_test(size=(80, 24)) as pilot:
        await press(pilot, "b")
        browser = await showing(pilot, BrowserScreen)
        await settle(pilot)
        assert due_cell(browser, "what-is-relu") == PLAN_LAST_DAYS
        assert due_cell(browser, status.offered[0]) == PLAN_TODAY
        title = str(browser.query_one("#browser-title", Label).content)
        assert "*" not in title, "no row shows a star to explain"
        widths = {
            column.key.value: column.width
            for column in browser.query_one(DataTable).ordered_columns
        }
        assert widths["due"] >= len(PLAN_LAST_DAYS), "the cell is whole"


async def test_without_a_plan_the_same_card_shows_fsrs_s_due_time(
    build: AppFactory, clock: FakeClock
) -> None:
    """The same card with no plan: fsrs's schedule is the one, and its due time is shown,
    starred as due now."""
    app = build()
    ws = app.workspace
    state = reviewed_then_past_due(ws, clock, 86400)  # a day past it
    async with app.run_test(size=(80, 24)) as pilot:
        await press(pilot, "b")
        browser = await showing(pilot, BrowserScreen)
        await settle(pilot)
        assert (
            due_cell(browser, "what-is-relu")
            == f"*{MONTHS[state.due.month - 1]} {state.due:%d %H:%M}"
        )


async def test_a_step_later_today_keeps_its_time_on_a_day_with_steps(
    build: AppFactory, clock: FakeClock
) -> None:
    """Twelve days out the plan keeps fsrs's same-day steps: a card answered Again comes
    back in its step today, so the browser says when, not "last days"."""
    app = build()
    ws = app.workspace
    set_plan(ws, 12, 3.0)
    session = ws.start_session(StudyRequest(mode="due"))
    assert session.plan_mode and session.options.same_day_steps
    card = session.current
    assert card is not None
    clock.advance(20)
    session.rate(Rating.Again)
    session.finish()
    state = ws.store.card_state(card.id)
    assert state is not None and state.due > clock()
    assert state.due.date() == clock().date(), "a step later today"
    status = ws.plan_status()
    assert status is not None and card.id not in status.offered, "not due yet"
    async with app.run_test(size=(80, 24)) as pilot:
        await press(pilot, "b")
        browser = await showing(pilot, BrowserScreen)
        await settle(pilot)
        assert due_cell(browser, card.id) == f"{state.due:%H:%M}"


async def test_under_a_plan_the_due_sort_and_is_due_follow_the_plan(
    build: AppFactory, clock: FakeClock
) -> None:
    """The due cells said the plan's day while the due sort and `is:due` read fsrs's
    times: the card labelled "last days" sorted first (the only one with a due time past)
    and was all `is:due` kept, the cards labelled "today" left out. Now the due sort puts
    today's cards first, in the order a session gives them, and `is:due` keeps them."""
    app = build()
    ws = app.workspace
    reviewed_then_past_due(ws, clock, 3600)  # an hour past fsrs's due
    set_plan(ws, 30, 5.0)
    status = ws.plan_status()
    assert status is not None and "what-is-relu" not in status.offered and status.offered
    today = list(status.offered)
    async with app.run_test(size=(80, 24)) as pilot:
        browser = await browser_by_due(pilot)
        order = [row.card.id for row in browser.shown]
        assert order[: len(today)] == today, "today's cards first, as a session gives them"
        assert order[len(today)] == "what-is-relu", "then the plan's last days"
        assert due_cell(browser, "what-is-relu") == PLAN_LAST_DAYS
        browser.query_one(Input).value = "is:due"
        browser.refresh_rows(reread=False, to_top=True)
        await settle(pilot)
        assert {row.card.id for row in browser.shown} == set(today)


async def test_under_a_plan_the_title_says_the_due_sort_follows_the_plan(
    build: AppFactory, clock: FakeClock
) -> None:
    """The due sort follows the plan's days under a plan, while the title still said "sort
    by due", which reads as fsrs's due times (the card fsrs calls due sorts after today's
    cards). It says the order is the plan's, and "due" again once no plan runs."""
    app = build()
    ws = app.workspace
    reviewed_then_past_due(ws, clock, 3600)
    set_plan(ws, 30, 5.0)
    async with app.run_test(size=(80, 24)) as pilot:
        browser = await browser_by_due(pilot)
        title = str(browser.query_one("#browser-title", Label).render())
        assert "· sort by when the plan asks" in title
        assert "sort by due" not in title
        ws.store.clear_interview_plan()
        browser.refresh_rows(reread=True)
        await settle(pilot)
        title = str(browser.query_one("#browser-title", Label).render())
        assert "· sort by due" in title


def due_bold(browser: BrowserScreen, card_id: str) -> bool:
    """Whether the row's due cell is drawn as due now (bold)."""
    index = [row.card.id for row in browser.shown].index(card_id)
    cell = browser.query_one(DataTable).get_row_at(index)[3]
    text = cell if isinstance(cell, Text) else cell.as_text()  # a `Cell`
    return "bold" in str(text.style)


async def test_the_bold_due_cells_are_the_plan_s_today_not_fsrs_s(
    build: AppFactory, clock: FakeClock
) -> None:
    """Under a plan the due cells said the plan's day but were drawn bold by fsrs's due
    time (fiftieth round): "last days" stood out in bold on the card fsrs said was due and
    the plan leaves for later, and the plan's "today" cards, what `d` studies, were plain."""
    app = build()
    ws = app.workspace
    reviewed_then_past_due(ws, clock, 3600)  # an hour past fsrs's due
    set_plan(ws, 30, 5.0)
    status = ws.plan_status()
    assert status is not None and status.offered and "what-is-relu" not in status.offered
    async with app.run_test(size=(80, 24)) as pilot:
        await press(pilot, "b")
        browser = await showing(pilot, BrowserScreen)
        await settle(pilot)
        assert due_cell(browser, "what-is-relu") == PLAN_LAST_DAYS
        assert not due_bold(browser, "what-is-relu")
        assert due_cell(browser, status.offered[0]) == PLAN_TODAY
        assert due_bold(browser, status.offered[0])
        await press(pilot, *"is:due")  # the same cards as the bold ones
        await searched(pilot)  # a run of keys searches once typing pauses
        assert browser.shown and all(due_bold(browser, row.card.id) for row in browser.shown)


async def test_without_a_plan_the_bold_due_cell_is_fsrs_s(
    build: AppFactory, clock: FakeClock
) -> None:
    app = build()
    reviewed_then_past_due(app.workspace, clock, 86400)
    async with app.run_test(size=(80, 24)) as pilot:
        await press(pilot, "b")
        browser = await showing(pilot, BrowserScreen)
        await settle(pilot)
        assert due_cell(browser, "what-is-relu").startswith("*")
        assert due_bold(browser, "what-is-relu")


def legend(browser: BrowserScreen) -> str:
    """The line under the table, as drawn ("" while it is hidden)."""
    line = browser.query_one("#browser-legend", Static)
    return str(line.render()) if line.display else ""


async def test_the_browser_says_what_last_days_means_where_a_row_says_it(
    build: AppFactory, clock: FakeClock
) -> None:
    """A "last days" due cell under a plan had nothing to explain it (ux50's walk): a line
    under the table says it in docs/plan.md's words, at 80 columns on one line, while a
    row shows it; a search that leaves no such row, and no plan, leave the line out."""
    app = build()
    ws = app.workspace
    reviewed_then_past_due(ws, clock, 3600)  # an hour past fsrs's due: "last days"
    set_plan(ws, 30, 5.0)
    status = ws.plan_status()
    assert status is not None and "what-is-relu" not in status.offered and status.offered
    async with app.run_test(size=(80, 24)) as pilot:
        await press(pilot, "b")
        browser = await showing(pilot, BrowserScreen)
        await settle(pilot)
        assert due_cell(browser, "what-is-relu") == PLAN_LAST_DAYS
        said = legend(browser)
        assert said == LAST_DAYS_LEGEND
        assert said.startswith("last days: ") and "before the interview if needed" in said
        line = browser.query_one("#browser-legend", Static)
        assert line.region.height == 1 and line.region.width <= 80, "one line at 80 columns"
        await press(pilot, *"is:due")  # the plan's today alone: no "last days" row
        await searched(pilot)
        assert browser.shown and all(
            due_cell(browser, row.card.id) == PLAN_TODAY for row in browser.shown
        )
        assert legend(browser) == ""
        await press(pilot, "ctrl+u")  # every card again: the line is back
        await searched(pilot)
        assert legend(browser) == LAST_DAYS_LEGEND
        assert ws.store.clear_interview_plan()  # no plan: fsrs's dates, nothing to explain
        await press(pilot, "escape", "b")
        browser = await showing(pilot, BrowserScreen)
        await settle(pilot)
        assert due_cell(browser, "what-is-relu").startswith("*")
        assert legend(browser) == ""
