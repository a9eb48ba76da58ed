"""What a first-time author meets, each told once with its fix: a concept card's
`## Answer` written in a choice card, an `order:` entry that names no card, and an id
another card has (CONTRIBUTING.md's example card, copied as it is, has a bundled card's)."""

from __future__ import annotations

from pathlib import Path

from tests.bank.edits import edit, told


def test_another_kinds_section_is_one_problem_with_the_section_to_write(
    mini_bank: Path,
) -> None:
    """It was two: `## Answer` unknown, and `## Explanation` missing."""
    card = mini_bank / "mini" / "basics" / "dropout-inference.md"
    edit(card, "## Explanation", "## Answer")
    [(name, _, code, message)] = told(mini_bank)
    assert (name, code) == ("dropout-inference.md", "unknown-section")
    assert message == (
        "unknown section '## Answer' for a choice card (did you mean '## Explanation'?); "
        "expected Question, Explanation"
    )


def test_two_unknown_sections_are_not_guessed_at(mini_bank: Path) -> None:
    card = mini_bank / "mini" / "basics" / "dropout-inference.md"
    edit(card, "## Explanation", "## Answer\n\nA.\n\n## Notes")
    codes = sorted(code for _, _, code, _ in told(mini_bank))
    assert codes == ["missing-section", "unknown-section", "unknown-section"]


def test_an_order_entry_naming_no_card_says_what_to_write(mini_bank: Path) -> None:
    pack = mini_bank / "mini" / "pack.yaml"
    with pack.open("a", encoding="utf-8") as file:
        file.write("order:\n  - what-is-relu\n  - sigmoid-bnd\n  - no-such-card\n")
    assert told(mini_bank) == [
        (
            "pack.yaml",
            6,
            "pack",
            "order: 'sigmoid-bnd' is not a card of this pack (did you mean 'sigmoid-bound'?)",
        ),
        (
            "pack.yaml",
            7,
            "pack",
            "order: 'no-such-card' is not a card of this pack: write the id of one of its "
            "cards, or delete the line",
        ),
    ]


def test_an_id_taken_says_the_card_is_left_out_and_what_to_do(mini_bank: Path) -> None:
    second = mini_bank / "mini" / "other"
    second.mkdir()
    relu = (mini_bank / "mini" / "basics" / "what-is-relu.md").read_text(encoding="utf-8")
    (second / "what-is-relu.md").write_text(relu.replace("topic: basics", "topic: other"))
    [(name, line, code, message)] = told(mini_bank)
    assert (name, line, code) == ("what-is-relu.md", 2, "duplicate-id")
    assert message.endswith(
        ": this card is not loaded; give it an id of its own (the file's name too)"
    )
