"""The last keys typed in the drill editor before the app quits are in the draft: the
screen saved the text of the editor's last change message it had handled, and a quit
right after a key (before that message reached the screen) lost the key."""

from __future__ import annotations

import pytest
from textual.widgets import TextArea

from quiz.drill_grading import starter_text
from quiz.store import Store
from quiz.tui.screens.drill import DrillScreen
from tests.tui.conftest import AppFactory, showing

ROUNDS = 20


def saved_draft(card_id: str) -> str | None:
    store = Store.open()
    try:
        draft = store.draft(card_id)
    finally:
        store.close()
    return None if draft is None else draft.text


@pytest.mark.parametrize("round_", range(ROUNDS))
async def test_a_key_typed_just_before_the_quit_is_saved(build: AppFactory, round_: int) -> None:
    app = build(drill="tiny-sgd")
    typed = f"# typed at once before the quit, round {round_}\n"
    async with app.run_test() as pilot:
        screen = await showing(pilot, DrillScreen)
        editor = screen.query_one("#editor", TextArea)
        card = screen.sitting.card
        editor.insert(typed)  # its change message waits in the queue: the quit comes first
        app.exit()
    assert saved_draft(card.id) == typed + starter_text(card)
