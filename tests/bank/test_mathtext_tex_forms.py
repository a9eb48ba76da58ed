"""Plain TeX's `\\choose`, `\\mathop`, the arrows over a symbol, delimiters that name their
side, and the negated `<`/`>`: each renders as the form it is the same as, or stays code
with lint saying why."""

from __future__ import annotations

import unicodedata

import pytest

from quiz.bank.mathtext import MathProblem, find_math_problems, latex_to_unicode, render_math


@pytest.mark.parametrize(
    ("latex", "expected"),
    [
        (r"{n \choose k}", "(n choose k)"),
        (r"n \choose k", "(n choose k)"),
        (r"\sum_k {n \choose k} p^k", "∑ₖ (n choose k) pᵏ"),
        (r"{n+1 \choose k}^2", "(n+1 choose k)²"),
        (r"\overrightarrow{x}", "x⃗"),
        (r"\overleftarrow{x}", "x⃖"),
        (r"\overrightarrow{AB}", "(AB)^→"),
        (r"\overrightarrow{x_1}", "(x₁)^→"),
        (r"\mathop{argmax}_x f(x)", "argmaxₓ f(x)"),
        (r"\mathop{\mathrm{sgn}} x", "sgn x"),
        (r"\mathop{\sum}_i x_i", "∑ᵢ xᵢ"),
    ],
)
def test_plain_tex_forms_render(latex: str, expected: str) -> None:
    assert latex_to_unicode(latex) == expected


@pytest.mark.parametrize(
    ("infix", "macro"),
    [
        (r"{n \choose k}", r"\binom{n}{k}"),
        (r"{n - 1 \choose k + 1}", r"\binom{n - 1}{k + 1}"),
        (r"\overrightarrow{v}", r"\vec{v}"),
        (r"\mathop{\mathrm{sgn}}(x)", r"\operatorname{sgn}(x)"),
    ],
)
def test_each_form_reads_as_the_one_it_is_the_same_as(infix: str, macro: str) -> None:
    assert latex_to_unicode(infix) == latex_to_unicode(macro) is not None


@pytest.mark.parametrize(
    ("latex", "message"),
    [
        (r"{a \choose b \choose c}", r"two \choose in one group: write each as \binom{n}{k}"),
        (r"{\choose k}", r"\choose needs a term on each side"),
        (r"{n \choose}", r"\choose needs a term on each side"),
        (r"\mathop{} x", r"\mathop of nothing"),
        (r"\overrightarrow{}", "an arrow over nothing"),
        (r"{a \over b}", r"plain TeX's \over is not rendered: write \frac{a}{b}"),
        (
            r"x \rm sgn",
            r"plain TeX's \rm is not rendered: outside a group's start its font runs to the "
            r"group's end; write \mathrm{...}",
        ),
        (
            r"{x \bf y}",
            r"plain TeX's \bf is not rendered: outside a group's start its font runs to the "
            r"group's end; write \mathbf{...}",
        ),
        (r"{\cal L1}", "no Unicode letters for 'L1' in this font"),
    ],
)
def test_what_has_no_line_stays_code_and_lint_says_why(latex: str, message: str) -> None:
    assert latex_to_unicode(latex) is None
    assert [p.message for p in find_math_problems(f"${latex}$")] == [message]
    assert render_math(f"${latex}$") == f"`{latex}`"


def test_lint_no_longer_names_these_macros_unknown() -> None:
    source = r"${n \choose k}$, $\overrightarrow{AB}$, $\mathop{\mathrm{sgn}} x$"
    assert find_math_problems(source) == []
    assert render_math(source) == "(n choose k), (AB)^→, sgn x"


