"""A spreadsheet's first row naming a Tags or Deck column gives each card its tags or deck.

The `Front,Back,Tags` row was skipped as column names, but its Tags column was then read
as a third field: no card had its tags. (The file here has a byte order mark and quoted
line breaks, as a spreadsheet saves them.)"""

from __future__ import annotations

from pathlib import Path

from quiz.ecosystem.ankitext import parse_anki_text
from tests.ecosystem.test_import_notes import front, run_import

CSV = (
    '\ufeffFront,Back,Tags\n"What is a ""logit""?","The log-odds.\nIt is the input of the '
    'sigmoid.",ml\n"Explain dropout","It zeroes units at random.\n\nIt scales the kept ones.'
    ' It keeps the expected sum.",ml deep-learning\n'
)


def test_a_spreadsheet_tags_column_gives_the_cards_their_tags() -> None:
    parsed = parse_anki_text(CSV, ",")
    assert [(q.line, q.title, q.tags) for q in parsed.questions] == [
        (2, 'What is a "logit"?', ("ml",)),
        (4, "Explain dropout", ("ml", "deep-learning")),
    ]
    assert parsed.questions[0].answer == "The log-odds.\nIt is the input of the sigmoid."
    assert [i.reason for i in parsed.ignored] == [
        "a row naming the columns (Front, Back, Tags), not a note: not imported; its Tags "
        "column gives each card its tags"
    ]


def test_a_csv_with_a_bom_and_quoted_newlines_imports_with_its_tags(tmp_path: Path) -> None:
    notes = tmp_path / "cards.csv"
    notes.write_text(CSV, encoding="utf-8")
    result = run_import(str(notes), "--pack", "p", "--into", str(tmp_path / "c"))
    assert result.exit_code == 0, result.output
    assert front(tmp_path / "c" / "p" / "p" / "explain-dropout.md")["tags"] == [
        "ml",
        "deep-learning",
    ]
