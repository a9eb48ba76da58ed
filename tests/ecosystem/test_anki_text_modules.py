"""The Anki text reader's modules stay one job each: short, and shared by public names.

`ankitext.py` grew to 803 lines holding eight jobs (the header, fields to Markdown,
clozes, tags, note types, extra fields, a first row of column names, quotes gone wrong);
split, a caller reaching for a private name or a name re-exported from another module
would tie them back together.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from quiz.ecosystem.ankicloze import deletions, one_line_deletions
from quiz.ecosystem.ankifields import plain_text

ROOT = Path(__file__).resolve().parents[2]
ECOSYSTEM = ROOT / "quiz" / "ecosystem"
ANKI_TEXT_MODULES = [
    "ankicloze",
    "ankicolumns",
    "ankiextras",
    "ankifields",
    "ankiheader",
    "ankinotetypes",
    "ankiquotes",
    "ankitags",
    "ankitext",
]


def _defined(module: str) -> set[str]:
    """The names a module defines at its top level (not those it imports)."""
    tree = ast.parse((ECOSYSTEM / f"{module}.py").read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in tree.body:
        if isinstance(node, ast.FunctionDef | ast.ClassDef):
            names.add(node.name)
        elif isinstance(node, ast.Assign):
            names.update(t.id for t in node.targets if isinstance(t, ast.Name))
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            names.add(node.target.id)
    return names


@pytest.mark.parametrize("module", ANKI_TEXT_MODULES)
def test_each_anki_text_module_stays_short(module: str) -> None:
    lines = len((ECOSYSTEM / f"{module}.py").read_text(encoding="utf-8").splitlines())
    assert lines < 400, f"quiz/ecosystem/{module}.py has {lines} lines: split it by job"


def test_callers_import_public_names_from_the_module_that_defines_them() -> None:
    defined = {module: _defined(module) for module in ANKI_TEXT_MODULES}
    wrong: list[str] = []
    for path in sorted([*(ROOT / "quiz").rglob("*.py"), *(ROOT / "tests").rglob("*.py")]):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.ImportFrom) or node.module is None:
                continue
            module = node.module.removeprefix("quiz.ecosystem.")
            if module not in defined:
                continue
            for alias in node.names:
                if alias.name.startswith("_") or alias.name not in defined[module]:
                    wrong.append(f"{path.relative_to(ROOT)}:{node.lineno} {alias.name}")
    assert not wrong, "private or re-exported names imported: " + ", ".join(wrong)


def test_deletions_are_the_innermost_in_order() -> None:
    front = "A {{c1::transformer uses {{c2::self-attention}} }} and {{c3::heads::many}}."
    assert deletions(front) == [("2", "self-attention"), ("3", "heads")]
    assert deletions("no cloze, an {{c1::unclosed one") == []


def test_one_line_deletions_join_only_the_deletions_lines() -> None:
    front = "Adam keeps {{c1::a running mean\n  of the gradient}}.\nWhy?"
    assert one_line_deletions(front) == "Adam keeps {{c1::a running mean of the gradient}}.\nWhy?"


def test_plain_text_drops_tags_and_reads_entities() -> None:
    assert plain_text(" <i>Kingma &amp; Ba</i>, 2015 ") == "Kingma & Ba, 2015"
