"""The study screen's undo of a bury or suspend, ending a mock interview, the session's
count and the rating keys' line, driven with Pilot on a fake clock."""

from __future__ import annotations

from quiz.tui.screens.confirm import ConfirmScreen
from quiz.tui.screens.study import StudyScreen
from quiz.tui.screens.summary import SummaryScreen
from quiz.workspace import StudyRequest
from tests.tui.conftest import AppFactory, FakeClock, Recorder, wait_until


async def test_escape_in_a_mock_interview_asks_first(build: AppFactory, recorder: Recorder) -> None:
    app = build(study=StudyRequest(mode="mock", limit=3, minutes=20))
    async with app.run_test(message_hook=recorder) as pilot:
        study = app.screen
        assert isinstance(study, StudyScreen)
        await pilot.press("escape")
        await pilot.pause()
        confirm = app.screen
        assert isinstance(confirm, ConfirmScreen)
        assert confirm.question.startswith("End the mock interview now? 3 questions")
        await pilot.press("n")
        await pilot.pause()
        assert study.phase == "question" and app.screen is study
        assert recorder.of(StudyScreen.SessionEnded) == []
        await pilot.press("escape", "escape")  # escape also answers no
        await pilot.pause()
        assert app.screen is study and recorder.of(StudyScreen.SessionEnded) == []
        await pilot.press("q")  # q asks as escape does
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")
        await wait_until(pilot, lambda: isinstance(app.screen, SummaryScreen))
        ended = recorder.of(StudyScreen.SessionEnded)
        assert len(ended) == 1 and ended[0].summary.planned == 3


async def test_escape_ends_a_cram_session_at_once(build: AppFactory, recorder: Recorder) -> None:
    """Nothing is lost there (every answer is saved): no question, as before."""
    app = build(study=StudyRequest(mode="cram"))
    async with app.run_test(message_hook=recorder) as pilot:
        await pilot.press("escape")
        await wait_until(pilot, lambda: isinstance(app.screen, SummaryScreen))
        assert len(recorder.of(StudyScreen.SessionEnded)) == 1


async def test_the_mock_clock_ends_the_interview_under_the_question(
    build: AppFactory, clock: FakeClock, recorder: Recorder
) -> None:
    app = build(study=StudyRequest(mode="mock", limit=3, minutes=1))
    async with app.run_test(message_hook=recorder) as pilot:
        study = app.screen
        assert isinstance(study, StudyScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        clock.advance(61)
        study.tick()
        await wait_until(pilot, lambda: isinstance(app.screen, SummaryScreen))
        assert isinstance(app.screen, SummaryScreen), "the time is up: no question left open"
        assert len(recorder.of(StudyScreen.SessionEnded)) == 1
        assert [type(s).__name__ for s in app.screen_stack][-1] == "SummaryScreen"
