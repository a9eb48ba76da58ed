"""The amsmath/amssymb macros authors write (relations, logic, labelled arrows, braces,
stacked symbols, matrices, cases) render as Unicode, or stay code where no line is faithful."""

from __future__ import annotations

import unicodedata

import pytest

from quiz.bank.mathtext import MathProblem, find_math_problems, latex_to_unicode, render_math


@pytest.mark.parametrize(
    ("latex", "expected"),
    [
        (r"KL(p\|q) \ne KL(q\|p)", "KL(p‖q) ≠ KL(q‖p)"),
        (r"a \iff b", "a ⟺ b"),
        (r"x \ne 0 \implies x^2 > 0", "x ≠ 0 ⟹ x² > 0"),
        (r"a \impliedby b", "a ⟸ b"),
        (r"\neg (a \land b) \iff \neg a \lor \neg b", "¬(a ∧ b) ⟺ ¬a ∨ ¬b"),
        (r"f \coloneqq g", "f ≔ g"),
        (r"g \eqqcolon f", "g ≕ f"),
        (r"x \gets x + 1", "x ← x + 1"),
        (r"a \bot b", "a ⊥ b"),
        (r"M \models \phi", "M ⊨ ϕ"),
        (r"a \not= b", "a ≠ b"),
        (r"x \not\in B", "x ∉ B"),
        (r"A \not\subset B", "A ⊄ B"),
        (r"a \not\approx b", "a ≉ b"),
        (r"\binom{n}{k}", "(n choose k)"),
        (r"\dbinom{n+1}{k}", "(n+1 choose k)"),
        (r"a \xrightarrow{f} b", "a ─f→ b"),
        (r"a \xleftarrow{g} b", "a ←g─ b"),
        (r"x_t \xrightarrow{t + 1} x_{t+1}", "xₜ ─(t + 1)→ xₜ₊₁"),
        (r"\underbrace{x}_{n}", "x⏟ₙ"),
        (r"\underbrace{\|w\|^2}_{\text{penalty}}", "‖w‖²⏟_penalty"),
        (r"\overbrace{a + b}^{n}", "(a + b)⏞ⁿ"),
        (r"a \stackrel{?}{=} b", "a ≟ b"),
        (r"a \overset{def}{=} b", "a ≝ b"),
        (r"\overset{x \to 0}{\longrightarrow}", "⟶^(x → 0)"),
        (r"\underset{x}{\arg\max} f(x)", "arg maxₓ f(x)"),
        (r"\frac{a \iff b}{c}", "(a ⟺ b)/c"),
        (r"\begin{pmatrix} a & b \\ c & d \end{pmatrix}", "[[a, b], [c, d]]"),
        (r"\begin{bmatrix} \frac{1}{2} & x^2 \\ -1 & 0 \\ \end{bmatrix}", "[[½, x²], [−1, 0]]"),
        (r"\begin{matrix} 1 & 2 \end{matrix}", "[[1, 2]]"),
        (r"\begin{bmatrix} f(x, y) & \{a, b\} \end{bmatrix}", "[[f(x, y), {a, b}]]"),
        (r"\begin{pmatrix} a \\ b \end{pmatrix}", "[[a], [b]]"),
        (
            r"f(x) = \begin{cases} 1 & x > 0 \\ 0 & \text{otherwise} \end{cases}",
            "f(x) = {1 if x > 0; 0 otherwise}",
        ),
        (
            r"|x| = \begin{cases} x & \text{if } x \ge 0 \\ -x & \text{else} \end{cases}",
            "|x| = {x if x ≥ 0; −x else}",
        ),
        (r"\begin{cases} 1 & x > 0 \\ 0 & x \le 0 \end{cases}", "{1 if x > 0; 0 if x ≤ 0}"),
    ],
)
def test_ams_macros_render(latex: str, expected: str) -> None:
    assert latex_to_unicode(latex) == expected


@pytest.mark.parametrize(
    "latex",
    [
        r"a \xrightarrow[u]{f} b",  # a label under the arrow: no one-line form
        r"\begin{pmatrix} a & b \\ c \end{pmatrix}",  # ragged rows
        r"\begin{bmatrix} a & \\ c & d \end{bmatrix}",  # an empty entry
        r"\begin{vmatrix} a & b \\ c & d \end{vmatrix}",  # a determinant, not a matrix
        r"\begin{cases} 1 & x > 0 & y \end{cases}",  # three cells in a case
        r"\begin{cases} 1 \\ 0 & x > 0 \end{cases}",  # a case with no condition
        r"\begin{pmatrix} a, b & c \end{pmatrix}",  # [[a, b, c]] would be three entries
        r"\begin{cases} a; b & x > 0 \end{cases}",  # ; separates the cases
        r"\begin{alignat}{2} a &= b \end{alignat}",  # columns in pairs: no one-line form
        r"\begin{array}{cc} a & b \end{array}",
        r"\binom{n}{}",
        r"\not x",  # no negated x in Unicode: a stroke over it would land anywhere
        r"a \not\sim b",
    ],
)
def test_what_has_no_faithful_line_stays_code(latex: str) -> None:
    assert latex_to_unicode(latex) is None


def test_lint_no_longer_names_these_macros_unknown() -> None:
    """Each of these was reported as an unknown macro and shown as LaTeX."""
    source = (
        "$a \\ne b$, $a \\iff b$, $a \\implies b$, $\\neg a$, $a \\land b \\lor c$, "
        "$f \\coloneqq g$, $\\binom{n}{k}$, $a \\xrightarrow{f} b$, $\\underbrace{x}_{n}$, "
        "$a \\stackrel{?}{=} b$, $a \\overset{def}{=} b$, "
        "$\\begin{bmatrix} a & b \\end{bmatrix}$, $\\begin{cases} 1 & x \\end{cases}$"
    )
    assert find_math_problems(source) == []
    assert "`" not in render_math(source)


def test_a_case_with_no_value_is_reported_where_it_is() -> None:
    problems = find_math_problems("$\\begin{cases} & x \\end{cases}$")
    assert problems == [
        MathProblem(1, 2, "a case is a value and its condition: 'value & condition'")
    ]


def test_the_new_forms_take_the_columns_textual_gives_them() -> None:
    """Each character these rules add is one column wide in every terminal, or an East
    Asian Ambiguous one the math keeps (the arrows, ≠, ∧, ∨, ⊥ and the arrow's shaft)."""
    from tests.cells import AMBIGUOUS_KEPT, terminal_cells

    shown = "".join(
        str(latex_to_unicode(latex))
        for latex in (
            r"\ne \neg \land \lor \iff \implies \impliedby \coloneqq \eqqcolon \gets \bot",
            r"\models \leadsto \xrightarrow{f} \xleftarrow{f} \underbrace{x}_{n}",
            r"\overbrace{x}^{n} \stackrel{?}{=} \overset{def}{=}",
            r"\not= \not\in \not\subset \not\approx",
        )
    )
    assert "None" not in shown
    for char in set(shown) - {" "}:
        assert terminal_cells(char) == 1, char
        if unicodedata.east_asian_width(char) == "A":
            assert char in AMBIGUOUS_KEPT, char
