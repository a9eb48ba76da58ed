"""A drill opened on the draft an earlier run autosaved (the app killed, its terminal
closed) says the draft is back and when it was saved; on the starter it says nothing."""

from __future__ import annotations

import pytest
from rich.text import Text
from textual.widgets import Static, TextArea

from quiz.drills_view import drill_opening
from quiz.study.days import clock_zone
from quiz.tui.screens.drill import DrillScreen
from tests.tui.conftest import AppFactory, FakeClock, press, showing, wait_until


def note_of(screen: DrillScreen) -> str:
    notes = list(screen.query("#review-note").results(Static))
    if not notes:
        return ""
    shown = notes[0].content
    return shown.plain if isinstance(shown, Text) else str(shown)


async def test_a_draft_left_by_a_killed_run_comes_back_and_says_so(
    build: AppFactory, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The autosave wrote "# mine" (what a killed app leaves: `kill -9` in tmux kept it),
    and the next run, a new app on the same home, opened the drill on it with no word."""
    monkeypatch.setattr("quiz.tui.screens.drill.AUTOSAVE_SECONDS", 0.1)
    app = build(drill="tiny-sgd")
    async with app.run_test() as pilot:
        screen = await showing(pilot, DrillScreen)
        assert note_of(screen) == "", "the starter: nothing to say"
        screen.query_one("#editor", TextArea).move_cursor((99, 0))
        await press(pilot, *"# mine")
        store = app.workspace.store
        assert await wait_until(
            pilot, lambda: (d := store.draft("tiny-sgd")) is not None and d.text.endswith("# mine")
        )
        draft = store.draft("tiny-sgd")
        assert draft is not None
    saved = draft.updated_at.astimezone(clock_zone(app.workspace.tz))
    clock.advance(600)
    app = build(drill="tiny-sgd")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await showing(pilot, DrillScreen)
        assert screen.query_one("#editor", TextArea).text.endswith("# mine")
        assert note_of(screen) == f"Your draft is back, as saved at {saved:%H:%M}."


async def test_a_draft_of_an_earlier_day_says_its_date(build: AppFactory, clock: FakeClock) -> None:
    """A day later the time alone would read as today's: the date is said too."""
    app = build(drill="tiny-sgd")
    async with app.run_test() as pilot:
        screen = await showing(pilot, DrillScreen)
        screen.query_one("#editor", TextArea).move_cursor((99, 0))
        await press(pilot, *"# mine", "ctrl+q")
    clock.advance(2 * 86400)
    app = build(drill="tiny-sgd")
    draft = app.workspace.store.draft("tiny-sgd")
    assert draft is not None and draft.text.endswith("# mine")
    saved = draft.updated_at.astimezone(clock_zone(app.workspace.tz))
    async with app.run_test() as pilot:
        screen = await showing(pilot, DrillScreen)
        code = screen.query_one("#editor", TextArea).text
        expected = f"Your draft is back, as saved on {saved:%Y-%m-%d at %H:%M}."
        assert note_of(screen) == expected
        opening = drill_opening(app.workspace, screen.sitting.card)
        assert (opening.code, opening.note) == (code, expected)
