"""A number card's help lists the number box's keys in a few rows of its own words: it
listed Input's 27 ("^pgup  Page Left", "↑  Scroll Up", "shift+^←  Move cursor left a word
and select"), 48 rows in a table of 17 at 80x24."""

from __future__ import annotations

from quiz.tui.screens.help import table_height
from quiz.tui.screens.study import StudyScreen
from quiz.tui.widgets.answers import NumberAnswer
from quiz.workspace import StudyRequest
from tests.tui.conftest import AppFactory, press, settle, showing
from tests.tui.test_help_meanings import _help_fits


async def test_a_number_cards_help_lists_the_boxs_keys_in_its_words(build: AppFactory) -> None:
    app = build(study=StudyRequest(mode="cram", kind="numeric"))
    async with app.run_test(size=(80, 24)) as pilot:
        study = await showing(pilot, StudyScreen)
        assert isinstance(study.focused, NumberAnswer)
        rows = await _help_fits(pilot)
        assert rows[-len(NumberAnswer.HELP_KEYS) :] == list(NumberAnswer.HELP_KEYS)
        said = " ".join(what for _keys, what in rows)
        assert "In the focused widget" not in said
        assert "Page Left" not in said and "Scroll Up" not in said
        assert len(rows) + 1 <= 2 * table_height(24)  # it was 48: under two screenfuls now

        await press(pilot, "escape")  # out of the box: the card's keys, no box rows
        await settle(pilot)
        assert not isinstance(study.focused, NumberAnswer)
        card = await _help_fits(pilot)
        assert not set(card) & set(NumberAnswer.HELP_KEYS)
