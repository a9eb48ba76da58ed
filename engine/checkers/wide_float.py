"""Inputs past what np.longdouble can exponentiate, and the words for an overflow there.

x86's 80-bit long double holds exp(z) up to z of about 11356.5, where float64 stops at about
709.8. A naive formula computed in np.longdouble and cast back to float64 therefore raised no
warning on the drills' large inputs (|z| up to 1e4) and passed a stability drill without
being stable. Cases built from `far_values` reach past that limit (up to 1e300), where a
wider type overflows too; only a form that never exponentiates a large positive number passes.
"""

from __future__ import annotations

import numpy as np

__all__ = ["LONGDOUBLE_EXP_LIMIT", "FAR", "beyond_longdouble", "far_values"]

LONGDOUBLE_EXP_LIMIT = 11356.5
"""ln of the largest x86 long double: exp of anything above it overflows in np.longdouble."""

FAR = (2e4, 1e6, 1e20, 1e300)
"""Magnitudes past LONGDOUBLE_EXP_LIMIT: just past it, well past it, and near float64's top."""


def far_values(rng: np.random.Generator, count: int) -> np.ndarray:
    """`count` values of both signs beyond the long-double limit: every magnitude of FAR with
    both signs first (so each seed has them all), then log-uniform ones from 2e4 to 1e300."""
    fixed = [sign * value for value in FAR for sign in (-1.0, 1.0)]
    rest = max(count - len(fixed), 0)
    extra = np.exp(rng.uniform(np.log(2e4), np.log(1e300), size=rest)) * rng.choice(
        [-1.0, 1.0], size=rest
    )
    values = np.concatenate([np.array(fixed[:count]), extra])
    return np.asarray(rng.permutation(values))


def beyond_longdouble(
    values: np.ndarray, what: str = "z", shown: int = 4, *, normalized: bool = False
) -> str | None:
    """Why an overflow on these inputs is not cured by a wider type, naming the inputs past
    the long-double limit (at most `shown` of them, the nearest to it first, a tie negative
    first); None when none is. `normalized`: exps divided by their sum (softmax), where
    all-negative ones underflow to 0 and give 0/0 as well."""
    flat = np.asarray(values, dtype=np.float64).reshape(-1)
    far = flat[np.isfinite(flat) & (np.abs(flat) > LONGDOUBLE_EXP_LIMIT)]
    if far.size == 0:
        return None
    seen: list[str] = []
    for v in far[np.lexsort((far, np.abs(far)))]:
        text = f"{float(v):.5g}"
        if text not in seen:
            seen.append(text)
        if len(seen) == shown:
            break
    named = ", ".join(seen)
    rest = int(far.size - np.count_nonzero(np.isin([f"{float(v):.5g}" for v in far], seen)))
    more = f" and {rest} more" if rest else ""
    went = "overflows (and, summed, underflows to 0)" if normalized else "overflows"
    return (
        f"here {what} reaches past 11356 in size ({what} = {named}{more}), where even "
        f"np.longdouble's exp {went}: a wider type only moves the limit, while the stable "
        "form exponentiates no positive number, so its exp overflows at no size"
    )
