"""rel_error, tolerances and the messages a learner reads when a comparison fails."""

from __future__ import annotations

import numpy as np
import pytest

from engine.checkers.arch._common import unpack
from engine.checks import (
    CaseFailure,
    Judgement,
    Tolerance,
    compare,
    float32_digits,
    float32_only,
    fmt_pair,
    max_abs_error,
    missing_module_note,
    rel_error,
    scale_factor,
    size_as_dtype_note,
)
from engine.sandbox.wire import INT_RANGE
from engine.verdict import CaseStatus


def test_rel_error_is_the_cs231n_definition() -> None:
    x = np.array([1.0, 2.0, 0.0])
    y = np.array([1.0, 2.2, 0.0])
    assert rel_error(x, y) == pytest.approx(0.2 / 4.2)
    assert rel_error(np.zeros(3), np.zeros(3)) == 0.0
    # the 1e-8 floor keeps tiny values from dividing by ~0
    assert rel_error(np.array([0.0]), np.array([1e-12])) == pytest.approx(1e-4)
    assert max_abs_error(x, y) == pytest.approx(0.2)


def test_tolerance_passes_an_element_on_either_bound() -> None:
    tol = Tolerance(rtol=1e-9, atol=1e-12)
    got = np.array([1.0 + 1e-10, 1e-13, 5.0])
    expected = np.array([1.0, 0.0, 5.0])
    assert np.all(tol.violation(got, expected) <= 1.0)
    assert tol.violation(np.array([1.1]), np.array([1.0]))[0] > 1.0
    assert str(tol) == "rel error <= 1e-09 or abs error <= 1e-12 per element"


def test_compare_names_the_worst_element_expected_got_and_tolerance() -> None:
    expected = np.array([[0.1, 0.2], [0.0412, 0.3]])
    got = expected.copy()
    got[1, 0] = 0.1236
    result = compare("case 1", "dW1", got, expected, Tolerance(rtol=1e-7), inputs="X (2, 2)")
    assert result.status is CaseStatus.FAILED
    assert "at dW1[1, 0]: expected 0.0412, got 0.1236" in result.message
    assert "> 1e-07" in result.message
    assert result.expected == "0.0412" and result.got == "0.1236"
    assert result.tolerance == "rel error <= 1e-07 per element"
    assert result.max_rel_error == pytest.approx(rel_error(got, expected))
    assert result.inputs == "X (2, 2)"


def test_compare_passes_and_reports_errors() -> None:
    expected = np.linspace(0, 1, 6).reshape(2, 3)
    result = compare("c", "out", expected + 1e-15, expected, Tolerance(rtol=1e-9, atol=1e-12))
    assert result.status is CaseStatus.PASSED
    assert result.max_abs_error is not None and result.max_abs_error < 1e-14


@pytest.mark.parametrize(
    ("got", "phrase"),
    [
        (None, "did you forget to return it"),
        ([1.0, 2.0], "should be a numpy array, got a list (wrap it with np.array(...))"),
        (
            (np.ones((3, 1)), np.ones((3, 3))),
            "got a tuple of 2 items, the first of them the expected (3, 1) array: return that "
            "array alone, not a tuple",
        ),
        ((np.ones(1), np.ones(1), np.ones(1)), "got a tuple (wrap it with np.array(...))"),
        (0, "should be a numpy array, got an int"),
        (np.float64(0.5), "should be a numpy array, got a float64"),
        (np.ones((3,)), "has shape (3,); expected (3, 1) (keepdims=True"),
        (np.ones((1, 3, 1)), "has shape (1, 3, 1); expected (3, 1) (extra size-1 axes"),
        (
            np.ones((1, 3)),
            "has shape (1, 3); expected (3, 1) (its two sizes are swapped: 3 rows by 1 column",
        ),
        (np.ones((3, 1), dtype=np.float32), "has dtype float32; expected float64"),
        (np.ones((3, 1), dtype=bool), "has dtype bool; expected float64 (convert"),
        (
            np.full((3, 1), 2, dtype=np.int64),
            "expected float64: an integer array drops the fractions",
        ),
        (np.ones((3, 1), dtype=np.int64), "only 0s and 1s, as np.where(cond, 1, 0)"),
        (np.array([[1.0], [np.nan], [1.0]]), "db[1, 0] is NaN"),
        (np.array([[np.inf], [1.0], [-np.inf]]), "db[0, 0] is inf (2 non-finite values in db)"),
    ],
)
def test_type_shape_dtype_and_finiteness_messages(got: object, phrase: str) -> None:
    result = compare("c", "db", got, np.ones((3, 1)), Tolerance(rtol=1e-9), shape=(3, 1))
    assert result.status is CaseStatus.FAILED
    assert phrase in result.message


