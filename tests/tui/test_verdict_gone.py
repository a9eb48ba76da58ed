"""The verdict box's "more below" sign is queued after a refresh; under load it ran after
ctrl+f had taken the drill screen down, found none of the box's children and stopped the app
with NoMatches (two of three starved runs of a ctrl+f test, fifty-first round)."""

from __future__ import annotations

from quiz.tui.screens.drill import DrillScreen
from quiz.tui.widgets.verdict_view import VerdictView
from tests.tui.conftest import AppFactory, showing


async def test_the_sign_queued_for_a_box_whose_children_went_does_nothing(
    build: AppFactory,
) -> None:
    app = build(drill="tiny-sgd")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await showing(pilot, DrillScreen)
        verdict = screen.query_one(VerdictView)
        await verdict.remove_children()  # as the screen's teardown leaves it
        verdict.sign_cut_short()  # the callback the refresh had queued
        await pilot.pause()
        assert app.is_running and app.screen is screen
