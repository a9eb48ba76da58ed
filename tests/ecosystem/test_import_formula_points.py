"""A display formula that carries the answer is one of its key points.

Real notes answer a derivation, the attention formula or Logseq's gradient-checking block
with a sentence, a display formula and another sentence. The sentence that introduced the
formula ("...:") took the formula into its point, or was no point alone, and such answers
were skipped as "too short for 3 key points (found 2)". Each shape below is written as its
note file, imported, and the pack linted with `drillbit lint`, as a user would run it.
"""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from quiz.cli.bank import lint_command
from quiz.cli.context import Context
from quiz.ecosystem.inlineformula import introduced_inline
from quiz.ecosystem.keypoints import key_points
from tests.ecosystem.test_import_notes import answer_of, front, run_import

ATTENTION = "$\\mathrm{softmax}\\left(\\frac{QK^\\top}{\\sqrt{d_k}}\\right) V$"


def _imported(
    tmp_path: Path, name: str, text: str, *, exit_code: int = 0
) -> tuple[dict[str, Path], str]:
    """The notes imported into a new folder and linted: the cards by title, what was said
    (`exit_code` 1: nothing was imported)."""
    notes = tmp_path / name
    notes.write_text(text, encoding="utf-8")
    content = tmp_path / "c"
    result = run_import(str(notes), "--pack", "ml", "--topic", "t", "--into", str(content))
    assert result.exit_code == exit_code, result.output
    cards = {str(front(p)["title"]): p for p in (content / "ml" / "t").glob("*.md")}
    if cards:
        linted = CliRunner().invoke(lint_command, [str(content / "ml")], obj=Context([]))
        assert linted.exit_code == 0, linted.output
        assert "no problems" in linted.output, linted.output
    return cards, " ".join(result.output.split())


def test_a_derivation_a_formula_and_a_sentence_import(tmp_path: Path) -> None:
    """ "The gradient is:" says nothing alone: the formula goes inline at its end, and the
    answer is two sentences to lint, the formula in the first point."""
    cards, said = _imported(
        tmp_path,
        "gradients.md",
        "## What is the gradient of the MSE loss with respect to w?\n\n"
        "By the chain rule the gradient is:\n\n"
        "$$\n\\frac{\\partial L}{\\partial w} = \\frac{2}{n} X^\\top (Xw - y)\n$$\n\n"
        "Each residual is weighted by its input row.\n",
    )
    card = cards["What is the gradient of the MSE loss with respect to w?"]
    formula = "$\\frac{\\partial L}{\\partial w} = \\frac{2}{n} X^\\top (Xw - y)$"
    assert front(card)["key_points"] == [
        f"By the chain rule the gradient is: {formula}",
        "Each residual is weighted by its input row.",
    ]
    assert answer_of(card).startswith(f"By the chain rule the gradient is: {formula}\n")
    assert "skipped" not in said


def test_the_attention_formula_between_its_sentence_and_its_where(tmp_path: Path) -> None:
    """A sentence that introduces the formula is a statement without its colon, and the
    "where ..." after it says what a symbol is: three points, the formula one of them."""
    cards, said = _imported(
        tmp_path,
        "attention.md",
        "## What does scaled dot-product attention compute?\n\n"
        "Attention weights the values by how well each query matches each key:\n\n"
        "$$\n\\mathrm{softmax}\\left(\\frac{QK^\\top}{\\sqrt{d_k}}\\right) V\n$$\n\n"
        "where $d_k$ is the key dimension.\n",
    )
    card = cards["What does scaled dot-product attention compute?"]
    assert front(card)["key_points"] == [
        "Attention weights the values by how well each query matches each key",
        "$d_k$ is the key dimension.",
        ATTENTION,
    ]
    assert "$$" in answer_of(card)  # three points: the formula stays a display formula
    assert "skipped" not in said


