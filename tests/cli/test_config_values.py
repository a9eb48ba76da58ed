"""Values typed for `drillbit config KEY VALUE` (and the settings screen, which shares the
check): a refusal says what the key takes; a retention may be a percentage; empty steps
are shown as (none) and typed back as "", none or (none)."""

from __future__ import annotations

from pathlib import Path

import pytest

from quiz.settings import KEYS, Settings, SettingsError, accepted, load_settings, with_value
from tests.conftest import RunDrillbit


@pytest.mark.parametrize(
    ("key", "value", "says"),
    [
        (
            "desired_retention",
            "1.5",
            "desired_retention: '1.5' is not a number from 0.7 to 0.99 or 70% to 99%, e.g. 90%",
        ),
        (
            "desired_retention",
            "95",
            "desired_retention: '95' is not a number from 0.7 to 0.99 or 70% to 99%, e.g. 90% "
            "(did you mean 95%?)",
        ),
        (
            "desired_retention",
            "0.95%",
            "desired_retention: '0.95%' is not a number from 0.7 to 0.99 or 70% to 99%, e.g. 90%",
        ),
        (
            "desired_retention",
            "lots%",
            "desired_retention: 'lots%' is not a number from 0.7 to 0.99 or 70% to 99%, e.g. 90%",
        ),
        ("new_per_day", "five", "new_per_day: 'five' is not a whole number from 0 to 9999"),
        ("new_per_day", "-1", "new_per_day: '-1' is not a whole number from 0 to 9999"),
        ("mock_minutes", "2.5", "mock_minutes: '2.5' is not a whole number from 1 to 600"),
        (
            "max_reviews_per_day",
            "100000",
            "max_reviews_per_day: '100000' is not a whole number from 0 to 99999",
        ),
        (
            "mock_feedback",
            "maybe",
            "mock_feedback: 'maybe' is not true or false (yes/no, on/off and 1/0 work too)",
        ),
        (
            "learning_steps",
            "1m, 1x",
            "learning_steps: '1x' is not a duration: use e.g. 30s, 1m, 10m, 1h or 1d",
        ),
    ],
)
def test_a_refused_value_says_what_the_key_takes(
    drillbit: RunDrillbit, _isolated_home: Path, key: str, value: str, says: str
) -> None:
    refused = drillbit("config", key, value)
    assert refused.returncode == 2
    assert refused.stderr == f"drillbit: config: {says}\n"
    assert "Input should" not in refused.stderr
    assert not (_isolated_home / "config.toml").exists()


def test_every_key_refuses_in_its_own_words() -> None:
    """No key falls back to pydantic's wording, whatever is typed."""
    for key in KEYS:
        for text in ("nonsense", "-5", "1e9", "nan"):
            try:
                with_value(Settings(), key, text)
            except SettingsError as exc:
                assert "Input should" not in exc.message and "Value error" not in exc.message
                assert exc.message.startswith(f"{key}: "), exc.message
                if "is not a duration" not in exc.message:  # a step's own message
                    assert accepted(key, typed=True) in exc.message, exc.message


def test_a_retention_typed_as_a_percentage_is_its_fraction(
    drillbit: RunDrillbit, _isolated_home: Path
) -> None:
    saved = drillbit("config", "desired_retention", "95%")
    assert saved.returncode == 0, saved.stderr
    assert saved.stdout.startswith("desired_retention = 95%  (saved to")  # as typed, as shown
    assert load_settings(_isolated_home / "config.toml").desired_retention == 0.95
    assert drillbit("config", "desired_retention").stdout == "95%\n"
    for typed, fraction in [("97.5 %", 0.975), ("70%", 0.7), ("95.1%", 0.951)]:
        assert with_value(Settings(), "desired_retention", typed).desired_retention == fraction
    assert (_isolated_home / "config.toml").read_text().count("desired_retention = 0.95\n") == 1


def test_empty_steps_are_shown_as_none_and_typed_back(
    drillbit: RunDrillbit, _isolated_home: Path
) -> None:
    changed = drillbit("config", "learning_steps", "")
    assert changed.returncode == 0
    assert changed.stdout.startswith("learning_steps = (none)  (saved to")
    assert load_settings(_isolated_home / "config.toml").learning_steps == ()
    assert drillbit("config", "learning_steps").stdout == "(none)\n"
    assert "learning_steps       = (none)  (changed)\n" in drillbit("config").stdout
    for typed in ("none", "(none)", " None ", ","):
        assert with_value(Settings(), "relearning_steps", typed).relearning_steps == ()
    again = drillbit("config", "learning_steps", "(none)")  # as printed: accepted back
    assert again.returncode == 0 and again.stdout.startswith("learning_steps = (none)")


def test_a_value_set_to_its_default_is_said_as_reset_says_it(
    drillbit: RunDrillbit, _isolated_home: Path
) -> None:
    """The file leaves a default out (it follows a later default); setting one said only
    "(saved to ...)", as if config.toml now held it, and `--reset` then said "config.toml
    does not set it"."""
    config = _isolated_home / "config.toml"
    assert drillbit("config", "new_per_day", "15").stdout.startswith("new_per_day = 15  (saved to ")
    back = drillbit("config", "new_per_day", "20")
    assert back.returncode == 0
    assert back.stdout == f"new_per_day = 20  (the default; saved to {config})\n"
    assert "new_per_day" not in config.read_text(encoding="utf-8")
    reset = drillbit("config", "new_per_day", "--reset")
    assert reset.stdout == "new_per_day = 20  (the default; config.toml does not set it)\n"
