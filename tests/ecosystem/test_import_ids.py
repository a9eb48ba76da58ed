"""Imported cards' ids keep their formulas, code and symbols as words, and a card imported
under the rule before (formulas left out) keeps its id when its notes are imported again."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import quiz.ecosystem.cardids as cardids
import quiz.ecosystem.importer as importer
import quiz.ecosystem.planjobs as planjobs
from quiz.bank import parallel
from quiz.bank.models import KEBAB
from quiz.ecosystem.cardids import MAX_ID_CHARS, card_id_for, legacy_card_id_for
from quiz.ecosystem.idwords import id_words, latex_words
from quiz.ecosystem.importer import plan_import, write_plan
from tests.conftest import linux_only
from tests.ecosystem.test_import_notes import run_import

SIGMA = "What is the derivative of $\\sigma(x)$?"
TANH = "What is the derivative of $\\tanh(x)$?"


def test_ids_keep_the_math_as_words() -> None:
    assert card_id_for(SIGMA) == "derivative-sigma-x"
    assert card_id_for(TANH) == "derivative-tanh-x"
    assert card_id_for("Why does σ saturate?") == "sigma-saturate"
    assert card_id_for("What is $x^2$ here?") == "x2-here"
    assert card_id_for("Simplify $\\frac{a}{b}$ when $b = 1$") == "simplify-a-b-when-b-1"
    assert card_id_for("What does \\(\\nabla_\\theta L\\) mean?") == "nabla-theta-l-mean"
    assert card_id_for("Why is $\\frac{\\partial L}{\\partial w}$ zero?") == (
        "partial-l-partial-w-zero"
    )
    assert card_id_for("What does `torch.no_grad()` do?") == "torch-no-grad"
    # A formula's letters are never dropped as filler words ("a", "in", "is").
    assert card_id_for("When is $x \\in A$ true?") == "when-x-in-a-true"
    # A formula the terminal cannot show is read from its LaTeX.
    assert card_id_for("How to invert $\\begin{pmatrix} a & b \\\\ c & d \\end{pmatrix}$?") == (
        "invert-a-b-c-d"
    )


def test_titles_without_math_keep_their_ids() -> None:
    for title in (
        "Why is ReLU preferred over sigmoid?",
        "Qu'est-ce que l'entropie croisée ?",
        "What’s the trade-off between bias and variance?",
        "What is it?",
    ):
        assert card_id_for(title) == legacy_card_id_for(title)
    assert legacy_card_id_for(SIGMA) == legacy_card_id_for(TANH) == "what-is-the-derivative-of"


def test_symbols_become_the_names_of_their_macros() -> None:
    assert id_words("σ(x) ≤ ∞ → ∂L/∂w") == ["sigma", "x", "le", "infty", "to", "partial", "l"] + [
        "partial",
        "w",
    ]
    assert id_words("φ √d ½ x² xᵢ β₁ naïve ﬁne") == (
        "phi sqrt d 1 2 x2 xi beta 1 naive fine".split()
    )
    assert id_words("bias–variance 🙂 日本") == ["bias", "variance"]
    # A script joins its word; the other script, or the line after one, starts a word.
    assert id_words("∑ᵢ₌₁ⁿ xᵢ²  Wᵀx") == ["sum", "i", "1", "n", "xi", "2", "wt", "x"]
    assert latex_words("\\frac{\\sigma}{\\log x}") == ["sigma", "log", "x"]


_PIECES = st.one_of(
    st.text(max_size=12),
    st.sampled_from(
        ["$\\sigma(x)$", "$x^2$", "$\\frac{a}{b}$", "σ", "`np.dot`", "$\\nabla$", "$", "\\"]
    ),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=8))
def test_ids_stay_kebab_case_and_short(pieces: list[str]) -> None:
    title = " ".join(pieces)
    made = card_id_for(title)
    assert made == "" or re.match(KEBAB, made), made
    assert len(made) <= MAX_ID_CHARS
    assert card_id_for(title) == made  # the same title, the same id


_NOTES = f"""\
# Activations

## {SIGMA}

It is $\\sigma(x)(1 - \\sigma(x))$. It peaks at a quarter when x is zero. It vanishes for large inputs.

