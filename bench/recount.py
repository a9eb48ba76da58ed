"""The heavy user's counts after an answer, with an interview plan and without, side by side
with an older source tree: the CPU of the workspace calls the screens make.

`python -m bench.recount --against DIR` restores the heavy user's history into a home per
tree and a copy given a plan `PLAN_DAYS` ahead (`bench.screens.heavy_homes`, its `prepare`),
then in each round runs `RECOUNT` with each tree in turn (alternating which goes first) on
a fresh copy of each home: in one process, a due session's first card shown, Home counted
(`home_view`), the card rated and the next one shown (`rate_next_card`), Home counted again, a due session started again (its first card) and the
stats screen's reading (`stats_view`, the plan's forecast left to its thread). Each step's
CPU (user + system of the process: on a shared machine the wall moves with the load), the
plan home's with a `plan_` prefix; medians and ratios go to results.json's `SECTION`. The
TUI's steps around these calls are `bench.screens`'.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from bench.common import Figure, run_python, source_env
from bench.heavy import history_main
from bench.screens import CARDS, PLAN_DAYS, plan_home, probe_side_by_side, with_plan

SECTION = "side_by_side_37_recount"

RECOUNT = """
import json, resource, sys
from pathlib import Path
from fsrs import Rating
from quiz.home_view import home_view
from quiz.overview import StudyRequest
from quiz.stats_view import stats_view
from quiz.workspace import Workspace
ws = Workspace.open([Path(sys.argv[1])])
ws.content.refs
def cpu():
    used = resource.getrusage(resource.RUSAGE_SELF)
    return (used.ru_utime + used.ru_stime) * 1000
found = {}
def step(name, action):
    start = cpu()
    done = action()
    found[name] = cpu() - start
    return done
def rate_next(session):
    session.rate(Rating.Good)
    ws.session_card(session)
    session.show()
session = ws.start_session(StudyRequest(mode="due"))
ws.session_card(session)
session.show()
step("home_first_cpu_ms", lambda: home_view(ws))
step("rate_next_card_cpu_ms", lambda: rate_next(session))
step("home_after_answer_cpu_ms", lambda: home_view(ws))
step("session_start_cpu_ms", lambda: ws.session_card(ws.start_session(StudyRequest(mode="due"))))
step("stats_view_cpu_ms", lambda: stats_view(ws))
print(json.dumps(found))
"""
"""A session's card shown, Home's count, one rating to the next card, Home's count again, a
new session's first card, the stats view."""


def side_by_side(
    against: Path,
    rounds: int,
    reviews: int,
    out: Path,
    cards: int = CARDS,
    section: str = SECTION,
) -> list[Figure]:
    """`RECOUNT`'s steps of `against` (before) and this tree (after) on the same history."""

    def measure(source: Path, home: Path, bank: Path) -> dict[str, float]:
        found: dict[str, float] = {}
        for prefix, at in (("", home), ("plan_", plan_home(home))):
            copy = at.with_name(f"{at.name}-copy")  # the step answers a card: each round anew
            shutil.rmtree(copy, ignore_errors=True)
            shutil.copytree(at, copy)
            _, done = run_python(
                ["-c", RECOUNT, str(bank)], env=source_env(source, copy), cwd=home.parent
            )
            shutil.rmtree(copy)
            for name, value in json.loads(done.stdout.splitlines()[-1]).items():
                found[f"{prefix}{name}"] = float(value)
        return found

    return probe_side_by_side(
        against,
        rounds,
        reviews,
        out,
        cards=cards,
        section=section,
        measure=measure,
        prepare=with_plan(),
        params={"plan_days": PLAN_DAYS},
    )


def main() -> None:
    """`python -m bench.recount --against DIR [--rounds N] [--reviews N] [--cards N]`."""
    history_main("bench.recount", __doc__, side_by_side, rounds=5, cards=CARDS, section=SECTION)


if __name__ == "__main__":
    main()
