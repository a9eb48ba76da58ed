"""A verdict as plain text for the terminal (`drillbit grade`, `drillbit watch`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from engine.outcome import CaseStatus, Status
from quiz.plural import counted

if TYPE_CHECKING:  # the models (pydantic) come with a verdict: the drill screen imports this
    from engine.verdict import CaseResult, Verdict

_MARK = {
    CaseStatus.PASSED: "ok  ",
    CaseStatus.FAILED: "FAIL",
    CaseStatus.ERROR: "ERR ",
    CaseStatus.INVALID: "BAD ",
    CaseStatus.TIMEOUT: "TIME",
    CaseStatus.NOT_RUN: " -- ",
}

_HEADLINE = {
    Status.PASSED: "PASSED",
    Status.FAILED: "FAILED",
    Status.ERROR: "ERROR",
    Status.TIMEOUT: "TIMEOUT",
    Status.CRASHED: "CRASHED",
    Status.INVALID: "INVALID RETURN",
    Status.INTERNAL: "GRADER PROBLEM (not your code)",
}


def _explain(case: CaseResult) -> list[str]:
    lines = [f"First problem: {case.name}"]
    if case.inputs:
        lines.append(f"  inputs:   {case.inputs}")
    if case.message:
        lines.extend(f"  {line}" for line in case.message.splitlines())
    if case.expected is not None or case.got is not None:
        lines.append(f"  expected: {case.expected}")
        lines.append(f"  got:      {case.got}")
    if case.max_abs_error is not None or case.max_rel_error is not None:
        errors = []
        if case.max_abs_error is not None:
            errors.append(f"max abs error {case.max_abs_error:.3g}")
        if case.max_rel_error is not None:
            errors.append(f"max rel error {case.max_rel_error:.3g}")
        tolerance = f" (tolerance {case.tolerance})" if case.tolerance else ""
        lines.append(f"  {', '.join(errors)}{tolerance}")
    return lines


def none_ran(cases: int) -> str:
    """'none of the 12 cases ran' ('the one case did not run'): the verdict view and the
    watch report's words when the code did not load."""
    return "the one case did not run" if cases == 1 else f"none of the {cases} cases ran"


def isolation_warnings(verdict: Verdict) -> list[str]:
    """'WARNING: ...' lines for what the sandbox could not protect on this run (e.g. your files)."""
    return [
        f"WARNING: {layer.partition(':')[2].strip()}"
        for layer in verdict.isolation
        if layer.startswith("warning:")
    ]


def _active(layers: list[str]) -> list[str]:
    """The names of the layers that were active (the list also says which were not, and why)."""
    return [
        name
        for name, _, text in (layer.partition(":") for layer in layers)
        if name not in ("warning", "note") and not text.strip().startswith(("not ", "NOT "))
    ]


def format_verdict(verdict: Verdict, *, verbose: bool = False) -> str:
    """Headline, the cases, the first failure explained, output, case seed and isolation."""
    lines = [f"{_HEADLINE[verdict.status]}  {verdict.drill}: {verdict.summary}"]
    if verdict.cases:
        shown = verdict.cases if verbose or verdict.passed else verdict.cases[:25]
        for case in shown:
            detail = (
                ""
                if case.status is CaseStatus.PASSED
                else f"  {case.message.splitlines()[0] if case.message else ''}"
            )
            lines.append(f"  [{_MARK[case.status]}] {case.name}{detail}")
        if len(shown) < len(verdict.cases):
            lines.append(f"  ... {counted(len(verdict.cases) - len(shown), 'more case')}")
    if verdict.first_failure is not None:
        lines.append("")
        lines.extend(_explain(verdict.first_failure))
    for name, text in (("stdout", verdict.stdout), ("stderr", verdict.stderr)):
        if text.strip():
            lines.append("")
            lines.append(f"Your {name}:")
            lines.extend(f"  {line}" for line in text.rstrip().splitlines()[-20:])
    lines.append("")
    lines.extend(isolation_warnings(verdict))
    lines.append(
        f"case seed {verdict.seed} (replay with --case-seed {verdict.seed}) · {verdict.duration_ms:.0f} ms · "
        f"isolation: {', '.join(_active(verdict.isolation)) or 'none'}"
    )
    return "\n".join(lines)
