"""Lint's checks of a coding card against its checker, and where the drill's code runs.

A drill's starter is its author's code, and so is a pack's own checker (found through the
`drillbit.checkers` entry point); lint is what authors run in CI. Where lint grades drills,
both run in a child process (`drill_child`, one for the run, `DrillRunner`) that is
stopped at a time limit per drill, so a starter or checker that hangs, exits or crashes is
one problem at the card's `checker` line, never a hung or broken lint. Under `--no-drills`
no author code runs: an engine checker (ours, tested with the engine) is asked in lint's
process which params it reads, and a pack's checker is not even imported (the entry point
naming it is looked up in the installed metadata).
"""

from __future__ import annotations

import importlib.util
import json
import os
import queue
import signal
import subprocess
import sys
import tempfile
import threading
from collections.abc import Mapping
from typing import Any

from quiz.bank.models import Card, CodingFront
from quiz.bank.problems import Problem

__all__ = ["DRILL_TIMEOUT_SECONDS", "DrillRunner", "checker_problems", "facts_for"]

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


def facts_for(
    request: Mapping[str, Any], *, timeout: float, runner: DrillRunner | None = None
) -> dict[str, Any]:
    """The checker's facts. Where drills run, the starter (its author's code) and a pack's
    checker run in `runner`'s child, stopped at `timeout`; without drills an engine's
    checker is asked in this process which params it reads, and a pack's is only looked up
    in the installed metadata."""
    from quiz.bank.drill_facts import gather

    name = str(request["checker"])
    engine = is_engine_checker(name)
    if not engine and not _pack_claims(name):
        module, prefix = name.rpartition(".")[0], name.partition(".")[0]
        return {
            "missing": f"no checker module engine.checkers.{module}, and no installed pack "
            f"registers '{prefix}' under the drillbit.checkers entry points (a pack's own "
            "checkers: install the pack where lint runs, e.g. uv pip install -e .)"
        }
    if not request["run_drills"]:
        return gather(request) if engine else {"not_run": True}
    if runner is not None:
        return runner.ask(request)
    with DrillRunner(timeout) as own:
        return own.ask(request)


class DrillRunner:
    """One child process (`drill_child`) that gathers drills' facts one request at a time,
    each stopped at `timeout` seconds: the child is then killed with all it started, the
    request answered {timeout}, and the next request starts a new child. A child that ends
    without an answer is {crashed: its stderr's last line, or how it ended}."""

    def __init__(self, timeout: float = DRILL_TIMEOUT_SECONDS) -> None:
        self.timeout = timeout
        self._child: subprocess.Popen[bytes] | None = None
        self._answers: queue.Queue[bytes] = queue.Queue()
        self._errors: Any = None

    def __enter__(self) -> DrillRunner:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def ask(self, request: Mapping[str, Any]) -> dict[str, Any]:
        """The facts of one request (see the class)."""
        child = self._start()
        assert child.stdin is not None
        mark = os.fstat(self._errors.fileno()).st_size
        try:
            child.stdin.write(json.dumps(request).encode("utf-8") + b"\n")
            child.stdin.flush()
        except OSError:  # it ended before it read the request
            return {"crashed": self._ended(mark)}
        try:
            line = self._answers.get(timeout=self.timeout)
        except queue.Empty:
            self._stop()
            return {"timeout": self.timeout}
        if not line:
            return {"crashed": self._ended(mark)}
        try:
            answer = json.loads(line)
        except ValueError:
            answer = None
        if not isinstance(answer, dict):
            self._stop()
            return {"crashed": "an answer lint could not read"}
        return answer

    def close(self) -> None:
        """End the child: its stdin closed, it ends its loop; stopped if it does not."""
        child = self._child
        if child is not None and child.stdin is not None:
            try:
                child.stdin.close()
                child.wait(timeout=5)
            except (OSError, subprocess.TimeoutExpired):
                pass
        self._stop()
        if self._errors is not None:
            self._errors.close()
            self._errors = None

    def _start(self) -> subprocess.Popen[bytes]:
        if self._child is not None and self._child.poll() is None:
            return self._child
        self._stop()
        if self._errors is None:
            self._errors = tempfile.TemporaryFile()
        env = {**os.environ, "OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1"}
        child = subprocess.Popen(
            [sys.executable, "-m", "quiz.bank.drill_child"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=self._errors,
            start_new_session=os.name == "posix",
            env=env,
        )
        answers: queue.Queue[bytes] = queue.Queue()
        threading.Thread(target=_read_lines, args=(child, answers), daemon=True).start()
        self._child, self._answers = child, answers
        return child

    def _ended(self, mark: int) -> str:
        """Why the child ended without an answer: its last words since `mark`, or its exit."""
        child = self._child
        code = None
        if child is not None:
            try:
                code = child.wait(timeout=5)
            except subprocess.TimeoutExpired:
                code = None
        self._stop()
        return _last_line(self._errors, mark) or _exit_words(code)

    def _stop(self) -> None:
        """Kill the child with everything it started, reap it and close its pipes (so a
        grandchild that left its group and holds them cannot keep lint waiting)."""
        child, self._child = self._child, None
        if child is None:
            return
        try:
            if os.name == "posix":
                os.killpg(child.pid, signal.SIGKILL)
            else:
                child.kill()
        except (ProcessLookupError, PermissionError):
            pass
        child.wait()
        for pipe in (child.stdin, child.stdout):
            if pipe is not None:
                try:
                    pipe.close()
                except OSError:
                    pass


def _read_lines(child: subprocess.Popen[bytes], answers: queue.Queue[bytes]) -> None:
    """Each line the child answers, then b"" when its stdout ends (a thread's loop)."""
    assert child.stdout is not None
    try:
        for line in child.stdout:
            answers.put(line)
    except (OSError, ValueError):  # closed under it: the child was stopped
        pass
    answers.put(b"")


def _last_line(errors: Any, mark: int) -> str:
    """The last line the child wrote to stderr after offset `mark`."""
    size = os.fstat(errors.fileno()).st_size
    errors.seek(max(mark, size - _TAIL_BYTES))
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
            f"checker '{name}' and the starter did not finish within {facts['timeout']:g} s "
            "(loading the checker, its cases, grading the reference and the starter): lint "
            "stopped them; make them finish, or give lint more time with --drill-timeout",
        )
        return problems
    if "crashed" in facts:
        add(
            checker_line,
            "checker-crashed",
            f"checker '{name}' or the starter ended the process running them "
            f"({facts['crashed']}) before lint could check the drill: grade the reference "
            "and the starter with the checker to see why",
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
