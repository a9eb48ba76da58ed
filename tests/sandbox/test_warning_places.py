"""Where a warning of the code's says it came from (forty-fifth round, sandbox45b).

`warnings.warn(..., stacklevel=n)` names the frame n levels up: past the code's own frames
those are the grader's (`drillbit/runtime.py:430`, `harness/call.py:19`,
`drillbit/child.py:1581`, or `sys:1` past the top), which the candidate then read on the
code's stderr as if the grader had warned. The child now names the code's own innermost
line instead; a warning numpy raises about the code's line still names that line.
"""

from __future__ import annotations

import re

import pytest

from engine.grade_sandboxed import grade
from engine.sandbox import WorkerPool
from engine.verdict import Status
from tests.sandbox.helpers import DOUBLE, GOOD, run_adversarial, shown

GRADERS_FILES = re.compile(r"drillbit/|harness/|child\.py|runtime\.py|\bsys:\d")


def _warns(where: str, stacklevel: int) -> str:
    """A right `double` that warns once, in a call or as the file loads."""
    warn = f'warnings.warn("mind the gap", UserWarning, stacklevel={stacklevel})'
    if where == "load":
        return f"import warnings\n{warn}\n\n\ndef double(x):\n    return x * 2\n"
    return f"import warnings\n\n\ndef double(x):\n    {warn}\n    return x * 2\n"


@pytest.mark.parametrize("stacklevel", [1, 2, 50])
@pytest.mark.parametrize(("where", "line"), [("call", 5), ("load", 2)])
def test_a_warning_names_the_codes_own_line(
    pool: WorkerPool, stacklevel: int, where: str, line: int
) -> None:
    verdict = grade(DOUBLE, _warns(where, stacklevel), seed=3, pool=pool)
    assert verdict.passed, shown(verdict)
    assert f"submission.py:{line}: UserWarning: mind the gap" in verdict.stderr, verdict.stderr
    assert not GRADERS_FILES.search(verdict.stderr), verdict.stderr


def test_a_warning_from_a_helper_of_the_codes_names_its_caller(pool: WorkerPool) -> None:
    """stacklevel=2 inside a helper of the code's is the code's caller, as in plain Python."""
    source = (
        "import warnings\n\n\ndef _helper():\n"
        '    warnings.warn("old helper", DeprecationWarning, stacklevel=2)\n\n\n'
        "def double(x):\n    _helper()\n    return x * 2\n"
    )
    verdict = grade(
        DOUBLE, "import warnings\nwarnings.simplefilter('always')\n" + source, seed=3, pool=pool
    )
    assert verdict.passed, shown(verdict)
    assert "submission.py:11: DeprecationWarning: old helper" in verdict.stderr, verdict.stderr
    assert not GRADERS_FILES.search(verdict.stderr), verdict.stderr


@pytest.mark.parametrize(
    ("source", "line"),
    [
        ("import numpy as np\nBIG = np.exp(np.float64(1000.0))\n" + GOOD, 2),
        (
            "import numpy as np\n\n\ndef double(x):\n"
            '    with np.errstate(over="warn"):\n'
            "        np.exp(np.float64(1000.0))\n    return x * 2\n",
            6,
        ),
    ],
    ids=["load", "call"],
)
def test_numpys_overflow_warning_still_names_the_codes_line(
    pool: WorkerPool, source: str, line: int
) -> None:
    """A drill that does not grade events (its calls run with numpy's events ignored, so the
    call asks for the warning): numpy's own RuntimeWarning, about the code's line."""
    verdict = grade(DOUBLE, source, seed=3, pool=pool)
    assert verdict.passed, shown(verdict)
    expected = f"submission.py:{line}: RuntimeWarning: overflow encountered in exp"
    assert expected in verdict.stderr, verdict.stderr
    assert not GRADERS_FILES.search(verdict.stderr), verdict.stderr


REACHES_THE_WALKER = """import sys
import threading
import warnings


def double(x):
    lines = warnings._showwarnmsg.__defaults__[0]
    if lines.send(None) != 8:  # its own line, nothing more
        return x
    elsewhere = []
    thread = threading.Thread(target=lambda: elsewhere.append(lines.send(None)))
    thread.start()
    thread.join()
    if elsewhere != [None]:  # another thread walks nothing
        return x
    for door in (lambda: sys._getframe(1), lambda: lines.gi_frame):
        try:
            door()
        except ValueError:
            continue
        return x  # the guard was left open, or the walker's frame (its `unguard`) reached
    try:
        warnings._showwarnmsg.__defaults__ = (iter([None]),)
    except PermissionError:
        pass
    else:
        return x  # the grader's hook rewritten
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        warnings.warn("recorded", stacklevel=50)
    if [(w.filename, w.lineno) for w in caught] != [("submission.py", 30)]:
        return x
    return x * 2
"""


def test_the_code_reaching_the_walker_learns_its_own_line_only(pool: WorkerPool) -> None:
    """The hook sits in `warnings`, where the code reads its defaults and finds the generator
    that walks the frames: sent to, it names the code's own line (None in another thread), and
    the frame guard is closed again after; the hook's defaults cannot be rewritten; recording
    warnings sees the code's place too."""
    verdict = run_adversarial(pool, REACHES_THE_WALKER, Status.PASSED)
    assert verdict.stderr == "", verdict.stderr
