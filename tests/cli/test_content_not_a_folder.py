"""A --content or DRILLBIT_CONTENT path that is there but is no folder (a FIFO, a file):
said to be what it is, not "no such content folder", which sent a person looking for a
folder that was there; a missing folder is still "no such content folder"."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from quiz.bank.loader import load_bank
from tests.conftest import RunDrillbit


@pytest.fixture
def fifo(tmp_path: Path) -> Path:
    path = tmp_path / "my-content"
    os.mkfifo(path)
    return path


def test_a_fifo_given_as_content_is_said_to_be_a_fifo(drillbit: RunDrillbit, fifo: Path) -> None:
    result = drillbit("--content", str(fifo), "list")
    assert result.returncode == 0
    assert result.stderr.splitlines() == [
        f"{fifo}: content folder is a FIFO (named pipe), not a folder"
    ]
    assert "no such" not in result.stderr


def test_lint_refuses_a_fifo_and_a_missing_folder_each_in_its_words(
    drillbit: RunDrillbit, fifo: Path, tmp_path: Path
) -> None:
    gone = tmp_path / "gone"
    result = drillbit("--content", str(fifo), "--content", str(gone), "lint")
    assert result.returncode == 2
    assert result.stderr.splitlines()[0] == (
        f"drillbit: no such content folder (--content or DRILLBIT_CONTENT): {gone}; "
        f"{fifo} is a FIFO (named pipe), not a folder (--content or DRILLBIT_CONTENT)"
    )


def test_a_file_in_drillbit_content_is_said_to_be_a_file(
    drillbit: RunDrillbit, tmp_path: Path
) -> None:
    notes = tmp_path / "notes.md"
    notes.write_text("# not a folder\n", encoding="utf-8")
    result = drillbit("list", "--pack", "my-notes", env={"DRILLBIT_CONTENT": str(notes)})
    assert result.returncode == 2
    assert result.stderr.splitlines()[0] == (
        f"drillbit: {notes} is a file, not a folder (--content or DRILLBIT_CONTENT); "
        "its cards are not loaded"
    )


def test_the_bank_summary_names_each_in_its_words(fifo: Path, tmp_path: Path) -> None:
    gone = tmp_path / "gone"
    bank = load_bank([fifo, gone])
    assert bank.problem_summary() == (
        f"no such content folder: {gone}; {fifo}: content folder is a FIFO (named pipe), "
        "not a folder"
    )
