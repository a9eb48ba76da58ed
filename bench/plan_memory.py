"""`uv run python -m bench.plan_memory [--cards N] [--reviews N] [--rounds N]`: what an
interview plan's read of every card's memory costs after one answer, the way it was
(`memory_of(Store.card_states())`: every fsrs Card parsed again) and the way the plan reads
it now (`Store.fsrs_cards`: the Cards kept beside the saved states, the answered one parsed
again), side by side in one process on the heavy home (`bench.heavy.heavy_home`).

Each round rates one card, then reads one way; rates another, then reads the other way
(which goes first alternates), so both pay the store's reread of the changed rows. Both
ways give the same Cards (checked each round). CPU of the read (user + system of this
process), medians and their ratio into bench/results.json's `plan_memory` section.
"""

from __future__ import annotations

import argparse
import os
import resource
import tempfile
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from pathlib import Path

from fsrs import Card, Rating, Scheduler

from bench.common import REPO, Figure, medians_and_ratio, merge_results, run_stamp

SECTION = "plan_memory"


def _cpu_ms(action: Callable[[], dict[str, Card]]) -> tuple[float, dict[str, Card]]:
    """The CPU one call takes, in ms, and what it gave."""
    before = resource.getrusage(resource.RUSAGE_SELF)
    made = action()
    after = resource.getrusage(resource.RUSAGE_SELF)
    spent = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return spent * 1000, made


def measure(home: Path, rounds: int, log: Callable[[str], object] = print) -> list[Figure]:
    """Rate a card and read every card's memory each way, `rounds` times, alternating."""
    from quiz.paths import database_path
    from quiz.store import Store
    from quiz.study.plan import memory_of
    from quiz.study.scheduling import review_card

    os.environ["DRILLBIT_HOME"] = str(home)
    scheduler = Scheduler(enable_fuzzing=False)
    ways: dict[str, Callable[[Store, list[str]], dict[str, Card]]] = {
        "parsed_each_time": lambda store, ids: memory_of(store.card_states(ids)),
        "kept": lambda store, ids: store.fsrs_cards(ids),
    }
    spent: dict[str, list[float]] = {name: [] for name in ways}
    with Store.open(database_path(), now=datetime.now(UTC)) as store:
        ids = list(store.card_states())
        store.fsrs_cards(ids)  # the first read parses all of them, as a plan's first count
        for round_ in range(rounds):
            order = list(ways) if round_ % 2 == 0 else list(reversed(ways))
            for turn, name in enumerate(order):
                card_id = ids[(2 * round_ + turn) * 7919 % len(ids)]
                rating = Rating.Good if turn else Rating.Again
                review_card(
                    store, scheduler, card_id, rating, now=datetime.now(UTC), correct=turn > 0
                )
                way = ways[name]
                cpu, _ = _cpu_ms(lambda: way(store, ids))  # noqa: B023 (called at once)
                spent[name].append(cpu)
            if store.fsrs_cards(ids) != memory_of(store.card_states(ids)):
                raise RuntimeError("the kept Cards differ from a parse of the saved states")
            log(f"  round {round_ + 1}: " + ", ".join(f"{n} {spent[n][-1]:.1f} ms" for n in order))
    shape = {"cards": len(ids), "rounds": rounds}
    return medians_and_ratio(
        "plan_memory", spent, "ms", shape, slow="parsed_each_time", fast="kept"
    )


def main(argv: Sequence[str] | None = None) -> int:
    """Parse the flags, build the heavy home, measure, print and merge the figures."""
    parser = argparse.ArgumentParser(prog="python -m bench.plan_memory", description=__doc__)
    parser.add_argument("--cards", type=int, default=10_000)
    parser.add_argument("--reviews", type=int, default=200_000)
    parser.add_argument("--rounds", type=int, default=9)
    parser.add_argument("--out", type=Path, default=REPO / "bench" / "results.json")
    args = parser.parse_args(argv)
    if args.cards < 1 or args.reviews < 1 or args.rounds < 1:
        parser.error("--cards, --reviews and --rounds: one or more each")
    from bench.bankgen import generate_bank
    from bench.heavy import heavy_home

    stamp = run_stamp()
    with tempfile.TemporaryDirectory(prefix="drillbit-plan-memory-") as tmp:
        work = Path(tmp)
        bank = generate_bank(work / "bank", args.cards)
        made = heavy_home(work / "heavy", bank, args.cards, args.reviews)
        figures = measure(made.home, args.rounds)
    merge_results(args.out, {SECTION: figures}, {}, stamp)
    for figure in figures:
        print(f"{figure.name:36} {figure.value:>8} {figure.unit:2} {figure.params}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
