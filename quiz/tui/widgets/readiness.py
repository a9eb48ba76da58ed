"""The plan's readiness plot: readiness over the days to the interview, followed vs idle,
and the plan's target as a dashed line across it.

plotext draws it (the only plotext chart left: two lines are what it does well). Imported
only when a plan is set, since plotext's import costs about 50 ms.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import date

from textual.app import RenderResult
from textual_plotext import PlotextPlot

from quiz.tui.widgets.bars import chart_day

__all__ = ["LABEL_COLUMNS", "ReadinessPlot", "headroom", "labelled_days"]

LABEL_COLUMNS = 10
"""Columns one date label needs on the x axis ("Mar 12" and a gap). plotext drops labels
that overlap, and which ones it drops changes from run to run (it follows string hashing),
so the plot never asks for more labels than its width holds."""
AXIS_COLUMNS = 8
"""Columns left of and right of the plotting area (the y labels "100┤", the frame), with
room to spare."""
FRAME_ROWS = 4
"""Rows around the plotting area: the title, the frame's top and bottom, the date labels."""
LEGEND_ROWS = 2
"""Rows plotext's legend takes in the plotting area's top left corner, one per line."""
PERCENT_TICKS = (0, 25, 50, 75, 100)


def headroom(height: int, legend_rows: int = LEGEND_ROWS) -> float:
    """The y axis's top on a plot `height` rows high: far enough above 100 % that the
    legend's rows lie above every value, so it never hides a line near the target."""
    rows = height - FRAME_ROWS
    if rows <= legend_rows:
        return 100.0
    return 100.0 * rows / (rows - legend_rows) + 0.1


def labelled_days(count: int, width: int) -> list[int]:
    """Which of `count` days (indices) get a date label on a plot `width` columns wide:
    evenly spaced, at least LABEL_COLUMNS apart, the last day (the eve) always among them."""
    if count <= 0:
        return []
    area = max(1, width - AXIS_COLUMNS)
    columns_per_day = area / max(1, count - 1)
    step = max(1, math.ceil(LABEL_COLUMNS / columns_per_day))
    return sorted(range(count - 1, -1, -step))


TARGET_MARKER = "-"
"""The target's line: dashes, so it reads as a mark across the plot, not a third forecast."""


class ReadinessPlot(PlotextPlot):
    """Readiness at the start of each coming day, plan followed vs nothing more studied,
    with the plan's target across the plot."""

    def __init__(
        self,
        days: Sequence[date],
        followed: Sequence[float],
        idle: Sequence[float],
        *,
        target: float | None = None,
        id: str | None = None,  # noqa: A002 - Textual's name for a widget's id
    ) -> None:
        super().__init__(id=id)
        self.days = list(days)
        self.legend_rows = LEGEND_ROWS + (target is not None)
        xs = list(range(1, len(self.days) + 1))
        level = round(100 * target, 1) if target is not None else 0.0
        if target is not None:
            # drawn first, so the forecasts' lines lie over it where they meet it
            self.plt.plot(
                xs,
                [level] * len(xs),
                label=f"target {level:g}",
                marker=TARGET_MARKER,
                color="gray",
            )
        self.plt.plot(xs, [round(100 * v, 1) for v in followed], label="plan followed")
        self.plt.plot(xs, [round(100 * v, 1) for v in idle], label="nothing more")
        self.target_level = level if target is not None else None
        self.plt.title("Readiness to the interview day (%)")

    def render(self) -> RenderResult:
        """The plot at this size: as many date labels as fit, the legend above 100 %."""
        top = headroom(self.size.height, self.legend_rows)
        self.plt.ylim(0, top)
        ticks: list[float] = [float(tick) for tick in PERCENT_TICKS]
        if self.target_level is not None:
            # the target's row is labelled; on a plot too short to part it from a tick
            # nearby (each row spans more than the gap), the target's label takes the row
            row = top / max(1, self.size.height - FRAME_ROWS - 1)
            ticks = [t for t in ticks if abs(t - self.target_level) >= row]
            ticks = sorted([*ticks, self.target_level])
        self.plt.yticks(ticks, [f"{tick:g}" for tick in ticks])
        shown = labelled_days(len(self.days), self.size.width)
        self.plt.xticks(
            [float(i + 1) for i in shown],
            [chart_day(self.days[i]) for i in shown],
        )
        return super().render()
