"""`drillbit import --into DIR` where DIR, or the pack's folder, cannot be a folder: one line
naming what is there, and no "wrote" for a file that was not written.

`--into fifo` (a FIFO) or `--into notes.txt/content` (a file where a folder should be)
planned every card, printed "wrote .../pack.yaml (new pack ...)", then ended in mkdir's
NotADirectoryError traceback; a FIFO in the pack folder's place did the same with
FileExistsError. Now the content folder is checked before anything is planned (exit 2, a
wrong command line), and a folder that cannot be made while writing is one `import:` line
(exit 1) after which the same import again writes the rest.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.conftest import RunDrillbit

NOTES = "## Q1: What does a unit test check?\n\nIt checks one unit. It runs alone. It is fast.\n"


@pytest.fixture
def notes(tmp_path: Path) -> Path:
    path = tmp_path / "testing.md"
    path.write_text(NOTES)
    return path


def test_into_a_fifo_is_refused_naming_it(
    tmp_path: Path, notes: Path, drillbit: RunDrillbit
) -> None:
    fifo = tmp_path / "content"
    os.mkfifo(fifo)
    result = drillbit("import", str(notes), "--into", str(fifo), cwd=tmp_path)
    assert result.returncode == 2, result.stdout + result.stderr
    assert result.stderr.splitlines()[0] == (
        f"drillbit: import: --into {fifo}: {fifo} is a FIFO (named pipe), not a folder; "
        "give the content folder that holds packs"
    )
    assert "wrote" not in result.stdout and "Traceback" not in result.stderr


def test_into_a_folder_under_a_file_is_refused_naming_the_file(
    tmp_path: Path, notes: Path, drillbit: RunDrillbit
) -> None:
    kept = tmp_path / "notes.txt"
    kept.write_text("mine\n")
    result = drillbit("import", str(notes), "--into", str(kept / "content"), cwd=tmp_path)
    assert result.returncode == 2, result.stdout + result.stderr
    assert result.stderr.splitlines()[0] == (
        f"drillbit: import: --into {kept / 'content'}: {kept} is a file, not a folder; "
        "give the content folder that holds packs"
    )
    assert kept.read_text() == "mine\n"
    assert "wrote" not in result.stdout and "Traceback" not in result.stderr


def test_a_fifo_in_the_pack_folders_place_is_one_line_and_nothing_said_written(
    tmp_path: Path, notes: Path, drillbit: RunDrillbit
) -> None:
    content = tmp_path / "content"
    content.mkdir()
    os.mkfifo(content / "testing")  # where the new pack 'testing' goes
    result = drillbit("import", str(notes), "--into", str(content), cwd=tmp_path)
    assert result.returncode == 1, result.stdout + result.stderr
    assert result.stderr.splitlines()[0].startswith(
        "drillbit: import: cannot write content/testing: it is a FIFO (named pipe), "
        "not a folder (any card written before it is whole: the same import again"
    ), result.stderr
    assert "wrote" not in result.stdout and "Traceback" not in result.stderr

    (content / "testing").unlink()  # fixed: the same import writes the pack
    again = drillbit("import", str(notes), "--into", str(content), cwd=tmp_path)
    assert again.returncode == 0, again.stdout + again.stderr
    assert again.stdout.startswith("wrote content/testing/pack.yaml (new pack 'testing')")
    assert (content / "testing" / "testing" / "unit-test-check.md").is_file()


def test_into_a_folder_not_made_yet_is_made(
    tmp_path: Path, notes: Path, drillbit: RunDrillbit
) -> None:
    content = tmp_path / "new" / "content"
    result = drillbit("import", str(notes), "--into", str(content), cwd=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert (content / "testing" / "pack.yaml").is_file()
