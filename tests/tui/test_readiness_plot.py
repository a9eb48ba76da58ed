"""The readiness plot's date labels: as many as fit, so plotext never has to drop any."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from quiz.tui.widgets.readiness import AXIS_COLUMNS, LABEL_COLUMNS, labelled_days


@pytest.mark.parametrize("count", [1, 2, 6, 10, 14, 30, 90])
@pytest.mark.parametrize("width", [20, 40, 78, 120])
def test_labels_are_far_enough_apart_and_the_eve_is_one(count: int, width: int) -> None:
    shown = labelled_days(count, width)
    assert shown[-1] == count - 1, "the last day before the interview is labelled"
    assert shown == sorted(set(shown)) and shown[0] >= 0
    columns_per_day = (width - AXIS_COLUMNS) / max(1, count - 1)
    gaps = [b - a for a, b in zip(shown, shown[1:], strict=False)]
    assert all(gap * columns_per_day >= LABEL_COLUMNS for gap in gaps)


def test_a_wide_plot_labels_every_day_and_nothing_has_no_label() -> None:
    assert labelled_days(10, 200) == list(range(10))
    assert labelled_days(10, 40) == [0, 3, 6, 9]
    assert labelled_days(0, 80) == []


RENDER = """
import asyncio
from datetime import date, timedelta
from textual.app import App
from quiz.tui.widgets.readiness import ReadinessPlot

DAYS = [date(2026, 3, 3) + timedelta(days=i) for i in range(10)]

class One(App[None]):
    def compose(self):
        yield ReadinessPlot(DAYS, [i / 10 for i in range(10)], [0.0] * 10, id="plot")

async def main():
    app = One()
    async with app.run_test(size=(40, 14)) as pilot:
        await pilot.pause()
        print(app.query_one("#plot").render().plain)

asyncio.run(main())
"""


def test_the_plot_is_the_same_whatever_the_hash_seed() -> None:
    """plotext picks which overlapping labels to drop by string hashing, which changes from
    one process to the next: with labels that fit, the plot is the same in every process
    (the snapshot tests depend on it)."""
    drawn = set()
    for seed in ("1", "2", "3"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        result = subprocess.run(
            [sys.executable, "-c", RENDER], env=env, capture_output=True, text=True, check=True
        )
        drawn.add(result.stdout)
    assert len(drawn) == 1
    (plot,) = drawn
    assert "Mar 3" in plot and "Mar 6" in plot and "Mar 12" in plot


@pytest.mark.parametrize("height", [10, 14, 20, 30])
async def test_the_legend_lies_above_every_value_so_no_line_hides_under_it(height: int) -> None:
    from datetime import date, timedelta

    from textual.app import App, ComposeResult

    from quiz.tui.widgets.readiness import ReadinessPlot

    days = [date(2026, 3, 3) + timedelta(days=i) for i in range(10)]

    class One(App[None]):
        def compose(self) -> ComposeResult:
            yield ReadinessPlot(days, [1.0] * 10, [0.97] * 10, id="plot")

    app = One()
    async with app.run_test(size=(60, height)) as pilot:
        await pilot.pause()
        lines = app.query_one("#plot", ReadinessPlot).render().plain.splitlines()  # type: ignore[union-attr]
    legend = [
        n for n, line in enumerate(lines) if "plan followed" in line or "nothing more" in line
    ]
    top = next(n for n, line in enumerate(lines) if line.startswith("100┤"))
    assert len(legend) == 2 and max(legend) < top, "the legend's rows are above 100 %"
    assert all("▀" not in lines[n] and "▄" not in lines[n] for n in legend), "no line under it"
    assert set(lines[top]) & set("▀▄"), "a line at 100 % is drawn, not hidden"


@pytest.mark.parametrize(("width", "height"), [(78, 14), (78, 20), (118, 30)])
async def test_the_target_is_a_labelled_dashed_line_under_the_legend(
    width: int, height: int
) -> None:
    """The tester found no line for the target: it is drawn across the plot at the plan's
    target, its row labelled with the target's percent, its legend above every value."""
    from datetime import date, timedelta

    from textual.app import App, ComposeResult

    from quiz.tui.widgets.readiness import TARGET_MARKER, ReadinessPlot

    days = [date(2026, 3, 3) + timedelta(days=i) for i in range(7)]
    followed = [0.2, 0.4, 0.55, 0.7, 0.8, 0.88, 0.93]

    class One(App[None]):
        def compose(self) -> ComposeResult:
            yield ReadinessPlot(days, followed, [0.2] * 7, target=0.9, id="plot")

    app = One()
    async with app.run_test(size=(width, height)) as pilot:
        await pilot.pause()
        lines = app.query_one("#plot", ReadinessPlot).render().plain.splitlines()  # type: ignore[union-attr]
    legend = [n for n, line in enumerate(lines) if "target 90" in line]
    (row,) = [n for n, line in enumerate(lines) if line.lstrip().startswith("90┤")]
    assert len(legend) == 1 and legend[0] < row, "the legend names it, above the values"
    assert lines[row].count(TARGET_MARKER) > (width - 10) // 2, "a line across the plot"
