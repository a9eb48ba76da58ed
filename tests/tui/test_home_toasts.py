"""Home's notices land over its title bar and the summary's repeated total, not over the
table's counts: at 80x24 a notice at the bottom right covered the rows' numbers."""

from __future__ import annotations

import pytest
from textual.pilot import Pilot
from textual.widgets import DataTable, Static
from textual.widgets._toast import Toast

from quiz.study.away import Away
from quiz.tui.screens.home import HomeScreen
from quiz.tui.screens.study import StudyScreen
from tests.tui.conftest import AppFactory, press, press_card_keys, settle, showing, wait_until


async def _toast(pilot: Pilot[None], home: HomeScreen) -> Toast:
    """The one notice on Home, once it is shown."""
    assert await wait_until(pilot, lambda: bool(list(home.query(Toast))))
    [toast] = home.query(Toast)
    return toast


async def test_a_session_ended_notice_leaves_the_rows_and_the_days_counts(
    build: AppFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A session left with nothing answered says so on Home: in two rows at the top right,
    beside "0 due · 20 new today", over none of the table."""
    app = build()
    monkeypatch.setattr(app, "NOTIFICATION_TIMEOUT", 600.0)  # on screen while looked at
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await showing(pilot, HomeScreen)
        await press(pilot, "d")
        await showing(pilot, StudyScreen)
        await press_card_keys(pilot, "escape")
        await settle(pilot)
        home = await showing(pilot, HomeScreen)
        toast = (await _toast(pilot, home)).region
        assert not toast.overlaps(home.query_one(DataTable).region), "the table stays whole"
        summary = home.query_one("#home-summary", Static)
        first_line = str(summary.render()).splitlines()[0]
        days_counts = first_line.split("|")[0].rstrip()  # "0 due · 20 new today"
        assert "due" in days_counts and "new today" in days_counts
        assert toast.x >= summary.region.x + 1 + len(days_counts), (toast, first_line)
        assert toast.y == 0 and toast.height == 2


async def test_the_longest_notice_of_home_covers_no_row_of_counts(
    build: AppFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The welcome back under a plan, Home's longest notice: its rows end by the table's
    header row, so every row's counts stay in sight."""
    app = build()
    monkeypatch.setattr(app, "NOTIFICATION_TIMEOUT", 600.0)
    away = Away(days=12, came_due=1234, plan_days_lost=10, plan_days_left=18).phrase()
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        home = await showing(pilot, HomeScreen)
        home.notify(away, title="Welcome back")
        toast = (await _toast(pilot, home)).region
        table = home.query_one(DataTable).region
        assert toast.y + toast.height <= table.y + 1, (toast, table)  # the header row at most
