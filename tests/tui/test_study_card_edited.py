"""A card fixed in an editor during a session shows the fix when it is asked again."""

from __future__ import annotations

from pathlib import Path

from quiz.tui.screens.study import StudyScreen
from quiz.workspace import StudyRequest
from tests.tui.conftest import AppFactory, press, screen_lines, settle, showing

QUESTION = "What does ReLU compute, and what is its derivative?"
FIXED = "What does ReLU compute, and what is its slope? (fixed)"


async def test_a_card_edited_while_in_its_learning_step_comes_back_edited(
    build: AppFactory, tui_bank: Path
) -> None:
    """Anki shows an edit at once; drillbit showed the card as it was when the session
    first showed it, at every step that day, until the app was restarted."""
    app = build(study=StudyRequest(kind="concept"))
    async with app.run_test(size=(100, 30)) as pilot:
        study = await showing(pilot, StudyScreen)
        assert any(QUESTION in line.text for line in screen_lines(app))
        path = tui_bank / "mini" / "basics" / "what-is-relu.md"
        path.write_text(path.read_text(encoding="utf-8").replace(QUESTION, FIXED))
        await press(pilot, "space", "enter", "1")  # Again: back in its learning step
        await settle(pilot)
        assert study.card is not None and study.card.id == "what-is-relu"
        lines = [line.text for line in screen_lines(app)]
        assert any(FIXED in line for line in lines), lines
        assert not any(QUESTION in line for line in lines)
