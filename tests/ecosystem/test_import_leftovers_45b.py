"""What the forty-fifth round's import left (import45b): a stray NUL byte taken out unsaid,
a RemNote `X :: Y` item in a Logseq outline not imported, and Quizlet's export with `;`
between rows read as one wrong card."""

from __future__ import annotations

from pathlib import Path

from tests.ecosystem.test_import_kept_shapes_45 import _import


def test_a_stray_nul_byte_is_taken_out_and_said_at_its_line(tmp_path: Path) -> None:
    """The NUL was dropped with no word: the report names its lines now, and the cards
    read as if it was never there."""
    notes = (
        b"## What is dropout?\n\nIt zeroes units at random during training.\x00 It is off at"
        b" test time.\n\n## What is bagging?\n\nTraining models on boot\x00strap samples"
        b" and averaging\x00 their votes.\n"
    )
    cards, report = _import(tmp_path, notes)
    assert cards == {
        "What is dropout?": {
            "answer": "It zeroes units at random during training. It is off at test time.",
            "tags": [],
            "line": 1,
        },
        "What is bagging?": {
            "answer": "Training models on bootstrap samples and averaging their votes.",
            "tags": [],
            "line": 5,
        },
    }
    said = " ".join(report.split())
    assert "vault.md:3: note: NUL bytes: 3 NUL bytes (lines 3, 7), which no text holds," in said


def test_notes_without_a_nul_byte_say_nothing_of_one(tmp_path: Path) -> None:
    _, report = _import(tmp_path, "## What is dropout?\n\nIt zeroes units at random.\n")
    assert "NUL" not in report


LOGSEQ = """\
- What is a GAN? #card
  card-last-interval:: 4
  card-repeats:: 2
  - Two networks trained against each other: a generator and a discriminator.
- Backpropagation :: the chain rule applied layer by layer to get every gradient. #ml
- Shifts
  - In C, x >> 1 halves an unsigned integer.
- status:: draft
"""


def test_a_remnote_concept_item_in_a_logseq_outline_is_a_card(tmp_path: Path) -> None:
    """`- X :: Y` alone in an outline was "text ... not imported" (one RemNote line is too
    few to read as RemNote's in prose); in an outline, a blank either side of `::`, it is
    no Logseq property and no code: a card. A shift in an item and a property stay so."""
    cards, report = _import(tmp_path, LOGSEQ)
    assert cards == {
        "What is a GAN?": {
            "answer": "- Two networks trained against each other: a generator and a discriminator.",
            "tags": [],
            "line": 1,
        },
        "Backpropagation": {
            "answer": "the chain rule applied layer by layer to get every gradient.",
            "tags": ["ml"],
            "line": 5,
        },
    }
    said = " ".join(report.split())
    assert "vault.md:5: note: RemNote: 1 one-line card" in said
    assert "vault.md:6: skipped '- Shifts'" in said


def test_a_lone_concept_line_in_prose_is_still_text(tmp_path: Path) -> None:
    """Outside an outline one ` :: ` line is no sure card (`a :: b` in a paragraph): it
    stays the answer's text, as before."""
    cards, report = _import(
        tmp_path,
        "## What is a GAN?\n\nTwo networks trained against each other.\n"
        "Its loss reads min :: max of one value function.\n",
    )
    assert list(cards) == ["What is a GAN?"]
    assert "RemNote" not in report


QUIZLET_ROWS = [
    ("precision", "of the predicted positives, the share that is right"),
    ("recall", "of the real positives, the share that is found; it ignores false alarms"),
    ("F1 score", "the harmonic mean of precision and recall"),
]


def _quizlet(tmp_path: Path, text: str, name: str) -> tuple[dict[str, dict[str, object]], str]:
    """`text` imported from `name` (its suffix says how it is read): the cards as `_import`
    gives them, and the report on one line."""
    cards, report = _import(tmp_path, text, name)
    return cards, " ".join(report.split())


def test_quizlet_rows_parted_by_semicolons_on_one_line_are_a_card_each(tmp_path: Path) -> None:
    """Tab between term and definition, Semicolon between rows: every row on line 1. It
    was one card whose answer ran into the next rows; now a card a row, each at line 1,
    and a `; ` inside a definition stays its text."""
    line = "".join(f"{term}\t{definition};" for term, definition in QUIZLET_ROWS)
    cards, report = _quizlet(tmp_path, line, "quizlet.txt")
    assert cards == {
        term: {"answer": definition, "tags": [], "line": 1} for term, definition in QUIZLET_ROWS
    }
    assert (
        "quizlet.txt:1: note: Quizlet: one line of 3 rows parted by ';' (Quizlet's export"
        " with Semicolon between rows), read as a card a row" in report
    )


