"""`uv run python -m bench.state_reads --home HOME [--answers 4] [--side TREE --rounds 3]`:
the CPU of the plan's read of every card's memory (`current_memory`) cold, after each of
`--answers` answers, and with nothing changed, on a copy of HOME (a heavy home: some
10,000 saved states), at one fixed clock.

Each run is a child process importing one tree's source (this checkout, or TREE with
`--side`, the two alternating round by round, each on a fresh copy of HOME), so the two
trees' figures come from one run side by side. Each child also checks that the memory it
read after the answers equals a cold read by a store opened afresh (`same`): a read kept
wrongly would show there (docs/performance.md, forty-first round).
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
from pathlib import Path

HERE = Path(__file__).resolve().parent.parent
"""This checkout."""

_CHILD = """
import json, sys, time
from datetime import datetime, timedelta
from fsrs import Rating, Scheduler
from quiz.store import Store
from quiz.study.plan_reads import current_memory
from quiz.study.scheduling import review_card

path, answers = sys.argv[1], int(sys.argv[2])
clock = datetime.fromisoformat(sys.argv[3])
ratings = (Rating.Again, Rating.Good, Rating.Good, Rating.Easy)


def cpu_ms(step):
    start = time.process_time()
    found = step()
    return (time.process_time() - start) * 1000, found


with Store.open(path, now=clock) as store:
    ids = sorted(store.card_states())
    cold, memory = cpu_ms(lambda: current_memory(store, ids))
    due = [card_id for card_id in ids if memory[card_id].due <= clock][:answers]
    after = []
    scheduler = Scheduler(enable_fuzzing=False)
    for number, card_id in enumerate(due):
        rating = ratings[number % len(ratings)]
        when = clock + timedelta(minutes=number)
        review_card(store, scheduler, card_id, rating, now=when, correct=rating > Rating.Again)
        spent, memory = cpu_ms(lambda: current_memory(store, ids))
        after.append(spent)
    kept, _ = cpu_ms(lambda: current_memory(store, ids))
with Store.open(path, now=clock) as fresh:
    cold_read = current_memory(fresh, ids)
same = {k: v.to_json() for k, v in memory.items()} == {k: v.to_json() for k, v in cold_read.items()}
print(json.dumps({"cards": len(ids), "cold": cold, "after": after, "kept": kept, "same": same}))
"""

CLOCK = "2026-12-06T01:00:00+00:00"
"""The fixed clock (`bench.home_answer`'s): the heavy homes' plans were set the evening before."""


def run(tree: Path, home: Path, answers: int) -> dict[str, object]:
    """One child of `tree` on a fresh copy of `home`: its figures (ms) and `same`."""
    with tempfile.TemporaryDirectory(prefix="state-reads-") as scratch:
        copy = Path(scratch) / "home"
        shutil.copytree(home, copy)
        env = dict(os.environ, PYTHONPATH=str(tree))
        done = subprocess.run(
            [sys.executable, "-c", _CHILD, str(copy / "drillbit.db"), str(answers), CLOCK],
            cwd=tree,
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
    if done.returncode != 0:
        raise SystemExit(f"the child of {tree} failed: {done.stderr[-2000:]}")
    figures: dict[str, object] = json.loads(done.stdout.splitlines()[-1])
    return figures


def _line(name: str, figures: dict[str, object]) -> str:
    after = figures["after"]
    assert isinstance(after, list)
    return (
        f"{name}: {figures['cards']} cards, cold {figures['cold']:.1f} ms, after each answer "
        + " / ".join(f"{spent:.1f}" for spent in after)
        + f" ms, nothing changed {figures['kept']:.2f} ms, equal to a cold read: {figures['same']}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.state_reads", description=__doc__)
    parser.add_argument("--home", type=Path, required=True)
    parser.add_argument("--answers", type=int, default=4)
    parser.add_argument("--side", type=Path, help="another tree, measured alternately")
    parser.add_argument("--rounds", type=int, default=1)
    args = parser.parse_args(argv)
    if not (args.home / "drillbit.db").is_file():
        parser.error(f"--home: no drillbit.db in {args.home}")
    trees = {"this": HERE} if args.side is None else {"other": args.side.resolve(), "this": HERE}
    after: dict[str, list[float]] = {name: [] for name in trees}
    same = True
    for round_ in range(max(1, args.rounds)):
        names = list(trees) if round_ % 2 == 0 else list(reversed(trees))
        for name in names:
            figures = run(trees[name], args.home, max(1, args.answers))
            print(f"round {round_ + 1} " + _line(name, figures), flush=True)
            spent = figures["after"]
            assert isinstance(spent, list)
            after[name] += spent
            same = same and bool(figures["same"])
    for name, spent in after.items():
        if spent:
            print(
                f"{name} ({trees[name]}): after an answer, median {statistics.median(spent):.1f} ms "
                f"(range {min(spent):.1f}-{max(spent):.1f})"
            )
    return 0 if same else 1


if __name__ == "__main__":
    raise SystemExit(main())
