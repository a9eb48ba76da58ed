"""What a drill that takes an `rng` says when the code touched a global generator.

The harnesses (seeded, dropout) note whether Python's `random` or np.random was re-seeded
by the code: its next draw after two calls is the same though the grader seeded it
differently before each. A correct answer touches neither. Seeding np.random from the rng
(`np.random.seed(rng.integers(...))`) passes every determinism test, yet breaks the contract
and resets the caller's np.random. Code that only draws from a global generator is caught
by the determinism tests, whose messages stay as they were.
"""

from __future__ import annotations

from typing import Any

GLOBAL_GENERATORS = ("Python's random module (random.random...)", "np.random.*")
"""What the harnesses' `global_draws` and `global_reseeded` flags name, in their order."""


def global_generators_used(draws: Any) -> list[str]:
    """The global generators the harness saw the code use (none when it could not tell)."""
    if not isinstance(draws, list) or len(draws) != len(GLOBAL_GENERATORS):
        return []
    return [name for name, drew in zip(GLOBAL_GENERATORS, draws, strict=True) if drew == 1]


def global_rng_failure(reseeded: Any, rng_use: str) -> str:
    """The failure for code that re-seeded a global generator (empty if none did)."""
    used = global_generators_used(reseeded)
    if not used:
        return ""
    return (
        f"the code re-seeded {' and '.join(used)}: seeded differently before two calls, it "
        "came out of both in the same state. Seeding a global generator inside the function "
        "(np.random.seed(...), even from the rng) makes the result reproducible but resets "
        f"the caller's random state, and the drill says not to; leave it alone and {rng_use}"
    )
