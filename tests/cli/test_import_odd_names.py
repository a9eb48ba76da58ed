"""`drillbit import` of notes whose file name is odd: not UTF-8 (refused in one line that
names the file and what to do, nothing written), or with a newline in it (each report line
stays one line, the name shown escaped)."""

from __future__ import annotations

import os
from pathlib import Path

from tests.conftest import RunDrillbit

NOTES = "Q: What is a sigmoid?\nA: A squashing function onto (0, 1).\n"


def test_notes_named_in_latin_1_are_refused_by_name(drillbit: RunDrillbit, tmp_path: Path) -> None:
    folder = tmp_path / "notes"
    folder.mkdir()
    notes = Path(os.fsdecode(os.fsencode(folder) + b"/caf\xe9.md"))
    notes.write_text(NOTES, encoding="utf-8")
    into = tmp_path / "content"
    into.mkdir()
    result = drillbit("import", "--into", str(into), str(notes))
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        f"drillbit: import: {folder}/caf\\xe9.md: its file name is not UTF-8, and each card "
        "records in UTF-8 the name it came from: rename the file (`convmv -f latin1 -t utf8 "
        "--notest FILE` renames a Latin-1 one) and import it again"
    ]
    assert "codec" not in result.stderr
    assert list(into.iterdir()) == []


def test_the_same_notes_under_a_utf8_name_import(drillbit: RunDrillbit, tmp_path: Path) -> None:
    notes = tmp_path / "café.md"
    notes.write_text(NOTES, encoding="utf-8")
    into = tmp_path / "content"
    into.mkdir()
    result = drillbit("import", "--into", str(into), str(notes))
    assert result.returncode == 0, result.stderr
    assert f"← {notes}:1 What is a sigmoid?" in result.stdout


def test_a_newline_in_the_notes_name_is_shown_escaped(
    drillbit: RunDrillbit, tmp_path: Path
) -> None:
    notes = tmp_path / "new\nline.md"
    notes.write_text(NOTES, encoding="utf-8")
    into = tmp_path / "content"
    into.mkdir()
    result = drillbit("import", "--into", str(into), str(notes))
    assert result.returncode == 0, result.stderr
    card = into / "new-line" / "new-line" / "what-is-a-sigmoid.md"
    assert card.is_file()
    written = [line for line in result.stdout.splitlines() if line.startswith("wrote ")]
    assert written[-1].endswith(f"← {tmp_path}/new\\nline.md:1 What is a sigmoid?")
    assert not any(line.startswith("line.md") for line in result.stdout.splitlines())
