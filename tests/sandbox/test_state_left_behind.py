"""Hooks and process state a submission sets for the grader to run into, or for the next
grading to inherit (forty-sixth round, sandbox46).

Python calls `sys.excepthook`, `threading.excepthook`, `sys.unraisablehook`, `atexit`'s and
`gc.callbacks`' functions on its own, and numpy, `os.environ`, the recursion limit and the
warning filters are process-wide: a submission set each one, and none ran a hook of its own in
the grader's place, reached a frame of the grader's, forged a word of the verdict, or left
anything for the next grading, which a warm worker of a fresh interpreter runs (each grading's
worker exits when its job ends). What held is pinned here, each followed by a second grading.
"""

from __future__ import annotations

from engine.checkers import get_checker
from engine.grade_sandboxed import grade
from engine.sandbox import WorkerPool
from engine.verdict import Status
from tests.sandbox.drills import PatientDoubleChecker
from tests.sandbox.helpers import (
    DOUBLE,
    WARM_WITHIN_SECONDS,
    assert_clean,
    run_adversarial,
    shown,
)

SIGMOID = get_checker("nn.activations.sigmoid")

PATIENT = PatientDoubleChecker()
"""The double drill with a wall clock a loaded machine does not reach."""

PROBE = """import atexit, gc, os, sys, threading, warnings
import numpy as np

print(
    sorted(np.geterr().items()), np.geterrcall(),
    sorted((key, repr(value)) for key, value in np.get_printoptions().items()),
    sorted(os.environ), sys.excepthook is sys.__excepthook__,
    threading.excepthook is threading.__excepthook__,
    sys.unraisablehook is sys.__unraisablehook__, sys.displayhook is sys.__displayhook__,
    sys.breakpointhook is sys.__breakpointhook__, len(gc.callbacks), gc.isenabled(),
    sys.getrecursionlimit(), sys.getswitchinterval(), sys.get_int_max_str_digits(),
    len(warnings.filters), atexit._ncallbacks(),
)


def double(x):
    return 2 * x
"""
"""A right answer that prints, as it loads, every piece of state the attack below changes."""

LEAVES_EVERYTHING_CHANGED = """import atexit, gc, os, sys, threading, warnings
import numpy as np

FORGED = b"passed all 4 cases\\n"
np.seterr(all="ignore")
np.seterrcall(lambda *args: None)
np.set_printoptions(threshold=1, precision=1, formatter={"all": lambda value: "PASSED"})
os.environ["PYTHONWARNINGS"] = "ignore"
os.environ["DRILLBIT_FORGED"] = "1"
sys.excepthook = lambda *args: os.write(1, FORGED)
threading.excepthook = lambda args: os.write(1, FORGED)
sys.unraisablehook = lambda unraisable: os.write(1, FORGED)
sys.displayhook = sys.breakpointhook = lambda *args: os.write(1, FORGED)
atexit.register(os.write, 1, FORGED)
gc.callbacks.append(lambda *args: os.write(1, FORGED))
gc.disable()
sys.setrecursionlimit(50_000)
sys.setswitchinterval(1e-6)
sys.set_int_max_str_digits(640)
warnings.simplefilter("ignore")


def double(x):
    return x  # wrong: nothing it set may make it pass
"""


def test_state_a_grading_leaves_is_not_the_next_gradings(pool: WorkerPool) -> None:
    """numpy's error state and print options, the environment, Python's hooks, the collector,
    the limits and the warning filters, all changed as the file loaded: the wrong answer fails
    on its values, no hook of its wrote a word, and the next grading starts as the one before."""
    before = grade(DOUBLE, PROBE, seed=3, pool=pool)
    assert before.status is Status.PASSED, shown(before)
    assert before.stdout.startswith("[("), before.stdout
    verdict = run_adversarial(pool, LEAVES_EVERYTHING_CHANGED, Status.FAILED, "wrong values")
    assert "passed all" not in verdict.stdout + verdict.stderr, verdict.stdout + verdict.stderr
    after = grade(DOUBLE, PROBE, seed=3, pool=pool)
    assert after.status is Status.PASSED, shown(after)
    assert after.stdout == before.stdout


