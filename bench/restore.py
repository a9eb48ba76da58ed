"""The heavy user's backup restored and imported again, and the card browser's lapse counts,
side by side with an older source tree.

`python -m bench.restore --against DIR` simulates the heavy user's backup once
(`bench.heavy.progress_files`: 10,000 cards, about 210,000 reviews), then in each round runs
each tree in turn (`DIR`, made by `git archive main quiz engine | tar -x -C DIR`, then this
one; the order alternates between rounds) in a fresh home: `drillbit import-progress FILE`
(a restore: every row new), the same command again (every row already there: one look-up
per review before the thirtieth round) and `Store.lapse_counts` on the home each made (the
older tree's schema and queries against this one's). CPU is the child's own user + system
(`heavy.PEAK_WRAPPER`); the medians and their ratios go to section `side_by_side_30` of
bench/results.json.
"""

from __future__ import annotations

import json
import shutil
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bench.common import (
    REPO,
    Figure,
    against_parser,
    merge_results,
    print_figures,
    run_python,
    run_stamp,
    side_figures,
    source_env,
)
from bench.heavy import PEAK_WRAPPER, REVIEWS, progress_files

CARDS = 10_000

_LAPSES = """
import json, resource, statistics, sys
from pathlib import Path
from quiz.store import Store
def cpu():
    used = resource.getrusage(resource.RUSAGE_SELF)
    return used.ru_utime + used.ru_stime
with Store.open(Path(sys.argv[1])) as store:
    spent = []
    for _ in range(int(sys.argv[2])):
        start = cpu()
        counts = store.lapse_counts()
        spent.append((cpu() - start) * 1000)
    print(json.dumps({"cpu_ms": statistics.median(spent), "lapses": sum(counts.values()),
                      "schema": store.schema_version()}))
"""
"""`Store.lapse_counts` on a home's database, the median CPU of several calls (the first
opens the file's pages as the card browser's first open would find them: cached)."""


def _import_cpu(source: Path, home: Path, backup: Path) -> tuple[float, float, str]:
    """(CPU ms, peak MB, the report) of `drillbit import-progress BACKUP` from `source`."""
    out = home.parent / f"{home.name}.peak"
    # cwd outside any tree, so `source` is the quiz that runs
    _, done = run_python(
        ["-c", PEAK_WRAPPER, str(out), "quiz", "import-progress", str(backup)],
        env=source_env(source, home),
        cwd=home.parent,
    )
    peak, cpu, _ = out.read_text(encoding="utf-8").split()
    out.unlink()
    return float(cpu), int(peak) / 1024, done.stdout.strip()


def _lapses(source: Path, home: Path, calls: int) -> dict[str, float]:
    _, done = run_python(
        ["-c", _LAPSES, str(home / "drillbit.db"), str(calls)],
        env=source_env(source, home),
        cwd=home.parent,
    )
    found: dict[str, float] = json.loads(done.stdout)
    return found


def side_by_side(
    against: Path, rounds: int, reviews: int, out: Path, cards: int = CARDS
) -> list[Figure]:
    """Restore, re-import and lapse counts of `against` (before) and this tree (after)."""
    stamp = run_stamp()
    found: dict[tuple[str, str], list[float]] = {}
    reports: dict[tuple[str, str], set[str]] = {}
    with tempfile.TemporaryDirectory(prefix="drillbit-restore-") as tmp:
        work = Path(tmp)
        ids = [f"card-{index:05d}" for index in range(cards)]
        (backup,), count = progress_files(
            work, ids, datetime.now(UTC) - timedelta(minutes=5), reviews=reviews
        )
        for number in range(rounds):
            sides = [("before", against), ("after", REPO)]
            for side, source in sides if number % 2 == 0 else sides[::-1]:
                home = work / f"home-{side}"
                home.mkdir()
                restore, peak, restored = _import_cpu(source, home, backup)
                again, _, repeated = _import_cpu(source, home, backup)
                lapses = _lapses(source, home, 7)
                shutil.rmtree(home)
                for name, value in (
                    ("restore_cpu_ms", restore),
                    ("restore_peak_mb", peak),
                    ("reimport_cpu_ms", again),
                    ("lapse_counts_cpu_ms", lapses["cpu_ms"]),
                ):
                    found.setdefault((side, name), []).append(value)
                reports.setdefault((side, "reports"), set()).add(f"{restored} | {repeated}")
                reports.setdefault((side, "lapses"), set()).add(str(int(lapses["lapses"])))
                print(
                    f"  round {number + 1} {side} (schema {int(lapses['schema'])}): restore "
                    f"{restore:.0f} ms CPU, {peak:.0f} MB; again {again:.0f} ms; "
                    f"lapse counts {lapses['cpu_ms']:.1f} ms"
                )
    for what in ("reports", "lapses"):
        if (
            reports[("before", what)] != reports[("after", what)]
            or len(reports[("after", what)]) != 1
        ):
            raise RuntimeError(f"the two trees differ in their {what}: {reports}")
    params = {"cards": cards, "reviews": count, "rounds": rounds}
    figures: list[Figure] = []
    for name in ("restore_cpu_ms", "reimport_cpu_ms", "lapse_counts_cpu_ms", "restore_peak_mb"):
        unit = "MB" if name.endswith("_mb") else "ms"
        stem = name.removesuffix("_ms").removesuffix("_mb")
        figures += side_figures(stem, found[("before", name)], found[("after", name)], unit, params)
    merge_results(out, {"side_by_side_30": figures}, {}, stamp)
    return figures


def main() -> None:
    """`python -m bench.restore --against DIR [--rounds N] [--reviews N] [--cards N]`."""
    parser = against_parser("bench.restore", __doc__, rounds=4)
    parser.add_argument("--reviews", type=int, default=REVIEWS)
    parser.add_argument("--cards", type=int, default=CARDS)
    args = parser.parse_args()
    against = args.against.resolve()
    print_figures(side_by_side(against, args.rounds, args.reviews, args.out, args.cards))


if __name__ == "__main__":
    main()