def test_semicolon_rows_under_anki_header_are_read_the_same(tmp_path: Path) -> None:
    """The old advice for a `;` list was Anki's `#separator:semicolon` header: with it the
    line read as one note of three fields. Its rows are cards at line 2, after the header."""
    line = "".join(f"{term}\t{definition}" + ";" for term, definition in QUIZLET_ROWS[:2])
    cards, report = _quizlet(tmp_path, "#separator:semicolon\n" + line + "\n", "q.txt")
    assert cards == {
        term: {"answer": definition, "tags": [], "line": 2} for term, definition in QUIZLET_ROWS[:2]
    }
    assert "q.txt:2: note: Quizlet: one line of 2 rows" in report


def test_comma_rows_of_one_comma_each_are_read_from_a_csv(tmp_path: Path) -> None:
    """Comma and Semicolon in a `.csv`: each row with one comma is unambiguous."""
    cards, _ = _quizlet(
        tmp_path, "bagging,bootstrap samples and a vote;boosting,models fit in sequence;\n", "q.csv"
    )
    assert cards == {
        "bagging": {"answer": "bootstrap samples and a vote", "tags": [], "line": 1},
        "boosting": {"answer": "models fit in sequence", "tags": [], "line": 1},
    }


def test_semicolon_rows_that_cannot_be_told_apart_are_refused(tmp_path: Path) -> None:
    """A definition holding a comma (Comma between term and definition) or a `;` glued to
    its next word (Tab): no card, the line named with what to choose in Quizlet."""
    comma = "precision,of the predicted positives, the share;recall,of the real positives;"
    cards, report = _quizlet(tmp_path, comma, "comma.csv")
    assert cards == {}
    assert (
        "comma.csv:1: skipped 'precision,of the predicted positives, the share': one line"
        " of 2 rows parted by ';' (Quizlet's export with Semicolon between rows), but row"
        " 'precision,of the predicted positives, the share' holds 2 commas, so the rows and"
        " their terms cannot be told apart: in Quizlet, export again with Tab between term"
        " and definition and New line between rows" in report
    )
    glued = "precision\tright;wrong\trecall\tfound;"
    cards, report = _quizlet(tmp_path, glued, "glued.txt")
    assert cards == {}
    assert "glued.txt:1: skipped" in report
    assert "holds 2 tabs" in report


def test_comma_rows_in_a_txt_file_are_told_what_to_export(tmp_path: Path) -> None:
    """`.txt` with Comma and Semicolon is no card list (a `.txt` list has tabs): the old
    hint said to add `#separator:semicolon`, which would make one wrong note of it."""
    cards, report = _quizlet(
        tmp_path, "bagging,bootstrap samples;boosting,models in sequence;", "q.txt"
    )
    assert cards == {}
    assert "#separator:semicolon" not in report
    assert (
        "q.txt: no questions found: expected headings like" in report
        and "its rows are on one line, parted by ';', a ',' between term and definition"
        " (Quizlet's export with Comma and Semicolon), which is read as no card list: in"
        " Quizlet, export again with Tab between term and definition and New line between"
        " rows"
        in report
    )


def test_a_tab_row_with_a_glued_semicolon_in_one_definition_is_one_card(tmp_path: Path) -> None:
    """One row (Quizlet's default export of one term) whose definition holds `a;b`: no
    second row holds a tab, so it is no list of rows on one line, and reads as before."""
    cards, report = _quizlet(tmp_path, "softmax\texp(z) over sum;then normalised\n", "one.txt")
    assert cards == {
        "softmax": {"answer": "exp(z) over sum;then normalised", "tags": [], "line": 1}
    }
    assert "Quizlet" not in report


def test_anki_own_export_of_one_note_is_never_read_as_quizlet_rows(tmp_path: Path) -> None:
    """Anki's header naming a tags column says Anki wrote it: its one note whose answer
    holds a glued `;` stays one note, its tags read."""
    text = "#separator:tab\n#html:false\n#tags column:3\nWhat is ReLU?\tmax(0,x);cheap\tml\n"
    cards, report = _quizlet(tmp_path, text, "anki.txt")
    assert cards == {"What is ReLU?": {"answer": "max(0,x);cheap", "tags": ["ml"], "line": 4}}
    assert "Quizlet" not in report
