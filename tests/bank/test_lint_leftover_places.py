"""Lint's leftovers of the forty-third round: each problem at the place an author fixes.

A checker that hangs while lint grades the starter was told as the starter's timeout at
the starter's first line; a `.md` file of NUL bytes (valid UTF-8) got a front-matter error,
not the binary file's fix; an escaped `\\$` in a title, which shows its backslash, was not
told; and an invisible character after a bare carriage return was placed a line or more
above where the loader (and an editor) count it.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from quiz.bank.lint import lint
from tests.bank.test_lint_pack_checkers import DOUBLE, EXAMPLE
from tests.conftest import DATA, RunDrillbit

JUDGE_HANGS = """

import time as _judge_time


class _HangsJudging(DoubleChecker):
    name = "example.judge_hangs"

    def judge(self, case, outcome):
        if outcome.error is not None:  # the starter's NotImplementedError, not the reference
            _judge_time.sleep(3600)
        return super().judge(case, outcome)


judge_hangs = _HangsJudging
"""


def test_a_checker_that_hangs_while_grading_the_starter_is_the_checker_s(
    tmp_path: Path, drillbit_process: RunDrillbit
) -> None:
    """The step is the starter's (lint was grading it), but the watchdog's innermost frame
    is in the checker's `judge`: the checker's file and line are named at the card's
    `checker` line, never the starter's first line (whose code is sound)."""
    copy = tmp_path / "example_pack"
    shutil.copytree(EXAMPLE, copy)
    module = copy / "drillbit_example_pack" / "checkers.py"
    module.write_text(module.read_text(encoding="utf-8") + JUDGE_HANGS, encoding="utf-8")
    pack = copy / "drillbit_example_pack" / "content" / "example"
    card = pack / "arithmetic" / "example-judge-hangs.md"
    text = (pack / "arithmetic" / f"{DOUBLE}.md").read_text(encoding="utf-8")
    card.write_text(
        text.replace(f"id: {DOUBLE}\n", "id: example-judge-hangs\n").replace(
            "checker: example.double\n", "checker: example.judge_hangs\n"
        ),
        encoding="utf-8",
    )
    result = drillbit_process(
        "lint", "--drill-timeout", "3", str(pack), env={"PYTHONPATH": str(copy)}
    )
    assert result.returncode == 1, result.stderr
    line = next(
        n
        for n, text in enumerate(module.read_text(encoding="utf-8").splitlines(), 1)
        if "_judge_time.sleep(3600)" in text
    )
    assert result.stdout == (
        f"{card}:10:1: checker 'example.judge_hangs' did not finish within 3 s while lint "
        f"was grading the starter: lint stopped it at {module}:{line}; make the checker "
        "finish, or give lint more time with --drill-timeout [checker-timeout]\n"
    ), result.stdout


def _pack(tmp_path: Path) -> Path:
    root = tmp_path / "content"
    shutil.copytree(DATA / "tui_bank", root)
    return root


def test_a_md_file_of_nul_bytes_is_told_as_binary(tmp_path: Path) -> None:
    """NUL bytes decode as UTF-8, so the file was read as a card with no front matter:
    the fix said was a front matter's, not removing or renaming the file."""
    root = _pack(tmp_path)
    path = root / "mini" / "basics" / "zeros.md"
    path.write_bytes(b"\x00" * 4096)
    _, problems = lint([root], run_drills=False)
    assert [(p.path, p.line, p.col, p.code, p.message) for p in problems] == [
        (
            path,
            1,
            1,
            "unreadable",
            "card file: not UTF-8 text but a binary file (it holds NUL bytes); a .md file "
            "here is read as a card: remove it, or, if it belongs in the pack, rename it so "
            "its name does not end in .md",
        )
    ]


def test_an_escaped_dollar_in_a_title_is_a_warning_at_its_line(tmp_path: Path) -> None:
    """A title is shown as written: `\\$` shows its backslash in lists and headings; a
    `$` before a digit is shown as written there, so the fix is the sign alone."""
    root = _pack(tmp_path)
    path = root / "mini" / "basics" / "what-is-relu.md"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace("title: What ReLU computes", "title: ReLU at \\$5 a call"), encoding="utf-8"
    )
    _, problems = lint([root], run_drills=False)
    assert [(p.path, p.line, p.col, p.code, p.severity, p.message) for p in problems] == [
        (
            path,
            4,
            1,
            "title-escape",
            "warning",
            "title: '\\$' (column 9 of the title) shows its backslash: a title is shown as "
            "written (lists, headings, the Anki export), never rendered: write the sign "
            "alone ($5)",
        )
    ]
    path.write_text(
        text.replace("title: What ReLU computes", "title: ReLU at $5 a call"),
        encoding="utf-8",
    )
    assert lint([root], run_drills=False)[1] == []


def test_an_invisible_character_after_bare_carriage_returns_is_placed_as_loaded(
    tmp_path: Path,
) -> None:
    """The loader counts a bare CR as a line end (Markdown does): the warning counted line
    feeds only, so it named the line above and a column far along it."""
    root = _pack(tmp_path)
    path = root / "mini" / "basics" / "what-is-relu.md"
    text = path.read_text(encoding="utf-8")
    answer = "$\\text{ReLU}(z) = \\max(0, z)$"
    assert answer in text
    shown = "Cheap\rto\rcomp\u200bute: " + answer  # three lines to the loader and an editor
    path.write_bytes(text.replace(answer, shown).encode("utf-8"))
    answer_line = text.splitlines().index(next(x for x in text.splitlines() if answer in x)) + 1
    _, problems = lint([root], run_drills=False)
    assert [(p.line, p.col, p.code) for p in problems] == [
        (answer_line + 2, 5, "invisible-char")
    ], problems


def test_a_bare_carriage_return_in_a_section_keeps_the_sections_whole(tmp_path: Path) -> None:
    """Headings are found by the Markdown parser, which ends a line at a lone CR, but the
    body was cut into rows at line feeds only: each CR moved the cut, and the Answer after
    a Question holding two of them was read as empty (its first lines lost)."""
    root = _pack(tmp_path)
    path = root / "mini" / "basics" / "what-is-relu.md"
    text = path.read_text(encoding="utf-8")
    question = "What does ReLU compute, and what is its derivative?"
    shown = "What does ReLU compute?\rAnd\rwhat is its derivative?"
    path.write_bytes(text.replace(question, shown).encode("utf-8"))
    bank, problems = lint([root], run_drills=False)
    assert problems == []
    card = next(c for c in bank.cards if c.id == "what-is-relu")
    assert card.sections["Question"].text.split() == shown.split()
    assert card.sections["Answer"].text.strip().startswith("$\\text{ReLU}(z) = \\max(0, z)$")
