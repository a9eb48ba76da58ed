"""Long notes are read in pieces of bounded size, cut at headings, and read as the whole.

Reading held the whole file's block tokens, about twenty times its text, and with the
notes' lines split twice the import took some 36 MB per MiB of notes. Notes over twice
`PIECE_BYTES` are now read a piece at a time (cut where `cut_notes` would cut, checked by
`parts_agree`), and read whole when two pieces do not agree: the reading never changes.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import quiz.ecosystem.notes.read as notes
from bench.notes import make_notes
from quiz.ecosystem.notes.cut import NotesPart
from quiz.ecosystem.notes.read import read_part
from tests.conftest import DATA, PROCESS_TIMEOUT_SECONDS
from tests.ecosystem.test_import_split_read import _TRAPS

_FIXTURES = sorted((DATA / "notes").glob("*.md"))


def _texts() -> list[str]:
    texts = [path.read_text(encoding="utf-8") for path in _FIXTURES]
    return [*texts, *_TRAPS.values(), "\n\n".join(texts), "\n\n\n" + "\n\n".join(texts)]


def test_notes_read_in_pieces_read_as_the_whole(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every fixture, trap and all fixtures joined, in pieces of many sizes: the same
    reading as in one piece; most of the joined notes' cuts hold (read in pieces, not
    whole again)."""
    real = notes._read_piece
    pieces: list[int] = []

    def counted(text: str, first_line: int) -> NotesPart:
        pieces.append(first_line)
        return real(text, first_line)

    monkeypatch.setattr(notes, "_read_piece", counted)
    read_apart = 0
    for text in _texts():
        whole = read_part(text, piece_bytes=len(text) + 1)
        for size in (16, 300, 2000, 20000):
            pieces.clear()
            assert read_part(text, piece_bytes=size) == whole, (size, text[:60])
            if len(pieces) > 1 and 0 not in pieces[1:]:  # never read again from the top
                read_apart += 1
    assert read_apart >= 8


def test_a_piece_that_does_not_agree_sends_the_notes_back_whole() -> None:
    """A section numbered across the cut: its questions' topic comes from above the cut."""
    section = "# Notes\n\n## 1. Concepts\n\n" + "".join(
        f"### Q{i}: What is item {i}?\n\n**Answer:** Item {i} is a letter. It is item {i}. "
        "It is small.\n\n"
        for i in range(30)
    )
    whole = read_part(section, piece_bytes=len(section) + 1)
    assert {q.section for q in whole.parsed.questions} == {"Concepts"}
    assert read_part(section, piece_bytes=200) == whole


_PEAK_OF_PLANNING = """
import sys, tracemalloc
from pathlib import Path
import quiz.ecosystem.importer as importer
importer.split_pays = lambda _questions: False
importer.early_split_pays = lambda _text: False
path, content = Path(sys.argv[1]), Path(sys.argv[2])
text = path.read_text(encoding="utf-8")
tracemalloc.start()
plan = importer.plan_import(path, content_dir=content, pack="b", text=text)
print(len(plan.cards), tracemalloc.get_traced_memory()[1])
"""


def test_planning_long_notes_holds_far_less_than_before(tmp_path: Path) -> None:
    """1 MiB of notes planned in one process (no helper): the memory traced at the peak,
    beside the notes' own text, stays under 11 times the notes (thirtieth round: 26 times;
    thirty-first: 13, its planned cards holding their questions and the notes split into
    lines; now 9). Measured in a fresh interpreter: tracemalloc counts every thread's
    allocations, and a test worker's earlier tests leave threads and warm state behind (a
    CI run once read 13.0 times in a worker, 9.2 alone)."""
    path = make_notes(tmp_path / "notes.md", 1024 * 1024)
    ran = subprocess.run(
        [sys.executable, "-c", _PEAK_OF_PLANNING, str(path), str(tmp_path / "c")],
        capture_output=True,
        text=True,
        timeout=PROCESS_TIMEOUT_SECONDS,
        check=False,
    )
    assert ran.returncode == 0, ran.stderr
    cards, peak = map(int, ran.stdout.split())
    assert cards > 2000
    assert peak < 11 * len(path.read_bytes())
