"""The colour theme picked in the palette is a setting: it is saved to config.toml and the
next start shows it; TEXTUAL_THEME wins for one run without being saved; a kept name this
Textual lacks is said, and the default used."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from textual.widgets import DataTable

from quiz.settings import Settings, load_settings
from quiz.tui.screens.settings import ROWS, SettingsScreen
from tests.tui.conftest import (
    AppFactory,
    Recorder,
    notices,
    press,
    settle,
    showing,
    wait_until,
)

PLAIN = Settings(shuffle_choices=False)


@pytest.fixture(autouse=True)
def _no_theme_in_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("TEXTUAL_THEME", raising=False)


async def test_a_theme_picked_is_kept_for_the_next_start(
    build: AppFactory, _isolated_home: Path
) -> None:
    app = build()
    async with app.run_test(size=(100, 30)) as pilot:
        app.theme = "nord"  # what ctrl+p, theme, nord does (Textual's ThemeProvider)
        await settle(pilot)
        assert await wait_until(pilot, lambda: app.workspace.settings.theme == "nord")
    assert load_settings().theme == "nord"
    assert 'theme = "nord"' in (_isolated_home / "config.toml").read_text(encoding="utf-8")
    again = build(settings=load_settings())
    async with again.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert again.theme == "nord"


async def test_textual_theme_wins_for_one_run_and_is_not_saved(
    build: AppFactory, _isolated_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TEXTUAL_THEME", "dracula")
    app = build(settings=replace(PLAIN, theme="nord"))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert app.workspace.settings.theme == "nord"
    assert not (_isolated_home / "config.toml").exists()


async def test_a_kept_theme_this_textual_lacks_is_said_and_the_default_used(
    build: AppFactory, _isolated_home: Path, recorder: Recorder
) -> None:
    app = build(settings=replace(PLAIN, theme="nrod"))
    async with app.run_test(size=(100, 30), message_hook=recorder) as pilot:
        await settle(pilot)
        assert app.theme == "textual-dark"
        said = notices(recorder)  # app._notifications drops it 20 s after the start
        assert any("'nrod' is not a theme" in m and "did you mean 'nord'?" in m for m in said)
        assert any("Using textual-dark" in m for m in said)
    assert not (_isolated_home / "config.toml").exists()  # the kept name is not overwritten


async def test_the_settings_screen_sets_the_theme_at_once_and_refuses_unknown_names(
    build: AppFactory, _isolated_home: Path
) -> None:
    app = build()
    async with app.run_test(size=(100, 30)) as pilot:
        await press(pilot, "comma")
        await settle(pilot)
        screen = await showing(pilot, SettingsScreen)
        screen.query_one(DataTable).move_cursor(row=ROWS.index("theme"))
        await press(pilot, "enter", "ctrl+u", *"gruvbx", "enter")
        await settle(pilot)
        assert "did you mean 'gruvbox'?" in str(screen.query_one("#settings-help").render())
        assert not (_isolated_home / "config.toml").exists()
        await press(pilot, "ctrl+u", *"gruvbox", "enter")
        await settle(pilot)
        assert app.theme == "gruvbox"
    assert load_settings().theme == "gruvbox"
