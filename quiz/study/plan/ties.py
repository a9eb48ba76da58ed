"""Sorting looks with their ties in index order: numpy's quick sort, then the few ties
sorted again (`ties_in_order`), shared by the rankings' sorts (`placement`) and the
streams' order (`stream_walk`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray


TIED_SHARE = 4
"""`ties_in_order` sorts its ties after the quick sort while they are at most one look
in this many; with more, one stable sort is quicker."""


def ties_in_order(
    first: NDArray[np.float64],
    then: NDArray[np.int64],
    index: NDArray[np.int64],
    *,
    runs: bool = False,
) -> NDArray[np.int64]:
    """The positions sorted by `first`, then `then`, then `index` (what `numpy.lexsort`
    gives for `index` ascending, as a stable sort keeps it).

    numpy's default sort is not stable, but many times quicker than a stable one on
    floats (a vectorised quicksort where the CPU has the instructions: eight times here);
    the looks it leaves tied on `first` are put in order after, by `then` and `index`.
    Equal values make one group, as in a stable sort (0.0 and -0.0 too); NaNs, which it
    puts last but not grouped, take the stable sort, and so does a part whose ties are
    more than one look in `TIED_SHARE` (sorting them again would cost more).

    With `runs` the positions come in long runs already sorted by `first` (`_Ranking`'s
    layout): numpy's stable sort (a merge sort that finds runs) then merges them, several
    times quicker than the quick sort starting over. The order is the same either way:
    every tie is put in order by `then` and `index` after.
    """
    import numpy as np

    order = np.argsort(first, kind="stable" if runs else None)
    ordered = first[order]
    if len(ordered) and ordered[-1] != ordered[-1]:  # a NaN
        return np.lexsort((index, then, first))
    tied = ordered[1:] == ordered[:-1]
    if tied.any():
        # positions in a run of equal values, and each run's number
        in_run = np.zeros(len(order), dtype=np.bool_)
        in_run[1:] |= tied
        in_run[:-1] |= tied
        at = np.flatnonzero(in_run)
        if len(at) * TIED_SHARE > len(order):
            return np.lexsort((index, then, first))  # mostly ties: one stable sort is quicker
        run = np.concatenate(([0], np.cumsum(~tied)))
        mixed = order[at]
        order[at] = mixed[np.lexsort((index[mixed], then[mixed], run[at]))]
    return order
