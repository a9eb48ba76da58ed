"""A typed number is echoed in the person's notation; the card's answer without `:g`'s noise."""

from __future__ import annotations

import math
import re

import pytest

from quiz.bank.models import Tolerance
from quiz.bank.numbers import format_number, parse_number, typed_echo
from tests.fronts import numeric_front


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
        ("√128", "√128 (≈ 11.3137)"),
        ("ln 2", "ln 2 (≈ 0.693147)"),
        ("10^6", "10^6 (= 1e6)"),  # a power's value in the power's notation
        ("2^40", "2^40 (≈ 1.09951e12)"),
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
        (1e15, "1000000000000000"),  # whole numbers are written out up to 16 digits
        (1e16, "1e16"),  # and from there in powers of ten, not as 17 digits
    ],
)
def test_numbers_are_shown_as_written(value: float, shown: str) -> None:
    assert format_number(value) == shown


@pytest.mark.parametrize(
    ("typed", "value"),
    [
        ("sqrt(128)", math.sqrt(128)),
        ("√128", math.sqrt(128)),
        ("8√2", 8 * math.sqrt(2)),  # a factor before a root multiplies it
        ("8 sqrt(2)", 8 * math.sqrt(2)),
        ("√(6/384)", 0.125),
        ("√2^2", 2.0),  # the root takes the power after it
        ("0.001*0.1/sqrt(0.001)", 0.1 * math.sqrt(0.001)),
        ("ln 2", math.log(2)),
        ("-ln(0.5)", math.log(2)),
        ("log(2)", math.log(2)),  # log is the natural log, as in the cards' losses
        ("Ln 2", math.log(2)),
        ("SQRT(4)", 2.0),
    ],
)
def test_roots_and_natural_logs_are_read(typed: str, value: float) -> None:
    assert math.isclose(parse_number(typed), value, rel_tol=1e-15)


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("sqrt(-1)", "sqrt of -1 has no real, finite value"),
        ("ln 0", "ln of 0 has no real, finite value"),
        ("log(-2)", "log of -2 has no real, finite value"),
        ("√", "the input ends too early"),
        ("log10(2)", "'(' is out of place"),  # ln(10) then a stray parenthesis, not log10
        ("sqrtx", "'x' is not part of"),
    ],
)
def test_a_root_or_log_without_a_real_value_is_refused_plainly(typed: str, message: str) -> None:
    with pytest.raises(ValueError, match=re.escape(message)):
        parse_number(typed)


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("", "type a number such as 0.25, 1e-3, 25%, 1/4 or 0.5^10"),
        ("  \n", "type a number such as 0.25, 1e-3, 25%, 1/4 or 0.5^10"),
        ("1e400", "type a finite number"),  # float() reads it as inf, no error of its own
        ("-1e400", "type a finite number"),
        ("1/0", "division by zero"),
        (
            "3 apples and 2 pears",
            "'apples and 2' is not part of a number such as 0.25, 1e-3, 25%, 1/4 or 0.5^10",
        ),
        ("2/(1-1)", "division by zero"),
        ("*2", "'*' cannot start a number: type a number such as 0.25, 1e-3, 25%, 1/4 or 0.5^10"),
    ],
)
def test_an_empty_box_a_stray_operator_or_a_number_past_float_is_refused_in_so_many_words(
    typed: str, message: str
) -> None:
    """The whole message, and a ValueError, which the number box shows: mutants under which
    an empty box said "the input ends too early", '*2' said Python's "could not convert
    string to float" and 1e400 was judged as infinity all passed the earlier tests."""
    with pytest.raises(ValueError) as refused:
        parse_number(typed)
    assert str(refused.value) == message


@pytest.mark.parametrize(("typed", "value"), [("+0.25", 0.25), ("2*+3", 6.0), ("-+2", -2.0)])
def test_a_plus_sign_before_a_number_is_read(typed: str, value: float) -> None:
    assert parse_number(typed) == value


def test_the_expected_answer_and_its_tolerance_are_written_out() -> None:
    front = numeric_front(0.9999, Tolerance(absolute=1e-6))
    assert front.check_numeric(0.99991).expected == "0.9999 ± 1e-6"
    weights = numeric_front(1048576.0, Tolerance(absolute=0.5), "weights")
    result = weights.check_numeric(parse_number("2**20"))
    assert result.correct and result.expected == "1048576 ± 0.5 weights"
