"""The LaTeX that Anki and Obsidian users write, as the terminal shows it: the transpose as
\\top, relations written against their operands, and the like. Each form reads as the one
it is the same as, or stays code with lint saying why."""

from __future__ import annotations

import pytest

from quiz.bank.mathtext import find_math_problems, latex_to_unicode


@pytest.mark.parametrize(
    ("latex", "expected"),
    [
        (r"W^\top x", "Wᵀ x"),
        (r"A^{\top}B", "AᵀB"),
        (r"A^\intercal", "Aᵀ"),
        (r"\mathbf{x}_i^\top \mathbf{w}", "𝐱ᵢᵀ 𝐰"),
        (r"x^\top\theta", "xᵀθ"),
        (r"e^\alpha x", "eᵅ x"),
        (r"(x^\top)", "(xᵀ)"),
        # the space that ends the macro is kept before an operand only
        (r"\sigma^\prime (z)", "σ′(z)"),
        (r"x^\top , y", "xᵀ, y"),
        (r"e^\alpha /2", "eᵅ/2"),
    ],
)
def test_the_transpose_as_top_reads_as_t(latex: str, expected: str) -> None:
    assert latex_to_unicode(latex) == expected


@pytest.mark.parametrize(
    ("top", "t"),
    [
        (r"W^\top x", "W^T x"),
        (r"W^{\top} x", "W^{T} x"),
        (r"X^\intercal y", "X^T y"),
        (r"(A B)^\top", "(A B)^T"),
    ],
)
def test_top_and_t_read_alike(top: str, t: str) -> None:
    assert latex_to_unicode(top) == latex_to_unicode(t) is not None


@pytest.mark.parametrize(
    ("latex", "expected"),
    [
        (r"\mathbb{E}_{x\sim p}[f(x)]", "𝔼_(x~p)[f(x)]"),
        (r"\mathbb{E}_{x \sim p}[f(x)]", "𝔼_(x ~ p)[f(x)]"),
        (r"x\in A", "x∈A"),
        (r"a\leq b", "a≤b"),
        (r"a \leq b", "a ≤ b"),
        (r"\theta\sim\mathcal{N}", "θ~𝒩"),
        # a sign, and a name, keep the space that ends the macro
        (r"\pm 10^3", "±10³"),
        (r"\alpha x", "α x"),
    ],
)
def test_a_relation_is_spaced_on_both_sides_or_neither(latex: str, expected: str) -> None:
    assert latex_to_unicode(latex) == expected
    assert find_math_problems(f"${latex}$") == []


@pytest.mark.parametrize(
    ("latex", "expected"),
    [
        # a derivation: each row that starts with a relation goes on from the one above
        (
            r"\begin{aligned} L &= \sum_i (y_i - \hat y_i)^2 \\ &= \|y - \hat y\|^2 \end{aligned}",
            "L = ∑ᵢ (yᵢ − ŷᵢ)² = ‖y − ŷ‖²",
        ),
        (r"\begin{split} f(x) &= (x+1)^2 \\ &\le 2x^2 + 2 \end{split}", "f(x) = (x+1)² ≤ 2x² + 2"),
        # separate equations: a ';' between them
        (r"\begin{align*} x &= 1 \\ y &= 2 \end{align*}", "x = 1; y = 2"),
        (r"\begin{align} A &= Q K^\top \\ O &= A V \end{align}", "A = Q Kᵀ; O = A V"),
        (r"\begin{gathered} x = 1 \\ y = 2 \end{gathered}", "x = 1; y = 2"),
        (r"\begin{eqnarray} a &=& b \\ c &=& d \end{eqnarray}", "a = b; c = d"),
        # a trailing \\, a row's spacing and the block's vertical place show nothing
        (r"\begin{aligned} a &= b \\ \end{aligned}", "a = b"),
        (r"\begin{aligned} a &= b \\[2pt] c &= d \end{aligned}", "a = b; c = d"),
        (r"\begin{aligned}[t] a &= b \end{aligned}", "a = b"),
        (r"\begin{aligned} [x] &= b \end{aligned}", "[x] = b"),
    ],
)
def test_aligned_equations_read_as_one_chain(latex: str, expected: str) -> None:
    assert latex_to_unicode(latex) == expected


@pytest.mark.parametrize(
    ("latex", "message"),
    [
        (
            r"\begin{aligned} a &= b; c \end{aligned}",
            "a ';' in a row of 'aligned' would read as a new row",
        ),
        (r"\begin{aligned} \end{aligned}", "an empty 'aligned'"),
        (
            r"\begin{alignat}{2} a &= b \end{alignat}",
            "environment 'alignat' cannot be shown as text",
        ),
    ],
)
def test_aligned_equations_with_no_faithful_line_stay_code(latex: str, message: str) -> None:
    assert latex_to_unicode(latex) is None
    assert [p.message for p in find_math_problems(f"${latex}$")] == [message]


@pytest.mark.parametrize(
    ("latex", "expected"),
    [
        (r"x = 1 \label{eq:1}", "x = 1"),
        (r"x = 1 \tag{1}", "x = 1   (1)"),
        (r"x = 1 \tag*{A}", "x = 1   A"),
        (r"a \hspace{1em} b", "a b"),
        (r"\phantom{x} y", "y"),
        (r"\color{red} x + y", "x + y"),
        (r"\textcolor{red}{x}", "x"),
        (r"\textcolor[rgb]{1,0,0}{x + y}", "x + y"),
        (r"\colorbox{yellow}{note}", "note"),
        (r"\boxed{x = 1}", "x = 1"),
        (r"\frac{\cancel{2} x}{\cancel{2}}", "(2̶ x)/2̶"),
        (r"\sum_{\substack{i<j \\ i \ne k}} x_{ij}", "∑_(i<j, i ≠ k) xᵢⱼ"),
    ],
)
def test_what_only_decorates_a_formula_shows_its_content(latex: str, expected: str) -> None:
    """Each was an unknown macro, some with a wrong guess (\\color: "did you mean \\colon?",
    \\tag: "did you mean \\notag?")."""
    assert latex_to_unicode(latex) == expected
    assert find_math_problems(f"${latex}$") == []


