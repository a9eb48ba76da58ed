"""A paragraph indented by a tab or four spaces after a blank line is an indented code
block to Markdown: the card showed it as code, unrendered, and lint said nothing (found
authoring a pack as a newcomer, forty-first round). It is lint's `indented-code` warning."""

from __future__ import annotations

from pathlib import Path

import pytest

from quiz.bank.lint import lint

RELU = Path("mini", "basics", "what-is-relu.md")
ANSWER = "$\\text{ReLU}(z) = \\max(0, z)$"


def _told(mini_bank: Path, old: str, new: str) -> list[tuple[int, int, str, bool]]:
    card = mini_bank / RELU
    text = card.read_text(encoding="utf-8")
    assert old in text
    card.write_text(text.replace(old, new), encoding="utf-8")
    _, problems = lint([mini_bank], run_drills=False)
    return [(p.line, p.col, p.code, p.is_error) for p in problems if p.path == card]


@pytest.mark.parametrize("indent", ["\t", "    "])
def test_an_indented_paragraph_is_warned_of_at_its_line(mini_bank: Path, indent: str) -> None:
    lines = (mini_bank / RELU).read_text(encoding="utf-8").splitlines()
    line = next(n for n, text in enumerate(lines, 1) if text.startswith(ANSWER))
    assert _told(mini_bank, ANSWER, indent + ANSWER) == [(line, 1, "indented-code", False)]


@pytest.mark.parametrize(
    "new",
    [
        "Its formula:\n\n```text\n" + ANSWER + "\n```",  # fenced code is what the bank writes
        "- a point\n\n    " + ANSWER,  # a list item's second paragraph, not code
        "  " + ANSWER,  # two spaces: still a paragraph
    ],
)
def test_fenced_code_and_list_paragraphs_are_fine(mini_bank: Path, new: str) -> None:
    assert _told(mini_bank, ANSWER, new) == []
