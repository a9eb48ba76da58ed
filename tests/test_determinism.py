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
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests import environment
from tests.conftest import PROCESS_TIMEOUT_SECONDS, TESTS

SCANNED = ("web", "cli")
"""The folders (under tests/) whose texts hold ports, pids and temp paths: the served page's
console and the server's log, a command's output naming its files."""


def bare_numbers_looked_for(source: str) -> list[tuple[int, str]]:
    """(line, needle) of each `"<digits>" in ...` or `not in` (str or bytes, two digits or
    more) in `source`, and of each value formatted alone (`f"{done}" in row`): a number
    looked for alone in some text. A path is looked for as `str(path)`."""
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
        elif isinstance(needle, ast.JoinedStr) and len(needle.values) == 1:
            if isinstance(needle.values[0], ast.FormattedValue):
                found.append((node.lineno, ast.unparse(needle)))
    return sorted(found)


def test_the_scan_finds_a_bare_number_and_passes_one_with_its_words() -> None:
    source = (
        'missing = [m for m in messages if "404" in m]\n'
        'assert b"12" not in out\n'
        'kept = [m for m in messages if "status of 404" in m]\n'
        'assert " 403 " in status_line and "7" in row\n'
        'assert f"{done}" in row and f"{difficulty:.1f}" not in line\n'
        'assert f"{done} of 46" in row and str(path) in out\n'
    )
    assert bare_numbers_looked_for(source) == [
        (1, "'404'"),
        (2, "b'12'"),
        (5, "f'{difficulty:.1f}'"),
        (5, "f'{done}'"),
    ]


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


def spinning_clock_loops_under(folder: Path) -> list[str]:
    """`path: loop` for each spinning loop in the texts of folder's modules (this file's
    examples left out); an attack's loop is in its module's text and in its string: said
    once."""
    found = [
        f"{path.relative_to(folder.parent)}: {loop}"
        for path in sorted(folder.rglob("*.py"))
        if path != Path(__file__)
        for text in texts_of(path.read_text(encoding="utf-8"))
        for loop in clock_loops_that_spin(text)
    ]
    return list(dict.fromkeys(found))


def test_no_loop_bound_by_the_wall_clock_alone_spins() -> None:
    found = spinning_clock_loops_under(TESTS)
    assert found == [], "sleep in the loop (a few ms), or end it on what it waits for:\n" + (
        "\n".join(found)
    )


def test_the_folder_scan_names_a_planted_spinning_loop(tmp_path: Path) -> None:
    (tmp_path / "tests" / "deep").mkdir(parents=True)
    planted = 'ATTACK = "while time.time() < end:\\n    pass\\n"\n'
    (tmp_path / "tests" / "deep" / "test_planted.py").write_text(planted, encoding="utf-8")
    (tmp_path / "tests" / "test_fine.py").write_text("x = 1\n", encoding="utf-8")
    assert spinning_clock_loops_under(tmp_path / "tests") == [
        "tests/deep/test_planted.py: while time.time() < end:"
    ]


def _is_environ(node: ast.expr) -> bool:
    """`os.environ`, `environ` or a function's `environment` mapping."""
    if isinstance(node, ast.Attribute):
        return node.attr == "environ"
    return isinstance(node, ast.Name) and node.id in {"environ", "environment"}


def variables_read(source: str) -> set[str]:
    """The environment variables `source` reads by name: `os.environ.get("X")`, `.pop`,
    `os.getenv("X")`, `os.environ["X"]`, `"X" in os.environ`, the name given as a string or
    as a module constant holding one (`CACHE_ENV = "DRILLBIT_CACHE"`). One walk gathers
    the constants and the names read; a name is looked up once all constants are in."""
    constants: dict[str, str] = {}
    named: list[ast.expr] = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Assign):
            if isinstance(node.value, ast.Constant) and isinstance(node.value.value, str):
                for target in node.targets:
                    if isinstance(target, ast.Name):
                        constants[target.id] = node.value.value
        elif isinstance(node, ast.Call) and node.args:
            call = node.func
            if isinstance(call, ast.Attribute):
                getenv = call.attr == "getenv"
                environ_get = call.attr in {"get", "pop"} and _is_environ(call.value)
            else:
                getenv, environ_get = isinstance(call, ast.Name) and call.id == "getenv", False
            if getenv or environ_get:
                named.append(node.args[0])
        elif isinstance(node, ast.Subscript) and _is_environ(node.value):
            named.append(node.slice)
        elif isinstance(node, ast.Compare) and _is_environ(node.comparators[-1]):
            if isinstance(node.ops[-1], ast.In | ast.NotIn):
                named.append(node.left)
    found = set()
    for name in named:
        if isinstance(name, ast.Constant) and isinstance(name.value, str):
            found.add(name.value)
        elif isinstance(name, ast.Name) and name.id in constants:
            found.add(constants[name.id])
    return found


