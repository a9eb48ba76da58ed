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
import re
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Mapping
from typing import Any

from quiz.bank.models import Card, CodingFront
from quiz.bank.problems import Problem

__all__ = ["DRILL_TIMEOUT_SECONDS", "DrillRunner", "checker_problems", "facts_for"]

DRILL_TIMEOUT_SECONDS = 60.0
"""How long a pack's checker may take over one card (loading its module, its cases, the
reference's and the starter's runs) before lint stops it: a drill grades in seconds, and a
CI machine may be slow; `drillbit lint --drill-timeout` changes it."""

_TAIL_BYTES = 16384
"""How much of a crashed child's stderr is read for its last line and faulthandler's
traceback (a hundred frames at most, most recent first)."""


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
        told: dict[str, Any] = {}  # the child's last step, and an os._exit's place
        try:
            child.stdin.write(json.dumps(request).encode("utf-8") + b"\n")
            child.stdin.flush()
        except OSError:  # it ended before it read the request
            return self._crashed(mark, told)
        deadline = time.monotonic() + self.timeout
        while True:
            try:
                line = self._answers.get(timeout=max(0.0, deadline - time.monotonic()))
            except queue.Empty:
                return self._timed_out(mark, told)
            if not line:
                return self._crashed(mark, told)
            try:
                answer = json.loads(line)
            except ValueError:
                answer = None
            if not isinstance(answer, dict):
                self._stop()
                return {"crashed": "an answer lint could not read"}
            if answer.keys() == {"step"} or answer.keys() == {"exit"}:
                told.update(answer)
                continue
            return answer

    def _crashed(self, mark: int, told: Mapping[str, Any]) -> dict[str, Any]:
        """{crashed: its last words or how it ended, ended: how it ended (an exit status, a
        signal, an `os._exit`), step: the step under way, where: {file, line} of the
        innermost frame of the starter's (else the caller's) when the child said or left
        it}."""
        words, ended, where = self._ended(mark)
        # its own watchdog ended it at the time limit (`drill_child`): _exit(1), frames
        stuck = stuck_place(_tail(self._errors, mark)) if ended == _exit_words(1) else None
        if stuck is not None and "exit" not in told:
            return {"timeout": self.timeout, **told, "where": stuck}
        exited = told.get("exit")
        if isinstance(exited, dict):
            words = ended = f"os._exit({exited.get('code')})"
            where = {"file": exited.get("file"), "line": exited.get("line")}
        facts: dict[str, Any] = {"crashed": words, "ended": ended}
        if "step" in told:
            facts["step"] = told["step"]
        if where is not None:
            facts["where"] = where
        return facts

    def _timed_out(self, mark: int, told: dict[str, Any]) -> dict[str, Any]:
        """{timeout, step, where}: the child's watchdog fires at the same limit, writes
        each thread's frames and ends it; it is given `_DUMP_GRACE` seconds for that (its
        end tells the frames are all written), then killed. `where` is the stuck line
        (`stuck_place`), left out when the child wrote none."""
        until = time.monotonic() + _DUMP_GRACE
        while (left := until - time.monotonic()) > 0:
            try:
                line = self._answers.get(timeout=left)
            except queue.Empty:
                break
            if not line:
                break
            try:
                said = json.loads(line)
            except ValueError:
                said = None
            if not (isinstance(said, dict) and said.keys() == {"step"}):
                break  # an answer after the limit: too late all the same
            told.update(said)
        self._stop()
        facts: dict[str, Any] = {"timeout": self.timeout, **told}
        facts.pop("exit", None)
        stuck = stuck_place(_tail(self._errors, mark))
        if stuck is not None:
            facts["where"] = stuck
        return facts

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
            [sys.executable, "-m", "quiz.bank.drill_child", "--timeout", repr(self.timeout)],
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

    def _ended(self, mark: int) -> tuple[str, str, dict[str, Any] | None]:
        """Why the child ended without an answer: its last words since `mark` (or how it
        ended), how it ended (its exit), and the place of faulthandler's traceback when it
        left one (whose last line is only a frame: not the words then)."""
        child = self._child
        code = None
        if child is not None:
            try:
                code = child.wait(timeout=5)
            except subprocess.TimeoutExpired:
                code = None
        self._stop()
        tail = _tail(self._errors, mark)
        ended = _exit_words(code)
        where = fault_place(tail)
        if where is not None:
            return ended, ended, where
        return _last_line(tail) or ended, ended, None

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


def _tail(errors: Any, mark: int) -> str:
    """What the child wrote to stderr after offset `mark`, its last `_TAIL_BYTES`."""
    size = os.fstat(errors.fileno()).st_size
    errors.seek(max(mark, size - _TAIL_BYTES))
    return str(errors.read().decode("utf-8", "replace"))


def _last_line(tail: str) -> str:
    lines = tail.strip().splitlines()
    return lines[-1].strip()[:300] if lines else ""


_FAULT = "Fatal Python error: "
_TIMEOUT = re.compile(r"^Timeout \(\d+:\d\d:\d\d(?:\.\d+)?\)!$", re.MULTILINE)
_DUMP_GRACE = 5.0
"""Seconds the child's watchdog is given, past the limit, to write where it is and end."""
_FRAME = re.compile(r'^\s*File "(?P<file>[^"]*)", line (?P<line>\d+) in ', re.MULTILINE)


def fault_place(tail: str) -> dict[str, Any] | None:
    """The place faulthandler's last traceback in `tail` names: the innermost frame of the
    starter (`submission.py`: the line that called into what crashed), else the innermost
    frame; None without one."""
    return _frames_place(tail, tail.rfind(_FAULT))


