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


def test_a_card_blocks_children_are_its_answer_without_a_marker_note(tmp_path: Path) -> None:
    """A `#card` block's child blocks are its answer as Logseq reads it: every card of a
    Logseq page got "no answer marker; the whole text under the question is the answer",
    as if something was missing (a journal of five cards: "5 questions had no answer
    marker"). A question with no tag and its answer under it still gets the note."""
    notes = tmp_path / "2026_11_03.md"
    notes.write_text(
        "- Why divide attention scores by the root of the key width? #card\n"
        "\t- The dot products grow with the width and push softmax into flat regions.\n"
        "\t- Scaling keeps their variance near one.\n"
        "- Multi-head attention #card\n"
        "\t- Several heads attend to different subspaces in parallel.\n"
        "- What is a KV cache?\n"
        "\t- It keeps the keys and values of earlier tokens for the next step.\n",
        encoding="utf-8",
    )
    result = run_import(str(notes), "--pack", "p", "--topic", "t", "--into", str(tmp_path / "c"))
    assert result.exit_code == 0, result.output
    assert "3 questions seen, 3 cards written" in result.output
    said = " ".join(result.output.split())
    assert "no answer marker" in said  # the untagged one
    assert f"{notes}:6: note: 'What is a KV cache?': no answer marker" in said
    assert f"{notes}:1: note" not in said and f"{notes}:4: note" not in said
