"""config.toml slips that no editor shows or that TOML itself tells apart, each refused in
one line naming what is wrong (found from a shell in the fiftieth round):

- arrays nested thousands deep ended every command in RecursionError's traceback;
- a NUL byte or a form feed was "Expected newline ..." or "Invalid statement" at a column
  where the line looks whole;
- a key set twice on the last line, without a newline after it, lost the hint naming the
  other line ("Cannot overwrite a value (at end of document)");
- `day_starts_at = true` was taken as 1 (study days began at 1 am) and `mock_feedback =
  1` as true, without a word.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from quiz.settings import load_settings
from tests.conftest import RunDrillbit


def _config(text: bytes) -> Path:
    path = Path(os.environ["DRILLBIT_HOME"]) / "config.toml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text)
    return path


def _refusal(drillbit: RunDrillbit) -> str:
    result = drillbit("config")
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    return next(line for line in result.stderr.splitlines() if line.startswith("drillbit: "))


def test_arrays_nested_too_deep_are_one_line(drillbit: RunDrillbit) -> None:
    path = _config(b"x = " + b"[" * 3000 + b"]" * 3000 + b"\n")
    assert _refusal(drillbit) == (
        f"drillbit: settings: {path}: not valid settings: arrays or tables nested too deep "
        "for Python to read (a damaged or generated file?); repair: move the file away "
        "(every setting then has its default)"
    )
    assert path.exists()  # nothing lost: the person decides


@pytest.mark.parametrize(
    ("text", "says"),
    [
        (b"new_per_day = 5\x00\n", "column 16 holds the control character '\\x00'"),
        (b"new_per_day = 5\n\x0ctheme = 'x'\n", "column 1 holds the control character '\\x0c'"),
    ],
)
def test_a_hidden_control_character_is_named(drillbit: RunDrillbit, text: bytes, says: str) -> None:
    _config(text)
    assert f"({says}, which editors do not show: delete it)" in _refusal(drillbit)


@pytest.mark.parametrize("end", ["", "\n", "\r\n"])
def test_a_key_set_twice_names_the_other_line_even_last(drillbit: RunDrillbit, end: str) -> None:
    _config(f'new_per_day = 5{end or chr(10)}theme = "a"{end or chr(10)}theme = "b"{end}'.encode())
    line = _refusal(drillbit)
    assert "Cannot overwrite a value" in line
    assert "(theme is set on line 2 too: keep one)" in line
    assert "control character" not in line  # a CRLF file's \r is no slip


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("day_starts_at = true", "day_starts_at = true: not a whole number from 0 to 23"),
        ("new_per_day = false", "new_per_day = false: not a whole number from 0 to 9999"),
        ("desired_retention = true", "desired_retention = true: not a number from 0.7 to 0.99"),
        ("mock_feedback = 1", "mock_feedback = 1: not true or false"),
        ("shuffle_choices = 0.0", "shuffle_choices = 0.0: not true or false"),
    ],
)
def test_true_for_a_number_and_a_number_for_true_are_refused(
    drillbit: RunDrillbit, text: str, says: str
) -> None:
    path = _config(f"{text}\n".encode())
    assert f"config.toml:1: {says}" in _refusal(drillbit)
    assert path.read_text() == f"{text}\n"


def test_the_types_toml_means_are_still_taken() -> None:
    _config(b"day_starts_at = 5\nmock_feedback = true\ndesired_retention = 0.85\n")
    settings = load_settings()
    assert (settings.day_starts_at, settings.mock_feedback) == (5, True)
    assert settings.desired_retention == 0.85
