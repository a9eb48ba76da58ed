"""`uv run python -m bench.plan_carry --home HOME --bank BANK [--check 8]`: how much of the
last pass's streams (`LookStreams`) one forecast day could carry to the next, sizing the
change the forty-fifth round named and did not make (docs/performance.md).

HOME holds a plan (as `bench.plan_command` leaves its homes); its `drillbit plan --json`
runs once in this process at one fixed clock, with the last pass's `fewest_looks` and the
streams' sort (`_by_group_then_gain`) watched, not changed. Printed: the forecast's CPU, the
sorts' CPU, and for each last-pass day the looks kept from the day before (the same card
id, the day one earlier, the same gain to the bit); for the first `--check` days, how many
kept looks are out of the day before's stream order in today's (a merge of the kept looks
with the new ones needs none); and the first day's sort against one gather of its looks
(the sort is worth that many of the gathers a carried order is made of). Into bench/results.json's `plan_carry` section.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import time
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from bench.common import REPO, Figure, merge_results, run_stamp

SECTION = "plan_carry"
CLOCK = datetime(2026, 12, 6, 17, 30, tzinfo=UTC)
"""The clock `bench.plan_command`'s homes were planned near; any fixed one will do."""


def _stream_positions(days: Any, gains: Any, costs: Any) -> Any:
    """Each look's position in the streams' order: day, cost, gain from the largest, index."""
    import numpy as np

    _, cost_rank = np.unique(costs, return_inverse=True)
    order = np.lexsort(
        (np.arange(len(gains)), -gains, days * (int(cost_rank.max()) + 1) + cost_rank)
    )
    found = np.empty(len(order), dtype=np.int64)
    found[order] = np.arange(len(order))
    return found


ROUNDS = 7
"""Times each of the first day's sort and gather is run (the median is kept)."""


