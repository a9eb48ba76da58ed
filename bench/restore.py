"""The heavy user's backup restored and imported again, and the card browser's lapse counts,
side by side with an older source tree.

`python -m bench.restore --against DIR` simulates the heavy user's backup once
(`bench.heavy.progress_files`: 10,000 cards, about 210,000 reviews), then in each round runs
each tree in turn (`DIR`, made by `git archive main quiz engine | tar -x -C DIR`, then this
one; the order alternates between rounds) in a fresh home: `drillbit import-progress FILE`
(a restore: every row new), the same command again (every row already there: one look-up
per review before the thirtieth round), then on the home each made (the older tree's schema
and queries against this one's) `Store.lapse_counts`, a card's history and an answer's insert
into the log (`_QUERIES`). CPU is the child's own user + system (`heavy.PEAK_WRAPPER`); the
medians and their ratios go to bench/results.json's section `SECTION` (`--section`).
Each round also splits a restore's CPU by stage in one child per tree (`_STAGES`): the file
read into its rows alone, then read and every row checked (the models, the fsrs texts) with
nothing stored; the merge is the restore's CPU less the checked read.
"""

from __future__ import annotations

import json
import shutil
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bench.common import (
    Figure,
    alternate,
    merge_results,
    run_python,
    run_stamp,
    source_env,
)
from bench.heavy import PEAK_WRAPPER, history_main, progress_files

CARDS = 10_000
SECTION = "side_by_side_31"
"""The results file's section of this round's run (the thirtieth's wrote `side_by_side_30`)."""

_QUERIES = """
import json, random, resource, sqlite3, statistics, sys
from pathlib import Path
from quiz.store import Store
def cpu():
    used = resource.getrusage(resource.RUSAGE_SELF)
    return used.ru_utime + used.ru_stime
def median_of(calls, action):
    spent = []
    for _ in range(calls):
        start = cpu()
        action()
        spent.append(cpu() - start)
    return statistics.median(spent)
path, calls = Path(sys.argv[1]), int(sys.argv[2])
rng = random.Random(5)
conn = sqlite3.connect(path, isolation_level=None)
answered = [card for (card,) in conn.execute("SELECT card_id FROM review_tally ORDER BY card_id")]
cards = rng.sample(answered, min(200, len(answered)))
with Store.open(path) as store:
    counts = {}
    lapses = median_of(calls, lambda: counts.update(store.lapse_counts()))
    history = median_of(calls, lambda: [store.reviews(card_id=card) for card in cards])
    schema = store.schema_version()
row = conn.execute("SELECT card_before, card_after FROM review_log WHERE card_before IS NOT NULL"
                   " LIMIT 1").fetchone()
def answers():
    conn.execute("BEGIN")
    for number in range(1000):
        conn.execute(
            "INSERT INTO review_log (card_id, rating, correct, reviewed_at, duration_ms, mode,"
            " state_before, card_before, card_after) VALUES (?, 3, 1, ?, 5000, 'due', 2, ?, ?)",
            (f"card-{rng.randrange(10_000):05d}", f"2099-01-01T00:{number // 60 % 60:02d}:"
             f"{number % 60:02d}.000000+00:00", row[0], row[1]))
    conn.execute("ROLLBACK")
inserts = median_of(calls, answers)
conn.close()
print(json.dumps({"cpu_ms": lapses * 1000, "lapses": sum(counts.values()), "schema": schema,
                  "history_us": history / len(cards) * 1e6, "insert_us": inserts / 1000 * 1e6}))
"""
"""On a restored home's database: `Store.lapse_counts` and a card's history
(`Store.reviews(card_id=...)`, 200 cards a call), the median CPU of several calls, and 1,000
answers' inserts into the log (the store's columns, the tally's trigger; rolled back), CPU
per insert: what the log's indexes cost a read and a write."""


_STAGES = """
import json, resource, sys
from datetime import UTC, datetime
from pathlib import Path
from quiz.store.backup_read import MAX_ITEM_BYTES, Sink, file_members, intake, opened
def cpu():
    used = resource.getrusage(resource.RUSAGE_SELF)
    return used.ru_utime + used.ru_stime
path, now = Path(sys.argv[1]), datetime.now(UTC)
start = cpu()
with opened(path) as source:
    members = sum(1 for _ in file_members(source, MAX_ITEM_BYTES))
read = cpu()
with opened(path) as source:
    intake(file_members(source, MAX_ITEM_BYTES), str(path), now, Sink())
checked = cpu()
print(json.dumps({"read_ms": (read - start) * 1000, "checked_ms": (checked - read) * 1000,
                  "members": members}))
"""
"""A restore's first two stages on their own, CPU of each: the backup read into its members
(the streamed JSON), then read and each row validated (`intake` into the plain `Sink`, which
drops them). What a restore spends beyond the second is the merge into the database."""


