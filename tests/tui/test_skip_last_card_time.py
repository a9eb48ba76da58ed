"""s on a session's only card: the card starts again, and so does its time. The screen
refused the skip and kept the time running, so 40 s spent before s (the person put the
card off) were counted in its answer, its summary row and the summary's Pace, where the
session's own skip (and Anki, which times a card from when it is shown) count from the
showing the answer was given on. The app runs on a clock the test moves."""

from __future__ import annotations

from textual.widgets import Static

from quiz.tui.screens.study import StudyScreen
from quiz.tui.screens.study_moves import LAST_CARD
from quiz.tui.screens.summary import SummaryScreen
from quiz.workspace import StudyRequest
from tests.tui.conftest import (
    AppFactory,
    FakeClock,
    Recorder,
    notices,
    press,
    screen_lines,
    settle,
    showing,
)


async def test_s_on_the_only_card_restarts_its_time_and_the_pace_leaves_the_skipped_time_out(
    build: AppFactory, clock: FakeClock, recorder: Recorder
) -> None:
    app = build(study=StudyRequest(mode="cram", kind="concept", limit=1))
    async with app.run_test(size=(100, 30), notifications=True, message_hook=recorder) as pilot:
        study = await showing(pilot, StudyScreen)
        assert study.session.remaining == 1
        clock.advance(40)  # put off, then skipped
        await press(pilot, "s")
        await settle(pilot)
        assert LAST_CARD in notices(recorder)
        assert app.screen is study and study.phase == "question"
        clock.advance(12)
        await press(pilot, "space", "enter", "3")
        answered = recorder.of(StudyScreen.AnswerGraded)
        assert [round(a.answer.seconds) for a in answered] == [12]
        assert app.workspace.store.reviews()[-1].duration_ms == 12_000
        await showing(pilot, SummaryScreen)
        text = "\n".join(line.text for line in screen_lines(app))
        assert "Pace            12 s per answer" in text, text
        assert "Time            00:52" in text, text  # the session's time keeps it all


async def test_s_on_the_only_card_once_revealed_asks_it_again_from_its_question(
    build: AppFactory, clock: FakeClock, recorder: Recorder
) -> None:
    """Skipped after its answer was shown, the only card comes back as a skipped card
    does: at its question, the answer hidden again (rated at once, its time was the few
    seconds since the skip)."""
    app = build(study=StudyRequest(mode="cram", kind="concept", limit=1))
    async with app.run_test(size=(100, 30), notifications=True, message_hook=recorder) as pilot:
        study = await showing(pilot, StudyScreen)
        await press(pilot, "space")
        assert study.phase == "revealed"
        clock.advance(30)
        await press(pilot, "s")
        await settle(pilot)
        assert study.phase in {"question"}  # (mypy kept "revealed" from before the skip)
        assert not any(ratings.display for ratings in study.query("#study-ratings"))
        status = str(study.query_one("#study-status", Static).render())
        assert status.endswith("press space to reveal"), status
        clock.advance(9)
        await press(pilot, "space", "enter", "4")
        answered = recorder.of(StudyScreen.AnswerGraded)
        assert [round(a.answer.seconds) for a in answered] == [9]
