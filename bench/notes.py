"""Importing notes: 1 MB of Markdown Q&A notes planned into cards (`drillbit import --dry-run`).

The notes are the importer's shape fixtures (tests/data/notes), repeated with numbered
titles until they weigh 1 MB, so every shape the importer reads is in the measure.
"""

from __future__ import annotations

import gc
import os
import re
import resource
import time
from pathlib import Path
from typing import TYPE_CHECKING

from bench.common import REPO, Figure, Settings, child_env, median, run_python
from quiz.plural import counted

if TYPE_CHECKING:
    from quiz.ecosystem.importplan import ImportPlan

NOTES_BYTES = 1_000_000


def make_notes(path: Path, size: int = NOTES_BYTES) -> Path:
    """A notes file of at least `size` bytes: the fixtures again and again, titles numbered."""
    fixtures = sorted((REPO / "tests" / "data" / "notes").glob("shape*.md"))
    fixtures.append(REPO / "tests" / "data" / "notes" / "day6-seed.md")
    parts: list[str] = []
    total = copy = 0
    while total < size:
        for fixture in fixtures:
            copy += 1
            text = re.sub(r"\?", f" (copy {copy})?", fixture.read_text(encoding="utf-8"))
            parts.append(text + "\n\n")
            total += len(parts[-1].encode("utf-8"))
    path.write_text("".join(parts), encoding="utf-8")
    return path


def _cpu_ms() -> tuple[float, float]:
    """CPU time so far of this process, and of the children it reaped (the import's helper)."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (
        1000 * (own.ru_utime + own.ru_stime),
        1000 * (children.ru_utime + children.ru_stime),
    )


def _plan_once(notes: Path, work: Path) -> tuple[float, float, bool, ImportPlan]:
    """(wall ms, CPU ms of both processes, whether a helper ran, plan) of one planned import."""
    from quiz.ecosystem.importer import plan_import

    gc.collect()
    wall, (own, children) = time.perf_counter(), _cpu_ms()
    plan = plan_import(notes, content_dir=work / "notes-content", pack="bench")
    wall = (time.perf_counter() - wall) * 1000
    own_after, children_after = _cpu_ms()
    helped = children_after > children
    return wall, own_after - own + children_after - children, helped, plan


def notes_figures(settings: Settings, work: Path, size: int = NOTES_BYTES) -> list[Figure]:
    """Wall and CPU time of planning the import of 1 MB of notes (nothing written), as
    `drillbit import` runs now (a forked helper plans half the cards when a core is
    free), then with the helper and without it, alternating, side by side.
    CPU figures count both processes."""
    notes = make_notes(work / "notes.md", size)
    walls: list[float] = []
    cpus: list[float] = []
    cards = seen = 0
    helped: list[bool] = []
    for _ in range(max(1, settings.load_reps)):
        wall, cpu, helper, plan = _plan_once(notes, work)
        helped.append(helper)
        walls.append(wall)
        cpus.append(cpu)
        cards, seen = len(plan.cards), plan.questions_seen
    params: dict[str, object] = {"bytes": notes.stat().st_size, "questions": seen, "cards": cards}
    how = (
        "helper process"
        if all(helped)
        else "one process"
        if not any(helped)
        else f"helper process in {sum(helped)} of {len(helped)} runs"
    )
    figures = [
        Figure("import_notes_ms", median(walls), "ms", {**params, "how": how}),
        Figure("import_notes_cpu_ms", median(cpus), "ms", {**params, "how": how}),
    ]
    return (
        figures
        + _split_figures(notes, work, settings, params)
        + _command_figures(notes, work, settings, params)
    )


def _split_figures(
    notes: Path, work: Path, settings: Settings, params: dict[str, object]
) -> list[Figure]:
    """The plan with a forked helper and in one process, alternating, so the helper's
    effect is read side by side. The helper is used here even when no core is free
    (`quiz.cores`; the import would not fork then): the figure shows what it would give
    on this machine now."""
    from quiz import cores
    from quiz.bank import parallel
    from quiz.ecosystem import importer, planjobs

    would_fork = parallel.can_fork()
    helper = cores.usable_cpus() >= 2
    walls: dict[bool, list[float]] = {True: [], False: []}
    cpus: dict[bool, list[float]] = {True: [], False: []}
    for _ in range(max(1, settings.load_reps)):
        for split in (True, False):
            old_pays, old_idle = planjobs.split_pays, cores.idle_cpus
            if split:
                cores.idle_cpus = cores.usable_cpus
            else:  # the split's check, and the early split's (which asks it too)
                importer.split_pays = planjobs.split_pays = lambda questions: False  # type: ignore[attr-defined]
            try:
                wall, cpu, _helped, _plan = _plan_once(notes, work)
            finally:
                importer.split_pays = planjobs.split_pays = old_pays  # type: ignore[attr-defined]
                cores.idle_cpus = old_idle
            walls[split].append(wall)
            cpus[split].append(cpu)
    figures = []
    for split in (True, False):
        how = "helper process" if split and helper else "one process"
        if split and helper and not would_fork:
            how += " (forced: no core was free)"
        where = {**params, "how": how}
        figures.append(Figure("import_notes_split_ms", median(walls[split]), "ms", where))
        figures.append(Figure("import_notes_split_cpu_ms", median(cpus[split]), "ms", where))
    return figures


def _written(params: dict[str, object]) -> str:
    """The import's own words for the plan's card count: '12 cards written'."""
    cards = params["cards"]
    assert isinstance(cards, int)
    return f"{counted(cards, 'card')} written"


def _command_figures(
    notes: Path, work: Path, settings: Settings, params: dict[str, object]
) -> list[Figure]:
    """The whole `drillbit import NOTES --pack bench --content DIR` a user runs, in a fresh
    process from spawn to exit: start-up, imports, the ids already taken, the plan (with
    its helper when a core is free), writing the ~2,650 card files and
    printing the report. Wall time, and the CPU (user + system) of the command and its
    helper. Each run writes into a new content folder, and none is deleted between runs:
    on this machine's file system (mounted with `discard`) deleting thousands of files
    just before made the next run's file creation up to 20 times slower."""
    env = child_env()
    env.pop("DRILLBIT_CONTENT", None)
    args = ["-m", "quiz", "import", str(notes), "--pack", "bench", "--content"]
    run_python([*args, str(work / "command-warm-up")], env=env)  # bytecode, the bank index
    walls: list[float] = []
    cpus: list[float] = []
    loads: list[float] = []
    for run in range(max(1, settings.load_reps)):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        loads.append(os.getloadavg()[0])
        wall, done = run_python([*args, str(work / f"command-{run}")], env=env)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        walls.append(wall)
        cpus.append(1000 * (after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime))
        if _written(params) not in done.stderr:  # as many as the plan
            raise RuntimeError(f"drillbit import wrote something else:\n{done.stderr[-500:]}")
    where = {
        **params,
        "how": "drillbit import into a new content folder, spawn to exit",
        "load_average": f"{min(loads):.1f}-{max(loads):.1f}",
    }
    return [
        Figure("import_notes_command_ms", median(walls), "ms", where),
        Figure("import_notes_command_cpu_ms", median(cpus), "ms", where),
        *_command_split_figures(notes, work, settings, params, env),
    ]