def test_the_scan_finds_each_way_of_reading_a_variable() -> None:
    source = (
        'a = os.environ.get("TZ")\n'
        "b = os.environ.get(CACHE_ENV, '')\n"
        'c = os.getenv("VISUAL")\n'
        'd = os.environ["EDITOR"]\n'
        'e = "NO_COLOR" in os.environ\n'
        'f = environment.pop("TEXTUAL_DRIVER", None)\n'
        'g = settings.get("COLUMNS")\n'
        'h = "LINES" in names\n'
        'CACHE_ENV = "DRILLBIT_CACHE"  # set below its use: still found\n'
    )
    assert variables_read(source) == {
        "TZ",
        "DRILLBIT_CACHE",
        "VISUAL",
        "EDITOR",
        "NO_COLOR",
        "TEXTUAL_DRIVER",
    }


def variables_read_under(root: Path) -> dict[str, Path]:
    """Each variable read in root's quiz/ and engine/ modules, with (the last) file that
    reads it."""
    return {
        name: path.relative_to(root)
        for folder in ("quiz", "engine")
        for path in sorted((root / folder).rglob("*.py"))
        for name in sorted(variables_read(path.read_text(encoding="utf-8")))
    }


def loose_variables(read: dict[str, Path]) -> list[str]:
    """The variables read that tests/environment.py neither clears nor keeps on purpose."""
    return [
        f"{name} (read in {path})"
        for name, path in sorted(read.items())
        if not environment.cleared([name]) and name not in environment.KEPT
    ]


def test_every_variable_drillbit_reads_is_cleared_for_the_tests_or_kept_on_purpose() -> None:
    """A variable the app reads and the tests inherit from the shell makes a test pass in CI
    and fail in a shell that sets it (`tests/environment.py` says which did)."""
    read = variables_read_under(TESTS.parent)
    assert {"TZ", "DRILLBIT_SANDBOX_BWRAP", "DRILLBIT_CACHE", "VISUAL"} <= set(read), read
    loose = loose_variables(read)
    assert loose == [], "clear it in tests/environment.py, or keep it there with why:\n" + (
        "\n".join(loose)
    )


def test_the_folder_scan_names_a_planted_variable_nobody_cleared(tmp_path: Path) -> None:
    (tmp_path / "engine" / "deep").mkdir(parents=True)
    (tmp_path / "quiz").mkdir()
    planted = 'import os\nKNOB = "PLANTED_KNOB"\nvalue = os.environ.get(KNOB)\n'
    (tmp_path / "engine" / "deep" / "planted.py").write_text(planted, encoding="utf-8")
    (tmp_path / "quiz" / "fine.py").write_text('zone = os.getenv("TZ")\n', encoding="utf-8")
    read = variables_read_under(tmp_path)
    assert read == {"PLANTED_KNOB": Path("engine/deep/planted.py"), "TZ": Path("quiz/fine.py")}
    assert loose_variables(read) == ["PLANTED_KNOB (read in engine/deep/planted.py)"]


def test_the_plugin_clears_its_variables_and_nothing_else() -> None:
    names = ["TZ", "DRILLBIT_SANDBOX_BWRAP", "TEXTUAL_ANIMATIONS", "PATH", "LANG", "TZDIR"]
    names.append("TEXTUAL_SNAPSHOT_TEMPDIR")  # the snapshot plugin's, set at the session's start
    assert environment.cleared(names) == ["DRILLBIT_SANDBOX_BWRAP", "TEXTUAL_ANIMATIONS", "TZ"]


PROBE = """
import os

import textual.constants


def test_the_shell_s_variables_are_gone():
    assert sorted(name for name in SET if name in os.environ) == []
    assert textual.constants.DEFAULT_THEME == "textual-dark"
    assert textual.constants.TEXTUAL_ANIMATIONS == "full"
    assert os.environ["KEPT_AS_IT_WAS"] == "1"
"""


