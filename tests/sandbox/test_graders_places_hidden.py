"""No place in the grader's code reaches the verdict, whatever the code does to `warnings`
(forty-sixth round, sandbox46).

The child's warning hook names the code's own line for a warning whose `stacklevel` left the
code's frames (forty-fifth round), but the hook is the code's to replace: with
`warnings._showwarnmsg` replaced, or `sys.modules["warnings"]` deleted (Python then prints
with its C fallback), the warning read `drillbit/runtime.py:480`. And `threading.settrace`
made each thread the code started call the refused `sys.settrace`, whose refusal printed the
thread's traceback down into the audit hook (`File "drillbit/child.py", line 420, in hook`).
The parent now names any such place "<the grader's code>" in what it shows. A thread of the
code's that warns past its own frames reads "in a thread the code started", not line 0.
"""

from __future__ import annotations

import re

import pytest

from engine.checkers import get_checker
from engine.sandbox import WorkerPool
from engine.sandbox.text import GRADERS_CODE, CappedOutput, without_graders_places
from engine.verdict import Status, Verdict
from tests.sandbox.helpers import run_adversarial

GRADERS_FILES = re.compile(r"drillbit/|harness/|child\.py|runtime\.py|line 4\d\d, in hook")


def _nothing_of_the_graders(verdict: Verdict) -> None:
    shown = f"{verdict.stdout}\n{verdict.stderr}\n{verdict.summary}"
    assert not GRADERS_FILES.search(shown), shown


HOOK_REPLACED = """import sys
import warnings

warnings._showwarnmsg = lambda msg: print(f"{msg.filename}:{msg.lineno}", file=sys.stderr)


def double(x):
    warnings.warn("mind the gap", stacklevel=2)
    return x * 2
"""

MODULE_DELETED = """import sys
import warnings


def double(x):
    kept = sys.modules.pop("warnings")
    try:
        warnings.warn("mind the gap", stacklevel=2)
    finally:
        sys.modules["warnings"] = kept
    return x * 2
"""

SHOWWARNING_OF_ITS_OWN = """import sys
import warnings

warnings.showwarning = lambda message, category, filename, lineno, *rest: print(
    f"{filename}:{lineno}: {message}", file=sys.stderr
)
warnings._showwarnmsg = warnings._showwarnmsg_impl


def double(x):
    warnings.warn("mind the gap", stacklevel=3)
    return x * 2
"""


@pytest.mark.parametrize(
    "source",
    [HOOK_REPLACED, MODULE_DELETED, SHOWWARNING_OF_ITS_OWN],
    ids=["showwarnmsg-replaced", "warnings-deleted", "showwarning-of-its-own"],
)
def test_a_warning_shown_past_the_childs_hook_names_no_place_of_the_graders(
    pool: WorkerPool, source: str
) -> None:
    """Each printed `drillbit/runtime.py:480` (or `harness/call.py:19`) before, in both modes."""
    verdict = run_adversarial(pool, source, Status.PASSED)
    assert GRADERS_CODE in verdict.stderr, verdict.stderr
    _nothing_of_the_graders(verdict)


@pytest.mark.parametrize("setter", ["settrace", "setprofile"])
def test_a_refused_hook_in_a_thread_shows_no_traceback_into_the_grader(
    pool: WorkerPool, setter: str
) -> None:
    """`threading.settrace` is no audit event; the thread's own `sys.settrace` is, refused, and
    Python printed the thread's traceback, the audit hook's frame (`drillbit/child.py`,
    line 420, `hook`) at its bottom. The refusal's words stay; the grader's place does not."""
    source = (
        "import threading\n\n"
        f"threading.{setter}(lambda *args: None)\n\n\n"
        "def double(x):\n"
        "    thread = threading.Thread(target=len, args=((),))\n"
        "    thread.start()\n"
        "    thread.join()\n"
        "    return x * 2\n"
    )
    verdict = run_adversarial(pool, source, Status.PASSED)
    hooks = "tracing hooks" if setter == "settrace" else "profiling hooks"
    assert f"PermissionError: drillbit sandbox: {hooks} is not allowed" in verdict.stderr
    assert f'File "{GRADERS_CODE}"' in verdict.stderr, verdict.stderr
    _nothing_of_the_graders(verdict)


