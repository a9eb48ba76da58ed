"""An answer that is one display formula and nothing else, as many Anki notes' backs are
(`Write the logistic loss` over `$$-y\\log\\hat y ...$$`): a display formula keeps an
answer long to lint (three key points), and such a note was skipped as "too short for 3
key points", the card lost. It is now one inline formula, the card's one key point."""

from __future__ import annotations

from pathlib import Path

from quiz.bank.lint import lint
from quiz.ecosystem.keypoints_bare import lone_formula
from tests.ecosystem.test_import_notes import answer_of, front, run_import


def _run(tmp_path: Path, name: str, text: str) -> tuple[dict[str, Path], str]:
    notes = tmp_path / name
    notes.write_text(text, encoding="utf-8")
    content = tmp_path / "c"
    result = run_import(str(notes), "--pack", "ml", "--topic", "t", "--into", str(content))
    assert result.exit_code == 0, result.output
    assert lint([content])[1] == []
    cards = {str(front(p)["title"]): p for p in (content / "ml" / "t").glob("*.md")}
    return cards, " ".join(result.output.split())


def test_an_anki_note_whose_back_is_one_formula_is_a_card(tmp_path: Path) -> None:
    cards, said = _run(
        tmp_path,
        "deck.txt",
        "#separator:tab\n#html:true\n"
        "Write the logistic loss for one example\t$$-y\\log\\hat y-(1-y)\\log(1-\\hat y)$$\n"
        "Give Bayes' rule\t\\[P(A|B) = \\frac{P(B|A)P(A)}{P(B)}\\]\n",
    )
    loss = cards["Write the logistic loss for one example"]
    assert front(loss)["key_points"] == ["$-y\\log\\hat y-(1-y)\\log(1-\\hat y)$"]
    assert answer_of(loss) == "$-y\\log\\hat y-(1-y)\\log(1-\\hat y)$"
    assert front(cards["Give Bayes' rule"])["key_points"] == ["$P(A|B) = \\frac{P(B|A)P(A)}{P(B)}$"]
    assert "skipped" not in said


def test_a_markdown_formula_block_alone_is_a_card_and_with_prose_is_as_before(
    tmp_path: Path,
) -> None:
    cards, said = _run(
        tmp_path,
        "notes.md",
        "## What is the logistic loss for one example?\n\n$$\n-y\\log\\hat y\n  -(1-y)\\log(1-\\hat y)\n$$\n\n"
        "## What is the MSE?\n\n$$\n\\frac{1}{n}\\sum_i (y_i - \\hat y_i)^2\n$$\n\n"
        "It is averaged over the batch.\n",
    )
    assert list(cards) == ["What is the logistic loss for one example?"]
    assert front(cards["What is the logistic loss for one example?"])["key_points"] == [
        "$-y\\log\\hat y -(1-y)\\log(1-\\hat y)$"
    ]
    # a formula and a sentence is no one-formula answer: lint's three points still hold
    assert "skipped 'What is the MSE?': the answer is too short for 3 key points" in said


def test_a_sentence_that_introduces_the_formula_comes_along(tmp_path: Path) -> None:
    """`For input $n$, kernel $k$ ... stride $s$:` over the formula, an Obsidian note's
    usual shape, was skipped as "too short for 3 key points ... a display formula"."""
    cards, said = _run(
        tmp_path,
        "cnn.md",
        "## Output size of a conv layer?\n"
        "For input $n$, kernel $k$, padding $p$,\nstride $s$:\n\n"
        "$$\n\\left\\lfloor \\frac{n + 2p - k}{s} \\right\\rfloor + 1\n$$\n\n^output-size\n",
    )
    card = cards["Output size of a conv layer?"]
    formula = "$\\left\\lfloor \\frac{n + 2p - k}{s} \\right\\rfloor + 1$"
    assert front(card)["key_points"] == [
        f"For input $n$, kernel $k$, padding $p$, stride $s$: {formula}"
    ]
    assert "skipped" not in said


def test_only_a_lone_renderable_formula_is_one() -> None:
    assert lone_formula("$$x^2 + y^2$$") == "$x^2 + y^2$"
    assert lone_formula("The square is:\n\n$$x^2$$") == "The square is: $x^2$"
    for answer in (
        "$$x^2$$\n\nand more text.",
        "$x^2$",  # inline already: a bare answer
        "```\nx = 1\n```",
        "$$ $$",
        "$$\\frac{1}{$$",  # the renderer refuses it
        "The square is\n\n$$x^2$$",  # a sentence that does not introduce it
        "One.\n\nTwo:\n\n$$x^2$$",
    ):
        assert lone_formula(answer) is None, answer
