"""The standard library's Python code in the grader's steps, and the fault handler's dump
(fifty-third round, sandbox53).

The grader's own classes are held (fifty-second round), but the harnesses of the seeded
drills called Python code of the standard library after the code had loaded: `random.seed`
(which reads the `random` module's `isinstance` and `super`, and sets `gauss_next` through
the instance's class), `np.random.seed` (numpy's `mtrand._rand`, `_mt19937.operator`) and
`copy.deepcopy` (its `_deepcopy_dispatch`, `id`), every one of them the code's to replace.
A trap set there ran inside the harness's step, between two calls; one that re-seeded
np.random there let an answer that draws from np.random instead of its `rng` pass. The
harnesses now seed the global generators and copy the arguments through C alone, taken as
they load, and build the rng before seeding (numpy's `default_rng` reads its module's
`PCG64`). Each trap records any call the code did not make itself, and the next call
raises "reached: ..."; each answer's values are right unless it says otherwise.

And the fault handler: `faulthandler.disable()` turned the launcher's handler into a no-op
(seccomp refuses putting the default action back), so a segfault after it was told with no
line; it is refused now. A dump written after the code had filled stderr past the part the
app keeps was lost; the app keeps stderr's end apart for it.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from engine.checkers.base import harness_sources
from engine.grade_sandboxed import grade
from engine.sandbox import WorkerPool
from engine.sandbox.text import CappedOutput
from engine.verdict import Status
from tests.sandbox.attack_parts import NOTES
from tests.sandbox.drills import PatientDoubleChecker, PatientDropout, PatientInitializers
from tests.sandbox.helpers import run_adversarial, shown

ANSWERS = Path(__file__).resolve().parent.parent / "data" / "answers"


INITIALIZERS = PatientInitializers()
DROPOUT = PatientDropout()
PATIENT = PatientDoubleChecker()

TRAPS = (
    "import sys\nimport numpy as np\n\n"
    + NOTES
    + """

def trap(name, original=None):
    def run(*args, **kw):
        note(name)
        return None if original is None else original(*args, **kw)
    return run


def check():
    if seen:
        raise RuntimeError("reached: " + "; ".join(seen))


def set_traps():
    mine[0] = True
    CHANGE
    mine[0] = False
"""
)

INIT_ENTRIES = """

def he_init(n_in, n_out, rng):
    check()
    set_traps()
    return rng.normal(loc=0.0, scale=np.sqrt(2 / n_in), size=(n_out, n_in))


def xavier_init(n_in, n_out, rng):
    check()
    return rng.normal(0.0, (2 / (n_in + n_out)) ** 0.5, (n_out, n_in))
"""

DROPOUT_ENTRIES = """

def dropout_forward(A, keep_prob, rng):
    check()
    set_traps()
    mask = (rng.random(A.shape) < keep_prob).astype(A.dtype)
    return A * mask / keep_prob, mask


def dropout_backward(dout, mask, keep_prob):
    check()
    return dout * mask / keep_prob
"""

TRAPPED = {
    "copy's dispatch table": (
        "import copy\n    table = copy._deepcopy_dispatch\n"
        "    table[list] = trap('deepcopy of a list', table[list])\n"
        "    table[int] = trap('deepcopy of an int', table[int])"
    ),
    "copy's id": "import copy, builtins\n    copy.id = trap('copy.id', builtins.id)",
    "random's isinstance": (
        "import random, builtins\n"
        "    random.isinstance = trap('random.isinstance', builtins.isinstance)"
    ),
    "a gauss_next property on random.Random": (
        "import random\n"
        "    random.Random.gauss_next = property(lambda s: None, trap('gauss_next set'))"
    ),
    "numpy's global RandomState": (
        "import numpy.random.mtrand as mtrand\n"
        "    class Seen:\n"
        "        def __getattr__(self, name, _real=mtrand._rand):\n"
        "            note('mtrand._rand.' + name)\n"
        "            return getattr(_real, name)\n"
        "    if type(mtrand._rand).__name__ != 'Seen':\n"
        "        mtrand._rand = Seen()"
    ),
}


def trapped(entries: str, change: str) -> str:
    return (TRAPS + entries).replace("CHANGE", change)


@pytest.mark.parametrize("change", list(TRAPPED))
def test_no_trap_in_the_standard_library_runs_in_the_seeded_harness(
    pool: WorkerPool, change: str
) -> None:
    source = trapped(INIT_ENTRIES, TRAPPED[change])
    verdict = run_adversarial(pool, source, Status.PASSED, checker=INITIALIZERS)
    assert "reached" not in shown(verdict)


def test_no_trap_in_random_runs_in_the_dropout_harness(pool: WorkerPool) -> None:
    source = trapped(DROPOUT_ENTRIES, TRAPPED["random's isinstance"])
    verdict = run_adversarial(pool, source, Status.PASSED, checker=DROPOUT)
    assert "reached" not in shown(verdict)


# np.random drawn from, not the rng: re-seeded by the code inside the grader's seeding step
# (the k-th distinct seed of a case's three: the first two alike, the third not), and a draw
# of its own after each call so the grader's "re-seeded" check sees two states apart
GLOBAL_DRAWS = """import numpy as np

