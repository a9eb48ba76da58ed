"""The session summary and the card browser watch the study day from the clock read before
they read (fiftieth round), as Home and the stats do since the forty-ninth: started after
reading, their watch took a study day that began meanwhile for the one they read, and
showed the day that ended (the plan's load, yesterday's due times) for a whole day more."""

from __future__ import annotations

from typing import Any

import pytest
from fsrs import Rating
from rich.text import Text
from textual.widgets import DataTable

from quiz import browser_view
from quiz.browser import MONTHS
from quiz.study.days import next_day_start
from quiz.tui.screens import browser as browser_screen
from quiz.tui.screens.browser import BrowserScreen
from quiz.tui.screens.study import StudyScreen
from quiz.tui.screens.summary import SummaryScreen
from quiz.tui.study_day import StudyDayWatch
from quiz.workspace import StudyRequest
from tests.tui.conftest import (
    AppFactory,
    FakeClock,
    press,
    screen_lines,
    set_plan,
    settle,
    showing,
)


@pytest.fixture(autouse=True)
def _watch_called_by_hand(monkeypatch: pytest.MonkeyPatch) -> None:
    """The watch's timer, due at once once the day has begun, ran by itself on a loaded run
    before the test read the stale line (a red run read "Next card due" first): here only
    the test's own `check()` is the timer's call."""
    monkeypatch.setattr(StudyDayWatch, "_arm", lambda self: None)


async def test_the_summary_sees_a_day_that_began_while_it_read_the_plan(
    build: AppFactory, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = build(study=StudyRequest(mode="cram", kind="concept", limit=1))
    ws = app.workspace
    set_plan(ws, 1, 30.0)  # the interview tomorrow: its day has no plan left
    async with app.run_test(size=(120, 40)) as pilot:
        await showing(pilot, StudyScreen)
        await press(pilot, "space", "enter")
        reading = ws.plan_status

        def slow() -> Any:
            status = reading()
            clock.moment = next_day_start(clock.moment, ws.tz)  # the day begins meanwhile
            monkeypatch.setattr(ws, "plan_status", reading)
            return status

        monkeypatch.setattr(ws, "plan_status", slow)
        await press(pilot, "3")
        summary = await showing(pilot, SummaryScreen)

        def next_line() -> str:
            return next(
                line.text.strip()
                for line in screen_lines(app)
                if line.text.lstrip().startswith(("Plan ", "Next card due "))
            )

        assert next_line().startswith("Plan            today:")  # read on the day that ended
        summary.day_watch.check()  # the watch's timer
        await settle(pilot)
        assert next_line().startswith("Next card due   "), next_line()


async def test_the_browser_sees_a_day_that_began_while_it_read_the_states(
    build: AppFactory, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = build()
    ws = app.workspace
    session = ws.start_session(StudyRequest(mode="due", kind="concept"))
    assert session.current is not None and session.current.id == "what-is-relu"
    session.rate(Rating.Hard)  # due a few minutes ahead, today
    session.finish()
    state = ws.store.card_state("what-is-relu")
    assert state is not None and state.due > clock()
    reading = browser_view.read_rows
    made: list[int] = []

    def slow(*args: Any, **kwargs: Any) -> Any:
        rows = reading(*args, **kwargs)
        made.append(len(rows))
        if len(made) == 1:  # the first read lasts into the next study day, past the due time
            clock.moment = next_day_start(clock.moment, ws.tz)
        return rows

    monkeypatch.setattr(browser_screen, "read_rows", slow)
    async with app.run_test(size=(80, 24)) as pilot:
        await press(pilot, "b")
        browser = await showing(pilot, BrowserScreen)
        await settle(pilot)

        def due_cell() -> str:
            index = [row.card.id for row in browser.shown].index("what-is-relu")
            cell = browser.query_one(DataTable).get_row_at(index)[3]
            return cell.plain if isinstance(cell, Text) else str(cell)

        assert due_cell() == f"{state.due:%H:%M}"  # read as of the day that ended
        browser.day_watch.check()
        await settle(pilot)
        assert due_cell() == f"*{MONTHS[state.due.month - 1]} {state.due:%d %H:%M}"
