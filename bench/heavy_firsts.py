"""`uv run python -m bench.heavy_firsts [--home HOME --plain PLAIN --bank BANK] [--rounds N]
[--base TREE]`: the two heavy-home costs no round had measured, side by side in one run:
`drillbit export progress` (the first, which checks what the export reads, and one again,
which skips the check of an unchanged file) and Home's first open without Textual (the
workspace opened, then `home_view`, Home's view model, then the plan line's forecast,
`plan_status(with_forecast=True)`, which Home works out in a thread), and the workspace's
first open of a home restored without its card cache (every card file parsed).

Before the rounds each tree opens each home once, not measured (its byte-code, the home's
card cache: an app's every start after the first). Homes: `--home` holds an interview plan, `--plain` the same history without one (both
made here from `bench.heavy` when not given: 10,000 generated cards, some 210,000 reviews,
a plan 46 days ahead). Each figure is a fresh child's CPU (user + system; on a shared
machine the wall moves with the load), each child at one fixed clock. With `--base TREE`
the same children run from that tree too, the two alternating in each round, and the
export's backup and Home's view (its rows, counts and plan line) must be the same. Medians
and ratios into bench/results.json's `heavy_firsts` section.
"""

from __future__ import annotations

import argparse
import gzip
import json
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

SECTION = "heavy_firsts"
CLOCK = datetime(2026, 12, 6, 17, 30, tzinfo=UTC)
QUIET = 2.5
"""Seconds a copied home is left alone before its first export: more than the store's
`CHECKED_QUIET_SECONDS`, so the first export's check is stamped and the second skips it,
as a person's export of an unchanged file does."""
"""Every child's clock: the plan's days and Home's counts are the same in every run."""

_EXPORT = """
import sys
from datetime import datetime
from quiz.cli import main
fixed = datetime.fromisoformat(sys.argv[1])
main(sys.argv[2:], clock=lambda: fixed)
"""

_HOME = """
import json, resource, sys
from datetime import datetime
from pathlib import Path
fixed = datetime.fromisoformat(sys.argv[1])
def cpu():
    used = resource.getrusage(resource.RUSAGE_SELF)
    return (used.ru_utime + used.ru_stime) * 1000
found = {}
start = cpu()
from quiz.home_view import home_view
from quiz.workspace import Workspace
ws = Workspace.open([Path(sys.argv[2])], clock=lambda: fixed)
ws.content.refs
found["home_open_workspace_cpu_ms"] = cpu() - start
start = cpu()
view = home_view(ws)
found["home_first_view_cpu_ms"] = cpu() - start
start = cpu()
status = ws.plan_status(with_forecast=True)
found["home_plan_line_cpu_ms"] = cpu() - start
line = view.with_forecast(() if status is None else tuple(status.forecast)).plan_line(ahead_key="a")
shown = [repr(view.rows), repr(view.counts), repr(view.today), repr(line)]
print(json.dumps({"cpu": found, "shown": shown}))
"""
"""Home's first open in one process: the workspace, Home's view model, the plan line's forecast."""


_OPEN = """
import json, resource, sys
from datetime import datetime
from pathlib import Path
fixed = datetime.fromisoformat(sys.argv[1])
def cpu():
    used = resource.getrusage(resource.RUSAGE_SELF)
    return (used.ru_utime + used.ru_stime) * 1000
start = cpu()
from quiz.workspace import Workspace
ws = Workspace.open([Path(sys.argv[2])], clock=lambda: fixed)
refs = ws.content.refs
spent = cpu() - start
print(json.dumps({"cpu": spent, "shown": [len(refs), repr(refs[:3]), repr(refs[-3:])]}))
"""
"""The workspace's first open alone (the card refs), for a home without its card cache."""


