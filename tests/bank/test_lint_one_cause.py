"""One mistake, one problem: a card whose id is not its file name does not load, and the
`related` and `order` entries that name the id it writes are not problems of their own."""

from __future__ import annotations

from pathlib import Path

import pytest

from quiz.bank.lint import lint
from tests.bank.edits import edit

BASICS = Path("mini") / "basics"


def test_an_id_that_is_not_the_file_name_is_one_problem(mini_bank: Path) -> None:
    """`sigmoid-bound.md` with `id: sigmoid-bounds`, named as `sigmoid-bounds` by another
    card's `related` and by the pack's `order`: lint said id-file-name at the card, and
    unknown-related and an order problem besides, three problems for one slip."""
    card = mini_bank / BASICS / "sigmoid-bound.md"
    edit(card, "id: sigmoid-bound\n", "id: sigmoid-bounds\n", count=1)
    edit(
        mini_bank / BASICS / "what-is-relu.md",
        "related: [sigmoid-bound]",
        "related: [sigmoid-bounds]",
        count=1,
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
    edit(card, "id: sigmoid-bound\n", "id: sigmoid-bounds\n", count=1)
    edit(relu, "related: [sigmoid-bound]", "related: [sigmoid-bounds, no-such-card]", count=1)
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


def _card_problems(root: Path, old: str, new: str) -> list[tuple[int, str, str]]:
    path = root / BASICS / "what-is-relu.md"
    edit(path, old, new, count=1)
    return [(p.line, p.code, p.message) for p in lint([root])[1] if p.path == path]


def test_a_misspelled_section_is_one_problem_not_also_a_missing_one(mini_bank: Path) -> None:
    """`## Answr` was its did-you-mean and, again, "missing section '## Answer'"."""
    assert _card_problems(mini_bank, "## Answer\n", "## Answr\n") == [
        (
            20,
            "unknown-section",
            "unknown section '## Answr' for a concept card (did you mean '## Answer'?); "
            "expected Question, Answer",
        )
    ]


@pytest.mark.parametrize("written", ["# Question", "### Question", "**Question**", "question:"])
def test_a_section_heading_in_the_wrong_form_names_the_heading_to_write(
    mini_bank: Path, written: str
) -> None:
    """`# Question` (one `#`, as a Markdown title) was "text before the first '## '
    section is never shown" and "missing section '## Question'": two problems, neither
    saying to write `## Question`."""
    assert _card_problems(mini_bank, "## Question", written) == [
        (
            16,
            "stray-text",
            f"'{written}' is not a section heading: a section starts with '## ', write "
            "'## Question'",
        )
    ]


def test_text_before_the_first_section_is_still_told_as_never_shown(mini_bank: Path) -> None:
    found = _card_problems(mini_bank, "## Question", "Question\n\n## Question")
    assert found == [(16, "stray-text", "text before the first '## ' section is never shown")]
