"""Grading figures: warm worker, cold child, a fresh pytest run and the in-process limit, per drill.

Each drill is measured in rounds (pytest, cold, warm, in-process, in that order each
round) so the machine's background load falls on all four alike; ratios are taken
per drill from those side-by-side medians, then the median over drills is reported.

The overhead over the in-process limit is a small difference between two larger times, so
it is measured in pairs: a warm grade and an in-process grade of the same seed (the same
cases), one right after the other (the rounds' own pairs, warm first, then more pairs with
the in-process grade first until both orders are as many), and the drill's overhead is the
median of the paired differences. Differences of medians taken
apart swung by +-15 ms on a drill with 100 ms of compute (one busy moment falling on
one side only); a drill that takes longer gets more pairs (`pairs_for`), by one rule
for every drill.
"""

from __future__ import annotations

import contextlib
import gc
import json
import math
import os
import statistics
import tempfile
import threading
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

import numpy as np

from bench.common import REPO, Figure, Settings, child_env, median, run_python, time_ms
from bench.processes import descendants
from engine import cases as gen
from engine.checkers import Checker, get_checker
from engine.checkers.base import Case
from engine.checkers.nn._common import call_inputs
from engine.checkers.nn.backprop import TwoLayerChecker
from engine.grade_inprocess import grade_inprocess
from engine.grade_sandboxed import grade
from engine.sandbox import WorkerPool
from quiz.bank.loader import load_bank
from quiz.bank.models import CodingFront
from quiz.bank.sources import bundled_content_dir

SOLUTIONS = REPO / "tests" / "data" / "solutions"
SEED = 20_240_601


@dataclass(frozen=True)
class DrillUnderTest:
    """A bundled coding drill, its checker and parameters, and a correct submission."""

    drill_id: str
    checker: Checker
    params: Mapping[str, Any]
    source: str


def bundled_drills(only: Sequence[str] = ()) -> list[DrillUnderTest]:
    """Every coding drill of the bundled bank that has a known-correct solution file."""
    bank = load_bank([bundled_content_dir()])
    drills = []
    for card in bank.cards:
        front = card.front
        if not isinstance(front, CodingFront) or (only and card.id not in only):
            continue
        solution = SOLUTIONS / f"{card.id}.py"
        if solution.is_file():
            drills.append(
                DrillUnderTest(
                    card.id,
                    get_checker(front.checker),
                    dict(front.params),
                    solution.read_text(encoding="utf-8"),
                )
            )
    return sorted(drills, key=lambda d: d.drill_id)


def functions_of(drill: DrillUnderTest) -> dict[str, Callable[..., Any]]:
    """The submission's entry functions, exec'd in this process (trusted: our own solutions)."""
    namespace: dict[str, Any] = {"__name__": "submission"}
    exec(compile(drill.source, f"{drill.drill_id}.py", "exec"), namespace)
    return {name: namespace[name] for name in drill.checker.entries}


_PYTEST_FILE = '''"""Generated: grade one drill the way a local pytest-based grader would."""
import json

import submission
from engine.checkers import get_checker
from engine.grade_inprocess import grade_inprocess

CHECKER = {checker!r}
PARAMS = json.loads({params!r})
SEED = {seed!r}


def test_submission_passes_every_case():
    checker = get_checker(CHECKER)
    fns = {{name: getattr(submission, name) for name in checker.entries}}
    verdict = grade_inprocess(checker, fns, seed=SEED, params=PARAMS)
    assert verdict.passed, verdict.summary
'''


