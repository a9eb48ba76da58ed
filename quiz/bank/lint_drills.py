"""Lint's checks of a coding card against its checker, and where the checker runs.

The engine's own checkers are ours, tested with the engine: they run in lint's process,
as fast as before. A pack's checker (found through the `drillbit.checkers` entry point) is
its author's code, and lint is what authors run in CI: under `--no-drills` it is not run
at all (not even imported; the entry point naming it is looked up in the installed
metadata), and otherwise it runs in a child process (`drill_child`) that is stopped at a
time limit, so a checker that hangs, exits or crashes is one problem at the card's
`checker` line, never a hung or broken lint.
"""

from __future__ import annotations

import importlib.util
import json
import os
import signal
import subprocess
import sys
import tempfile
from collections.abc import Mapping
from typing import Any

from quiz.bank.models import Card, CodingFront
from quiz.bank.problems import Problem

__all__ = ["DRILL_TIMEOUT_SECONDS", "checker_problems", "run_in_child"]

DRILL_TIMEOUT_SECONDS = 60.0
"""How long a pack's checker may take over one card (loading its module, its cases, the
reference's and the starter's runs) before lint stops it: a drill grades in seconds, and a
CI machine may be slow; `drillbit lint --drill-timeout` changes it."""

_TAIL_BYTES = 4096
"""How much of a crashed child's stderr is read for its last line."""


def is_engine_checker(name: str) -> bool:
    """Whether `name` is one of the engine's own checkers' modules (nothing of a pack's is
    imported to tell: only the engine's packages are)."""
    module, _, attr = name.rpartition(".")
    if not module or not attr:
        return True  # not a dotted name: the engine's lookup says so
    try:
        return importlib.util.find_spec(f"engine.checkers.{module}") is not None
    except (ImportError, ValueError):
        return False


def _pack_claims(name: str) -> bool:
    """Whether an installed pack registers the checker name's first part (metadata only)."""
    from importlib import metadata

    from engine.checkers import CHECKER_ENTRY_POINTS

    prefix = name.partition(".")[0]
    return any(True for _ in metadata.entry_points(group=CHECKER_ENTRY_POINTS, name=prefix))


def request_for(
    card: Card, starter_signatures: Mapping[str, tuple[str, ...]], *, seed: int, run_drills: bool
) -> dict[str, Any]:
    """What `drill_facts.gather` is asked about `card`, as JSON-able data."""
    front = card.front
    assert isinstance(front, CodingFront)
    return {
        "checker": front.checker,
        "params": dict(front.params or {}),
        "seed": seed,
        "entry": list(front.entry),
        "starter": card.starter,
        "starter_signatures": {k: list(v) for k, v in starter_signatures.items()},
        "run_drills": run_drills,
    }


def facts_for(request: Mapping[str, Any], *, timeout: float) -> dict[str, Any]:
    """The checker's facts: in this process for the engine's checkers; for a pack's, in a
    child when drills run, and only whether it is installed under `--no-drills`."""
    from quiz.bank.drill_facts import gather

    name = str(request["checker"])
    if is_engine_checker(name):
        return gather(request)
    if not _pack_claims(name):
        module, prefix = name.rpartition(".")[0], name.partition(".")[0]
        return {
            "missing": f"no checker module engine.checkers.{module}, and no installed pack "
            f"registers '{prefix}' under the drillbit.checkers entry points (a pack's own "
            "checkers: install the pack where lint runs, e.g. uv pip install -e .)"
        }
    if not request["run_drills"]:
        return {"not_run": True}
    return run_in_child(request, timeout=timeout)


