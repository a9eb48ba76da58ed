"""The help of a choice card names the digits that pick its options."""

from __future__ import annotations

from quiz.tui.screens.help import help_rows
from quiz.tui.screens.study import StudyScreen
from quiz.tui.widgets.answers import ChoicePicker
from quiz.workspace import StudyRequest
from tests.tui.conftest import AppFactory, settle, showing


async def test_a_choice_cards_help_names_its_own_digits(build: AppFactory) -> None:
    """The help, as the footer, said nothing of the digits that pick an option: they were
    bound without a word ("Pick 1" ... hidden). It lists the card's own, "1-3 Pick one"
    for three options."""
    app = build(study=StudyRequest(kind="choice"))
    async with app.run_test(size=(80, 24)) as pilot:
        study = await showing(pilot, StudyScreen)
        await settle(pilot)
        picker = study.query_one(ChoicePicker)
        assert not picker.multiple and len(picker.choices) > 1
        rows = help_rows(app, study)
        assert (f"1-{len(picker.choices)}", "Pick one") in rows, rows
        assert ("enter", "Submit") in rows
        picks = [keys for keys, said in rows if said.startswith(("Pick", "Toggle"))]
        assert len(picks) == 1, rows  # one row for the digits, no "2 Pick 2" beside it
