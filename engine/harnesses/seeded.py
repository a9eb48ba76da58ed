"""Harness for drills that take an `rng`: three calls to check determinism and use of the rng.

Case inputs: {"fn", "args", "seed", "other_seed", "global_seeds": [g1, g2, g3]}.
The entry is called as fn(*args, np.random.default_rng(seed)) twice, with the global
np.random and random states re-seeded differently before each call (as
`np.random.seed(g)` and `random.seed(g)` leave them), then once with other_seed. Only the
first call sees the original arguments (so in-place changes are caught); the others get
copies. Returns {"first", "again", "other"}: the three results,
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

import random
from typing import Any

import numpy as np

from engine.harnesses._seeding import _MADE, _made, _rng, _seed_globals, legacy_keys


def prepare(cases: list[dict[str, Any]]) -> None:
    """Every call's rng, made before the code loads (the child calls this with the job's
    cases): `default_rng(seed)` as the call would have made it, nothing of the code's in it."""
    for inputs in cases:
        seeds = [inputs["seed"], inputs["seed"], inputs["other_seed"]]
        _MADE[id(inputs)] = _made(seeds + list(inputs.get("more_seeds", ())))
        legacy_keys(list(inputs.get("global_seeds", ())))  # np.random.seed's, ahead


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