def test_logseq_gradient_checking_blocks_import(tmp_path: Path) -> None:
    """Logseq writes the formula as a block of its own or on a line of its block; joined,
    the block's text was one point ("... is: It has ..."), the formula dropped from it."""
    cards, said = _imported(
        tmp_path,
        "pages.md",
        "- How do you check a gradient numerically? #card\n"
        "\t- Compare each partial derivative with the centred difference:\n"
        "\t- $$\\frac{J(\\theta + \\epsilon) - J(\\theta - \\epsilon)}{2\\epsilon}$$\n"
        "\t- The relative error should be below 1e-7.\n"
        "- What is the gradient of the logistic loss? #card\n"
        "\t- By the chain rule the gradient is:\n"
        "\t  $$\\nabla_w L = X^\\top(\\sigma(Xw) - y)$$\n"
        "\t  It has the same form as least squares.\n"
        "- What does attention compute? #card\n"
        "\t- The weights come from the softmax of scaled scores:\n"
        "\t  $$\\mathrm{softmax}(QK^\\top/\\sqrt{d_k})V$$\n"
        "\t  where $d_k$ is the key dimension.\n",
    )
    assert front(cards["How do you check a gradient numerically?"])["key_points"] == [
        "Compare each partial derivative with the centred difference",
        "The relative error should be below 1e-7.",
        "$\\frac{J(\\theta + \\epsilon) - J(\\theta - \\epsilon)}{2\\epsilon}$",
    ]
    assert front(cards["What is the gradient of the logistic loss?"])["key_points"] == [
        "By the chain rule the gradient is: $\\nabla_w L = X^\\top(\\sigma(Xw) - y)$",
        "It has the same form as least squares.",
    ]
    assert front(cards["What does attention compute?"])["key_points"] == [
        "The weights come from the softmax of scaled scores",
        "$d_k$ is the key dimension.",
        "$\\mathrm{softmax}(QK^\\top/\\sqrt{d_k})V$",
    ]
    assert "skipped" not in said


def test_formulas_without_words_and_two_words_over_a_formula_keep_their_reason(
    tmp_path: Path,
) -> None:
    """A formula is a point beside statements, never instead of them: two formulas and no
    word, or "Softmax is:" over a formula and "Done.", are still skipped, and said why."""
    cards, said = _imported(
        tmp_path,
        "thin.md",
        "## What is the normal equation?\n\n"
        "$$\nw = (X^\\top X)^{-1} X^\\top y\n$$\n\n$$\n\\hat y = X w\n$$\n\n"
        "## What is the softmax?\n\nSoftmax is:\n\n"
        "$$\n\\frac{e^{z_i}}{\\sum_j e^{z_j}}\n$$\n\nDone.\n\n"
        "## What is the sigmoid's derivative?\n\n- Sigmoid is:\n  $$\\sigma(1 - \\sigma)$$\n"
        "  Done.\n",
        exit_code=1,
    )
    assert cards == {}
    assert (
        "thin.md:1: skipped 'What is the normal equation?': the answer is too short for 3 "
        "key points (found 2 whole statements): it holds a display formula"
    ) in said
    assert (
        "thin.md:11: skipped 'What is the softmax?': the answer is too short for 3 key points"
        " (found 1 whole statement): it holds a display formula"
    ) in said
    assert "skipped 'What is the sigmoid's derivative?': the answer is too short" in said


def test_a_formula_splits_off_only_when_points_are_short() -> None:
    """With three points without them, the sentence that introduces the formula and the
    "where ..." after it stay out, as before: they are taken apart only to reach three."""
    answer = (
        "Attention mixes the values.\n\nEach query is compared with every key.\n\n"
        "The weights come from the softmax of scaled scores:\n\n"
        "$$\n\\mathrm{softmax}(QK^\\top/\\sqrt{d_k})V\n$$\n\nwhere $d_k$ is the key dimension.\n"
    )
    assert key_points(answer) == [
        "Attention mixes the values.",
        "Each query is compared with every key.",
        "$\\mathrm{softmax}(QK^\\top/\\sqrt{d_k})V$",
    ]


def test_only_a_formula_closing_its_sentence_goes_inline() -> None:
    assert introduced_inline("The gradient is:\n\n$$\nX^\\top r\n$$\n\nIt is zero.\n") == (
        "The gradient is: $X^\\top r$\n\nIt is zero.\n"
    )
    assert introduced_inline("The gradient is X.\n\n$$\nX^\\top r\n$$\n") is None
    assert introduced_inline("- It is:\n  $$a + b$$\n  Done.\n") == "- It is: $a + b$\n  Done.\n"
    # in a code block, `:` over `$$` is code and stays as it is
    code = "```\nx:\n$$y$$\n```\n\nThe rest:\n\n$$\nz\n$$\n"
    assert introduced_inline(code) == "```\nx:\n$$y$$\n```\n\nThe rest: $z$\n"


