"""The heavy user's start, first card of a due session and stats screen, side by side with
an older source tree.

`python -m bench.screens --against DIR` simulates the heavy user's backup and a bank of
10,000 generated cards once, restores the backup into a home per tree (each tree's own
schema: an older drillbit refuses a newer database) and a copy of it given an interview
plan `PLAN_DAYS` ahead (each tree's own `drillbit plan`), opens each once (the card cache
and the migration, as after a first run), then in each round runs `bench.probe` with each
tree in turn (alternating which goes first), on the home without a plan and then on the
plan's: `app` (Home), `answer` (one answer of a due session, then Home's recount and
redraw), `due` (a due session's first card), `stats` (`s` on Home; with the plan
`stats_frame`, to its first frame), `browser` (`b` on Home, to the card browser's first
frame with rows) and `search` (one search in the browser once its index is built). It
reports the CPU `app`, `due` and `stats` had spent at their first idle (`cpu_ms_at_idle`:
start-up, imports and the screen) and each timed step's own wall and CPU (`inner_ms`,
`inner_cpu_ms`), the plan home's with a `plan_` prefix; medians and ratios go to
bench/results.json's section `SECTION` (`--section`).
"""

from __future__ import annotations

import json
import shutil
import tempfile
from collections.abc import Callable, Mapping
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from bench.bankgen import generate_bank
from bench.common import (
    REPO,
    SIDES,
    Figure,
    alternate,
    merge_results,
    run_python,
    run_stamp,
    source_env,
)
from bench.heavy import history_main, progress_files

CARDS = 10_000
SECTION = "side_by_side_37_screens"
"""The results file's section of this round's run (the thirty-first's wrote `side_by_side_31_screens`)."""
MODES = ("app", "answer", "due", "stats", "browser", "search")
PLAN_MODES = ("app", "answer", "due", "stats_frame", "browser", "search")
"""The probes on the home with an interview plan: the stats screen to its first frame (its
idle waits for Home's forecast thread, the plan's own figure, `bench.plan`)."""
INNER = {"answer", "stats", "browser", "search", "stats_frame"}
"""The probes that time one step of their own (`inner_ms`)."""
PLAN_DAYS = 14
"""The plan home's interview: this many days ahead (the brief's heavy user, as bench.heavy)."""


def probe(source: Path, home: Path, mode: str, bank: Path) -> dict[str, Any]:
    """`bench.probe MODE` with the tree `source` on `home`: its report."""
    out = home.parent / f"{home.name}-{mode}.json"
    run_python(
        ["-m", "bench.probe", mode, str(out), str(bank)],
        env=source_env(source, home, with_bench=True),
        cwd=home.parent,
    )
    report: dict[str, Any] = json.loads(out.read_text(encoding="utf-8"))
    out.unlink()
    return report


def heavy_homes(work: Path, against: Path, cards: int, reviews: int) -> tuple[Path, int]:
    """The generated bank and the heavy user's history restored into `home-before` (by
    `against`) and `home-after` (by this tree) under `work`, each opened once (its
    migration and card cache): (the bank, the review count)."""
    bank = generate_bank(work / "bank", cards)
    ids = [f"card-{index:05d}" for index in range(cards)]
    (backup,), count = progress_files(
        work, ids, datetime.now(UTC) - timedelta(minutes=5), reviews=reviews
    )
    for side, source in zip(SIDES, (against, REPO), strict=True):
        home = work / f"home-{side}"
        home.mkdir()
        run_python(
            ["-m", "quiz", "--content", str(bank), "import-progress", str(backup)],
            env=source_env(source, home, with_bench=True),
            cwd=work,
        )
        probe(source, home, "app", bank)  # its migration and card cache, once
    backup.unlink()
    return bank, count


def side_by_side(
    against: Path,
    rounds: int,
    reviews: int,
    out: Path,
    cards: int = CARDS,
    section: str = SECTION,
) -> list[Figure]:
    """The probes of `against` (before) and this tree (after) on the same history."""

    def measure(source: Path, home: Path, bank: Path) -> dict[str, float]:
        found: dict[str, float] = {}
        for prefix, at, modes in (("", home, MODES), ("plan_", plan_home(home), PLAN_MODES)):
            for mode in modes:
                report = probe(source, at, mode, bank)
                if mode in ("app", "due", "stats"):  # the others' idle waits for a thread
                    found[f"{prefix}{mode}_cpu_at_idle_ms"] = float(report["cpu_ms_at_idle"])
                if mode in INNER:
                    found[f"{prefix}{mode}_step_inner_ms"] = float(report["inner_ms"])
                if report["inner_cpu_ms"] is not None:
                    found[f"{prefix}{mode}_step_inner_cpu_ms"] = float(report["inner_cpu_ms"])
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


def plan_home(home: Path) -> Path:
    """The copy of `home` given an interview plan `PLAN_DAYS` ahead (`with_plan`)."""
    return home.with_name(f"{home.name}-plan")


def with_plan() -> Callable[[Path, Path, Path, Path], None]:
    """A `prepare` for `probe_side_by_side`: each tree's home copied to `plan_home` and
    given an interview plan `PLAN_DAYS` ahead from today, by that tree's `drillbit plan`."""
    interview = (date.today() + timedelta(days=PLAN_DAYS)).isoformat()

    def prepare(work: Path, source: Path, home: Path, bank: Path) -> None:
        planned = plan_home(home)
        shutil.copytree(home, planned)
        run_python(
            ["-m", "quiz", "--content", str(bank), "plan", "--interview", interview],
            env=source_env(source, planned, with_bench=True),
            cwd=work,
        )

    return prepare


def probe_side_by_side(
    against: Path,
    rounds: int,
    reviews: int,
    out: Path,
    *,
    cards: int,
    section: str,
    measure: Callable[[Path, Path, Path], dict[str, float]],
    prepare: Callable[[Path, Path, Path, Path], None] | None = None,
    params: Mapping[str, object] | None = None,
) -> list[Figure]:
    """`measure(source, home, bank)` of `against` (before) and this tree (after) on the same
    heavy history, in alternating rounds; `prepare(work, source, home, bank)` sets each
    tree's home up once first. Medians and ratios go to results.json's `section`, with the
    run's `params`: bench.screens and bench.first_frames differ only in what they measure."""
    stamp = run_stamp()
    with tempfile.TemporaryDirectory(prefix="drillbit-screens-") as tmp:
        work = Path(tmp)
        bank, count = heavy_homes(work, against, cards, reviews)
        if prepare is not None:
            for side, source in zip(SIDES, (against, REPO), strict=True):
                prepare(work, source, work / f"home-{side}", bank)

        def measure_side(number: int, side: str, source: Path) -> dict[str, float]:
            found = measure(source, work / f"home-{side}", bank)
            shown = ", ".join(f"{name} {value:.0f}" for name, value in found.items())
            print(f"  round {number + 1} {side}: {shown}")
            return found

        found = alternate(against, rounds, measure_side)
    run = {"cards": cards, "reviews": count, "rounds": rounds, **(params or {})}
    figures = found.figures(found.names(), run)
    merge_results(out, {section: figures}, {}, stamp)
    return figures


def main() -> None:
    """`python -m bench.screens --against DIR [--rounds N] [--reviews N] [--cards N]`."""
    history_main("bench.screens", __doc__, side_by_side, rounds=5, cards=CARDS, section=SECTION)


if __name__ == "__main__":
    main()
