"""The card browser's due column at 80 columns for a card due later today, on a fixed clock."""

from __future__ import annotations

from datetime import UTC, timedelta

from fsrs import Card, Rating, State
from rich.text import Text
from textual.widgets import DataTable, Input

from quiz.browser import MONTHS
from quiz.browser_view import STAR_LEGEND
from quiz.tui.screens.browser import BrowserScreen
from quiz.workspace import StudyRequest
from tests.tui.conftest import AppFactory, FakeClock, press, searched, settle, showing


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
        assert "sort by bank order" in fresh and "due today" not in fresh
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
        assert str(browser.query_one("#browser-title").render()).strip().endswith(STAR_LEGEND)


async def test_a_review_due_tonight_is_starred_and_kept_by_is_due_as_home_counts_it(
    build: AppFactory, clock: FakeClock
) -> None:
    """At 09:30 a review due at 21:00 was one of Home's due cards (and `d` asked it: a
    review is due by its study day, as in Anki), but the browser compared fsrs's hour with
    now: no star, and `is:due` found nothing. A review due tomorrow is due in neither."""
    app = build()
    app.workspace.tz = UTC  # the clock's zone: its study day ends at midnight
    store = app.workspace.store
    for card_id, due in (
        ("what-is-relu", clock().replace(hour=21, minute=0)),
        ("sigmoid-bound", clock().replace(hour=0) + timedelta(days=1, hours=1)),
    ):
        card = Card(state=State.Review, step=None, stability=7.0, difficulty=5.0, due=due)
        card.last_review = due - timedelta(days=7)
        store.record_review(
            card_id=card_id,
            rating=3,
            correct=True,
            reviewed_at=card.last_review,
            mode="due",
            card_after=card.to_json(),
        )
    assert app.workspace.counts().total.due == 1
    async with app.run_test(size=(100, 30)) as pilot:
        await press(pilot, "b")
        browser = await showing(pilot, BrowserScreen)
        await settle(pilot)
        ids = [row.card.id for row in browser.shown]
        table = browser.query_one(DataTable)

        def due_cell(card_id: str) -> str:
            cell = table.get_row_at(ids.index(card_id))[3]
            return cell.plain if isinstance(cell, Text) else str(cell)

        assert due_cell("what-is-relu") == "*21:00"
        assert not due_cell("sigmoid-bound").startswith("*")
        assert str(browser.query_one("#browser-title").render()).strip().endswith(STAR_LEGEND)
        browser.query_one(Input).value = "is:due"
        await pilot.pause()
        await searched(pilot)
        assert [row.card.id for row in browser.shown] == ["what-is-relu"]


async def test_the_legend_says_what_is_starred_a_step_later_today_is_not(
    build: AppFactory, clock: FakeClock
) -> None:
    """The title said "* due today" over a learning step due later today with no star: the
    star marks what is due now, and a review all its study day. A review due tonight is
    starred, a step due in ten minutes is not, and the legend says both."""
    app = build()
    app.workspace.tz = UTC  # the clock's zone: its study day ends at midnight
    assert clock().hour < 20, "tonight's review and the step are both later today"
    store = app.workspace.store
    for card_id, state, due in (
        ("what-is-relu", State.Review, clock().replace(hour=21, minute=0)),
        ("sigmoid-bound", State.Learning, clock() + timedelta(minutes=10)),
    ):
        step = None if state == State.Review else 0
        card = Card(state=state, step=step, stability=7.0, difficulty=5.0, due=due)
        card.last_review = clock() - timedelta(days=1)
        store.record_review(
            card_id=card_id,
            rating=3,
            correct=True,
            reviewed_at=card.last_review,
            mode="due",
            card_after=card.to_json(),
        )
    async with app.run_test(size=(80, 24)) as pilot:
        await press(pilot, "b")
        browser = await showing(pilot, BrowserScreen)
        await settle(pilot)
        ids = [row.card.id for row in browser.shown]
        table = browser.query_one(DataTable)

        def due_cell(card_id: str) -> str:
            cell = table.get_row_at(ids.index(card_id))[3]
            return cell.plain if isinstance(cell, Text) else str(cell)

        step_due = clock() + timedelta(minutes=10)
        assert due_cell("what-is-relu") == "*21:00", "a review: starred all its day"
        assert due_cell("sigmoid-bound") == f"{step_due:%H:%M}", "a step later today: no star"
        title = str(browser.query_one("#browser-title").render()).strip()
        assert title.endswith("* due now or a review due today")
        assert not title.endswith("* due today"), "the step is due today and has no star"
        browser.query_one(Input).value = "is:due"  # the star is what is:due keeps
        await pilot.pause()
        await searched(pilot)
        assert [row.card.id for row in browser.shown] == ["what-is-relu"]
