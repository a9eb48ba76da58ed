"""One mistake, one problem: a card whose id is not its file name does not load, and the
`related` and `order` entries that name the id it writes are not problems of their own."""

from __future__ import annotations

from pathlib import Path

from quiz.bank.lint import lint

BASICS = Path("mini") / "basics"


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_an_id_that_is_not_the_file_name_is_one_problem(mini_bank: Path) -> None:
    """`sigmoid-bound.md` with `id: sigmoid-bounds`, named as `sigmoid-bounds` by another
    card's `related` and by the pack's `order`: lint said id-file-name at the card, and
    unknown-related and an order problem besides, three problems for one slip."""
    card = mini_bank / BASICS / "sigmoid-bound.md"
    _edit(card, "id: sigmoid-bound\n", "id: sigmoid-bounds\n")
    _edit(
        mini_bank / BASICS / "what-is-relu.md",
        "related: [sigmoid-bound]",
        "related: [sigmoid-bounds]",
    )
    with (mini_bank / "mini" / "pack.yaml").open("a", encoding="utf-8") as pack:
        pack.write("order: [sigmoid-bounds, what-is-relu]\n")
    bank, problems = lint([mini_bank])
    assert [(p.path, p.code) for p in problems] == [(card, "id-file-name")]
    assert card in bank.broken_files


def test_an_unknown_related_id_beside_a_broken_card_is_still_reported(mini_bank: Path) -> None:
    """Only the ids the card that does not load answers to are passed: another unknown id
    in the same `related` list is still its own problem, and so is an unknown order entry."""
    card = mini_bank / BASICS / "sigmoid-bound.md"
    relu = mini_bank / BASICS / "what-is-relu.md"
    _edit(card, "id: sigmoid-bound\n", "id: sigmoid-bounds\n")
    _edit(relu, "related: [sigmoid-bound]", "related: [sigmoid-bounds, no-such-card]")
    with (mini_bank / "mini" / "pack.yaml").open("a", encoding="utf-8") as pack:
        pack.write("order: [sigmoid-bounds, no-such-card]\n")
    _bank, problems = lint([mini_bank])
    found = [(p.path.name, p.code, p.message) for p in problems]
    assert [(name, code) for name, code, _ in found] == [
        ("sigmoid-bound.md", "id-file-name"),
        ("what-is-relu.md", "unknown-related"),
        ("pack.yaml", "pack"),
    ]
    assert "'no-such-card'" in found[1][2] and "'no-such-card'" in found[2][2]
