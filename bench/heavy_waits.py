"""`uv run python -m bench.heavy_waits [--home HOME --bank BANK] [--rounds N] [--base TREE]`:
what a heavy user waits for, side by side with another tree in one run (fifty-third round).

On a fresh copy of the heavy home with an interview plan (`bench.heavy_firsts`'s homes:
10,000 generated cards, some 210,000 reviews, a plan 46 days ahead), each tree runs, in
order, fresh children at one fixed clock (`CLOCK`):

1. the day's first start: the workspace opened to Home's view model (`open_to_home`), then
   Home's plan line with its forecast (`plan_line_first`);
2. `drillbit plan --json` and `drillbit stats` (whole commands, `plan_json`, `stats`);
3. a second start the same day: open to Home again (`open_again`), the plan line
   (`plan_line_again`: a kept forecast where the tree keeps one), the stats screen's view
   model (`stats_screen`), the card browser's first page and every row after it
   (`browser_first_page`, `browser_all_rows`), a due session started (`start_session`),
   one card shown and rated Good (`rate_card`), Home's recount (`home_after_answer`) and
   its plan line after the answer (`plan_line_after_answer`, computed again by both);
4. one card file edited, then the workspace opened to Home (`open_after_edit`), on a copy of
   the bank of its own (`edit_bank`), so the other steps' bank keeps its index: the child
   first opens that copy unmeasured (its index and card cache made for the files as they
   are), appends a blank line to one card file, waits past the card cache's racy window
   (an edit made a while before the open, as a person's is) and opens it again, measured.
   This was the open that reloaded every card while the index was one digest over every
   root (fifty-fourth round); since the fifty-fifth it reads the edited file and takes the
   others from their remembered facts (`quiz.bank.card_facts`).

Each copy starts without a kept forecast (`FORECAST_FILE`: the day's first start), so
`plan_json` after the first start takes the one it kept where the tree keeps one.

Each figure is the child's CPU (`process_time` around the step: user + system; the wall
moves with a shared machine's load). Before the rounds each tree opens one copy once, not
measured, for its byte-code and card cache, and every round's copies are taken from that
copy (`warmed`). The two trees alternate which goes first; what
they print (Home's rows and plan line, the stats screen's headline and forecast, the
session's first card, both commands' stdout) must be the same (`same_output`). Medians and
ratios into bench/results.json's `heavy_waits` section, and a table printed.

Textual is not started: these are the view models and workspace calls each screen makes
(the screens' own drawing is `bench.screens`' and `bench.first_frames`').
"""

from __future__ import annotations

import argparse
import json
import shutil
import tempfile
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from bench.common import (
    REPO,
    Figure,
    merge_results,
    run_stamp,
    tree_figures,
    tree_rounds,
    tree_table,
)
from bench.heavy_firsts import CLOCK, _child, _made_homes

SECTION = "heavy_waits"
FORECAST_FILE = "plan-forecast.json"
"""The kept forecast of this tree (`quiz.plan_file.FILE_NAME`), taken out of each copy."""

_PRELUDE = """
import json, sys, time
from datetime import datetime
from pathlib import Path
fixed = datetime.fromisoformat(sys.argv[1])
found, shown = {}, []
def step(name, action):
    start = time.process_time()
    value = action()
    found[name] = (time.process_time() - start) * 1000
    return value
from quiz.home_view import home_view
from quiz.workspace import Workspace
def opened():
    ws = Workspace.open([Path(sys.argv[2])], clock=lambda: fixed)
    ws.content.refs
    return ws, home_view(ws)
def line(ws, view):
    status = ws.plan_status(with_forecast=True)
    points = () if status is None else tuple(status.forecast)
    return repr(view.with_forecast(points).plan_line(ahead_key="a"))
"""

_FIRST = (
    _PRELUDE
    + """
ws, view = step("open_to_home", opened)
shown += [repr(view.rows), repr(view.counts)]
shown.append(step("plan_line_first", lambda: line(ws, view)))
ws.close()
print(json.dumps({"cpu": found, "shown": shown}))
"""
)
"""The day's first start: Home, then its plan line (the forecast computed)."""

