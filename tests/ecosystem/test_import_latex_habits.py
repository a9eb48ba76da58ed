"""Display math as people type it in notes: a `$$...$$` that opens a sentence, and a
bare `\\begin{equation}` (Jupyter's and Typora's MathJax render it without `$$`)."""

from __future__ import annotations

from pathlib import Path

import pytest

from quiz.bank.lint import lint
from quiz.ecosystem import latexenv
from quiz.ecosystem.latexenv import delimit_environments
from tests.ecosystem.test_import_notes import front, run_import

NOTES = Path(__file__).parent.parent / "data" / "notes" / "latex-habits.md"


def _points(card: Path) -> list[object]:
    """The card's key points."""
    points = front(card)["key_points"]
    assert isinstance(points, list)
    return points


def _imported(tmp_path: Path) -> Path:
    result = run_import(str(NOTES), "--pack", "p", "--into", str(tmp_path / "c"))
    assert result.exit_code == 0, result.output
    assert lint([tmp_path / "c" / "p"])[1] == []
    return tmp_path / "c" / "p" / "p"


def test_a_formula_that_opens_a_sentence_stays_in_its_key_point(tmp_path: Path) -> None:
    """The formula was taken out as a point of its own, and the key point left was
    "measures how far $q$ is from $p$.", a sentence with no subject."""
    points = _points(_imported(tmp_path) / "kl-divergence.md")
    assert points[0] == (
        r"$D_{KL}(p \| q) = \sum_x p(x) \log \frac{p(x)}{q(x)}$ measures how far $q$ is"
        " from $p$."
    )


def test_a_bare_equation_environment_is_display_math(tmp_path: Path) -> None:
    """The card showed the `\\begin{equation}` lines as text and a key point began with
    them: "\\begin{equation} \\text{score}(q, k) = ... \\end{equation} The dot product..."."""
    topic = _imported(tmp_path)
    card = topic / "scaled-dot-product-attention-compute.md"
    assert _points(card)[0] == "The dot product tells how well a query matches a key."
    answer = card.read_text(encoding="utf-8").split("## Answer\n\n", 1)[1]
    assert answer.startswith("$$\n\\text{score}(q, k) = \\frac{q \\cdot k}{\\sqrt{d_k}}\n$$\n")
    rows = (topic / "attention-written-every-query-at-once.md").read_text(encoding="utf-8")
    # an `align` has a one-line form (A = ...; O = A V): a formula, as a `$$` align is
    assert "$$\\begin{align}" in rows and "\\begin{align}" not in rows.split("```latex\n", 1)[1]
    assert _points(topic / "attention-written-every-query-at-once.md")[0] == (
        "Each row of $A$ holds one query's weights."
    )


def test_environments_in_code_or_in_a_formula_are_left_alone() -> None:
    fenced = "```latex\n\\begin{equation}\nx\n\\end{equation}\n```"
    assert delimit_environments(fenced) == fenced
    in_formula = "$$\n\\begin{aligned}\na &= b\n\\end{aligned}\n$$"
    assert delimit_environments(in_formula) == in_formula
    unclosed = "\\begin{equation}\nx = 1"
    assert delimit_environments(unclosed) == unclosed
    one_line = "\\begin{equation} x = 1 \\end{equation}\n\\begin{gather} a \\end{gather}"
    assert delimit_environments(one_line) == "$$ x = 1 $$\n$$\\begin{gather} a \\end{gather}$$"


def test_unclosed_environments_are_looked_through_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """Thousands of `\\begin{equation}` never closed (a paste cut short, a generated file)
    took minutes: each looked through every line after it for its `\\end`. The lines are
    now looked through once per environment's name, and what is closed still converts."""
    unclosed = "\\begin{equation}\nx = 1\n\n" * 3000
    closed = "\\begin{equation}\ny = 2\n\\end{equation}\n\n\\begin{align}\na &= b\n\\end{align}\n"
    looked: list[str] = []
    real = latexenv._end_rows

    def counted(rows: list[str], walk: list[int], end_mark: str) -> list[int]:
        looked.append(end_mark)
        return real(rows, walk, end_mark)

    monkeypatch.setattr(latexenv, "_end_rows", counted)
    assert delimit_environments(unclosed) == unclosed
    assert looked == ["\\end{equation}"]
    looked.clear()
    assert delimit_environments(closed + unclosed) == (
        "$$\ny = 2\n$$\n\n$$\\begin{align}\na &= b\n\\end{align}$$\n" + unclosed
    )
    assert looked == ["\\end{equation}", "\\end{align}"]


def test_notes_with_no_bare_environment_are_not_copied() -> None:
    """`\\begin{aligned}` inside `$$` is no bare environment: the notes come back as the
    same text, not a copy of it (a copy of 8 MiB of notes held four bytes a character)."""
    notes = "## Q1: What is it?\n\n$$\n\\begin{aligned} a &= b \\end{aligned}\n$$\n\nSo — it is.\n"
    assert delimit_environments(notes) is notes
    bare = notes + "\n\\begin{equation}\nx = 1\n\\end{equation}\n"
    assert delimit_environments(bare).endswith("\n$$\nx = 1\n$$\n")
