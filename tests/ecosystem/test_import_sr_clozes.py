"""Obsidian Spaced Repetition's cloze cards (a paragraph with `==highlights==` in a note
tagged #flashcards) are imported, each deletion asked as `[...]`.

They were "text under the title 'Optimizers', in no question's answer, not imported":
a note of nothing but clozes gave no card."""

from __future__ import annotations

from pathlib import Path

from quiz.ecosystem.srcards import read_sr_cards
from tests.ecosystem.test_import_notes import answer_of, front, run_import

NOTE = """\
---
tags: [flashcards]
---
# Optimizers

Adam divides each step by the ==root of the second moment== estimate.

The default ==beta2== of Adam is ==0.999==,
and its epsilon is 1e-8.

What limits Adam's first steps?
?
Its ==bias-corrected== moments.

```
a ==b== in code
```
"""


def test_cloze_paragraphs_are_rewritten_in_place_and_counted() -> None:
    cards = read_sr_cards(NOTE)
    rows = cards.text.split("\n")
    assert len(rows) == len(NOTE.split("\n"))
    assert rows[5] == (
        "Q: Adam divides each step by the [...] estimate. **A:** Adam divides each step by"
        " the **root of the second moment** estimate."
    )
    assert rows[7] == "Q: The default [...] of Adam is [...],"
    assert rows[8] == (
        "and its epsilon is 1e-8. **A:** The default **beta2** of Adam is **0.999**, and its"
        " epsilon is 1e-8."
    )
    assert rows[12] == "Its ==bias-corrected== moments."  # a card's answer, no cloze
    assert rows[15] == "a ==b== in code"
    assert cards.clozes == (6, 8)
    assert "2 clozes (==...==), each deletion asked apart as [...]" in (cards.note() or "")


def test_a_note_of_clozes_only_imports_them(tmp_path: Path) -> None:
    notes = tmp_path / "adam.md"
    notes.write_text(NOTE.split("What limits")[0], encoding="utf-8")
    result = run_import(str(notes), "--pack", "a", "--into", str(tmp_path / "c"))
    assert result.exit_code == 0, result.output
    card = tmp_path / "c/a/a/adam-divides-each-step-by-estimate.md"
    assert front(card)["title"] == "Adam divides each step by the [...] estimate"
    assert "**root of the second moment**" in answer_of(card)
    assert f"{notes}:6: note: flashcards:" in result.output
    assert "not imported" not in result.output