def test_a_non_finite_result_is_named_only_by_a_formula_non_finite_at_the_same_places() -> None:
    with np.errstate(invalid="ignore"):
        slip = np.sqrt(np.array([4.0, -1.0, 9.0]))  # [2, nan, 3]
    hints = [("sqrt of a negative", lambda: np.sqrt(np.array([4.0, -1.0, 9.0])))]

    def message(got: np.ndarray) -> str:
        def body(j: Judgement) -> None:
            j.array("x", got, (3,), nonfinite=hints, tol=Tolerance(rtol=1e-9))

        return Judgement("c", "").run(body).message

    assert message(slip).startswith("sqrt of a negative: x[1] is NaN (1 non-finite value in x)")
    # NaN elsewhere, inf in its place, or a finite value off: another cause, not named
    assert message(np.array([np.nan, 1.0, 3.0])).startswith("x[0] is NaN")
    assert message(np.array([2.0, np.inf, 3.0])).startswith("x[1] is inf")
    assert message(np.array([2.0, np.nan, 3.5])).startswith("x[1] is NaN")


def test_a_known_mistake_and_a_scale_factor_are_named() -> None:
    expected = np.array([1.0, -2.0, 3.0])

    def check(got: np.ndarray) -> str:
        def body(j: Judgement) -> None:
            j.close(
                "dW",
                got,
                expected,
                Tolerance(rtol=1e-9),
                hints=[("you used z >= 0", expected + np.array([0.0, 0.0, 1.0]))],
                factors=[(8.0, "did you forget the 1/m?")],
            )

        return Judgement("c", "").run(body).message

    assert check(expected * 8).startswith(
        "dW is off by a factor of about 8: did you forget the 1/m?"
    )
    assert check(expected * 3).startswith("dW is off by a factor of about 3:")
    assert check(expected + np.array([0.0, 0.0, 1.0])).startswith("you used z >= 0: max rel error")
    assert check(expected + np.array([0.5, 0.0, 0.0])).startswith("max rel error")


def test_scale_factor_only_for_a_consistent_ratio() -> None:
    e = np.array([1.0, 2.0, 3.0])
    tol = Tolerance(rtol=1e-9)
    assert scale_factor(2 * e, e, tol) == pytest.approx(2.0)
    assert scale_factor(e + np.array([0, 0, 1.0]), e, tol) is None
    assert scale_factor(e, e, tol) is None
    assert scale_factor(e, np.zeros(3), tol) is None


def test_scale_factor_of_values_near_1e300_does_not_overflow() -> None:
    """The sums of squares overflowed (a RuntimeWarning, an error under these tests) for a
    loss near 1e300, which the stability drills' cases past long double's exp give."""
    tol = Tolerance(rtol=1e-9, atol=0.0)
    e = np.array([1e300, -5e299, 3e298])
    assert scale_factor(0.5 * e, e, tol) == pytest.approx(0.5)
    assert scale_factor(e, e, tol) is None
    assert scale_factor(np.full(3, np.inf), e, tol) is None


def test_fmt_pair_shows_enough_digits_to_differ() -> None:
    assert fmt_pair(1.5, 2.5) == ("1.5", "2.5")
    assert fmt_pair(0.4911681234, 0.4911679999) == ("0.491168123", "0.491168")
    e, g = fmt_pair(0.4911681234, 0.4911681111)
    assert e != g and len(e) <= 14


def test_scalar_accepts_numbers_and_size_one_arrays_only() -> None:
    def run(value: object) -> str:
        def body(j: Judgement) -> None:
            j.scalar("loss", value)

        return Judgement("c", "").run(body).message

    assert run(1.5) == "" and run(np.float64(2.0)) == "" and run(np.array([[3.0]])) == ""
    assert "should be a single number" in run(np.ones(3))
    assert "should be a number, got a str" in run("1.0")
    assert "should be a number, got a bool" in run(True)
    assert "is nan" in run(float("nan"))


def test_a_float32_scalar_fails_as_a_float32_array_does() -> None:
    """A loss or rate in float32 (a number, a 0-d or a size-1 array) is named by its dtype,
    as a float32 array is, and not read as a Python float that passes a loose tolerance."""

    def run(value: object) -> str:
        def body(j: Judgement) -> None:
            j.scalar("the loss", value)

        return Judgement("c", "").run(body).message

    for value in (np.float32(0.5), np.array(0.5, dtype=np.float32), np.ones((1, 1), np.float16)):
        message = run(value)
        assert message.startswith(f"the loss is a {value.dtype} number; expected float64"), message
    if np.dtype(np.longdouble) != np.float64:  # a wider type on most Linux machines
        assert f"is a {np.dtype(np.longdouble)} number" in run(np.longdouble(0.5))
    assert run(np.array(0.5)) == "" and run(np.int64(3)) == "" and run(2) == ""


