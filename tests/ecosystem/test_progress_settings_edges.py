"""The edges of a backup's settings (`quiz/ecosystem/backup_settings.py`), each the survivor
of a forty-sixth round mutant: an unreadable config.toml at export, a file with no settings
or a setting at its default at import, and config.toml that cannot be written."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
from click.testing import CliRunner

from quiz.cli.ecosystem import export_group, import_progress_command
from quiz.ecosystem import backup_settings
from quiz.errors import DrillbitError
from quiz.settings import config_path, load_settings, save_key

STAMP = datetime(2026, 1, 6, 9, 0, tzinfo=UTC).isoformat()


def _backup(tmp_path: Path, settings: dict[str, object]) -> Path:
    path = tmp_path / "hand.json"
    path.write_text(
        json.dumps(
            {
                "format": "drillbit-progress",
                "version": 4,
                "exported_at": STAMP,
                "reviews": [
                    {
                        "card_id": "relu",
                        "rating": 3,
                        "correct": True,
                        "reviewed_at": STAMP,
                        "mode": "cram",
                    }
                ],
                "settings": settings,
            }
        )
    )
    return path


def test_a_config_toml_that_is_no_toml_is_warned_of_and_the_backup_holds_no_settings(
    tmp_path: Path,
) -> None:
    """The warning's call dropped passed: the backup silently left every setting out."""
    config_path().parent.mkdir(parents=True, exist_ok=True)
    config_path().write_text("new_per_day = = 3\n", encoding="utf-8")
    backup = tmp_path / "backup.json"

    exported = CliRunner().invoke(export_group, ["progress", str(backup)])

    assert exported.exit_code == 0, exported.output
    assert "not valid TOML" in exported.stderr
    assert exported.stderr.rstrip("\n").endswith("(the backup holds no settings)")
    assert json.loads(backup.read_text())["settings"] == {}


def test_a_file_without_settings_imports_though_config_toml_here_is_broken(
    tmp_path: Path,
) -> None:
    """With no settings to merge, config.toml is not read (the early return never taken
    refused to merge settings there were none of)."""
    config_path().parent.mkdir(parents=True, exist_ok=True)
    config_path().write_text("new_per_day = = 3\n", encoding="utf-8")

    imported = CliRunner().invoke(import_progress_command, [str(_backup(tmp_path, {}))])

    assert imported.exit_code == 0, imported.output
    assert imported.output == "reviews: 1 added\n"
    assert config_path().read_text(encoding="utf-8") == "new_per_day = = 3\n"


def test_a_setting_at_its_default_in_the_file_is_unchanged_and_not_written(
    tmp_path: Path,
) -> None:
    """A hand-written file may name a setting at its default: it is counted unchanged, and
    config.toml is not made to hold it (the comparison never taken wrote `new_per_day =
    20`; `same += 1` made 2 or 0 miscounted it)."""
    path = _backup(tmp_path, {"new_per_day": 20, "learning_steps": ["1m", "10m"], "theme": "x"})
    save_key("theme", "x")
    before = config_path().read_text(encoding="utf-8")

    imported = CliRunner().invoke(import_progress_command, [str(path)])

    assert imported.exit_code == 0, imported.output
    assert imported.output == "reviews: 1 added; settings: 3 unchanged\n"
    assert config_path().read_text(encoding="utf-8") == before
    assert load_settings().new_per_day == 20


def test_config_toml_that_cannot_be_written_is_named_with_the_reason(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A disk that is full when config.toml is saved: the OS's reason in the message, the
    progress imported (the reason taken as a SettingsFileError's raised AttributeError)."""

    def full(*_args: object, **_kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(backup_settings, "save_keys", full)

    imported = CliRunner().invoke(
        import_progress_command, [str(_backup(tmp_path, {"new_per_day": 35}))]
    )

    assert imported.output == "reviews: 1 added\n"
    assert isinstance(imported.exception, DrillbitError)
    assert imported.exception.message == (
        "the file's settings were not merged (its progress is): [Errno 28] No space left on "
        "device; import the file again once config.toml is repaired (nothing is added twice)"
    )
    assert not config_path().exists()