_AGAIN = (
    _PRELUDE
    + """
from fsrs import Rating
from quiz.browser_view import read_bounds, read_due_labels, read_plan_due, read_rows
from quiz.overview import StudyRequest
from quiz.stats_view import stats_view
ws, view = step("open_again", opened)
shown.append(step("plan_line_again", lambda: line(ws, view)))
stats = step("stats_screen", lambda: stats_view(ws))
shown += [repr(stats.headline), repr(stats.forecast)]
refs = ws.content.refs
def first_page():
    rows = read_rows(ws, refs[:200], fixed, page=True)
    return rows, read_bounds(ws, refs, fixed), read_due_labels(ws, rows, fixed), read_plan_due(ws, fixed)
page = step("browser_first_page", first_page)
shown.append(repr(page[2][:20]))
every = step("browser_all_rows", lambda: read_rows(ws, refs, fixed, page=False))
shown.append(len(every))
session = step("start_session", lambda: ws.start_session(StudyRequest(mode="due")))
shown.append(None if session.current is None else session.current.id)
def rate():
    session.show(now=fixed)
    session.rate(Rating.Good, now=fixed, duration_ms=9000)
if session.current is not None:
    step("rate_card", rate)
after = step("home_after_answer", lambda: home_view(ws))
shown.append(repr(after.counts))
shown.append(step("plan_line_after_answer", lambda: line(ws, after)))
ws.close()
print(json.dumps({"cpu": found, "shown": shown}))
"""
)
"""A second start the same day, then the screens and one answer."""

_EDITED = (
    _PRELUDE
    + """
from quiz.bank.cachefile import RACY_SECONDS
bank, target = Path(sys.argv[2]), Path(sys.argv[3])
time.sleep(RACY_SECONDS + 0.5)  # the copy's files or the last edit: no longer racy
opened()[0].close()  # unmeasured: the index and card cache of the files as they are
with target.open("a", encoding="utf-8") as handle:
    handle.write("\\n")
time.sleep(RACY_SECONDS + 0.5)  # the edit made a while before the open
ws, view = step("open_after_edit", opened)
shown.append(repr(view.counts))
ws.close()
print(json.dumps({"cpu": found, "shown": shown}))
"""
)
"""One card file edited, then the workspace opened to Home (on `edit_bank`'s copy)."""

_COMMAND = """
import sys
from datetime import datetime
from quiz.cli import main
fixed = datetime.fromisoformat(sys.argv[1])
main(sys.argv[3:], clock=lambda: fixed)
"""
"""`drillbit ARGS` in a child at the fixed clock: the whole command's CPU is measured."""

COMMANDS = {"plan_json": ["plan", "--json"], "stats": ["stats"]}


def _one_tree(
    tree: Path, home: Path, bank: Path, pycache: Path, edited: tuple[Path, Path]
) -> tuple[dict[str, float], list[Any]]:
    """The four steps of the module docstring on `home` (changed by the answer); `edited`:
    the bank copy of the last step and the card file it edits (`edit_bank`)."""
    spent: dict[str, float] = {}
    shown: list[Any] = []
    _, printed = _child(tree, home, _FIRST, [str(bank)], pycache)
    first = json.loads(printed)
    spent.update(first["cpu"])
    shown += first["shown"]
    for name, args in COMMANDS.items():
        cpu, printed = _child(
            tree, home, _COMMAND, [str(bank), "--content", str(bank), *args], pycache
        )
        spent[name] = cpu
        shown.append(printed)
    _, printed = _child(tree, home, _AGAIN, [str(bank)], pycache)
    again = json.loads(printed)
    spent.update(again["cpu"])
    shown += again["shown"]
    _, printed = _child(tree, home, _EDITED, [str(path) for path in edited], pycache)
    after_edit = json.loads(printed)
    spent.update(after_edit["cpu"])
    shown += after_edit["shown"]
    return spent, shown


