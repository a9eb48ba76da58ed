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

import random
from typing import Any

import numpy as np

from engine.harnesses._returns import return_code
from engine.harnesses._seeding import _MADE, _made, _rng, _seed_globals, legacy_keys


def prepare(cases: list[dict[str, Any]]) -> None:
    """Every forward call's rng, made before the code loads (the child calls this with the
    job's cases): `default_rng(seed)` as the call would have made it, nothing of the code's."""
    for inputs in cases:
        seeds = [inputs["seed"], inputs["seed"], inputs["other_seed"]]
        _MADE[id(inputs)] = _made(seeds + list(inputs["spread_seeds"]))
        legacy_keys(
            list(inputs.get("global_seeds", ())) + [s % 2**32 for s in inputs["spread_seeds"]]
        )  # np.random.seed's, ahead


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
