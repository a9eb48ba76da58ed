"""Four forms that read wrong before: a matrix in brackets written around it, a label
over a relation that Unicode cannot raise, a conditional probability as a fraction's
numerator, and one mistake repeated thousands of times in a card's math."""

from __future__ import annotations

from pathlib import Path

import pytest

from quiz.bank.lint import lint
from quiz.bank.mathtext import MathProblem, find_math_problems, latex_to_unicode
from quiz.bank.mathtext.problems import REPEATS_SHOWN

NEVER_CLOSED = "unbalanced braces: '{' is never closed"


@pytest.mark.parametrize(
    ("latex", "expected"),
    [
        (r"\left( \begin{matrix} a \\ b \end{matrix} \right)", "[[a], [b]]"),
        (r"\left[\begin{matrix} a & b \end{matrix}\right]", "[[a, b]]"),
        (r"\left\{ \begin{matrix} 1 \end{matrix} \right\}", "[[1]]"),
        (r"\bigl( \begin{smallmatrix} a & b \end{smallmatrix} \bigr)", "[[a, b]]"),
        (r"\left( \begin{matrix} a \\ b \end{matrix} \right)^T x", "[[a], [b]]ᵀ x"),
        (r"A = \left( \begin{matrix} 1 & 2 \end{matrix} \right) + B", "A = [[1, 2]] + B"),
        # a pmatrix in \left( ... \right) is drawn with two brackets in TeX too
        (r"\left( \begin{pmatrix} a \end{pmatrix} \right)", "([[a]])"),
        # a bracketed expression after \left( keeps its brackets
        (r"\left( x + \begin{matrix} a \end{matrix} \right)", "(x + [[a]])"),
        # the delimiters that take a script are untouched
        (r"\left. x \right|_0", "x|₀"),
        (r"\left( x \right)^{2}", "(x)²"),
    ],
)
def test_a_matrix_takes_the_brackets_written_around_it(latex: str, expected: str) -> None:
    assert latex_to_unicode(latex) == expected


@pytest.mark.parametrize(
    "latex",
    [
        r"\left| \begin{matrix} a & b \\ c & d \end{matrix} \right|",  # a determinant
        r"\left\| \begin{matrix} a & b \end{matrix} \right\|",  # a matrix norm
    ],
)
def test_a_matrix_in_bars_stays_code_as_a_vmatrix_does(latex: str) -> None:
    assert latex_to_unicode(latex) is None
    [problem] = find_math_problems(f"${latex}$")
    assert problem == MathProblem(
        1, 2, "a matrix in bars (a determinant or a norm) has no one-line form"
    )


@pytest.mark.parametrize(
    ("latex", "expected"),
    [
        # "=^!" read as an operator "=^" and a factorial; the bracket reads as a note on
        # the sign, as "= (!)" in prose, and stays tight against it so it is not a factor
        (r"a \overset{!}{=} b", "a =(!) b"),
        (r"a \stackrel{!}{\le} b", "a ≤(!) b"),
        (r"x \overset{(a)}{=} y", "x =⁽ᵃ⁾ y"),  # Unicode raises all of it: a script
        (r"x \overset{\text{i.i.d.}}{\sim} p", "x ~(i.i.d.) p"),
        (r"x \overset{(\dagger)}{=} y", "x =(†) y"),  # already a bracket: not bracketed twice
        # equals signs with a mark over them that Unicode has as one character
        (r"a \overset{\Delta}{=} b", "a ≜ b"),
        (r"a \overset{\cdot}{=} b", "a ≐ b"),
        # not a relation, or a label under it: written as the scripts rule writes them
        (r"\overset{x \to 0}{\longrightarrow}", "⟶^(x → 0)"),
        (r"\underset{x \in X}{\arg\max}", "arg max_(x ∈ X)"),
        (r"A \overset{f}{\to} B", "A →ᶠ B"),
    ],
)
def test_a_label_over_a_relation_reads_as_a_note_on_it(latex: str, expected: str) -> None:
    assert latex_to_unicode(latex) == expected


@pytest.mark.parametrize(
    ("latex", "expected"),
    [
        (r"\frac{P(A|B)}{P(B)}", "P(A|B)/P(B)"),
        (r"\frac{p(x \mid y)}{q(x)}", "p(x | y)/q(x)"),
        (r"\frac{P(A \cup B | C)}{2}", "P(A ∪ B | C)/2"),
        (r"\sqrt{P(A|B)}", "√P(A|B)"),
        # a product beside it, or bars that are not a condition, are still more than one term
        (r"\frac{P(A|B) P(B)}{P(A)}", "(P(A|B) P(B))/P(A)"),
        (r"\frac{p(1 - p)}{n}", "(p(1 − p))/n"),
        (r"\frac{a|b}{c}", "(a|b)/c"),
        (r"\frac{p(a | b | c)}{2}", "(p(a | b | c))/2"),
        (r"\frac{p(|x| + 1)}{2}", "(p(|x| + 1))/2"),
    ],
)
def test_a_probability_given_a_condition_is_one_term(latex: str, expected: str) -> None:
    assert latex_to_unicode(latex) == expected


def test_one_mistake_repeated_is_reported_a_few_times_and_counted() -> None:
    source = "Q\n\n$x " + "{" * 50_000 + "$\n"
    problems = find_math_problems(source)
    assert problems[:REPEATS_SHOWN] == [
        MathProblem(3, 4 + k, NEVER_CLOSED) for k in range(REPEATS_SHOWN)
    ]
    assert problems[REPEATS_SHOWN:] == [
        MathProblem(
            3,
            4 + REPEATS_SHOWN,
            f"… and {50_000 - REPEATS_SHOWN} more of the same from here: {NEVER_CLOSED}",
        )
    ]


def test_the_cap_counts_each_kind_of_problem_on_its_own() -> None:
    source = "$" + "}" * 12 + "$ and $\\frac{a}{b}\\nope$ and $" + "{" * 3 + "$"
    messages = [p.message for p in find_math_problems(source)]
    unmatched = "unbalanced braces: '}' without a matching '{'"
    assert messages.count(unmatched) == REPEATS_SHOWN
    assert f"… and 2 more of the same from here: {unmatched}" in messages
    assert messages.count(NEVER_CLOSED) == 3  # under the cap: every one reported
    assert sum("nope" in m for m in messages) == 1


def test_a_card_at_the_cap_reports_every_problem() -> None:
    source = "$x " + "{" * REPEATS_SHOWN + "$"
    assert [p.message for p in find_math_problems(source)] == [NEVER_CLOSED] * REPEATS_SHOWN


def test_lint_reports_the_capped_problems_at_the_card_file_and_line(mini_bank: Path) -> None:
    card = mini_bank / "mini" / "basics" / "sigmoid-bound.md"
    text = card.read_text(encoding="utf-8")
    card.write_text(
        text.replace("peaks at $z = 0$", "peaks at $z = " + "{" * 5_000 + "$"), encoding="utf-8"
    )
    rows = card.read_text(encoding="utf-8").split("\n")
    line = next(number for number, row in enumerate(rows, 1) if "{{{" in row)
    _, problems = lint([mini_bank], run_drills=False)
    math = [(p.path.name, p.line, p.message) for p in problems if p.code == "math"]
    assert len(math) == REPEATS_SHOWN + 1
    assert {(name, row) for name, row, _ in math} == {("sigmoid-bound.md", line)}
    assert (
        math[-1][2] == f"… and {5_000 - REPEATS_SHOWN} more of the same from here: {NEVER_CLOSED}"
    )
