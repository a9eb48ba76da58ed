"""config.toml as other editors save it, and a setting typed as a person thinks of it.

Windows Notepad's "UTF-8 with BOM" starts the file with a byte order mark no editor shows:
every command refused the file with tomllib's "Invalid statement (at line 1, column 1)".
A UTF-16 file's line said "save it as UTF-8" twice. `day_starts_at 4:00` was refused as
not a whole number without saying that the hour alone is what it takes.
"""

from __future__ import annotations

from pathlib import Path

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