IN_A_THREAD = """import threading
import warnings


def double(x):
    thread = threading.Thread(target=warnings.warn, args=("from a thread",), kwargs={"stacklevel": 3})
    thread.start()
    thread.join()
    return x * 2
"""


def test_a_warning_from_a_thread_of_the_codes_says_so(pool: WorkerPool) -> None:
    """It read `submission.py:0`, a line that does not exist: the hooks refuse frames outside
    the grader's thread, so the line cannot be read there."""
    verdict = run_adversarial(pool, IN_A_THREAD, Status.PASSED)
    expected = "submission.py:in a thread the code started: UserWarning: from a thread"
    assert expected in verdict.stderr, verdict.stderr
    assert "submission.py:0" not in verdict.stderr
    _nothing_of_the_graders(verdict)


def test_a_thread_warning_on_its_own_line_keeps_the_line(pool: WorkerPool) -> None:
    """stacklevel 1 in a thread's own function names that line, as in plain Python."""
    source = (
        "import threading\nimport warnings\n\n\ndef _work():\n"
        '    warnings.warn("on line 6")\n\n\n'
        "def double(x):\n    thread = threading.Thread(target=_work)\n"
        "    thread.start()\n    thread.join()\n    return x * 2\n"
    )
    verdict = run_adversarial(pool, source, Status.PASSED)
    assert "submission.py:6: UserWarning: on line 6" in verdict.stderr, verdict.stderr


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ('  File "drillbit/child.py", line 420, in hook\n', f'  File "{GRADERS_CODE}"\n'),
        ("drillbit/runtime.py:480: UserWarning: w\n", f"{GRADERS_CODE}: UserWarning: w\n"),
        ("harness/call.py:19: RuntimeWarning", f"{GRADERS_CODE}: RuntimeWarning"),
        ("sys:1: UserWarning: w", "sys:1: UserWarning: w"),
        ("submission.py:3: UserWarning: w", "submission.py:3: UserWarning: w"),
        # a path of the machine's with a drillbit folder in it is not the grader's name
        ("/home/me/drillbit/setup.py:3: w", "/home/me/drillbit/setup.py:3: w"),
        ('File "/srv/drillbit/run.py", line 2', 'File "/srv/drillbit/run.py", line 2'),
    ],
)
def test_only_the_graders_own_names_are_taken_out(text: str, shown: str) -> None:
    assert without_graders_places(text) == shown


def test_a_place_cut_at_the_outputs_limit_is_taken_out_too() -> None:
    """Output past the limit is dropped: a place the cut fell in (`drillbit/runti`) is at
    the kept text's end, before the note of what was dropped."""
    printed = b"x" * 20 + b"\ndrillbit/runtime.py:480: UserWarning: w\n"
    for cut in range(21, len(printed)):
        output = CappedOutput(cut)
        output.add(printed)
        shown = output.text()
        assert "drillbit/" not in shown and "runtime" not in shown, (cut, shown)
        assert shown.endswith(f"[truncated: {len(printed) - cut} more bytes not shown]")


A_THREAD_INTO_THE_HARNESS = """import threading

import numpy as np


def numerical_gradient(f, x, eps=1e-5):
    thread = threading.Thread(target=f, args=(None,))  # the harness's f, given nothing
    thread.start()
    thread.join()
    grad = np.zeros_like(x)
    for i in range(x.size):
        old = x.flat[i]
        x.flat[i] = old + eps
        up = f(x)
        x.flat[i] = old - eps
        down = f(x)
        x.flat[i] = old
        grad.flat[i] = (up - down) / (2 * eps)
    return grad
"""


def test_a_thread_that_fails_in_the_harnesss_function_shows_no_place_of_it(
    pool: WorkerPool,
) -> None:
    """The function the gradient drills hand the code is the harness's: a thread of the code's
    that called it with None printed Python's thread traceback, `harness/gradcheck.py`'s line
    at its bottom. The error stays; the place reads as the grader's code."""
    checker = get_checker("nn.gradcheck.numerical_gradient")
    verdict = run_adversarial(pool, A_THREAD_INTO_THE_HARNESS, Status.PASSED, checker=checker)
    assert "TypeError" in verdict.stderr, verdict.stderr
    assert f'File "{GRADERS_CODE}"' in verdict.stderr, verdict.stderr
    _nothing_of_the_graders(verdict)
