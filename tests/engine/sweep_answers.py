"""Grade every answer file in tests/data/answers on many seeds and list each (file, seed)
whose verdict is not the one its first line promises.

test_answers tries seeds 0, 1 and 7 only: a case generator that draws a degenerate case
(where a slip cannot be seen) or a cause-finder that names the wrong slip on some other
seed shows up here. Too slow for the suite (every file x every seed); run it by hand:

    uv run python -m tests.engine.sweep_answers            # seeds 0-29, every drill
    uv run python -m tests.engine.sweep_answers --seeds 40 --drill layernorm
    nice uv run python -m tests.engine.sweep_answers --first 30 --seeds 15   # seeds 30-44
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from engine.checkers import get_checker
from engine.grade_inprocess import grade_inprocess, load_submission
from tests.engine.answer_files import Answer, answers


@dataclass(frozen=True)
class Mismatch:
    """One (file, seed) whose verdict breaks its file's promise, and what it showed instead."""

    answer: Answer
    seed: int
    status: str
    shown: str

    def line(self) -> str:
        """One line for the listing: where, what was promised, what came."""
        name = f"{self.answer.drill}/{self.answer.path.name}"
        promised = f"{self.answer.status} | {self.answer.phrase}"
        return f"{name} seed {self.seed}: promised [{promised}] got [{self.status}] {self.shown}"


def shown_text(summary: str, first_message: str) -> str:
    """The text test_answers searches for the promised phrase."""
    return summary + " || " + first_message


def sweep(chosen: Iterable[Answer], seeds: Iterable[int]) -> Iterator[Mismatch]:
    """Every (answer, seed) whose status differs from its promise or lacks its phrase."""
    seed_list = list(seeds)
    for answer in chosen:
        checker = get_checker(answer.checker)
        fns = load_submission(answer.source, checker.entries)
        for seed in seed_list:
            verdict = grade_inprocess(checker, fns, seed=seed)
            first = verdict.first_failure.message if verdict.first_failure else ""
            shown = shown_text(verdict.summary, first)
            status = verdict.status.value
            if status != answer.status or answer.phrase not in shown:
                yield Mismatch(answer, seed, status, shown)


def main(argv: list[str] | None = None) -> int:
    """List the mismatches and the counts; exit 1 if there is any."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=int, default=30, help="how many seeds (default 30)")
    parser.add_argument("--first", type=int, default=0, help="the first seed (default 0)")
    parser.add_argument("--drill", action="append", help="only this drill (repeatable)")
    parser.add_argument("--file", action="append", help="only files whose stem contains this")
    args = parser.parse_args(argv)
    chosen = [
        a
        for a in answers()
        if (not args.drill or a.drill in args.drill)
        and (not args.file or any(part in a.path.stem for part in args.file))
    ]
    started = time.perf_counter()
    found = 0
    for mismatch in sweep(chosen, range(args.first, args.first + args.seeds)):
        found += 1
        print(mismatch.line()[:400], flush=True)
    took = time.perf_counter() - started
    print(
        f"{len(chosen)} files x {args.seeds} seeds"
        f" ({args.first}-{args.first + args.seeds - 1}) = {len(chosen) * args.seeds} gradings:"
        f" {found} mismatches ({took:.0f} s)"
    )
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
