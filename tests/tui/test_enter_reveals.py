"""Enter on a concept card's question shows the answer, as space does (and as Anki's
enter does): enter answers a choice or number card and opens a drill, and on a concept
card it did nothing, with the hint still saying "press space to reveal"."""

from __future__ import annotations

from fsrs import Rating

from quiz.tui.screens.study import StudyScreen
from quiz.tui.widgets.answers import KeyPointChecklist
from quiz.workspace import StudyRequest
from tests.tui.conftest import AppFactory, Recorder, press, settle, showing


async def test_enter_reveals_a_concept_card_and_goes_on_as_space_does(
    build: AppFactory, recorder: Recorder
) -> None:
    app = build(study=StudyRequest(kind="concept"))
    async with app.run_test(size=(80, 24), message_hook=recorder) as pilot:
        screen = await showing(pilot, StudyScreen)
        assert (screen.phase, screen.card is not None) == ("question", True)
        await press(pilot, "enter")
        await settle(pilot)
        assert (screen.phase, screen.card is not None) == ("revealed", True)
        assert screen.query(KeyPointChecklist)  # the answer and its points are shown
        assert recorder.of(StudyScreen.AnswerGraded) == []  # nothing rated by showing it
        await press(pilot, "1", "enter")  # a point ticked, then the rating keys
        await settle(pilot)
        assert (screen.phase, screen.card is not None) == ("rating", True)
        await press(pilot, "3")
        await settle(pilot)
        assert [g.answer.rating for g in recorder.of(StudyScreen.AnswerGraded)] == [Rating.Good]
