"""The reference engine's docstrings and the content solutions say which convention they
mean, not "the seed's", a question list the reader never saw (the same lint as cards)."""

from __future__ import annotations

from pathlib import Path

import pytest

from quiz.bank.wording import author_note_problems

ROOT = Path(__file__).resolve().parents[2]
FILES = sorted(
    [*(ROOT / "engine").rglob("*.py"), *(ROOT / "tests" / "data" / "solutions").glob("*.py")]
)


def test_the_files_are_found() -> None:
    assert any(p.name == "optim.py" and p.parent.name == "nn" for p in FILES)
    assert any(p.name == "momentum-step.py" for p in FILES)


@pytest.mark.parametrize("path", FILES, ids=[str(p.relative_to(ROOT)) for p in FILES])
def test_no_author_notes_in_engine_docstrings(path: Path) -> None:
    problems = author_note_problems(path.read_text(encoding="utf-8"))
    assert not problems, [f"{path.name}:{p.line}: {p.message}" for p in problems]


def test_the_momentum_reference_names_the_sum_convention() -> None:
    text = (ROOT / "engine" / "nn" / "optim.py").read_text(encoding="utf-8")
    assert "The sum convention, as PyTorch's SGD: v = beta * v + grad" in text
