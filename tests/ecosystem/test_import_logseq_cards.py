"""Logseq `#card` blocks whose words do not ask: Logseq asks them, and so does import.

In Logseq a block tagged `#card` is a flashcard whatever its words: `LayerNorm vs
BatchNorm #card` with child blocks is asked as "LayerNorm vs BatchNorm". Import took the
tag off and then wanted a `?`: such a block gave no card, and under a `- ## Normalization`
block it was only named as that heading's "text not imported" (a page of them: "no
questions found"). A heading block between item questions is no lost text either."""

from __future__ import annotations

from pathlib import Path

from quiz.bank.lint import lint
from tests.ecosystem.test_import_notes import answer_of, front, run_import

NOTES = Path(__file__).parent.parent / "data" / "notes" / "logseq-srs-outline.md"


def test_a_card_block_that_does_not_ask_in_words_is_a_card(tmp_path: Path) -> None:
    result = run_import(str(NOTES), "--pack", "p", "--topic", "t", "--into", str(tmp_path / "c"))
    assert result.exit_code == 0, result.output
    assert lint([tmp_path / "c" / "p"])[1] == []
    card = next((tmp_path / "c" / "p" / "t").glob("layernorm-vs-batchnorm*.md"))
    assert front(card)["title"] == "LayerNorm vs BatchNorm"
    assert answer_of(card).startswith("- LayerNorm normalizes each token over its features.")
    assert "3 questions seen, 3 cards written" in result.output
    assert "not imported" not in result.output  # the `- ## Normalization` block loses nothing


def test_a_page_of_card_blocks_without_question_marks(tmp_path: Path) -> None:
    notes = tmp_path / "terms.md"
    notes.write_text(
        "- Softmax temperature #card\n"
        "\t- Dividing the logits by a temperature above one flattens the distribution.\n"
        "- Plain remark without a tag\n"
        "\t- It stays text, as before.\n",
        encoding="utf-8",
    )
    result = run_import(str(notes), "--pack", "p", "--topic", "t", "--into", str(tmp_path / "c"))
    assert result.exit_code == 0, result.output
    assert "terms.md:1 Softmax temperature" in result.output
    assert "1 question seen, 1 card written" in result.output
    assert "terms.md:3: skipped '- Plain remark without a tag'" in result.output


def test_a_tagged_paragraph_outside_a_list_asks_as_the_list_form_does(tmp_path: Path) -> None:
    """`Term #card` written as a plain paragraph (Logseq reads it as a block, Obsidian's
    Flashcards plugin as a card's front) is a question, as `- Term #card` is: its next
    lines, or the text below it, answer. It was text, "not imported"."""
    notes = tmp_path / "norms.md"
    notes.write_text(
        "# Norms\n"
        "\n"
        "LayerNorm vs BatchNorm #card\n"
        "LayerNorm normalizes over the features of one example. BatchNorm normalizes over "
        "the batch for each feature.\n"
        "\n"
        "Weight decay #card\n"
        "\n"
        "Weight decay adds an L2 penalty on the weights to the loss. It shrinks them toward "
        "zero at every step.\n"
        "\n"
        "- Dropout #card\n"
        "  - Dropout zeroes random units during training so that no unit is relied on.\n",
        encoding="utf-8",
    )
    into = tmp_path / "c"
    result = run_import(str(notes), "--pack", "p", "--topic", "t", "--into", str(into))
    assert result.exit_code == 0, result.output
    assert "3 questions seen, 3 cards written" in result.output
    assert "not imported" not in result.output
    assert lint([into / "p"])[1] == []
    norms = next((into / "p" / "t").glob("layernorm-vs-batchnorm*.md"))
    assert front(norms)["title"] == "LayerNorm vs BatchNorm"
    assert answer_of(norms).startswith("LayerNorm normalizes over the features of one example.")
    decay = next((into / "p" / "t").glob("weight-decay*.md"))
    assert answer_of(decay).startswith("Weight decay adds an L2 penalty on the weights")


def test_a_tagged_heading_with_its_own_text_asks_even_with_questions_below(
    tmp_path: Path,
) -> None:
    """`## Adam #card`, its answer, then another card: the heading asks (the tag says so),
    where it was a section holding the card below and its answer "not imported"."""
    notes = tmp_path / "optim.md"
    notes.write_text(
        "## Adam #card\n"
        "Adam keeps running means of the gradient and of its square. It scales each step "
        "by their ratio.\n"
        "\n"
        "- Momentum #card\n"
        "  - Momentum adds a fraction of the last step to the next one, which damps "
        "oscillation.\n",
        encoding="utf-8",
    )
    into = tmp_path / "c"
    result = run_import(str(notes), "--pack", "p", "--topic", "t", "--into", str(into))
    assert result.exit_code == 0, result.output
    assert "2 questions seen, 2 cards written" in result.output
    assert "section" not in result.output
    adam = next((into / "p" / "t").glob("adam*.md"))
    assert answer_of(adam).startswith("Adam keeps running means")
