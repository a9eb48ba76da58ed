"""An entry written with the drill's parameters in another order, said beside its failures.

The grader calls each entry by position, in the order the starter declares: an
`embedding_forward(ids, W)` got the table as its ids and failed with numpy's "arrays used as
indices must be of integer (or boolean) type", which named neither parameter. The order is
read from the source text with `ast` (nothing of it runs here), and the note is added to the
verdict both graders build, so the sandbox and the in-process grader say the same.
"""

from __future__ import annotations

import ast

from engine.checkers.base import Checker
from engine.source import without_bom
from engine.verdict import LOADING, CaseResult, CaseStatus, Verdict, first_problem, summarize

_NOTED = (CaseStatus.FAILED, CaseStatus.ERROR, CaseStatus.INVALID)


def order_notes(checker: Checker, source: str) -> list[str]:
    """A sentence for each top-level entry whose positional parameters are the reference's
    names in another order (none when the file does not parse: loading says why)."""
    try:
        tree = ast.parse(without_bom(source))
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return []
    wanted = checker.signatures()
    notes = []
    for node in tree.body:
        if not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) or node.name not in wanted:
            continue
        written = [a.arg for a in (*node.args.posonlyargs, *node.args.args)]
        expected = list(wanted[node.name])
        if written != expected and sorted(written) == sorted(expected):
            notes.append(
                f"{node.name} takes ({', '.join(written)}): the drill's parameters in another"
                f" order; the grader passes them by position, as {node.name}"
                f"({', '.join(expected)}), so keep the starter's order"
            )
    return notes


def with_order_notes(checker: Checker, source: str, verdict: Verdict) -> Verdict:
    """`verdict` with `order_notes` added to each case that did not pass (a file that did not
    load, or a verdict that passed, is left as it is)."""
    if verdict.passed or verdict.first_failure is None or verdict.first_failure.name == LOADING:
        return verdict
    notes = order_notes(checker, source)
    if not notes:
        return verdict
    tail = "\n" + "\n".join(notes)
    cases = [_noted(case, tail) for case in verdict.cases]
    first = first_problem(cases, verdict.status)
    # a headline built from the first failure is built again; one of a timeout or crash stays
    rebuilt = verdict.summary == summarize(verdict.status, verdict.cases)
    summary = summarize(verdict.status, cases) if rebuilt else verdict.summary
    return verdict.model_copy(update={"cases": cases, "first_failure": first, "summary": summary})


def _noted(case: CaseResult, tail: str) -> CaseResult:
    if case.status not in _NOTED:
        return case
    update = {"message": case.message + tail}
    if case.problem is not None:
        update["problem"] = case.problem + tail
    return case.model_copy(update=update)