order = []
drawn = [0]


def reseed(seed):
    if type(seed) is int:
        if seed not in order:
            order.append(seed)
        k = order.index(seed)
        np.random.seed(1000 + k // 3 * 10 + (1 if k % 3 == 2 else 0))


HOOK


def draw(n_out, n_in, scale):
    out = np.random.randn(n_out, n_in) * scale
    drawn[0] += 1
    np.random.random(drawn[0])
    return out


def he_init(n_in, n_out, rng):
    return draw(n_out, n_in, np.sqrt(2.0 / n_in))


def xavier_init(n_in, n_out, rng):
    return draw(n_out, n_in, np.sqrt(2.0 / (n_in + n_out)))
"""

RESEEDING_HOOK = (
    # random.seed's own `isinstance(a, ...)`, run just after the grader's np.random.seed
    "import random, builtins\n\n\ndef checked(value, kinds, _real=builtins.isinstance):\n"
    "    reseed(value)\n    return _real(value, kinds)\n\n\nrandom.isinstance = checked"
)


def test_an_answer_drawing_from_np_random_fails_whoever_reseeds_it(pool: WorkerPool) -> None:
    """Passed before the fix (through `random.isinstance`): the grader's seeding step ran the
    code's re-seeding, so the same seed gave the same weights."""
    source = GLOBAL_DRAWS.replace("HOOK", RESEEDING_HOOK)
    verdict = run_adversarial(
        pool, source, Status.FAILED, "the same seed gave different weights", checker=INITIALIZERS
    )
    assert "passed all" not in shown(verdict)


def test_the_rng_is_made_before_the_global_seeding(pool: WorkerPool) -> None:
    """default_rng's `PCG64` is the code's to replace: had it run after the seeding, it could
    re-seed np.random (with a seed counted from its own calls) just before the call."""
    hook = (
        "import numpy.random._generator as made\n\nPCG = made.PCG64\ncalls = [0]\n\n\n"
        "def pcg(seed=None):\n    calls[0] += 1\n"
        "    np.random.seed(7 + calls[0] // 3 * 3 + (calls[0] % 3 == 0))\n"
        "    return PCG(seed)\n\n\n"
        "made.PCG64 = pcg"
    )
    verdict = run_adversarial(
        pool,
        GLOBAL_DRAWS.replace("HOOK", hook),
        Status.FAILED,
        "the same seed gave different weights",
        checker=INITIALIZERS,
    )
    assert "passed all" not in shown(verdict)


def test_the_answers_right_values_still_pass_as_before(pool: WorkerPool) -> None:
    source = (ANSWERS / "initializers" / "correct_rng_normal.py").read_text(encoding="utf-8")
    assert grade(INITIALIZERS, source, seed=3, pool=pool).status is Status.PASSED
    wrong = (ANSWERS / "initializers" / "wrong_global_randn.py").read_text(encoding="utf-8")
    verdict = grade(INITIALIZERS, wrong, seed=3, pool=pool)
    assert verdict.status is Status.FAILED, shown(verdict)


# -- the fault handler's dump ------------------------------------------------------------------

DISABLED = """import faulthandler


def double(x):
    try:
        faulthandler.disable()
    except PermissionError as exc:
        print("refused:", exc, flush=True)
    faulthandler._sigsegv()
    return 2 * x
"""


def test_faulthandler_disable_is_refused_and_the_fault_keeps_its_line(pool: WorkerPool) -> None:
    """Before, `disable` left the handler a no-op: the fault was told by its signal alone."""
    verdict = run_adversarial(pool, DISABLED, Status.CRASHED, "SIGSEGV", checker=PATIENT)
    assert "it came under line 9 of your code (in double)" in shown(verdict), shown(verdict)
    assert "faulthandler's handlers, its watchdog and its stack dumps are not" in verdict.stdout


FILLED = """import faulthandler, os


def double(x):
    os.write(2, b"e" * 300_000)
    faulthandler._sigsegv()
    return 2 * x
"""


def test_a_fault_after_stderr_was_filled_keeps_its_line(pool: WorkerPool) -> None:
    """Before, the dump came past the 64 KiB the app keeps of stderr, and was dropped."""
    verdict = run_adversarial(pool, FILLED, Status.CRASHED, "SIGSEGV", checker=PATIENT)
    assert "it came under line 6 of your code (in double)" in shown(verdict), shown(verdict)
    assert "[truncated:" in verdict.stderr


def test_stderrs_end_is_kept_apart_once_some_is_dropped() -> None:
    out = CappedOutput(8)
    out.add(b"12345")
    assert out.tail_text() == ""  # nothing dropped: the kept part holds it all
    out.add(b"6789" + b"x" * 100_000 + b"END")
    assert bytes(out.data) == b"12345678" and out.dropped == 100_000 + 4
    tail = out.tail_text()
    assert len(tail) == CappedOutput.TAIL and tail.endswith("xEND")
    for _ in range(50):  # bounded however much comes
        out.add(b"y" * 10_000)
    assert len(out.tail) <= 2 * CappedOutput.TAIL and out.tail_text().endswith("y" * 100)


# -- held before this round: new angles that found nothing of the grader's ----------------------

RACING = TRAPS.replace(
    "def set_traps():",
    """import threading, time, random, copy, builtins

sys.setswitchinterval(1e-6)


def keep_setting():  # a watcher that sleeps between its rounds: no spinning
    while True:
        random.isinstance = trap("random.isinstance (a thread's)", builtins.isinstance)
        copy._deepcopy_dispatch[list] = trap("deepcopy (a thread's)", copy._deepcopy_list)
        time.sleep(0.002)


threading.Thread(target=keep_setting, daemon=True).start()


def set_traps():""",
)


def test_a_thread_setting_the_traps_again_reaches_nothing(pool: WorkerPool) -> None:
    """The harness's steps now read neither module, however often a thread of the code's sets
    the traps again and however often the interpreter switches threads."""
    source = (RACING + INIT_ENTRIES).replace("CHANGE", "pass")
    verdict = run_adversarial(pool, source, Status.PASSED, checker=INITIALIZERS)
    assert "reached" not in shown(verdict)


WRONG = "\n\ndef double(x):\n    check()\n    set_traps()\n    return 3 * x\n"

HELD = {
    # the collector's callbacks run inside the grader's steps, as finalizers do; a frame read
    # there is refused (the guard is closed while the grader works)
    "gc.callbacks reading frames": (
        "import gc\n    def seen_frame(phase, info):\n"
        "        try:\n            frame = sys._getframe(1)\n        except BaseException:\n"
        "            return\n        note('a frame: ' + frame.f_code.co_filename)\n"
        "    if not gc.callbacks:\n        gc.callbacks.append(seen_frame)\n"
        "        gc.set_threshold(1, 1, 1)"
    ),
    # the child ends with os._exit once `done` is written: no atexit function runs
    "atexit printing a verdict": (
        "import atexit\n    atexit.register(print, 'passed all 4 cases', flush=True)\n"
        "    atexit.register(sys.stdout.write, 'passed all 4 cases')"
    ),
}


@pytest.mark.parametrize("change", list(HELD))
def test_held_angles_reach_nothing(pool: WorkerPool, change: str) -> None:
    source = (TRAPS + WRONG).replace("CHANGE", HELD[change])
    verdict = run_adversarial(pool, source, Status.FAILED, "wrong values")
    seen = f"{shown(verdict)}\n{verdict.stdout}\n{verdict.stderr}"
    assert "reached" not in seen and "passed all" not in seen, seen


# -- the rng made before the code loads, np.random's cached Gaussian and its next draw -----------
# (fifty-third round, sandbox53, second part)

# numpy's `default_rng(seed)` reads `_generator`'s `PCG64` and SeedSequence's helpers in
# `bit_generator`: called by the harness after the code loaded, it ran the code's functions
RNG_TRAPS = (
    "import numpy.random._generator as made, numpy.random.bit_generator as bits\n"
    "    made.PCG64 = trap('default_rng: PCG64', np.random.PCG64)\n"
    "    real = vars(bits).setdefault('real_coerce', bits._coerce_to_uint32_array)\n"
    "    bits._coerce_to_uint32_array = trap('SeedSequence: coerce', real)"
)


@pytest.mark.parametrize(
    ("entries", "checker"),
    [(INIT_ENTRIES, INITIALIZERS), (DROPOUT_ENTRIES, DROPOUT)],
    ids=["seeded", "dropout"],
)
def test_no_code_of_the_codes_runs_where_the_rng_is_made(
    pool: WorkerPool, entries: str, checker: object
) -> None:
    """Reached before: each call's `default_rng` ran after the code had loaded. The child now
    has the harness make every call's rng before the code loads (`prepare`)."""
    source = trapped(entries, RNG_TRAPS)
    verdict = run_adversarial(pool, source, Status.PASSED, checker=checker)  # type: ignore[arg-type]
    assert "reached" not in shown(verdict)


CACHED_GAUSS = """import numpy as np


def start():
    state = np.random.get_state()
    if state[3]:
        raise RuntimeError("a Gaussian cached before the seeding: " + repr(state[4]))
    np.random.randn(3)  # an odd count: one Gaussian is left cached for the next draw


def he_init(n_in, n_out, rng):
    start()
    return rng.normal(0.0, np.sqrt(2 / n_in), (n_out, n_in))


def xavier_init(n_in, n_out, rng):
    start()
    return rng.normal(0.0, (2 / (n_in + n_out)) ** 0.5, (n_out, n_in))
"""


def test_np_randoms_cached_gaussian_is_dropped_at_each_seeding(pool: WorkerPool) -> None:
    """Before, the harness's seeding set np.random's MT19937 and left RandomState's cached
    Gaussian: a call's first `np.random.randn` was the one the code's last call left."""
    verdict = run_adversarial(pool, CACHED_GAUSS, Status.PASSED, checker=INITIALIZERS)
    assert "cached" not in shown(verdict)


# the re-seeding answer the "re-seeded" check catches, with the functions that check read
# (`random.random`, `np.random.random`) replaced by ones that never give the same value twice
NEXT_DRAW_REPLACED = """import itertools
import random

import numpy as np

count = itertools.count()
np.random.random = lambda *args: next(count) / 1e6
random.random = lambda: next(count) / 1e6


def he_init(n_in, n_out, rng):
    np.random.seed(int(rng.integers(2**31)))
    return np.random.randn(n_out, n_in) * np.sqrt(2.0 / n_in)


def xavier_init(n_in, n_out, rng):
    np.random.seed(int(rng.integers(2**31)))
    return np.random.randn(n_out, n_in) * np.sqrt(2.0 / (n_in + n_out))
"""


def test_the_reseeded_check_reads_np_random_through_its_own_functions(pool: WorkerPool) -> None:
    """Passed before: the harness read the next draws through `random.random` and
    `np.random.random`, which the code had replaced, and saw two states apart."""
    verdict = run_adversarial(
        pool, NEXT_DRAW_REPLACED, Status.FAILED, "re-seeded np.random", checker=INITIALIZERS
    )
    assert "passed all" not in shown(verdict)


@pytest.mark.parametrize("name", ["seeded", "dropout"])
def test_the_rngs_made_ahead_are_default_rngs_streams(name: str) -> None:
    """In-process: `prepare` makes, per case, the rngs `default_rng(seed)` made at each call
    (the same streams), handed out in call order; and the seeding leaves no cached Gaussian."""
    import numpy as np

    harness: dict[str, object] = {"__name__": f"harness_{name}"}
    # the text the child runs: the shared seeding written in, so its names are this harness's
    exec(compile(harness_sources()[name], f"harness/{name}.py", "exec"), harness)
    more = "more_seeds" if name == "seeded" else "spread_seeds"
    inputs = {"seed": 11, "other_seed": 12, more: [13, 14]}
    harness["prepare"]([inputs])  # type: ignore[operator]
    take = harness["_rng"]
    for seed in (11, 11, 12, 13, 14):
        rng = take(inputs, seed)  # type: ignore[operator]
        assert list(rng.random(4)) == list(np.random.default_rng(seed).random(4))
    assert harness["_MADE"] == {id(inputs): []}  # every one handed out, none made twice
    seed_globals = harness["_seed_globals"]
    saved = (random.getstate(), np.random.get_state())  # this process's, put back after
    try:
        seed_globals(5)  # type: ignore[operator]
        first = np.random.randn(3)  # an odd count: one Gaussian cached
        seed_globals(5)  # type: ignore[operator]
        assert np.random.get_state(legacy=False)["has_gauss"] == 0 and list(
            np.random.randn(3)
        ) == list(first)
    finally:
        random.setstate(saved[0])
        np.random.set_state(saved[1])
