"""Small edits of a bank copy in the tests, what lint then says of it, and a load refused
where the remembered card index must answer."""

from __future__ import annotations

import shutil
from pathlib import Path
from unittest import mock

import pytest

from quiz.bank import loader
from quiz.bank.index import BankIndex, bank_index
from quiz.bank.lint import lint
from tests.conftest import DATA


def edit(path: Path, old: str, new: str, count: int = -1) -> None:
    """Replace `old` by `new` in the file (the first `count` times, all by default); `old`
    must be there, so a test never passes on an edit that did nothing."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} is not in {path}"
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def line_of(path: Path, written: str) -> int:
    """The 1-based number of the line of `path` that is `written` (the test's own edit), so
    an expected place is found in the file, never copied from lint's output."""
    return path.read_text(encoding="utf-8").splitlines().index(written) + 1


def told(root: Path) -> list[tuple[str, int, str, str]]:
    """Lint's problems for the bank at `root` (drills not run): file name, line, code, words."""
    _, problems = lint([root], run_drills=False)
    return [(p.path.name, p.line, p.code, p.message) for p in problems]


def told_in_full(root: Path) -> list[tuple[Path, int, int, str, str, bool]]:
    """Lint's problems for the bank at `root` (drills not run), each whole: path, line,
    column, code, words and whether it is an error."""
    _, problems = lint([root], run_drills=False)
    return [(p.path, p.line, p.col, p.code, p.message, p.is_error) for p in problems]


def tui_bank_copy(tmp_path: Path) -> Path:
    """A copy of the TUI's small test bank under `tmp_path`, free to break."""
    root = tmp_path / "content"
    shutil.copytree(DATA / "tui_bank", root)
    return root


def refuse_full_loads(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make a bank load fail the test, whole or of the files changed since their facts were
    remembered (`loader.load_parts`): the remembered index must answer instead."""

    def refuse(*_: object, **__: object) -> loader.Bank:
        raise AssertionError("the remembered index should have answered")

    monkeypatch.setattr(loader, "load_bank", refuse)
    monkeypatch.setattr(loader, "load_parts", refuse)


def index_loaded(roots: list[Path]) -> tuple[BankIndex, bool]:
    """`bank_index(roots)`'s index, and whether it loaded (the whole bank, or the files
    changed since their facts were remembered) rather than read the remembered index."""
    with (
        mock.patch.object(loader, "load_bank", wraps=loader.load_bank) as whole,
        mock.patch.object(loader, "load_parts", wraps=loader.load_parts) as parts,
    ):
        found = bank_index(roots)[0]
    return found, whole.called or parts.called
