"""Patterns that made tests pass or fail by chance, kept out of the suite by a scan.

A number looked for alone in text that also holds a port, a pid or a temp path matches by
chance: a browser test counted console lines with "404" in them and a CI run served on port
44045 (a WebGL warning named the page's URL); a command-line test found "12" in a listing
whose path held `pytest-5312`. The served and printed texts of tests/web and tests/cli hold
such numbers, so a test there looks for the number with its words ("status of 404",
"mock_questions = 12") or parses it, never a bare number.

A loop bound by the wall clock alone that never sleeps spins for its whole time: in a graded
attack that is CPU the sandbox's limit counts, so the verdict depends on the machine's speed;
no test's code or attack string holds one."""

from __future__ import annotations

import ast
import re
from pathlib import Path

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


CLOCK_LOOP = re.compile(r"^(\s*)while\s+time\.(?:monotonic|perf_counter|time)\(\)\s*<\s*[\w.]+\s*:")
"""A loop whose only condition is the wall clock: `while time.monotonic() < end:`."""

WAITS = ("sleep(", ".wait(")


def clock_loops_that_spin(text: str) -> list[str]:
    """Each loop of `text` bound by the wall clock alone whose body never sleeps or waits: it
    spins for its whole time. In a graded attack that time is CPU the limit counts (the
    audit-hook attack's watcher spun 0.5 s in each of four cases, used the 2 s CPU limit and
    came back TIMEOUT instead of FAILED); in a test's own wait it starves the code it waits
    for."""
    lines = text.splitlines()
    found = []
    for number, line in enumerate(lines):
        loop = CLOCK_LOOP.match(line)
        if loop is None:
            continue
        depth = len(loop.group(1))
        body = []
        for later in lines[number + 1 :]:
            if later.strip() and len(later) - len(later.lstrip()) <= depth:
                break
            body.append(later)
        if not any(wait in part for part in body for wait in WAITS):
            found.append(line.strip())
    return found


def texts_of(source: str) -> list[str]:
    """The module's text and each string in it (an attack's source is a string)."""
    strings = [
        node.value
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.Constant) and isinstance(node.value, str)
    ]
    return [source, *strings]


def test_the_scan_finds_a_clock_loop_that_spins_and_passes_one_that_sleeps() -> None:
    spins = (
        'ATTACK = """import time\n\ndef watch():\n    end = time.monotonic() + 0.5\n'
        '    while time.monotonic() < end:\n        seen.append(1)\n\nwatch()\n"""\n'
    )
    assert [found for text in texts_of(spins) for found in clock_loops_that_spin(text)] == [
        "while time.monotonic() < end:",
        "while time.monotonic() < end:",
    ]
    sleeps = "while time.monotonic() < end:\n    if done():\n        break\n    time.sleep(0.002)\n"
    escaped = 'ATTACK = "def f():\\n    while time.perf_counter() < end:\\n        pass\\n"\n'
    other = "while time.monotonic() < end and not done():\n    pass\n"
    assert clock_loops_that_spin(sleeps) == [] and clock_loops_that_spin(other) == []
    assert clock_loops_that_spin(texts_of(escaped)[1]) == ["while time.perf_counter() < end:"]


def test_no_loop_bound_by_the_wall_clock_alone_spins() -> None:
    found = [  # an attack's loop is in its module's text and in its string: said once
        f"{path.relative_to(TESTS.parent)}: {loop}"
        for path in sorted(TESTS.rglob("*.py"))
        if path != Path(__file__)  # its examples
        for text in texts_of(path.read_text(encoding="utf-8"))
        for loop in clock_loops_that_spin(text)
    ]
    assert found == [], "sleep in the loop (a few ms), or end it on what it waits for:\n" + (
        "\n".join(dict.fromkeys(found))
    )
