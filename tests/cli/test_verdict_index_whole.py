"""A failing case's place, `theta[0, 0]`, stays on one line of `drillbit grade`'s verdict
at any width: folded at the space after the comma, a narrow terminal showed "theta[0," on
one line and "0]" on the next (ux48's walk at 80x24)."""

from __future__ import annotations

import re

import pytest

from engine.verdict import CaseResult, CaseStatus, Verdict, build_verdict
from quiz.verdict_text import format_verdict

PLACES = ("theta[0, 0]", "W1[2, 3]", "grads['dW1'][0, 1]")


def _failing(place: str) -> Verdict:
    """A value mismatch worded as the checks word it, at `place`."""
    message = (
        f"the step went uphill: max rel error 3.0e-01 > 1e-09 at {place}: expected 0.5, got 0.2"
    )
    results = [
        CaseResult(name="case 1: one parameter", status=CaseStatus.PASSED),
        CaseResult(
            name="case 2: a small network",
            status=CaseStatus.FAILED,
            message=message,
            expected="0.5",
            got="0.2",
        ),
        CaseResult(name="case 3: a bigger one", status=CaseStatus.FAILED, message=message),
    ]
    return build_verdict("nn.optim.sgd_step", results, seed=7, duration_ms=3, isolation=[])


@pytest.mark.parametrize("place", PLACES)
def test_a_place_is_never_cut_at_its_comma(place: str) -> None:
    verdict = _failing(place)
    cut = re.compile(r"\[[^\]]*,$")  # a line that ends inside an index, after its comma
    said = format_verdict(verdict, drill="sgd_step", width=None).count(place)
    assert said == 1, "the first problem's block says it; case 3's row says 'same problem'"
    for width in range(24, 101):
        lines = format_verdict(verdict, drill="sgd_step", width=width).splitlines()
        assert not [line for line in lines if cut.search(line)], (width, lines)
        assert sum(line.count(place) for line in lines) == said, (width, lines)


def test_the_place_still_fits_and_a_pipe_gets_its_line_whole() -> None:
    """Kept whole, the place moves to the next line; it never runs past the width."""
    verdict = _failing("grads['dW1'][0, 1]")
    for width in range(30, 101):
        lines = format_verdict(verdict, drill="sgd_step", width=width).splitlines()
        problem = lines[lines.index(next(line for line in lines if "First problem" in line)) :]
        shown = problem[: next(n for n, line in enumerate(problem) if not line)]
        assert max(len(line) for line in shown) <= width, (width, shown)
    whole = format_verdict(verdict, drill="sgd_step", width=None).splitlines()
    assert any(line.endswith("at grads['dW1'][0, 1]") for line in whole), whole


def test_a_value_list_still_folds_as_text() -> None:
    """Only a name's subscript is kept whole: `expected: [1, 2, ...]` folds at its spaces."""
    values = ", ".join(str(n) for n in range(40))
    case = CaseResult(
        name="case 1: a list",
        status=CaseStatus.FAILED,
        message="wrong order",
        expected=f"[{values}]",
        got="[]",
    )
    verdict = build_verdict("x", [case], seed=1, duration_ms=1, isolation=[])
    lines = format_verdict(verdict, drill="x", width=40).splitlines()
    assert any(line.startswith("  expected: [0, 1,") for line in lines), lines
