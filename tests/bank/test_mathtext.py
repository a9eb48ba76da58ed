"""LaTeX math -> Unicode for the terminal, and the math checks lint relies on."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from quiz.bank.loader import load_bank
from quiz.bank.mathtext import (
    DISPLAY_PREFIX,
    MathProblem,
    find_math_problems,
    latex_to_unicode,
    render_math,
)
from quiz.bank.sources import bundled_content_dir
from tests.bank.math_golden import bank_formulas, read_golden, unused_entries

SEED_FORMULAS = [
    line
    for line in (Path(__file__).parent.parent / "data" / "seed_formulas.txt")
    .read_text(encoding="utf-8")
    .splitlines()
    if line.strip()
]


def test_the_seed_formula_list_is_complete() -> None:
    assert len(SEED_FORMULAS) == 29
    assert len(set(SEED_FORMULAS)) == len(SEED_FORMULAS)


@pytest.mark.parametrize("latex", SEED_FORMULAS)
def test_every_seed_formula_converts_cleanly(latex: str) -> None:
    text = latex_to_unicode(latex)
    assert text is not None
    assert "\\" not in text
    assert "{" not in text and "}" not in text
    assert text == text.strip()
    assert find_math_problems(f"$${latex}$$") == []


SEED_EXPECTED = [
    (r"\sigma'(z) \leq 0.25", "σ'(z) ≤ 0.25"),
    (r"\theta_t = \theta_{t-1} - \alpha \nabla L", "θₜ = θₜ₋₁ − α ∇L"),
    (r"\rightarrow 0", "→ 0"),
    (r"L = -\sum_c y_c \log \hat{y}_c", "L = −∑_c y_c log ŷ_c"),
    (
        r"\frac{\partial L}{\partial W^{[1]}} = \frac{\partial L}{\partial z^{[L]}} \cdot "
        r"\prod_{l=2}^{L} \frac{\partial z^{[l]}}{\partial z^{[l-1]}} \cdot "
        r"\frac{\partial z^{[1]}}{\partial W^{[1]}}",
        "∂L/∂W^[1] = (∂L/∂z^[L]) ⋅ ∏ₗ₌₂ᴸ (∂z^[l]/∂z^[l−1]) ⋅ (∂z^[1]/∂W^[1])",
    ),
    (
        r"\frac{\partial L}{\partial W^{[2]}} = \frac{1}{m} \frac{\partial L}{\partial z^{[2]}} (a^{[1]})^T",
        "∂L/∂W^[2] = (1/m) (∂L/∂z^[2]) (a^[1])ᵀ",
    ),
    (
        r"\frac{\partial L}{\partial z^{[1]}} = \frac{\partial L}{\partial a^{[1]}} \odot "
        r"\mathbb{1}_{z^{[1]} > 0} \quad \text{(ReLU derivative)}",
        "∂L/∂z^[1] = (∂L/∂a^[1]) ⊙ 𝟙_(z^[1] > 0)   (ReLU derivative)",
    ),
    (
        r"z^{[1]} = W^{[1]} x + b^{[1]}, \quad a^{[1]} = \text{ReLU}(z^{[1]})",
        "z^[1] = W^[1] x + b^[1],   a^[1] = ReLU(z^[1])",
    ),
    (
        r"\frac{\partial L}{\partial z^{[2]}} = \hat{y} - y \quad \text{(softmax + cross-entropy)}",
        "∂L/∂z^[2] = ŷ − y   (softmax + cross-entropy)",
    ),
    (r"v_t = \beta_2 v_{t-1} + (1-\beta_2) (\nabla L)^2", "vₜ = β₂ vₜ₋₁ + (1−β₂) (∇L)²"),
    (
        r"\theta_t = \theta_{t-1} - \alpha \frac{m_t}{\sqrt{v_t} + \epsilon}",
        "θₜ = θₜ₋₁ − α (mₜ/(√vₜ + ε))",
    ),
    (
        r"\hat{x}_i = \frac{x_i - \mu_B}{\sqrt{\sigma_B^2 + \epsilon}}",
        "x̂ᵢ = (xᵢ − μ_B)/√(σ_B² + ε)",
    ),
    (r"W \sim \mathcal{N}\left(0, \frac{2}{n_{in} + n_{out}}\right)", "W ~ 𝒩(0, 2/(nᵢₙ + nₒᵤₜ))"),
    (r"W \sim \mathcal{N}\left(0, \frac{2}{n_{in}}\right)", "W ~ 𝒩(0, 2/nᵢₙ)"),
    (r"\beta_1=0.9, \beta_2=0.999, \alpha=0.001", "β₁=0.9, β₂=0.999, α=0.001"),
    (r"\beta \approx 0.9", "β ≈ 0.9"),
    (r"\mathbb{R}^n", "ℝⁿ"),
    (r"z \leq 0", "z ≤ 0"),
]


@pytest.mark.parametrize(("latex", "expected"), SEED_EXPECTED)
def test_seed_formula_exact_rendering(latex: str, expected: str) -> None:
    assert latex in SEED_FORMULAS
    assert latex_to_unicode(latex) == expected


@pytest.mark.parametrize(
    ("latex", "expected"),
    [
        (r"\frac{1}{2}", "½"),
        (r"\frac{a+b}{c+d}", "(a+b)/(c+d)"),
        (r"\frac{a}{b}", "a/b"),
        (r"\frac{\frac{a}{b}}{c}", "(a/b)/c"),
        (r"\sqrt{x}", "√x"),
        (r"\sqrt{x+y}", "√(x+y)"),
        (r"\sqrt[3]{x}", "∛x"),
        (r"\sqrt[n+1]{x}", "ⁿ⁺¹√x"),
        (r"\mathbb{1}", "𝟙"),
        (r"\mathbb{E}[X]", "𝔼[X]"),
        (r"\operatorname{foo}(x)", "foo(x)"),
        (r"\operatorname*{argmax}_\theta J", "argmax_θ J"),
        (r"\|w\|_2^2", "‖w‖₂²"),
        (r"\left( x + 1 \right)^2", "(x + 1)²"),
        (r"\left. \frac{df}{dx} \right|_{x=0}", "(df/dx)|ₓ₌₀"),  # \right| closes, tight as ) is
        (r"\log \hat{y}", "log ŷ"),
        (r"\log(x)", "log(x)"),
        (r"\exp{x}", "exp x"),
        (r"\max_i x_i", "maxᵢ xᵢ"),
        (r"x\log y", "x log y"),
        (r"\partial \log p", "∂ log p"),
        (r"-\log x", "−log x"),
        (r"\sum_{i=1}^{n}x_i", "∑ᵢ₌₁ⁿ xᵢ"),
        (r"\sum_{l=2}^{L}", "∑ₗ₌₂ᴸ"),
        (r"x^{(k)}_{ij}", "xᵢⱼ⁽ᵏ⁾"),
        (r"\sigma_B^2", "σ_B²"),
        (r"W^{[1]}", "W^[1]"),
        (r"x_{max}", "xₘₐₓ"),
        (r"x_{t+1}", "xₜ₊₁"),
        (r"W_{xy} h", "W_xy h"),  # a name, as in code: W_(xy) read as a call
        (r"d_{model}/n_{heads}", "d_model/n_heads"),  # no space before the slash
        (r"\sqrt{d_{model}}", "√d_model"),
        (r"L_{\text{data}} + x", "L_data + x"),
        (r"x_{\alpha\beta}", "x_αβ"),
        (r"m_{t-1} + z_{0:n}", "mₜ₋₁ + z_(0:n)"),  # expressions keep their brackets
        (r"d_{model2}", "d_(model2)"),  # not letters only
        (r"x^{ab}", "xᵃᵇ"),
        (r"x^{qy}", "x^(qy)"),  # superscripts as before
        (r"x_c y", "x_c y"),
        (r"x_cy", "x_c y"),
        (r"e^{-x}", "e⁻ˣ"),
        (r"A^{-1}", "A⁻¹"),
        (r"x^*", "x*"),  # an optimum, as the books print it
        (r"x^{*2}", "x*²"),
        (r"f^{\prime}(x)", "f′(x)"),
        (r"\beta_1", "β₁"),
        (r"\epsilon", "ε"),
        (r"a \cdot b \times c \odot d", "a ⋅ b × c ⊙ d"),
        (r"\partial f / \partial x", "∂f / ∂x"),
        (r"a \geq b \to \infty", "a ≥ b → ∞"),
        (r"x \in \mathbb{R}^{n \times m}", "x ∈ ℝ^(n × m)"),
        (r"a\,b\;c\!d", "a b cd"),
        (r"a \quad b", "a   b"),
        (r"\prod_i p_i", "∏ᵢ pᵢ"),
        (r"\hat{\theta}", "θ̂"),
        (r"\bar{x} \tilde{y} \vec{v}", "x̄ ỹ v⃗"),
        (r"\mathcal{L}(\theta)", "ℒ(θ)"),
        (r"\mathbf{x}", "𝐱"),
        (r"\mathrm{d}x", "dx"),
        (r"\text{if } x > 0", "if x > 0"),
        (r"\text{cross-entropy}", "cross-entropy"),
        (r"a - b", "a − b"),
        (r"\pm 10^3", "±10³"),  # a sign before its number, as −10³: no space to wrap at
        (r"(\pm 1)", "(±1)"),
        (r"x = \pm \sqrt{2}", "x = ±√2"),
        (r"\mp x", "∓x"),
        (r"f(x \pm \epsilon)", "f(x ± ε)"),  # between two terms it stays spaced
        (r"a \mp b", "a ∓ b"),
        (r"\{a, b\}", "{a, b}"),
        (r"100\%", "100%"),
        (r"{}", ""),
        ("", ""),
        ("  x  ", "x"),
        ("a\n  + b", "a + b"),
    ],
)
def test_latex_to_unicode(latex: str, expected: str) -> None:
    assert latex_to_unicode(latex) == expected


@pytest.mark.parametrize(
    "latex",
    [
        r"\weird{x}",
        r"\hat{xy}",
        r"x^a^b",
        r"x_1_2",
        r"x^",
        r"\left( x",
        r"x \right)",
        r"\begin{vmatrix} a \\ b \end{vmatrix}",
        r"50 % off",
        "x \\",
        r"\frac{a}",
        r"{a",
        r"a}",
        r"\mathbb{\theta}",
        r"\sqrt[q]{x}",
        r"\text{a $b$} \weird",
    ],
)
def test_unconvertible_formulas_give_none(latex: str) -> None:
    assert latex_to_unicode(latex) is None


# -- render_math -------------------------------------------------------------


def test_inline_math_stays_inline() -> None:
    assert (
        render_math("For sigmoid: $\\sigma'(z) \\leq 0.25$, so") == "For sigmoid: σ'(z) ≤ 0.25, so"
    )


def test_display_math_becomes_its_own_indented_paragraph() -> None:
    source = "Cause:\n$$ \\theta_t = \\theta_{t-1} $$\nFor sigmoid: $p$.\n"
    assert render_math(source) == (f"Cause:\n\n{DISPLAY_PREFIX}θₜ = θₜ₋₁\n\nFor sigmoid: p.\n")


def test_display_math_in_the_middle_of_a_line_splits_the_paragraph() -> None:
    assert render_math("see $$x_i$$ here") == f"see\n\n{DISPLAY_PREFIX}xᵢ\n\nhere"


def test_consecutive_display_lines_are_separated_by_one_blank_line() -> None:
    source = "$$a$$\n$$b$$\n"
    assert render_math(source) == f"{DISPLAY_PREFIX}a\n\n{DISPLAY_PREFIX}b\n"


def test_display_math_in_a_list_item_keeps_the_item_indentation() -> None:
    source = "1. Update:\n   $$ v_t = \\beta v $$\n   done\n"
    assert render_math(source) == (f"1. Update:\n\n   {DISPLAY_PREFIX}vₜ = β v\n\n   done\n")


def test_display_math_in_a_table_row_stays_inline() -> None:
    row = "| grad | $$\\sigma'(z)$$ |"
    assert render_math(row) == "| grad | σ'(z) |"


def test_fenced_code_blocks_are_untouched() -> None:
    source = "```python\nprice = '$x$' + \"$$y$$\"\n```\n~~~\n$\\weird$\n~~~\nafter $x$\n"
    expected = source.replace("after $x$", "after x")
    assert render_math(source) == expected
    assert find_math_problems(source) == []


def test_an_unclosed_fence_runs_to_the_end() -> None:
    source = "text\n```\n$x$ and $ and $$\n"
    assert render_math(source) == source
    assert find_math_problems(source) == []


def test_indented_code_is_untouched_but_list_continuations_are_not_code() -> None:
    source = "Code:\n\n    cost = $5 + $x$\n\n- item\n\n    $y_1$ continues the item\n"
    rendered = render_math(source)
    assert "    cost = $5 + $x$\n" in rendered
    assert "    y₁ continues the item" in rendered


def test_inline_code_is_untouched() -> None:
    source = "Use `$x$` or ``a ` $y$`` but $z$"
    assert render_math(source) == "Use `$x$` or ``a ` $y$`` but z"


def test_escaped_dollar_is_a_literal_dollar() -> None:
    source = r"It costs \$5 and \$6, and $x$ is math."
    assert render_math(source) == r"It costs \$5 and \$6, and x is math."
    assert find_math_problems(source) == []


def test_dollar_amounts_without_escapes_are_reported() -> None:
    problems = find_math_problems("costs $5 and $6")
    assert [(p.line, p.col) for p in problems] == [(1, 7), (1, 14)]
    assert all("\\$" in p.message for p in problems)


def test_unknown_macro_falls_back_to_inline_code_and_is_reported() -> None:
    source = "Loss: $\\weird{x} + 1$ end"
    assert render_math(source) == "Loss: `\\weird{x} + 1` end"
    assert find_math_problems(source) == [MathProblem(1, 8, unknown("weird"))]


def unknown(name: str) -> str:
    """Lint's message of an unknown macro no known one is close to."""
    return (
        f"unknown macro \\{name}: the terminal has no symbol for it; write a name as "
        f"\\operatorname{{{name}}} or \\text{{{name}}}"
    )


