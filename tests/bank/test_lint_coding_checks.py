"""What lint says of a drill whose checker, entry or starter is wrong: each problem at the
line an author fixes, and the checks that cannot mean anything after it left out.

The sixth of the mutation audits (thirty-sixth round) found these unpinned: the bundled
bank and the bad-card files have no such drill, so mutants that never reported an unknown
checker, an entry that is not the checker's, a starter's wrong parameters, a reference that
fails or a starter that already passes, or that reported them a line off, all survived.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Any

import pytest

import engine.checkers
from engine.checkers import get_checker
from quiz.bank.drill_facts import gather
from quiz.bank.lint import lint
from quiz.bank.lint_drills import DrillRunner
from quiz.bank.problems import Problem
from tests.conftest import DATA

STARTER = """def sgd_step(theta, grad, lr):
    raise NotImplementedError"""

SOLVED = """def sgd_step(theta, grad, lr):
    return theta - lr * grad"""


def drill(tmp_path: Path, *, starter: str = STARTER, **front: str) -> Path:
    """The TUI test bank's one drill (checker nn.optim.sgd_step) with `starter` and the
    front-matter lines in `front` changed."""
    root = tmp_path / "content"
    shutil.copytree(DATA / "tui_bank", root)
    card = root / "mini" / "drills" / "tiny-sgd.md"
    text = card.read_text(encoding="utf-8")
    assert STARTER in text
    text = text.replace(STARTER, starter)
    for key, value in front.items():
        old = next(line for line in text.splitlines() if line.startswith(f"{key}: "))
        text = text.replace(old, f"{key}: {value}")
    card.write_text(text, encoding="utf-8")
    return card


def line_of(card: Path, text: str) -> int:
    """The 1-based line of `card` that starts with `text`."""
    lines = card.read_text(encoding="utf-8").splitlines()
    return next(n for n, line in enumerate(lines, 1) if line.startswith(text))


def found(card: Path, *, run_drills: bool = True) -> list[tuple[int, int, str, str]]:
    _, problems = lint([card], run_drills=run_drills)
    assert all(p.path == card for p in problems), problems
    return [(p.line, p.col, p.code, p.message) for p in problems]


def test_the_drill_as_it_is_is_clean(tmp_path: Path) -> None:
    card = drill(tmp_path)
    assert found(card) == []


def test_an_unknown_checker_is_named_at_its_line_and_nothing_else_is_checked(
    tmp_path: Path,
) -> None:
    # the starter's parameters are wrong too: with no checker there is nothing to hold them to
    card = drill(
        tmp_path, checker="nn.optim.no_such_step", starter="def sgd_step(theta):\n    pass"
    )
    ((line, col, code, message),) = found(card)
    assert (line, col, code) == (line_of(card, "checker: "), 1, "unknown-checker")
    assert message.startswith("checker 'nn.optim.no_such_step' not found: "), message


def test_an_entry_the_checker_does_not_call_is_named_at_its_line(tmp_path: Path) -> None:
    card = drill(tmp_path, entry="[sgd]", starter="def sgd(theta):\n    pass")
    ((line, col, code, message),) = found(card)
    assert (line, col, code) == (line_of(card, "entry: "), 1, "entry-mismatch")
    assert message == "entry ['sgd'] does not match the checker's entries ['sgd_step']"
    more = drill(
        tmp_path / "more",
        entry="[sgd_step, helper]",
        starter=f"{STARTER}\n\n\ndef helper():\n    pass",
    )
    assert [c for _, _, c, _ in found(more)] == ["entry-mismatch"]


def test_a_starter_with_other_parameters_is_named_at_its_def(tmp_path: Path) -> None:
    # it passes as written: the drill checks are not run once the signature is wrong
    starter = "def helper(x):\n    return x\n\n\n" + SOLVED.replace(
        "theta, grad, lr", "theta, grad, lr=0.1, *, decay"
    )
    card = drill(tmp_path, starter=starter)
    ((line, col, code, message),) = found(card)
    assert (line, col, code) == (line_of(card, "def sgd_step("), 1, "starter-signature")
    assert message == (
        "starter defines sgd_step(theta, grad, lr, decay) but the checker calls"
        " sgd_step(theta, grad, lr)"
    )


def test_a_starter_that_already_passes_is_named_at_its_first_line(tmp_path: Path) -> None:
    card = drill(tmp_path, starter=SOLVED)  # under the card's `import numpy as np`
    ((line, col, code, message),) = found(card)
    assert (line, col, code) == (line_of(card, "import numpy as np"), 1, "starter-passes")
    assert message.startswith("the unchanged starter code passes the checker")
    # without the drill checks only the signatures are held to the checker
    assert found(card, run_drills=False) == []


def test_a_starter_that_cannot_run_is_no_problem(tmp_path: Path) -> None:
    card = drill(tmp_path, starter="raise RuntimeError('fill me in')\n\n\n" + STARTER)
    assert found(card) == []


class _BrokenReference:
    """The sgd_step checker with a reference that is off by a sign."""

    def __init__(self) -> None:
        self._real = get_checker("nn.optim.sgd_step")

    def __getattr__(self, name: str) -> Any:
        return getattr(self._real, name)

    def reference(self) -> dict[str, Any]:
        return {"sgd_step": lambda theta, grad, lr: theta + lr * grad}


def test_a_checker_whose_reference_fails_is_named_at_the_checker_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = engine.checkers.get_checker

    def patched(name: str) -> Any:
        return _BrokenReference() if name == "nn.optim.sgd_step" else real(name)

    monkeypatch.setattr(engine.checkers, "get_checker", patched)
    # drills are graded in lint's child process, where the patch is not: ask here instead
    monkeypatch.setattr(DrillRunner, "ask", lambda _runner, request: gather(request))
    card = drill(tmp_path, starter=SOLVED)
    problems = found(card)
    # the reference fails where the (right) starter passes: both said, each at its line
    assert [(line, col, code) for line, col, code, _ in problems] == [
        (line_of(card, "checker: "), 1, "reference-fails"),
        (line_of(card, "import numpy as np"), 1, "starter-passes"),  # the starter's first
    ]
    assert problems[0][3].startswith("the checker's own reference does not pass: failed")
    assert found(card, run_drills=False) == []


def test_problems_are_plain_errors(tmp_path: Path) -> None:
    card = drill(tmp_path, checker="nn.optim.no_such_step")
    _, problems = lint([card])
    assert [type(p) for p in problems] == [Problem]
    assert problems[0].severity == "error"


STUCK_AFTER = 10
"""lint's `drill_timeout` for a starter that hangs: it counts the child's start and the
reference's grading too, which reached the starter 0.9-4.5 s after the request at a load
average of 14-19 (3 s and 2 s stood here: a late start was told at the wrong line)."""


@pytest.mark.parametrize(
    ("starter", "stuck", "doing"),
    [
        # one line each: a loop over two lines is caught at either (its test or its body)
        (
            "import numpy\n\n\ndef sgd_step(theta, grad, lr):\n    while True: pass",
            "    while True: pass",
            "grading it",
        ),
        ("import time\ntime.sleep(3600)\n\n\n" + STARTER, "time.sleep(3600)", "loading it"),
        (
            "import threading\n\n\ndef sgd_step(theta, grad, lr):\n    threading.Event().wait()",
            "    threading.Event().wait()",
            "grading it",
        ),
    ],
)
def test_a_starter_that_hangs_is_one_problem_at_the_line_it_is_stuck_on(
    tmp_path: Path, starter: str, stuck: str, doing: str
) -> None:
    """The starter is its author's code, graded to show it fails: one that loops hung lint
    (it was graded in lint's process, with no time limit). Graded in lint's child now, it is
    one problem; the child says each step as it starts, so the problem is the starter's (it
    was "checker '...' and the starter did not finish", at the checker's line). It was told
    at the starter's first line, whatever line spun (forty-third round): the child's
    watchdog writes its frames at the limit, so it is told at the line it was stuck on (a
    loop's body, a blocking call). The other cards are still checked, and without drills
    the starter is not run."""
    card = drill(tmp_path, starter=starter)
    _, problems = lint([card.parent.parent.parent], drill_timeout=STUCK_AFTER)
    told = [(p.path, p.line, p.code) for p in problems]
    assert told == [(card, line_of(card, stuck), "starter-timeout")], problems
    assert line_of(card, stuck) != line_of(card, "import numpy as np")
    assert problems[0].message.startswith(
        f"the starter of drill 'tiny-sgd' did not finish within {STUCK_AFTER} s while lint was {doing}: "
        "lint stopped it at this line, where it was still running;"
    ), problems[0].message
    assert found(card, run_drills=False) == []


def test_a_starter_that_stops_the_watchdog_is_still_stopped_at_its_first_line(
    tmp_path: Path,
) -> None:
    """The child's watchdog is its own code's to cancel: a starter that does, then spins,
    writes no frames, and lint's own kill still stops it (a moment past the limit), told
    at the starter's first line as before, never a hang."""
    starter = (
        "import faulthandler\nfaulthandler.cancel_dump_traceback_later()\nwhile True: pass"
        "\n\n\n" + STARTER
    )
    card = drill(tmp_path, starter=starter)
    _, problems = lint([card], drill_timeout=STUCK_AFTER)
    told = [(p.line, p.code) for p in problems]
    assert told == [(line_of(card, "import numpy as np"), "starter-timeout")], problems
    assert problems[0].message.startswith(
        f"the starter of drill 'tiny-sgd' did not finish within {STUCK_AFTER} s while lint was loading "
        "it: lint stopped it; a starter must load"
    ), problems[0].message


STARTER_CRASHES = [
    # (starter, the card line it dies at (None: the starter's first), how it ended, step)
    ("import os\nos._exit(7)\n\n\ndef sgd_step(theta, grad, lr):\n    pass",
     "os._exit(7)", "os._exit(7)", "loading it"),
    ("import os\n\n\ndef sgd_step(theta, grad, lr):\n    os._exit(6)",
     "    os._exit(6)", "os._exit(6)", "grading it"),
    ("import ctypes\nctypes.string_at(0)\n\n\ndef sgd_step(theta, grad, lr):\n    pass",
     "ctypes.string_at(0)", "killed by SIGSEGV", "loading it"),
    # a recursion overflow at import, past a raised limit: the C stack, not RecursionError
    ("import sys\nsys.setrecursionlimit(10**6)\nx = []\nfor _ in range(10**6):\n"
     "    x = [x]\nrepr(x)\n\n\ndef sgd_step(theta, grad, lr):\n    pass",
     "repr(x)", "killed by SIGSEGV", "loading it"),
    ("import os, signal\nos.kill(os.getpid(), signal.SIGKILL)\n\n\n"
     "def sgd_step(theta, grad, lr):\n    pass",
     None, "killed by SIGKILL, at a line lint could not tell", "loading it"),
]  # fmt: skip


@pytest.mark.skipif(os.name != "posix", reason="signals and a segfault are POSIX's")
@pytest.mark.parametrize(("starter", "at", "ended", "doing"), STARTER_CRASHES)
def test_a_starter_that_ends_the_process_is_named_at_its_line(
    tmp_path: Path, starter: str, at: str | None, ended: str, doing: str
) -> None:
    """A starter that ended lint's drill process (an os._exit, a segfault through ctypes, a
    C stack overflow at import, a signal) was told as "checker '...' or the starter ended
    the process running them" at the checker's line: the author looked at the checker.
    The drill's id, the starter's line that did it and how the process ended are said, at
    that line; the other cards are still checked."""
    card = drill(tmp_path, starter=starter)
    _, problems = lint([card.parent.parent.parent], drill_timeout=30)
    # ctypes is refused in the sandbox: every solution fails at its import (told on its own)
    refused = [(p.line, p.code) for p in problems if p.code == "starter-import"]
    expected = [(line_of(card, "import ctypes"), "starter-import")] if "ctypes" in starter else []
    assert refused == expected, problems
    problems = [p for p in problems if p.code != "starter-import"]
    assert [(p.path, p.code) for p in problems] == [(card, "starter-crashed")], problems
    line = line_of(card, at) if at is not None else line_of(card, "import numpy as np")
    assert problems[0].line == line, problems
    message = problems[0].message
    told = "at this line (" + ended if at is not None else "(" + ended
    assert message.startswith(
        f"the starter of drill 'tiny-sgd' ended the process running it {told})"
        f" while lint was {doing}, so the drill could not be checked"
    ), message
    # without drills run, the starter is not run: only what is read from its text is told
    assert [(line, code) for line, _, code, *_ in found(card, run_drills=False)] == expected


def test_a_starter_that_calls_sys_exit_is_a_starter_that_raises(tmp_path: Path) -> None:
    """sys.exit raises SystemExit, which lint's child catches: the process goes on, and
    a starter that stops with it is one that cannot run, as one that raises (no problem)."""
    for starter in (
        "import sys\nsys.exit(4)\n\n\ndef sgd_step(theta, grad, lr):\n    pass",
        "import sys\n\n\ndef sgd_step(theta, grad, lr):\n    sys.exit(5)",
    ):
        assert found(drill(tmp_path / str(len(starter)), starter=starter)) == []


def test_a_starter_too_deep_for_the_parser_is_a_problem_not_a_traceback(tmp_path: Path) -> None:
    """`ast.parse` raises RecursionError, not SyntaxError, on an expression of 200,000
    terms: lint, and every command loading the bank, ended in a traceback."""
    card = drill(tmp_path, starter="x = 1" + " + 1" * 200_000 + "\n\n\n" + STARTER)
    ((line, col, code, message),) = found(card, run_drills=False)
    # at the starter's first line: the parser that gave up does not say where
    assert (line, col, code) == (line_of(card, "import numpy as np"), 1, "starter-syntax")
    assert message == (
        "starter code does not parse: an expression nests too deep for Python's parser: split it"
    )
