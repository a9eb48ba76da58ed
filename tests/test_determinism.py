"""Patterns that made tests pass or fail by chance, kept out of the suite by a scan.

A number looked for alone in text that also holds a port, a pid or a temp path matches by
chance: a browser test counted console lines with "404" in them and a CI run served on port
44045 (a WebGL warning named the page's URL); a command-line test found "12" in a listing
whose path held `pytest-5312`. The served and printed texts of tests/web and tests/cli hold
such numbers, so a test there looks for the number with its words ("status of 404",
"mock_questions = 12") or parses it, never a bare number."""

from __future__ import annotations

import ast

import pytest

from tests.conftest import TESTS

SCANNED = ("web", "cli")
"""The folders (under tests/) whose texts hold ports, pids and temp paths: the served page's
console and the server's log, a command's output naming its files."""


def bare_numbers_looked_for(source: str) -> list[tuple[int, str]]:
    """(line, literal) of each `"<digits>" in ...` or `not in` (str or bytes, two digits or
    more) in `source`: a number looked for alone in some text."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Compare):
            continue
        if not any(isinstance(op, ast.In | ast.NotIn) for op in node.ops):
            continue
        needle = node.left
        if isinstance(needle, ast.Constant) and isinstance(needle.value, str | bytes):
            text = needle.value if isinstance(needle.value, str) else needle.value.decode("latin-1")
            if len(text) >= 2 and text.isdigit():
                found.append((node.lineno, repr(needle.value)))
    return sorted(found)


def test_the_scan_finds_a_bare_number_and_passes_one_with_its_words() -> None:
    source = (
        'missing = [m for m in messages if "404" in m]\n'
        'assert b"12" not in out\n'
        'kept = [m for m in messages if "status of 404" in m]\n'
        'assert " 403 " in status_line and "7" in row\n'
    )
    assert bare_numbers_looked_for(source) == [(1, "'404'"), (2, "b'12'")]


@pytest.mark.parametrize("folder", SCANNED)
def test_no_bare_number_is_looked_for_in_served_or_printed_text(folder: str) -> None:
    found = [
        f"{path.relative_to(TESTS.parent)}:{line}: {literal} in ..."
        for path in sorted((TESTS / folder).rglob("*.py"))
        for line, literal in bare_numbers_looked_for(path.read_text(encoding="utf-8"))
    ]
    assert found == [], "look for the number with its words, or parse it:\n" + "\n".join(found)
