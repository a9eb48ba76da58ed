"""What a save did is said on the line under the settings table, not in a toast: at 80x24
the toast sat over the descriptions, the edited row's among them, for its five seconds."""

from __future__ import annotations

from textual.widgets import DataTable, Static

from quiz.tui.screens.settings import ROWS, SettingsScreen
from tests.tui.conftest import AppFactory, Recorder, notices, press, screen_lines, settle, showing


async def test_the_saved_note_leaves_the_edited_row_s_description_readable(
    build: AppFactory, recorder: Recorder
) -> None:
    app = build()
    async with app.run_test(size=(80, 24), message_hook=recorder) as pilot:
        await press(pilot, "comma")
        await settle(pilot)
        screen = await showing(pilot, SettingsScreen)
        screen.query_one(DataTable).move_cursor(row=ROWS.index("day_starts_at"))
        await press(pilot, "enter", "ctrl+u", "5", "enter")
        await settle(pilot)
        assert app.workspace.settings.day_starts_at == 5
        text = "\n".join(line.text for line in screen_lines(app))
        assert "Hour a new study day starts (Anki's next" in text, text
        said = str(screen.query_one("#settings-help", Static).render())
        assert said.startswith("day_starts_at = 5 (saved)\n"), said
        assert notices(recorder) == []  # app._notifications forgets one after 5 s
        assert "day_starts_at = 5 (saved)" in text, text
        # the next edit at once: the line under its box says what the row does, whole,
        # where the toast, still up, covered its right half
        # (a row with a box: mock_feedback, the row above, is switched with no box)
        screen.query_one(DataTable).move_cursor(row=ROWS.index("desired_retention"))
        await press(pilot, "enter")
        await settle(pilot)
        assert screen.editing == "desired_retention"
        said = str(screen.query_one("#settings-help", Static).render())
        assert "(saved)" not in said and said.startswith("desired_retention: Chance of"), said
        text = "\n".join(line.text.rstrip() for line in screen_lines(app))
        assert "desired_retention: Chance of recalling a card when it comes due, that" in text
        assert "(70%-99%). · enter saves, escape cancels\n" in text, text