@pytest.mark.slow  # a pytest process of its own
def test_a_shells_variables_do_not_reach_a_test_nor_textuals_switches(tmp_path: Path) -> None:
    """Run with the suite's own configuration (its addopts load the plugin) in a shell that
    sets what a developer's might: none reaches the test, and Textual imported its switches
    without them."""
    shell = {
        "TZ": "Pacific/Kiritimati",
        "VISUAL": "nano",
        "NO_COLOR": "1",
        "COLUMNS": "37",
        "DRILLBIT_SANDBOX_BWRAP": "0",
        "DRILLBIT_CACHE": "0",
        "TEXTUAL_THEME": "nord",
        "TEXTUAL_ANIMATIONS": "none",
    }
    probe = tmp_path / "test_probe.py"
    probe.write_text(f"SET = {sorted(shell)!r}\n{PROBE}", encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-c", str(TESTS.parent / "pyproject.toml")]
        + ["--rootdir", str(tmp_path), "-p", "no:xdist", "-p", "no:cacheprovider", "-q"]
        + [str(probe)],
        cwd=TESTS.parent,
        capture_output=True,
        text=True,
        timeout=PROCESS_TIMEOUT_SECONDS,
        env={**os.environ, **shell, "KEPT_AS_IT_WAS": "1", "PYTEST_ADDOPTS": ""},
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "1 passed" in done.stdout, done.stdout


def _mentions(node: ast.AST, names: set[str]) -> bool:
    return any(isinstance(part, ast.Name) and part.id in names for part in ast.walk(node))


def short_clocks_handed_to_run_adversarial(source: str) -> list[int]:
    """The lines where `run_adversarial` is handed DOUBLE as its checker: directly, or
    through a name set from an expression that holds DOUBLE in the same function or at the
    module's top."""
    module = ast.parse(source)

    def holding(statements: list[ast.stmt]) -> set[str]:
        return {
            target.id
            for node in statements
            if isinstance(node, ast.Assign) and _mentions(node.value, {"DOUBLE"})
            for target in node.targets
            if isinstance(target, ast.Name)
        }

    at_top = {"DOUBLE"} | holding(module.body)
    found = set()
    for function in ast.walk(module):
        if not isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef):
            continue
        names = at_top | holding(
            [node for node in ast.walk(function) if isinstance(node, ast.stmt)]
        )
        for node in ast.walk(function):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "run_adversarial":
                if any(kw.arg == "checker" and _mentions(kw.value, names) for kw in node.keywords):
                    found.add(node.lineno)
    return sorted(found)


def test_the_scan_finds_double_handed_to_run_adversarial() -> None:
    source = (
        "def test_a(pool, name):\n"
        "    checker = PATIENT if name in HEAVY else DOUBLE\n"
        "    run_adversarial(pool, SOURCE, Status.ERROR, checker=checker)\n"
        "def test_b(pool):\n"
        "    run_adversarial(pool, SOURCE, Status.PASSED, checker=DOUBLE)\n"
        "def test_c(pool, checker):\n"
        "    run_adversarial(pool, SOURCE, Status.TIMEOUT, checker=CpuBoundDoubleChecker())\n"
        "    run_adversarial(pool, SOURCE, Status.ERROR, checker=checker)\n"
        "    grade(DOUBLE, SOURCE, pool=pool)\n"
    )
    assert short_clocks_handed_to_run_adversarial(source) == [3, 5]


def test_run_adversarial_picks_the_wall_clock_itself() -> None:
    """`run_adversarial` grades an expected TIMEOUT with DOUBLE's 1 s and every other ending
    with the patient 60 s clock. A test that handed it DOUBLE for a refusal or a pass made the
    verdict hang on the machine's load: test_adversarial's masked array (an import of
    numpy.ma in the call) used 38% of the 1 s at a load average of 13-18, 52% at 27."""
    found = [
        f"{path.relative_to(TESTS.parent)}:{line}"
        for path in sorted((TESTS / "sandbox").rglob("*.py"))
        for line in short_clocks_handed_to_run_adversarial(path.read_text(encoding="utf-8"))
    ]
    assert found == [], "leave the checker to run_adversarial (or name a patient one):\n" + (
        "\n".join(found)
    )
