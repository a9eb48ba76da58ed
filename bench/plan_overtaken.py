"""`uv run python -m bench.plan_overtaken --home HOME --bank BANK [--answers 6] [--gap 2]
[--rounds 2]`: the CPU a plan home spends per answer on the forecast Home's worker asks
after each answer, the forecast run to its end for each answer (the fifty-fifth round's
path: `PlanCache.status` given a fixed moment) beside the one an answer overtakes (given
the clock, fifty-sixth round), alternating in one process.

HOME already holds a plan; each run answers a fresh copy of it (the given home is left as
it was) with `DRILLBIT_HOME` in the scratch directory (no forecast kept on disk from an
earlier run is taken). A run: the cold forecast (not counted), then `--answers` answers of
a due session, `--gap` seconds of wall apart (a person reading the next card), each
followed by a thread asking for the forecast as Home's worker does (`_check_target`); the
process's CPU from the first answer until every thread is done, divided by the answers.
The clock moves `--gap` seconds an answer. `--gap 0 --wait`: each thread is waited for
before the next answer (answers slower than the forecast: nothing to overtake).
The last forecast given is compared with a cold `plan_status` at the last moment (`same`).

Figures into `bench/results.json`'s section `plan_overtaken` (`--out`), and printed.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import threading
import time
from collections.abc import Sequence
from datetime import datetime, timedelta
from pathlib import Path

from bench.common import REPO, Figure, median, merge_results, run_stamp
from bench.home_answer import CLOCK

SECTION = "plan_overtaken"

PATHS = ("to_its_end", "overtaken")
"""The two ways measured: every forecast run to its end (a fixed moment given), and the
clock given (a forecast overtaken by an answer is dropped)."""


def one_run(
    home_given: Path, bank: Path, path: str, answers: int, gap: float, wait: bool
) -> tuple[float, bool]:
    """(CPU ms per answer, whether a forecast given after the last answer equals a cold
    one at the last moment) of one run."""
    before = os.environ.get("DRILLBIT_HOME")
    try:
        return _answered(home_given, bank, path, answers, gap, wait)
    finally:  # the process's own home again (a test calls this in its process)
        if before is None:
            os.environ.pop("DRILLBIT_HOME", None)
        else:
            os.environ["DRILLBIT_HOME"] = before


def _answered(
    home_given: Path, bank: Path, path: str, answers: int, gap: float, wait: bool
) -> tuple[float, bool]:
    """`one_run` with DRILLBIT_HOME set to the scratch directory."""
    import numpy  # noqa: F401  imported first: the figure is not numpy's import
    from fsrs import Rating

    from quiz.overview import StudyRequest
    from quiz.study.plan_status import plan_status
    from quiz.workspace import Workspace

    with tempfile.TemporaryDirectory(prefix="plan-overtaken-") as scratch:
        os.environ["DRILLBIT_HOME"] = str(Path(scratch) / "drillbit-home")
        home = Path(scratch) / "home"
        shutil.copytree(home_given, home)
        moment = [CLOCK]
        workspace = Workspace.open([bank], store_path=home / "drillbit.db", clock=lambda: moment[0])
        given: list[object] = []

        def forecast() -> None:
            if path == "overtaken":
                found = workspace.plan_status(with_forecast=True)
            else:  # the workspace's call before this round: the moment of the call
                found = workspace.plans.status(
                    workspace.store,
                    workspace.content.refs,
                    workspace.now(),
                    tz=workspace.tz,
                    scheduler=workspace.scheduler,
                    with_forecast=True,
                )
            given.append(found)

        forecast()  # cold, not counted
        session = workspace.start_session(StudyRequest(mode="due"))
        threads: list[threading.Thread] = []
        start = time.process_time()
        for index in range(answers):
            if session.current is None:
                break
            if index:
                time.sleep(gap)
            moment[0] += timedelta(seconds=max(gap, 1.0))
            session.rate(Rating.Again if index % 3 == 0 else Rating.Good)
            worker = threading.Thread(target=forecast)
            worker.start()
            threads.append(worker)
            if wait:
                worker.join()
        for worker in threads:
            worker.join()
        spent = (time.process_time() - start) * 1000 / max(1, len(threads))
        last: datetime = moment[0]
        cold = plan_status(
            workspace.store,
            workspace.content.refs,
            last,
            tz=workspace.tz,
            scheduler=workspace.scheduler,
            with_forecast=True,
        )
        same = any(found == cold for found in given)
        workspace.close()
    return spent, same


def measure(
    home: Path, bank: Path, answers: int, gap: float, wait: bool, rounds: int
) -> list[Figure]:
    """Both paths alternating (the old one first in even rounds), then medians and ratio."""
    spent: dict[str, list[float]] = {name: [] for name in PATHS}
    all_same = True
    for round_ in range(rounds):
        order = PATHS if round_ % 2 == 0 else PATHS[::-1]
        for name in order:
            ms, same = one_run(home, bank, name, answers, gap, wait)
            spent[name].append(ms)
            all_same = all_same and same
            print(
                f"round {round_ + 1} {name}: {ms:.0f} ms CPU per answer, last forecast == cold: {same}",
                flush=True,
            )
    params = {"answers": answers, "gap_s": gap, "wait": wait, "rounds": rounds}
    before, after = median(spent["to_its_end"]), median(spent["overtaken"])
    return [
        Figure("forecast_cpu_ms_per_answer_to_its_end", before, "ms", params),
        Figure("forecast_cpu_ms_per_answer_overtaken", after, "ms", params),
        Figure(
            "forecast_cpu_per_answer_ratio", round(before / after, 2) if after else 0.0, "x", params
        ),
        Figure("forecast_equals_cold", 1.0 if all_same else 0.0, "bool", params),
    ]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.plan_overtaken", description=__doc__)
    parser.add_argument("--home", type=Path, required=True, help="a home holding a plan")
    parser.add_argument("--bank", type=Path, required=True, help="the home's bank")
    parser.add_argument("--answers", type=int, default=6)
    parser.add_argument("--gap", type=float, default=2.0, help="wall seconds between answers")
    parser.add_argument("--wait", action="store_true", help="wait for each forecast first")
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--out", type=Path, default=REPO / "bench" / "results.json")
    args = parser.parse_args(argv)
    if not (args.home / "drillbit.db").is_file():
        parser.error(f"--home: {args.home} holds no drillbit.db")
    if args.answers < 1 or args.rounds < 1 or args.gap < 0:
        parser.error("--answers and --rounds must be at least 1, --gap not negative")
    stamp = run_stamp()
    figures = measure(
        args.home.resolve(), args.bank.resolve(), args.answers, args.gap, args.wait, args.rounds
    )
    merge_results(args.out, {SECTION: figures}, {}, stamp)
    for figure in figures:
        print(f"{figure.name:40} {figure.value:>9} {figure.unit:4} {figure.params}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
