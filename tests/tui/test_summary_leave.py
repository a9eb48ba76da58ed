"""Leaving a summary goes back to what was under it: a session the palette interrupted to
study one card goes on, whether it was opened from Home or by `drillbit study`."""

from __future__ import annotations

import functools
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Static
from textual.widgets._footer import FooterKey

from quiz.tui.app import DrillbitApp
from quiz.tui.screens.help import HelpScreen
from quiz.tui.screens.home import HomeScreen
from quiz.tui.screens.study import StudyScreen
from quiz.tui.screens.summary import SummaryScreen
from quiz.workspace import StudyRequest
from tests.tui.conftest import (
    AppFactory,
    Recorder,
    notices,
    press,
    press_card_keys,
    settle,
    showing,
    wait_until,
)


def _escape_label(app: DrillbitApp) -> str:
    """What the summary's footer says escape does ("" until the footer has its keys)."""
    keys = app.screen.query(FooterKey)
    return next((key.description for key in keys if key.key == "escape"), "")


ANSWER_A_CONCEPT = ("space", "enter", "3")
"""Reveal, take the rating screen, Good: a session with nothing answered has no summary."""


async def _one_card_from_the_palette(app: DrillbitApp, pilot: Pilot[None]) -> None:
    app.open_card("what-is-relu")  # as the palette's pick does
    await showing(pilot, StudyScreen)
    await press(pilot, *ANSWER_A_CONCEPT)  # its one card answered, the cram ends
    await showing(pilot, SummaryScreen)


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
    app = build(study=StudyRequest(kind="concept"))
    async with app.run_test(size=(100, 30)) as pilot:
        await press(pilot, *ANSWER_A_CONCEPT, "escape")  # its summary is alone
        await showing(pilot, SummaryScreen)
        assert await wait_until(pilot, lambda: _escape_label(app) == "Home")
        await press(pilot, "escape")
        await settle(pilot)
        await showing(pilot, HomeScreen)


@pytest.mark.parametrize("from_palette", [False, True])
async def test_the_help_names_escape_once(build: AppFactory, from_palette: bool) -> None:
    """escape is Home or Back by what is under the summary; the help listed the other one
    as "esc, ⏎ Back (not now)" beside it."""
    app = build(study=StudyRequest(kind="concept"))
    async with app.run_test(size=(100, 30)) as pilot:
        if from_palette:
            await showing(pilot, StudyScreen)
            await _one_card_from_the_palette(app, pilot)
        else:
            await press(pilot, *ANSWER_A_CONCEPT, "escape")
            await showing(pilot, SummaryScreen)
        says = "Back" if from_palette else "Home"
        assert await wait_until(pilot, lambda: _escape_label(app) == says)
        await press(pilot, "question_mark")
        help_screen = await showing(pilot, HelpScreen)
        leaving = [row for row in help_screen.rows if row[1].startswith(("Home", "Back"))]
        meaning = {"Back": "back to the session you left", "Home": "back to the packs"}[says]
        assert leaving == [("esc, enter", f"{says}: {meaning}")]


@pytest.mark.parametrize("from_home", [False, True])
async def test_a_session_ended_with_nothing_answered_goes_straight_back(
    build: AppFactory, recorder: Recorder, from_home: bool
) -> None:
    """An empty summary ("Cards reviewed 0", "Accuracy –") was shown: as in Anki, the app
    goes back (to Home it came from, or a new Home) and says so in one line."""
    app = build(study=None if from_home else StudyRequest(kind="numeric"))
    async with app.run_test(size=(80, 24), message_hook=recorder) as pilot:
        if from_home:
            home = await showing(pilot, HomeScreen)
            await press(pilot, "d")
        study = await showing(pilot, StudyScreen)
        await press_card_keys(pilot, "s", "escape")  # a skip is no answer
        await settle(pilot)
        assert not any(isinstance(shown, SummaryScreen) for shown in app.screen_stack)
        back = await showing(pilot, HomeScreen)
        if from_home:
            assert back is home, "the Home it came from"
        assert study not in app.screen_stack
        assert notices(recorder)[-1] == "Nothing was answered."


async def test_one_answer_still_gets_its_summary(build: AppFactory) -> None:
    app = build(study=StudyRequest(kind="concept"))
    async with app.run_test(size=(80, 24)) as pilot:
        await showing(pilot, StudyScreen)
        await press(pilot, *ANSWER_A_CONCEPT, "escape")
        summary = await showing(pilot, SummaryScreen)
        assert summary.summary.answers == 1


async def test_a_mock_interview_ended_unanswered_keeps_its_summary(build: AppFactory) -> None:
    """It lists the questions left unanswered: the one kind of empty summary that says
    something."""
    app = build(study=StudyRequest(mode="mock"))
    async with app.run_test(size=(80, 24)) as pilot:
        await showing(pilot, StudyScreen)
        await press(pilot, "escape", "y")
        summary = await showing(pilot, SummaryScreen)
        assert summary.summary.answers == 0
        # "none: no misses" read as a clean score over 0/10 unanswered
        numbers = str(summary.query_one("#summary-numbers", Static).render())
        assert "Weakest topics  none: nothing answered" in numbers


async def test_a_mock_interview_ended_after_right_answers_counts_the_unanswered(
    build: AppFactory, tui_bank: Path
) -> None:
    """Two right answers out of four, the rest left: the summary said "Weakest topics
    none: no misses", as if the interview had gone cleanly."""
    relu = tui_bank / "mini" / "basics" / "what-is-relu.md"
    for copy in ("relu-again", "relu-once-more", "relu-last"):
        text = relu.read_text(encoding="utf-8").replace("id: what-is-relu", f"id: {copy}")
        (relu.parent / f"{copy}.md").write_text(text, encoding="utf-8")
    app = build(study=StudyRequest(mode="mock", kind="concept", minutes=20))
    async with app.run_test(size=(80, 24)) as pilot:
        study = await showing(pilot, StudyScreen)

        def asking(answers: int) -> bool:
            return study.phase == "question" and len(study.session.answers) == answers

        for answered in range(2):
            assert await wait_until(pilot, functools.partial(asking, answered))
            await press(pilot, "space", "enter")
            assert await wait_until(pilot, lambda: study.phase == "rating")
            await app.run_action("screen.rate(3)")
        assert await wait_until(pilot, functools.partial(asking, 2))
        await press(pilot, "escape", "y")
        summary = await showing(pilot, SummaryScreen)
        s = summary.summary
        assert (s.answers, s.correct, s.planned, s.unanswered) == (2, 2, 4, 2)
        numbers = str(summary.query_one("#summary-numbers", Static).render())
        assert "no misses" not in numbers
        assert "Score           2/4  (2 unanswered)" in numbers
        assert "Weakest topics  none missed in 2 answers; 2 unanswered" in numbers
