"""The stats screen's bar charts: heights scale to the tallest bar, rows that do not fit are counted."""

from __future__ import annotations

import re

import pytest
from textual.app import App, ComposeResult

from quiz.tui.widgets.bars import ColumnChart, RowChart, column_heights, kept_slots


def test_column_heights_scale_to_the_tallest_and_never_hide_a_review() -> None:
    assert column_heights([0, 1, 2, 4], 2) == [0, 4, 8, 16]  # eighths of a row
    assert column_heights([1, 1000], 2) == [1, 16]  # one review still shows
    assert column_heights([0, 0], 5) == [0, 0]
    assert column_heights([], 5) == []


def test_the_chart_gives_up_a_few_days_for_the_latest_label_never_more() -> None:
    # 55 columns (the stats screen at 120x40): 27 slots filled them and "Mar 2" had no
    # room after today's bar; 25 slots, centred, leave it room
    assert kept_slots(55, 30, 0) == 27
    assert kept_slots(55, 30, len("Mar 2")) == 25
    assert kept_slots(55, 20, len("Mar 2")) == 20  # fewer days than fit: all of them
    # 17 columns would keep 3 slots of 8 for "day 29": too many given up, the label goes
    assert kept_slots(17, 30, len("day 29")) == 8


class _Charts(App[None]):
    def compose(self) -> ComposeResult:
        yield ColumnChart("per day", [0, 3, 6], ["Mon", "Tue", "Wed"], id="cols")
        yield RowChart("by topic", [(f"topic {i}", 50.0) for i in range(10)], id="rows")


async def test_the_charts_draw_bars_labels_and_what_did_not_fit() -> None:
    app = _Charts()
    async with app.run_test(size=(40, 16)) as pilot:
        await pilot.pause()
        columns = app.query_one("#cols", ColumnChart).render().plain.splitlines()
        assert columns[0].strip() == "per day"
        assert columns[1].startswith("6 ┤") and columns[-2].startswith("0 ┤")
        assert "Mon" in columns[-1] and "█" in columns[1]
        rows = app.query_one("#rows", RowChart).render().plain.splitlines()
        assert rows[1].startswith("topic 0") and rows[1].endswith(" 50%")
        assert rows[-1].startswith("… ") and rows[-1].endswith(" more")
        assert len(rows) <= app.query_one("#rows", RowChart).content_size.height


class _Days(App[None]):
    def compose(self) -> ComposeResult:
        values = [0] * 27 + [2, 2, 2]
        labels = [f"d{i}" for i in range(30)]
        yield ColumnChart("last {shown} days", values, labels, id="days")


async def test_every_day_is_equally_wide_and_the_latest_day_is_at_the_right_edge() -> None:
    # 30 days over 70-odd columns once drew slots 2 and 3 columns wide alternately, so
    # three days in a row looked like a day skipped
    for width in (70, 75, 80, 117):
        app = _Days()
        async with app.run_test(size=(width, 12)) as pilot:
            await pilot.pause()
            lines = app.query_one("#days", ColumnChart).render().plain.splitlines()
            top = lines[1]
            bars = [i for i, ch in enumerate(top) if ch == "█"]
            runs = [i for i in bars if i - 1 not in bars]  # where each bar starts
            assert len(runs) == 3
            assert runs[1] - runs[0] == runs[2] - runs[1]  # no wider gap between days
            assert top.rstrip().endswith("█")
            assert lines[0].strip() == "last 30 days"


async def test_a_chart_narrower_than_its_days_keeps_the_latest_days() -> None:
    app = _Days()
    async with app.run_test(size=(20, 8)) as pilot:
        await pilot.pause()
        chart = app.query_one("#days", ColumnChart)
        lines = chart.render().plain.splitlines()
        assert all(len(line) <= chart.content_size.width for line in lines)
        assert lines[0].strip() == f"last {(chart.content_size.width - 3) // 2} days"
        assert lines[1].rstrip().endswith("█ █ █")  # the three latest days, still apart


