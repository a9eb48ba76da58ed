"""An author renames a card (its file and its id): the cards whose `related` names the old
id are told at their line with the new one, as `pack.yaml`'s `order` entry already was
("related id 'sigmoid-bound' does not exist in the bank" named no way on)."""

from __future__ import annotations

from pathlib import Path

from quiz.bank.lint import lint
from tests.bank.edits import edit

BASICS = Path("mini", "basics")


def _told(root: Path) -> list[tuple[str, int, str, str]]:
    _, problems = lint([root], run_drills=False)
    return [(p.path.name, p.line, p.code, p.message) for p in problems if p.is_error]


def test_a_related_id_of_a_renamed_card_names_the_new_id(mini_bank: Path) -> None:
    old = mini_bank / BASICS / "sigmoid-bound.md"
    edit(old, "id: sigmoid-bound", "id: sigmoid-derivative-bound")
    old.rename(old.with_name("sigmoid-derivative-bound.md"))
    assert _told(mini_bank) == [
        (
            "what-is-relu.md",
            9,
            "unknown-related",
            "related id 'sigmoid-bound' does not exist in the bank"
            " (did you mean 'sigmoid-derivative-bound'?)",
        )
    ]


def test_a_related_id_like_no_card_gets_no_guess(mini_bank: Path) -> None:
    edit(mini_bank / BASICS / "what-is-relu.md", "related: [sigmoid-bound]", "related: [zzz-qqq]")
    assert _told(mini_bank) == [
        (
            "what-is-relu.md",
            9,
            "unknown-related",
            "related id 'zzz-qqq' does not exist in the bank",
        )
    ]
