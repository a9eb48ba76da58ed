"""Settings as `drillbit config KEY VALUE` and the settings screen take and show them, and
as the commands that only read them (`stats`, `plan`) put up with a bad file.

Written for the forty-fifth round's mutation audit of quiz/settings.py (505-660): the
tests typed a bad true-or-false ("maybe") but no good one in another spelling, no unknown
key, shown no true or false, read no half-bad or broken file through `settings_warned`,
and held no edge: a percentage at its bounds, a value exactly as long as a message shows,
the last character written as \\u.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from quiz.settings import (
    Settings,
    SettingsError,
    format_value,
    percent_hint,
    settings_warned,
    shown_raw,
    toml_text,
    with_value,
)


@pytest.mark.parametrize(
    ("typed", "value"),
    [("yes", True), (" On ", True), ("TRUE", True), ("1", True), ("no", False), ("OFF", False)],
)
def test_a_true_or_false_is_taken_in_each_spelling_the_refusal_names(
    typed: str, value: bool
) -> None:
    assert with_value(Settings(), "mock_feedback", typed).mock_feedback is value
    assert with_value(Settings(), "shuffle_choices", typed).shuffle_choices is value


@pytest.mark.parametrize("typed", ["t", "y", "f", "2"])
def test_a_true_or_false_in_no_spelling_it_names_is_refused(typed: str) -> None:
    with pytest.raises(SettingsError) as refused:
        with_value(Settings(), "mock_feedback", typed)
    assert str(refused.value) == (
        f"mock_feedback: '{typed}' is not true or false (yes/no, on/off and 1/0 work too)"
    )


def test_an_unknown_key_is_refused_with_the_closest_or_every_key() -> None:
    with pytest.raises(
        SettingsError, match=r"^unknown key 'new_per_dya': did you mean 'new_per_day'\?$"
    ):
        with_value(Settings(), "new_per_dya", "5")
    with pytest.raises(SettingsError) as refused:
        with_value(Settings(), "zzz", "5")
    assert str(refused.value).startswith("unknown key 'zzz': known keys: new_per_day, ")


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        (True, "true"),
        (False, "false"),
        (0.9, "90%"),
        (0.925, "92.5%"),
        ((), "(none)"),
        (("1m", "10m"), "1m, 10m"),
        (20, "20"),
        ("textual-dark", "textual-dark"),
    ],
)
def test_a_value_is_shown_as_it_is_typed_back(value: object, shown: str) -> None:
    assert format_value(value) == shown


def test_a_bad_key_is_warned_of_and_the_good_ones_kept(tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    config.write_text("new_per_day = 7\nmock_minutes = 0\n", encoding="utf-8")
    warned: list[str] = []
    settings = settings_warned(warned.append, config)
    assert settings == Settings(new_per_day=7)
    assert len(warned) == 1
    assert f"{config}:2: mock_minutes = 0: not a whole number from 1 to 600" in warned[0]


def test_a_good_file_is_read_without_a_warning(tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    config.write_text("new_per_day = 7\n", encoding="utf-8")
    warned: list[str] = []
    assert settings_warned(warned.append, config) == Settings(new_per_day=7)
    assert warned == []


def test_a_broken_file_is_warned_of_and_every_default_used(tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    config.write_text("new_per_day = = 7\n", encoding="utf-8")
    warned: list[str] = []
    assert settings_warned(warned.append, config) == Settings()
    assert len(warned) == 1
    assert str(config) in warned[0]


@pytest.mark.parametrize(("typed", "value"), [("95%", 0.95), ("92.5 %", 0.925), ("70%", 0.7)])
def test_a_retention_typed_as_a_percentage_is_taken(typed: str, value: float) -> None:
    assert with_value(Settings(), "desired_retention", typed).desired_retention == value


@pytest.mark.parametrize(
    ("typed", "hint"),
    [
        ("70", " (did you mean 70%?)"),
        ("99", " (did you mean 99%?)"),
        ("69", ""),
        ("69.5", ""),
        ("99.5", ""),
        ("100", ""),
    ],
)
def test_a_percentage_without_its_sign_is_hinted_up_to_both_bounds(typed: str, hint: str) -> None:
    with pytest.raises(SettingsError) as refused:
        with_value(Settings(), "desired_retention", typed)
    assert str(refused.value) == (
        f"desired_retention: '{typed}' is not a number from 0.7 to 0.99 or 70% to 99%, "
        f"e.g. 90%{hint}"
    )


def test_percent_hint_is_empty_text_for_no_hint() -> None:
    """`drillbit plan --target` and the settings screen's target use it too."""
    assert percent_hint("lots", 0.7, 0.99) == ""
    assert percent_hint("50", 0.7, 0.99) == ""
    assert percent_hint(" 80 ", 0.7, 0.99) == "did you mean 80%?"


def test_a_value_as_long_as_a_message_shows_is_shown_whole() -> None:
    assert shown_raw("x" * 38) == '"' + "x" * 38 + '"'  # 40 characters with its quotes
    assert shown_raw("x" * 39) == '"' + "x" * 36 + "..."  # 41: cut to 40


def test_the_last_character_a_four_digit_escape_holds_is_written_with_one() -> None:
    """U+FFFF (unprintable) is the last `\\uXXXX`; past it TOML needs `\\UXXXXXXXX`."""
    assert toml_text("a\uffff") == '"a\\uffff"'
    assert toml_text("\U000e0001") == '"\\U000e0001"'


def test_of_two_bad_steps_the_first_is_named() -> None:
    with pytest.raises(SettingsError) as refused:
        with_value(Settings(), "learning_steps", "1m 1x 2y")
    assert str(refused.value) == (
        "learning_steps: '1x' is not a duration: use e.g. 30s, 1m, 10m, 1h or 1d"
    )
