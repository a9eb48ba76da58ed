"""`uv run python -m bench.home_answer --home HOME --bank BANK [--answers 3]`: what Home
computes again after one answer under an interview plan, CPU of this process, in one run.

HOME already holds a plan (a copy is answered, the given home is left as it was; as
`bench.plan_rankings --home`). The run's `DRILLBIT_HOME` is that copy, its kept forecasts
(`quiz.plan_file`) removed first: a run computes every forecast it prints, never one an
earlier run kept, and the caller's own home (and its cache) is not read or written. At one fixed clock the copy is counted cold (Home's count,
`home_view`, then the plan-followed forecast Home's worker asks for), counted again with
nothing changed (`PlanCache` gives it back), and then after each of `--answers` answers
of a due session: each answer changes the store's version, so both are computed again
(the forecast from the previous one's recalls, `PlanCache`, since the fortieth round).

`--side TREE [--rounds N]`: the same measure in child processes, this tree's source and
TREE's (another checkout, e.g. the branch before a change) alternating round by round,
each on its own fresh copy of HOME, and the medians side by side (docs/performance.md,
"Home after an answer under a plan").
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

CLOCK = datetime(2026, 12, 6, 1, 0, tzinfo=UTC)
"""The fixed clock: the heavy homes of the thirty-ninth round set their plan the evening before."""

HERE = Path(__file__).resolve().parent.parent
"""This checkout (the tree `--side` measures beside TREE)."""


def _cpu_ms(step: Callable[[], object]) -> float:
    """The CPU this process spent on `step`, in ms."""
    start = time.process_time()
    step()
    return (time.process_time() - start) * 1000


@contextmanager
def _home_env() -> Iterator[Callable[[Path], None]]:
    """A setter of `DRILLBIT_HOME` for the run; the caller's value is put back after it."""
    from quiz.paths import HOME_ENV

    before = os.environ.get(HOME_ENV)
    try:
        yield lambda home: os.environ.__setitem__(HOME_ENV, str(home))
    finally:
        if before is None:
            os.environ.pop(HOME_ENV, None)
        else:
            os.environ[HOME_ENV] = before


def _forget_forecasts() -> None:
    """Remove the kept forecasts of the run's home (the copy), which HOME's copy may bring."""
    from quiz.plan_file import cache_path

    cache_path().unlink(missing_ok=True)


def measure(home_given: Path, bank: Path, answers: int) -> dict[str, list[float]]:
    """The figures of one run (see the module docstring), in ms: `cold` (count, forecast),
    `kept` (count), and per answer `count` and `forecast`."""
    import numpy  # noqa: F401  imported first: the forecast's figure is not numpy's import
    from fsrs import Rating

    from quiz.home_view import home_view
    from quiz.overview import StudyRequest
    from quiz.workspace import Workspace

    figures: dict[str, list[float]] = {"cold": [], "kept": [], "count": [], "forecast": []}
    with tempfile.TemporaryDirectory(prefix="home-answer-") as scratch, _home_env() as set_home:
        home = Path(scratch) / "home"
        shutil.copytree(home_given, home)
        set_home(home)
        _forget_forecasts()
        workspace = Workspace.open([bank], store_path=home / "drillbit.db", clock=lambda: CLOCK)
        figures["cold"].append(_cpu_ms(lambda: home_view(workspace)))
        figures["cold"].append(_cpu_ms(lambda: workspace.plan_status(with_forecast=True)))
        figures["kept"].append(_cpu_ms(lambda: home_view(workspace)))
        session = workspace.start_session(StudyRequest(mode="due"))
        for index in range(answers):
            if session.current is None:
                break
            session.rate(Rating.Again if index % 3 == 0 else Rating.Good)
            figures["count"].append(_cpu_ms(lambda: home_view(workspace)))
            figures["forecast"].append(_cpu_ms(lambda: workspace.plan_status(with_forecast=True)))
        workspace.close()
    return figures


def _print(figures: dict[str, list[float]]) -> None:
    count, forecast = figures["cold"]
    print(
        f"cold: count {count:.0f} ms, forecast {forecast:.0f} ms; kept: count {figures['kept'][0]:.0f} ms"
    )
    for index, (count, forecast) in enumerate(
        zip(figures["count"], figures["forecast"], strict=True)
    ):
        print(f"after answer {index + 1}: count {count:.0f} ms, forecast {forecast:.0f} ms")


def _child(tree: Path, home: Path, bank: Path, answers: int) -> dict[str, list[float]]:
    """`measure` in a fresh process importing `tree`'s source."""
    env = dict(os.environ, PYTHONPATH=str(tree))
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "bench.home_answer",
            "--home",
            str(home),
            "--bank",
            str(bank),
            "--answers",
            str(answers),
            "--json",
        ],
        cwd=tree,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    figures: dict[str, list[float]] = json.loads(done.stdout.splitlines()[-1])
    return figures


def side_by_side(other: Path, home: Path, bank: Path, answers: int, rounds: int) -> None:
    """Both trees alternating (other first in even rounds), then the medians."""
    trees = {"other": other.resolve(), "this": HERE}
    runs: dict[str, list[dict[str, list[float]]]] = {"other": [], "this": []}
    for round_ in range(rounds):
        order = ["other", "this"] if round_ % 2 == 0 else ["this", "other"]
        for name in order:
            figures = _child(trees[name], home, bank, answers)
            runs[name].append(figures)
            after = " ".join(
                f"{c:.0f}/{f:.0f}"
                for c, f in zip(figures["count"], figures["forecast"], strict=True)
            )
            print(
                f"round {round_ + 1} {name}: cold {figures['cold'][0]:.0f}/{figures['cold'][1]:.0f}, "
                f"after answers (count/forecast ms) {after}",
                flush=True,
            )
    for name in ("other", "this"):
        counts = [c for run in runs[name] for c in run["count"]]
        forecasts = [f for run in runs[name] for f in run["forecast"]]
        print(
            f"{name} ({trees[name]}): after an answer, median count {statistics.median(counts):.0f} ms "
            f"(range {min(counts):.0f}-{max(counts):.0f}), median forecast "
            f"{statistics.median(forecasts):.0f} ms (range {min(forecasts):.0f}-{max(forecasts):.0f})"
        )


def main(argv: list[str]) -> None:
    """Measure (see the module docstring) and print one line per count."""
    parser = argparse.ArgumentParser(prog="bench.home_answer")
    parser.add_argument("--home", type=Path, required=True)
    parser.add_argument("--bank", type=Path, required=True)
    parser.add_argument("--answers", type=int, default=3)
    parser.add_argument("--json", action="store_true", help="one JSON line of the figures")
    parser.add_argument("--side", type=Path, help="another tree, measured alternately")
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args(argv)
    if args.side is not None:
        side_by_side(args.side, args.home.resolve(), args.bank.resolve(), args.answers, args.rounds)
        return
    figures = measure(args.home, args.bank, args.answers)
    if args.json:
        print(json.dumps(figures))
    else:
        _print(figures)


if __name__ == "__main__":
    main(sys.argv[1:])