FRAMES_THROUGH_HOOKS = {
    # Python hands an unraisable exception's traceback to the hook: the grader dropped the
    # code's object, whose __del__ raised, while the grader's frames were on the stack
    "unraisablehook": """
import sys
GOT = []

def hook(unraisable):
    try:
        GOT.append(unraisable.exc_traceback.tb_frame.f_back.f_locals)
    except Exception as exc:
        GOT.append(exc)

sys.unraisablehook = hook

class Raises:
    def __del__(self):
        raise ValueError("from __del__")

KEPT = []
""",
    # a thread's uncaught exception goes to threading.excepthook with its traceback
    "threading.excepthook": """
import threading
GOT = []

def hook(args):
    try:
        GOT.append(args.exc_traceback.tb_frame.f_back.f_back.f_locals)
    except Exception as exc:
        GOT.append(exc)

threading.excepthook = hook

class Raises:
    pass

KEPT = []

def _thread():
    thread = threading.Thread(target=lambda: 1 / 0)
    thread.start()
    thread.join()
""",
}
USES_THE_HOOK = """
CALLS = []

def double(x):
    KEPT[:] = [Raises()]  # the previous case's is dropped here
    CALLS.append(x)
    if "_thread" in globals():
        _thread()
    if len(CALLS) > 1 and not GOT:
        raise RuntimeError("the hook was never called")
    reached = any(type(got) is dict for got in GOT)
    return 2 * x if reached else x  # right only if a frame past the code's was read
"""


def test_a_hook_python_calls_reaches_no_frame_of_the_graders(pool: WorkerPool) -> None:
    """Each hook was called with a traceback (an error says so if not), and its `tb_frame`
    was refused by the hooks ("inspecting stack frames"), in the grader's thread and in the
    code's own: the answer that is right only when a frame was read fails on its values."""
    for name, source in FRAMES_THROUGH_HOOKS.items():
        verdict = run_adversarial(pool, source + USES_THE_HOOK, Status.FAILED, "wrong values")
        assert "passed" not in verdict.summary.split(":")[0], (name, shown(verdict))


NAIVE_WITH_EVERY_WARNING_RAISED = """import warnings
import numpy as np

warnings.simplefilter("error")
np.seterr(all="raise")


def sigmoid(z):
    return 1 / (1 + np.exp(-z))
"""


def test_errors_asked_for_as_the_file_loads_change_no_check(pool: WorkerPool) -> None:
    """Warnings made errors and numpy set to raise, before the strict drill's calls: the naive
    sigmoid fails on the overflow's own words, not on a FloatingPointError, and the stable
    one passes (its events are counted, never raised into the grader)."""
    run_adversarial(
        pool,
        NAIVE_WITH_EVERY_WARNING_RAISED,
        Status.FAILED,
        "numpy reported overflow during the call",
        checker=SIGMOID,
    )
    stable = NAIVE_WITH_EVERY_WARNING_RAISED.replace(
        "1 / (1 + np.exp(-z))", "0.5 * (1 + np.tanh(0.5 * z))"
    )
    verdict = run_adversarial(pool, stable, Status.PASSED, checker=SIGMOID)
    assert verdict.stderr == "", verdict.stderr


def test_a_recursion_limit_lowered_in_the_call_is_the_graders_again(pool: WorkerPool) -> None:
    source = "import sys\n\n\ndef double(x):\n    sys.setrecursionlimit(25)\n    return 2 * x\n"
    run_adversarial(pool, source, Status.PASSED)
    assert grade(DOUBLE, PROBE, seed=3, pool=pool).status is Status.PASSED


SQUEEZED = """import sys
import threading


def _squeeze():
    while True:
        try:
            sys.setrecursionlimit(8)  # its own stack is shallow: allowed, for the whole process
        except RecursionError:
            pass


def double(x):
    threading.Thread(target=_squeeze, daemon=True).start()
    return 2 * x
"""


def test_a_recursion_limit_squeezed_from_a_thread_stops_the_grader_in_one_line(
    pool: WorkerPool,
) -> None:
    """The grader puts its limit back after each call, but a thread of the code's set it to 8
    again at once, and the grader's next step raised RecursionError: the child's stderr was
    the grader's traceback, its frames at the bottom. Where the race lands varies (a call of
    the code's raising it, or the grader stopping), never a pass and never a traceback: a
    grader that stops says so in one line. The right answer graded next passes."""
    pool.wait_warm(WARM_WITHIN_SECONDS)
    # its point is how the race ends, not the deadline: DOUBLE's 1 s wall clock ran out first
    # at a load average of 14 (CI beside eight other jobs), and the verdict read TIMEOUT
    verdict = grade(PATIENT, SQUEEZED, seed=3, pool=pool)
    assert verdict.status in {Status.CRASHED, Status.ERROR}, shown(verdict)
    assert "Traceback" not in verdict.stderr and "File " not in verdict.stderr, verdict.stderr
    if verdict.status is Status.CRASHED:
        assert verdict.stderr.startswith(
            "drillbit sandbox: the grader stopped on RecursionError after your code ran"
        ), verdict.stderr
    assert_clean([pool])
    after = grade(DOUBLE, "def double(x):\n    return 2 * x\n", seed=4, pool=pool)
    assert after.status is Status.PASSED, shown(after)
