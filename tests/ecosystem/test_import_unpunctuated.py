"""Answers typed without full stops, as Logseq blocks and Obsidian lines are, give key
points; a Logseq cloze card ending in its cloze keeps its blank in its title.

A paragraph's last sentence without a stop was read as cut short (by a formula or a list
that carries it on) even with nothing after it, so "It turns logits into probabilities"
gave no key point, "the answer is too short"; a paragraph typed a statement a line, as
Obsidian shows it, was one run-on sentence; and `- The gradient is {{cloze p - y}} #card`
was titled "The gradient is" (its `[...]` taken off as a citation like `[Bishop 4.2]`)."""

from __future__ import annotations

from pathlib import Path

from quiz.bank.lint import lint
from quiz.ecosystem.keypoints import key_points
from quiz.ecosystem.titles import clean_title
from tests.ecosystem.test_import_notes import front, run_import


def _import(tmp_path: Path, text: str) -> tuple[str, dict[str, dict[str, object]]]:
    notes = tmp_path / "notes.md"
    notes.write_text(text, encoding="utf-8")
    content = tmp_path / "c"
    result = run_import(str(notes), "--pack", "p", "--into", str(content))
    assert result.exit_code == 0, result.output
    assert lint([content])[1] == []
    return result.output, {path.stem: front(path) for path in content.rglob("*.md")}


def test_a_logseq_cloze_card_without_a_stop_is_a_card_with_its_blank(tmp_path: Path) -> None:
    _, cards = _import(
        tmp_path,
        "- The gradient of softmax cross-entropy is {{cloze p - y}} #card\n"
        "- Label smoothing mixes the one-hot target with {{cloze a uniform distribution}} #card\n",
    )
    assert {card["title"]: card["key_points"] for card in cards.values()} == {
        "The gradient of softmax cross-entropy is [...]": [
            "The gradient of softmax cross-entropy is p - y"
        ],
        "Label smoothing mixes the one-hot target with [...]": [
            "Label smoothing mixes the one-hot target with a uniform distribution"
        ],
    }


def test_an_answer_typed_a_statement_a_line_gives_a_point_a_line(tmp_path: Path) -> None:
    _, cards = _import(
        tmp_path,
        "## What is batch norm?\n"
        "Normalises each feature over the mini-batch\n"
        "Learns a scale and a shift per feature\n"
        "Allows higher learning rates\n\n"
        "## What does softmax do?\n\n"
        "**A:** It turns logits into probabilities\n",
    )
    points = {card["title"]: card["key_points"] for card in cards.values()}
    assert points["What is batch norm?"] == [
        "Normalises each feature over the mini-batch",
        "Learns a scale and a shift per feature",
        "Allows higher learning rates",
    ]
    assert points["What does softmax do?"] == ["It turns logits into probabilities"]


def test_lines_with_formulas_are_a_point_each() -> None:
    """A formula in a line, or opening the first, keeps the lines apart."""
    assert key_points(
        "The derivative of $\\sigma$ is $\\sigma(1-\\sigma)$, which cancels the denominators\n"
        "So the gradient is the prediction minus the label\n"
        "This is why logistic regression trains smoothly"
    ) == [
        "The derivative of $\\sigma$ is $\\sigma(1-\\sigma)$, which cancels the denominators",
        "So the gradient is the prediction minus the label",
        "This is why logistic regression trains smoothly",
    ]
    assert key_points(
        "$s_i(\\delta_{ij} - s_j)$ is the Jacobian\nIts diagonal holds $s_i(1 - s_i)$"
    ) == [
        "$s_i(\\delta_{ij} - s_j)$ is the Jacobian",
        "Its diagonal holds $s_i(1 - s_i)$",
    ]


def test_prose_wrapped_at_a_width_stays_one_sentence() -> None:
    """Lines that open in lowercase, or end in a stop, are wrapped prose, not a list."""
    wrapped = "The model is trained with\nAdam and a warm-up of\nfive hundred steps"
    assert key_points(wrapped) == [
        "The model is trained with Adam and a warm-up of five hundred steps"
    ]
    assert key_points("The gradient is\n$x$ times the error") == [
        "The gradient is $x$ times the error"
    ]
    assert key_points("Dropout zeroes units\nat random while training") == [
        "Dropout zeroes units at random while training"
    ]


def test_a_sentence_a_list_or_formula_carries_on_is_still_cut() -> None:
    """Only the end of an answer, a heading or a new sentence after it makes it whole."""
    assert key_points("The update keeps\n\n- a running mean of the gradient\n- its square") == [
        "a running mean of the gradient",
        "its square",
    ]
    assert key_points("The loss is\n\nwhich is small here. It is bounded below.") == [
        "It is bounded below."
    ]


def test_a_cloze_blank_ending_a_title_is_kept_and_a_citation_is_not() -> None:
    assert clean_title("The gradient is [...]") == "The gradient is [...]"
    assert clean_title("The gradient is […]") == "The gradient is […]"
    assert clean_title("What is weight decay? [Bishop 5.5]") == "What is weight decay?"
