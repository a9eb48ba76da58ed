"""A number card's hint names undo only when there is an answer to take back: the first
card of a session said "esc for skip, bury, undo, end", and u, out of the box, then did
nothing (the footer, rightly, left it out)."""

from __future__ import annotations

from textual.widgets import Static

from quiz.tui.screens.study import StudyScreen
from quiz.workspace import StudyRequest
from tests.tui.conftest import AppFactory, press, settle, showing


def _status(study: StudyScreen) -> str:
    return str(study.query_one("#study-status", Static).render())


async def test_the_number_boxs_hint_offers_undo_once_an_answer_can_be_taken_back(
    build: AppFactory,
) -> None:
    app = build(study=StudyRequest(mode="cram", card_ids=("sigmoid-bound", "what-is-relu")))
    async with app.run_test(size=(80, 24)) as pilot:
        study = await showing(pilot, StudyScreen)
        await settle(pilot)
        assert study.card is not None and study.card.id == "sigmoid-bound"
        assert not study.session.can_undo
        assert _status(study).endswith("esc for skip, bury, end"), _status(study)
        await press(pilot, "escape", "s")  # skipped: nothing answered, still nothing to undo
        await settle(pilot)
        await press(pilot, "space", "enter", "3")  # the concept card, answered Good
        await settle(pilot)
        assert study.card is not None and study.card.id == "sigmoid-bound"
        assert study.session.can_undo
        assert _status(study).endswith("esc for skip, bury, undo, end"), _status(study)
