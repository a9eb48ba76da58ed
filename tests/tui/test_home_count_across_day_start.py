"""A count that straddles the study day's start is counted again (forty-ninth round): Home
(and the stats screen) started the clock watch after counting, reading the clock a second
time, so a day that began while it counted was taken for the day counted, and the screen
showed yesterday's "0 new today" until the next day's start, where `drillbit stats` said 1."""

from __future__ import annotations

from typing import Any

import pytest
from fsrs import Rating

from quiz.settings import Settings
from quiz.study.days import next_day_start
from quiz.study.scheduling import review_card
from quiz.tui.app import DrillbitApp
from quiz.tui.screens import home as home_screen
from quiz.tui.screens import stats as stats_screen
from quiz.tui.screens.home import HomeScreen
from quiz.tui.screens.stats import StatsScreen
from tests.tui.conftest import START, AppFactory, FakeClock, press, settle, showing


def one_new_card_a_day_studied(build: AppFactory) -> DrillbitApp:
    """One new card a day, studied at START: today has none left, the next day one."""
    app = build(settings=Settings(shuffle_choices=False, new_per_day=1))
    ws = app.workspace
    review_card(ws.store, ws.scheduler, "what-is-relu", Rating.Good, now=START, correct=True)
    return app


def day_begins_during_count(
    monkeypatch: pytest.MonkeyPatch, module: object, name: str, app: DrillbitApp, clock: FakeClock
) -> list[Any]:
    """The first count made through `module.name` lasts until the next study day has begun
    (a slow count, a laptop suspended meanwhile): the clock moves while it runs. Returns
    the counts made, in order."""
    counting = getattr(module, name)
    made: list[Any] = []

    def slow(*args: object) -> object:
        made.append(counting(*args))
        if len(made) == 1:
            clock.moment = next_day_start(clock.moment, app.workspace.tz)
        return made[-1]

    monkeypatch.setattr(module, name, slow)
    return made


async def test_home_counts_again_when_a_day_began_while_it_counted(
    build: AppFactory, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = one_new_card_a_day_studied(build)
    made = day_begins_during_count(monkeypatch, home_screen, "home_view", app, clock)
    async with app.run_test() as pilot:
        home = await showing(pilot, HomeScreen)
        assert made[0].headline()[1] == " · 0 new today"  # counted on the day that ended
        home.day_watch.check()  # the watch's timer (it fires half a second after its horizon)
        await settle(pilot)
        assert home._view is not None
        assert home._view.headline()[1] == " · 1 new today"


async def test_stats_read_again_when_a_day_began_while_it_read(
    build: AppFactory, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = one_new_card_a_day_studied(build)
    async with app.run_test() as pilot:
        await showing(pilot, HomeScreen)
        made = day_begins_during_count(monkeypatch, stats_screen, "stats_view", app, clock)
        await press(pilot, "s")
        stats = await showing(pilot, StatsScreen)
        assert made[0].headline[1] == " · 0 new today"  # read on the day that ended
        stats.day_watch.check()
        await settle(pilot)
        assert stats.headline[1] == " · 1 new today"
