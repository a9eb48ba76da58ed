"""The "Nothing typed" hint goes once something is typed (fifty-second round): a space
or an enter on a number card's empty box said "Nothing typed: type a number, or press space
again…", and the line stayed under a box that read 0.25 until the answer was given, so the
hint contradicted the box right under the person's eyes."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Static

from quiz.tui.screens.study import StudyScreen
from quiz.tui.screens.study_typed import NOTHING_TYPED, NOTHING_TYPED_SHOW, SPACE_ON_EMPTY
from quiz.tui.widgets.answers import NumberAnswer
from quiz.workspace import StudyRequest
from tests.tui.conftest import AppFactory, press, settle, showing
from tests.tui.test_study_number_letters import roots

__all__ = ["roots"]  # the fixture: a pack of two number cards


def status(study: StudyScreen) -> str:
    return str(study.query_one("#study-status", Static).render())


@pytest.mark.parametrize(
    ("mode", "empty_key", "told"),
    [
        ("cram", "space", SPACE_ON_EMPTY),
        ("cram", "enter", NOTHING_TYPED_SHOW),
        ("mock", "enter", NOTHING_TYPED),
    ],
)
async def test_typing_after_nothing_typed_brings_the_questions_hint_back(
    build: AppFactory, roots: Path, mode: str, empty_key: str, told: str
) -> None:
    request = (
        StudyRequest(mode="mock", pack="roots", minutes=5)
        if mode == "mock"
        else StudyRequest(mode="cram", card_ids=("root-of-128", "ln-two"))
    )
    app = build(study=request, extra=[roots])
    async with app.run_test(size=(80, 24)) as pilot:
        study = await showing(pilot, StudyScreen)
        asked = status(study)
        await press(pilot, empty_key)
        await settle(pilot)
        assert status(study) == told
        await press(pilot, "1", "1")
        await settle(pilot)
        box = study.query_one(NumberAnswer)
        assert box.value == "11" and study.phase == "question"
        assert status(study) == asked, "the hint of an empty box under a box that holds 11"
        await press(pilot, "backspace", "backspace", empty_key)  # empty again: said again
        await settle(pilot)
        assert status(study) == told


async def test_the_answer_typed_after_nothing_typed_is_graded(
    build: AppFactory, roots: Path
) -> None:
    app = build(study=StudyRequest(mode="cram", card_ids=("root-of-128", "ln-two")), extra=[roots])
    async with app.run_test(size=(80, 24)) as pilot:
        study = await showing(pilot, StudyScreen)
        await press(pilot, "space", *"sqrt(128)", "enter")
        await settle(pilot)
        assert study.phase == "feedback"
        assert "✓ Right" in str(study.query_one("#feedback", Static).render())
