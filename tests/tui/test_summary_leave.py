"""Leaving a summary goes back to what was under it: a session the palette interrupted to
study one card goes on, whether it was opened from Home or by `drillbit study`."""

from __future__ import annotations

import pytest
from textual.pilot import Pilot
from textual.widgets._footer import FooterKey

from quiz.tui.app import DrillbitApp
from quiz.tui.screens.help import HelpScreen
from quiz.tui.screens.home import HomeScreen
from quiz.tui.screens.study import StudyScreen
from quiz.tui.screens.summary import SummaryScreen
from quiz.workspace import StudyRequest
from tests.tui.conftest import AppFactory, press, settle, showing, wait_until


def _escape_label(app: DrillbitApp) -> str:
    """What the summary's footer says escape does ("" until the footer has its keys)."""
    keys = app.screen.query(FooterKey)
    return next((key.description for key in keys if key.key == "escape"), "")


async def _one_card_from_the_palette(app: DrillbitApp, pilot: Pilot[None]) -> None:
    app.open_card("what-is-relu")  # as the palette's pick does
    await wait_until(pilot, lambda: isinstance(app.screen, StudyScreen))
    await press(pilot, "escape")
    await wait_until(pilot, lambda: isinstance(app.screen, SummaryScreen))


@pytest.mark.parametrize("from_home", [False, True])
async def test_a_session_interrupted_from_the_palette_goes_on(
    build: AppFactory, from_home: bool
) -> None:
    app = build(study=None if from_home else StudyRequest(kind="numeric"))
    async with app.run_test(size=(100, 30)) as pilot:
        if from_home:
            await showing(pilot, HomeScreen)
            app.start_study(StudyRequest(kind="numeric"))
            await settle(pilot)
        first = await showing(pilot, StudyScreen)
        assert first.card is not None
        card = first.card.id
        await _one_card_from_the_palette(app, pilot)
        assert await wait_until(pilot, lambda: _escape_label(app) == "Back")
        await press(pilot, "escape")
        await settle(pilot)
        back = app.screen
        assert back is first, "the interrupted session is back, not a new Home"
        assert isinstance(back, StudyScreen) and back.card is not None
        assert back.card.id == card and back.phase == "question"


async def test_a_summary_with_nothing_under_it_goes_to_a_new_home(build: AppFactory) -> None:
    app = build(study=StudyRequest(kind="numeric"))
    async with app.run_test(size=(100, 30)) as pilot:
        await press(pilot, "escape")  # end the only session: its summary is alone
        await wait_until(pilot, lambda: isinstance(app.screen, SummaryScreen))
        assert await wait_until(pilot, lambda: _escape_label(app) == "Home")
        await press(pilot, "escape")
        await settle(pilot)
        await showing(pilot, HomeScreen)


@pytest.mark.parametrize("from_palette", [False, True])
async def test_the_help_names_escape_once(build: AppFactory, from_palette: bool) -> None:
    """escape is Home or Back by what is under the summary; the help listed the other one
    as "esc, ⏎ Back (not now)" beside it."""
    app = build(study=StudyRequest(kind="numeric"))
    async with app.run_test(size=(100, 30)) as pilot:
        if from_palette:
            await showing(pilot, StudyScreen)
            await _one_card_from_the_palette(app, pilot)
        else:
            await press(pilot, "escape")
            await wait_until(pilot, lambda: isinstance(app.screen, SummaryScreen))
        says = "Back" if from_palette else "Home"
        assert await wait_until(pilot, lambda: _escape_label(app) == says)
        await press(pilot, "question_mark")
        help_screen = await showing(pilot, HelpScreen)
        leaving = [row for row in help_screen.rows if row[1].startswith(("Home", "Back"))]
        assert leaving == [("esc, ⏎", says)]
