"""`placement._Runs.layout` keeps each layout it made by the grouping of the days' prices
(a heavy home's 17 price rounds a day mostly share one): a kept layout must be the array
a fresh sort gives, for every grouping, one price for every day being per second's."""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

from quiz.study.plan.placement import _Runs


def _fresh(
    day: NDArray[np.int64],
    gain: NDArray[np.float64],
    cost: NDArray[np.float64],
    prices: list[float] | None,
) -> NDArray[np.int64]:
    """The layout by the formula, nothing kept: gain descending, then grouped stably by the
    rank of the day's price and of the cost."""
    by_gain = np.argsort(-gain)
    _, cost_rank = np.unique(cost, return_inverse=True)
    group = cost_rank[by_gain].astype(np.int64)
    if prices is not None:
        _, price_rank = np.unique(np.array(prices), return_inverse=True)
        group = group + price_rank[day[by_gain]] * len(np.unique(cost))
    return by_gain[np.argsort(group, kind="stable")]


def test_kept_layouts_equal_fresh_ones_whatever_the_prices() -> None:
    rng = np.random.default_rng(38)
    looks, days = 3_000, 9
    day = rng.integers(0, days, looks)
    gain = np.round(rng.random(looks), 3)  # ties among gains, as a heavy home has
    cost = rng.choice([12.0, 30.0, 300.0], looks)
    runs = _Runs(day, gain, cost)
    rounds: list[list[float] | None] = [None, [0.0] * days, [0.5] * days]
    rounds += [
        [0.5 if d % 2 else 0.7 for d in range(days)],
        [0.7 if d % 2 else 0.5 for d in range(days)],
    ]
    rounds += [[0.5 * 1.35 ** (d % 3) for d in range(days)], [0.9] * days, None]
    for prices in rounds * 2:  # each grouping asked again: the kept layout
        assert np.array_equal(runs.layout(prices), _fresh(day, gain, cost, prices)), prices
    assert np.array_equal(runs.layout([0.2] * days), runs.layout(None)), "one price is per second's"
