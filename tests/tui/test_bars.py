"""The stats screen's bar charts: heights scale to the tallest bar, rows that do not fit are counted."""

from __future__ import annotations

from textual.app import App, ComposeResult

from quiz.tui.widgets.bars import ColumnChart, RowChart, column_heights


def test_column_heights_scale_to_the_tallest_and_never_hide_a_review() -> None:
    assert column_heights([0, 1, 2, 4], 2) == [0, 4, 8, 16]  # eighths of a row
    assert column_heights([1, 1000], 2) == [1, 16]  # one review still shows
    assert column_heights([0, 0], 5) == [0, 0]
    assert column_heights([], 5) == []


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
