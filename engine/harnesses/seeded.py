"""Harness for drills that take an `rng`: three calls to check determinism and use of the rng.

Case inputs: {"fn", "args", "seed", "other_seed", "global_seeds": [g1, g2, g3]}.
The entry is called as fn(*args, np.random.default_rng(seed)) twice, with the global
np.random and random states re-seeded differently before each call, then once with
other_seed. Only the first call sees the original arguments (so in-place changes are
caught); the others get copies. Returns {"first", "again", "other"}: the three results,
and "global_reseeded": [Python's random, np.random] (1 or 0): 1 when that generator's next
draw after the first call equals its next draw after the second, though the grader seeded
them differently before each: the code re-seeded it (np.random.seed inside the function,
from the rng or from a constant), which no determinism test sees.

With "more_seeds" (mini-batches), the entry is also called once with each of them and
"more" holds, per call, the first row of the batches' X in the order returned (an empty
array when the result is not a list of (X_b, Y_b)): enough to tell the order apart, at
the cost of one array per call.
"""

from __future__ import annotations

import _random
import random
from typing import Any

import numpy as np

# The global generators are seeded through what this file takes as it loads, before the code
# does (fifty-third round): `random.seed` is Python code that reads the `random` module's
# globals (`isinstance`, `super`), and `np.random.seed` and `copy.deepcopy` read theirs
# (`_rand`, `operator`, `_deepcopy_dispatch`), all the code's to replace. A `random.isinstance`
# of the code's ran inside this harness's step, just after `np.random.seed`, and re-seeded
# np.random as it chose: an answer that drew from np.random instead of the rng passed.
_PY_SEED = _random.Random.seed  # C: what `random.seed(an int)` comes down to
_PY_GLOBAL = vars(random)["_inst"]
_PY_GLOBAL_STATE = vars(_PY_GLOBAL)
# np.random's RandomState, and its `set_state` (which drops the cached Gaussian, as
# `np.random.seed` does, and reads no module's globals), taken from its type, which CPython
# does not let the code change
_NP_GLOBAL = vars(np.random.mtrand)["_rand"]
_NP_SET_STATE = type(_NP_GLOBAL).__dict__["set_state"]
# Each call's rng is made by `prepare`, which the child runs before the code loads: numpy's
# `default_rng` reads its modules' globals (`PCG64`, `np`, `SeedSequence`'s helpers), the
# code's to replace, and ran inside this harness's step (fifty-third round)
_MAKE_RNG = np.random.default_rng
_MADE: dict[int, list[tuple[int, Any]]] = {}
_KEYS = _random.Random()  # C: a generator of its own, which makes np.random's keys
_KEYS_SEED = _random.Random.seed
_KEYS_BITS = _random.Random.getrandbits
_TO_BYTES = int.to_bytes
_WORDS = memoryview


def _seed_globals(seed: int) -> None:
    """Python's random seeded as `random.seed(seed)` seeds it, and np.random's MT19937 given a
    key of 624 words drawn from a C generator of this file's seeded with `seed`: through C
    alone, each state as reproducible as `np.random.seed(seed)`'s and as different from one
    seed to the next (not the same state: numpy's legacy seeding worked out in Python took
    0.4 ms a seed). np.random's cached Gaussian is dropped, as `np.random.seed` drops it:
    `np.random.randn` draws the same values whatever the code drew before."""
    _PY_SEED(_PY_GLOBAL, seed)
    _PY_GLOBAL_STATE["gauss_next"] = None
    _KEYS_SEED(_KEYS, seed)
    words = _TO_BYTES(_KEYS_BITS(_KEYS, 624 * 32), 624 * 4, "little")
    key = _WORDS(words).cast("I").tolist()  # a list: the setter reads an array's items slowly
    state = {"key": key, "pos": 624}
    _NP_SET_STATE(
        _NP_GLOBAL, {"bit_generator": "MT19937", "state": state, "has_gauss": 0, "gauss": 0.0}
    )


def _made(seeds: list[Any]) -> list[tuple[int, Any]]:
    """`default_rng(seed)` for each seed, made now; kept last first, as the calls pop them."""
    return [(seed, _MAKE_RNG(seed)) for seed in reversed(seeds)]


