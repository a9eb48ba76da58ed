"""A test-only drill, `double(x) -> 2 * x`, graded with the default `call` harness."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, ClassVar

import numpy as np

from engine.checkers import get_checker
from engine.checkers.base import Case, Checker, Outcome
from engine.verdict import CaseResult, CaseStatus


def _double(x: np.ndarray) -> np.ndarray:
    return 2 * x


class DoubleChecker(Checker):
    """double(x): every case must come back as exactly 2 * x, same shape, finite."""

    name: ClassVar[str] = "tests.double"
    entries: ClassVar[tuple[str, ...]] = ("double",)
    timeout_s: ClassVar[float] = 1.0

    def reference(self) -> Mapping[str, Callable[..., Any]]:
        return {"double": _double}

    def make_cases(self, rng: np.random.Generator, params: Mapping[str, Any]) -> list[Case]:
        cases = []
        for i in range(int(params.get("n", 4))):
            shape = (int(rng.integers(1, 5)), int(rng.integers(1, 5)))
            x = rng.standard_normal(shape)
            cases.append(
                Case(
                    name=f"case {i + 1}",
                    inputs={"fn": "double", "args": [x]},
                    describe=f"x of shape {shape}",
                    private={"expected": 2 * x},
                )
            )
        return cases

    def judge(self, case: Case, outcome: Outcome) -> CaseResult:
        def result(status: CaseStatus, message: str = "", err: float | None = None) -> CaseResult:
            return CaseResult(
                name=case.name,
                status=status,
                message=message,
                inputs=case.describe,
                max_abs_error=err,
            )

        if outcome.error is not None:
            return result(CaseStatus.ERROR, outcome.error)
        assert outcome.outputs is not None
        returned_none = self.returned_none(case, outcome.outputs)
        if returned_none is not None:
            return result(CaseStatus.INVALID, returned_none)
        got = outcome.outputs.get("out")
        expected = case.private["expected"]
        if not isinstance(got, np.ndarray):
            return result(CaseStatus.INVALID, f"expected an array, got {type(got).__name__}")
        if got.shape != expected.shape:
            return result(
                CaseStatus.FAILED, f"wrong shape: expected {expected.shape}, got {got.shape}"
            )
        if not np.all(np.isfinite(got)):
            return result(CaseStatus.FAILED, "the result contains NaN or inf")
        err = float(np.max(np.abs(got - expected)))
        if err > 1e-12:
            return result(CaseStatus.FAILED, f"wrong values (max abs error {err:.3g})", err)
        return result(CaseStatus.PASSED, err=err)


class SlowDoubleChecker(DoubleChecker):
    """The same drill with the default 5 s wall clock, to let the CPU limit fire first."""

    timeout_s: ClassVar[float] = 5.0


class PatientDoubleChecker(DoubleChecker):
    """A wall clock long enough that the CPU hard limit (3 s) always fires first, even on a busy
    CI box: for gradings whose point is not the deadline. It was 9 s, and at a load average
    of 17 on the 2-core machine loading numpy and writing 62 MiB of output took longer (the
    output test came back TIMEOUT, "loading your code did not finish within 9 s")."""

    timeout_s: ClassVar[float] = 60.0


class PatientInitializers(type(get_checker("nn.init.initializers"))):  # type: ignore[misc]
    """The seeded harness's drill under a wall clock a busy machine does not reach."""

    timeout_s: ClassVar[float] = 60.0


class PatientDropout(type(get_checker("nn.dropout.dropout"))):  # type: ignore[misc]
    """The dropout harness's drill, as patient."""

    timeout_s: ClassVar[float] = 60.0


class CpuBoundDoubleChecker(DoubleChecker):
    """For tests that must end on the CPU limit: 3 s of CPU took 9.3 s of wall time at a load
    average of 9 on this 2-core machine, so the wall clock is far out of the way."""

    timeout_s: ClassVar[float] = 60.0


class PatientSigmoid(type(get_checker("nn.activations.sigmoid"))):  # type: ignore[misc]
    """The sigmoid drill under a wall clock a busy machine does not reach, for tests that look
    for a refusal or a failed case, which a timeout (its 5 s, at a load average past 10) hid."""

    timeout_s: ClassVar[float] = 60.0


def _scaled(step: int, params: dict[str, np.ndarray]) -> float:
    return float(step * params["w"].sum())


class ScaledStepsChecker(Checker):
    """scaled(step, params) -> step * sum(params["w"]), called once per step of a case (the
    `steps` harness): a drill whose calls share one caller's dict, as an optimizer's do."""

    name: ClassVar[str] = "tests.scaled_steps"
    entries: ClassVar[tuple[str, ...]] = ("scaled",)
    harness: ClassVar[str] = "steps"
    timeout_s: ClassVar[float] = 60.0

    def reference(self) -> Mapping[str, Callable[..., Any]]:
        return {"scaled": _scaled}

    def make_cases(self, rng: np.random.Generator, params: Mapping[str, Any]) -> list[Case]:
        cases = []
        for i in range(3):
            w = rng.standard_normal(int(rng.integers(2, 5)))
            steps = [1, 2, 3]
            cases.append(
                Case(
                    name=f"case {i + 1}",
                    inputs={"fn": "scaled", "steps": steps, "args": [{"w": w}]},
                    describe=f"w of {w.size} values, steps {steps}",
                    private={"expected": [float(s * w.sum()) for s in steps]},
                )
            )
        return cases

    def judge(self, case: Case, outcome: Outcome) -> CaseResult:
        def result(status: CaseStatus, message: str = "") -> CaseResult:
            return CaseResult(name=case.name, status=status, message=message, inputs=case.describe)

        if outcome.error is not None:
            return result(CaseStatus.ERROR, outcome.error)
        if outcome.mutated:
            return result(CaseStatus.FAILED, f"changed its input {', '.join(outcome.mutated)}")
        assert outcome.outputs is not None
        got = outcome.outputs.get("out")
        if not isinstance(got, list) or not np.allclose(got, case.private["expected"]):
            return result(CaseStatus.FAILED, f"wrong values: {got!r}")
        return result(CaseStatus.PASSED)
