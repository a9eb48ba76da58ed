"""The YAML an import writes beside a card's text: a concept card's front matter and a new
pack's `pack.yaml`, both dumped by yaml's safe dumper so they load back as written.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from quiz.ecosystem.frontyaml import dump_front
from quiz.ecosystem.notes.found import ParsedNotes


def front_matter(
    *,
    card_id: str,
    title: str,
    topic: str,
    tags: Sequence[str],
    difficulty: int,
    source: str,
    points: Sequence[str],
) -> tuple[dict[str, Any], str]:
    """A concept card's front matter as data and as the YAML written for it (by yaml's safe
    dumper, so quoting is always right and the text loads back as this very data)."""
    front: dict[str, Any] = {
        "id": card_id,
        "kind": "concept",
        "title": title,
        "topic": topic,
        "tags": list(tags),
        "difficulty": difficulty,
        "source": source,
        "key_points": list(points),
    }
    return front, dump_front(front)


def pack_yaml_text(name: str, notes: Path, parsed: ParsedNotes) -> str:
    """A new pack's `pack.yaml`: titled after the notes' `# heading` when they have one."""
    title = parsed.title or name.replace("-", " ").capitalize()
    info = {
        "title": title,
        "description": f"Cards imported from {notes.name} with drillbit import.",
        "version": "0.1.0",
    }
    return dump_front(info)  # a title such as `1e3` in quotes, as in a card's front matter
