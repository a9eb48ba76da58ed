"""config.toml edited by hand into a bad state while the app runs: the settings screen
says what is wrong (the file, the line, the repair), and saving one setting never writes
over the person's file, nor drops their other keys."""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import DataTable

from quiz.settings import load_settings
from quiz.tui.app import DrillbitApp
from quiz.tui.screens.settings import ROWS, SettingsScreen
from quiz.tui.screens.study import StudyScreen
from tests.tui.conftest import AppFactory, press, settle, showing

MOCK_FEEDBACK_ROW = ROWS.index("mock_feedback")


async def _open_settings(pilot: Pilot[None], app: DrillbitApp) -> SettingsScreen:
    await press(pilot, "comma")
    await settle(pilot)
    screen = await showing(pilot, SettingsScreen)
    return screen


def _help(screen: SettingsScreen) -> str:
    return str(screen.query_one("#settings-help").render())


async def test_a_file_made_not_toml_is_not_saved_over(
    build: AppFactory, _isolated_home: Path
) -> None:
    config = _isolated_home / "config.toml"
    config.write_text("# mine\nnew_per_day = 7\n", encoding="utf-8")
    app = build()
    async with app.run_test(size=(100, 30)) as pilot:
        broken = "# mine\nnew_per_day = 7\ndesired_retention = \nmock_minutes = 30\n"
        config.write_text(broken, encoding="utf-8")
        screen = await _open_settings(pilot, app)
        opened = _help(screen)
        assert f"{config}: not valid TOML: " in opened and "(at line 3, column 21)" in opened
        screen.query_one(DataTable).move_cursor(row=MOCK_FEEDBACK_ROW)
        await press(pilot, "enter")  # a true/false setting switches
        await settle(pilot)
        refused = _help(screen)
        assert refused.startswith(f"nothing saved: {config}: not valid TOML: ")
        assert "line 3" in refused and "repair: correct that line" in refused
        assert config.read_text(encoding="utf-8") == broken
        assert app.workspace.settings.mock_feedback is False  # not applied either
        # the app goes on with the settings it started with: a session starts
        await press(pilot, "escape", "escape")
        await settle(pilot)
        await press(pilot, "c")
        await settle(pilot)
        await showing(pilot, StudyScreen)


async def test_another_bad_key_is_kept_and_refused_as_drillbit_config_does(
    build: AppFactory, _isolated_home: Path
) -> None:
    config = _isolated_home / "config.toml"
    app = build()
    async with app.run_test(size=(100, 30)) as pilot:
        broken = "# mine\nnew_per_day = 7\ndesired_retention = 1.5\nmock_minutes = 30\n"
        config.write_text(broken, encoding="utf-8")
        screen = await _open_settings(pilot, app)
        says = (
            f"{config}:3: desired_retention = 1.5: not a number from 0.7 to 0.99, e.g. 0.9; "
            "repair: `drillbit config desired_retention VALUE` (`--reset` for the default, 0.9)"
        )
        assert _help(screen).splitlines()[0] == says
        screen.query_one(DataTable).move_cursor(row=MOCK_FEEDBACK_ROW)
        await press(pilot, "enter")  # a true/false setting switches
        await settle(pilot)
        assert _help(screen).splitlines()[0] == f"nothing saved: repair this key first: {says}"
        assert config.read_text(encoding="utf-8") == broken  # 1.5 and 30 were dropped
        # the bad key itself is repaired from the screen, and only it is written
        screen.query_one(DataTable).move_cursor(row=ROWS.index("desired_retention"))
        await press(pilot, "enter", "ctrl+u", *"85%", "enter")
        await settle(pilot)
        assert config.read_text(encoding="utf-8") == broken.replace("1.5", "0.85")
        settings = app.workspace.settings
        # the file as saved is used: its hand-edited keys too
        assert (settings.desired_retention, settings.new_per_day, settings.mock_minutes) == (
            0.85,
            7,
            30,
        )
        assert "not a number" not in _help(screen)


async def test_a_save_keeps_keys_edited_by_hand_since_the_start(
    build: AppFactory, _isolated_home: Path
) -> None:
    """The screen saved every key from the app's copy, so a key edited in the file since
    the start went back (mock_minutes = 30 was removed); an unknown key is kept too."""
    config = _isolated_home / "config.toml"
    app = build()
    async with app.run_test(size=(100, 30)) as pilot:
        config.write_text("mock_minutes = 30  # mine\n", encoding="utf-8")
        screen = await _open_settings(pilot, app)
        screen.query_one(DataTable).move_cursor(row=MOCK_FEEDBACK_ROW)
        await press(pilot, "enter")  # a true/false setting switches
        await settle(pilot)
        assert config.read_text(encoding="utf-8") == (
            "mock_minutes = 30  # mine\nmock_feedback = true\n"
        )
        assert load_settings(config).mock_minutes == 30
        assert app.workspace.settings.mock_minutes == 30
        assert app.workspace.settings.mock_feedback is True


async def test_two_bad_keys_one_repaired_from_the_screen_keeps_the_other(
    build: AppFactory, _isolated_home: Path
) -> None:
    config = _isolated_home / "config.toml"
    app = build()
    async with app.run_test(size=(100, 30)) as pilot:
        config.write_text("mock_minutes = 0\nmock_questions = 0\n", encoding="utf-8")
        screen = await _open_settings(pilot, app)
        assert "(and 1 more: `drillbit config` lists them)" in _help(screen)
        screen.query_one(DataTable).move_cursor(row=ROWS.index("mock_minutes"))
        await press(pilot, "enter", "ctrl+u", *"25", "enter")
        await settle(pilot)
        assert config.read_text(encoding="utf-8") == "mock_minutes = 25\nmock_questions = 0\n"
        assert app.workspace.settings.mock_minutes == 25
        assert app.workspace.settings.mock_questions == 10  # kept as the app had it
        assert _help(screen).splitlines()[0].startswith(f"{config}:2: mock_questions = 0: ")
