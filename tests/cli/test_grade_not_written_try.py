"""`drillbit grade` counts tries as the app does: code begun (an import, a comment) whose
every case still stops at the starter's NotImplementedError is no try; a wrong answer is."""

from __future__ import annotations

import json
from pathlib import Path

from quiz.bank.loader import load_bank
from quiz.drill_grading import NOT_WRITTEN_NOT_COUNTED, starter_text
from tests.conftest import REPO, RunDrillbit


def test_code_still_raising_the_starters_error_is_no_try(
    tmp_path: Path, drillbit: RunDrillbit
) -> None:
    card = next(c for c in load_bank([REPO / "content"]).cards if c.id == "sigmoid")
    begun = tmp_path / "sigmoid.py"
    begun.write_text("import math  # a start\n" + starter_text(card))
    graded = drillbit("grade", "sigmoid", str(begun))
    assert graded.returncode == 1
    assert graded.stderr == f"drillbit: {NOT_WRITTEN_NOT_COUNTED}\n"
    assert len(graded.stderr.rstrip("\n")) <= 80
    assert json.loads(drillbit("stats", "--json").stdout)["drill_attempts"] == 0
    begun.write_text(starter_text(card).replace("raise NotImplementedError", "return z  #"))
    wrong = drillbit("grade", "sigmoid", str(begun))
    assert wrong.returncode == 1 and NOT_WRITTEN_NOT_COUNTED not in wrong.stderr
    assert json.loads(drillbit("stats", "--json").stdout)["drill_attempts"] == 1
