"""One name for a key wherever the app names it: the footer said "⏎ Rate" while the hint
over it said "enter or space: rate" and the docs' key table `enter`. The footer and the help
now name enter and backspace in words, as the hints and docs do."""

from __future__ import annotations

from typing import Any

from textual.app import App

from quiz.tui.screens.help import HelpScreen, help_rows
from quiz.tui.screens.study import StudyScreen
from quiz.workspace import StudyRequest
from tests.tui.conftest import AppFactory, press, screen_lines, showing


def _rows(app: App[Any]) -> list[str]:
    return [line.text for line in screen_lines(app)]


async def test_the_footer_the_hint_and_the_help_say_enter(build: AppFactory) -> None:
    app = build(study=StudyRequest(mode="cram", kind="concept"))
    async with app.run_test(size=(80, 24)) as pilot:
        study = await showing(pilot, StudyScreen)
        await press(pilot, "space")
        rows = _rows(app)
        footer, hint = rows[-1], rows[-2]
        assert "enter or space: rate" in hint
        assert "enter Rate" in footer, footer
        assert "⏎" not in footer and "⌫" not in footer
        assert ("enter, space", "Rate: on to the rating keys") in help_rows(app, study)
        await press(pilot, "enter")  # the rating keys: backspace goes back to the points
        said = dict(help_rows(app, study))
        assert said["backspace"].startswith("Back to points"), said
        await press(pilot, "question_mark")
        await showing(pilot, HelpScreen)
        drawn = "\n".join(_rows(app))
        assert "⏎" not in drawn and "⌫" not in drawn
        assert "backspace" in drawn


async def test_a_choice_cards_footer_says_enter_submit(build: AppFactory) -> None:
    app = build(study=StudyRequest(mode="cram", kind="choice"))
    async with app.run_test(size=(80, 24)) as pilot:
        await showing(pilot, StudyScreen)
        footer = _rows(app)[-1]
        assert "enter Submit" in footer, footer