def test_an_unknown_macro_says_what_to_write() -> None:
    """It said only "unknown macro \\lamda": a typo of a known one gets that one, and a
    name (\\relu) gets the upright form the terminal shows as written."""
    assert find_math_problems("a $\\lamda x$") == [
        MathProblem(1, 4, "unknown macro \\lamda (did you mean \\lambda?)")
    ]
    assert find_math_problems("$\\relu(z)$") == [MathProblem(1, 2, unknown("relu"))]
    assert render_math("$\\operatorname{relu}(z)$") == "relu(z)"


def test_unconvertible_display_math_is_a_code_paragraph() -> None:
    source = "a\n$$ \\begin{cases} 1 \\end{cases} $$\nb"
    assert render_math(source) == (f"a\n\n{DISPLAY_PREFIX}`\\begin{{cases}} 1 \\end{{cases}}`\n\nb")


def test_fallback_code_span_survives_backticks() -> None:
    assert render_math("$\\weird{`}$") == "``\\weird{`}``"
    assert render_math("$\\weird`$") == "`` \\weird` ``"


def test_markdown_special_characters_in_math_are_escaped() -> None:
    assert render_math("$W^{[1]}(x) * y_c$") == r"W^\[1\](x) \* y\_c"


def test_math_at_line_start_does_not_become_a_list_or_heading() -> None:
    assert render_math("$1. x$ is fine") == r"1\. x is fine"
    assert render_math("$+1$ step") == r"\+1 step"