## {TANH}

It is $1 - \\tanh^2(x)$. It peaks at one when x is zero. It vanishes for large inputs too.

## Why does σ saturate?

For large inputs the output is flat. The gradient goes to zero there. Learning slows down.
"""

_NEW_QUESTIONS = """
## What is the derivative of?

A question with no formula left in it. Its id is all words. It comes after the others.

## What is the derivative of $\\mathrm{ReLU}(x)$?

It is one for positive inputs. It is zero for negative inputs. At zero it is set by convention.
"""


def _import_as_before(notes: Path, content: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Import the notes as the importer did before ids kept their formulas."""
    with monkeypatch.context() as patch:
        patch.setattr(cardids, "card_id_for", cardids.legacy_card_id_for)
        result = run_import(str(notes), "--pack", "act", "--into", str(content))
    assert result.exit_code == 0, result.output


def test_a_re_import_keeps_the_ids_cards_were_imported_with(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    notes = tmp_path / "act.md"
    notes.write_text(_NOTES, encoding="utf-8")
    content = tmp_path / "content"
    _import_as_before(notes, content, monkeypatch)
    folder = content / "act" / "act"
    before = {path.name: path.read_bytes() for path in folder.glob("*.md")}
    assert sorted(before) == [
        "what-is-the-derivative-of-2.md",
        "what-is-the-derivative-of.md",
        "why-does-saturate.md",
    ]

    again = run_import(str(notes), "--pack", "act", "--into", str(content))
    assert again.exit_code == 0, again.output
    assert "nothing new: 3 questions seen, 0 cards written, 3 unchanged" in again.output
    assert {path.name: path.read_bytes() for path in folder.glob("*.md")} == before

    # New questions get the new ids; the one whose new id is an old card's takes -2.
    notes.write_text(_NOTES + _NEW_QUESTIONS, encoding="utf-8")
    more = run_import(str(notes), "--pack", "act", "--into", str(content))
    assert more.exit_code == 0, more.output
    assert sorted(path.name for path in folder.glob("*.md")) == sorted(
        [*before, "what-is-the-derivative-of-3.md", "derivative-relu-x.md"]
    )
    # An edited answer of an old card is refused under its old id (not written beside it),
    # and --force writes it there.
    notes.write_text(_NOTES.replace("It vanishes for large inputs too.", "It is even."))
    edited = run_import(str(notes), "--pack", "act", "--into", str(content))
    assert edited.exit_code == 1
    assert "what-is-the-derivative-of-2.md already exists" in edited.output
    forced = run_import(str(notes), "--pack", "act", "--into", str(content), "--force")
    assert forced.exit_code == 0, forced.output
    assert "It is even." in (folder / "what-is-the-derivative-of-2.md").read_text()
    assert not (folder / "derivative-tanh-x.md").exists()


def test_a_new_question_never_takes_a_kept_id(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A question before an old card whose new id is that card's old one gets -2."""
    notes = tmp_path / "act.md"
    notes.write_text(_NOTES, encoding="utf-8")
    content = tmp_path / "content"
    _import_as_before(notes, content, monkeypatch)
    first, rest = _NOTES.split("## What is the derivative of $\\sigma", 1)
    notes.write_text(
        first + _NEW_QUESTIONS.split("\n## What is the derivative of $")[0].strip() + "\n\n"
        "## What is the derivative of $\\sigma" + rest,
        encoding="utf-8",
    )
    result = run_import(str(notes), "--pack", "act", "--into", str(content))
    assert f"what-is-the-derivative-of-3.md  ← {notes}:3 What is the derivative of?" in (
        result.output
    )
    # The old cards are matched under their old ids: only their numbers in `source`
    # moved on, which are renumbered (not refused, not duplicated).
    assert result.exit_code == 0, result.output
    assert "1 card written, 3 renumbered" in result.output
    assert f"what-is-the-derivative-of.md  ← {notes}:7 What is the derivative of $\\sigma" in (
        result.output
    )
    assert len(list((content / "act" / "act").glob("*.md"))) == 4


@pytest.mark.parametrize("fork", [False, pytest.param(True, marks=linux_only)])
def test_kept_ids_are_the_same_when_planned_split(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fork: bool
) -> None:
    notes = tmp_path / "act.md"
    # the titles thrice (ids -2, -3), each copy's answers its own: a note repeated word for
    # word is one card (import52)
    copies = (
        "\n".join(
            row + f" This is copy {n}." if row.endswith(".") else row for row in _NOTES.split("\n")
        )
        for n in range(3)
    )
    notes.write_text("".join(copies) + _NEW_QUESTIONS, encoding="utf-8")
    content = tmp_path / "content"
    with monkeypatch.context() as patch:
        patch.setattr(cardids, "card_id_for", cardids.legacy_card_id_for)
        first = plan_import(notes, content_dir=content, pack="act")
        write_plan(first)
    folder = content / "act" / "act"
    taken = {path.stem: path for path in folder.glob("*.md")}
    assert len(taken) == len(first.cards) == 11

    def ids(split: bool) -> list[str]:
        with monkeypatch.context() as patch:
            patch.setattr(planjobs, "SPLIT_MIN_QUESTIONS", 1)
            patch.setattr(parallel, "can_fork", lambda: fork)
            patch.setattr(importer, "split_pays", lambda questions: split)
            plan = plan_import(notes, content_dir=content, pack="act", taken_ids=taken)
        assert plan.cards == ()
        return [card.card_id for card in plan.unchanged]

    assert ids(split=False) == ids(split=True) == [card.card_id for card in first.cards]


def test_norms_read_as_said() -> None:
    """`‖w‖₂²` gave `w-2-2`: its bars parted words and each script was a word."""
    assert card_id_for("What is the gradient of ‖w‖₂²?") == "gradient-w-l2-norm-squared"
    assert card_id_for("Why is $\\|w\\|_2^2$ a penalty?") == "w-l2-norm-squared-penalty"
    assert card_id_for("What does $\\lVert W \\rVert_F$ measure?") == "w-frobenius-norm-measure"
    assert id_words("‖x−y‖₁") == ["x", "y", "l1", "norm"]
    assert id_words("‖x‖_∞ and ‖A‖_*") == ["x", "linf", "norm", "and", "a", "nuclear", "norm"]
    assert id_words("‖w‖²") == ["w", "norm", "squared"]
    assert id_words("a ‖ b") == ["a", "b"]  # one bar is no norm
    # scripts on a letter join it, as before
    assert id_words("x² + xᵢ") == ["x2", "xi"]


_NORM_NOTES = """\
## What is the gradient of ‖w‖₂²?

It is twice the weights, 2w. It grows with the weights. It shrinks them in gradient descent.

## Why does ‖x‖₁ give sparse solutions?

Its corners lie on the axes. The optimum often lands on one. So some weights are exactly zero.
"""


def test_a_card_imported_before_norms_were_read_keeps_its_id(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    notes = tmp_path / "reg.md"
    notes.write_text(_NORM_NOTES, encoding="utf-8")
    content = tmp_path / "content"
    with monkeypatch.context() as patch:
        before_norms = cardids.card_id_for

        def as_before(title: str, *, norms: bool = True) -> str:
            return before_norms(title, norms=False)

        patch.setattr(cardids, "card_id_for", as_before)
        first = run_import(str(notes), "--pack", "reg", "--into", str(content))
    assert first.exit_code == 0, first.output
    folder = content / "reg" / "reg"
    names = sorted(path.name for path in folder.glob("*.md"))
    assert names == ["gradient-w-2-2.md", "x-1-give-sparse-solutions.md"]
    again = run_import(str(notes), "--pack", "reg", "--into", str(content))
    assert again.exit_code == 0, again.output
    assert "nothing new: 2 questions seen, 0 cards written, 2 unchanged" in again.output
    assert sorted(path.name for path in folder.glob("*.md")) == names
    # a new question gets the id read as said
    notes.write_text(
        _NORM_NOTES + "\n## Why square ‖w‖₂?\n\nThe square is smooth at zero. Its gradient is "
        "linear. It is cheap to compute.\n",
        encoding="utf-8",
    )
    third = run_import(str(notes), "--pack", "reg", "--into", str(content))
    assert third.exit_code == 0, third.output
    assert (folder / "square-w-l2-norm.md").is_file()
