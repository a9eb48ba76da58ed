"""A path inside a folder this user may not enter (another user's, mode 700) is one line
naming that folder, for DRILLBIT_HOME, --content and a FILE read: `Path.exists` raised
PermissionError's traceback for each. Root enters every folder, so as root each is
checked in a forked child that has become `nobody` (the kernel then refuses it, as it
refuses any other user); any other user meets a folder of mode 000 in this process."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

import click
import pytest

from quiz.bank.sources import folder_trouble
from quiz.cli.context import file_to_read
from quiz.errors import DataDirError
from quiz.paths import ensure_dir, file_in_the_way, no_entry
from tests.nobody import as_someone_else


@pytest.fixture
def closed() -> Iterator[Path]:
    """A folder this test's user (or `nobody`, under root) may not enter, holding `inner/`."""
    with tempfile.TemporaryDirectory() as place:
        top = Path(place)
        top.chmod(0o755)
        folder = top / "closed"
        (folder / "inner").mkdir(parents=True)
        folder.chmod(0o700 if os.geteuid() == 0 else 0o000)
        try:
            yield folder
        finally:
            folder.chmod(0o700)


def _home_refusal(path: Path) -> str:
    try:
        ensure_dir(path, "DRILLBIT_HOME")
    except DataDirError as exc:
        return str(exc)
    return "made"


def _file_refusal(path: Path) -> str:
    try:
        file_to_read().convert(str(path), None, None)
    except click.BadParameter as exc:
        return exc.message
    return "taken"


def test_paths_in_a_closed_folder_name_it(closed: Path) -> None:
    inner = closed / "inner"
    told = as_someone_else(
        lambda: [
            _home_refusal(inner / "home"),
            str(folder_trouble(inner)),
            _file_refusal(inner / "backup.json"),
        ]
    )
    assert told == [
        f"DRILLBIT_HOME={inner / 'home'} cannot be reached: this user may not enter {closed}; "
        "point DRILLBIT_HOME at a folder",
        f"cannot be reached: this user may not enter {closed}",
        f"'{inner / 'backup.json'}' cannot be reached: this user may not enter {closed}",
    ]


def test_a_file_in_the_way_is_no_closed_folder(tmp_path: Path) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("not a folder\n")  # no x bit: os.access(X_OK) says no of it too
    assert no_entry(notes / "answer.py") is None
    assert file_in_the_way(notes / "answer.py") == notes
