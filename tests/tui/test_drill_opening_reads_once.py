"""Opening a drill reads its draft once, and a graded file's attempts once (fiftieth
round): the screen asked the drafts one question at a time (the code one key away, the
editor's first text, the note over the task), and each question read the draft, the
card's state and the attempts again. What the drill opens on is unchanged."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from quiz.drill_grading import starter_text
from quiz.tui.screens.drill import DrillScreen
from tests.conftest import RunDrillbit
from tests.tui.conftest import SOLUTION, AppFactory, press, settle, showing
from tests.tui.test_drill import editor_of
from tests.tui.test_drill_graded_from_file import NOTE, graded, shown


def count_reads(monkeypatch: pytest.MonkeyPatch, store: Any) -> dict[str, int]:
    """How often the drill's draft, and its attempts since that draft, are read."""
    reads = {"draft": 0, "attempts": 0}
    draft, attempts = store.draft, store.attempts

    def counting_draft(card_id: str) -> Any:
        reads["draft"] += card_id == "tiny-sgd"
        return draft(card_id)

    def counting_attempts(*args: Any, **kwargs: Any) -> Any:
        reads["attempts"] += kwargs.get("card_id") == "tiny-sgd" and "since" in kwargs
        return attempts(*args, **kwargs)

    monkeypatch.setattr(store, "draft", counting_draft)
    monkeypatch.setattr(store, "attempts", counting_attempts)
    return reads


async def test_a_drill_passed_from_a_file_reads_its_draft_and_attempts_once(
    build: AppFactory,
    drillbit: RunDrillbit,
    tui_bank: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert graded(drillbit, tui_bank, tmp_path, SOLUTION) == 0
    app = build(drill="tiny-sgd")
    reads = count_reads(monkeypatch, app.workspace.store)
    async with app.run_test(size=(80, 24)) as pilot:
        drill = await showing(pilot, DrillScreen)
        await settle(pilot)
        assert reads == {"draft": 1, "attempts": 1}  # it was 5 and 3
        assert editor_of(drill).text == starter_text(drill.sitting.card)
        assert drill.sitting.previous_code == SOLUTION
        assert NOTE in shown(drill)
        await press(pilot, "ctrl+o")
        assert editor_of(drill).text == SOLUTION


async def test_a_draft_in_progress_is_read_once_and_opened_on(
    build: AppFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = build(drill="tiny-sgd")
    card = app.workspace.card("tiny-sgd")
    assert card is not None
    mine = starter_text(card) + "\n# mine\n"
    app.workspace.drafts.save(card, mine)
    reads = count_reads(monkeypatch, app.workspace.store)
    async with app.run_test(size=(80, 24)) as pilot:
        drill = await showing(pilot, DrillScreen)
        await settle(pilot)
        assert reads == {"draft": 1, "attempts": 0}  # no graded file: no attempts to read
        assert editor_of(drill).text == mine
        assert drill.sitting.previous_code is None
        assert "Your draft is back, as saved at" in shown(drill)
