"""Which id lint guesses for a `related` id no card has.

Written for the forty-fifth round's mutation audit of quiz/bank/loader.py (775-798,
`_meant`): its tests held a renamed id (words added) and an id like no card, so a guess
by spelling alone, the card's own id guessed, and the worst of two guesses taken all
passed.
The forty-seventh round decided the three left: a ratio of exactly 0.8 (`>=` made `>`) and
the other packs' fallback (`!=` made `==`, `and` made `or`) each needed a bank of their own.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from quiz.bank.lint import lint
from tests.bank.edits import edit

BASICS = Path("mini", "basics")


def _related_said(root: Path, related: str) -> str:
    edit(root / BASICS / "what-is-relu.md", "related: [sigmoid-bound]", f"related: [{related}]")
    return _only_unknown_related(root)


def _only_unknown_related(root: Path) -> str:
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


def test_an_id_exactly_as_near_as_the_limit_is_guessed(mini_bank: Path) -> None:
    """difflib matches 10 characters of 'what-is-range' and 'what-is-relu' ('what-is-r', an
    'e'), of their 25: a ratio of exactly 0.8, which "at least 0.8" takes. Asked of another
    card, as a card's own id is never guessed."""
    edit(
        mini_bank / BASICS / "sigmoid-bound.md",
        "tags: [activations, sigmoid]",
        "tags: [activations, sigmoid]\nrelated: [what-is-range]",
    )
    assert _only_unknown_related(mini_bank) == (
        "related id 'what-is-range' does not exist in the bank (did you mean 'what-is-relu'?)"
    )


def _second_pack(root: Path) -> None:
    """A pack `other` beside `mini`, its one card `batch-norm-axis` near no id of mini's."""
    card = root / "other" / "basics" / "batch-norm-axis.md"
    card.parent.mkdir(parents=True)
    (root / "other" / "pack.yaml").write_text(
        "title: Other\ndescription: A second pack.\nversion: 0.1.0\n", encoding="utf-8"
    )
    shutil.copyfile(root / BASICS / "dropout-inference.md", card)
    edit(card, "id: dropout-inference", "id: batch-norm-axis")
    edit(card, "title: Inverted dropout at inference", "title: The axis batch norm averages over")


def test_with_no_guess_in_its_own_pack_another_packs_id_is_guessed(mini_bank: Path) -> None:
    _second_pack(mini_bank)
    assert _related_said(mini_bank, "batch-norm-axes") == (
        "related id 'batch-norm-axes' does not exist in the bank (did you mean 'batch-norm-axis'?)"
    )


def test_another_packs_id_that_is_not_near_is_not_guessed(mini_bank: Path) -> None:
    """Another pack's cards are guessed from only when near, as the card's own pack's are."""
    _second_pack(mini_bank)
    assert _related_said(mini_bank, "attention-heads") == (
        "related id 'attention-heads' does not exist in the bank"
    )
