"""Home counts again at a return only when something it counts from changed (thirty-fifth
round): back from the card browser or the stats screen with nothing changed, it counted
every total again (50 ms of CPU on a heavy home, 240 ms under an interview plan)."""

from __future__ import annotations

import pytest
from fsrs import Rating

from quiz.home_view import HomeView, home_view
from quiz.study.days import next_day_start
from quiz.study.scheduling import review_card
from quiz.tui.app import DrillbitApp
from quiz.tui.screens import home as home_screen
from quiz.tui.screens.browser import BrowserScreen
from quiz.tui.screens.home import HomeScreen
from quiz.tui.screens.stats import StatsScreen
from quiz.workspace import Workspace
from tests.tui.conftest import AppFactory, FakeClock, press, showing


def counting(monkeypatch: pytest.MonkeyPatch) -> list[HomeView]:
    """Every count Home makes from now on (`home_view`), in order."""
    made: list[HomeView] = []

    def counted(workspace: Workspace) -> HomeView:
        view = home_view(workspace)
        made.append(view)
        return view

    monkeypatch.setattr(home_screen, "home_view", counted)
    return made


async def test_home_does_not_count_again_when_nothing_changed(
    build: AppFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = build()
    async with app.run_test() as pilot:
        await showing(pilot, HomeScreen)
        made = counting(monkeypatch)
        for key in ("b", "s", "b", "s"):
            await press(pilot, key)
            await showing(pilot, BrowserScreen if key == "b" else StatsScreen)
            await press(pilot, "escape")
            await showing(pilot, HomeScreen)
        assert made == []


async def test_home_counts_again_after_a_change_while_it_was_hidden(
    build: AppFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = build()
    async with app.run_test() as pilot:
        home = await showing(pilot, HomeScreen)
        made = counting(monkeypatch)
        await press(pilot, "b")
        await showing(pilot, BrowserScreen)
        ws = app.workspace
        review_card(ws.store, ws.scheduler, "what-is-relu", Rating.Good, now=ws.now(), correct=True)
        await press(pilot, "escape")
        await showing(pilot, HomeScreen)
        assert len(made) == 1
        assert home.rows[0].learning + home.rows[0].review == 1  # the rating is counted


async def test_home_counts_again_when_the_day_ended_while_it_was_hidden(
    build: AppFactory, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    app: DrillbitApp = build()
    async with app.run_test() as pilot:
        await showing(pilot, HomeScreen)
        made = counting(monkeypatch)
        await press(pilot, "s")
        await showing(pilot, StatsScreen)
        ws = app.workspace
        clock.moment = next_day_start(ws.now(), ws.tz)
        await press(pilot, "escape")
        await showing(pilot, HomeScreen)
        assert len(made) == 1
