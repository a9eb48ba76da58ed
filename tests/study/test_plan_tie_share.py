"""`TIED_SHARE` picks how `ties_in_order` sorts, never what order it gives.

The placement's mutation audit (docs/mutation-audits.md) left two mutants undecided,
`TIED_SHARE` 4 to 3 and to 5. Both are equivalent: the constant only chooses between one
stable `lexsort` and numpy's quick sort with its ties put in order after, and the two give
the same order whenever no two looks share all three keys (the call site's `index` holds
distinct positions). Here the share of tied looks crosses one in 5, 4 and 3, so the two
ways swap places as the constant moves, and the order must not move with it.
"""

from __future__ import annotations

import random

import numpy as np
import pytest

from quiz.study.plan import ties as plan_ties

COUNT = 600
TIED = (0, 2, 118, 120, 122, 148, 150, 152, 198, 200, 202, 300, COUNT)
"""How many of the COUNT looks share their `first` with another: around a fifth, a quarter
and a third of them (where 5, 4 and 3 as the constant change which way is taken)."""


def keys(tied: int, seed: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """`first` with exactly `tied` looks in pairs of equal values, `then` with ties of its
    own, and distinct indices in no order."""
    rng = random.Random(seed)
    first = np.array([-rng.random() for _ in range(COUNT)], dtype=np.float64)
    paired = rng.sample(range(COUNT), tied)
    for one, other in zip(paired[::2], paired[1::2], strict=True):
        first[other] = first[one]
    then = np.array([-rng.randint(0, 3) for _ in range(COUNT)], dtype=np.int64)
    index = np.array(rng.sample(range(10 * COUNT), COUNT), dtype=np.int64)
    return first, then, index


@pytest.mark.parametrize("tied", TIED)
@pytest.mark.parametrize("runs", [False, True])
def test_the_order_is_lexsort_whichever_way_the_tied_share_picks(
    tied: int, runs: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    first, then, index = keys(tied, seed=tied)
    in_pairs = int(np.count_nonzero(np.bincount(np.unique(first, return_inverse=True)[1]) > 1))
    assert in_pairs * 2 == tied  # the keys tie as many looks as asked
    expected = np.lexsort((index, then, first)).tolist()
    for share in (3, 4, 5, 0, COUNT + 1):  # 0: never one lexsort; COUNT + 1: always
        monkeypatch.setattr(plan_ties, "TIED_SHARE", share)
        ordered = plan_ties.ties_in_order(first, then, index, runs=runs).tolist()
        assert ordered == expected, f"TIED_SHARE {share}, {tied} looks tied"
