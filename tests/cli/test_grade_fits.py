"""`drillbit grade DRILL FILE -v` on an 80-column terminal: the rows of maxpool's longer
case names (up to 94 columns) were 103 wide, cut mid-word by the terminal; they now fold
under the case's name, and a pipe still gets one line a case."""

from __future__ import annotations

from pathlib import Path

from quiz.bank.loader import load_bank
from quiz.drill_grading import starter_text
from tests.cli.printing import printed_on_a_terminal
from tests.conftest import REPO, RunDrillbit


def test_grade_verbose_fits_an_80_column_terminal(tmp_path: Path, drillbit: RunDrillbit) -> None:
    card = next(c for c in load_bank([REPO / "content"]).cards if c.id == "maxpool")
    starter = tmp_path / "mine.py"
    starter.write_text(starter_text(card))
    args = ("grade", "maxpool", str(starter), "-v", "--case-seed", "5")
    lines = printed_on_a_terminal(*args, exit_code=1, ceiling=300)
    again = f"  drillbit grade maxpool {starter} --case-seed 5"  # a command: kept whole
    assert [line for line in lines if len(line) > 80 and line != again] == []
    row = next(n for n, line in enumerate(lines) if line.startswith("  [ERR ] case 15: "))
    # the starter's maxpool_backward raised on an earlier backward case too: one problem
    assert lines[row + 1].startswith("         values, overlapping windows)  same problem as case")
    piped = drillbit(*args).stdout.splitlines()
    assert any(line.startswith("  [ERR ] case 15: ") and len(line) > 80 for line in piped)
