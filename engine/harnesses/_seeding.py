"""The seeding the rng-taking harnesses share (seeded, dropout): the global generators
seeded, and each call's rng made, through what this text takes as it loads.

Not a harness: `harness_sources` writes this text into each harness that imports from it,
in place of the import (a harness is shipped to the sandbox child as one text and may not
import `engine` there), so its names are the harness's own and the child's snapshot of the
harness's namespace holds them.
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
