"""A Notion database exported as CSV: its first row names the columns Notion's way (`Name`,
`Status`, `Created`), and its multi-select tags are comma-separated (`ML, Deep Learning`).

The row was taken as a note, skipped as "the answer is too short for a key point" and
counted as a question seen; no card had the Tags column's tags."""

from __future__ import annotations

from pathlib import Path

from quiz.ecosystem.ankitext import parse_anki_text
from tests.ecosystem.test_import_notes import front, run_import

NOTION_CSV = (
    "\ufeffName,Answer,Status,Tags,Created\n"
    '"What is dropout?","It zeroes random units during training. It scales the kept ones'
    ' by 1/(1-p). It is off at inference.",Done,"ML, Deep Learning","March 3, 2026 10:12 AM"\n'
    '"Why use batch norm?","It normalizes each feature over the batch. It allows higher'
    ' learning rates. It adds noise that regularizes.",Todo,ML,"March 4, 2026 9:00 AM"\n'
)


def test_the_first_row_names_the_columns_and_the_tags_are_the_cards() -> None:
    parsed = parse_anki_text(NOTION_CSV, ",")
    assert [(q.line, q.title, q.tags) for q in parsed.questions] == [
        (2, "What is dropout?", ("ml", "deep-learning")),
        (3, "Why use batch norm?", ("ml",)),
    ]
    assert [i.reason for i in parsed.ignored] == [
        "a row naming the columns (Name, Answer, Status, Tags, Created), not a note: not "
        "imported; its Tags column gives each card its tags; its Status, Created columns are"
        " not used (a card is its first two columns)"
    ]


def test_a_first_row_of_text_is_a_note() -> None:
    parsed = parse_anki_text("Name the three gates,Input, forget and output gates.\n", ",")
    assert [q.title for q in parsed.questions] == ["Name the three gates"]


def test_the_import_counts_no_header_as_a_question(tmp_path: Path) -> None:
    notes = tmp_path / "Interview Questions 8f3e2a1b9c7d4e5f8a6b1c2d3e4f5a6b.csv"
    notes.write_text(NOTION_CSV, encoding="utf-8")
    result = run_import(str(notes), "--pack", "iq", "--into", str(tmp_path / "c"))
    assert result.exit_code == 0, result.output
    assert "2 questions seen, 2 cards written" in result.output
    assert "too short" not in result.output
    assert front(tmp_path / "c/iq/iq/what-is-dropout.md")["tags"] == ["ml", "deep-learning"]
