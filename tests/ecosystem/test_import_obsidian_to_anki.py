"""Notes of the Obsidian_to_Anki plugin (`START`, the note type, fields, `END`; `FILE
TAGS`; `STARTI ... ENDI` on one line) are read as questions
(tests/data/notes/obsidian-to-anki.md); they were text, "no questions found"."""

from __future__ import annotations

from pathlib import Path

from quiz.bank.lint import lint
from quiz.ecosystem.obsidiantoanki import read_anki_blocks
from tests.conftest import DATA
from tests.ecosystem.test_import_notes import answer_of, front, run_import

NOTES = DATA / "notes" / "obsidian-to-anki.md"


def test_each_plugin_note_is_a_card(tmp_path: Path) -> None:
    content = tmp_path / "c"
    result = run_import(str(NOTES), "--pack", "reg", "--into", str(content))
    assert result.exit_code == 0, result.output
    cards = content / "reg" / "reg"
    titles = {str(front(p)["title"]): p for p in cards.glob("*.md")}
    assert sorted(titles) == [
        "How does dropout change a layer at test time?",
        "Label smoothing mixes the one-hot target with a [...]",
        "What does weight decay add to the loss?",
        "What is data augmentation?",  # its id is the bundled bank's: another is given
        "Why does early stopping regularize?",
    ]
    decay = front(cards / "weight-decay-add-loss.md")
    assert decay["title"] == "What does weight decay add to the loss?"
    # FILE TAGS are every card's, a Tags line this card's; the ID comment is no text
    assert decay["tags"] == ["regularization", "interview", "l2"]
    assert decay["key_points"] == [
        "A penalty proportional to the squared size of the weights.",
        "It pulls every weight towards zero a little at each step.",
    ]
    assert "ID" not in answer_of(cards / "weight-decay-add-loss.md")
    # `Front:` written out asks as well; with no `Back:` the first line asks
    assert front(cards / "early-stopping-regularize.md")["title"] == (
        "Why does early stopping regularize?"
    )
    assert answer_of(cards / "dropout-change-layer-at-test-time.md").startswith(
        "At test time no unit is dropped"
    )
    smoothing = cards / "label-smoothing-mixes-one-hot-target.md"
    assert front(smoothing)["title"] == ("Label smoothing mixes the one-hot target with a [...]")
    assert answer_of(smoothing) == (
        "Label smoothing mixes the one-hot target with a **uniform distribution**."
        " It keeps the model from growing overconfident."
    )
    # the text after the last note (an inline one) is named, in no card's answer
    assert answer_of(titles["What is data augmentation?"]) == (
        "Training on label-preserving changes of the inputs."
    )
    assert f"{NOTES}:11: note: Obsidian_to_Anki: lines 11, 20, 27, 33, 39 start notes" in (
        result.output
    )
    assert "its TARGET DECK (ML::Regularization) is not used" in result.output
    _, problems = lint([content / "reg"])
    assert problems == []


def test_lines_keep_their_numbers_and_fences_are_left_alone() -> None:
    text = NOTES.read_text(encoding="utf-8")
    read = read_anki_blocks(text)
    assert read.text.count("\n") == text.count("\n")
    fenced = "```\nSTART\nBasic\nWhat is it?\nBack: It is.\nEND\n```\n"
    assert read_anki_blocks(fenced).text == fenced


def test_a_start_without_an_end_is_left_as_written() -> None:
    text = "START\nBasic\nWhat is it?\nBack: Something.\n\nSTART\nBasic\nQ?\nBack: A.\nEND\n"
    read = read_anki_blocks(text)
    assert read.notes == (6,)  # the first START has none of its own
    assert read.text.split("\n")[:4] == ["START", "Basic", "What is it?", "Back: Something."]


def test_a_custom_types_fields_and_a_reversed_type(tmp_path: Path) -> None:
    """A custom type's first two prefixes (`Term:`, `Definition:`) are its question and
    answer, a later `Note:` the answer's text; a reversed type is said to give one card."""
    notes = tmp_path / "vocab.md"
    notes.write_text(
        "START\nVocab\nTerm: Perplexity\nDefinition: The exponential of the mean negative"
        " log-likelihood per token.\nNote: lower is better.\nEND\n\n"
        "START\nBasic (and reversed card)\nFront: Sigmoid\nBack: A squashing function with"
        " outputs between zero and one.\nEND\n",
        encoding="utf-8",
    )
    content = tmp_path / "c"
    result = run_import(str(notes), "--pack", "vocab", "--into", str(content))
    assert result.exit_code == 0, result.output
    titles = {str(front(p)["title"]): p for p in content.rglob("*.md") if p.stem != "pack"}
    assert "Perplexity" in titles  # it was "Term: Perplexity"
    assert answer_of(titles["Perplexity"]) == (
        "The exponential of the mean negative log-likelihood per token.\nNote: lower is better."
    )
    said = " ".join(result.output.split())
    assert "Basic (and reversed card) makes a reversed card in Anki too" in said


def test_start_over_a_sentence_is_no_note() -> None:
    text = "## How does the loop run?\n\nSTART\nRead the next batch.\nUpdate the weights.\nEND\n"
    assert read_anki_blocks(text).text == text


def test_text_after_an_end_is_named_in_the_plugins_terms(tmp_path: Path) -> None:
    """END is the user's own line, which their plugin needs: the report says the text
    after it belongs to no note, never "delete the rule" as for a rule they wrote."""
    notes = tmp_path / "deck.md"
    notes.write_text(
        "START\nBasic\nWhat does weight decay add to the loss?\n"
        "Back: A penalty on the squared size of the weights.\nEND\n\n"
        "A remark after the note.\nIt runs over two lines.\n\n"
        "## What does a rule end?\n\nThe answer above it ends at the rule.\n\n***\n\n"
        "Text after a rule of the user's own.\n",
        encoding="utf-8",
    )
    result = run_import(str(notes), "--pack", "reg", "--into", str(tmp_path / "c"))
    assert result.exit_code == 0, result.output
    assert (
        f"{notes}:7: skipped 'A remark after the note.': text (lines 7-8) after END (line 5)"
        " belongs to no note; it was left out" in result.output
    )
    assert "delete the rule" not in result.output.split(f"{notes}:7:")[1].split("\n")[0]
    # a rule the user wrote keeps its advice: deleting it does keep the text
    assert f"{notes}:16: skipped 'Text after a rule of the user's own.': text after the rule" in (
        result.output
    )
    assert "delete the rule to keep it" in result.output
