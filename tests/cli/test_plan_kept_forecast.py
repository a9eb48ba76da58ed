"""`drillbit plan` takes the forecast kept today for the same inputs (`quiz.plan_file`),
and prints the bytes it printed when it computed it; a plan change makes it compute again."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

from tests.conftest import FIXED_DAY, FIXED_NOW, RunDrillbit, run_at


def test_plan_json_again_the_same_day_takes_the_kept_forecast(
    mini_bank: Path, drillbit: RunDrillbit, forecasts: list[datetime]
) -> None:
    run = run_at(drillbit, FIXED_NOW)
    content = ("--content", str(mini_bank))
    interview = (FIXED_DAY + timedelta(days=14)).isoformat()
    assert run(*content, "plan", "--interview", interview).returncode == 0
    forecasts.clear()
    cold = run(*content, "plan", "--json", env={"DRILLBIT_CACHE": "0"})
    assert forecasts == [FIXED_NOW]
    forecasts.clear()
    later = FIXED_NOW + timedelta(hours=1)
    kept = run(*content, "plan", "--json", now=later)
    assert forecasts == [], "kept by the first `drillbit plan` of the day"
    assert kept.returncode == 0 and kept.stdout == cold.stdout
    assert '"forecast_on_the_day": 0.' in kept.stdout
    # another plan: computed again (an answer's key: tests/study/test_plan_kept.py)
    assert run(*content, "plan", "--minutes-per-day", "60", now=later).returncode == 0
    assert forecasts == [later]
    forecasts.clear()
    again = run(*content, "plan", "--json", now=later)
    assert (
        forecasts == [] and again.stdout != kept.stdout and '"minutes_per_day": 60' in again.stdout
    )