def test_rendered_markdown_displays_the_unicode() -> None:
    markdown_it = pytest.importorskip("markdown_it")
    source = "Here $\\mathbb{1}_{z^{[1]} > 0} * \\sigma_B^2$ and | $[a](b)$ <x>"
    html = markdown_it.MarkdownIt("commonmark").render(render_math(source))
    assert "𝟙_(z^[1] &gt; 0) * σ_B²" in html
    assert "[a](b)" in html and "<a" not in html


def test_rendering_is_idempotent_on_a_card() -> None:
    card = (
        "## Answer\n\nThe update:\n$$ \\theta_t = \\theta_{t-1} - \\alpha \\nabla L $$\n"
        "with $\\beta \\approx 0.9$.\n\n```python\nx = '$'\n```\n"
    )
    once = render_math(card)
    assert "θₜ = θₜ₋₁ − α ∇L" in once and "β ≈ 0.9" in once
    assert render_math(once) == once


def test_text_without_math_is_returned_unchanged() -> None:
    source = "No math here, just *emphasis* and `code`.\n"
    assert render_math(source) == source


# -- find_math_problems --------------------------------------------------------


def test_clean_math_has_no_problems() -> None:
    assert find_math_problems("a $x$ b\n$$ \\frac{1}{2} $$\n") == []


