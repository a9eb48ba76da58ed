"""The stats screen's figures follow the terminal's width: laid out once at the width the
screen opened with, they stayed broken at 80 columns after a resize to 120, and ran past
the screen's edge (cut) after going back to 80."""

from __future__ import annotations

from datetime import timedelta

from fsrs import Rating
from rich.cells import cell_len
from textual.widgets import Static

from quiz.study.aside import set_card_aside
from quiz.study.scheduling import review_card
from quiz.tui.screens.home import HomeScreen
from quiz.tui.screens.stats import StatsScreen
from tests.tui.conftest import AppFactory, FakeClock, press, resize, settle, showing


def _numbers(stats: StatsScreen) -> list[str]:
    """The figures' lines the screen breaks itself (the footnotes after them are one line
    each, which the Static wraps)."""
    lines = str(stats.query_one("#stats-numbers", Static).render()).splitlines()
    return [line for line in lines if not line.startswith("* ")]


async def test_the_figures_break_again_at_each_width(build: AppFactory, clock: FakeClock) -> None:
    app = build()
    ws = app.workspace
    now = clock()
    review_card(ws.store, ws.scheduler, "what-is-relu", Rating.Good, now=now, correct=True)
    long_ago = now - timedelta(days=60)
    review_card(ws.store, ws.scheduler, "sigmoid-bound", Rating.Easy, now=long_ago, correct=True)
    set_card_aside(ws.store, "dropout-inference", suspend=True, now=now, tz=ws.tz)
    async with app.run_test(size=(60, 24)) as pilot:
        await showing(pilot, HomeScreen)
        await press(pilot, "s")
        await settle(pilot)
        stats = await showing(pilot, StatsScreen)
        at_60 = _numbers(stats)
        assert max(cell_len(line) for line in at_60) <= 58, at_60
        for width, height in ((120, 40), (80, 24)):
            await resize(pilot, width, height)
            await settle(pilot)
            wider = _numbers(stats)
            # Home's count line (76 cells) broke in two at 60: whole again once it fits
            assert len(wider) < len(at_60), (at_60, wider)
            assert max(cell_len(line) for line in wider) > 58
            assert max(cell_len(line) for line in wider) <= width - 2
        await resize(pilot, 60, 24)
        await settle(pilot)
        assert _numbers(stats) == at_60, "broken again as at the start"
        # and opened at 120, then made narrow: no line runs past the screen's edge
        await resize(pilot, 120, 40)
        await settle(pilot)
        await press(pilot, "escape")
        await showing(pilot, HomeScreen)
        await press(pilot, "s")
        stats = await showing(pilot, StatsScreen)
        await settle(pilot)
        await resize(pilot, 60, 24)
        await settle(pilot)
        assert _numbers(stats) == at_60
