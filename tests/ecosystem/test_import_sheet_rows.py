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


def test_a_quote_never_closed_names_the_lines_it_swallowed(tmp_path: Path) -> None:
    """An opening quote with no closing one made the reader take the rest of the file as
    one field: its note and the two after it were lost, named only as "a note with one
    field" at the quote's line."""
    notes = tmp_path / "hand.csv"
    notes.write_text(
        "What is dropout?,It zeroes random units while training so none relies on another.\n"
        '"What is a learning rate,The size of each step along the negative gradient.\n'
        "What is momentum?,It keeps a running average of past gradients.\n"
        "What is Adam?,Momentum plus per-parameter step sizes.\n",
        encoding="utf-8",
    )
    result = run_import(str(notes), "--pack", "hand", "--into", str(tmp_path / "c"))
    assert (
        f"{notes}:2: skipped 'What is a learning rate,The size of each step alo…': a quote "
        '(") opens a field here and nothing closes it, so lines 2-4, the rest of the file, '
        "were read as that one field and give no card: close the quote, or write a quote "
        'inside a quoted field as two ("")'
    ) in result.output
    assert "1 skipped (1 quote never closed)" in result.output
    assert [path.stem for path in (tmp_path / "c").rglob("*.md")] == ["what-is-dropout"]


def test_a_last_field_over_lines_in_closed_quotes_is_a_card(tmp_path: Path) -> None:
    notes = tmp_path / "fine.csv"
    notes.write_text(
        'What is momentum?,"It keeps a running average of past gradients.\n'
        'It smooths the steps, and ""heavy ball"" is its other name.\n'
        'It speeds up progress along shallow valleys."\n',
        encoding="utf-8",
    )
    result = run_import(str(notes), "--pack", "fine", "--into", str(tmp_path / "c"))
    assert result.exit_code == 0, result.output
    assert "never closed" not in result.output
