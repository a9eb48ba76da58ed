"""A card or pack.yaml saved as Latin-1 is told at `file:line:col`, the column where an
editor and a GitHub annotation read it: it was `file:line:1`, the column only in the words
("byte 0xE9 at column 79"), so a jump to the problem landed at the start of the line."""

from __future__ import annotations

from pathlib import Path

import pytest

from quiz.bank.lint import lint
from tests.cli.git_repo import git
from tests.conftest import RunDrillbit

RELU = Path("mini", "basics", "what-is-relu.md")
PACK = Path("mini", "pack.yaml")


def _latin1(path: Path, old: str, new: str) -> None:
    """`path` with `old` replaced by `new`, the whole file saved as Latin-1."""
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_bytes(text.replace(old, new).encode("latin-1"))


# (file, text replaced, its Latin-1 replacement, line, column of the first non-UTF-8 byte)
CASES = {
    "card-answer": (RELU, "with derivative", "with dérivative", 22, 38),
    "card-title": (RELU, "What ReLU computes", "What ReLU calcule à", 4, 26),
    "pack-description": (PACK, "A tiny valid", "A tiny valid café", 2, 30),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_the_bad_byte_has_its_column(mini_bank: Path, case: str) -> None:
    name, old, new, line, col = CASES[case]
    path = mini_bank / name
    _latin1(path, old, new)
    text = path.read_bytes().decode("latin-1").splitlines()[line - 1]
    assert text[col - 1] in "éà", text  # the column counts characters, 1-based
    _, problems = lint([mini_bank], run_drills=False)
    mine = [(p.line, p.col, p.code) for p in problems if p.path == path]
    assert mine == [(line, col, "unreadable")], problems


def test_a_byte_order_mark_takes_no_column(mini_bank: Path) -> None:
    """The bank reads past a BOM, and an editor shows none: line 1's columns leave it out."""
    path = mini_bank / RELU
    path.write_bytes(b"\xef\xbb\xbf" + b"---\xe9\n" + path.read_bytes().split(b"\n", 1)[1])
    _, problems = lint([mini_bank], run_drills=False)
    assert [(p.line, p.col) for p in problems if p.path == path] == [(1, 4)]


def test_plain_and_github_formats_give_the_column(
    mini_bank: Path, drillbit: RunDrillbit, tmp_path: Path
) -> None:
    _latin1(mini_bank / RELU, "with derivative", "with dérivative")
    plain = drillbit("lint", "--no-drills", "content", cwd=tmp_path)
    assert plain.returncode == 1, plain.stderr
    assert plain.stdout.splitlines() == [
        "content/mini/basics/what-is-relu.md:22:38: card file: not UTF-8 text (byte 0xE9 at "
        "column 38: invalid continuation byte); save it as UTF-8 [unreadable]"
    ]
    github = drillbit("lint", "--no-drills", "--format", "github", "content", cwd=tmp_path)
    assert github.stdout.startswith(
        "::error file=content/mini/basics/what-is-relu.md,line=22,col=38,"
    ), github.stdout


def test_the_pre_commit_hook_s_entry_gives_the_column(
    mini_bank: Path, drillbit: RunDrillbit, tmp_path: Path
) -> None:
    """The hook runs `drillbit lint --git-deleted` on the changed files of a repository."""
    git(tmp_path, "init", "-q")
    git(tmp_path, "add", "content")
    git(tmp_path, "commit", "-q", "-m", "bank")
    _latin1(mini_bank / RELU, "with derivative", "with dérivative")
    git(tmp_path, "add", "content")
    hook = drillbit(
        "lint", "--git-deleted", "--no-drills", str(Path("content") / RELU), cwd=tmp_path
    )
    assert hook.returncode == 1, hook.stderr
    assert hook.stdout.startswith("content/mini/basics/what-is-relu.md:22:38: card file: ")
