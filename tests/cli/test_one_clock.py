"""The commands and the app read the time from one injected clock (`quiz.clock`), never from
the wall clock themselves: a test can then fix it, and one command line counts one day."""

from __future__ import annotations

import ast
from pathlib import Path

from tests.conftest import REPO

WALL_CLOCK_READS = {
    ("datetime", "now"),
    ("datetime", "utcnow"),
    ("datetime", "today"),
    ("date", "today"),
    ("time", "time"),
    ("time", "time_ns"),
    ("time", "localtime"),
    ("time", "strftime"),
}
"""`module_or_class.function` calls that read the wall clock (`time.monotonic` measures a
wait, not the date: it is allowed)."""


def wall_clock_reads(path: Path) -> list[str]:
    """Each wall-clock read in the Python file at `path`, as "file:line name"."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and isinstance(node.func.value, ast.Name)
            and (node.func.value.id, node.func.attr) in WALL_CLOCK_READS
        ):
            found.append(f"{path}:{node.lineno} {node.func.value.id}.{node.func.attr}")
    return found


def test_no_command_and_no_screen_reads_the_wall_clock_itself() -> None:
    """Seven command modules read `datetime.now` themselves (cards, drills, ecosystem,
    grading, plan, stats, study): their tests waited out midnight instead of fixing the
    time. They take `Context.now` (`quiz.cli.main(clock=...)`), the screens `Workspace.now`."""
    files = sorted([*(REPO / "quiz" / "cli").rglob("*.py"), *(REPO / "quiz" / "tui").rglob("*.py")])
    assert len(files) > 20, "the command and screen modules were found"
    assert [read for path in files for read in wall_clock_reads(path)] == []


def test_the_check_finds_a_wall_clock_read(tmp_path: Path) -> None:
    """The check above sees the reads it looks for (and not a monotonic timer)."""
    code = "import time\nfrom datetime import datetime\nx = datetime.now()\ny = time.monotonic()\n"
    written = tmp_path / "example.py"
    written.write_text(code, encoding="utf-8")
    found = wall_clock_reads(written)
    assert found == [f"{written}:3 datetime.now"]