def test_a_line_break_outside_an_environment_says_where_rows_go() -> None:
    assert [p.message for p in find_math_problems(r"$a \\ b$")] == [
        r"\\ breaks a line only inside an environment: write the rows in "
        r"\begin{aligned} ... \end{aligned}, or one formula each"
    ]


@pytest.mark.parametrize(
    ("latex", "expected"),
    [
        (r"\boldsymbol{\theta}", "𝛉"),
        (r"\bm{\mu}", "𝛍"),
        (r"\boldsymbol{\Sigma}", "𝚺"),
        (r"\boldsymbol{\Omega}", "𝛀"),
        (r"\hat{\boldsymbol{\theta}}", "𝛉̂"),
        (r"\boldsymbol{x}^\top \boldsymbol{\beta}", "𝐱ᵀ 𝛃"),
    ],
)
def test_bold_greek_stays_bold(latex: str, expected: str) -> None:
    """\\boldsymbol{\\theta} (a vector of parameters) read θ, the same as the scalar."""
    assert latex_to_unicode(latex) == expected


@pytest.mark.parametrize(
    "latex",
    [
        r"\begin{smallmatrix} 1 & 0 \\ 0 & 1 \end{smallmatrix}",
        r"\begin{Bmatrix} 1 & 0 \\ 0 & 1 \end{Bmatrix}",
    ],
)
def test_a_matrix_is_its_rows_whatever_its_brackets(latex: str) -> None:
    assert latex_to_unicode(latex) == "[[1, 0], [0, 1]]"


@pytest.mark.parametrize(
    ("latex", "expected"),
    [
        # a product inside a bracket is the bracket's: the denominator is one term
        (r"\frac{1}{\sqrt{2\pi\sigma^2}}", "1/√(2πσ²)"),
        (r"\frac{p}{10000^{2i/d}}", "p/10000^(2i/d)"),
        (r"\frac{a}{f(2m)}", "a/f(2m)"),
        # one outside a bracket is not
        (r"\frac{\lambda}{2m}", "λ/(2m)"),
        (r"\frac{a}{2\pi(x)}", "a/(2π(x))"),
        # √2π could be (√2)π
        (r"\sqrt{2\pi}", "√(2π)"),
        (r"\frac{1}{\sqrt{2\pi}}", "1/√(2π)"),
        (r"\sqrt{\alpha\beta}", "√(αβ)"),
        (r"\sqrt{d_k}", "√dₖ"),
    ],
)
def test_a_product_is_bracketed_where_it_could_be_read_apart(latex: str, expected: str) -> None:
    assert latex_to_unicode(latex) == expected


@pytest.mark.parametrize(
    ("latex", "written"),
    [
        (r"\R^n", r"\mathbb{R}"),
        (r"\E[X]", r"\mathbb{E}"),
        (r"\norm{x}", r"\lVert x \rVert"),
        (r"\floor{x}", r"\lfloor x \rfloor"),  # not "did you mean \rfloor?"
        (r"\bra{x}", r"\langle x \rvert"),  # not the zodiac's \libra
        (r"\diag(v)", r"\operatorname{diag}"),  # not \dag
        (r"\dv{f}{x}", r"\frac{d f}{d x}"),  # not \div
    ],
)
def test_a_preamble_macro_says_what_to_write(latex: str, written: str) -> None:
    """Macros a notes app's preamble defines stay code, and lint says what LaTeX writes."""
    assert latex_to_unicode(latex) is None
    [problem] = find_math_problems(f"${latex}$")
    assert problem.message.endswith(f"write {written}")
    assert "did you mean" not in problem.message


def test_a_typo_still_gets_its_guess() -> None:
    [problem] = find_math_problems(r"$\lamda$")
    assert problem.message == r"unknown macro \lamda (did you mean \lambda?)"


@pytest.mark.parametrize(
    ("latex", "expected"),
    [
        (r"\frac{\partial^2 f}{\partial x \partial y}", "∂²f/(∂x ∂y)"),
        (r"\frac{\partial^2 L}{\partial w^2}", "∂²L/∂w²"),
        (r"\nabla^2 f", "∇²f"),
        (r"\partial_i^2 f", "∂ᵢ²f"),
        (r"\partial f", "∂f"),
        # a written-out script is still spaced from what follows
        (r"\nabla_\theta J", "∇_θ J"),
    ],
)
def test_a_raised_derivative_is_one_term_with_its_operand(latex: str, expected: str) -> None:
    """\\partial^2 f read ∂² f, two terms: a numerator bracketed, (∂² f)/(∂x ∂y)."""
    assert latex_to_unicode(latex) == expected


def test_an_array_says_which_environment_to_write() -> None:
    """The pre-amsmath cases, \\left\\{ \\begin{array}{ll} ... \\right., stays code: lint
    names the environments that have a line."""
    latex = (
        r"f(x) = \left\{ \begin{array}{ll} x & x > 0 \\ 0 & \text{otherwise} \end{array} \right."
    )
    assert latex_to_unicode(latex) is None
    assert [p.message for p in find_math_problems(f"${latex}$")] == [
        r"an array has no one-line form: write cases as \begin{cases} ... \end{cases} and a "
        r"matrix as \begin{bmatrix} ... \end{bmatrix}"
    ]
