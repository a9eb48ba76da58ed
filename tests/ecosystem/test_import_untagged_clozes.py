"""A note of clozes not tagged #flashcards imports (tests/data/notes/untagged-clozes.md):
it was "no questions found"; highlights ask only where no line asks otherwise."""

from __future__ import annotations

from pathlib import Path

from quiz.ecosystem.srcards import read_untagged_clozes
from tests.conftest import DATA
from tests.ecosystem.test_import_notes import answer_of, front, run_import

NOTES = DATA / "notes" / "untagged-clozes.md"


def test_an_untagged_note_of_clozes_gives_its_cards(tmp_path: Path) -> None:
    content = tmp_path / "c"
    result = run_import(str(NOTES), "--pack", "norm", "--into", str(content))
    assert result.exit_code == 0, result.output
    cards = content / "norm" / "norm"  # no section: the pack's own topic, named below
    assert "-> " + str(cards) in result.output
    assert "study --topic norm" in result.output
    assert len(list(cards.glob("*.md"))) == 4  # the layer norm note's two numbers: two cards
    layer = cards / "layer-norm-takes-statistics-over-so-c1.md"
    assert front(layer)["title"] == (
        "Layer norm takes its statistics over the [...], so it works the same at batch size one"
    )
    assert "**features of one example**" in answer_of(layer)
    assert "**batch size one**" not in answer_of(layer)
    assert f"{NOTES}:3: note: flashcards: the note is not tagged #flashcards" in result.output
    said = " ".join(result.output.split())  # the report folds its lines to the terminal
    assert "each deletion asked apart as [...] (Anki's of one number together), the others" in said
    assert "shown; they go to topic 'norm'" in said


def test_highlights_stay_emphasis_in_a_note_that_asks() -> None:
    text = "## What is group norm?\n\nIt ==splits channels== into groups.\n"
    assert read_untagged_clozes(text).clozes == ()
    text += "\nA paragraph with {{c1::a cloze}} asks.\n"
    read = read_untagged_clozes(text)
    assert read.clozes == (5,)
    assert "==splits channels==" in read.text  # the answer's highlight is left alone


def test_a_highlight_beside_an_anki_cloze_stays_emphasis_where_highlights_do_not_ask() -> None:
    text = "## What is BN?\n\nIt normalizes.\n\nBN uses the {{c1::batch}} ==mean==.\n"
    read = read_untagged_clozes(text)
    assert "Q: BN uses the [...] ==mean==. **A:** BN uses the **batch** ==mean==." in read.text
