"""What every benchmark shares: the Figure record, medians, and running Python in a fresh process."""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Figure:
    """One measured number with what it means and how it was measured."""

    name: str
    value: float
    unit: str
    params: dict[str, Any] = field(default_factory=dict)

    def as_json(self) -> dict[str, Any]:
        """The record written to bench/results.json."""
        return {"name": self.name, "value": self.value, "unit": self.unit, "params": self.params}


def commit() -> str:
    """The checkout's short commit ("" outside a git checkout)."""
    try:
        return subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=REPO, capture_output=True, text=True
        ).stdout.strip()
    except OSError:
        return ""


def run_stamp() -> dict[str, str]:
    """Which commit a run measures and when it started, taken as it starts (the checkout
    can move on while a run of minutes goes on)."""
    return {"commit": commit(), "started": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())}


def merge_results(
    out: Path,
    written: Mapping[str, Sequence[Figure]],
    header: Mapping[str, Any],
    stamp: Mapping[str, str],
) -> None:
    """Write each section's figures into `out`, keeping what other sections wrote there.

    A run replaces every figure of the sections it ran (so a figure a section no longer
    measures goes too) and keeps the rest: `--plan` after a full run, or `--only heavy`
    after `--quick`, leaves the other sections' figures as they were. Each record names
    its section; a record from before sections were named goes when a figure of the same
    name is written. `header` (the machine, the plan simulation's settings) is set on top,
    and `sections` gives each section the `stamp` of the run that wrote it (`run_stamp`).
    """
    try:
        existing = json.loads(out.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        existing = {}
    if not isinstance(existing, dict):
        existing = {}
    fresh = {figure.name for figures in written.values() for figure in figures}
    previous = existing.get("figures")
    kept = [
        record
        for record in (previous if isinstance(previous, list) else [])
        if isinstance(record, dict)
        and record.get("section") not in written
        and record.get("name") not in fresh
    ]
    existing.update(header)
    stamps = existing.get("sections")
    stamps = dict(stamps) if isinstance(stamps, dict) else {}
    stamps.update({section: dict(stamp) for section in written})
    existing["sections"] = stamps
    existing["figures"] = kept + [
        {**figure.as_json(), "section": section}
        for section, figures in written.items()
        for figure in figures
    ]
    out.write_text(json.dumps(existing, indent=2) + "\n", encoding="utf-8")


@dataclass(frozen=True)
class Settings:
    """How hard to measure: repeats and sizes (`--quick` shrinks them to fit in 3 minutes)."""

    quick: bool
    grade_reps: int
    process_reps: int
    startup_reps: int
    load_reps: int
    load_sizes: tuple[int, ...]
    scaling_sizes: tuple[int, ...]
    big_bank: int = 10_000
    overhead_pairs: int = 7
    """The fewest (warm, in-process) pairs per drill for `overhead_vs_limit_ms`; a drill
    whose grade takes longer gets more (bench/grading.py: `pairs_for`)."""
    heavy_reviews: int = 200_000
    """Reviews in the heavy user's history (bench/heavy.py)."""
    warm_up_probes: bool = True
    """Run each start-up probe once unmeasured first (file cache, card cache); the smoke
    test turns it off: it checks the bookkeeping, not the figures."""


QUICK = Settings(
    quick=True,
    grade_reps=3,
    process_reps=1,
    startup_reps=3,
    load_reps=3,
    load_sizes=(100, 1_000, 10_000),
    scaling_sizes=(10, 1_000, 100_000),
)
FULL = Settings(
    quick=False,
    grade_reps=15,
    process_reps=5,
    overhead_pairs=15,
    startup_reps=9,
    load_reps=7,
    load_sizes=(100, 1_000, 10_000),
    scaling_sizes=(10, 100, 1_000, 10_000, 100_000),
)


def median(values: Sequence[float]) -> float:
    """The median, rounded to what these noisy machines can tell apart."""
    return round(statistics.median(values), 3)


def time_ms(action: Callable[[], object]) -> float:
    """Wall time of one call, in milliseconds."""
    start = time.perf_counter()
    action()
    return (time.perf_counter() - start) * 1000


def cpu_share(seconds: float = 0.5) -> float:
    """The share of one core this process got while spinning: 1.0 on an idle machine.

    Printed with the results so that a slow run on a busy shared machine can be told apart.
    """
    wall_start, cpu_start = time.perf_counter(), time.process_time()
    while time.perf_counter() - wall_start < seconds:
        pass
    return round((time.process_time() - cpu_start) / (time.perf_counter() - wall_start), 2)


def side_figures(
    stem: str, before: Sequence[float], after: Sequence[float], unit: str, params: dict[str, Any]
) -> list[Figure]:
    """One measure of an `--against` run: each tree's median (`side_{stem}_before_{unit}`,
    `side_{stem}_after_{unit}`) and how many times the older tree's is the newer's
    (`side_{stem}_ratio`)."""
    old, new, suffix = median(before), median(after), unit.lower()
    return [
        Figure(f"side_{stem}_before_{suffix}", old, unit, params),
        Figure(f"side_{stem}_after_{suffix}", new, unit, params),
        Figure(f"side_{stem}_ratio", round(old / new, 2), "x", params),
    ]


def medians_and_ratio(
    stem: str,
    spent: dict[str, list[float]],
    unit: str,
    params: dict[str, Any],
    *,
    slow: str,
    fast: str,
) -> list[Figure]:
    """Each way's median CPU (`{stem}_{way}_cpu_{unit}`) and how many times the slow way's
    is the fast way's (`{stem}_ratio`; 0 when the fast way took no time to measure)."""
    figures = [
        Figure(f"{stem}_{way}_cpu_{unit}", median(values), unit, params)
        for way, values in spent.items()
    ]
    slow_median, fast_median = median(spent[slow]), median(spent[fast])
    ratio = round(slow_median / fast_median, 2) if fast_median else 0.0
    figures.append(Figure(f"{stem}_ratio", ratio, "x", params))
    return figures


def tree_rounds(
    trees: Mapping[str, Path],
    rounds: int,
    one: Callable[[int, str], tuple[dict[str, float], object]],
    log: Callable[[str], object],
) -> tuple[dict[tuple[str, str], list[float]], bool]:
    """The rounds of a run alternating this tree and a `base` one (`heavy_waits`,
    `drill_commands`): `one(round, name)` measures tree `name` and gives its values and
    what it printed, the tree that goes first changing from round to round. Every value by
    (tree, measure), for `tree_figures`, and whether both trees printed the same in every
    round (a round where they did not is logged)."""
    spent: dict[tuple[str, str], list[float]] = {}
    same = True
    for round_ in range(rounds):
        order = list(trees) if round_ % 2 == 0 else list(trees)[::-1]
        shown: dict[str, object] = {}
        for name in order:
            found, shown[name] = one(round_, name)
            for figure, value in found.items():
                spent.setdefault((name, figure), []).append(value)
            log(
                f"  round {round_ + 1} {name}: "
                + ", ".join(f"{k} {v:.0f}" for k, v in found.items())
            )
        if "base" in shown and shown["base"] != shown["this"]:
            same = False
            log(f"  round {round_ + 1}: the trees printed differently")
    return spent, same


def tree_figures(
    spent: Mapping[tuple[str, str], Sequence[float]], shape: dict[str, Any], same: bool
) -> list[Figure]:
    """The figures of a run alternating this tree and a `base` one (`heavy_waits`,
    `drill_commands`): each tree's median CPU of each measure (`{measure}_cpu_ms`, its
    values kept, the base's saying whether both trees printed the same) and how many
    times the base's is this tree's (`{measure}_ratio`; 0 when this one took no time)."""
    figures: list[Figure] = []
    for (name, figure), values in spent.items():
        params = {**shape, "tree": name, "values": [round(v) for v in values]}
        if name == "base":
            params["same_output"] = same
        figures.append(Figure(f"{figure}_cpu_ms", round(median(values), 1), "ms", params))
        if name == "this" and ("base", figure) in spent:
            ours, theirs = median(values), median(spent[("base", figure)])
            ratio = round(theirs / ours, 2) if ours else 0.0
            figures.append(Figure(f"{figure}_ratio", ratio, "x", {**shape, "same_output": same}))
    return figures


def tree_table(figures: Sequence[Figure], measured: str) -> str:
    """`tree_figures` as a Markdown table: each measure (`measured` names them in the
    header), the base's and this tree's medians, the ratio."""
    by = {(f.name, f.params.get("tree")): f.value for f in figures}
    names = [f.name[: -len("_cpu_ms")] for f in figures if f.params.get("tree") == "this"]
    lines = [f"| {measured} (CPU, median) | base | this | ratio |", "|---|---|---|---|"]
    for name in names:
        ours, theirs = by[(f"{name}_cpu_ms", "this")], by.get((f"{name}_cpu_ms", "base"))
        ratio = by.get((f"{name}_ratio", None))
        shown = "-" if theirs is None else f"{theirs:,.0f} ms"
        lines.append(f"| {name} | {shown} | {ours:,.0f} ms | {ratio if ratio else '-'}x |")
    return "\n".join(lines)


SIDES = ("before", "after")
"""The two trees of an `--against` run: the older one, then this one."""
_UNITS = {"ms": "ms", "us": "us", "mb": "MB"}
"""A measure's name ends in its unit: `restore_cpu_ms`, `restore_peak_mb`."""


@dataclass
class Sides:
    """Every value each tree gave each measure, round by round, in an `--against` run."""

    values: dict[tuple[str, str], list[float]] = field(default_factory=dict)

    def add(self, side: str, measures: Mapping[str, float]) -> None:
        """One round's values of `side` (`before` or `after`)."""
        for name, value in measures.items():
            self.values.setdefault((side, name), []).append(value)

    def of(self, side: str, name: str) -> list[float]:
        """`side`'s values of the measure `name`, one a round."""
        return self.values[(side, name)]

    def names(self) -> list[str]:
        """The measures taken, sorted."""
        return sorted({name for _, name in self.values})

    def figures(self, names: Sequence[str], params: dict[str, Any]) -> list[Figure]:
        """`side_figures` of each measure in `names`, whose last word is its unit (ms, us,
        mb): `restore_peak_mb` gives `side_restore_peak_before_mb` and its ratio."""
        figures: list[Figure] = []
        for name in names:
            stem, unit = name.rsplit("_", 1)
            before, after = self.of("before", name), self.of("after", name)
            figures += side_figures(stem, before, after, _UNITS[unit], params)
        return figures


def alternate(
    against: Path, rounds: int, measure: Callable[[int, str, Path], Mapping[str, float]]
) -> Sides:
    """The side-by-side driver: in each round, `measure(round, side, tree)` on the older
    tree `against` (side `before`) and on this one (`after`), the one that goes first
    changing from round to round (what a busy machine does to the first does not fall on
    one side); every value it returns, collected."""
    found = Sides()
    trees = [("before", against), ("after", REPO)]
    for number in range(rounds):
        for side, tree in trees if number % 2 == 0 else trees[::-1]:
            found.add(side, measure(number, side, tree))
    return found


def against_parser(
    module: str, doc: str | None, rounds: int, section: str | None = None
) -> argparse.ArgumentParser:
    """The options of every `python -m bench.X --against DIR` run (the older tree, the
    rounds, the results file and, when the module names one, `--section`: the results
    file's section its figures go to, a round's own); the module adds its own."""
    parser = argparse.ArgumentParser(prog=f"python -m {module}", description=doc)
    parser.add_argument("--against", type=Path, required=True, help="the older source tree")
    parser.add_argument("--rounds", type=int, default=rounds)
    parser.add_argument("--out", type=Path, default=REPO / "bench" / "results.json")
    if section is not None:
        parser.add_argument("--section", default=section, help="of the results file")
    return parser


def print_figures(figures: Sequence[Figure]) -> None:
    """One line a figure: its name, how it was measured, its value."""
    for figure in figures:
        print(f"{figure.name} {figure.params}: {figure.value:g} {figure.unit}")


def source_env(source: Path, home: Path, *, with_bench: bool = False) -> dict[str, str]:
    """A child that runs the drillbit of the tree `source` (an older checkout, in an
    `--against` run) on the data folder `home`; `with_bench`: this repository's bench after
    it on the path (for its probe)."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(source), *([str(REPO)] if with_bench else [])])
    env["DRILLBIT_HOME"] = str(home)
    env.pop("DRILLBIT_CONTENT", None)
    return env


def child_env(**extra: str) -> dict[str, str]:
    """The environment for a measured child: this one, with the repo importable."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), env.get("PYTHONPATH", "")]))
    env.update(extra)
    return env


def run_python(
    args: Sequence[str], *, env: dict[str, str] | None = None, cwd: Path | None = None
) -> tuple[float, subprocess.CompletedProcess[str]]:
    """Run `python ARGS` in a fresh process; (wall ms from spawn to exit, the result)."""
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, *args],
        env=env if env is not None else child_env(),
        cwd=cwd,
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    elapsed = (time.perf_counter() - start) * 1000
    if done.returncode != 0:
        raise RuntimeError(
            f"python {' '.join(args)} exited {done.returncode}:\n{done.stdout}\n{done.stderr}"
        )
    return elapsed, done
