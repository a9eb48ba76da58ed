"""Which id lint guesses for a `related` id no card has.

Written for the forty-fifth round's mutation audit of quiz/bank/loader.py (775-798,
`_meant`): its tests held a renamed id (words added) and an id like no card, so a guess
by spelling alone, the card's own id guessed, and the worst of two guesses taken all
passed.
"""

from __future__ import annotations

from pathlib import Path

from quiz.bank.lint import lint
from tests.bank.edits import edit

BASICS = Path("mini", "basics")


def _related_said(root: Path, related: str) -> str:
    edit(root / BASICS / "what-is-relu.md", "related: [sigmoid-bound]", f"related: [{related}]")
    _, problems = lint([root], run_drills=False)
    said = [p.message for p in problems if p.code == "unknown-related"]
    assert len(said) == 1, said
    return said[0]


def test_a_misspelt_id_is_guessed_by_its_spelling(mini_bank: Path) -> None:
    assert _related_said(mini_bank, "sigmoid-bond") == (
        "related id 'sigmoid-bond' does not exist in the bank (did you mean 'sigmoid-bound'?)"
    )


def test_the_cards_own_id_is_never_the_guess(mini_bank: Path) -> None:
    """'what-is' is words dropped from the card's own id, and of no other card's."""
    assert _related_said(mini_bank, "what-is") == (
        "related id 'what-is' does not exist in the bank"
    )


def test_of_two_guesses_the_closer_is_named(mini_bank: Path) -> None:
    """'sigmoid-bounds' is near 'sigmoid-bound' (a letter) and 'sigmoid' (a word dropped)."""
    bound = mini_bank / BASICS / "sigmoid-bound.md"
    shorter = bound.with_name("sigmoid.md")
    shorter.write_text(bound.read_text(encoding="utf-8"), encoding="utf-8")
    edit(shorter, "id: sigmoid-bound", "id: sigmoid")
    assert _related_said(mini_bank, "sigmoid-bounds") == (
        "related id 'sigmoid-bounds' does not exist in the bank (did you mean 'sigmoid-bound'?)"
    )