@pytest.mark.skipif(
    np.dtype(np.longdouble) == np.float64, reason="np.longdouble is plain float64 on this machine"
)
def test_a_longdouble_result_is_not_said_to_keep_fewer_digits() -> None:
    """np.longdouble (float128 on x86 Linux) keeps more digits than float64: the message said
    it "keeps fewer digits". It still fails (the contract is float64, and longdouble is float64
    on Windows and Apple silicon), with that reason, as a number and as an array."""
    wide = np.dtype(np.longdouble)

    def run(value: object, check: str) -> str:
        def body(j: Judgement) -> None:
            getattr(j, check)("the loss", value)

        return Judgement("c", "").run(body).message

    for value, check in (
        (np.longdouble(0.5), "scalar"),
        (np.array([[0.5]], dtype=wide), "scalar"),
        (np.ones(3, dtype=wide), "array"),
    ):
        message = run(value, check)
        assert "fewer digits" not in message, message
        assert f"{wide} is np.longdouble, which keeps more digits than float64" in message
        assert "plain float64 on others" in message
    assert "float32 keeps about 7 significant digits" in run(np.float32(0.5), "scalar")


def test_every_int_the_wire_carries_is_a_number_to_scalar() -> None:
    """The wire refuses ints past 64 bits (tests/engine/test_verdict_agreement.py reads that
    verdict), so the ints `scalar` sees all fit a float64: its words for an int of hundreds of
    digits could reach no one and are gone. The wire's extremes and a plain int pass."""

    def run(value: object) -> str:
        def body(j: Judgement) -> None:
            j.scalar("the loss", value)

        return Judgement("c", "").run(body).message

    low, high = INT_RANGE
    assert run(high) == "" and run(low) == "" and run(3) == ""


def test_a_scalar_gets_no_scale_hint_but_an_array_does() -> None:
    """Any wrong number is "a factor of about k" of the expected one: that explains nothing."""
    tol = Tolerance(rtol=1e-8)
    loss = compare("c", "loss", np.float64(3.7e98), np.float64(0.693), tol)
    assert loss.status is CaseStatus.FAILED and "off by a factor" not in loss.message
    one = compare("c", "loss", np.array([[1.386]]), np.array([[0.693]]), tol)
    assert "off by a factor" not in one.message
    grads = compare("c", "dz", np.array([0.5, -1.0, 2.0]), np.array([0.1, -0.2, 0.4]), tol)
    assert "dz is off by a factor of about 5" in grads.message


def test_the_closing_error_line_comes_only_with_a_value_mismatch() -> None:
    """After values that matched, a shape (or any other) failure carries no error figures."""

    def shape_after_a_match(j: Judgement) -> None:
        j.close("out", np.ones(3), np.ones(3), Tolerance(rtol=1e-9))
        j.array("dX", np.ones((2, 3)), (3, 2))

    result = Judgement("c", "").run(shape_after_a_match)
    assert result.status is CaseStatus.FAILED and "two sizes are swapped" in result.message
    assert result.max_abs_error is None and result.max_rel_error is None
    assert result.tolerance is None

    def values_after_a_match(j: Judgement) -> None:
        j.close("out", np.ones(3), np.ones(3), Tolerance(rtol=1e-9))
        j.close("dX", np.full(3, 2.0), np.ones(3), Tolerance(rtol=1e-9))

    mismatch = Judgement("c", "").run(values_after_a_match)
    assert mismatch.max_abs_error == 1.0 and mismatch.tolerance is not None


def test_missing_module_note_only_for_pythons_own_message() -> None:
    python = "ModuleNotFoundError: No module named 'scipy.special'\n  line 1, in <module>"
    assert "standard library only, so scipy is not available" in missing_module_note(python)
    refused = "ModuleNotFoundError: No module named 'subprocess': the sandbox does not provide it"
    assert missing_module_note(refused) == ""
    assert missing_module_note("ValueError: shapes (3,) and (4,) not aligned") == ""


def test_a_shape_given_as_two_arguments_gets_a_note() -> None:
    try:
        np.zeros(3, 4)  # type: ignore[call-overload]
    except TypeError as raised:
        error = f"TypeError: {raised}\n  line 6, in sinusoidal_encoding: "
    note = size_as_dtype_note(error)
    assert "np.zeros(T, 4) (or np.ones, np.empty) reads its second argument as the dtype" in note
    assert "np.zeros((T, 4))" in note
    assert size_as_dtype_note("TypeError: Cannot interpret 'float64x' as a data type") == ""
    assert size_as_dtype_note("ValueError: shapes (3,) and (4,) not aligned") == ""


