"""`uv run python -m bench.drill_commands --base DIR [--home HOME --bank BANK] [--rounds N]`:
the drill commands after one card file was edited, DIR's tree and this one side by side
(fifty-sixth round).

On the heavy home (`bench.heavy`: 10,000 generated cards and their reviews, made here
unless given) each tree gets its own copy of the home and of the bank, opened once
unmeasured (`drillbit list`: its card cache, card index and card facts). Then, in each
round (which tree goes first alternating), for each command: one line appended to one
generated card file, a wait past the card cache's racy window (an edit made a while before,
as a person's is), the command in a fresh child at a fixed clock (`after_edit`), then the
same command again with nothing changed (`warm`). The commands (`COMMANDS`):
`hint sigmoid --seen`, `drills`, `grade sigmoid` of the bundled correct solution, and
`drill_load`: what `drill` and `watch` do before the app or the watch loop starts
(`Context.told_bank` and `find_drill`, the checker not imported), the same code in both trees.

Each figure is the child's CPU (user + system, the sandbox's worker included for `grade`),
medians and ratios (base over this) into bench/results.json's section `SECTION`. What the
two trees print (stdout and stderr, the exit code) must be the same (`same_output`), but for
`grade`, whose verdict shows its time: there only the exit code and the verdict's first line.
"""

from __future__ import annotations

import argparse
import json
import shutil
import tempfile
import time
from collections.abc import Sequence
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
from bench.heavy_firsts import CLOCK, _child

SECTION = "side_by_side_56_drill_commands"
SOLUTION = REPO / "tests" / "data" / "solutions" / "sigmoid.py"
COMMANDS: dict[str, list[str]] = {
    "hint": ["hint", "sigmoid", "--seen"],
    "drills": ["drills"],
    "grade": ["grade", "sigmoid", str(SOLUTION)],
    "drill_load": [],
}
"""Each measure and its command line (`drill_load`: `_LOAD`, no command line)."""
UNCOMPARED_WHOLE = {"grade"}

_RUN = """
import sys
from datetime import datetime
from quiz.cli import main
sys.stderr = sys.stdout  # the summary (stderr) compared with the rest
fixed = datetime.fromisoformat(sys.argv[1])
try:
    main(sys.argv[2:], clock=lambda: fixed)
except SystemExit as stop:
    print(f"exit {stop.code}")
"""
"""`drillbit ARGS` at the fixed clock, its exit code printed last (the child exits 0)."""

_LOAD = """
import sys
from pathlib import Path
from quiz.cli.context import Context, display_path
from quiz.drill_grading import find_drill
sys.stderr = sys.stdout
obj = Context([Path(sys.argv[3])])
bank = obj.told_bank()
drill = find_drill(bank, "sigmoid", display_path, checker_now=False)
print(drill.card.id, drill.card.title, len(drill.card.hints), repr(drill.card.starter))
"""
"""What `drill` and `watch` do before the app or the loop: the bank, the drill found."""


def _run(tree: Path, home: Path, bank: Path, name: str, pycache: Path) -> tuple[float, str]:
    if name == "drill_load":
        return _child(tree, home, _LOAD, ["--content", str(bank)], pycache)
    return _child(tree, home, _RUN, ["--content", str(bank), *COMMANDS[name]], pycache)


def _compared(name: str, printed: str) -> str:
    if name not in UNCOMPARED_WHOLE:
        return printed
    lines = printed.splitlines()
    return "\n".join([*lines[:1], *lines[-1:]])


def _edit_target(bank: Path) -> Path:
    """The card file each measure edits: the first generated card file in name order."""
    return next(p for p in sorted(bank.rglob("*.md")) if (p.parent.parent / "pack.yaml").is_file())


def measure(
    home: Path, bank: Path, work: Path, rounds: int, base: Path | None, log: Any = print
) -> list[Figure]:
    """Each round, each tree on its copy: every command after an edit, then warm."""
    from quiz.bank.cachefile import RACY_SECONDS

    trees = {"this": REPO} if base is None else {"this": REPO, "base": base.resolve()}
    pycache = work / "pycache"
    copies: dict[str, tuple[Path, Path]] = {}
    for name, tree in trees.items():
        own_home, own_bank = work / f"{name}-home", work / f"{name}-bank"
        shutil.copytree(home, own_home)
        shutil.copytree(bank, own_bank)
        _child(tree, own_home, _RUN, ["--content", str(own_bank), "list"], pycache)
        copies[name] = (own_home, own_bank)

    def one(_round: int, name: str) -> tuple[dict[str, float], list[str]]:
        own_home, own_bank = copies[name]
        target = _edit_target(own_bank)
        found: dict[str, float] = {}
        shown: list[str] = []
        for command in COMMANDS:
            with target.open("a", encoding="utf-8") as handle:
                handle.write("\n")
            time.sleep(RACY_SECONDS + 0.5)  # the edit made a while before the command
            found[f"{command}_after_edit"], printed = _run(
                trees[name], own_home, own_bank, command, pycache
            )
            found[f"{command}_warm"], again = _run(
                trees[name], own_home, own_bank, command, pycache
            )
            shown.extend([_compared(command, printed), _compared(command, again)])
        return found, shown

    spent, same = tree_rounds(trees, rounds, one, log)
    shape = {"cards": 10_000, "rounds": rounds, "clock": CLOCK.isoformat(), "unit": "CPU"}
    return tree_figures(spent, shape, same)


def table(figures: Sequence[Figure]) -> str:
    """The run as a Markdown table (`tree_table`)."""
    return tree_table(figures, "command")


def main(argv: Sequence[str] | None = None) -> int:
    """Parse the flags, make the heavy home unless given, measure, print, merge into `--out`."""
    parser = argparse.ArgumentParser(prog="python -m bench.drill_commands", description=__doc__)
    parser.add_argument("--home", type=Path, help="a heavy home (bench.heavy)")
    parser.add_argument("--bank", type=Path, help="the home's bank (with --home)")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--base", type=Path, help="another drillbit tree, run alternating")
    parser.add_argument("--out", type=Path, default=REPO / "bench" / "results.json")
    args = parser.parse_args(argv)
    if (args.home is None) != (args.bank is None):
        parser.error("--home and --bank go together")
    if args.base is not None and not (args.base / "quiz" / "cli").is_dir():
        parser.error(f"--base: {args.base} is not a drillbit tree (no quiz/cli in it)")
    stamp = run_stamp()
    with tempfile.TemporaryDirectory(prefix="drillbit-drill-commands-") as tmp:
        work = Path(tmp)
        if args.home is not None:
            home, bank = args.home, args.bank
        else:
            from bench.bankgen import generate_bank
            from bench.heavy import heavy_home
            from bench.plan_command import CARDS, REVIEWS

            bank = generate_bank(work / "bank", CARDS)
            home = heavy_home(work / "heavy", bank, CARDS, REVIEWS).home
        figures = measure(home, bank, work, max(1, args.rounds), args.base)
    merge_results(args.out, {SECTION: figures}, {}, stamp)
    print(table(figures))
    print(json.dumps({"same_output": all(f.params.get("same_output", True) for f in figures)}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
