"""Peak memory and time of planning the import of notes of 1, 2, 4 and 8 MiB.

`python -m bench.import_memory --against DIR` plans each size with the source tree in DIR
(`git archive import30 quiz engine | tar -x -C DIR`) and with this one, alternating, each
in a fresh process in one process (no helper: a helper's share depends on the cores free
then, and its memory is not the planning process's), and writes the medians as section
`side_by_side_30_import` of bench/results.json. The notes are `bench.notes.make_notes`' (the
importer's fixtures repeated: headings, bold and `Q:` questions, lists, math, code fences).
The ratio of peak to size says how many bytes the importer holds per byte of notes.
`--sizes 0.25 1 4` picks the sizes (MiB); each plan's CPU (`import_plan_cpu_ms`, the
planning process's user + system time) is measured beside its wall, since on a shared
machine the wall says more of the load than of the importer (fortieth round). The two trees
may plan different cards when a round changes what the importer reads: both counts are in
the figures' parameters.
"""

from __future__ import annotations

import tempfile
from collections.abc import Sequence
from pathlib import Path

from bench.common import (
    Figure,
    Sides,
    against_parser,
    alternate,
    merge_results,
    print_figures,
    run_python,
    run_stamp,
    source_env,
)
from bench.notes import make_notes

SIZES_MIB = (1, 2, 4, 8)
MIB = 1_048_576
_MARGIN = 64 * 1024
"""make_notes overshoots by up to one fixture: the 8 MiB notes must stay under the limit."""

CHILD = """
import resource, sys, tempfile, time
from pathlib import Path
from quiz.ecosystem import importer
importer.split_pays = lambda questions: False
importer.early_split_pays = lambda text: False
def cpu():
    used = resource.getrusage(resource.RUSAGE_SELF)
    return used.ru_utime + used.ru_stime
start, cpu_start = time.perf_counter(), cpu()
plan = importer.plan_import(Path(sys.argv[2]), content_dir=Path(tempfile.mkdtemp()), pack="bench")
wall, cpu_s = (time.perf_counter() - start) * 1000, cpu() - cpu_start
with open("/proc/self/status", encoding="utf-8") as status:
    peak = next(line.split()[1] for line in status if line.startswith("VmHWM:"))
with open(sys.argv[1], "w", encoding="utf-8") as out:
    out.write(f"{peak} {wall:.0f} {len(plan.cards)} {cpu_s:.3f}")
"""
"""The planning of `drillbit import --dry-run` in one process: (peak KiB, wall ms, cards,
CPU s)."""


def plan_peak(notes: Path, source: Path, work: Path) -> tuple[float, float, int, float]:
    """(peak RSS MB, wall ms of the plan, cards, CPU s of the plan) of planning `notes` with
    `source`'s tree."""
    out = work / "peak"
    run_python(["-c", CHILD, str(out), str(notes)], env=source_env(source, work / "home"), cwd=work)
    peak, wall, cards, cpu = out.read_text(encoding="utf-8").split()
    return int(peak) / 1024, float(wall), int(cards), float(cpu)


def _size_side_by_side(
    against: Path, rounds: int, work: Path, size: float
) -> tuple[Sides, dict[str, int]]:
    """One size's plans by each tree, alternating: their measures and the cards planned."""
    notes = make_notes(work / f"notes-{size}.md", int(size * MIB) - _MARGIN)
    cards: dict[str, int] = {}

    def measure(number: int, side: str, source: Path) -> dict[str, float]:
        peak, wall, cards[side], cpu = plan_peak(notes, source, work)
        print(
            f"  {size} MiB round {number + 1} {side}: {peak:.0f} MB, {wall:.0f} ms, {cpu:.2f} s CPU"
        )
        return {"import_peak_mb": peak, "import_plan_ms": wall, "import_plan_cpu_ms": cpu * 1000}

    return alternate(against, rounds, measure), cards


def side_by_side(
    against: Path, rounds: int, out: Path, sizes: Sequence[float] = SIZES_MIB
) -> list[Figure]:
    """Each size's peaks and times with `against` (before) and this tree (after), which
    goes first changing each round."""
    stamp = run_stamp()
    figures: list[Figure] = []
    with tempfile.TemporaryDirectory(prefix="drillbit-import-memory-") as tmp:
        for size in sizes:
            found, cards = _size_side_by_side(against, rounds, Path(tmp), size)
            params = {
                "notes_mib": size,
                "cards": cards["after"],
                "cards_before": cards["before"],
                "rounds": rounds,
            }
            names = ("import_peak_mb", "import_plan_ms", "import_plan_cpu_ms")
            figures += found.figures(names, params)
    merge_results(out, {"side_by_side_30_import": figures}, {}, stamp)
    return figures


def main() -> None:
    """`python -m bench.import_memory --against DIR [--rounds N]`."""
    parser = against_parser("bench.import_memory", __doc__, rounds=1)
    parser.add_argument("--sizes", type=float, nargs="+", default=SIZES_MIB, help="MiB each")
    args = parser.parse_args()
    print_figures(side_by_side(args.against.resolve(), args.rounds, args.out, args.sizes))


if __name__ == "__main__":
    main()
