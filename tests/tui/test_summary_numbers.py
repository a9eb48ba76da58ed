"""The summary's time and pace agree: one answer 10.6 s into a session said "Time 00:10"
(cut to the second below) and "Pace 11 s per answer" (rounded), a pace longer than the
whole session."""

from __future__ import annotations

from quiz.tui.screens.study import StudyScreen
from quiz.tui.screens.summary import SummaryScreen
from quiz.workspace import StudyRequest
from tests.tui.conftest import AppFactory, FakeClock, press, screen_lines, showing


async def test_one_answer_gives_the_same_time_and_pace(build: AppFactory, clock: FakeClock) -> None:
    app = build(study=StudyRequest(mode="cram", kind="concept", limit=1))
    async with app.run_test(size=(100, 30)) as pilot:
        await showing(pilot, StudyScreen)
        await press(pilot, "space", "enter")
        clock.advance(10.6)
        await press(pilot, "3")
        await showing(pilot, SummaryScreen)
        text = "\n".join(line.text for line in screen_lines(app))
        assert "Pace            11 s per answer" in text, text
        assert "Time            00:11" in text, text
