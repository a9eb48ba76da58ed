"""One whole-percent wording: the stats screen, the summary, `drillbit stats` and the
plan's readiness each had a `_percent` of their own (tui/screens/stats.py, summary.py,
cli/study.py), which a change to one would have left the others saying differently."""

from __future__ import annotations

import ast
from pathlib import Path

from quiz.percent import whole_percent
from quiz.study.plan_phrases import readiness_percent

QUIZ = Path(__file__).resolve().parent.parent / "quiz"


def test_rounds_to_nearest_and_says_nothing_counted_with_a_dash() -> None:
    assert [whole_percent(v) for v in (0.0, 0.004, 0.006, 0.5, 0.9, 29 / 200, 1.0)] == [
        "0%",
        "0%",
        "1%",
        "50%",
        "90%",
        "14%",
        "100%",
    ]
    assert whole_percent(None) == "–"
    assert whole_percent(None, missing="-") == "-"


def test_readiness_rounds_down_so_a_shortfall_never_reads_as_the_target() -> None:
    assert whole_percent(0.897) == "90%"
    assert readiness_percent(0.897) == "89%" == whole_percent(0.897, down=True)
    assert readiness_percent(0.9) == "90%"  # not 89% from 0.9 * 100 = 90.00000000000001
    assert readiness_percent(0.29) == "29%"  # 0.29 * 100 is 28.999999999999996


def test_no_module_keeps_a_percent_formatter_of_its_own() -> None:
    """A `def _percent` in the app that returns text (the bank's parser has one that reads a percent)."""
    own = [
        str(path.relative_to(QUIZ))
        for path in QUIZ.rglob("*.py")
        for node in ast.walk(ast.parse(path.read_text()))
        if isinstance(node, ast.FunctionDef)
        and node.name == "_percent"
        and node.returns is not None
        and ast.unparse(node.returns) == "str"
    ]
    assert own == []
