"""The plan's readiness plot: readiness over the days to the interview, followed vs idle.

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


def headroom(height: int) -> float:
    """The y axis's top on a plot `height` rows high: far enough above 100 % that the
    legend's rows lie above every value, so it never hides a line near the target."""
    rows = height - FRAME_ROWS
    if rows <= LEGEND_ROWS:
        return 100.0
    return 100.0 * rows / (rows - LEGEND_ROWS) + 0.1


def labelled_days(count: int, width: int) -> list[int]:
    """Which of `count` days (indices) get a date label on a plot `width` columns wide:
    evenly spaced, at least LABEL_COLUMNS apart, the last day (the eve) always among them."""
    if count <= 0:
        return []
    area = max(1, width - AXIS_COLUMNS)
    columns_per_day = area / max(1, count - 1)
    step = max(1, math.ceil(LABEL_COLUMNS / columns_per_day))
    return sorted(range(count - 1, -1, -step))


class ReadinessPlot(PlotextPlot):
    """Readiness at the start of each coming day, plan followed vs nothing more studied."""

    def __init__(
        self,
        days: Sequence[date],
        followed: Sequence[float],
        idle: Sequence[float],
        *,
        id: str | None = None,  # noqa: A002 - Textual's name for a widget's id
    ) -> None:
        super().__init__(id=id)
        self.days = list(days)
        xs = list(range(1, len(self.days) + 1))
        self.plt.plot(xs, [round(100 * v, 1) for v in followed], label="plan followed")
        self.plt.plot(xs, [round(100 * v, 1) for v in idle], label="nothing more")
        self.plt.yticks(list(PERCENT_TICKS), [str(tick) for tick in PERCENT_TICKS])
        self.plt.title("Readiness to the interview day (%)")

    def render(self) -> RenderResult:
        """The plot at this size: as many date labels as fit, the legend above 100 %."""
        self.plt.ylim(0, headroom(self.size.height))
        shown = labelled_days(len(self.days), self.size.width)
        self.plt.xticks(
            [float(i + 1) for i in shown],
            [chart_day(self.days[i]) for i in shown],
        )
        return super().render()
