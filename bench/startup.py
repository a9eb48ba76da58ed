"""Startup figures: drillbit's Home against a bare Textual app, in fresh processes, side by side."""

from __future__ import annotations

import json
import re
import sys
import tempfile
from pathlib import Path
from typing import Any

from bench.common import Figure, Settings, child_env, median, run_python


def probe(mode: str, content: list[Path], env: dict[str, str]) -> tuple[float, dict[str, Any]]:
    """(wall ms from process spawn to exit at the first idle, what the probe reported)."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "probe.json"
        elapsed, _ = run_python(["-m", "bench.probe", mode, str(out), *map(str, content)], env=env)
        report: dict[str, Any] = json.loads(out.read_text(encoding="utf-8"))
    if mode == "app" and report["screen"] != "HomeScreen":
        raise RuntimeError(f"the app did not show Home at its first idle: {report}")
    return elapsed, report


def startup_figures(settings: Settings, big_bank: Path, env: dict[str, str]) -> list[Figure]:
    """startup_ms (bundled, big bank), bare_textual_ms, their ratios and the app's peak RSS."""
    variants: dict[str, tuple[str, list[Path]]] = {
        "bare": ("bare", []),
        "bundled": ("app", []),
        "big": ("app", [big_bank]),
    }
    if settings.warm_up_probes:
        for mode, content in variants.values():  # warm the OS file cache and the card cache
            probe(mode, content, env)
    times: dict[str, list[float]] = {key: [] for key in variants}
    reports: dict[str, dict[str, Any]] = {}
    for _ in range(settings.startup_reps):
        for key, (mode, content) in variants.items():
            elapsed, reports[key] = probe(mode, content, env)
            times[key].append(elapsed)
    uncached: list[Figure] = []
    if not settings.quick:
        no_cache, _ = probe("app", [big_bank], {**env, "DRILLBIT_CACHE": "0"})
        uncached.append(
            Figure(
                "startup_ms",
                round(no_cache, 3),
                "ms",
                {
                    "bank": "bundled + generated",
                    "cards": reports["big"]["cards"],
                    "card_cache": "off",
                    "repeats": 1,
                },
            )
        )
    bare, bundled, big = (median(times[k]) for k in ("bare", "bundled", "big"))
    cards = reports["big"]["cards"]
    base = {"repeats": settings.startup_reps, "measure": "spawn to exit at first idle, headless"}
    lazy = {
        key: reports["big"][key] for key in ("numpy_loaded", "engine_loaded", "textarea_loaded")
    }
    return [
        *uncached,
        Figure("bare_textual_ms", bare, "ms", {**base, "app": "Header + Markdown + Footer"}),
        Figure(
            "startup_ms",
            bundled,
            "ms",
            {**base, "bank": "bundled", "cards": reports["bundled"]["cards"]},
        ),
        Figure(
            "startup_ms", big, "ms", {**base, "bank": "bundled + generated", "cards": cards, **lazy}
        ),
        Figure(
            "startup_vs_bare",
            round(bundled / bare, 2),
            "x",
            {"bank": "bundled", "target": "<= 1.5"},
        ),
        Figure(
            "startup_vs_bare",
            round(big / bare, 2),
            "x",
            {"bank": "bundled + generated", "cards": cards, "target": "<= 2.5"},
        ),
        Figure(
            "rss_mb_app",
            round(reports["big"]["maxrss_kb"] / 1024, 1),
            "MB",
            {"cards": cards, "target": "< 200"},
        ),
        Figure(
            "rss_mb_app",
            round(reports["bundled"]["maxrss_kb"] / 1024, 1),
            "MB",
            {"cards": reports["bundled"]["cards"]},
        ),
    ]


_IMPORT_LINE = re.compile(r"^import time:\s+(\d+)\s+\|\s+(\d+)\s+\|(\s*)(\S+)\s*$")


def import_time_ms(module: str, env: dict[str, str]) -> float:
    """Cumulative import time of `module` as `python -X importtime` reports it."""
    _, done = run_python(["-X", "importtime", "-c", f"import {module}"], env=env)
    for line in done.stderr.splitlines():
        match = _IMPORT_LINE.match(line)
        if match and match.group(4) == module:
            return int(match.group(2)) / 1000
    raise RuntimeError(f"no importtime line for {module}")


def import_figures(settings: Settings, env: dict[str, str]) -> list[Figure]:
    """Import time of the quiz package, of the app module, and of textual.app alone."""
    figures = []
    for module in ("quiz", "quiz.tui.app", "textual.app"):
        values = [import_time_ms(module, env) for _ in range(settings.startup_reps)]
        figures.append(
            Figure(
                "import_ms",
                median(values),
                "ms",
                {"module": module, "how": "python -X importtime", "repeats": len(values)},
            )
        )
    return figures


def default_env(home: Path) -> dict[str, str]:
    """The child environment: a private DRILLBIT_HOME (fresh database and card cache)."""
    return child_env(DRILLBIT_HOME=str(home))


if __name__ == "__main__":  # a manual check: python -m bench.startup
    print(import_time_ms(sys.argv[1] if len(sys.argv) > 1 else "quiz", child_env()))
