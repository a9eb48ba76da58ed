"""Shapes the forty-eighth round reads or refuses (import48): Quizlet's Semicolon rows
with no `;` after the last, and files written by hand the importer had not met (a note
with CRLF and a byte-order mark, Logseq, Obsidian's Spaced Repetition plugin, RemNote's
`>>`, a Google Sheets CSV, a TSV with a trailing tab, a line of 1 MB)."""

from __future__ import annotations

from pathlib import Path

from tests.ecosystem.test_import_kept_shapes_45 import _import


def _read(tmp_path: Path, text: str | bytes, name: str) -> tuple[dict[str, dict[str, object]], str]:
    """`text` imported from `name`: the cards by title, the report on one line."""
    cards, report = _import(tmp_path, text, name)
    return cards, " ".join(report.split())


def test_two_quizlet_rows_with_no_final_semicolon_are_two_cards(tmp_path: Path) -> None:
    """Quizlet may end its Semicolon export with no `;`: two rows so were read as one Anki
    note of three fields, the second term glued to the first answer and its definition
    named as unread tags: the last card was lost."""
    text = (
        "precision\tshare of predicted positives that are real;"
        "recall\tshare of real positives that were found"
    )
    cards, report = _read(tmp_path, text, "quizlet.txt")
    assert cards == {
        "precision": {
            "answer": "share of predicted positives that are real",
            "tags": [],
            "line": 1,
        },
        "recall": {"answer": "share of real positives that were found", "tags": [], "line": 1},
    }
    assert "one line of 2 rows parted by ';'" in report
    assert "third field" not in report


def test_a_headerless_anki_note_with_one_tag_last_stays_one_note(tmp_path: Path) -> None:
    """The other reading of the same shape: a third field of one word is Anki's tags."""
    cards, report = _read(tmp_path, "What is ReLU?\tmax(0,x);cheap\tml\n", "anki.txt")
    assert cards == {"What is ReLU?": {"answer": "max(0,x);cheap", "tags": [], "line": 1}}
    assert "its third field ('ml') is not read" in report