@pytest.mark.parametrize(
    ("latex", "expected"),
    [
        (r"\lVert x \rVert", "‖x‖"),
        (r"\|x\|", "‖x‖"),
        (r"\left\| x \right\|", "‖x‖"),
        (r"\left\lVert x \right\rVert", "‖x‖"),
        (r"\bigl\| x \bigr\|", "‖x‖"),
        (r"\lVert w \rVert_2^2", "‖w‖₂²"),
        (r"a \lVert x - y \rVert b", "a ‖x − y‖ b"),
        (r"\frac{1}{2}\lVert w \rVert^2", "½‖w‖²"),
        (r"\lvert x \rvert", "|x|"),
        (r"\left| x \right|", "|x|"),
        (r"|x|", "|x|"),
        (r"\langle x, y \rangle", "⟨x, y⟩"),
        (r"\left\langle x, y \right\rangle", "⟨x, y⟩"),
        (r"\lfloor x \rfloor", "⌊x⌋"),
        (r"\left\lfloor x \right\rfloor", "⌊x⌋"),
        (r"\left\lceil \frac{n}{2} \right\rceil", "⌈n/2⌉"),
        (r"p(x \mid y)", "p(x | y)"),  # a relation, not a delimiter: spaced
    ],
)
def test_delimiters_render_alike_however_written(latex: str, expected: str) -> None:
    assert latex_to_unicode(latex) == expected


@pytest.mark.parametrize(
    ("latex", "expected"),
    [(r"a \not< b", "a ≮ b"), (r"a \nless b", "a ≮ b"), (r"a \ngtr b", "a ≯ b")],
)
def test_negated_order_relations_render_in_the_columns_textual_gives_them(
    latex: str, expected: str
) -> None:
    """≮ and ≯ are East Asian Ambiguous, as ≠ is, and kept as it is (tests/cells.py says
    why): one column, and listed, so the card width test accepts a card showing one."""
    from tests.cells import AMBIGUOUS_KEPT, terminal_cells

    shown = latex_to_unicode(latex)
    assert shown == expected
    for char in set(shown) - {" "}:
        assert terminal_cells(char) == 1, char
        if unicodedata.east_asian_width(char) == "A":
            assert char in AMBIGUOUS_KEPT, char


def test_a_missing_delimiter_match_is_still_reported() -> None:
    assert find_math_problems(r"$\right| x$") == [
        MathProblem(1, 2, r"\right without a matching \left")
    ]


@pytest.mark.parametrize(
    ("latex", "expected"),
    [
        (r"\|x - y\|^2", "‖x − y‖²"),
        (r"\frac{\|x - y\|^2}{2\sigma^2}", "‖x − y‖²/(2σ²)"),
        (r"\frac{\left\| a-b \right\|_2}{n}", "‖a−b‖₂/n"),
        (r"\frac{\lVert x - y \rVert}{2}", "‖x − y‖/2"),
        (r"\frac{|x - y|}{2}", "|x − y|/2"),
        (r"\frac{x - y}{\|x - y\|}", "(x − y)/‖x − y‖"),
        (r"\sqrt{\|x - y\|}", "√‖x − y‖"),
        # not one term: bars that do not pair up, and norms side by side or after a factor
        (r"\frac{a | b}{c}", "(a | b)/c"),
        (r"\frac{|x| + |y|}{c}", "(|x| + |y|)/c"),
        (r"\frac{|x||y|}{c}", "(|x||y|)/c"),
        (r"\frac{2|x|}{c}", "(2|x|)/c"),
        (r"\frac{p|x - y|}{c}", "(p|x − y|)/c"),
        (r"\frac{\|x\| \|y\|}{c}", "(‖x‖ ‖y‖)/c"),
    ],
)
def test_a_norm_is_one_term_whatever_it_holds(latex: str, expected: str) -> None:
    assert latex_to_unicode(latex) == expected


@pytest.mark.parametrize(
    ("switch", "macro"),
    [
        (r"\mathop{\rm arg\,max}_x f(x)", r"\operatorname*{arg\,max}_x f(x)"),
        (r"\mathop{\rm argmax}_\theta L", r"\operatorname*{argmax}_\theta L"),
        (r"\int f(x)\,{\rm d}x", r"\int f(x)\,\mathrm{d}x"),
        (r"{\bf x}", r"\mathbf{x}"),
        (r"{\cal L}(\theta)", r"\mathcal{L}(\theta)"),
        (r"{\it f}", r"\mathit{f}"),
    ],
)
def test_a_font_switch_that_opens_a_group_is_the_groups_font(switch: str, macro: str) -> None:
    assert latex_to_unicode(switch) == latex_to_unicode(macro) is not None


def test_arg_max_written_with_rm_reads_as_a_name() -> None:
    assert latex_to_unicode(r"\mathop{\rm arg\,max}_x f(x)") == "arg maxₓ f(x)"
    assert find_math_problems(r"$\mathop{\rm arg\,max}_x f(x)$") == []
