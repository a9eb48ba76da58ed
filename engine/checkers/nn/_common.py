"""What every neural-network checker shares: the judge prelude and message helpers."""

from __future__ import annotations

import re
from abc import abstractmethod
from collections.abc import Mapping, Sequence
from typing import Any, ClassVar

from engine.checkers.base import Case, Checker, Outcome
from engine.checkers.nn._square import swapped_axes_cause
from engine.checks import (
    FALSE_FAILURE_RATE,
    Judgement,
    math_module_note,
    missing_module_note,
    not_written_message,
    size_as_dtype_note,
)
from engine.verdict import CaseResult, CaseStatus

__all__ = ["FP_EVENTS", "NNChecker", "call_inputs", "stat_note"]

FP_EVENTS = ("overflow", "divide by zero", "invalid value")
"""Floating-point events that fail a stability drill (underflow to 0 is expected and fine)."""


def call_inputs(fn: str, *args: Any) -> dict[str, Any]:
    """Inputs for the default `call` harness: positional arguments, so parameter names are free."""
    return {"fn": fn, "args": list(args)}


def stat_note(rate: float = FALSE_FAILURE_RATE) -> str:
    """The sentence every statistical failure ends with."""
    return f"(a correct answer fails this check with probability below {rate:.0e} per grading)"


_ARG_PATH = re.compile(r"^args\[(\d+)\](.*)$")
_WRONG_ARITY = re.compile(
    r"^TypeError: (\w+)\(\) (?:missing \d+ required positional|takes \d+ positional|"
    r"takes from \d+ to \d+ positional)"
)


class NNChecker(Checker):
    """Errors, mutated inputs and FP warnings first, then the drill's own `check`."""

    copy_hint: ClassVar[str] = "work on a copy (e.g. z = z.copy()) or build a new array"
    fp_hint: ClassVar[str] = ""
    """Drill-specific advice appended to a floating-point warning failure."""

    @abstractmethod
    def check(self, case: Case, outputs: dict[str, Any], j: Judgement) -> None:
        """The drill's checks on the harness's outputs; raise through `j` at the first problem."""

    def input_name(self, case: Case, path: str) -> str:
        """'args[0]' -> 'z' using the entry's signature; other paths are already names."""
        match = _ARG_PATH.match(path)
        fn = case.inputs.get("fn")
        if match and isinstance(fn, str):
            params = self.signatures().get(fn, ())
            i = int(match.group(1))
            if i < len(params):
                return params[i] + match.group(2)
        return path

    def mutated_message(self, case: Case, names: tuple[str, ...], outputs: Any = None) -> str:
        """Why changing an input in place fails the case (`outputs`, the harness's result,
        can tell how it was changed)."""
        shown = [self.input_name(case, n) for n in names]
        if len(shown) == 1:
            what, them = f"input {shown[0]}", "it"
        else:
            what, them = f"inputs {', '.join(shown[:-1])} and {shown[-1]}", "them"
        return (
            f"your code changed its {what} in place; the caller still needs {them}, "
            f"so {self.copy_hint}"
        )

    def fp_cause(self, case: Case, outputs: Any, events: Sequence[str] = ()) -> str | None:
        """A drill-specific mistake that explains the floating-point warnings of this case
        better than the generic stability message (None: use that message). `events` are
        the warnings numpy reported (FP_EVENTS), for a cause that only one of them fits."""
        return None

    def fp_note(self, case: Case) -> str | None:
        """A line added to the generic stability message for this case's inputs (None: no
        line), e.g. the inputs a wider float type cannot exponentiate either."""
        return None

    def error_cause(self, case: Case, error: str) -> str | None:
        """A known mistake of this drill that makes the code raise `error` on this case (None:
        none fits). The case then fails with the mistake's name instead of ending as an error,
        so one raising case does not hide what the other cases already named."""
        return None

    def call_note(self, error: str) -> str:
        """A sentence for Python's own complaint that an entry was called with the wrong
        number of arguments: every case said only that, not which parameters it takes."""
        match = _WRONG_ARITY.match(error)
        parameters = self.signatures().get(match.group(1)) if match else None
        if match is None or parameters is None:
            return ""
        call = f"{match.group(1)}({', '.join(parameters)})"
        return f"the drill's function is `{call}`, as the starter declares it: keep its parameters"

    def judge(self, case: Case, outcome: Outcome) -> CaseResult:
        """The common prelude, then `check` (with `prepare` run first, here)."""
        return self.judge_prepared(case, outcome, self.prepare(case))

    def judge_prepared(self, case: Case, outcome: Outcome, prepared: Any) -> CaseResult:
        """The common prelude, then `check`, which finds `prepared` as `j.prepared`."""
        if outcome.error is not None:
            unwritten = not_written_message(outcome.error)
            if unwritten is not None:  # the starter's raise: no traceback for a drill not begun
                return CaseResult(
                    name=case.name, status=CaseStatus.ERROR, message=unwritten, inputs=case.describe
                )
            cause = self.error_cause(case, outcome.error)
            problem = cause
            if cause is None:
                swapped = swapped_axes_cause(
                    case.inputs, case.name, outcome.error, lambda path: self.input_name(case, path)
                )
                if swapped is not None:
                    cause, problem = swapped
            if cause is not None:
                return CaseResult(
                    name=case.name,
                    status=CaseStatus.FAILED,
                    message=f"{cause}\nyour code raised {outcome.error}",
                    inputs=case.describe,
                    problem=problem,  # the raised error's shapes and line differ case by case
                )
            return CaseResult(
                name=case.name,
                status=CaseStatus.ERROR,
                message=f"your code raised {outcome.error}"
                + "".join(
                    f"\n{note}"
                    for note in (
                        missing_module_note(outcome.error),
                        math_module_note(outcome.error),
                        size_as_dtype_note(outcome.error),
                        self.call_note(outcome.error),
                    )
                    if note
                ),
                inputs=case.describe,
            )
        outputs = outcome.outputs

        def body(j: Judgement) -> None:
            if outcome.mutated:
                j.fail(self.mutated_message(case, outcome.mutated, outputs))
            if self.fp_strict:
                events = [e for e in outcome.fp_warnings if e in FP_EVENTS]
                if events:
                    cause = self.fp_cause(case, outputs, events)
                    note = self.fp_note(case)
                    if cause is not None:
                        j.fail(
                            f"{cause} (numpy reported {' and '.join(events)} during the call)"
                            + (f"\n{note}" if note else ""),
                            problem=cause,
                        )
                    generic = (
                        f"numpy reported {' and '.join(events)} during the call; this drill is "
                        "about numerical stability, so nothing may overflow, divide by zero or "
                        "turn invalid (inf/inf, 0/0, 0 * inf), even for large inputs"
                        + (f": {self.fp_hint}" if self.fp_hint else "")
                    )
                    # the note names this case's inputs; the problem stays the generic one,
                    # so a case failing as an earlier one did is told "same problem"
                    j.fail(
                        f"{generic}\n{note}" if note else generic, problem=generic if note else None
                    )
            if not isinstance(outputs, Mapping):
                j.fail("the grader got no result from this case", status=CaseStatus.ERROR)
            returned_none = self.returned_none(case, outputs)
            if returned_none is not None:
                j.fail(returned_none, status=CaseStatus.INVALID)
            self.check(case, dict(outputs), j)
            self.check_last(dict(outputs), j)

        return Judgement(case.name, case.describe, prepared).run(body)

    def check_last(self, outputs: dict[str, Any], j: Judgement) -> None:
        """A check of a lesser mistake, made once the values are right (none by default):
        a wrong value says more than how the right one was returned."""
