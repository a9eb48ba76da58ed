"""The pack's own checker, registered under the `drillbit.checkers` entry point as `example`."""

from collections.abc import Callable, Mapping
from typing import Any

import numpy as np

from engine.checkers.base import Case, Checker, Outcome
from engine.checks import Tolerance, compare
from engine.verdict import CaseResult, CaseStatus


def reference_double(x: np.ndarray) -> np.ndarray:
    """The reference: twice the input, as a new array."""
    return 2.0 * x


class DoubleChecker(Checker):
    """`double(x)` returns 2x for arrays of any shape."""

    name = "example.double"
    entries = ("double",)

    def reference(self) -> Mapping[str, Callable[..., Any]]:
        return {"double": reference_double}

    def make_cases(self, rng: np.random.Generator, params: Mapping[str, Any]) -> list[Case]:
        shapes = [(1,), (3, 4), (int(rng.integers(2, 9)), 1)]
        cases = []
        for i, shape in enumerate(shapes, 1):
            x = rng.normal(size=shape)
            cases.append(Case(f"case {i}", {"fn": "double", "args": [x]}, f"x {shape}", {"x": x}))
        return cases

    def judge(self, case: Case, outcome: Outcome) -> CaseResult:
        if outcome.error is not None or outcome.outputs is None:
            return CaseResult(name=case.name, status=CaseStatus.ERROR, message=f"your code raised {outcome.error}")
        expected = reference_double(case.private["x"])
        return compare(case.name, "double(x)", outcome.outputs["out"], expected, Tolerance(rtol=1e-12), inputs=case.describe)


double = DoubleChecker
"""Cards name it `example.double`."""