def _stages(source: Path, home: Path, backup: Path) -> dict[str, float]:
    """(read, read and checked) CPU ms of `backup` in one child of `source`'s tree."""
    _, done = run_python(
        ["-c", _STAGES, str(backup)], env=source_env(source, home), cwd=home.parent
    )
    found: dict[str, float] = json.loads(done.stdout)
    return found


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


def _queries(source: Path, home: Path, calls: int) -> dict[str, float]:
    _, done = run_python(
        ["-c", _QUERIES, str(home / "drillbit.db"), str(calls)],
        env=source_env(source, home),
        cwd=home.parent,
    )
    found: dict[str, float] = json.loads(done.stdout)
    return found


_MEASURES = (
    "restore_cpu_ms",
    "reimport_cpu_ms",
    "lapse_counts_cpu_ms",
    "card_history_cpu_us",
    "answer_insert_cpu_us",
    "restore_peak_mb",
    "restore_read_cpu_ms",
    "restore_checked_read_cpu_ms",
)
"""What each round measures of each tree, in the figures' order."""


def side_by_side(
    against: Path,
    rounds: int,
    reviews: int,
    out: Path,
    cards: int = CARDS,
    section: str = SECTION,
) -> list[Figure]:
    """Restore, re-import and lapse counts of `against` (before) and this tree (after)."""
    stamp = run_stamp()
    reports: dict[tuple[str, str], set[str]] = {}
    with tempfile.TemporaryDirectory(prefix="drillbit-restore-") as tmp:
        work = Path(tmp)
        ids = [f"card-{index:05d}" for index in range(cards)]
        (backup,), count = progress_files(
            work, ids, datetime.now(UTC) - timedelta(minutes=5), reviews=reviews
        )

        def measure(number: int, side: str, source: Path) -> dict[str, float]:
            home = work / f"home-{side}"
            home.mkdir()
            restore, peak, restored = _import_cpu(source, home, backup)
            again, _, repeated = _import_cpu(source, home, backup)
            lapses = _queries(source, home, 7)
            stages = _stages(source, home, backup)
            shutil.rmtree(home)
            reports.setdefault((side, "reports"), set()).add(f"{restored} | {repeated}")
            reports.setdefault((side, "lapses"), set()).add(str(int(lapses["lapses"])))
            print(
                f"  round {number + 1} {side} (schema {int(lapses['schema'])}): restore "
                f"{restore:.0f} ms CPU, {peak:.0f} MB; again {again:.0f} ms; "
                f"lapse counts {lapses['cpu_ms']:.1f} ms; a card's history "
                f"{lapses['history_us']:.0f} us; an answer's insert {lapses['insert_us']:.0f} us;"
                f" the file read {stages['read_ms']:.0f} ms, read and checked "
                f"{stages['checked_ms']:.0f} ms"
            )
            return {
                "restore_cpu_ms": restore,
                "restore_peak_mb": peak,
                "reimport_cpu_ms": again,
                "lapse_counts_cpu_ms": lapses["cpu_ms"],
                "card_history_cpu_us": lapses["history_us"],
                "answer_insert_cpu_us": lapses["insert_us"],
                "restore_read_cpu_ms": stages["read_ms"],
                "restore_checked_read_cpu_ms": stages["checked_ms"],
            }

        found = alternate(against, rounds, measure)
    for what in ("reports", "lapses"):
        if (
            reports[("before", what)] != reports[("after", what)]
            or len(reports[("after", what)]) != 1
        ):
            raise RuntimeError(f"the two trees differ in their {what}: {reports}")
    params = {"cards": cards, "reviews": count, "rounds": rounds}
    figures = found.figures(_MEASURES, params)
    merge_results(out, {section: figures}, {}, stamp)
    return figures


def main() -> None:
    """`python -m bench.restore --against DIR [--rounds N] [--reviews N] [--cards N]`."""
    history_main("bench.restore", __doc__, side_by_side, rounds=4, cards=CARDS, section=SECTION)


if __name__ == "__main__":
    main()
