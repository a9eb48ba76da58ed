"""Property lines a user wrote (Dataview's `Status:: in progress`, a `source::` under an
answer) are named when they are left out; Logseq's own (`id::`, `collapsed::`, its review
state `card-repeats::`) stay unsaid.

They were dropped without a word, against the rule that every line with words is in a card
or named in the report at its place."""

from __future__ import annotations

from pathlib import Path

from quiz.ecosystem.properties import find_properties
from tests.ecosystem.test_import_notes import answer_of, front, run_import

NOTES = """\
# ML interview prep

Status:: in progress
Related:: [[Statistics]], [[Deep learning]]

## What is regularization?

Adding a penalty that makes simpler models preferred.
L1 and L2 penalties, dropout and early stopping are common kinds.
It trades a little bias for less variance.
source:: Goodfellow sec. 7.1
"""


def test_user_properties_are_named_where_they_are(tmp_path: Path) -> None:
    notes = tmp_path / "prep.md"
    notes.write_text(NOTES, encoding="utf-8")
    content = tmp_path / "c"
    result = run_import(str(notes), "--pack", "prep", "--into", str(content))
    assert result.exit_code == 0, result.output
    assert (
        f"{notes}:3: note: properties: lines 3, 4 hold properties (Status:: in progress, "
        "Related:: [[Statistics]], [[Deep learning]]), metadata "
        "to Obsidian's Dataview and Logseq, not text: left out"
    ) in result.output
    (card,) = content.rglob("*.md")
    assert "source::" not in answer_of(card)
    # the `source::` under the answer is the card's source (thirty-eighth round)
    assert front(card)["source"] == "prep.md Q1 · Goodfellow sec. 7.1"


def test_logseq_bookkeeping_and_code_are_not_named() -> None:
    page = (
        "- What is label smoothing? #card\n"
        "  id:: 6571a2b4-1c2d-4e5f-8a9b-0c1d2e3f4a5b\n"
        "  collapsed:: true\n"
        "  card-repeats:: 2\n"
        "  card-next-schedule:: 2024-03-14T10:00:00.000Z\n"
        "\t- ```\n\t  key:: value\n\t  ```\n"
    )
    assert find_properties(page).found == ()
    assert find_properties(page).note() is None
    assert find_properties("- topic:: optimisation\n").found == ((1, "topic:: optimisation"),)
