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