_FORCED = """\
import sys
from quiz import cores
from quiz.bank import parallel
if {helper}:
    cores.idle_cpus = cores.usable_cpus
else:
    parallel.can_fork = lambda: False
sys.argv = ["drillbit", *{args!r}]
from quiz.cli import main
main()
"""
"""The command as the console script runs it, with its helper forced or refused."""


def _command_split_figures(
    notes: Path, work: Path, settings: Settings, params: dict[str, object], env: dict[str, str]
) -> list[Figure]:
    """The whole command with its helper process forced and refused, alternating, so what
    the helper gives the user's wait is read side by side (as `_split_figures` does for
    the plan). Forced even when no core is free (the command would
    not fork then): the figure shows what it would give on this machine now."""
    walls: dict[bool, list[float]] = {True: [], False: []}
    cpus: dict[bool, list[float]] = {True: [], False: []}
    loads: list[float] = []
    from quiz.bank import parallel

    would_fork = parallel.can_fork()
    for run in range(max(1, settings.load_reps)):
        for helper in (True, False):
            folder = work / f"command-{'split' if helper else 'one'}-{run}"
            args = ["import", str(notes), "--pack", "bench", "--content", str(folder)]
            code = _FORCED.format(helper=helper, args=args)
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            loads.append(os.getloadavg()[0])
            wall, done = run_python(["-c", code], env=env)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            walls[helper].append(wall)
            cpus[helper].append(
                1000 * (after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
            )
            if _written(params) not in done.stderr:
                raise RuntimeError(f"drillbit import wrote something else:\n{done.stderr[-500:]}")
    figures = []
    for helper in (True, False):
        how = "helper process" if would_fork else "helper process (forced: no core was free)"
        where = {
            **params,
            "how": how if helper else "one process",
            "load_average": f"{min(loads):.1f}-{max(loads):.1f}",
        }
        figures.append(Figure("import_notes_command_split_ms", median(walls[helper]), "ms", where))
        figures.append(
            Figure("import_notes_command_split_cpu_ms", median(cpus[helper]), "ms", where)
        )
    return figures
