"""Bar charts drawn with block characters: reviews per day (columns), a share per name (rows).

The stats screen drew both with plotext; its import (about 50 ms, plotext builds its
documentation at import) and its drawing (an ANSI string parsed back into styled text)
were a third of opening the screen on a heavy history. These draw the same bars straight
into Rich text, sized to the widget, with the bar colour from the widget's CSS `color`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from rich.cells import cell_len, set_cell_size
from rich.text import Text
from textual.widget import Widget

__all__ = [
    "ColumnChart",
    "RowChart",
    "chart_day",
    "column_heights",
    "fit_names",
    "row_chart_width",
    "title_line",
]

_EIGHTHS_UP = " ▁▂▃▄▅▆▇█"
_EIGHTHS_RIGHT = " ▏▎▍▌▋▊▉█"
_AXIS = "dim"


def chart_day(day: date) -> str:
    """A day as the stats screen's charts label it: "Mar 2", "Mar 12"."""
    return day.strftime("%b %d").replace(" 0", " ")


def column_heights(values: Sequence[int], rows: int) -> list[int]:
    """Each value's bar height in eighths of a row, the largest value filling `rows` rows."""
    top = max(values, default=0)
    if top <= 0 or rows <= 0:
        return [0 for _ in values]
    full = rows * 8
    # a value above zero always shows (one eighth at least), so a quiet day is not a gap
    return [0 if v <= 0 else max(1, round(v * full / top)) for v in values]


