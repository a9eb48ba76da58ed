"""`--content ''` (a shell variable that is not set: `--content "$PACKS"`): click's Path
took it as '.', the working folder, so `list` said ".:1:1: no pack found" of a folder the
person never named, and `import --content ''` wrote its cards into the working folder."""

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
