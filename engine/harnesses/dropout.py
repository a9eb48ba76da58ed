"""Harness for dropout: forward three times (determinism, use of the rng), then backward,
then once per spread seed (how much the number of kept units varies between draws).

Case inputs: {"A", "dout", "keep_prob", "seed", "other_seed", "global_seeds": [g1, g2, g3],
"spread_seeds": [s1, ...]} (the list may be empty).
Returns {"out", "mask", "out_again", "mask_again", "out_other", "mask_other", "dA",
"spread_masks": [mask per spread seed], "global_draws": [random drawn, np.random drawn]
(1 or 0, on the first call), "global_reseeded": [random, np.random] (1 or 0: the next draw
after the first call equals the next after the second, though each call was seeded
differently: the code re-seeded it)}, or {"bad_forward": code} when dropout_forward
does not return two values.
"""

from __future__ import annotations

import _random
import random
from typing import Any

import numpy as np

from engine.harnesses._returns import return_code

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
    """Every forward call's rng, made before the code loads (the child calls this with the
    job's cases): `default_rng(seed)` as the call would have made it, nothing of the code's."""
    for inputs in cases:
        seeds = [inputs["seed"], inputs["seed"], inputs["other_seed"]]
        _MADE[id(inputs)] = _made(seeds + list(inputs["spread_seeds"]))


def _forward(
    fns: dict[str, Any],
    A: Any,
    keep_prob: float,
    rng: Any,
    global_seed: int,
    drew: list[int] | None = None,
    after: list[float] | None = None,
) -> Any:
    """One forward call; `drew` gets [Python's random drawn from, np.random drawn from], so
    the message names the global generator the code used (it spoke only of np.random), and
    `after` the next draw of each once the call returned."""
    _seed_globals(global_seed)
    result = fns["dropout_forward"](A, keep_prob, rng)
    next_draws = [random.random(), float(np.random.random())]
    if after is not None:
        after[:] = next_draws
    if drew is not None:  # the next draw of each, against the first after a fresh seed
        _seed_globals(global_seed)
        fresh = (random.random(), float(np.random.random()))
        drew[:] = [int(a != f) for a, f in zip(next_draws, fresh, strict=True)]
    return result


def _pair(result: Any) -> bool:
    return isinstance(result, tuple | list) and len(result) == 2


def _copied(value: Any) -> Any:
    """An array as it is now (a later call of the code's may rewrite the one it returned)."""
    return value.copy() if isinstance(value, np.ndarray) else value


def run_case(fns: dict[str, Any], inputs: dict[str, Any]) -> dict[str, Any]:
    """Forward with seed (twice) and other_seed, backward with the first mask, then forward
    with each spread seed. Each forward's arrays are copied as soon as it returns: judged
    after the three calls, an answer that drew from np.random rewrote its first call's out
    and mask during its second and passed the determinism check (forty-fifth round)."""
    g1, g2, g3 = inputs["global_seeds"]
    A, keep_prob = inputs["A"], inputs["keep_prob"]
    # later calls get pristine copies, so an in-place change shows up as a mutated A
    spare = [np.array(A, copy=True) for _ in range(3)]
    drew: list[int] = []
    after_first: list[float] = []
    after_again: list[float] = []
    calls = (
        (A, inputs["seed"], g1, drew, after_first),
        (spare[0], inputs["seed"], g2, None, after_again),
        (spare[1], inputs["other_seed"], g3, None, None),
    )
    results: list[tuple[Any, Any]] = []
    given: Any = None
    for given_A, seed, global_seed, noted, after in calls:
        rng = _rng(inputs, seed)
        result = _forward(fns, given_A, keep_prob, rng, global_seed, noted, after)
        if not _pair(result):
            return {"bad_forward": return_code(result)}
        out, mask = result
        if given_A is A:
            # the backward gets the mask itself (it may scale it in place: it is its to
            # use); the forward is judged on what it returned
            given = mask
        results.append((_copied(out), _copied(mask)))
    (out, mask), (out_again, mask_again), (out_other, mask_other) = results
    dA = fns["dropout_backward"](inputs["dout"], given, inputs["keep_prob"])
    spread_masks = []
    for spread_seed in inputs["spread_seeds"]:
        pristine = np.array(spare[2], copy=True)
        rng = _rng(inputs, spread_seed)
        result = _forward(fns, pristine, keep_prob, rng, spread_seed % 2**32)
        if not _pair(result):
            return {"bad_forward": return_code(result)}
        spread_masks.append(_copied(result[1]))
    return {
        "out": out,
        "mask": mask,
        "out_again": out_again,
        "mask_again": mask_again,
        "out_other": out_other,
        "mask_other": mask_other,
        "dA": dA,
        "spread_masks": spread_masks,
        "global_draws": drew,
        "global_reseeded": [int(a == b) for a, b in zip(after_first, after_again, strict=True)],
    }
