"""Keys a browser tab keeps for itself (ctrl+t, ctrl+n) have stand-ins there (f2, f3), the
footer shows the keys that work where the app runs, and the first escape leaves a drill."""

from __future__ import annotations

import pytest
from textual.widgets import TextArea

from quiz.drill_grading import starter_text
from quiz.tui.app import DrillbitApp
from quiz.tui.screens.confirm import ConfirmScreen
from quiz.tui.screens.drill import DrillScreen
from tests.tui.conftest import AppFactory, press, settle, showing


def shown_keys(screen: DrillScreen) -> dict[str, str]:
    """key -> description of the bindings the footer shows."""
    return {
        key: active.binding.description
        for key, active in screen.active_bindings.items()
        if active.binding.show and active.enabled
    }


async def test_in_a_browser_f2_and_f3_stand_in_and_the_footer_shows_them(
    build: AppFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(DrillbitApp, "is_web", property(lambda _: True))
    app = build(drill="tiny-sgd")
    async with app.run_test() as pilot:
        screen = await showing(pilot, DrillScreen)
        keys = shown_keys(screen)
        assert keys.get("f2") == "Hint" and "f3" not in keys  # the starter: nothing to reset
        assert "ctrl+t" not in keys and "ctrl+n" not in keys
        editor = screen.query_one("#editor", TextArea)
        assert editor.has_focus
        await press(pilot, "f2")  # from the editor
        await settle(pilot)
        assert len(screen.query(".hint")) == 1
        assert editor.text == starter_text(screen.sitting.card)
        assert "f2 (h outside editor)" in str(screen.query_one(".hint-note").render())
        editor.insert("# mine\n")
        await settle(pilot)
        assert shown_keys(screen).get("f3") == "Reset"
        await press(pilot, "f3")
        await settle(pilot)
        await showing(pilot, ConfirmScreen)
        await press(pilot, "y")
        await settle(pilot)
        assert editor.text == starter_text(screen.sitting.card)


async def test_in_a_terminal_the_footer_shows_the_ctrl_keys(build: AppFactory) -> None:
    app = build(drill="tiny-sgd")
    async with app.run_test() as pilot:
        screen = await showing(pilot, DrillScreen)
        keys = shown_keys(screen)
        assert keys.get("ctrl+t") == "Hint" and "ctrl+n" not in keys  # the starter
        assert "f2" not in keys and "f3" not in keys
        screen.query_one("#editor", TextArea).insert("# mine\n")
        await settle(pilot)
        assert shown_keys(screen).get("ctrl+n") == "Reset"
        await press(pilot, "ctrl+t")
        await settle(pilot)
        assert len(screen.query(".hint")) == 1


@pytest.mark.parametrize("web", [False, True])
async def test_the_first_escape_in_the_editor_leaves_the_drill(
    build: AppFactory, monkeypatch: pytest.MonkeyPatch, web: bool
) -> None:
    monkeypatch.setattr(DrillbitApp, "is_web", property(lambda _: web))
    app = build(drill="tiny-sgd")
    async with app.run_test() as pilot:
        screen = await showing(pilot, DrillScreen)
        assert screen.query_one("#editor", TextArea).has_focus
        await press(pilot, "escape")
        await settle(pilot)
        assert not isinstance(app.screen, DrillScreen)