def edit_bank(bank: Path, work: Path) -> tuple[Path, Path]:
    """A copy of `bank` for `open_after_edit`, and the card file that step edits: the first
    `<pack>/<topic>/<id>.md` in name order."""
    copy = work / "edit-bank"
    shutil.copytree(bank, copy)
    target = next(
        path for path in sorted(copy.rglob("*.md")) if (path.parent.parent / "pack.yaml").is_file()
    )
    return copy, target


def warmed(home: Path, bank: Path, work: Path, trees: Mapping[str, Path], pycache: Path) -> Path:
    """A copy of `home` that every tree has opened once, not measured (its byte-code in
    `pycache`, its card cache in the copy), from which each round's copies are taken: a
    round's first start is then an app's first start of the day, not its first start
    after the cards changed. Each tree's card index is its own file (it is named by the
    content roots, the tree's bundled folder among them), so both stay.

    Until the fifty-fourth round each tree opened a copy that was then deleted, so its
    card cache never reached the rounds: a tree whose index was not already in `home` (a
    `--base` tree always) loaded every card at `open_to_home`, 1.1-1.4 s of CPU where an
    open with the index is 0.25-0.3 s (docs/performance.md)."""
    warm = work / "warm"
    shutil.copytree(home, warm)
    for tree in trees.values():
        _child(tree, warm, _FIRST, [str(bank)], pycache)
    return warm


def measure(
    home: Path, bank: Path, work: Path, rounds: int, base: Path | None, log: Any = print
) -> list[Figure]:
    """Each round, each tree on a fresh copy of `home`; medians, ratios and `same_output`."""
    trees = {"this": REPO} if base is None else {"this": REPO, "base": base.resolve()}
    pycache = work / "pycache"
    warm = warmed(home, bank, work, trees, pycache)
    edited = edit_bank(bank, work)

    def one(round_: int, name: str) -> tuple[dict[str, float], list[Any]]:
        copy = work / f"{name}-{round_}"
        shutil.copytree(warm, copy)
        # the day's first start: no forecast kept yet (`drillbit plan` made the home)
        (copy / "cache" / FORECAST_FILE).unlink(missing_ok=True)
        found, shown = _one_tree(trees[name], copy, bank, pycache, edited)
        shutil.rmtree(copy)
        return found, shown

    spent, same = tree_rounds(trees, rounds, one, log)
    shape = {"cards": 10_000, "rounds": rounds, "clock": CLOCK.isoformat(), "unit": "CPU"}
    return tree_figures(spent, shape, same)


def table(figures: Sequence[Figure]) -> str:
    """The run as a Markdown table (`tree_table`)."""
    return tree_table(figures, "wait")


def main(argv: Sequence[str] | None = None) -> int:
    """Parse the flags, make the home unless given, measure, print, merge into `--out`."""
    parser = argparse.ArgumentParser(prog="python -m bench.heavy_waits", description=__doc__)
    parser.add_argument("--home", type=Path, help="a heavy home holding a plan")
    parser.add_argument("--bank", type=Path, help="the home's bank (with --home)")
    parser.add_argument("--days", type=int, default=46, help="the plan's days, home made here")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--base", type=Path, help="another drillbit tree, run alternating")
    parser.add_argument("--out", type=Path, default=REPO / "bench" / "results.json")
    args = parser.parse_args(argv)
    if (args.home is None) != (args.bank is None):
        parser.error("--home and --bank go together")
    if args.base is not None and not (args.base / "quiz" / "cli").is_dir():
        parser.error(f"--base: {args.base} is not a drillbit tree (no quiz/cli in it)")
    stamp = run_stamp()
    with tempfile.TemporaryDirectory(prefix="drillbit-heavy-waits-") as tmp:
        work = Path(tmp)
        if args.home is not None:
            home, bank = args.home, args.bank
        else:
            homes, bank = _made_homes(work, args.days)
            home = homes["plan"]
        figures = measure(home, bank, work, max(1, args.rounds), args.base)
    merge_results(args.out, {SECTION: figures}, {}, stamp)
    print(table(figures))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