def test_the_opening_sentence_comes_before_list_items_and_rows(tmp_path: Path) -> None:
    """List items and table rows fill the rubric first; PCA got only its three steps and
    softmax only its table's rows, the sentence that answers the question left out."""
    cards, said = _imported(
        tmp_path,
        "core.md",
        "## What does PCA do?\n\n"
        "PCA projects the data onto the directions of largest variance.\n\n"
        "1. Centre the data.\n2. Compute the covariance matrix.\n3. Take its top eigenvectors.\n\n"
        "## What does softmax do?\n\n"
        "Softmax turns a vector of logits into a probability distribution.\n\n"
        "| Property | Value |\n|---|---|\n| Outputs | positive |\n| Sum | one |\n"
        "| Shift | leaves it unchanged |\n\n"
        "## What is the softmax formula?\n\nSoftmax is:\n\n"
        "$$\n\\sigma(z)_i = e^{z_i} / \\sum_j e^{z_j}\n$$\n\n"
        "| Property | Value |\n|---|---|\n| Outputs | positive |\n| Sum | one |\n"
        "| Shift | leaves it unchanged |\n",
    )
    assert front(cards["What does PCA do?"])["key_points"] == [
        "PCA projects the data onto the directions of largest variance.",
        "Centre the data.",
        "Compute the covariance matrix.",
        "Take its top eigenvectors.",
    ]
    rows = ["Outputs: positive", "Sum: one", "Shift: leaves it unchanged"]
    assert front(cards["What does softmax do?"])["key_points"] == [
        "Softmax turns a vector of logits into a probability distribution.",
        *rows,
    ]
    assert front(cards["What is the softmax formula?"])["key_points"] == [
        "Softmax is: $\\sigma(z)_i = e^{z_i} / \\sum_j e^{z_j}$",
        *rows,
    ]
    assert "skipped" not in said


def test_the_opening_comes_first_only_when_it_says_something_and_was_left_out() -> None:
    steps = "\n\n- Centre the data.\n- Compute the covariance.\n- Take the top eigenvectors.\n"
    # a lead-in is no point, nor is a remark quoted before the list
    for opening in ("There are three steps:", "> Classic interview question."):
        assert key_points(opening + steps)[0] == "Centre the data."
    # a rubric already full: the opening takes the first place, the last item goes
    six = "".join(f"- Step {n} of the method is done.\n" for n in range(1, 7))
    points = key_points("PCA finds the directions of largest variance.\n\n" + six)
    assert points[0] == "PCA finds the directions of largest variance." and len(points) == 6
    assert "Step 6 of the method is done." not in points
    # an opening the draw took already is not taken twice
    drawn = "PCA finds directions of variance. It centres the data.\n\n- It keeps the top ones.\n"
    assert key_points(drawn) == [
        "It keeps the top ones.",
        "PCA finds directions of variance.",
        "It centres the data.",
    ]


def test_a_formula_block_of_its_own_and_a_sentence_through_a_formula(tmp_path: Path) -> None:
    """Logseq's "- The gradient is:" over a block that is only the formula, and a sentence
    that runs through `\\[...\\]` ("which is zero ..." under it), were "found 2"."""
    pages, said = _imported(
        tmp_path,
        "blocks.md",
        "- What is the gradient of the MSE? #card\n"
        "\t- The gradient is:\n"
        "\t- $$\\frac{2}{n}X^\\top(Xw - y)$$\n"
        "\t- It vanishes at the least-squares solution.\n",
    )
    assert front(pages["What is the gradient of the MSE?"])["key_points"] == [
        "The gradient is: $\\frac{2}{n}X^\\top(Xw - y)$",
        "It vanishes at the least-squares solution.",
    ]
    assert "skipped" not in said
    (tmp_path / "o").mkdir()
    notes, said = _imported(
        tmp_path / "o",
        "through.md",
        "## What is the gradient of the squared loss?\n\n"
        "The gradient is\n\\[\n\\nabla L = X^\\top (Xw - y)\n\\]\nwhich is zero at the optimum.\n",
    )
    assert front(notes["What is the gradient of the squared loss?"])["key_points"] == [
        "The gradient is $\\nabla L = X^\\top (Xw - y)$ which is zero at the optimum."
    ]
    assert "skipped" not in said


def test_which_formulas_go_inline() -> None:
    sibling = "- The gradient is:\n- $$X^\\top r$$\n- It is zero.\n"
    assert introduced_inline(sibling) == "- The gradient is: $X^\\top r$\n- It is zero.\n"
    # a sentence that ended before the formula keeps it apart; so does a formula block
    # with more than the formula in it
    assert introduced_inline("It is known.\n\n$$\nX\n$$\n\nwhich is odd.\n") is None
    assert introduced_inline("- It is:\n- $$X$$\n  More words.\n") is None
    where = "The gradient is:\n\n$$\nX^\\top r\n$$\n\nwhere $r$ is the residual.\n"
    assert introduced_inline(where) == "The gradient is: $X^\\top r$ where $r$ is the residual.\n"
    through = "The gradient is\n$$X^\\top r$$\nwhich is zero.\n"
    assert introduced_inline(through) == "The gradient is $X^\\top r$\nwhich is zero.\n"