def test_a_result_computed_in_float32_and_cast_back_is_named() -> None:
    angles = np.random.default_rng(4).uniform(0, 500, size=(40, 8))
    expected = np.sin(angles)
    # the same angles in float32 all the way, then cast: every value is a float32 number
    in_float32 = np.sin(angles.astype(np.float32)).astype(np.float64)
    assert float32_only(in_float32, expected) and not float32_only(expected, expected)
    result = compare("c", "PE", in_float32, expected, Tolerance(rtol=1e-9, atol=1e-12))
    assert result.status is CaseStatus.FAILED
    assert "matches in float32 precision only" in result.message
    assert "every value of PE is a float32 number" in result.message


def test_a_float32_step_inside_a_float64_result_is_named() -> None:
    """A float32 intermediate scaled in float64 afterwards leaves float64 values that agree to
    about 7 digits, off in both directions: float32_only cannot see it, float32_digits does."""
    rng = np.random.default_rng(5)
    x_hat = rng.normal(size=(6, 9))
    gamma, beta = rng.uniform(0.5, 2.0, size=(6, 1)), rng.normal(size=(6, 1))
    expected = gamma * x_hat + beta
    mixed = gamma * x_hat.astype(np.float32).astype(np.float64) + beta
    assert not float32_only(mixed, expected)
    assert float32_digits(mixed, expected) and not float32_digits(expected, expected)
    result = compare("c", "out", mixed, expected, Tolerance(rtol=1e-9, atol=1e-12))
    assert "out agrees with the expected values to about 7 digits only" in result.message
    # a tiny factor, a tiny offset or far off: another cause, not named float32
    assert not float32_digits(expected * (1 + 1e-7), expected)
    assert not float32_digits(expected + 1e-7, expected)
    assert not float32_digits(expected + rng.normal(size=expected.shape) * 1e-3, expected)


def test_float32_is_not_claimed_without_float32_values_or_when_far() -> None:
    tol = Tolerance(rtol=1e-9)
    expected = np.linspace(0.1, 0.9, 12)
    near_in_float64 = expected * (1 + 1e-7)  # close, but float64 values: another cause
    assert "float32" not in compare("c", "y", near_in_float64, expected, tol).message
    far_float32 = (expected * 1.5).astype(np.float32).astype(np.float64)  # a float32 slip and more
    assert "float32" not in compare("c", "y", far_float32, expected, tol).message
    whole = np.arange(12.0)  # float32 numbers themselves: the values cannot tell
    assert "float32" not in compare("c", "y", whole + 0.5, whole, tol).message


def test_a_transposed_square_result_is_named() -> None:
    expected = np.arange(9.0).reshape(3, 3) ** 1.5
    result = compare("c", "dW", expected.T.copy(), expected, Tolerance(rtol=1e-9))
    assert "dW is transposed: rows and columns are swapped" in result.message
    other = compare("c", "dW", expected[::-1].copy(), expected, Tolerance(rtol=1e-9))
    assert "transposed" not in other.message


@pytest.mark.parametrize(
    ("returned", "got"),
    [(np.zeros((2, 2)), "got a float64 array"), (np.zeros(2, np.int64), "got an int64 array")],
)
def test_a_single_array_for_a_tuple_is_named_with_its_article(returned: object, got: str) -> None:
    """An architectures drill that returns one array where it returns a tuple said 'got a
    ndarray'; the numpy checks said 'got a int'."""
    with pytest.raises(CaseFailure) as failure:
        unpack(Judgement("c", ""), "conv2d_backward", returned, ("dx", "dw", "db"))
    assert str(failure.value).endswith(f"should return a tuple (dx, dw, db), {got}")


def test_a_wrong_step_from_a_large_start_is_not_called_float32() -> None:
    """An optimizer's theta is large next to its step: a step off by 10% moved theta by
    about 1e-7 of its size, which the float32 test took for float32 rounding of theta. Judged
    on the move (moved_from), only a step that is itself float32-rounded is named float32."""
    rng = np.random.default_rng(3)
    theta = rng.normal(size=(4, 5))
    tiny, usual = 1e-7 * rng.normal(size=(4, 5)), 1e-2 * rng.normal(size=(4, 5))
    wrong_step = theta - tiny * rng.uniform(1.05, 1.15, size=(4, 5))
    float32_step = theta - usual.astype(np.float32).astype(np.float64)
    tol = Tolerance(rtol=1e-12, atol=1e-15)

    def message(got: np.ndarray, expected: np.ndarray) -> str:
        def body(j: Judgement) -> None:
            j.close("theta", got, expected, tol, moved_from=theta)

        return Judgement("c", "").run(body).message

    assert float32_digits(wrong_step, theta - tiny)  # what misled the message before
    assert message(wrong_step, theta - tiny).startswith("max rel error")
    assert "to about 7 digits only, the precision of float32" in message(
        float32_step, theta - usual
    )
