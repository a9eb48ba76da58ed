"""`drillbit plan` prints what it knows before its forecast (a minute and more on a heavy
home, which printed nothing meanwhile), and Ctrl-C during the forecast keeps it."""

from __future__ import annotations

import io
import re
from datetime import timedelta
from pathlib import Path
from typing import NoReturn

import pytest

import quiz.study.plan_status as plan_status
from quiz.cli.plan_progress import ForecastProgress
from tests.conftest import FIXED_DAY, FIXED_NOW, RunDrillbit, run_at


def _interrupted(*_args: object, **_kwargs: object) -> NoReturn:
    raise KeyboardInterrupt


def test_ctrl_c_in_the_forecast_keeps_the_known_lines(
    mini_bank: Path, drillbit: RunDrillbit, monkeypatch: pytest.MonkeyPatch
) -> None:
    run = run_at(drillbit, FIXED_NOW)
    content = ("--content", str(mini_bank))
    interview = (FIXED_DAY + timedelta(days=14)).isoformat()
    assert run(*content, "plan", "--interview", interview).returncode == 0
    # that run kept its forecast for today (`quiz.plan_file`): this one computes again
    monkeypatch.setenv("DRILLBIT_CACHE", "0")
    monkeypatch.setattr(plan_status, "status_with_forecast", _interrupted)
    shown = run(*content, "plan")
    assert shown.returncode == 130
    assert "14 days left" in shown.stdout and "today: " in shown.stdout
    assert "Today's plan runs until" in shown.stdout
    assert "Traceback" not in shown.stderr and "Aborted." in shown.stderr
    as_json = run(*content, "plan", "--json")
    assert as_json.returncode == 130 and as_json.stdout == "", "one document, at the end"


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_the_progress_counts_the_days_and_is_erased() -> None:
    stream = _Terminal()
    with ForecastProgress(stream) as progress:
        progress(0, 46)
        progress(12, 46)
    written = stream.getvalue()
    assert "Forecasting the plan's days: 0 of 46" in written
    assert written.endswith("\r" + " " * len("Forecasting the plan's days: 12 of 46") + "\r")
    piped = io.StringIO()
    with ForecastProgress(piped) as progress:
        progress(3, 46)
    assert piped.getvalue() == "", "no carriage returns in a script's log"


def _terminal_rows(written: str, columns: int) -> list[str]:
    """What a terminal `columns` wide shows after `written`: text wraps to a new row past the
    last column (xterm's autowrap: the wrap waits for the next character), a carriage return
    goes back to the start of the cursor's row only."""
    rows = [""]
    column, wrap_pending = 0, False
    for char in written:
        if char == "\r":
            column, wrap_pending = 0, False
            continue
        if wrap_pending:
            rows.append("")
            column, wrap_pending = 0, False
        row = rows[-1].ljust(column)
        rows[-1] = row[:column] + char + row[column + 1 :]
        if column == columns - 1:
            wrap_pending = True
        else:
            column += 1
    return rows


@pytest.mark.parametrize("columns", [12, 20, 30, 36, 80])
def test_the_progress_fits_a_narrow_terminal_and_its_erase_leaves_nothing(
    columns: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Under ~40 columns the line wrapped: each rewrite left a row behind ("Forecasting the
    plan's days: 1" fourteen times at 30 columns) and the erase cleared only the last."""
    monkeypatch.setenv("COLUMNS", str(columns))
    stream = _Terminal()
    with ForecastProgress(stream) as progress:
        for done in (0, 9, 12, 46):
            progress(done, 46)
            (row,) = _terminal_rows(stream.getvalue(), columns)
            # the count itself ("46" alone was found in the total of every row)
            assert re.search(rf"(?<!\d){done}( of |/)46\b", row), (row, "the count, on one row")
    assert [row.strip() for row in _terminal_rows(stream.getvalue(), columns)] == [""]
