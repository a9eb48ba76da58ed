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
_LEGACY: dict[int, bytes] = {}
_WORDS = memoryview


def legacy_keys(seeds: list[Any]) -> None:
    """np.random's MT19937 key for each seed, as `np.random.seed(seed)` makes it, worked out
    now by numpy's own legacy seeding in C (`prepare` calls this before the code loads, when
    numpy's Python code is still the grader's): kept as bytes, which nothing can change."""
    maker = np.random.MT19937()
    for seed in seeds:
        if seed not in _LEGACY:
            maker._legacy_seeding(seed)
            _LEGACY[seed] = maker.state["state"]["key"].tobytes()


def _legacy_key(seed: int) -> list[int]:
    """The key `np.random.seed(seed)` gives np.random's MT19937 (numpy's `mt19937_seed`, Knuth's
    initialization), worked out with ints alone: for a seed no `prepare` made a key for (the
    in-process grader's). Reads no global, so nothing of the code's runs in it."""
    word = seed & 0xFFFFFFFF
    key: list[int] = []
    add = key.append
    pos = 0
    while pos < 624:
        add(word)
        pos += 1
        word = (1812433253 * (word ^ (word >> 30)) + pos) & 0xFFFFFFFF
    return key


def _seed_globals(seed: int) -> None:
    """Python's random seeded as `random.seed(seed)` seeds it, and np.random as
    `np.random.seed(seed)` seeds it (its MT19937 given the same key, its cached Gaussian
    dropped), through C alone and what this file took as it loaded: a drill whose call runs
    `np.random.rand` sees the stream `np.random.seed(seed)` would give (fifty-fourth round;
    the fifty-third's key was drawn from another generator, reproducible but not numpy's)."""
    _PY_SEED(_PY_GLOBAL, seed)
    _PY_GLOBAL_STATE["gauss_next"] = None
    words = _LEGACY.get(seed)
    # a list: the setter reads an array's items slowly
    key = _legacy_key(seed) if words is None else _WORDS(words).cast("I").tolist()
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