def _child(
    tree: Path, home: Path, code: str, args: Sequence[str], pycache: Path
) -> tuple[float, str]:
    """`python -c CODE CLOCK ARGS` from `tree` on `home`: (its CPU ms, its stdout).

    As `python -m bench`'s, the child starts with byte-code caches (in `pycache`, which the
    unmeasured first open fills), even where this shell disables them: without, each
    child compiled every module it imported (perf49)."""
    env = child_env(DRILLBIT_HOME=str(home), PYTHONPATH=str(tree))
    env.pop("DRILLBIT_CONTENT", None)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(pycache)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    done = subprocess.run(
        [sys.executable, "-c", code, CLOCK.isoformat(), *args],
        env=env,
        cwd=tree,
        capture_output=True,
        check=False,
        timeout=3600,
    )
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        raise RuntimeError(f"{args} failed in {tree}: {done.stderr.decode()[-2000:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return cpu * 1000, done.stdout.decode()


def _backup(path: Path) -> Any:
    """The backup's content without its moment of writing (each run writes its own)."""
    opened = gzip.open(path, "rt") if path.suffix == ".gz" else path.open()
    with opened as text:
        data = json.load(text)
    if isinstance(data, dict):
        data.pop("exported_at", None)
    return data


def measure(
    homes: dict[str, Path], bank: Path, work: Path, rounds: int, base: Path | None, log: Any = print
) -> list[Figure]:
    """Each round: per tree, on a fresh copy of each home, the first export and one again,
    and Home's first open on the plan home and the plain one."""
    trees = {"this": REPO} if base is None else {"this": REPO, "base": base.resolve()}
    pycache = work / "pycache"
    for tree in trees.values():  # not measured: each tree's byte-code and card cache
        for made in homes.values():
            _child(tree, made, _HOME, [str(bank)], pycache)
    spent: dict[tuple[str, str, str], list[float]] = {}
    same = {"export": True, "home": True}
    for round_ in range(rounds):
        order = list(trees) if round_ % 2 == 0 else list(reversed(trees))
        backups: dict[str, Any] = {}
        shown: dict[str, Any] = {}
        for name in order:
            for kind, made in homes.items():
                home = work / f"{name}-{kind}-{round_}"
                shutil.copytree(made, home)
                # the copy's stamp names another file: the first export checks the whole
                # database; a file changed within the store's quiet window is checked at
                # every export and not stamped, so the copy is left quiet first
                time.sleep(QUIET)
                for step in ("export_first", "export_again"):
                    out = work / f"{name}-{kind}-{round_}-{step}.json"
                    args = ["--content", str(bank), "export", "progress", str(out)]
                    cpu, _ = _child(trees[name], home, _EXPORT, args, pycache)
                    spent.setdefault((name, kind, f"{step}_cpu_ms"), []).append(cpu)
                    backups.setdefault(name, []).append(_backup(out))
                    out.unlink()
                    log(f"  {name} {kind} {step}: {cpu:.0f} ms CPU")
                fresh = work / f"{name}-{kind}-{round_}-home"
                shutil.copytree(made, fresh)
                _, printed = _child(trees[name], fresh, _HOME, [str(bank)], pycache)
                found = json.loads(printed)
                for figure, value in found["cpu"].items():
                    spent.setdefault((name, kind, figure), []).append(value)
                shown.setdefault(name, []).append(found["shown"])
                log(f"  {name} {kind} home: {found['cpu']}")
                # restored without its card cache: the open parses every card file
                shutil.rmtree(fresh)
                shutil.copytree(made, fresh, ignore=shutil.ignore_patterns("cache"))
                _, printed = _child(trees[name], fresh, _OPEN, [str(bank)], pycache)
                cold = json.loads(printed)
                figure = "home_open_no_cache_cpu_ms"
                spent.setdefault((name, kind, figure), []).append(cold["cpu"])
                shown.setdefault(name, []).append(cold["shown"])
                log(f"  {name} {kind} open without the card cache: {cold['cpu']:.0f} ms CPU")
                shutil.rmtree(home)
                shutil.rmtree(fresh)
        if "base" in backups:
            same["export"] = same["export"] and backups["base"] == backups["this"]
            same["home"] = same["home"] and shown["base"] == shown["this"]
    figures: list[Figure] = []
    shape = {"cards": 10_000, "rounds": rounds, "clock": CLOCK.isoformat()}
    for (name, kind, figure), values in spent.items():
        params = {**shape, "tree": name, "home": kind}
        if name == "base":
            params["same_output"] = same["export" if figure.startswith("export") else "home"]
        figures.append(Figure(figure, median(values), "ms", params))
        if name == "this" and base is not None:
            theirs = median(spent[("base", kind, figure)])
            ours = median(values)
            ratio = round(theirs / ours, 2) if ours else 0.0
            figures.append(Figure(f"{figure[:-7]}_ratio", ratio, "x", {**shape, "home": kind}))
    return figures


def _made_homes(work: Path, days: int) -> tuple[dict[str, Path], Path]:
    """The heavy home without a plan and a copy with one `days` ahead, and their bank."""
    from bench.bankgen import generate_bank
    from bench.heavy import heavy_home
    from bench.plan_command import CARDS, REVIEWS, _run

    bank = generate_bank(work / "bank", CARDS)
    made = heavy_home(work / "heavy", bank, CARDS, REVIEWS)
    planned = work / "planned"
    shutil.copytree(made.home, planned)
    interview = (CLOCK.astimezone().date() + timedelta(days=days)).isoformat()
    _run(REPO, planned, CLOCK, ["--content", str(bank), "plan", "--interview", interview])
    return {"plan": planned, "plain": made.home}, bank


def main(argv: Sequence[str] | None = None) -> int:
    """Parse the flags, make the homes unless given, measure, print, merge into `--out`."""
    parser = argparse.ArgumentParser(prog="python -m bench.heavy_firsts", description=__doc__)
    parser.add_argument("--home", type=Path, help="a heavy home holding a plan")
    parser.add_argument("--plain", type=Path, help="the same history without a plan")
    parser.add_argument("--bank", type=Path, help="the homes' bank (with --home)")
    parser.add_argument("--days", type=int, default=46, help="the plan's days, homes made here")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--base", type=Path, help="another drillbit tree, run alternating")
    parser.add_argument("--out", type=Path, default=REPO / "bench" / "results.json")
    args = parser.parse_args(argv)
    given = [args.home, args.plain, args.bank]
    if any(given) and not all(given):
        parser.error("--home, --plain and --bank go together")
    if args.base is not None and not (args.base / "quiz" / "cli").is_dir():
        parser.error(f"--base: {args.base} is not a drillbit tree (no quiz/cli in it)")
    stamp = run_stamp()
    with tempfile.TemporaryDirectory(prefix="drillbit-heavy-firsts-") as tmp:
        work = Path(tmp)
        if args.home is not None:
            homes, bank = {"plan": args.home, "plain": args.plain}, args.bank
        else:
            homes, bank = _made_homes(work, args.days)
        figures = measure(homes, bank, work, max(1, args.rounds), args.base)
    merge_results(args.out, {SECTION: figures}, {}, stamp)
    for figure in figures:
        print(f"{figure.name:32} {figure.value:>9} {figure.unit:2} {figure.params}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
