"""config.toml as other editors save it, and a setting typed as a person thinks of it.

Windows Notepad's "UTF-8 with BOM" starts the file with a byte order mark no editor shows:
every command refused the file with tomllib's "Invalid statement (at line 1, column 1)".
A UTF-16 file's line said "save it as UTF-8" twice. `day_starts_at 4:00` was refused as
not a whole number without saying that the hour alone is what it takes.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from quiz.settings import load_settings
from tests.conftest import RunDrillbit


def test_a_byte_order_mark_is_read_past_and_a_save_keeps_the_keys(
    drillbit: RunDrillbit, _isolated_home: Path
) -> None:
    config = _isolated_home / "config.toml"
    config.write_bytes("\ufeff# mine\r\nnew_per_day = 7\r\n".encode())
    shown = drillbit("config", "new_per_day")
    assert (shown.returncode, shown.stdout.strip(), shown.stderr) == (0, "7", "")
    saved = drillbit("config", "max_reviews_per_day", "150")
    assert saved.returncode == 0, saved.stderr
    settings = load_settings(config)
    assert (settings.new_per_day, settings.max_reviews_per_day) == (7, 150)
    assert "# mine" in config.read_text(encoding="utf-8")


def test_a_utf16_file_is_told_to_be_saved_as_utf8_once(
    drillbit: RunDrillbit, _isolated_home: Path
) -> None:
    (_isolated_home / "config.toml").write_bytes("new_per_day = 7\n".encode("utf-16"))
    result = drillbit("config", "new_per_day")
    assert result.returncode == 1
    assert result.stderr.count("save it as UTF-8") == 1, result.stderr
    assert "repair: save it as UTF-8, or move it away" in result.stderr


def test_day_starts_at_typed_as_a_time_suggests_the_hour(drillbit: RunDrillbit) -> None:
    result = drillbit("config", "day_starts_at", "04:00")
    assert result.returncode != 0
    assert result.stderr.strip() == (
        "drillbit: config: day_starts_at: '04:00' is not a whole number from 0 to 23 "
        "(the hour alone: did you mean 4?)"
    )
    off_the_hour = drillbit("config", "day_starts_at", "4:30")
    assert "did you mean" not in off_the_hour.stderr
    assert drillbit("config", "day_starts_at", "4").returncode == 0


@pytest.mark.parametrize(
    ("text", "said"),
    [
        (
            "theme = dracula\n",
            'Invalid value (at line 1, column 9) (text is written in quotes: theme = "dracula")',
        ),
        (
            "new_per_day = 5\n# more\nnew_per_day = 6\n",
            "Cannot overwrite a value (at line 3, column 16) (new_per_day is set on line 1 "
            "too: keep one)",
        ),
    ],
    ids=["unquoted", "twice"],
)
def test_a_hand_edit_slip_is_said_for_what_it_is(
    drillbit: RunDrillbit, _isolated_home: Path, text: str, said: str
) -> None:
    config = _isolated_home / "config.toml"
    config.write_text(text, encoding="utf-8")
    result = drillbit("stats")
    assert result.stderr.splitlines()[0] == (
        f"drillbit: settings: {config}: not valid TOML: {said}; repair: correct that line, or "
        "move the file away (every setting then has its default)"
    )


def test_settings_under_a_header_are_told_to_go_to_the_top(
    drillbit: RunDrillbit, _isolated_home: Path
) -> None:
    config = _isolated_home / "config.toml"
    config.write_text("[drillbit]\nnew_per_day = 5\n", encoding="utf-8")
    result = drillbit("stats")
    assert result.stderr.splitlines()[0] == (
        f"drillbit: settings: {config}:1: drillbit = {{new_per_day = 5}}: settings under a "
        "header, which drillbit does not read: they go at the top; repair: delete the line "
        "[drillbit], so the settings under it are read"
    )
    config.write_text("new_per_day = 5\n", encoding="utf-8")
    assert drillbit("config", "new_per_day").stdout.strip() == "5"
