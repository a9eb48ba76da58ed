"""A typed number is echoed in the person's notation; the card's answer without `:g`'s noise."""

from __future__ import annotations

import pytest

from quiz.bank.models import NumericFront, Tolerance
from quiz.bank.numbers import format_number, parse_number, typed_echo


@pytest.mark.parametrize(
    ("typed", "echoed"),
    [
        ("1e-6", "1e-6"),  # `:g` said 1e-06
        ("  1E-6\n", "1E-6"),
        ("0.000001", "0.000001"),  # `:g` said 1e-06 here too
        ("-3", "-3"),
        (".5", ".5"),
        ("1e6", "1e6"),  # `:g` said 1e+06
        ("25%", "25% (= 0.25)"),
        ("1/4", "1/4 (= 0.25)"),
        ("2**-3", "2**-3 (= 0.125)"),
        ("0.5^10", "0.5^10 (≈ 0.000976562)"),
        ("1e-6*2", "1e-6*2 (= 2e-6)"),
        ("1,000", "1,000 (= 1000)"),
        ("1,5", "1,5 (= 15)"),  # a decimal comma is read as a thousands one: say so
    ],
)
def test_the_echo_keeps_what_was_typed(typed: str, echoed: str) -> None:
    assert typed_echo(typed, parse_number(typed)) == echoed


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        (1048576.0, "1048576"),  # `:g` said 1.04858e+06 (with a tolerance of ± 0.5)
        (16384000.0, "16384000"),
        (1e-6, "1e-6"),
        (3e-5, "3e-5"),
        (9.5367431640625e-7, "9.5367431640625e-7"),
        (0.25, "0.25"),
    ],
)
def test_numbers_are_shown_as_written(value: float, shown: str) -> None:
    assert format_number(value) == shown


def _front(answer: float, absolute: float, unit: str | None = None) -> NumericFront:
    return NumericFront(
        id="n",
        title="n",
        topic="t",
        difficulty=1,
        source="tests",
        answer=answer,
        tolerance=Tolerance(absolute=absolute),
        unit=unit,
    )


def test_the_expected_answer_and_its_tolerance_are_written_out() -> None:
    front = _front(0.9999, 1e-6)
    assert front.check_numeric(0.99991).expected == "0.9999 ± 1e-6"
    weights = _front(1048576.0, 0.5, "weights")
    result = weights.check_numeric(parse_number("2**20"))
    assert result.correct and result.expected == "1048576 ± 0.5 weights"
