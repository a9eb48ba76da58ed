"""The study loop's commands: config, unknown names with a suggestion."""

from __future__ import annotations

from pathlib import Path

from quiz.settings import load_settings
from tests.conftest import RunDrillbit


def test_config_lists_reads_and_changes_a_setting(
    drillbit: RunDrillbit, _isolated_home: Path
) -> None:
    listed = drillbit("config")
    assert listed.returncode == 0
    assert "new_per_day          = 20" in listed.stdout and "desired_retention" in listed.stdout
    assert not (_isolated_home / "config.toml").exists()  # created on the first change only
    changed = drillbit("config", "new_per_day", "5")
    assert changed.returncode == 0 and "new_per_day = 5" in changed.stdout
    assert drillbit("config", "new_per_day").stdout.strip() == "5"
    assert load_settings(_isolated_home / "config.toml").new_per_day == 5
    assert "(changed)" in drillbit("config").stdout
    steps = drillbit("config", "learning_steps", "30s, 5m")
    assert steps.returncode == 0
    assert load_settings(_isolated_home / "config.toml").learning_steps == ("30s", "5m")


def test_config_refuses_bad_keys_and_values_without_saving(
    drillbit: RunDrillbit, _isolated_home: Path
) -> None:
    typo = drillbit("config", "new_per_dya", "3")
    assert typo.returncode == 2 and "did you mean 'new_per_day'?" in typo.stderr
    for key, value, says in [
        ("new_per_day", "-1", "new_per_day: Input should be greater than or equal to 0"),
        ("desired_retention", "1.5", "desired_retention"),
        ("learning_steps", "1m, soon", "'soon' is not a duration"),
        ("shuffle_choices", "maybe", "'maybe' is not true or false"),
        ("new_per_day", "five", "new_per_day"),
    ]:
        bad = drillbit("config", key, value)
        assert bad.returncode == 2, (key, value)
        assert says in bad.stderr and len(bad.stderr.strip().splitlines()) == 1
        assert "Traceback" not in bad.stderr
    assert not (_isolated_home / "config.toml").exists()


def test_a_broken_config_file_is_one_line_naming_the_key(
    drillbit: RunDrillbit, _isolated_home: Path
) -> None:
    (_isolated_home / "config.toml").write_text('new_per_day = "lots"\n', encoding="utf-8")
    result = drillbit("config", "new_per_day")
    assert result.returncode == 2
    assert "config.toml: new_per_day:" in result.stderr and "Traceback" not in result.stderr


def test_unknown_names_are_usage_errors_with_a_suggestion(drillbit: RunDrillbit) -> None:
    study = drillbit("study", "--topic", "optimisers")
    assert study.returncode == 2
    assert "unknown topic 'optimisers': did you mean 'optimizers'?" in study.stderr
    listing = drillbit("list", "--topic", "optimisers")
    assert listing.returncode == 2 and listing.stdout == ""
    tag = drillbit("list", "--tag", "no-such-tag-anywhere")
    assert tag.returncode == 2 and "unknown tag" in tag.stderr and "known tags:" in tag.stderr
    known = drillbit("list", "--topic", "optimizers")
    assert known.returncode == 0 and "optimizers" in known.stdout
