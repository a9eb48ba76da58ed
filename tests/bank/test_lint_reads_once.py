"""`drillbit lint` reads each card file once: the invisible-character check is given the
text the load read (it read every file a second time), and a warm card cache never hides
its warning (a card with one is not cached as clean)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

import quiz.bank.loader as loader
import quiz.textsafe as textsafe
from quiz.bank import cachefile
from quiz.bank.lint import lint
from tests.bank.edits import tui_bank_copy

ZWSP = "\u200b"


def _with_hidden_space(root: Path) -> tuple[Path, int, int]:
    """A zero-width space put into the first card's title: (file, line, column)."""
    path = next(root.rglob("*.md"))
    lines = path.read_text(encoding="utf-8").split("\n")
    row = next(i for i, line in enumerate(lines) if line.startswith("title: "))
    lines[row] = lines[row][:9] + ZWSP + lines[row][9:]
    path.write_text("\n".join(lines), encoding="utf-8")
    return path, row + 1, 10


def _counting_reads(monkeypatch: pytest.MonkeyPatch) -> Counter[Path]:
    """Every read of a file as text, by the loader or through `quiz.textsafe`."""
    reads: Counter[Path] = Counter()
    real = textsafe.read_regular_text

    def counted(path: Path, *args: object, **kwargs: object) -> str:
        reads[Path(path)] += 1
        return real(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(textsafe, "read_regular_text", counted)
    monkeypatch.setattr(loader, "read_regular_text", counted)
    return reads


def test_lint_reads_each_card_file_once_and_still_places_the_invisible_char(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DRILLBIT_CACHE", "0")
    root = tui_bank_copy(tmp_path)
    path, line, col = _with_hidden_space(root)
    reads = _counting_reads(monkeypatch)
    _, problems = lint([root], run_drills=False)
    cards = sorted(root.rglob("*.md"))
    assert len(cards) > 1
    assert {p: reads[p] for p in cards} == dict.fromkeys(cards, 1)
    assert [(p.path, p.line, p.col, p.code) for p in problems] == [
        (path, line, col, "invisible-char")
    ]


def test_a_warm_card_cache_still_tells_the_invisible_char(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The second lint answers clean cards from the cache; the card with the hidden space
    is parsed again and warned of again."""
    monkeypatch.setenv("DRILLBIT_CACHE", "1")
    monkeypatch.setattr(cachefile, "RACY_SECONDS", 0.0)  # the files were just copied
    root = tui_bank_copy(tmp_path)
    path, line, col = _with_hidden_space(root)
    first = lint([root], run_drills=False)[1]
    reads = _counting_reads(monkeypatch)
    second = lint([root], run_drills=False)[1]
    told = [(path, line, col, "invisible-char")]
    assert [(p.path, p.line, p.col, p.code) for p in first] == told
    assert [(p.path, p.line, p.col, p.code) for p in second] == told
    assert reads[path] == 1
    assert sum(reads[p] for p in root.rglob("*.md") if p != path) == 0
