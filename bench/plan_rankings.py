"""`uv run python -m bench.plan_rankings --base TREE [--days 46] [--rounds 3] [--home HOME
--bank BANK]`: the last pass's placement (`fewest_looks`: seventeen price rounds, each a
ranking of every look and a walk of it) of this tree and of TREE's
`quiz/study/plan/placement.py` and `stream_walk.py`, side by side in one process on the
same inputs.

The inputs are those of a heavy home's `drillbit plan --json` forecast at one fixed clock
(the heavy home of `bench.heavy`, given a plan `--days` ahead, or `--home`, which already
holds a plan, with `--bank`): the first six and the last six last-pass days it places.
Each round times every kept day with each tree in turn (which goes first alternates),
CPU of this process, and checks both give the same placement to the bit. Medians and
their ratio into bench/results.json's `plan_rankings` section.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib.util
import io
import os
import resource
import shutil
import sys
import tempfile
from collections import deque
from collections.abc import Callable, Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path
from types import ModuleType
from typing import Any

from bench.common import REPO, Figure, medians_and_ratio, merge_results, run_stamp

SECTION = "plan_rankings"
KEPT = 6
"""The first and the last this many last-pass days are timed (a day's inputs hold some
200,000 looks: keeping all 38 of a 46-day plan would take gigabytes)."""


def _cpu() -> float:
    used = resource.getrusage(resource.RUSAGE_SELF)
    return used.ru_utime + used.ru_stime


def _inputs(home: Path, bank: Path, clock: datetime) -> list[tuple[Any, ...]]:
    """`fewest_looks`' arguments on the kept days of `drillbit plan --json` on `home`."""
    import quiz.study.plan.bring_forward as bring_forward
    from quiz.cli import main

    first: list[tuple[Any, ...]] = []
    last: deque[tuple[Any, ...]] = deque(maxlen=KEPT)
    name = "fewest_looks"  # the last pass's call, replaced for the run
    real = getattr(bring_forward, name)

    def kept(*args: Any) -> Any:
        (first if len(first) < KEPT else last).append(args)
        return real(*args)

    os.environ["DRILLBIT_HOME"] = str(home)
    setattr(bring_forward, name, kept)
    try:
        with contextlib.redirect_stdout(io.StringIO()), contextlib.suppress(SystemExit):
            main(["--content", str(bank), "plan", "--json"], clock=lambda: clock)
    finally:
        setattr(bring_forward, name, real)
    return first + list(last)


def _load(path: Path, name: str) -> ModuleType:
    """The module at `path`, loaded as `name` beside this tree's."""
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def _module(tree: Path) -> ModuleType:
    """TREE's placement module, loaded beside this tree's, with TREE's stream walk (the
    placement's one-price rankings); its other imports are this tree's."""
    plan = tree / "quiz" / "study" / "plan"
    walk_name = "quiz.study.plan.stream_walk"
    ours = sys.modules.get(walk_name)
    sys.modules[walk_name] = _load(plan / "stream_walk.py", "bench_base_stream_walk")
    try:
        return _load(plan / "placement.py", "bench_base_placement")
    finally:
        if ours is None:
            del sys.modules[walk_name]
        else:
            sys.modules[walk_name] = ours


def _fields(placement: Any) -> tuple[Any, ...]:
    return (placement.days, placement.new, placement.ready, placement.looks, placement.seconds)


def measure(
    inputs: Sequence[tuple[Any, ...]], base: Path, rounds: int, log: Callable[[str], object]
) -> list[Figure]:
    """Time both trees' `fewest_looks` on `inputs`, `rounds` times, alternating."""
    from quiz.study.plan import placement

    trees = {"this": placement.fewest_looks, "base": _module(base).fewest_looks}
    spent: dict[str, list[float]] = {name: [] for name in trees}
    for round_ in range(rounds):
        order = list(trees) if round_ % 2 == 0 else list(reversed(trees))
        totals = dict.fromkeys(trees, 0.0)
        for args in inputs:
            made = {}
            for name in order:
                start = _cpu()
                made[name] = trees[name](*args)
                totals[name] += _cpu() - start
            if _fields(made["this"]) != _fields(made["base"]):
                raise RuntimeError("the two trees placed the looks differently")
        for name in trees:
            spent[name].append(totals[name])
        log(f"  round {round_ + 1}: " + ", ".join(f"{n} {totals[n]:.2f} s" for n in order))
    shape = {"days_placed": len(inputs), "rounds": rounds, "looks": len(inputs[0][0].days)}
    return medians_and_ratio("plan_rankings", spent, "s", shape, slow="base", fast="this")


def main(argv: Sequence[str] | None = None) -> int:
    """Parse the flags, make or take the home, measure, print and merge the figures."""
    parser = argparse.ArgumentParser(prog="python -m bench.plan_rankings", description=__doc__)
    parser.add_argument("--base", type=Path, required=True, help="another drillbit tree")
    parser.add_argument("--days", type=int, default=46, help="days to the interview")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--home", type=Path, help="a heavy home that holds a plan already")
    parser.add_argument("--bank", type=Path, help="the bank of --home")
    parser.add_argument("--out", type=Path, default=REPO / "bench" / "results.json")
    args = parser.parse_args(argv)
    if not (args.base / "quiz" / "study" / "plan" / "placement.py").is_file():
        parser.error(f"--base: {args.base} is not a drillbit tree (no quiz/study/plan)")
    if (args.home is None) != (args.bank is None):
        parser.error("--home and --bank go together")
    if args.days < 1 or args.rounds < 1:
        parser.error("--days and --rounds: one or more each")
    stamp = run_stamp()
    clock = datetime.now(UTC).replace(microsecond=0)
    with tempfile.TemporaryDirectory(prefix="drillbit-plan-rankings-") as tmp:
        home, bank = args.home, args.bank
        if home is None:
            from bench.bankgen import generate_bank
            from bench.heavy import heavy_home
            from bench.plan_command import CARDS, REVIEWS, _run

            bank = generate_bank(Path(tmp) / "bank", CARDS)
            home = heavy_home(Path(tmp) / "heavy", bank, CARDS, REVIEWS).home
            interview = (clock.astimezone().date() + timedelta(days=args.days)).isoformat()
            _run(REPO, home, clock, ["--content", str(bank), "plan", "--interview", interview])
        else:
            shutil.copytree(home, Path(tmp) / "home")
            home = Path(tmp) / "home"
        inputs = _inputs(home, bank, clock)
        figures = measure(inputs, args.base.resolve(), args.rounds, print)
    merge_results(args.out, {SECTION: figures}, {}, stamp)
    for figure in figures:
        print(f"{figure.name:32} {figure.value:>8} {figure.unit:2} {figure.params}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