def test_unclosed_inline_math_reports_its_line_and_column() -> None:
    source = "line one\nthe value $x_1 is lost\n"
    assert find_math_problems(source) == [
        MathProblem(
            2,
            11,
            "unclosed inline math: '$' has no closing '$' (write \\$ for a literal dollar sign)",
        )
    ]


def test_unclosed_display_math_reports_its_line_and_column() -> None:
    source = "intro\n\n  $$ a + b\n\nnext paragraph $$ c $$\n"
    problems = find_math_problems(source)
    assert [(p.line, p.col) for p in problems] == [(3, 3)]
    assert "'$$'" in problems[0].message


def test_display_math_may_span_lines_but_not_paragraphs() -> None:
    assert find_math_problems("$$\na +\nb\n$$\n") == []
    assert render_math("$$\na +\nb\n$$\n") == f"{DISPLAY_PREFIX}a + b\n"


def test_stray_dollar_before_a_space_is_reported() -> None:
    [problem] = find_math_problems("pay $ 5")
    assert (problem.line, problem.col) == (1, 5)


def test_unbalanced_braces_are_reported_at_the_brace() -> None:
    source = "ok\n$$ \\frac{a}{b $$\nand $x}$\n"
    problems = find_math_problems(source)
    assert [(p.line, p.col) for p in problems] == [(2, 12), (3, 7)]
    assert "never closed" in problems[0].message
    assert "without a matching '{'" in problems[1].message


