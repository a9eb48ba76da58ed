"""The heavy user's two slowest first frames, side by side with an older source tree.

`python -m bench.first_frames --against DIR` restores the heavy user's history and 10,000
generated cards into a home per tree (`bench.screens.heavy_homes`), gives each an interview
plan `PLAN_DAYS` ahead (`drillbit plan`, each tree's own), then in each round runs
`bench.probe` with each tree in turn (alternating which goes first): `browser` (`b` on
Home to the card browser's first frame with rows) and `stats_frame` (`s` on Home, Home's
forecast worker in flight, to the stats screen's first frame). Wall and CPU of each step
and the probe's peak RSS; medians and ratios go to bench/results.json's section `SECTION`.
The CPU is the process's, threads included: under a plan it counts the forecast's thread
while the step waits.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from bench.common import (
    Figure,
    run_python,
    source_env,
)
from bench.heavy import history_main
from bench.screens import CARDS, probe, probe_side_by_side

SECTION = "side_by_side_34_frames"
PLAN_DAYS = 46
"""The interview's distance: the thirty-fourth round's walk found the stats screen waiting
about 22 s of CPU for the forecast of a plan this far ahead."""
MODES = {"browser": "browser", "stats_frame": "stats_with_plan"}
"""Each probe mode and the name its figures take."""


def side_by_side(
    against: Path,
    rounds: int,
    reviews: int,
    out: Path,
    cards: int = CARDS,
    section: str = SECTION,
) -> list[Figure]:
    """The first frames of `against` (before) and this tree (after) on the same history."""
    interview = (date.today() + timedelta(days=PLAN_DAYS)).isoformat()

    def plan(work: Path, source: Path, home: Path, bank: Path) -> None:
        run_python(
            ["-m", "quiz", "--content", str(bank), "plan", "--interview", interview],
            env=source_env(source, home, with_bench=True),
            cwd=work,
        )

    def measure(source: Path, home: Path, bank: Path) -> dict[str, float]:
        found: dict[str, float] = {}
        for mode, name in MODES.items():
            report = probe(source, home, mode, bank)
            found[f"{name}_ms"] = float(report["inner_ms"])
            found[f"{name}_cpu_ms"] = float(report["inner_cpu_ms"])
            found[f"{name}_peak_mb"] = report["maxrss_kb"] / 1024
        return found

    return probe_side_by_side(
        against,
        rounds,
        reviews,
        out,
        cards=cards,
        section=section,
        measure=measure,
        prepare=plan,
        params={"plan_days": PLAN_DAYS},
    )


def main() -> None:
    """`python -m bench.first_frames --against DIR [--rounds N] [--reviews N] [--cards N]`."""
    history_main(
        "bench.first_frames", __doc__, side_by_side, rounds=3, cards=CARDS, section=SECTION
    )


if __name__ == "__main__":
    main()
