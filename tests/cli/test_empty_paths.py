"""A path given empty (a shell variable that is not set: `--content "$PACKS"`, `grade
sigmoid "$FILE"`): click's Path took it as '.', the working folder. `list` said ".:1:1: no
pack found" of a folder the person never named, `import --content ''` wrote its cards into
the working folder, `grade sigmoid ''` said ". : a folder", and `export progress ''` ended
in pathlib's ValueError traceback."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import RunDrillbit

TOLD = "'' is empty (a shell variable that is not set?): give a folder, or leave the option out"


@pytest.mark.parametrize(
    "typed",
    [("--content", "", "list"), ("list", "--content", ""), ("--content=", "cards")],
    ids=["before", "after", "equals"],
)
def test_an_empty_content_folder_is_a_wrong_command_line(
    tmp_path: Path, drillbit: RunDrillbit, typed: tuple[str, ...]
) -> None:
    result = drillbit(*typed, cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.splitlines()[0] == f"drillbit: Invalid value for '--content': {TOLD}"


def test_import_into_an_empty_folder_writes_nothing(tmp_path: Path, drillbit: RunDrillbit) -> None:
    (tmp_path / "notes.md").write_text("## What is a gradient?\n\nThe slope of the loss.\n")
    result = drillbit("import", "notes.md", "--content", "", cwd=tmp_path)
    assert result.returncode == 2
    assert TOLD in result.stderr.splitlines()[0]
    assert sorted(path.name for path in tmp_path.iterdir()) == ["notes.md"]


def test_stats_json_says_it_in_json(tmp_path: Path, drillbit: RunDrillbit) -> None:
    result = drillbit("--content", "", "stats", "--json", cwd=tmp_path)
    assert result.returncode == 2
    assert json.loads(result.stdout)["message"] == f"Invalid value for '--content': {TOLD}"


@pytest.mark.parametrize(
    ("typed", "what", "given"),
    [
        (("export", "progress", ""), "a file name", "'FILE'"),
        (("export", "anki", ""), "a file name", "'FILE'"),
        (("grade", "sigmoid", ""), "a file name", "'FILE'"),
        (("watch", "sigmoid", ""), "a file name", "'FILE'"),
        (("drill", "sigmoid", "--watch", ""), "a file name", "'--watch'"),
        (("lint", ""), "a card file or a folder of them", "'[PATHS]...'"),
    ],
    ids=lambda value: " ".join(value) if isinstance(value, tuple) else None,
)
def test_an_empty_file_argument_is_a_wrong_command_line(
    tmp_path: Path, drillbit: RunDrillbit, typed: tuple[str, ...], what: str, given: str
) -> None:
    result = drillbit(*typed, cwd=tmp_path)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert result.stderr.splitlines()[0] == (
        f"drillbit: Invalid value for {given}: '' is empty (a shell variable that is not "
        f"set?): give {what}"
    )
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("command", ["grade", "watch"])
def test_a_dash_for_standard_input_is_told_it_is_not_read(
    tmp_path: Path, drillbit: RunDrillbit, command: str
) -> None:
    """`cat answer.py | drillbit grade sigmoid -`: "File '-' does not exist", and `drillbit
    watch sigmoid -` offered, which writes the starter to a file named `-`."""
    result = drillbit(command, "sigmoid", "-", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.splitlines()[0] == (
        f"drillbit: Invalid value for 'FILE': '-' (standard input) is not read: {command} "
        "takes a file; save the code to one (answer.py) and give its name"
    )
    assert list(tmp_path.iterdir()) == []
