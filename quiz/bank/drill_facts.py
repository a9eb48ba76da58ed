"""What lint learns from running a coding card's checker, as plain JSON-able data.

One function gathers it, so the engine's own checkers (trusted, run in lint's process) and
a pack's checkers (author code, run in a child lint can stop: `drill_child`) are asked the
same things and judged by the same words (`lint_drills`). A checker is the author's code:
anything it does may raise, so each step that calls it is named when it does.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

__all__ = ["STARTER_STEPS", "gather"]

STARTER_STEPS = frozenset({"loading the starter", "grading the starter"})
"""The steps in which the starter (its author's code, not the checker) runs: a crash in
one of them is the starter's to fix (`lint_drills`)."""


class _Step:
    """The step under way, named if the checker raises; each new one is also told to
    `told` (the child sends it to lint, which names it if the process dies in it)."""

    def __init__(self, told: Callable[[str], None] | None) -> None:
        self.now = ""
        self._told = told

    def to(self, name: str) -> None:
        self.now = name
        if self._told is not None:
            self._told(name)


def _raised(step: str, exc: BaseException) -> dict[str, Any]:
    text = str(exc).strip().splitlines()
    detail = f"{type(exc).__name__}: {text[0]}" if text else type(exc).__name__
    return {"raised": {"step": step, "error": detail[:300]}}


def gather(
    request: Mapping[str, Any], on_step: Callable[[str], None] | None = None
) -> dict[str, Any]:
    """The checker's facts for one card; `on_step` is told each step as it starts.

    `request`: checker (the dotted name), params, seed, entry (the card's names), starter
    (its code), starter_signatures (entry -> parameter names, read from the starter
    without running it) and run_drills (grade the reference and the starter too).
    Keys of the answer, each present once known: missing (the checker is not found),
    entries, read (the param names `make_cases` looks up, None when it cannot be told),
    signatures, reference ({passed, summary}), starter_passes, raised ({step, error}).
    """
    from engine.checkers import CheckerNotFoundError, get_checker

    step = _Step(on_step)
    step.to("loading its module")
    try:
        checker = get_checker(str(request["checker"]))
    except CheckerNotFoundError as exc:
        return {"missing": str(exc)}
    except (Exception, SystemExit) as exc:  # a pack's module that fails as it loads
        return _raised("loading its module", exc)
    facts: dict[str, Any] = {}
    step.to("reading its entries")
    try:
        facts["entries"] = [str(name) for name in checker.entries]
        if set(request["entry"]) != set(facts["entries"]):
            return facts
        if request["params"]:
            from quiz.bank.drill_params import names_read

            read = names_read(checker, request["params"], int(request["seed"]))
            facts["read"] = None if read is None else sorted(read)
        step.to("calling reference() for its signatures")
        facts["signatures"] = {k: list(v) for k, v in checker.signatures().items()}
        if request["run_drills"] and not _mismatched(facts["signatures"], request):
            _runs(checker, request, facts, step)
    except (Exception, SystemExit) as exc:
        facts.update(_raised(step.now, exc))
    return facts


def _mismatched(signatures: Mapping[str, list[str]], request: Mapping[str, Any]) -> bool:
    starter: Mapping[str, list[str]] = request["starter_signatures"]
    return any(name in signatures and signatures[name] != list(p) for name, p in starter.items())


def _runs(checker: Any, request: Mapping[str, Any], facts: dict[str, Any], step: _Step) -> None:
    """The reference graded (it must pass) and the starter graded (it must not)."""
    from engine.grade_inprocess import grade_inprocess, load_submission

    seed, params = int(request["seed"]), request["params"]
    step.to("grading its reference")
    reference = grade_inprocess(checker, checker.reference(), seed=seed, params=params)
    facts["reference"] = {"passed": reference.passed, "summary": reference.summary}
    step.to("loading the starter")
    try:
        fns = load_submission(str(request["starter"]), tuple(request["entry"]))
    except (Exception, SystemExit):  # a starter that cannot even run does not pass: fine
        return
    step.to("grading the starter")
    facts["starter_passes"] = grade_inprocess(checker, fns, seed=seed, params=params).passed
