"""`drillbit export anki` leaves the deck and nothing else: no collection database in the
system's temporary folder (genanki's `write_to_file` made one there with `mkstemp` and never
removed it, half a MiB a run), and a disk that cannot take the deck is one line, not a
sqlite traceback."""

from __future__ import annotations

import os
import resource
import shutil
import sqlite3
import subprocess
import tempfile
import zipfile
from pathlib import Path

import pytest

from tests.conftest import DATA, DRILLBIT_COMMAND, PROCESS_TIMEOUT_SECONDS, RunDrillbit


@pytest.fixture
def own_temp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The temporary folder this test's commands see, empty at the start."""
    folder = tmp_path / "tmp"
    folder.mkdir()
    monkeypatch.setenv("TMPDIR", str(folder))
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


def _mini(tmp_path: Path) -> Path:
    work = tmp_path / "work"
    shutil.copytree(DATA / "mini_bank", work / "content")
    return work


def test_an_export_leaves_only_the_deck_and_nothing_in_the_temporary_folder(
    drillbit: RunDrillbit, tmp_path: Path, own_temp: Path
) -> None:
    work = _mini(tmp_path)
    result = drillbit(
        "--content", "content", "export", "anki", "mini.apkg", "--pack", "mini", cwd=work
    )
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in work.iterdir()) == ["content", "mini.apkg"]
    assert list(own_temp.iterdir()) == []
    # still genanki's layout, and a collection Anki (sqlite) reads with the notes in it
    with zipfile.ZipFile(work / "mini.apkg") as package:
        assert package.namelist()[:2] == ["collection.anki2", "media"]
        (tmp_path / "read").mkdir()
        collection = Path(package.extract("collection.anki2", tmp_path / "read"))
    with sqlite3.connect(collection) as db:
        (notes,) = db.execute("SELECT count(*) FROM notes").fetchone()
    assert notes > 0
    assert f"wrote mini.apkg: {notes} note" in result.stdout


def _limit_files_to(size: int) -> None:
    resource.setrlimit(resource.RLIMIT_FSIZE, (size, size))


def test_a_disk_that_cannot_take_the_deck_is_one_line_and_leaves_nothing(
    tmp_path: Path, own_temp: Path
) -> None:
    """A file size limit (as a nearly full disk): the collection cannot be written."""
    work = _mini(tmp_path)
    home = tmp_path / "home"
    home.mkdir()
    completed = subprocess.run(
        [*DRILLBIT_COMMAND, "--content", str(work / "content"), "export", "anki", "deck.apkg"],
        capture_output=True,
        text=True,
        cwd=work,
        # no bytecode written: a .pyc cut short by the limit would break later interpreters
        env={**os.environ, "DRILLBIT_HOME": str(home), "PYTHONDONTWRITEBYTECODE": "1"},
        timeout=PROCESS_TIMEOUT_SECONDS,
        preexec_fn=lambda: _limit_files_to(32 * 1024),
        check=False,
    )
    assert completed.returncode == 1, completed.stderr
    assert "Traceback" not in completed.stderr, completed.stderr
    lines = [line for line in completed.stderr.splitlines() if "deck.apkg" in line]
    assert len(lines) == 1 and lines[0].startswith(
        "drillbit: export anki: cannot write deck.apkg: "
    )
    assert sorted(p.name for p in work.iterdir()) == ["content"]
    assert list(own_temp.iterdir()) == []
