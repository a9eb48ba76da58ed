"""A path given under a file (`notes.txt/answer.py`: a folder typed where a file is) names
that file (`quiz.paths.file_in_the_way`), wherever the command line is given it.

`grade` said "File ... does not exist" and sent the person to `drillbit watch`, which
cannot write there either; `import-progress` and `import` said "does not exist";
`--content` was "no such content folder"; DRILLBIT_HOME was "cannot create ...: Not a
directory", naming no file."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import RunDrillbit


@pytest.fixture
def in_the_way(tmp_path: Path) -> Path:
    notes = tmp_path / "notes.txt"
    notes.write_text("a file, not a folder\n")
    return notes


@pytest.mark.parametrize(
    ("command", "argument", "name"),
    [
        (("grade", "sigmoid"), "FILE", "answer.py"),
        (("import-progress",), "FILE", "backup.json"),
        (("import",), "NOTES", "notes.md"),
    ],
)
def test_a_file_argument_under_a_file_names_it(
    drillbit: RunDrillbit, in_the_way: Path, command: tuple[str, ...], argument: str, name: str
) -> None:
    given = in_the_way / name
    refused = drillbit(*command, str(given))
    assert refused.returncode == 2
    assert refused.stderr.splitlines()[0] == (
        f"drillbit: Invalid value for '{argument}': '{given}' cannot be there: {in_the_way} "
        "is a file, not a folder"
    )
    assert "drillbit watch" not in refused.stderr  # no hint at a command that fails too
    assert in_the_way.read_text() == "a file, not a folder\n"


def test_a_content_folder_under_a_file_names_it(drillbit: RunDrillbit, in_the_way: Path) -> None:
    listed = drillbit("--content", str(in_the_way / "packs"), "list")
    assert listed.returncode == 0  # the bundled bank is listed, as for a missing folder
    assert (
        f"{in_the_way / 'packs'}: content folder is under {in_the_way}, a file, not a folder"
        in (listed.stderr)
    )
    assert "no such content folder" not in listed.stderr


def test_drillbit_home_under_a_file_names_it(
    drillbit: RunDrillbit, in_the_way: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DRILLBIT_HOME", str(in_the_way / "home"))
    refused = drillbit("stats")
    assert refused.returncode == 1
    assert refused.stderr.splitlines()[0] == (
        f"drillbit: data folder: DRILLBIT_HOME={in_the_way / 'home'} lies under {in_the_way}, "
        "which is a file, not a folder; point DRILLBIT_HOME at a folder"
    )