def _sort_against_gather(cards: Any, days: Any, gains: Any, costs: Any) -> tuple[float, float]:
    """The first last-pass day's streams sort (`_by_group_then_gain`, its groups made as
    `LookStreams` makes them) and one gather of its gains by a permutation, CPU ms medians:
    what a carried order must do in fewer gathers than the sort is worth."""
    import numpy as np

    from quiz.study.plan.stream_walk import _by_group_then_gain, _cost_ranks

    distinct, cost_rank = _cost_ranks(cards, costs)
    group = (days * len(distinct) + cost_rank).astype(np.int64)
    if int(group.max(initial=0)) <= np.iinfo(np.int16).max:
        group = group.astype(np.int16)
    permutation = np.random.default_rng(0).permutation(len(gains))

    def median_ms(step: Callable[[], object]) -> float:
        spent = []
        for _ in range(ROUNDS):
            start = time.process_time()
            step()
            spent.append(time.process_time() - start)
        return sorted(spent)[ROUNDS // 2] * 1000

    return (
        median_ms(lambda: _by_group_then_gain(gains, group)),
        median_ms(lambda: gains[permutation]),
    )


def measure(home: Path, bank: Path, check: int) -> list[Figure]:
    """Run the forecast once, watched; return the figures (and print them day by day)."""
    import numpy as np

    import quiz.study.plan.bring_forward as bring_forward
    import quiz.study.plan.stream_walk as stream_walk
    from quiz.cli import main

    sort_cpu: list[float] = []
    days_seen: list[tuple[Any, Any, Any, Any]] = []
    first_cards: list[Any] = []
    placing = "fewest_looks"  # read and set by name: bring_forward imports it, not exports
    sort, place = stream_walk._by_group_then_gain, getattr(bring_forward, placing)

    def timed_sort(gains: Any, group: Any) -> Any:
        start = time.process_time()
        found = sort(gains, group)
        sort_cpu.append(time.process_time() - start)
        return found

    def watched(looks: Any, room: Any, ready: float, goal: float) -> Any:
        arrays = looks.arrays
        if arrays is not None:
            ids = np.array(looks.names, dtype=object)[arrays.cards]
            days_seen.append((ids, arrays.days.copy(), arrays.gains.copy(), arrays.costs.copy()))
            first_cards[:] = first_cards or [arrays.cards.copy()]
        return place(looks, room, ready, goal)

    home_was = os.environ.get("DRILLBIT_HOME")
    os.environ["DRILLBIT_HOME"] = str(home)
    stream_walk._by_group_then_gain = timed_sort
    setattr(bring_forward, placing, watched)
    try:
        start = time.process_time()
        with contextlib.redirect_stdout(io.StringIO()):
            main(["--content", str(bank), "plan", "--json"], clock=lambda: CLOCK)
        forecast = time.process_time() - start
    finally:
        stream_walk._by_group_then_gain = sort
        setattr(bring_forward, placing, place)
        if home_was is None:
            os.environ.pop("DRILLBIT_HOME", None)
        else:
            os.environ["DRILLBIT_HOME"] = home_was
    print(f"plan --json CPU {forecast:.2f} s; {len(sort_cpu)} stream sorts {sum(sort_cpu):.2f} s")
    kept_all = looks_all = out_of_order = checked = 0
    before: tuple[Any, Any, Any, Any] | None = None
    for number, (ids, days, gains, costs) in enumerate(days_seen):
        position = _stream_positions(days, gains, costs) if number <= check else None
        if before is not None:
            old_ids, old_days, old_gains, old_position = before
            later = old_days > 0
            old_keys = zip(
                old_ids[later].tolist(),
                (old_days[later] - 1).tolist(),
                old_gains[later].view(np.int64).tolist(),
                (np.flatnonzero(later) if old_position is None else old_position[later]).tolist(),
                strict=True,
            )
            was = {(card, day, bits): at for card, day, bits, at in old_keys}
            keys = zip(ids.tolist(), days.tolist(), gains.view(np.int64).tolist(), strict=True)
            pairs = [(was[key], at) for at, key in enumerate(keys) if key in was]
            kept_all, looks_all = kept_all + len(pairs), looks_all + len(ids)
            note = ""
            if position is not None and old_position is not None:
                pairs.sort()
                now = position[[at for _, at in pairs]]
                wrong = int((np.diff(now) < 0).sum())
                out_of_order, checked = out_of_order + wrong, checked + len(pairs)
                note = f", {wrong} out of the day before's order"
            print(f"day {number}: {len(ids)} looks, {len(pairs)} kept{note}")
        before = (ids, days, gains, position)
    sort_ms = gather_ms = 0.0
    if days_seen:
        sort_ms, gather_ms = _sort_against_gather(first_cards[0], *days_seen[0][1:])
        print(f"first day: its sort {sort_ms:.1f} ms, one gather of its looks {gather_ms:.2f} ms")
    shape = {"last_pass_days": len(days_seen), "checked_days": min(check, len(days_seen) - 1)}
    return [
        Figure("plan_carry_forecast_cpu_s", round(forecast, 2), "s", shape),
        Figure("plan_carry_sort_cpu_s", round(sum(sort_cpu), 2), "s", shape),
        Figure(
            "plan_carry_kept_share", round(kept_all / looks_all, 4) if looks_all else 0.0, "", shape
        ),
        Figure("plan_carry_first_sort_ms", round(sort_ms, 2), "ms", shape),
        Figure("plan_carry_first_gather_ms", round(gather_ms, 3), "ms", shape),
        Figure("plan_carry_out_of_order", out_of_order, "looks", {**shape, "checked": checked}),
    ]


def main(argv: Sequence[str] | None = None) -> int:
    """Parse the flags, measure, print the figures, merge them into `--out`."""
    parser = argparse.ArgumentParser(prog="python -m bench.plan_carry", description=__doc__)
    parser.add_argument("--home", type=Path, required=True, help="a home that holds a plan")
    parser.add_argument("--bank", type=Path, required=True, help="its question bank")
    parser.add_argument("--check", type=int, default=8, help="days whose order is checked")
    parser.add_argument("--out", type=Path, default=REPO / "bench" / "results.json")
    args = parser.parse_args(argv)
    if not args.home.is_dir():
        parser.error(f"--home: {args.home} is not a directory")
    stamp = run_stamp()
    figures = measure(args.home, args.bank, max(0, args.check))
    merge_results(args.out, {SECTION: figures}, {}, stamp)
    for figure in figures:
        print(f"{figure.name:28} {figure.value:>8} {figure.unit:5} {figure.params}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
