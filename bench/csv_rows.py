"""Peak memory and CPU of previewing (`drillbit import --dry-run`) a CSV of many short rows.

`python -m bench.csv_rows --against DIR` writes a CSV of `--rows` rows (200,000 by
default: `t123,is term 123 here`, 5.1 MB, no header, under the 8 MiB file limit) and
previews it with the source tree in DIR (`git archive mend51 quiz engine | tar -x -C DIR`)
and with this one, alternating, each in a fresh process whose own peak RSS (VmHWM at its
exit) and CPU (user + system) are read as it ends (`bench.heavy.PEAK_WRAPPER`). The
preview's exit code is kept beside them: a tree that refuses the file says so at once.
The medians go to bench/results.json's section `SECTION`. Up to the fiftieth round such a
file was previewed whole, a card held per row (393 MB and 48 s of CPU for 200,000 rows);
since the fifty-first a file of more questions than the importer's limit is refused before
any card is made.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.common import (
    Figure,
    against_parser,
    alternate,
    merge_results,
    print_figures,
    run_stamp,
    source_env,
)
from bench.heavy import PEAK_WRAPPER

SECTION = "side_by_side_51_csv_rows"
ROWS = 200_000


def write_rows(path: Path, rows: int) -> Path:
    """A header-less CSV of `rows` short term,definition rows."""
    path.write_text("".join(f"t{n},is term {n} here\n" for n in range(rows)), encoding="utf-8")
    return path


def preview(notes: Path, source: Path, work: Path) -> dict[str, float]:
    """(peak MB, CPU s, wall s, exit code) of `drillbit import NOTES --dry-run` by `source`."""
    out = work / "peak"
    content = Path(tempfile.mkdtemp(dir=work))
    args = ["quiz", "import", str(notes), "--pack", "bench", "--into", str(content), "--dry-run"]
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", PEAK_WRAPPER, str(out), *args],
        env=source_env(source, work / "home"),
        cwd=work,
        capture_output=True,
        text=True,
        check=False,
        timeout=1800,
    )
    wall = time.perf_counter() - start
    peak, cpu_ms, _ = out.read_text(encoding="utf-8").split()
    told = done.stderr.strip().splitlines()
    print(f"  exit {done.returncode}: {told[-1] if told else ''}"[:300])
    return {
        "peak_mb": int(peak) / 1024,
        "cpu_s": float(cpu_ms) / 1000,
        "wall_s": wall,
        "exit": float(done.returncode),
    }


def main() -> None:
    parser = against_parser("bench.csv_rows", __doc__, rounds=1, section=SECTION)
    parser.add_argument("--rows", type=int, default=ROWS)
    options = parser.parse_args()
    stamp = run_stamp()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        notes = write_rows(work / "rows.csv", options.rows)
        size = notes.stat().st_size

        def measure(number: int, side: str, source: Path) -> dict[str, float]:
            found = preview(notes, source, work)
            print(f"round {number} {side}: {found}")
            return found

        sides = alternate(options.against, options.rounds, measure)
    figures = [
        Figure(
            f"csv_rows_preview_{measure}_{side}",
            statistics.median(sides.of(side, measure)),
            unit,
            {"rows": options.rows, "bytes": size},
        )
        for side in ("before", "after")
        for measure, unit in (("peak_mb", "MB"), ("cpu_s", "s"), ("wall_s", "s"), ("exit", ""))
    ]
    print_figures(figures)
    merge_results(options.out, {options.section: figures}, {}, stamp)


if __name__ == "__main__":
    main()