def test_left_without_right_is_reported() -> None:
    [problem] = find_math_problems("x $\\left( a + b$")
    assert (problem.line, problem.col) == (1, 4)
    assert "\\left" in problem.message


def test_problem_in_multiline_display_points_at_the_macro() -> None:
    source = "$$\n a +\n   \\nope b\n$$"
    assert find_math_problems(source) == [MathProblem(3, 4, unknown("nope"))]


def test_a_backslash_lost_to_a_string_escape_is_reported() -> None:
    # "\text" and "\frac" in a non-raw string are a tab and a form feed: the escapes are the point.
    source = "so $E[\text{out}] = q \\cdot \frac{a}{q}$ holds"
    problems = find_math_problems(source)
    assert [(p.line, p.col) for p in problems] == [(1, 7), (1, 28)]
    assert all("lost" in p.message for p in problems)
    assert latex_to_unicode("E[\tau]") is None
    assert render_math(source).startswith("so `E[ ext{out}]")


def test_math_problem_is_frozen() -> None:
    problem = MathProblem(1, 2, "m")
    with pytest.raises(dataclasses.FrozenInstanceError):
        problem.line = 3  # type: ignore[misc]


# -- properties ----------------------------------------------------------------

MARKDOWNISH = st.lists(
    st.sampled_from(
        list("$$$\\{}_^`~ \n\t|>-*#1aZ([])%'") + ["\\frac", "\\left", "```", "    ", "σ", "\r"]
    ),
    max_size=40,
).map("".join)


@settings(max_examples=300, deadline=None)
@given(st.one_of(MARKDOWNISH, st.text(max_size=80)))
def test_render_math_never_raises(text: str) -> None:
    assert isinstance(render_math(text), str)


@settings(max_examples=300, deadline=None)
@given(st.one_of(MARKDOWNISH, st.text(max_size=80)))
@example("$${$$`")  # an unclosed backtick once moved the formula's range past the line's end
@example("$_%$`")
@example("$$$\\left$$```")
def test_find_math_problems_never_raises_and_points_inside_the_text(text: str) -> None:
    lines = text.split("\n")
    for problem in find_math_problems(text):
        assert 1 <= problem.line <= len(lines)
        assert 1 <= problem.col <= len(lines[problem.line - 1]) + 1


