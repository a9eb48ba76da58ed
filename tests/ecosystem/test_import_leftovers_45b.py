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
