"""Settings travel with a progress backup (version 4): the ones changed on one machine are
taken by a machine that leaves them at their defaults, never over one changed there."""

from __future__ import annotations

import json
import tomllib
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from click.testing import CliRunner

from quiz.cli.ecosystem import export_group, import_progress_command
from quiz.errors import DrillbitError
from quiz.settings import config_path, load_settings, save_key

T0 = datetime(2026, 1, 5, 9, 0, 0, 123456, tzinfo=UTC)


def _config() -> dict[str, object]:
    return tomllib.loads(config_path().read_text(encoding="utf-8"))


def _export(tmp_path: Path) -> Path:
    backup = tmp_path / "backup.json"
    exported = CliRunner().invoke(export_group, ["progress", str(backup)])
    assert exported.exit_code == 0, exported.output
    return backup


def _move_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    """Another machine: a fresh DRILLBIT_HOME."""
    home = tmp_path / name
    home.mkdir()
    monkeypatch.setenv("DRILLBIT_HOME", str(home))


def test_a_new_machine_takes_the_settings_changed_on_the_old(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    save_key("new_per_day", 35)
    save_key("desired_retention", 0.93)
    save_key("learning_steps", ("2m", "15m"))
    backup = _export(tmp_path)
    document = json.loads(backup.read_text())
    assert document["version"] == 4
    assert document["settings"] == {
        "new_per_day": 35,
        "desired_retention": 0.93,
        "learning_steps": ["2m", "15m"],
    }
    _move_home(tmp_path, monkeypatch, "laptop")
    imported = CliRunner().invoke(import_progress_command, [str(backup)])
    assert imported.exit_code == 0, imported.output
    assert imported.output == "settings: 3 taken from the file\n"
    settings = load_settings()
    assert (settings.new_per_day, settings.desired_retention) == (35, 0.93)
    assert settings.learning_steps == ("2m", "15m")
    again = CliRunner().invoke(import_progress_command, [str(backup)])
    assert again.output == "nothing new: settings: 3 unchanged\n"


def test_a_setting_changed_here_is_kept_and_said_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    save_key("new_per_day", 35)
    save_key("mock_feedback", True)
    backup = _export(tmp_path)
    _move_home(tmp_path, monkeypatch, "laptop")
    save_key("new_per_day", 12)
    config_path().write_text(
        "# mine\n" + config_path().read_text(encoding="utf-8"), encoding="utf-8"
    )
    imported = CliRunner().invoke(import_progress_command, [str(backup)])
    assert imported.exit_code == 0, imported.output
    assert imported.output == "settings: 1 taken from the file, 1 kept (changed here)\n"
    assert _config() == {"new_per_day": 12, "mock_feedback": True}
    assert config_path().read_text(encoding="utf-8").startswith("# mine\n")


def test_defaults_export_an_empty_settings_object(tmp_path: Path) -> None:
    backup = _export(tmp_path)
    assert json.loads(backup.read_text())["settings"] == {}
    assert not config_path().exists()


def test_a_bad_setting_in_config_toml_is_left_out_of_the_backup_and_said(
    tmp_path: Path,
) -> None:
    config_path().parent.mkdir(parents=True, exist_ok=True)
    config_path().write_text("new_per_day = 35\nmock_minutes = -3\n", encoding="utf-8")
    backup = tmp_path / "backup.json"
    exported = CliRunner().invoke(export_group, ["progress", str(backup)])
    assert exported.exit_code == 0, exported.output
    assert "mock_minutes = -3" in exported.stderr
    assert "the backup leaves it out" in exported.stderr
    assert json.loads(backup.read_text())["settings"] == {"new_per_day": 35}


def _backup(tmp_path: Path, version: int, settings: object) -> Path:
    path = tmp_path / "hand.json"
    stamp = (T0 + timedelta(days=1)).isoformat()
    path.write_text(
        json.dumps(
            {
                "format": "drillbit-progress",
                "version": version,
                "exported_at": stamp,
                "reviews": [
                    {
                        "card_id": "relu",
                        "rating": 3,
                        "correct": True,
                        "reviewed_at": stamp,
                        "mode": "cram",
                    }
                ],
                "settings": settings,
            }
        )
    )
    return path


@pytest.mark.parametrize(
    ("settings", "fault"),
    [
        ({"new_per_day": "35"}, "settings.new_per_day: not a whole number from 0 to 9999"),
        ({"new_per_day": 35.0}, "settings.new_per_day: not a whole number from 0 to 9999"),
        ({"desired_retention": 1.5}, "settings.desired_retention: not a number from 0.7"),
        ({"learning_steps": ["2x"]}, "settings.learning_steps: not a list of durations"),
        ({"theme": "a b"}, 'settings.theme: "a b" is not a theme name'),
        ({"new_per_dya": 35}, "settings.new_per_dya:"),
        ({"new_per_day": None}, "settings.new_per_day:"),
        ([35], "settings:"),
    ],
)
def test_a_bad_setting_refuses_the_whole_file_at_its_json_path(
    tmp_path: Path, settings: object, fault: str
) -> None:
    refused = CliRunner().invoke(import_progress_command, [str(_backup(tmp_path, 4, settings))])
    assert isinstance(refused.exception, DrillbitError)
    assert f"hand.json: {fault}" in refused.exception.message
    assert not config_path().exists()
    assert not (config_path().parent / "drillbit.db").exists()  # not a review merged


def test_an_older_version_holding_settings_is_refused_and_one_without_is_read(
    tmp_path: Path,
) -> None:
    refused = CliRunner().invoke(
        import_progress_command, [str(_backup(tmp_path, 3, {"new_per_day": 35}))]
    )
    assert isinstance(refused.exception, DrillbitError)
    assert "settings: not part of version 3 (it came in version 4)" in refused.exception.message
    read = CliRunner().invoke(import_progress_command, [str(_backup(tmp_path, 3, None))])
    assert read.exit_code == 0, read.output
    assert read.output == "reviews: 1 added\n"
    assert not config_path().exists()


def test_a_config_toml_that_is_no_toml_here_keeps_the_progress_and_says_so(
    tmp_path: Path,
) -> None:
    config_path().parent.mkdir(parents=True, exist_ok=True)
    config_path().write_text("new_per_day = = 3\n", encoding="utf-8")
    backup = _backup(tmp_path, 4, {"new_per_day": 35})
    imported = CliRunner().invoke(import_progress_command, [str(backup)])
    assert imported.output == "reviews: 1 added\n"
    assert isinstance(imported.exception, DrillbitError)
    message = imported.exception.message
    assert message.startswith("the file's settings were not merged (its progress is): ")
    assert "not valid TOML" in message
    assert message.endswith(
        "import the file again once config.toml is repaired (nothing is added twice)"
    )
    assert config_path().read_text(encoding="utf-8") == "new_per_day = = 3\n"
    config_path().unlink()
    again = CliRunner().invoke(import_progress_command, [str(backup)])
    assert again.output == "reviews: 1 already here; settings: 1 taken from the file\n"


@pytest.mark.parametrize(
    ("version", "shown"),
    [("3.0", "3.0"), ("true", "true"), ("null", "null"), ('"3"', '"3"'), ("0", "0")],
)
def test_a_version_that_is_no_whole_number_of_the_format_is_named_as_written(
    tmp_path: Path, version: str, shown: str
) -> None:
    """`"version": 3.0` was read as version 3 (nothing else of the file is converted), and
    `true`, `null` and `"3"` were named as Python writes them (`True`, `None`, `'3'`)."""
    path = tmp_path / "v.json"
    path.write_text(
        f'{{"format": "drillbit-progress", "version": {version}, "exported_at": "{T0.isoformat()}"}}'
    )
    refused = CliRunner().invoke(import_progress_command, [str(path)])
    assert isinstance(refused.exception, DrillbitError)
    assert refused.exception.message == (
        f"{path} is drillbit-progress version {shown}; this drillbit reads versions 1 to 4"
    )