class ColumnChart(Widget):
    """Vertical bars over labelled slots (a label every few columns, the latest slot's first).

    When the widget is too narrow for a bar and a gap per slot it shows the latest slots
    that fit; `{shown}` in the title is replaced by how many it shows, and `{average}` by
    `average` of the values it shows. The top value has its thousands separated, as the
    counts around the chart.
    """

    DEFAULT_CSS = """
    ColumnChart {
        width: 1fr;
        height: 1fr;
    }
    """

    def __init__(
        self,
        title: str,
        values: Sequence[int],
        labels: Sequence[str],
        *,
        average: Callable[[Sequence[int]], str] | None = None,
        shorter: Sequence[str] = (),
        id: str | None = None,  # noqa: A002 - Textual's own keyword
    ) -> None:
        super().__init__(id=id)
        self.chart_title = title
        self.shorter_titles = tuple(shorter)
        """Shorter forms of the title, longest first, for a chart too narrow for it
        (`title_line`): three charts side by side at 120 columns cut "0.4 on average"."""
        self.values = list(values)
        self.labels = list(labels)
        self.average = average

    def render(self) -> Text:
        width, height = self.content_size
        axis = len(f"{max(self.values, default=0):,}") + 2  # the top value, a space, the axis
        rows = max(0, height - 2)  # the title above, the labels below
        plot = max(1, width - axis)
        values, labels = self._fitting(plot)
        top = max(values)
        # every slot is equally wide, a bar and a one-column gap (uneven slots read as a
        # skipped day); the slack is split around the chart, axis included
        slot = plot // len(values)
        bar = max(1, slot - 1)
        pad = " " * ((plot - slot * len(values)) // 2)
        plot = slot * len(values)
        starts = [i * slot for i in range(len(values))]
        heights = column_heights(values, rows)
        average = self.average(values) if self.average is not None else ""
        titles = [
            title.replace("{shown}", str(len(values))).replace("{average}", average)
            for title in (self.chart_title, *self.shorter_titles)
        ]
        lines = [title_line(titles, width)]
        for row in range(rows - 1, -1, -1):
            # the top is labelled only above zero: an empty chart said "0" at both ends
            mark = f"{top:,}" if row == rows - 1 and top > 0 else ("0" if row == 0 else "")
            line = Text(pad + mark.rjust(axis - 2) + " ", style=_AXIS)
            line.append("┤" if mark else "│", style=_AXIS)
            cells = [" "] * plot
            for index, eighths in enumerate(heights):
                fill = min(8, max(0, eighths - row * 8))
                if fill:
                    first = starts[index]
                    cells[first : first + bar] = _EIGHTHS_UP[fill] * bar
            line.append("".join(cells))
            lines.append(line)
        footer = _footer(labels, starts, width - len(pad) - axis)
        lines.append(Text(pad + " " * axis + footer, style=_AXIS))
        return Text("\n").join(lines[: max(1, height)])

    def _fitting(self, plot: int) -> tuple[list[int], list[str]]:
        """The latest values (and their labels) that get two columns each: a bar and a gap,
        and leave the latest label room under its bar."""
        latest = len(self.labels[-1]) if len(self.labels) == len(self.values) > 0 else 0
        keep = kept_slots(plot, len(self.values), latest)
        labels = (self.labels + [""] * len(self.values))[: len(self.values)]
        values = self.values[-keep:] if self.values else [0]
        return values, labels[-keep:] if self.values else [""]


def title_line(titles: Sequence[str], width: int) -> Text:
    """The first of `titles` (longest first) that fits `width` cells, centred; when none
    does, the last cut to the width with "…" as its last cell (it was cut mid-word)."""
    fitting = next((title for title in titles if cell_len(title) <= width), None)
    if fitting is None:
        fitting = fit_name(titles[-1], width).rstrip() if width > 0 else ""
    return Text(fitting.center(width), style="bold")


def kept_slots(plot: int, count: int, latest: int) -> int:
    """How many of the latest `count` slots fit in `plot` columns: two columns each at least,
    and, once the slack is split around the chart as `render` does, room from the last
    slot's first column for its `latest`-wide label. With every slot that fits shown, the
    bars filled the width and today's bar went unlabelled. At most the label's width in
    slots is given up for it; a chart too narrow for that keeps them all and leaves the
    label out (an earlier slot's label is the last one then)."""
    most = max(1, min(count, plot // 2))
    for keep in range(most, max(1, most - latest // 2 - 1) - 1, -1):
        slot = plot // keep
        pad = (plot - slot * keep) // 2
        if (keep - 1) * slot + latest <= plot - pad:
            return keep
    return most


def _footer(labels: Sequence[str], starts: Sequence[int], room: int) -> str:
    """The labels, each from its bar's first column, laid from the latest slot back.

    Laid from the first slot on, the labels fell where the first one's spacing put them:
    the latest (today, at the right edge) was often left out. Counted back from it, the
    latest is labelled whenever its label fits in `room` (it may run into the margin on
    the right of the bars); labels never overlap, two columns apart at least.
    """
    footer = [" "] * room
    end = room  # where the next label to the left must end by
    for label, start in zip(reversed(labels), reversed(starts), strict=True):
        if label and start + len(label) <= end:
            footer[start : start + len(label)] = label
            end = start - 2
    return "".join(footer)


MIN_BAR = 10
"""The fewest cells a row chart's bars get: names longer than the rest are cut."""


def fit_name(name: str, width: int) -> str:
    """`name` padded to `width` cells, or cut to it with "…" as its last cell."""
    if cell_len(name) <= width:
        return name + " " * (width - cell_len(name))
    return set_cell_size(name, max(0, width - 1)) + "…"


def fit_names(names: Sequence[str], width: int) -> list[str]:
    """Each name as `fit_name` cuts it, unless that cut reads as another name's: then the
    cut falls in its middle, keeping its " (pack)" (or its end) that tells them apart.

    Cut at its end, "normalization (neural-networks)" and "normalization (deep-training)"
    both read "normalization…" at 80 columns; a chart of two bars under one name."""
    cuts = [fit_name(name, width) for name in names]
    seen: dict[str, int] = {}
    for cut in cuts:
        seen[cut] = seen.get(cut, 0) + 1
    return [
        _middle_cut(name, width) if seen[cut] > 1 and cell_len(name) > width else cut
        for name, cut in zip(names, cuts, strict=True)
    ]


def _middle_cut(name: str, width: int) -> str:
    """`name` cut to `width` cells with "…" in its middle: its " (pack)" kept whole when
    three cells of the topic still fit before it, else as much of its end as of its start."""
    open_at = name.rfind(" (")
    tail = name[open_at:] if open_at > 0 else ""
    if not tail or cell_len(tail) + 4 > width:
        tail = name[len(name) - max(0, width - 1) // 2 :] if width > 1 else ""
    head = set_cell_size(name, max(0, width - 1 - cell_len(tail)))
    return fit_name(head + "…" + tail, width)


def row_chart_width(names: Sequence[str]) -> int:
    """The cells a row chart needs to print each of `names` whole beside a MIN_BAR bar."""
    return max((cell_len(name) for name in names), default=0) + 7 + MIN_BAR


class RowChart(Widget):
    """One horizontal bar per name, as a percentage (0-100), the value printed after it."""

    DEFAULT_CSS = """
    RowChart {
        width: 1fr;
        height: 1fr;
    }
    """

    def __init__(
        self,
        title: str,
        rows: Sequence[tuple[str, float]],
        *,
        empty: str = "nothing yet",
        id: str | None = None,  # noqa: A002 - Textual's own keyword
    ) -> None:
        super().__init__(id=id)
        self.chart_title = title
        self.rows = list(rows)
        self.empty = empty

    def render(self) -> Text:
        width, height = self.content_size
        lines = [title_line([self.chart_title], width)]
        if not self.rows:
            lines.append(Text(self.empty, style=_AXIS))
            return Text("\n").join(lines)
        # the names get what they need, as long as the bars keep MIN_BAR cells; a name
        # still too long ends in "…" (they were cut at a third of the width, unmarked)
        longest = max(cell_len(name) for name, _ in self.rows)
        name_width = min(longest, max(4, width - 7 - MIN_BAR))
        bar_width = max(1, width - name_width - 7)  # " │" before, " 100%" after
        room = max(0, height - 1)
        shown = self.rows if len(self.rows) <= room else self.rows[: max(0, room - 1)]
        names = fit_names([name for name, _ in shown], name_width)
        for (_, percent), fitted in zip(shown, names, strict=True):
            eighths = round(max(0.0, min(100.0, percent)) * bar_width * 8 / 100)
            full, part = divmod(eighths, 8)
            drawn = "█" * full + (_EIGHTHS_RIGHT[part] if part else "")
            line = Text(fitted + " ", style=_AXIS)
            line.append("│", style=_AXIS)
            line.append(drawn.ljust(bar_width))
            line.append(f"{percent:4.0f}%", style=_AXIS)
            lines.append(line)
        if len(shown) < len(self.rows):
            lines.append(Text(f"… {len(self.rows) - len(shown)} more", style=_AXIS))
        return Text("\n").join(lines[: max(1, height)])