@settings(max_examples=300, deadline=None)
@given(st.one_of(MARKDOWNISH, st.text(max_size=40)))
def test_latex_to_unicode_never_raises_and_never_leaves_a_macro(latex: str) -> None:
    text = latex_to_unicode(latex)
    if text is not None:
        assert "\\frac" not in text and "\\left" not in text


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(exclude_characters="\\{}_^%$"), max_size=30))
def test_plain_formulas_take_the_fast_path_to_the_same_result(latex: str) -> None:
    # "{}" renders as nothing but forces the full pylatexenc parse.
    assert latex_to_unicode(latex) == latex_to_unicode(latex + "{}")


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("$\\ax `\n")), max_size=30))
def test_every_unmatched_dollar_is_either_math_or_reported(text: str) -> None:
    rendered = render_math(text)
    problems = find_math_problems(text)
    if not problems and "`" not in text:
        unescaped = rendered.replace("\\\\", "").replace("\\$", "")
        assert "$" not in unescaped


def test_display_math_in_a_blockquote_stays_in_the_quote() -> None:
    rendered = render_math("> quote\n> $$x_1$$\n> more\n")
    assert rendered == f"> quote\n>\n> {DISPLAY_PREFIX}x₁\n>\n> more\n"
    markdown_it = pytest.importorskip("markdown_it")
    tokens = markdown_it.MarkdownIt("commonmark").parse(rendered)
    kinds = [t.type for t in tokens if t.type.endswith("_open")]
    assert kinds == ["blockquote_open", "paragraph_open", "paragraph_open", "paragraph_open"]


def test_crlf_line_endings_do_not_confuse_display_math() -> None:
    assert render_math("a\r\n$$x$$\r\nb\r\n") == f"a\r\n\n{DISPLAY_PREFIX}x\n\nb\r\n"


# --------------------------------------------------------------- issue 10 and the golden file

GOLDEN = read_golden()


@pytest.mark.parametrize(
    ("latex", "expected"),
    [
        (r"\frac{1}{m} dZ^{[1]} X^T", "(1/m) dZ^[1] Xᵀ"),
        (r"\frac{0.1}{0.0316} \alpha", "(0.1/0.0316) α"),
        (r"\frac{1}{1-\beta} v", "(1/(1−β)) v"),
        (r"\frac{\epsilon^2}{6} J'''", "(ε²/6) J'''"),
        (r"\frac{d^2}{8} \max|f''|", "(d²/8) max|f''|"),
        (r"\alpha \frac{g}{|g| + \epsilon}", "α (g/(|g| + ε))"),
        (r"\frac{a}{b} \cdot \frac{c}{d}", "(a/b) ⋅ (c/d)"),
        (r"y = \frac{a}{b} + c", "y = a/b + c"),
        (r"\frac{a}{b}", "a/b"),
        (r"\frac{1}{2} x", "½ x"),
        (r"\sqrt{g^2}", "√(g²)"),
        (r"\sqrt{x^{[l]}}", "√(x^[l])"),
        (r"\sqrt{v_t} + \epsilon", "√vₜ + ε"),
        (r"dZ^{[2]}_{:, j}", "dZ^[2]_(:, j)"),
        (r"dZ^{[1](i)}", "dZ^[1](i)"),
        (r"x^2_i", "xᵢ²"),
        (r"\lfloor \frac{H - k}{s} \rfloor + 1", "⌊(H − k)/s⌋ + 1"),
        (r"\frac{\lambda}{2m} W^2", "(λ/(2m)) W²"),
        (r"\frac{\alpha\lambda}{m}", "αλ/m"),
        (r"\frac{1}{\alpha\tau}", "1/(ατ)"),
        (r"\frac{d}{dz} \sigma", "(d/dz) σ"),
        (r"e_{id_t} \, dout_t", "e_(idₜ) doutₜ"),
    ],
)
def test_issue_10_renderings(latex: str, expected: str) -> None:
    assert latex_to_unicode(latex) == expected