class _Empty(App[None]):
    def compose(self) -> ComposeResult:
        yield ColumnChart("per day", [0, 0, 0], ["Mon", "Tue", "Wed"], id="empty")


async def test_an_empty_chart_labels_its_axis_once() -> None:
    app = _Empty()
    async with app.run_test(size=(40, 10)) as pilot:
        await pilot.pause()
        lines = app.query_one("#empty", ColumnChart).render().plain.splitlines()
        marks = [line.strip() for line in lines if "┤" in line]
        assert marks == ["0 ┤"]
        assert "█" not in "".join(lines)


class _Month(App[None]):
    def compose(self) -> ComposeResult:
        yield ColumnChart("last {shown} days", [1] * 30, [f"day {i}" for i in range(30)], id="m")


def _labels(line: str) -> list[tuple[int, str]]:
    """(column, text) of each label of a chart's last line (labels are two spaces apart)."""
    return [(m.start(), m.group()) for m in re.finditer(r"\S+(?: \S+)*", line)]


async def test_the_latest_day_is_labelled_under_its_bar_when_its_label_fits() -> None:
    # labels were laid from the oldest day on, every fourth: at 80 columns the last one
    # fell days back and the latest day, at the right edge, had none
    for width in (70, 75, 80, 117):
        app = _Month()
        async with app.run_test(size=(width, 12)) as pilot:
            await pilot.pause()
            chart = app.query_one("#m", ColumnChart)
            lines = chart.render().plain.splitlines()
            assert all(len(line) <= chart.content_size.width for line in lines)
            bars = [i for i, ch in enumerate(lines[-2]) if ch == "█" and lines[-2][i - 1] != ch]
            labels = _labels(lines[-1])
            assert labels[-1] == (bars[-1], "day 29"), width
            shown = int(lines[0].split()[1])
            first_bar = {f"day {30 - shown + i}": bars[i] for i in range(shown)}
            assert all(first_bar[text] == column for column, text in labels), width


async def test_a_label_that_does_not_fit_leaves_the_latest_day_to_an_earlier_label() -> None:
    app = _Month()
    async with app.run_test(size=(20, 8)) as pilot:
        await pilot.pause()
        chart = app.query_one("#m", ColumnChart)
        lines = chart.render().plain.splitlines()
        assert all(len(line) <= chart.content_size.width for line in lines)
        assert lines[1].rstrip().endswith("█")
        labels = _labels(lines[-1])
        assert labels and labels[-1][1] != "day 29"  # "day 29" would run past the edge


class _Titled(App[None]):
    def compose(self) -> ComposeResult:
        yield ColumnChart(
            "Reviews per day (last {shown} days, {average} on average)",
            [0] * 12 + [2, 2, 1],
            [f"d{i}" for i in range(15)],
            average=lambda values: f"{sum(values) / len(values):.1f}",
            shorter=("Reviews per day ({shown} days, mean {average})", "Reviews per day"),
            id="titled",
        )


@pytest.mark.parametrize(
    ("width", "title"),
    [
        (60, "Reviews per day (last 15 days, 0.3 on average)"),
        (37, "Reviews per day (15 days, mean 0.3)"),  # three charts side by side at 120x40
        (20, "Reviews per day"),
        (12, "Reviews per…"),
    ],
)
async def test_a_narrow_chart_takes_a_shorter_title_whole(width: int, title: str) -> None:
    """Beside the readiness plot and the accuracy chart at 120x40 (and in the browser) the
    title was cut mid-phrase: "Reviews per day (last 15 days, 0.4 on". It takes the longest
    of its forms that fits, and a cut one ends in "…"."""
    app = _Titled()
    async with app.run_test(size=(width, 16)) as pilot:
        await pilot.pause()
        chart = app.query_one("#titled", ColumnChart)
        assert chart.content_size.width == width
        first = chart.render().plain.splitlines()[0]
    assert first.strip() == title
