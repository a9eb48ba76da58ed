"""Load and lint figures on generated banks: with the card cache warm (the app's every start) and off."""

from __future__ import annotations

import gc
import os
import resource
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from functools import partial
from pathlib import Path

from bench.bankgen import generate_bank
from bench.common import Figure, Settings, median, time_ms
from quiz import cores
from quiz.bank import cachefile, parallel
from quiz.bank.lint import lint
from quiz.bank.loader import load_bank


def make_banks(root: Path, sizes: Sequence[int]) -> dict[int, Path]:
    """One generated bank per size, old enough for the card cache to store (see RACY_SECONDS)."""
    banks = {size: generate_bank(root / f"bank-{size}", size) for size in sizes}
    time.sleep(cachefile.RACY_SECONDS + 0.2)
    return banks


@contextmanager
def cache_off() -> Iterator[None]:
    """DRILLBIT_CACHE=0 for the duration (lint has no switch of its own)."""
    old = os.environ.get(cachefile.CACHE_ENV)
    os.environ[cachefile.CACHE_ENV] = "0"
    try:
        yield
    finally:
        if old is None:
            del os.environ[cachefile.CACHE_ENV]
        else:
            os.environ[cachefile.CACHE_ENV] = old


def _repeat(action: Callable[[], object], reps: int) -> list[float]:
    values = []
    for _ in range(reps):
        gc.collect()  # the previous result is freed outside the timed region
        values.append(time_ms(action))
    return values


def _cpu_ms(action: Callable[[], object], reps: int) -> list[float]:
    """CPU time of the calls (less sensitive than wall time to other processes' load)."""
    values = []
    for _ in range(reps):
        gc.collect()
        start = time.process_time()
        action()
        values.append((time.process_time() - start) * 1000)
    return values


def _check(count: int, root: Path) -> None:
    bank = load_bank([root])
    if len(bank.cards) != count or bank.problems:
        raise RuntimeError(
            f"generated bank of {count}: {len(bank.cards)} cards, {bank.problems[:3]}"
        )


def load_figures(settings: Settings, banks: dict[int, Path]) -> list[Figure]:
    """load_ms per size (cache warm, and off), microseconds per card and the growth ratio."""
    figures: list[Figure] = []
    warm: dict[int, float] = {}
    for size, root in sorted(banks.items()):
        _check(size, root)  # also fills the cache
        warm[size] = median(_repeat(partial(load_bank, [root]), settings.load_reps))
        params = {"cards": size, "repeats": settings.load_reps, "in_process": True}
        figures.append(Figure("load_ms", warm[size], "ms", {**params, "card_cache": "warm"}))
        cpu = median(_cpu_ms(partial(load_bank, [root]), settings.load_reps))
        figures.append(Figure("load_cpu_ms", cpu, "ms", {**params, "card_cache": "warm"}))
        cold_reps = max(1, settings.load_reps // 2)
        if size >= 10_000:  # a cold load of 10,000 is seconds: once is enough in --quick
            cold_reps = 1 if settings.quick else cold_reps
        cold = median(_repeat(partial(load_bank, [root], use_cache=False), cold_reps))
        figures.append(
            Figure("load_ms", cold, "ms", {**params, "card_cache": "off", "repeats": cold_reps})
        )
        if size == max(banks):  # the 10,000-card bank in every real run
            helper = parallel.can_fork()
            figures.append(
                Figure(
                    "load_10k_cold_ms",
                    cold,
                    "ms",
                    {
                        "cards": size,
                        "repeats": cold_reps,
                        "in_process": True,
                        "helper_process": helper,
                        "target": "<= 1500",
                    },
                )
            )
            figures.extend(_cold_split_figures(root, size, cold_reps))
        figures.append(
            Figure(
                "load_us_per_card",
                round(warm[size] * 1000 / size, 1),
                "us",
                {**params, "card_cache": "warm"},
            )
        )
    sizes = sorted(warm)
    if len(sizes) >= 2:
        small, large = sizes[-2], sizes[-1]
        growth = (warm[large] / large) / (warm[small] / small)
        figures.append(
            Figure(
                "load_growth",
                round(growth, 2),
                "x",
                {"per_card_time": f"{large} vs {small} cards", "linear": "about 1"},
            )
        )
    return figures


def _cpu_with_children_ms(action: Callable[[], object]) -> float:
    """CPU time of this process and of the children it reaped (the load's helper) meanwhile."""
    gc.collect()
    before = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    action()
    after = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return 1000 * sum(
        (a.ru_utime + a.ru_stime) - (b.ru_utime + b.ru_stime)
        for a, b in zip(after, before, strict=True)
    )


def _cold_split_figures(root: Path, size: int, reps: int) -> list[Figure]:
    """The cold load with a forked helper and as one plain loop, alternating (wall and the
    CPU of both processes), so the split's effect is read side by side. The helper is used
    here even when no core is free (`quiz.cores`; the app would not fork then):
    the figure shows what it would give on this machine now."""
    walls: dict[bool, list[float]] = {True: [], False: []}
    cpus: dict[bool, list[float]] = {True: [], False: []}
    load = partial(load_bank, [root], use_cache=False)
    would_fork = parallel.can_fork()
    for _ in range(reps):
        for split in (True, False):
            old_min, old_idle = parallel.MIN_ITEMS, cores.idle_cpus
            parallel.MIN_ITEMS = old_min if split else size + 1
            if split:
                cores.idle_cpus = cores.usable_cpus
            try:
                walls[split].extend(_repeat(load, 1))
                cpus[split].append(_cpu_with_children_ms(load))
            finally:
                parallel.MIN_ITEMS, cores.idle_cpus = old_min, old_idle
    figures = []
    helper = cores.usable_cpus() >= 2 and size >= parallel.MIN_ITEMS
    for split in (True, False):
        params = {"cards": size, "card_cache": "off", "repeats": reps, "in_process": True}
        how = "helper process" if split and helper else "one process"
        if split and helper and not would_fork:
            how += " (forced: no core was free)"
        figures.append(
            Figure("load_cold_split_ms", median(walls[split]), "ms", {**params, "how": how})
        )
        figures.append(
            Figure("load_cold_cpu_ms", median(cpus[split]), "ms", {**params, "how": how})
        )
    return figures


def lint_figures(settings: Settings, root: Path, size: int) -> list[Figure]:
    """`drillbit lint` over the big bank: a CI run (no cache) and a repeat run (cache warm)."""
    with cache_off():
        cold = median(_repeat(lambda: lint([root]), 1 if settings.quick else 3))
    warm = median(_repeat(lambda: lint([root]), settings.load_reps))
    return [
        Figure("lint_ms", cold, "ms", {"cards": size, "card_cache": "off", "in_process": True}),
        Figure("lint_ms", warm, "ms", {"cards": size, "card_cache": "warm", "in_process": True}),
    ]
