"""`uv run python -m bench --plan-command [--days 14,46] [--repeats N] [--base TREE]`: the
`drillbit plan` command on a heavy home (`bench.heavy.heavy_home`: 10,000 generated cards,
some 210,000 reviews), the CPU and wall of `drillbit plan` and `drillbit plan --json` with
an interview that many days ahead, each child at one fixed clock so that every run plans
the same moment.

With `--base TREE` (another checkout of drillbit: `git worktree add` or `git archive`
unpacked) the same commands run on that tree too, the two alternating in each round,
and each output is compared byte for byte with the base's (`same_output`): a speed change
of the plan must not change what it prints. Written to bench/results.json's
`plan_command` section (`--out`). The forecast takes most of it: see docs/performance.md.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from bench.common import REPO, Figure, child_env, median, merge_results, run_stamp

CARDS = 10_000
REVIEWS = 200_000

_RUN = """
import sys
from datetime import datetime
from quiz.cli import main
fixed = datetime.fromisoformat(sys.argv[1])
main(sys.argv[2:], clock=lambda: fixed)
"""
"""A child: the drillbit CLI at the fixed clock `argv[1]`."""


def _run(
    tree: Path, home: Path, clock: datetime, args: Sequence[str]
) -> tuple[float, float, bytes]:
    """`drillbit ARGS` from `tree` at `clock`: (CPU s of the child, user + system; wall s;
    its stdout)."""
    env = child_env(DRILLBIT_HOME=str(home), PYTHONPATH=str(tree))
    env.pop("DRILLBIT_CONTENT", None)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", _RUN, clock.isoformat(), *args],
        env=env,
        cwd=tree,
        capture_output=True,
        check=False,
        timeout=3600,
    )
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        raise RuntimeError(f"drillbit {' '.join(args)} failed: {done.stderr.decode()[-2000:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return cpu, wall, done.stdout


def measure(
    work: Path, days: Sequence[int], repeats: int, base: Path | None, log: Any = print
) -> list[Figure]:
    """Build the heavy home once, copy it per horizon with a plan set, then time the two
    commands `repeats` times on this tree (and `base`, alternating)."""
    from bench.bankgen import generate_bank
    from bench.heavy import heavy_home

    bank = generate_bank(work / "bank", CARDS)
    made = heavy_home(work / "heavy", bank, CARDS, REVIEWS)
    clock = datetime.now(UTC).replace(microsecond=0) + timedelta(minutes=1)
    trees = {"this": REPO} if base is None else {"this": REPO, "base": base.resolve()}
    spent: dict[tuple[str, int, str], list[tuple[float, float]]] = {}
    same: dict[tuple[int, str], bool] = {}
    for horizon in days:
        home = work / f"home-{horizon}"
        shutil.copytree(made.home, home)
        interview = (clock.astimezone().date() + timedelta(days=horizon)).isoformat()
        _run(REPO, home, clock, ["--content", str(bank), "plan", "--interview", interview])
        if horizon == days[0]:
            for tree in trees.values():  # not measured: each tree's bytecode written once
                _run(tree, home, clock, ["--content", str(bank), "plan", "--json"])
        for round_ in range(repeats):
            order = list(trees) if round_ % 2 == 0 else list(reversed(trees))
            for command in ("plan", "plan --json"):
                printed: dict[str, bytes] = {}
                for name in order:
                    args = ["--content", str(bank), *command.split()]
                    cpu, wall, out = _run(trees[name], home, clock, args)
                    spent.setdefault((name, horizon, command), []).append((cpu, wall))
                    printed[name] = out
                    log(f"  {name} {command} at {horizon} days: {cpu:.2f} s CPU, {wall:.1f} s wall")
                if "base" in printed:
                    key = (horizon, command)
                    same[key] = same.get(key, True) and printed["base"] == printed["this"]
    figures: list[Figure] = []
    shape = {"cards": CARDS, "reviews": made.reviews, "repeats": repeats}
    for (name, horizon, command), runs in spent.items():
        params = {**shape, "tree": name, "days_left": horizon, "command": f"drillbit {command}"}
        if name == "base":
            params["same_output"] = same[(horizon, command)]
        cpus = [cpu for cpu, _ in runs]
        walls = [wall for _, wall in runs]
        figures.append(Figure("plan_command_cpu_s", median(cpus), "s", params))
        figures.append(Figure("plan_command_wall_s", median(walls), "s", params))
    if base is not None:
        for horizon in days:
            for command in ("plan", "plan --json"):
                ours = median([cpu for cpu, _ in spent[("this", horizon, command)]])
                theirs = median([cpu for cpu, _ in spent[("base", horizon, command)]])
                figures.append(
                    Figure(
                        "plan_command_cpu_ratio",
                        round(theirs / ours, 2) if ours else 0.0,
                        "x",
                        {"days_left": horizon, "command": f"drillbit {command}", **shape},
                    )
                )
    return figures


def main(argv: Sequence[str] | None = None) -> int:
    """Parse the flags, measure, print the figures, merge them into `--out`."""
    parser = argparse.ArgumentParser(prog="python -m bench --plan-command", description=__doc__)
    parser.add_argument("--plan-command", action="store_true")
    parser.add_argument("--days", default="14,46", help="days to the interview, comma-separated")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--base", type=Path, help="another drillbit tree, run alternating")
    parser.add_argument("--out", type=Path, default=REPO / "bench" / "results.json")
    args = parser.parse_args(argv)
    try:
        days = [int(part) for part in args.days.split(",") if part.strip()]
    except ValueError:
        parser.error(f"--days: whole numbers of days, comma-separated, not {args.days!r}")
    if not days or min(days) < 1:
        parser.error(f"--days: one day or more each, not {args.days!r}")
    if args.base is not None and not (args.base / "quiz" / "cli").is_dir():
        parser.error(f"--base: {args.base} is not a drillbit tree (no quiz/cli in it)")
    stamp = run_stamp()
    with tempfile.TemporaryDirectory(prefix="drillbit-plan-command-") as tmp:
        os.environ.pop("DRILLBIT_CONTENT", None)
        figures = measure(Path(tmp), days, max(1, args.repeats), args.base)
    merge_results(args.out, {"plan_command": figures}, {}, stamp)
    for figure in figures:
        print(f"{figure.name:28} {figure.value:>8} {figure.unit:2} {figure.params}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
