"""Slips a bank author made in a scratch bank that lint passed or told in pydantic's words
(fifty-first round): an infinite or not-a-number tolerance, YAML's `.nan` and `.inf` where
a number goes, a code block left open in a card's last section, and a `kind` misspelt."""

from __future__ import annotations

from pathlib import Path

import pytest

from quiz.bank.loader import load_bank
from tests.bank.edits import edit, line_of
from tests.bank.edits import told as _problems


@pytest.mark.parametrize("bound", [".inf", ".nan", ".NaN", "-.inf"])
@pytest.mark.parametrize("kind", ["absolute", "relative"])
def test_a_tolerance_that_is_no_finite_number_is_refused(
    mini_bank: Path, kind: str, bound: str
) -> None:
    """`{absolute: .inf}` took every typed number as right, and lint passed it."""
    card = mini_bank / "mini" / "basics" / "sigmoid-bound.md"
    edit(card, "tolerance: {absolute: 0.001}", f"tolerance: {{{kind}: {bound}}}")
    [(name, line, code, message)] = _problems(mini_bank)
    assert (name, line, code) == (
        "sigmoid-bound.md",
        line_of(card, f"tolerance: {{{kind}: {bound}}}"),
        "bad-value",
    )
    assert message.startswith(f"tolerance.{kind}: ")
    assert "is not a finite number (YAML reads .inf, .nan as infinity, not a number)" in message
    assert "Input should" not in message
    bank = load_bank([mini_bank])  # the app does not load it either: no card takes all
    assert "sigmoid-bound" not in {card.id for card in bank.cards}
    assert len(bank.cards) == 2


@pytest.mark.parametrize(
    ("key", "old", "example"),
    [
        ("answer", "answer: 0.25", "e.g. answer: 0.25"),
        ("difficulty", "difficulty: 2", "e.g. difficulty: 2"),
    ],
)
@pytest.mark.parametrize("written", [".nan", ".inf"])
def test_yaml_s_nan_or_inf_where_a_number_goes_says_what_to_write(
    mini_bank: Path, key: str, old: str, example: str, written: str
) -> None:
    """`answer: .nan` was told "answer: Input should be a finite number"."""
    card = mini_bank / "mini" / "basics" / "sigmoid-bound.md"
    edit(card, old, f"{key}: {written}")
    [(name, line, code, message)] = _problems(mini_bank)
    assert (name, line, code) == (
        "sigmoid-bound.md",
        line_of(card, f"{key}: {written}"),
        "bad-value",
    )
    shown = "nan" if written == ".nan" else "inf"
    assert message.startswith(f"{key}: {shown} is not a finite number (YAML reads .inf, .nan")
    assert message.endswith(example)


def test_a_finite_tolerance_still_loads(mini_bank: Path) -> None:
    """The refusal is of infinity and not-a-number only: a wide finite one is the author's."""
    card = mini_bank / "mini" / "basics" / "sigmoid-bound.md"
    edit(card, "tolerance: {absolute: 0.001}", "tolerance: {relative: 1.0e3}")
    assert _problems(mini_bank) == []
