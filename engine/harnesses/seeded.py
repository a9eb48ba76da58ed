"""Harness for drills that take an `rng`: three calls to check determinism and use of the rng.

Case inputs: {"fn", "args", "seed", "other_seed", "global_seeds": [g1, g2, g3]}.
The entry is called as fn(*args, np.random.default_rng(seed)) twice, with the global
np.random and random states re-seeded differently before each call, then once with
other_seed. Only the first call sees the original arguments (so in-place changes are
caught); the others get copies. Returns {"first", "again", "other"}: the three results.
"""

from __future__ import annotations

import copy
import random
from typing import Any

import numpy as np


def _call(fn: Any, args: list[Any], seed: int, global_seed: int) -> Any:
    np.random.seed(global_seed)
    random.seed(global_seed)
    return fn(*args, np.random.default_rng(seed))


def run_case(fns: dict[str, Any], inputs: dict[str, Any]) -> dict[str, Any]:
    """Call the entry three times with fresh Generators."""
    fn = fns[inputs["fn"]]
    args = list(inputs["args"])
    # later calls get pristine copies, so an in-place change shows up as a mutated input
    # (checked after the run) instead of as a non-deterministic answer
    spare = [copy.deepcopy(args), copy.deepcopy(args)]
    g1, g2, g3 = inputs["global_seeds"]
    first = _call(fn, args, inputs["seed"], g1)
    again = _call(fn, spare[0], inputs["seed"], g2)
    other = _call(fn, spare[1], inputs["other_seed"], g3)
    return {"first": first, "again": again, "other": other}