def run_in_child(request: Mapping[str, Any], *, timeout: float) -> dict[str, Any]:
    """`drill_facts.gather(request)` in a child process of its own session, killed with
    everything it started at `timeout` seconds ({timeout}); one that ends without an answer
    is {crashed: its stderr's last line or exit status}."""
    env = {**os.environ, "OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1"}
    with tempfile.TemporaryFile() as errors:
        child = subprocess.Popen(
            [sys.executable, "-m", "quiz.bank.drill_child"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=errors,
            start_new_session=True,
            env=env,
        )
        try:
            out, _ = child.communicate(json.dumps(request).encode(), timeout=timeout)
        except subprocess.TimeoutExpired:
            _stop(child)
            return {"timeout": timeout}
        finally:
            _stop(child)  # what it started, even after it ended
        try:
            answer = json.loads(out)
        except ValueError:
            answer = None
        if child.returncode == 0 and isinstance(answer, dict):
            return answer
        return {"crashed": _last_line(errors) or _exit_words(child.returncode)}


def _stop(child: subprocess.Popen[bytes]) -> None:
    """Kill the child's whole process group, then reap the child (its pipes closed, so a
    grandchild that left the group and holds them cannot keep lint waiting)."""
    try:
        os.killpg(child.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass
    child.wait()
    for pipe in (child.stdin, child.stdout):
        if pipe is not None:
            pipe.close()


def _last_line(errors: Any) -> str:
    errors.seek(0, os.SEEK_END)
    size = errors.tell()
    errors.seek(max(0, size - _TAIL_BYTES))
    lines = errors.read().decode("utf-8", "replace").strip().splitlines()
    return lines[-1].strip()[:300] if lines else ""


def _exit_words(code: int | None) -> str:
    if code is not None and code < 0:
        try:
            return f"killed by {signal.Signals(-code).name}"
        except ValueError:
            return f"killed by signal {-code}"
    return f"exit status {code}" if code else "no answer"


def checker_problems(
    card: Card,
    facts: Mapping[str, Any],
    *,
    first_line: int,
    starter_signatures: Mapping[str, tuple[tuple[str, ...], int]],
) -> list[Problem]:
    """The problems the checker's facts show, each at its line of the card."""
    from quiz.bank.drill_params import unread_problems

    front = card.front
    assert isinstance(front, CodingFront)
    checker_line = card.lines.get("checker", 1)
    name = front.checker
    problems: list[Problem] = []

    def add(line: int, code: str, message: str) -> None:
        problems.append(Problem(card.path, line, 1, code, message))

    if "missing" in facts:
        add(checker_line, "unknown-checker", f"checker '{name}' not found: {facts['missing']}")
        return problems
    if "timeout" in facts:
        add(
            checker_line,
            "checker-timeout",
            f"checker '{name}' did not finish within {facts['timeout']:g} s (loading it, its "
            "cases, or grading the reference and the starter): lint stopped it; make it "
            "finish, or give lint more time with --drill-timeout",
        )
        return problems
    if "crashed" in facts:
        add(
            checker_line,
            "checker-crashed",
            f"checker '{name}' ended the process running it ({facts['crashed']}) before "
            "lint could check the drill: run the drill's reference with its checker to see why",
        )
        return problems
    entries = facts.get("entries")
    if entries is not None and set(front.entry) != set(entries):
        add(
            card.lines.get("entry", 1),
            "entry-mismatch",
            f"entry {list(front.entry)} does not match the checker's entries {list(entries)}",
        )
        return problems
    read = facts.get("read")
    # An unread param leaves the drill gradable (with the default): the runs still count.
    unread = unread_problems(card, None if read is None else set(read))
    expected = facts.get("signatures") or {}
    for entry, (params, line) in starter_signatures.items():
        if entry in expected and list(params) != list(expected[entry]):
            add(
                first_line + line - 1,
                "starter-signature",
                f"starter defines {entry}({', '.join(params)}) but the checker calls "
                f"{entry}({', '.join(expected[entry])})",
            )
    raised = facts.get("raised")
    if raised is not None:
        add(
            checker_line,
            "checker-raised",
            f"checker '{name}' raised {raised['error']} while {raised['step']}: the drill "
            "cannot be graded",
        )
    reference = facts.get("reference")
    if reference is not None and not reference["passed"]:
        add(
            checker_line,
            "reference-fails",
            f"the checker's own reference does not pass: {reference['summary']}",
        )
    if facts.get("starter_passes"):
        add(
            first_line,
            "starter-passes",
            "the unchanged starter code passes the checker: the drill would be solved before "
            "it is started",
        )
    return [*unread, *problems]
