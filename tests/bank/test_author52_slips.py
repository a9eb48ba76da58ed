"""Slips a new bank author made in a scratch bank that lint missed or told badly
(fifty-second round): a section written in a heading's wrong form inside another, a
missing section told without where it goes, a card saved as `.txt`, a folder without its
pack.yaml told at the folder and again at each card, a code fence's misspelt language, a
`\\frac` missing its argument, a Markdown link to another card file, and a front matter
closed by `--`."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.bank.edits import edit, line_of, told

RELU = Path("mini") / "basics" / "what-is-relu.md"


@pytest.mark.parametrize("written", ["##Answer", "### Answer", "**Answer**", "#Answer"])
def test_a_section_heading_in_the_wrong_form_inside_a_section_is_told_at_its_line(
    mini_bank: Path, written: str
) -> None:
    """`##Answer` (no space) is text inside '## Question' to Markdown: lint said only
    "missing section '## Answer'" at the body's first line, not which line to fix."""
    card = mini_bank / RELU
    edit(card, "## Answer", written)
    assert told(mini_bank) == [
        (
            "what-is-relu.md",
            line_of(card, written),
            "missing-section",
            f"'{written}' is not a section heading: a section starts with '## ', write '## Answer'",
        )
    ]


def test_a_heading_form_inside_a_code_block_is_not_taken_for_the_section(
    mini_bank: Path,
) -> None:
    """A `# Answer` comment in code is code: the section is missing, and lint says where
    it goes."""
    card = mini_bank / RELU
    text = card.read_text(encoding="utf-8")
    edit(card, "## Answer\n", "```python\n# Answer\n```\n")
    question = text.splitlines().index("## Question") + 1
    [(name, _, code, message)] = told(mini_bank)
    assert (name, code) == ("what-is-relu.md", "missing-section")
    assert message == (
        f"missing section '## Answer': add it after the '## Question' section (line {question})"
    )


def test_a_missing_first_section_is_told_before_the_next(mini_bank: Path) -> None:
    card = mini_bank / RELU
    edit(card, "## Question\n\nWhat does ReLU compute, and what is its derivative?\n\n", "")
    answer = line_of(card, "## Answer")
    [(_, _, code, message)] = told(mini_bank)
    assert (code, message) == (
        "missing-section",
        f"missing section '## Question': add it before '## Answer' (line {answer})",
    )
