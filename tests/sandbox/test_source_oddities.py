"""Source Python's compiler refuses without naming a line: the verdict names it.

A NUL character gave "SyntaxError: source code string cannot contain null bytes (line
None)"; an expression of thousands of parts made `compile` raise RecursionError or a
MemoryError with no message at all ("your code could not be compiled: ")."""

from __future__ import annotations

import pytest

from engine.sandbox import WorkerPool
from engine.verdict import Status
from quiz.drill_source import SOURCE_LIMIT
from tests.sandbox.helpers import run_adversarial, shown

DOUBLE_IT = "def double(x):\n    return 2 * x\n"


def test_a_null_byte_names_its_line(pool: WorkerPool) -> None:
    verdict = run_adversarial(pool, f"{DOUBLE_IT}\nname = 'a\0b'\n", Status.ERROR)
    assert "cannot contain null bytes (line 4)" in shown(verdict)


@pytest.mark.parametrize(
    ("expression", "kind"),
    [("1" + " + 1" * 15_000, "RecursionError"), ("-" * 60_000 + "1", "MemoryError")],
)
def test_an_expression_too_deep_to_compile_names_its_line(
    pool: WorkerPool, expression: str, kind: str
) -> None:
    source = f"{DOUBLE_IT}\ntotal = {expression}\n"
    assert len(source) <= SOURCE_LIMIT  # what the app and `drillbit grade` let through
    message = shown(run_adversarial(pool, source, Status.ERROR))
    assert f"{kind}: your code is nested too deeply for Python's compiler" in message
    assert f"the longest line is line 4 ({len(expression) + 8} characters)" in message


def test_a_lone_surrogate_names_its_line_and_column(pool: WorkerPool) -> None:
    """Half of a UTF-16 pair (a browser's paste can bring one): the verdict named only its
    offset in the whole text ("position 42")."""
    verdict = run_adversarial(pool, f"{DOUBLE_IT}\nname = 'a\ud83db'\n", Status.ERROR)
    assert "a lone surrogate U+D83D (line 4, column 10)" in shown(verdict)
