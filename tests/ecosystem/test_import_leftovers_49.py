"""Shapes the forty-ninth round reads or refuses (import49): RemNote's `Front >>` over
indented lines, Quizlet's Semicolon rows, and files written by hand the importer had not
met (Anki packages of both kinds, a Mochi export, front matter, a Notion CSV, nested
Obsidian tags, a CSV header in another case, a CSV of 50,000 rows, UTF-16)."""

from __future__ import annotations

from pathlib import Path

from tests.ecosystem.test_import_kept_shapes_45 import _import


def _read(tmp_path: Path, text: str | bytes, name: str) -> tuple[dict[str, dict[str, object]], str]:
    """`text` imported from `name`: the cards by title, the report on one line."""
    cards, report = _import(tmp_path, text, name)
    return cards, " ".join(report.split())


def test_a_remnote_card_with_nothing_after_its_arrow_is_a_multi_line_card(tmp_path: Path) -> None:
    """RemNote shows a multi-line card as `Front >>` over the card's lines (the `>>>` typed
    turns into the arrow); a basic card's back is on its own line. `Capacity >>` over two
    indented lines is that card, answered by them; import48 skipped it as a card with an
    empty back."""
    text = (
        "- Bias >> how far the estimator's mean is from the truth\n"
        "- Variance >> how much the estimate moves between samples\n"
        "- Capacity >>\n"
        "    - how complex a function the model can fit\n"
        "    - grows with the number of parameters\n"
        "- Noise >> what no model can explain\n"
    )
    cards, report = _read(tmp_path, text, "rem.md")
    assert list(cards) == ["Bias", "Capacity", "Noise", "Variance"]
    assert cards["Capacity"] == {
        "answer": "- how complex a function the model can fit\n"
        "- grows with the number of parameters",
        "tags": [],
        "line": 3,
    }
    assert cards["Noise"]["answer"] == "what no model can explain"
    assert (
        "1 multi-line card ('Front >>' over indented lines, as RemNote shows one, line 3) "
        "read as questions answered by the lines under them"
    ) in report
    assert "skipped" not in report
    assert "no answer marker" not in report


def test_remnote_multi_line_cards_both_ways_written_are_named_apart(tmp_path: Path) -> None:
    """A page of `Front >>` cards alone is RemNote's (two cards, all its text), and one
    beside a typed `>>>` card: each shape is named with its lines."""
    text = (
        "- Capacity >>\n"
        "    - how complex a function the model can fit\n"
        "- Regularisation >>>\n"
        "    - a penalty that keeps the weights small\n"
        "- Early stopping >>\n"
        "    - ending training when validation loss stops falling\n"
    )
    cards, report = _read(tmp_path, text, "rem.md")
    assert {title: card["answer"] for title, card in cards.items()} == {
        "Capacity": "- how complex a function the model can fit",
        "Early stopping": "- ending training when validation loss stops falling",
        "Regularisation": "- a penalty that keeps the weights small",
    }
    assert (
        "3 multi-line cards ('Front >>>', line 3; 'Front >>' over indented lines, as RemNote "
        "shows one, lines 1, 5) read as questions"
    ) in report


def test_a_lone_line_ending_in_a_shift_stays_text(tmp_path: Path) -> None:
    """One line ending `>>` over an indented line in prose is not RemNote's notes: it is
    named as text, never a card (a C shift written across lines)."""
    text = (
        "# Notes on shifts\n\n"
        "A right shift moves bits toward the low end.\n"
        "In C a signed right shift keeps the sign.\n"
        "A line of prose ends with a shift >>\n"
        "    y = 1\n"
        "More prose here.\n\n"
        "## What is a logical shift?\n"
        "One that fills with zeros.\n"
    )
    cards, report = _read(tmp_path, text, "shifts.md")
    assert list(cards) == ["What is a logical shift?"]
    assert "shifts.md:3: skipped" in report
    assert "RemNote" not in report


def test_one_quizlet_semicolon_row_with_no_final_semicolon_is_one_card(tmp_path: Path) -> None:
    """Quizlet's Semicolon export of a set of one term, with no `;` after its row (as it
    ends its export), or with one: a card, its answer the definition whole, at line 1. The
    `;` ending a row alone was read as the definition's last character."""
    row = "precision\tshare of predicted positives that are real"
    want = {
        "precision": {
            "answer": "share of predicted positives that are real",
            "tags": [],
            "line": 1,
        }
    }
    for name, text in (("bare.txt", row), ("ended.txt", row + ";")):
        (tmp_path / name[:-4]).mkdir()
        cards, report = _read(tmp_path / name[:-4], text, name)
        assert cards == want, name
        assert "skipped" not in report
        assert "not imported" not in report
        assert ("one row ended by ';'" in report) == (name == "ended.txt")


def test_two_quizlet_semicolon_rows_with_no_final_semicolon_stay_two_cards(
    tmp_path: Path,
) -> None:
    """The import48 shape beside the one-row one: two rows, a `;` between them and none
    after the last, are two cards at line 1."""
    text = (
        "precision\tshare of predicted positives that are real;"
        "recall\tshare of real positives that were found"
    )
    cards, report = _read(tmp_path, text, "quizlet.txt")
    assert {title: card["answer"] for title, card in cards.items()} == {
        "precision": "share of predicted positives that are real",
        "recall": "share of real positives that were found",
    }
    assert "one line of 2 rows parted by ';'" in report
