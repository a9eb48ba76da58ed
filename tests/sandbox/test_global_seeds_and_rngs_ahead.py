"""np.random as `np.random.seed` leaves it, and the rngs made ahead out of the code's reach
(fifty-fourth round, sandbox54).

The seeded and dropout harnesses seed np.random before each call (the drills' texts say the
grader re-seeds the global np.random between calls). Since the fifty-third round they did it
through C taken as they load, with a key drawn from a generator of their own: reproducible,
but not the state `np.random.seed(seed)` gives, so code reading np.random met a stream no
`np.random.seed` makes. `prepare` now works out numpy's own legacy key for every global seed
of the job before the code loads, and the seeding sets that key.

And each call's rng is made ahead, by `prepare`, and kept in the harness's namespace until its
call: code that reached it could draw from a later call's rng first. The attacks below look for
them through the collector, frames and module globals, and advance any found.
"""

from __future__ import annotations

import random

import numpy as np
import pytest

from engine.checkers.base import harness_sources
from engine.sandbox import WorkerPool
from engine.verdict import Status
from tests.sandbox.drills import PatientDropout, PatientInitializers
from tests.sandbox.helpers import run_adversarial, shown

INITIALIZERS = PatientInitializers()
DROPOUT = PatientDropout()

# np.random's MT19937 as `np.random.seed(s)` leaves it has s as its first word, at position
# 624, no Gaussian cached: the call compares the state it finds with RandomState(s)'s
AS_NUMPY_SEEDS = """import numpy as np


def seeded_as_numpy():
    state = np.random.get_state(legacy=False)
    key = state["state"]["key"]
    fresh = np.random.RandomState(int(key[0])).get_state(legacy=False)
    same = (
        state["state"]["pos"] == fresh["state"]["pos"]
        and bool((key == fresh["state"]["key"]).all())
        and state["has_gauss"] == 0
    )
    if not same:
        raise RuntimeError("np.random is not as np.random.seed(seed) leaves it")
"""

INIT_ENTRIES = """

def he_init(n_in, n_out, rng):
    START
    return rng.normal(0.0, np.sqrt(2 / n_in), (n_out, n_in))


def xavier_init(n_in, n_out, rng):
    START
    return rng.normal(0.0, (2 / (n_in + n_out)) ** 0.5, (n_out, n_in))
"""

DROPOUT_ENTRIES = """

def dropout_forward(A, keep_prob, rng):
    START
    mask = (rng.random(A.shape) < keep_prob).astype(A.dtype)
    return A * mask / keep_prob, mask


def dropout_backward(dout, mask, keep_prob):
    return dout * mask / keep_prob
"""


@pytest.mark.parametrize(
    ("entries", "checker"),
    [(INIT_ENTRIES, INITIALIZERS), (DROPOUT_ENTRIES, DROPOUT)],
    ids=["seeded", "dropout"],
)
def test_each_call_finds_np_random_as_np_random_seed_leaves_it(
    pool: WorkerPool, entries: str, checker: object
) -> None:
    """Failed before in both modes: the key came from a generator of the harness's own."""
    source = AS_NUMPY_SEEDS + entries.replace("START", "seeded_as_numpy()")
    verdict = run_adversarial(pool, source, Status.PASSED, checker=checker)  # type: ignore[arg-type]
    assert "not as np.random.seed" not in shown(verdict)


@pytest.mark.parametrize("name", ["seeded", "dropout"])
def test_the_seeding_is_np_random_seeds_with_or_without_prepare(name: str) -> None:
    """In-process: the state after the harness's seeding is `np.random.seed(seed)`'s, for a
    seed `prepare` worked out ahead and for one it did not (the in-process grader's path,
    worked out with ints alone), at the ends of the seeds' range too."""
    harness: dict[str, object] = {"__name__": f"harness_{name}"}
    exec(compile(harness_sources()[name], f"harness/{name}.py", "exec"), harness)
    more = "more_seeds" if name == "seeded" else "spread_seeds"
    inputs = {"seed": 1, "other_seed": 2, more: [2**40 + 5], "global_seeds": [0, 17, 2**32 - 1]}
    harness["prepare"]([inputs])  # type: ignore[operator]
    ahead = set(harness["_LEGACY"])  # type: ignore[call-overload]
    assert {0, 17, 2**32 - 1} <= ahead and (5 in ahead) is (name == "dropout")
    seed_globals = harness["_seed_globals"]
    saved = (random.getstate(), np.random.get_state())  # this process's, put back after
    try:
        for seed in (0, 17, 2**32 - 1, 5, 123_456_789):
            np.random.randn(3)  # a Gaussian cached, which the seeding drops
            seed_globals(seed)  # type: ignore[operator]
            found = np.random.get_state(legacy=False)
            drawn = np.random.random(4)
            np.random.seed(seed)
            wanted = np.random.get_state(legacy=False)
            assert found["state"]["pos"] == wanted["state"]["pos"] == 624
            assert list(found["state"]["key"]) == list(wanted["state"]["key"]), seed
            assert found["has_gauss"] == 0 and list(drawn) == list(np.random.random(4))
            random.seed(seed)
            python = random.random()
            seed_globals(seed)  # type: ignore[operator]
            assert random.random() == python  # Python's random as random.seed leaves it
    finally:
        random.setstate(saved[0])
        np.random.set_state(saved[1])