def stuck_place(tail: str) -> dict[str, Any] | None:
    """The place the child's watchdog (`drill_child`: faulthandler's timeout traceback)
    names in `tail`, chosen as `fault_place` chooses; None when it wrote none."""
    found = list(_TIMEOUT.finditer(tail))
    return _frames_place(tail, found[-1].start()) if found else None


def _frames_place(tail: str, start: int) -> dict[str, Any] | None:
    from engine.harnesses._runtime import SUBMISSION_FILENAME

    if start < 0:
        return None
    frames = [(m["file"], int(m["line"])) for m in _FRAME.finditer(tail, start)]
    if not frames:
        return None
    file, line = next((f for f in frames if f[0] == SUBMISSION_FILENAME), frames[0])
    return {"file": file, "line": line}


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
        return [_timeout_problem(card, facts, first_line, checker_line)]
    if "crashed" in facts and (crash := starter_crash(card, facts, first_line)) is not None:
        return [crash]
    if "crashed" in facts:
        where = facts.get("where") or {}
        at = f" at {where['file']}:{where['line']}" if where.get("file") else ""
        step = f" while {facts['step']}" if facts.get("step") else ""
        # the starter crashed in none of its steps (`starter_crash`): the checker, when
        # the step is known
        who, them = ("", "it") if step else (" or the starter", "them")
        add(
            checker_line,
            "checker-crashed",
            f"checker '{name}'{who} ended the process running {them} "
            f"({facts['crashed']}){at}{step} before lint could check the drill: grade the "
            "reference and the starter with the checker to see why",
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
            "it is started; leave each function's body for the learner to write (e.g. `raise "
            "NotImplementedError`) and keep the solution in the checker's reference",
        )
    return [*unread, *problems]


def _starter_steps() -> frozenset[str]:
    from quiz.bank.drill_facts import STARTER_STEPS

    return STARTER_STEPS


def _starter_line(facts: Mapping[str, Any]) -> int | None:
    """The starter's own line the child was at when it ended or was stopped (1-based in
    the starter), or None when its frame was not the starter's or could not be told."""
    from engine.harnesses._runtime import SUBMISSION_FILENAME

    where = facts.get("where") or {}
    line = where.get("line") if where.get("file") == SUBMISSION_FILENAME else None
    return line if isinstance(line, int) and line > 0 else None


def _doing(step: object) -> str:
    """What lint was doing with the starter at a step, in the messages' words."""
    return "loading it" if step == "loading the starter" else "grading it"


def starter_crash(card: Card, facts: Mapping[str, Any], first_line: int) -> Problem | None:
    """A `starter-crashed` problem when the child ended while the starter ran (its step,
    or a frame of its code where the process died), at the starter's line that did it (its
    first line when that cannot be told); None when the checker was running."""
    from engine.harnesses._runtime import SUBMISSION_FILENAME

    where = facts.get("where") or {}
    in_starter = where.get("file") == SUBMISSION_FILENAME and where.get("line") is not None
    step = facts.get("step")
    if not in_starter and (step not in _starter_steps() or where.get("file")):
        return None  # the checker's code was running (its own file named, or its step)
    line = _starter_line(facts)
    ended = facts.get("ended") or facts["crashed"]
    told = f"at this line ({ended})" if line else f"({ended}, at a line lint could not tell)"
    return Problem(
        card.path,
        first_line + line - 1 if line else first_line,
        1,
        "starter-crashed",
        f"the starter of drill '{card.id}' ended the process running it {told} while lint "
        f"was {_doing(step)}, so the drill could not be checked: "
        "a starter must load and return (leave the body to the learner, e.g. raise "
        "NotImplementedError), never end Python",
    )


def _timeout_problem(
    card: Card, facts: Mapping[str, Any], first_line: int, checker_line: int
) -> Problem:
    """`starter-timeout` at the starter's line it was stuck on (its first when the child
    could not tell), or `checker-timeout` at the checker's line, naming where it was (also
    in a starter's step when the frames hold no starter code: the checker's own)."""
    front = card.front
    assert isinstance(front, CodingFront)
    where = facts.get("where") or {}
    limit = f"{facts['timeout']:g} s"
    step = facts.get("step")
    if step in _starter_steps() and where.get("file") and _starter_line(facts) is None:
        # the starter's step, but the watchdog's frames hold none of its code: the checker
        # was running (its `judge` while it graded the starter), at the file:line named
        return Problem(
            card.path,
            checker_line,
            1,
            "checker-timeout",
            f"checker '{front.checker}' did not finish within {limit} while lint was {step}: "
            f"lint stopped it at {where['file']}:{where['line']}; make the checker finish, "
            "or give lint more time with --drill-timeout",
        )
    if step in _starter_steps():
        line = _starter_line(facts)
        stopped = "lint stopped it"
        if line:
            stopped += " at this line, where it was still running"
        return Problem(
            card.path,
            first_line + line - 1 if line else first_line,
            1,
            "starter-timeout",
            f"the starter of drill '{card.id}' did not finish within {limit} while lint was "
            f"{_doing(facts['step'])}: {stopped}; a starter must load and return at once "
            "(leave the body to the learner, e.g. raise NotImplementedError), or give lint "
            "more time with --drill-timeout",
        )
    at = f", stopped at {where['file']}:{where['line']}" if where.get("file") else ""
    return Problem(
        card.path,
        checker_line,
        1,
        "checker-timeout",
        f"checker '{front.checker}' and the starter did not finish within {limit} (loading "
        f"the checker, its cases, grading the reference and the starter{at}): lint stopped "
        "them; make them finish, or give lint more time with --drill-timeout",
    )