def test_display_math_carries_no_zero_width_characters() -> None:
    rendered = render_math("Cause:\n\n$$\\theta_t = \\theta_{t-1}$$\n\nDone.\n")
    assert "\u200b" not in rendered and "\u200c" not in rendered and "\ufeff" not in rendered
    assert rendered == "Cause:\n\nθₜ = θₜ₋₁\n\nDone.\n"


def test_no_bundled_card_renders_zero_width_characters() -> None:
    bank = load_bank([bundled_content_dir()])
    for card in bank.cards:
        for section in card.sections.values():
            assert "\u200b" not in render_math(section.text), card.id


BUNDLED_PACKS = ["architectures", "deep-training", "neural-networks"]


def test_the_golden_check_names_every_bundled_pack() -> None:
    packs = {card.pack for card in load_bank([bundled_content_dir()]).cards}
    assert sorted(packs) == BUNDLED_PACKS


@pytest.mark.parametrize("pack", BUNDLED_PACKS)
def test_the_golden_file_covers_every_formula_of_each_bundled_pack(pack: str) -> None:
    missing = [f for f in bank_formulas(pack) if f not in GOLDEN]
    assert not missing, (
        f"{len(missing)} formula(s) of the {pack} pack have no golden rendering, e.g. "
        f"{missing[0]!r}: run `uv run python -m tests.bank.math_golden`, read the output "
        "by eye, then add it with --write"
    )


def test_the_golden_file_holds_no_formula_the_bank_no_longer_uses() -> None:
    unused = unused_entries()
    assert not unused, (
        f"{len(unused)} golden rendering(s) no bundled card uses any more, e.g. "
        f"{unused[0]!r}: run `uv run python -m tests.bank.math_golden --prune`"
    )


@pytest.mark.parametrize("latex", sorted(GOLDEN))
def test_golden_rendering(latex: str) -> None:
    rendered = latex_to_unicode(latex)
    assert rendered is not None, f"{latex!r} has no Unicode form: the terminal shows raw LaTeX"
    assert rendered == GOLDEN[latex]


def test_lint_places_math_problems_inside_quotes_and_lists() -> None:
    quoted = "> quote\n>\n> $$\n> a +\n> \\foo b\n> $$\n"
    assert find_math_problems(quoted) == [MathProblem(5, 3, unknown("foo"))]
    listed = "1. item\n\n   $$\n   x +\n   \\bar{xy}\n   $$\n"
    assert find_math_problems(listed) == [
        MathProblem(5, 4, "an accent over more than one symbol has no text form")
    ]


# ------------------------------------------ sixteenth round: products as numerator/denominator


@pytest.mark.parametrize(
    ("latex", "expected"),
    [
        # a product of factors side by side is not one term: it gets brackets
        (r"\frac{\sigma(z) - y}{\sigma(z)(1 - \sigma(z))}", "(σ(z) − y)/(σ(z)(1 − σ(z)))"),
        (r"\frac{p - y}{p(1 - p)}", "(p − y)/(p(1 − p))"),
        (r"\frac{1}{2(x + 1)}", "1/(2(x + 1))"),
        (r"\frac{(a + b)(a - b)}{c}", "((a + b)(a − b))/c"),
        (r"\frac{1}{x^2(1 - x)}", "1/(x²(1 − x))"),
        (r"\sqrt{\sigma(z)(1 - \sigma(z))}", "√(σ(z)(1 − σ(z)))"),
        (r"\sqrt{p(1 - p)}", "√(p(1 − p))"),
        # a name applied to its argument is one term, and so is one bracket group
        (r"-\frac{y}{\sigma(z)}", "−y/σ(z)"),
        (r"\frac{f(x)}{g(x)}", "f(x)/g(x)"),
        (r"\frac{a}{\max(1, b - c)}", "a/max(1, b − c)"),
        (r"\frac{x_i}{\operatorname{RMS}(x)}", "xᵢ/RMS(x)"),
        (r"\frac{1}{(a + b)}", "1/(a + b)"),
        (r"\frac{\partial L}{\partial W^{[l]}}", "∂L/∂W^[l]"),
    ],
)
def test_a_product_as_numerator_denominator_or_radicand_is_bracketed(
    latex: str, expected: str
) -> None:
    assert latex_to_unicode(latex) == expected
