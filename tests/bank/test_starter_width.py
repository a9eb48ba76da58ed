"""A starter line wider than the drill editor shows at 80 columns wraps under the line
numbers, where it reads as two lines of code: lint reports it at its line, and no bundled
starter has one (73 lines of 31 drills wrapped at 80x24)."""

from __future__ import annotations

import shutil
from pathlib import Path

from quiz.bank.lint import STARTER_COLUMNS, lint
from quiz.bank.loader import load_bank
from quiz.bank.sources import bundled_content_dir
from tests.conftest import DATA

NARROW_STARTER = """def sgd_step(theta, grad, lr):
    raise NotImplementedError"""


def _drill_with_starter(tmp_path: Path, starter: str) -> Path:
    """A copy of the TUI test bank whose one drill has `starter` as its starter code."""
    root = tmp_path / "content"
    shutil.copytree(DATA / "tui_bank", root)
    card = root / "mini" / "drills" / "tiny-sgd.md"
    text = card.read_text(encoding="utf-8")
    assert NARROW_STARTER in text
    card.write_text(text.replace(NARROW_STARTER, starter), encoding="utf-8")
    return card


def test_a_starter_line_wider_than_the_editor_is_reported_at_its_line(tmp_path: Path) -> None:
    docstring = '    """' + "x" * (STARTER_COLUMNS - 10) + ' and more."""'
    card = _drill_with_starter(
        tmp_path, f"def sgd_step(theta, grad, lr):\n{docstring}\n    raise NotImplementedError"
    )
    _, problems = lint([card])
    wide = [p for p in problems if p.code == "starter-too-wide"]
    docstring_line = card.read_text(encoding="utf-8").splitlines().index(docstring) + 1
    # at the first column past what the editor shows, where the cut goes
    assert [(p.path, p.line, p.col) for p in wide] == [(card, docstring_line, STARTER_COLUMNS + 1)]
    assert f"{len(docstring)} columns" in wide[0].message
    assert f"keep starter lines to {STARTER_COLUMNS}" in wide[0].message
    assert [p for p in problems if p.code != "starter-too-wide"] == []  # the rest still ran


def test_a_starter_line_as_wide_as_the_editor_is_not_reported(tmp_path: Path) -> None:
    comment = "    # " + "y" * (STARTER_COLUMNS - 6)
    assert len(comment) == STARTER_COLUMNS
    card = _drill_with_starter(tmp_path, NARROW_STARTER + "\n" + comment)
    _, problems = lint([card])
    assert problems == []


def test_no_bundled_starter_is_wider_than_the_editor() -> None:
    bank = load_bank([bundled_content_dir()])
    wide = [
        f"{card.id}: {line}"
        for card in bank.cards
        if card.kind == "coding"
        for line in card.starter.splitlines()
        if len(line) > STARTER_COLUMNS
    ]
    assert wide == []
