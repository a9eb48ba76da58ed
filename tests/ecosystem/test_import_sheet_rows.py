"""A spreadsheet's CSV as Google Sheets or Excel writes it (a byte-order mark, CRLF, an
answer over lines in quotes, a blank row, a row whose answer cell is empty) imports its
cards, and the row left without an answer is named for what it lacks.

That row (`"What is weight decay?",,,`) was "a note with one field: no second field to be
its answer", which sent the user looking for a lost separator in a row that has all its
columns."""

from __future__ import annotations

from pathlib import Path

from tests.ecosystem.test_import_notes import front, run_import

SHEET = (
    "\ufeffFront,Back,Source,Tags\r\n"
    '"What is dropout?","Randomly zeroes units while training.\r\n'
    "It acts like an ensemble of thinned networks.\r\n"
    'Nothing is rescaled at test time with inverted dropout.",Goodfellow 7.12,ml\r\n'
    ",,,\r\n"
    '"What is weight decay?",,,\r\n'
    '"Why normalise inputs?","Features on one scale make the loss surface rounder, so '
    'gradient descent converges faster.",,"ml, optim"\r\n'
)


def test_a_sheet_imports_and_names_the_row_without_an_answer(tmp_path: Path) -> None:
    notes = tmp_path / "sheet.csv"
    notes.write_bytes(SHEET.encode("utf-8"))
    content = tmp_path / "c"
    result = run_import(str(notes), "--pack", "sheet", "--into", str(content))
    assert result.exit_code == 0, result.output
    cards = {str(front(path)["title"]): front(path) for path in content.rglob("*.md")}
    assert cards["What is dropout?"]["key_points"] == [
        "Randomly zeroes units while training.",
        "It acts like an ensemble of thinned networks.",
        "Nothing is rescaled at test time with inverted dropout.",
    ]
    assert cards["What is dropout?"]["tags"] == ["ml"]
    assert cards["Why normalise inputs?"]["tags"] == ["ml", "optim"]
    assert sorted(cards) == ["What is dropout?", "Why normalise inputs?"]
    assert (
        f"{notes}:6: skipped 'What is weight decay?': a note whose second field is empty: no answer"
    ) in result.output
    assert "one field" not in result.output
    assert "1 skipped (1 a note whose second field is empty)" in result.output
