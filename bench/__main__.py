"""`uv run python -m bench [--quick] [--plan] [--plan-command]`: measure, print a table, write bench/results.json.

Nothing here asserts a time: the numbers are the output. Everything runs under a
temporary DRILLBIT_HOME, so no user's database or card cache is touched.
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import tempfile
import time
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

from bench.common import (
    FULL,
    QUICK,
    REPO,
    Figure,
    Settings,
    cpu_share,
    merge_results,
    run_stamp,
)

SECTIONS = ("loading", "startup", "heavy", "notes", "memory", "grading", "scaling", "rss")

TARGETS: list[tuple[str, dict[str, Any], str, Callable[[float], bool]]] = [
    ("speedup_vs_pytest", {"drill": "median over drills"}, ">= 15", lambda v: v >= 15),
    ("overhead_vs_limit_ms", {"drill": "median over drills"}, "<= 10 ms", lambda v: v <= 10),
    ("startup_vs_bare", {"bank": "bundled"}, "<= 1.5x", lambda v: v <= 1.5),
    ("startup_vs_bare", {"bank": "bundled + generated"}, "<= 2.5x", lambda v: v <= 2.5),
    ("load_ms", {"cards": 10_000, "card_cache": "warm"}, "<= 800 ms", lambda v: v <= 800),
    ("rss_mb_app", {"target": "< 200"}, "< 200 MB", lambda v: v < 200),
    ("import_notes_cpu_ms", {}, "< 2000 ms for 1 MB", lambda v: v < 2000),
    ("import_notes_ms", {}, "< 2000 ms for 1 MB (wall)", lambda v: v < 2000),
    ("import_notes_command_ms", {}, "< 2000 ms for 1 MB (whole command, wall)", lambda v: v < 2000),
    ("overhead_vs_limit_ms", {"drill": "median over drills"}, "<= 4 ms", lambda v: v <= 4),
    ("overhead_vs_limit_ms_max", {}, "<= 8 ms (worst drill)", lambda v: v <= 8),
    ("load_10k_cold_ms", {}, "<= 1500 ms", lambda v: v <= 1500),
    ("stats_heavy_ms", {}, "<= 400 ms", lambda v: v <= 400),
    ("stats_heavy_peak_mb", {}, "<= 150 MB", lambda v: v <= 150),
    ("stats_screen_heavy_ms", {}, "<= 300 ms", lambda v: v <= 300),
    ("startup_heavy_vs_bare", {}, "<= 1.5x", lambda v: v <= 1.5),
    ("study_start_heavy_vs_bare", {}, "<= 1.5x", lambda v: v <= 1.5),
    ("quit_left_processes", {}, "0 left", lambda v: v == 0),
]


def machine(stamp: Mapping[str, str]) -> dict[str, Any]:
    """Where the numbers come from (`stamp`: the run's commit and start, `run_stamp`)."""
    cpu = platform.processor() or "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    import numpy

    return {
        "arch": platform.machine(),
        "cpu": cpu,
        "cores": os.cpu_count(),
        "python": platform.python_version(),
        "numpy": numpy.__version__,
        "commit": stamp["commit"],
        "load_average": [round(x, 2) for x in os.getloadavg()] if hasattr(os, "getloadavg") else [],
        "date": stamp["started"],
    }


def run(settings: Settings, sections: Sequence[str], work: Path) -> dict[str, list[Figure]]:
    """Run the chosen sections, each printing a line as it finishes: their figures."""
    from bench import grading, heavy, loading, memory, notes, quitting, startup

    figures: dict[str, list[Figure]] = {}

    def step(name: str, action: Callable[[], list[Figure]]) -> None:
        if name not in sections:
            return
        start = time.perf_counter()
        found = action()
        figures.setdefault(name, []).extend(found)
        print(
            f"  {name}: {len(found)} figures in {time.perf_counter() - start:.1f} s",
            file=sys.stderr,
        )

    banks: dict[int, Path] = {}
    if {"loading", "startup", "heavy"} & set(sections):
        banks = loading.make_banks(
            work / "banks", sorted({*settings.load_sizes, settings.big_bank})
        )
    step(
        "loading",
        lambda: loading.load_figures(settings, {s: banks[s] for s in settings.load_sizes}),
    )
    step(
        "loading",
        lambda: loading.lint_figures(settings, banks[settings.big_bank], settings.big_bank),
    )
    env = startup.default_env(work / "probe-home")
    step("startup", lambda: startup.startup_figures(settings, banks[settings.big_bank], env))
    step("startup", lambda: startup.import_figures(settings, env))
    step("startup", lambda: quitting.quit_figures(settings, env))
    step(
        "heavy",
        lambda: heavy.heavy_figures(
            settings, work / "heavy", banks[settings.big_bank], settings.big_bank
        ),
    )
    step("notes", lambda: notes.notes_figures(settings, work))
    step("memory", lambda: memory.memory_figures(settings, work))
    # Grading runs last: it leaves the sandbox's reaper thread running in this process and
    # its children's work in the load average, and the bank load and the import fork their
    # helper process only with no other thread and a free core. Before them, the loading and
    # notes figures measured a one-process load that no freshly started app or command does.
    drills = grading.bundled_drills()
    step("grading", lambda: grading.grade_figures(settings, drills))
    step("scaling", lambda: grading.scaling_figures(settings, drills))
    step("rss", lambda: grading.child_rss_figure(drills))
    return figures


def _describe(params: dict[str, Any]) -> str:
    shown = {
        k: v for k, v in params.items() if k not in {"repeats", "quick", "measure", "in_process"}
    }
    return ", ".join(f"{k}={v}" for k, v in shown.items())


def _matches(figure: Figure, name: str, where: dict[str, Any]) -> bool:
    return figure.name == name and all(figure.params.get(k) == v for k, v in where.items())


def table(figures: Sequence[Figure]) -> str:
    """The summary table (per-drill rows in a second, compact table)."""
    lines = ["| figure | parameters | value |", "|---|---|---|"]
    per_drill: dict[str, dict[str, float]] = {}
    for figure in figures:
        drill = figure.params.get("drill")
        if (
            drill is not None
            and drill != "median over drills"
            and figure.name.startswith(("grade_", "speedup", "overhead"))
        ):
            per_drill.setdefault(drill, {})[figure.name] = figure.value
            continue
        lines.append(
            f"| {figure.name} | {_describe(figure.params)} | {figure.value:g} {figure.unit} |"
        )
    if per_drill:
        cols = [
            "grade_warm_ms",
            "grade_cold_ms",
            "grade_pytest_ms",
            "grade_inprocess_ms",
            "speedup_vs_pytest",
            "overhead_vs_limit_ms",
        ]
        lines += [
            "",
            "| drill | warm ms | cold ms | pytest ms | in-process ms | speedup | overhead ms |",
            "|---|---|---|---|---|---|---|",
        ]
        for drill, row in sorted(per_drill.items()):
            lines.append(
                f"| {drill} | " + " | ".join(f"{row.get(c, float('nan')):g}" for c in cols) + " |"
            )
    verdicts = ["", "| target | figure | value | met |", "|---|---|---|---|"]
    for name, where, text, ok in TARGETS:
        found = next((f for f in figures if _matches(f, name, where)), None)
        if found is not None:
            verdicts.append(
                f"| {text} | {name} ({_describe(where)}) | {found.value:g} {found.unit} | {'yes' if ok(found.value) else 'NO'} |"
            )
    return "\n".join(lines + verdicts)


def main(argv: Sequence[str] | None = None) -> int:
    """Parse the flags, measure, print, write the JSON (`--plan`: the plan simulation only)."""
    given = list(sys.argv[1:] if argv is None else argv)
    if "--plan-command" in given:
        from bench.plan_command import main as plan_command_main

        return plan_command_main(given)
    if "--plan" in given:
        from bench.plan import main as plan_main

        return plan_main(given)
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="fewer repeats and sizes (< 3 min)")
    # Both are dispatched above, before this parser; listed so that --help names them.
    parser.add_argument(
        "--plan",
        action="store_true",
        help="the interview plan's simulation alone (its flags: python -m bench --plan --help)",
    )
    parser.add_argument(
        "--plan-command",
        action="store_true",
        help="`drillbit plan` on heavy homes, another tree against this one "
        "(its flags: python -m bench --plan-command --help)",
    )
    parser.add_argument(
        "--only",
        default=",".join(SECTIONS),
        help=f"comma-separated sections of {', '.join(SECTIONS)}",
    )
    parser.add_argument("--out", type=Path, default=REPO / "bench" / "results.json")
    args = parser.parse_args(argv)
    sections = [s.strip() for s in args.only.split(",") if s.strip()]
    unknown = set(sections) - set(SECTIONS)
    if unknown:
        parser.error(f"unknown sections: {', '.join(sorted(unknown))}")
    settings = QUICK if args.quick else FULL
    start = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="drillbit-bench-") as tmp:
        work = Path(tmp)
        os.environ["DRILLBIT_HOME"] = str(work / "home")
        os.environ.pop("DRILLBIT_CONTENT", None)
        # Measured children start as an installed drillbit does: with bytecode caches (kept
        # in the run's folder, not the source tree), even where this shell disables them.
        os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
        os.environ["PYTHONPYCACHEPREFIX"] = str(work / "pycache")
        stamp = run_stamp()
        info = machine(stamp)
        print(
            f"drillbit bench ({'quick' if settings.quick else 'full'}) on {info['arch']}, {info['cpu']}, {info['cores']} cores",
            file=sys.stderr,
        )
        share_before = cpu_share()
        by_section = run(settings, sections, work)
        share_after = cpu_share()
    by_section["machine"] = [
        Figure(
            "cpu_share",
            min(share_before, share_after),
            "cores",
            {"before": share_before, "after": share_after, "idle_machine": 1.0},
        )
    ]
    info["load_average_after"] = (
        [round(x, 2) for x in os.getloadavg()] if hasattr(os, "getloadavg") else []
    )
    info["duration_s"] = round(time.perf_counter() - start, 1)
    merge_results(args.out, by_section, {"machine": info, "quick": settings.quick}, stamp)
    figures = [figure for found in by_section.values() for figure in found]
    print(table(figures))
    print(
        f"\n{len(figures)} figures in {info['duration_s']} s; written to {args.out}",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
