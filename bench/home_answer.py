"""`uv run python -m bench.home_answer --home HOME --bank BANK [--answers 3]`: what Home
computes again after one answer under an interview plan, CPU of this process, in one run.

HOME already holds a plan (a copy is answered, the given home is left as it was; as
`bench.plan_rankings --home`). At one fixed clock the copy is counted cold (Home's count,
`home_view`, then the plan-followed forecast Home's worker asks for), counted again with
nothing changed (`PlanCache` gives it back), and then after each of `--answers` answers
of a due session: each answer changes the store's version, so both are computed again
whole. The figures name where an incremental count would save (docs/performance.md,
"Home after an answer under a plan").
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

CLOCK = datetime(2026, 12, 6, 1, 0, tzinfo=UTC)
"""The fixed clock: the heavy homes of the thirty-ninth round set their plan the evening before."""


def _cpu_ms(step: Callable[[], object]) -> float:
    """The CPU this process spent on `step`, in ms."""
    start = time.process_time()
    step()
    return (time.process_time() - start) * 1000


def main(argv: list[str]) -> None:
    """Measure (see the module docstring) and print one line per count."""
    parser = argparse.ArgumentParser(prog="bench.home_answer")
    parser.add_argument("--home", type=Path, required=True)
    parser.add_argument("--bank", type=Path, required=True)
    parser.add_argument("--answers", type=int, default=3)
    args = parser.parse_args(argv)

    import numpy  # noqa: F401  imported first: the forecast's figure is not numpy's import
    from fsrs import Rating

    from quiz.home_view import home_view
    from quiz.overview import StudyRequest
    from quiz.workspace import Workspace

    with tempfile.TemporaryDirectory(prefix="home-answer-") as scratch:
        home = Path(scratch) / "home"
        shutil.copytree(args.home, home)
        workspace = Workspace.open(
            [args.bank], store_path=home / "drillbit.db", clock=lambda: CLOCK
        )
        count = _cpu_ms(lambda: home_view(workspace))
        forecast = _cpu_ms(lambda: workspace.plan_status(with_forecast=True))
        kept = _cpu_ms(lambda: home_view(workspace))
        print(f"cold: count {count:.0f} ms, forecast {forecast:.0f} ms; kept: count {kept:.0f} ms")
        session = workspace.start_session(StudyRequest(mode="due"))
        for index in range(args.answers):
            if session.current is None:
                break
            session.rate(Rating.Again if index % 3 == 0 else Rating.Good)
            count = _cpu_ms(lambda: home_view(workspace))
            forecast = _cpu_ms(lambda: workspace.plan_status(with_forecast=True))
            print(f"after answer {index + 1}: count {count:.0f} ms, forecast {forecast:.0f} ms")
        workspace.close()


if __name__ == "__main__":
    main(sys.argv[1:])
