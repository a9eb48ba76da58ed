"""A listing refused for a name the missing `--content` folder would have held: `list`,
`cards` and `drills` say their load summary (which names the folder) after their rows, so
a refusal said only "unknown pack 'my-notes'", never that the folder is not there, where
`study`, `grade` and `export anki` named it. The folder is now named first, in their words."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import RunDrillbit


@pytest.mark.parametrize(
    "command",
    [
        ("list", "--pack", "my-notes"),
        ("list", "--json", "--pack", "my-notes"),
        ("cards", "--pack", "my-notes"),
        ("cards", "--search", "deck:my-notes"),
        ("drills", "--pack", "my-notes"),
    ],
)
def test_a_refused_pack_names_the_missing_content_folder_first(
    drillbit: RunDrillbit, tmp_path: Path, command: tuple[str, ...]
) -> None:
    gone = tmp_path / "my-content"
    result = drillbit("--content", str(gone), *command)
    assert result.returncode == 2
    lines = result.stderr.splitlines()
    assert lines[0] == (
        f"drillbit: no such content folder (--content or DRILLBIT_CONTENT): {gone};"
        " its cards are not loaded"
    ), result.stderr
    if "--json" in command:  # the refusal is the JSON on stdout
        refusal = "drillbit: " + json.loads(result.stdout)["message"]
        assert lines[1:] == []
    else:
        refusal = lines[1]
    assert refusal.startswith("drillbit: unknown pack 'my-notes': known packs: ")


def test_without_a_missing_folder_the_refusal_is_alone(drillbit: RunDrillbit) -> None:
    result = drillbit("list", "--pack", "my-notes")
    assert result.returncode == 2
    assert len(result.stderr.splitlines()) == 1