def write_pytest_project(drill: DrillUnderTest, folder: Path, seed: int) -> Path:
    """A folder with submission.py and a test file that checks the drill's cases against the reference."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "submission.py").write_text(drill.source, encoding="utf-8")
    test = folder / "test_drill.py"
    test.write_text(
        _PYTEST_FILE.format(
            checker=drill.checker.name, params=json.dumps(dict(drill.params)), seed=seed
        ),
        encoding="utf-8",
    )
    return test


def run_pytest(test: Path) -> float:
    """Wall ms of `python -m pytest` on the generated file in a fresh process (no plugins)."""
    env = child_env(PYTEST_DISABLE_PLUGIN_AUTOLOAD="1")
    elapsed, _ = run_python(
        ["-m", "pytest", "-q", "-p", "no:cacheprovider", str(test)], env=env, cwd=test.parent
    )
    return elapsed


def _checked(verdict_passed: bool, what: str) -> None:
    if not verdict_passed:
        raise RuntimeError(f"{what}: the correct submission did not pass")


PAIR_UNIT_MS = 25.0
"""A drill whose warm grade takes k times this gets k times the fewest pairs (at most
`PAIR_CAP` times): timing noise grows with the time measured."""
PAIR_CAP = 5


def pairs_for(settings: Settings, warm_ms: float) -> int:
    """How many (warm, in-process) pairs measure a drill whose warm grade took `warm_ms`."""
    scale = min(float(PAIR_CAP), max(1.0, warm_ms / PAIR_UNIT_MS))
    return math.ceil(settings.overhead_pairs * scale)


def _timed_warm(drill: DrillUnderTest, pool: WorkerPool, seed: int) -> float:
    pool.wait_warm(60)  # as in the app: a warm worker waits for the submission
    gc.collect()  # the previous run's garbage is not collected inside this one
    start = time.perf_counter()
    warm = grade(drill.checker, drill.source, seed=seed, params=drill.params, pool=pool)
    elapsed = (time.perf_counter() - start) * 1000
    _checked(warm.passed, f"{drill.drill_id} warm: {warm.summary}")
    return elapsed


def _timed_inprocess(
    drill: DrillUnderTest, fns: dict[str, Callable[..., Any]], pool: WorkerPool, seed: int
) -> float:
    pool.wait_warm(60)  # the refill's spawn must not overlap the in-process run
    gc.collect()
    start = time.perf_counter()
    limit = grade_inprocess(drill.checker, fns, seed=seed, params=drill.params)
    elapsed = (time.perf_counter() - start) * 1000
    _checked(limit.passed, f"{drill.drill_id} in-process")
    return elapsed


def grade_figures(settings: Settings, drills: Sequence[DrillUnderTest]) -> list[Figure]:
    """grade_warm/cold/pytest/inprocess_ms, speedup_vs_pytest and overhead_vs_limit_ms."""
    per: dict[str, dict[str, list[float]]] = {}
    with WorkerPool(size=1) as pool, tempfile.TemporaryDirectory() as tmp:
        pool.wait_warm(60)
        for drill in drills:
            times: dict[str, list[float]] = {
                "pytest": [],
                "cold": [],
                "warm": [],
                "inprocess": [],
                "paired": [],
            }
            test = write_pytest_project(drill, Path(tmp) / drill.drill_id, SEED)
            fns = functions_of(drill)
            for rep in range(settings.grade_reps):
                seed = SEED + rep
                if rep < settings.process_reps:
                    times["pytest"].append(run_pytest(test))
                    start = time.perf_counter()
                    cold = grade(drill.checker, drill.source, seed=seed, params=drill.params)
                    times["cold"].append((time.perf_counter() - start) * 1000)
                    _checked(cold.passed, f"{drill.drill_id} cold")
                times["warm"].append(_timed_warm(drill, pool, seed))
                times["inprocess"].append(_timed_inprocess(drill, fns, pool, seed))
                times["paired"].append(times["warm"][-1] - times["inprocess"][-1])
            # More pairs for the overhead (the rounds above are pairs, warm first): the
            # same seed on both sides, in-process first until the orders are even.
            warm_first = len(times["paired"])
            for pair in range(len(times["paired"]), pairs_for(settings, median(times["warm"]))):
                seed = SEED + pair
                if warm_first > pair - warm_first:
                    limit_ms = _timed_inprocess(drill, fns, pool, seed)
                    warm_ms = _timed_warm(drill, pool, seed)
                else:
                    warm_first += 1
                    warm_ms = _timed_warm(drill, pool, seed)
                    limit_ms = _timed_inprocess(drill, fns, pool, seed)
                times["paired"].append(warm_ms - limit_ms)
            per[drill.drill_id] = times
    return summarize_grades(per, settings)


def summarize_grades(
    per: Mapping[str, Mapping[str, list[float]]], settings: Settings
) -> list[Figure]:
    """Per-drill medians and ratios, then the median drill."""
    figures: list[Figure] = []
    columns: dict[str, list[float]] = {
        k: [] for k in ("warm", "cold", "pytest", "inprocess", "speedup", "overhead")
    }
    units = {"speedup": "x"}
    names = {
        "warm": "grade_warm_ms",
        "cold": "grade_cold_ms",
        "pytest": "grade_pytest_ms",
        "inprocess": "grade_inprocess_ms",
        "speedup": "speedup_vs_pytest",
        "overhead": "overhead_vs_limit_ms",
    }
    overheads: dict[str, float] = {}
    for drill_id, times in per.items():
        row = {key: median(values) for key, values in times.items() if key != "paired"}
        row["speedup"] = round(row["pytest"] / row["warm"], 2)
        overheads[drill_id] = overhead_of(times)
        row["overhead"] = overheads[drill_id]
        for key, value in row.items():
            columns[key].append(value)
            reps = len(times.get("paired" if key == "overhead" else key) or times["warm"])
            params: dict[str, Any] = {"drill": drill_id, "repeats": reps}
            if key == "overhead" and times.get("paired"):
                params["how"] = "median of paired differences"
            figures.append(Figure(names[key], value, units.get(key, "ms"), params))
    for key, values in columns.items():
        figures.append(
            Figure(
                names[key],
                median(values),
                units.get(key, "ms"),
                {"drill": "median over drills", "drills": len(values), "quick": settings.quick},
            )
        )
    if per:
        worst = max(overheads, key=lambda d: overheads[d])
        params = {"worst_drill": worst, "drills": len(per), "target": "<= 8"}
        paired = per[worst].get("paired")
        if paired and len(paired) >= 2:
            params["pairs"] = len(paired)
            params["quartiles"] = [round(q, 2) for q in statistics.quantiles(paired, n=4)]
        figures.append(Figure("overhead_vs_limit_ms_max", overheads[worst], "ms", params))
    return figures


def overhead_of(times: Mapping[str, Sequence[float]]) -> float:
    """A drill's overhead over the in-process limit: the median of its paired differences
    (warm minus in-process, same seed), or without pairs the difference of the medians."""
    paired = times.get("paired")
    if paired:
        return median(paired)
    return round(median(times["warm"]) - median(times["inprocess"]), 3)


class _ScaledTwoLayer(TwoLayerChecker):
    """two-layer-backprop with one case of m examples (20 features, 32 hidden units, 10 classes)."""

    def __init__(self, m: int) -> None:
        self.m = m

    def make_cases(self, rng: np.random.Generator, params: Mapping[str, Any]) -> list[Case]:
        m = self.m
        X = gen.normal(rng, (20, m), 1.0)
        Y = gen.one_hot(rng, 10, m)
        p = {
            "W1": gen.normal(rng, (32, 20), 0.3),
            "b1": gen.normal(rng, (32, 1), 0.1),
            "W2": gen.normal(rng, (10, 32), 0.3),
            "b2": gen.normal(rng, (10, 1), 0.1),
        }
        inputs = call_inputs("two_layer_loss_and_grads", X, Y, p)
        return [Case(f"m = {m}", inputs, f"X {X.shape}", private={"numeric": False})]


def scaling_figures(settings: Settings, drills: Sequence[DrillUnderTest]) -> list[Figure]:
    """Warm and in-process grading time of two-layer-backprop as m grows; the gap is the IPC."""
    drill = next(d for d in drills if d.drill_id == "two-layer-backprop")
    fns = functions_of(drill)
    figures: list[Figure] = []
    reps = 2 if settings.quick else 5
    with WorkerPool(size=1) as pool:
        for m in settings.scaling_sizes:
            checker = _ScaledTwoLayer(m)
            warm: list[float] = []
            limit: list[float] = []
            for rep in range(reps):
                pool.wait_warm(60)
                start = time.perf_counter()
                verdict = grade(checker, drill.source, seed=SEED + rep, pool=pool)
                warm.append((time.perf_counter() - start) * 1000)
                _checked(verdict.passed, f"scaling m={m}: {verdict.summary}")
                pool.wait_warm(60)  # the refill's spawn must not overlap the in-process run
                limit.append(time_ms(partial(grade_inprocess, checker, fns, seed=SEED + rep)))
            params = {"drill": drill.drill_id, "m": m, "repeats": reps}
            figures.append(Figure("scaling_warm_ms", median(warm), "ms", params))
            figures.append(Figure("scaling_inprocess_ms", median(limit), "ms", params))
            figures.append(
                Figure("scaling_overhead_ms", round(median(warm) - median(limit), 3), "ms", params)
            )
    return figures


def _peak_kib(pids: Sequence[int]) -> int:
    """The largest VmHWM (peak resident set) among these processes, in KiB."""
    peak = 0
    for pid in pids:
        try:
            with open(f"/proc/{pid}/status", encoding="utf-8") as handle:
                for line in handle:
                    if line.startswith("VmHWM:"):
                        peak = max(peak, int(line.split()[1]))
        except OSError:
            continue
    return peak


@dataclass
class _Sampler:
    """Samples the peak RSS of a process tree every few milliseconds until stopped."""

    root: int
    peak: int = 0
    stop: bool = False

    def run(self) -> None:
        while not self.stop:
            self.peak = max(self.peak, _peak_kib([self.root, *descendants(self.root)]))
            time.sleep(0.002)


@contextlib.contextmanager
def _sampling(root: int) -> Iterator[_Sampler]:
    sampler = _Sampler(root)
    thread = threading.Thread(target=sampler.run, daemon=True)
    thread.start()
    try:
        yield sampler
    finally:
        sampler.stop = True
        thread.join()


def child_rss_figure(drills: Sequence[DrillUnderTest]) -> list[Figure]:
    """Peak RSS of one sandbox child grading two-layer-backprop (sampled from /proc)."""
    drill = next(d for d in drills if d.drill_id == "two-layer-backprop")
    if not os.path.isdir("/proc"):
        return []
    with WorkerPool(size=1) as pool:
        pool.wait_warm(60)
        pids = pool.warm_pids
        if not pids:
            return []
        idle = _peak_kib([pids[0], *descendants(pids[0])])
        with _sampling(pids[0]) as sampler:
            verdict = grade(drill.checker, drill.source, seed=SEED, params=drill.params, pool=pool)
            _checked(verdict.passed, "child rss")
        peak = max(sampler.peak, idle)
    params = {"drill": drill.drill_id, "idle_warm_mb": round(idle / 1024, 1), "method": "VmHWM"}
    return [Figure("rss_mb_sandbox_child", round(peak / 1024, 1), "MB", params)]