# -- the rngs made ahead, looked for ----------------------------------------------------------

# every way the code could find a Generator other than its own `rng`: the collector, the
# caller's frame (asked for, or through a traceback), every thread's frames, and a walk from
# every module and every class (their dicts, functions' globals, closures and defaults, bound
# methods' objects, containers), in the first call, when every rng is made already; any
# Generator found is advanced a thousand draws
HUNT = """import gc, sys, types
import numpy as np

found = []


def advance(value, how):
    if type(value) is np.random.Generator and value is not mine[0]:
        value.random(1000)
        found.append(how)


mine = [None]


def tried(how, get):
    try:
        return get()
    except BaseException:  # refused: what the hunt is about
        return None


def walk(starts):
    seen, todo, steps = set(), list(starts), 0
    while todo and steps < 60_000:
        how, value = todo.pop()
        steps += 1
        if id(value) in seen:
            continue
        seen.add(id(value))
        advance(value, how)
        kind = type(value)
        more = []
        if kind is dict:
            if "_MADE" in value or "_LEGACY" in value:
                found.append("the harness's namespace by " + how)
            more = list(value.values())
        elif kind in (list, tuple, set, frozenset):
            more = list(value)
        elif kind is types.ModuleType:
            more = [tried(how, lambda: vars(value))]
        elif kind is types.FunctionType:
            more = [value.__globals__, value.__defaults__, value.__kwdefaults__]
            more += [tried(how, lambda c=c: c.cell_contents) for c in value.__closure__ or ()]
        elif kind is types.MethodType:
            more = [value.__func__, value.__self__]
        elif isinstance(value, type):
            more = [tried(how, lambda: dict(vars(value)))]
        todo += [(how, item) for item in more if item is not None]


def hunt(rng):
    if mine[0] is not None:  # once: every call's rng is made before the first call
        return
    mine[0] = rng
    for item in tried("gc", gc.get_objects) or ():
        advance(item, "gc.get_objects")
    for item in tried("gc", lambda: gc.get_referrers(rng)) or ():
        walk([("gc.get_referrers", item)])
    frame = tried("frame", lambda: sys._getframe(1))
    if frame is not None:
        walk([("the caller's frame", frame.f_globals), ("its locals", frame.f_locals)])
    try:
        raise ValueError
    except ValueError as exc:
        up = tried("traceback", lambda: exc.__traceback__.tb_frame.f_back)
        if up is not None:
            walk([("a traceback's frame", up.f_globals), ("its locals", up.f_locals)])
    for frame in (tried("threads", sys._current_frames) or {}).values():
        walk([("a thread's frame", frame.f_globals)])
    walk([("sys.modules", dict(sys.modules)), ("object's subclasses", type.__subclasses__(object))])


def check():
    if found:
        raise RuntimeError("reached: " + "; ".join(sorted(set(found))))
"""


@pytest.mark.parametrize(
    ("entries", "checker"),
    [(INIT_ENTRIES, INITIALIZERS), (DROPOUT_ENTRIES, DROPOUT)],
    ids=["seeded", "dropout"],
)
def test_the_rngs_made_ahead_are_out_of_the_codes_reach(
    pool: WorkerPool, entries: str, checker: object
) -> None:
    """A later call's rng, advanced by the code, would change what that call returns: the
    "same seed, same weights" check would then judge the harness's rng, not the answer."""
    source = HUNT + entries.replace("START", "check()\n    hunt(rng)")
    verdict = run_adversarial(pool, source, Status.PASSED, checker=checker)  # type: ignore[arg-type]
    assert "reached" not in shown(verdict)


def test_the_hunt_finds_and_advances_the_rngs_where_the_namespace_is_in_reach() -> None:
    """In-process control: the hunt's walk, started at a module holding the seeded harness's
    namespace (as nothing in the child makes one), finds it and advances a later call's rng, so
    a passing sandboxed hunt means the rngs were out of reach. (Only the walk: the collector's
    door, open in this process, would advance every Generator of the test run.)"""
    import types

    module = types.ModuleType("harness_in_reach")
    exec(compile(harness_sources()["seeded"], "harness/seeded.py", "exec"), vars(module))
    inputs = {"seed": 11, "other_seed": 12, "global_seeds": [1, 2, 3]}
    vars(module)["prepare"]([inputs])
    hunter: dict[str, object] = {}
    exec(compile(HUNT, "hunt.py", "exec"), hunter)
    hunter["mine"][0] = np.random.default_rng(0)  # type: ignore[index]
    hunter["walk"]([("sys.modules", {"harness_in_reach": module})])  # type: ignore[operator]
    assert "the harness's namespace by sys.modules" in hunter["found"]  # type: ignore[operator]
    later = vars(module)["_rng"](inputs, 11)
    assert list(later.random(3)) != list(np.random.default_rng(11).random(3))
