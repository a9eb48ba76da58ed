"""`uv run python -m bench.day_selection --home HOME --bank BANK [--days-left 45,1] [--answers 4]`:
today's plan-mode decision (`today_decision`) after each answer of a due session, with the
day's selection kept (`quiz.study.plan_decided`) and worked out whole (the kept one
dropped first), side by side in one process, CPU.

HOME holds a plan (a copy is answered; HOME is left as it was). For each `--days-left` N
the clock is set N days before the plan's interview (noon UTC): the heavy homes' plan is
45 days ahead the day after it was set, where today's selection is a few new cards; on the eve
(1 day left) it is the last pass, the costly one (147 cards never seen keep the days
before it new-card days on these homes). After each answer both ways are asked, the kept
one first (it was made at the answer before: the day is decided by then), and must be
equal (`==` on the day, the queue and the pace). The medians and their ratio are printed
(docs/performance.md, "The day's selection kept").
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from datetime import time as clock_time
from pathlib import Path


def _cpu_ms(step: Callable[[], object]) -> tuple[float, object]:
    """The CPU this process spent on `step` in ms, and what it gave."""
    start = time.process_time()
    made = step()
    return (time.process_time() - start) * 1000, made


def measure(home_given: Path, bank: Path, days_left: int, answers: int) -> dict[str, list[float]]:
    """`kept` and `whole` CPU in ms after each answer, at `days_left` days before the day."""
    import numpy  # noqa: F401  imported first: no figure is numpy's import
    from fsrs import Rating

    from quiz.overview import StudyRequest
    from quiz.store import Store
    from quiz.study.plan_decided import forget_decided
    from quiz.study.plan_today import today_decision
    from quiz.workspace import Workspace

    with Store.open(home_given / "drillbit.db", read_only=True) as store:
        plan = store.interview_plan()
    if plan is None:
        raise SystemExit(f"{home_given} holds no interview plan")
    day = plan.interview - timedelta(days=days_left)
    moment = datetime.combine(day, clock_time(12), tzinfo=UTC)
    figures: dict[str, list[float]] = {"kept": [], "whole": []}
    with tempfile.TemporaryDirectory(prefix="day-selection-") as scratch:
        home = Path(scratch) / "home"
        shutil.copytree(home_given, home)
        now = [moment]
        workspace = Workspace.open([bank], store_path=home / "drillbit.db", clock=lambda: now[0])
        refs = list(workspace.content.refs)

        def decide() -> object:
            return today_decision(
                workspace.store, refs, plan, now[0], tz=workspace.tz, scheduler=workspace.scheduler
            )

        session = workspace.start_session(StudyRequest(mode="due"))
        for index in range(answers):
            if session.current is None:
                break
            now[0] += timedelta(seconds=40)
            session.rate(Rating.Again if index % 3 == 0 else Rating.Good)
            if index == 0:
                decide()  # the day is decided by its first answer: made once, kept after
                continue
            kept_ms, kept = _cpu_ms(decide)
            forget_decided()
            whole_ms, whole = _cpu_ms(decide)
            if kept != whole:
                raise SystemExit(f"answer {index + 1}: the kept decision differs from a whole one")
            figures["kept"].append(kept_ms)
            figures["whole"].append(whole_ms)
        workspace.close()
    return figures


def main(argv: list[str]) -> None:
    """Measure at each `--days-left` and print the medians side by side."""
    parser = argparse.ArgumentParser(prog="bench.day_selection", description=__doc__)
    parser.add_argument("--home", type=Path, required=True)
    parser.add_argument("--bank", type=Path, required=True)
    parser.add_argument("--days-left", default="45,1", help="comma-separated")
    parser.add_argument("--answers", type=int, default=5)
    args = parser.parse_args(argv)
    for days_left in [int(part) for part in args.days_left.split(",") if part.strip()]:
        figures = measure(args.home.resolve(), args.bank.resolve(), days_left, args.answers)
        kept, whole = figures["kept"], figures["whole"]
        if not kept:
            print(f"{days_left} days left: no answer to measure")
            continue
        ratio = statistics.median(whole) / max(statistics.median(kept), 1e-9)
        print(
            f"{days_left} days left, {len(kept)} answers: today_decision kept "
            f"{statistics.median(kept):.1f} ms ({min(kept):.1f}-{max(kept):.1f}), worked out whole "
            f"{statistics.median(whole):.1f} ms ({min(whole):.1f}-{max(whole):.1f}), {ratio:.2f}x",
            flush=True,
        )


if __name__ == "__main__":
    main(sys.argv[1:])