def _rng(inputs: dict[str, Any], seed: int) -> Any:
    """The rng `prepare` made for this call of the case, or one made now (a grader that ran no
    `prepare`: the in-process one, where the code is not sandboxed anyway)."""
    made = _MADE.get(id(inputs))
    if made and made[-1][0] == seed:
        return made.pop()[1]
    return np.random.default_rng(seed)


def prepare(cases: list[dict[str, Any]]) -> None:
    """Every call's rng, made before the code loads (the child calls this with the job's
    cases): `default_rng(seed)` as the call would have made it, nothing of the code's in it."""
    for inputs in cases:
        seeds = [inputs["seed"], inputs["seed"], inputs["other_seed"]]
        _MADE[id(inputs)] = _made(seeds + list(inputs.get("more_seeds", ())))


def _call(
    fn: Any,
    args: list[Any],
    rng: Any,
    global_seed: int,
    after: list[float] | None = None,
) -> Any:
    """One call with fresh global seeds; `after` gets the next draw of Python's random and
    of np.random once the call returned."""
    _seed_globals(global_seed)
    result = _as_returned(fn(*args, rng))
    if after is not None:
        after[:] = [random.random(), float(np.random.random())]
    return result


def _as_returned(value: Any, depth: int = 0) -> Any:
    """`value` as it was when its call returned: its arrays copied (exact lists, tuples and
    arrays, as the wire takes them; anything else it refuses), so no later call rewrites it.
    Judged after all three calls, an answer that drew from np.random rewrote its first call's
    weights during its second and passed the determinism check (forty-fifth round)."""
    kind = type(value)
    if kind is np.ndarray:
        return value.copy()
    if (kind is list or kind is tuple) and depth < 40:
        items = [_as_returned(item, depth + 1) for item in value]
        return items if kind is list else tuple(items)
    return value


def _fresh(value: Any, depth: int = 0) -> Any:
    """A deep copy of the case's plain arguments (exact arrays, lists, tuples and dicts; the
    rest, numbers and strs, as they are), by their own C methods: not `copy.deepcopy`."""
    kind = type(value)
    if kind is np.ndarray:
        return value.copy()
    if depth > 40:
        return value
    if kind is list or kind is tuple:
        items = [_fresh(item, depth + 1) for item in value]
        return items if kind is list else tuple(items)
    if kind is dict:
        return {key: _fresh(item, depth + 1) for key, item in dict.items(value)}
    return value


def run_case(fns: dict[str, Any], inputs: dict[str, Any]) -> dict[str, Any]:
    """Call the entry three times with fresh Generators."""
    fn = fns[inputs["fn"]]
    args = list(inputs["args"])
    # later calls get pristine copies, so an in-place change shows up as a mutated input
    # (checked after the run) instead of as a non-deterministic answer
    spare = [_fresh(args) for _ in range(3)]
    g1, g2, g3 = inputs["global_seeds"]
    after_first: list[float] = []
    after_again: list[float] = []
    seed, other_seed = inputs["seed"], inputs["other_seed"]
    first = _call(fn, args, _rng(inputs, seed), g1, after_first)
    again = _call(fn, spare[0], _rng(inputs, seed), g2, after_again)
    other = _call(fn, spare[1], _rng(inputs, other_seed), g3)
    reseeded = [int(a == b) for a, b in zip(after_first, after_again, strict=True)]
    out = {"first": first, "again": again, "other": other, "global_reseeded": reseeded}
    if "more_seeds" in inputs:
        out["more"] = [
            _first_row(_call(fn, _fresh(spare[2]), _rng(inputs, more), g3))
            for more in inputs["more_seeds"]
        ]
    return out


def _first_row(batches: Any) -> Any:
    try:
        return np.concatenate(
            [np.asarray(pair[0], dtype=np.float64)[0].reshape(-1) for pair in batches]
        )
    except Exception:  # not a list of (X_b, Y_b): the checker judges "first" and "other"
        return np.zeros(0)
