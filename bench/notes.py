"""Importing notes: 1 MB of Markdown Q&A notes planned into cards (`drillbit import --dry-run`).

The notes are the importer's shape fixtures (tests/data/notes), repeated with numbered
titles until they weigh 1 MB, so every shape the importer reads is in the measure.
"""

from __future__ import annotations

import gc
import re
import time
from pathlib import Path

from bench.common import REPO, Figure, Settings, median

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


def notes_figures(settings: Settings, work: Path, size: int = NOTES_BYTES) -> list[Figure]:
    """Wall and CPU time of planning the import of 1 MB of notes (nothing written)."""
    from quiz.ecosystem.importer import plan_import

    notes = make_notes(work / "notes.md", size)
    walls: list[float] = []
    cpus: list[float] = []
    cards = seen = 0
    for _ in range(max(1, settings.load_reps)):
        gc.collect()
        wall, cpu = time.perf_counter(), time.process_time()
        plan = plan_import(notes, content_dir=work / "notes-content", pack="bench")
        walls.append((time.perf_counter() - wall) * 1000)
        cpus.append((time.process_time() - cpu) * 1000)
        cards, seen = len(plan.cards), plan.questions_seen
    params = {"bytes": notes.stat().st_size, "questions": seen, "cards": cards}
    return [
        Figure("import_notes_ms", median(walls), "ms", params),
        Figure("import_notes_cpu_ms", median(cpus), "ms", params),
    ]
