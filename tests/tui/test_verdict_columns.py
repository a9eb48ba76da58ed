"""The verdict's cases table fits its box: a long case name gives way to the detail, so
"same problem as case 5" is read whole side by side at 120 columns, with no sideways scroll."""

from __future__ import annotations

from engine.verdict import CaseResult, CaseStatus, Verdict, build_verdict
from quiz.tui.screens.drill import DrillScreen
from quiz.tui.widgets.verdict_view import CASE_NAME_FEWEST, VerdictView
from tests.tui.conftest import AppFactory, screen_lines, settle, showing, wait_until

CASES = [
    CaseResult(name="case 1: a single value", status=CaseStatus.PASSED),
    CaseResult(name="case 5: large magnitudes", status=CaseStatus.FAILED, message="overflow"),
    CaseResult(name="case 6: columns of very different scales", status=CaseStatus.PASSED),
    CaseResult(name="case 8: |z| up to 1e4", status=CaseStatus.FAILED, message="overflow"),
]
"""The sigmoid drill's rows that a new user met cut at 120x40: "same problem as c"."""


def _verdict() -> Verdict:
    return build_verdict("sigmoid", CASES, seed=1, duration_ms=1, isolation=[])


async def test_side_by_side_the_detail_is_whole_and_the_long_name_is_cut(
    build: AppFactory,
) -> None:
    app = build(drill="tiny-sgd")
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await showing(pilot, DrillScreen)
        assert not screen.has_class("-narrow"), "side by side: the box is some 70 wide"
        view = screen.query_one(VerdictView)
        view.show_verdict(_verdict())
        await settle(pilot)
        table = view.query_one("#verdict-cases")
        # the table fits its columns once laid out at its width, on a refresh after the messages
        fits = await wait_until(pilot, lambda: table.virtual_size.width <= table.size.width)
        assert fits, "the rows scroll sideways"
        rows = [line.text for line in screen_lines(app)]
        assert any("same problem as case 5" in row for row in rows), "\n".join(rows)
        assert any("case 6: columns" in row and "…" in row for row in rows), "\n".join(rows)
        assert not any("case 6: columns of very different scales" in row for row in rows)
        # a name is cut no shorter than CASE_NAME_FEWEST cells, which still say its number
        assert len("case 6: columns…") == CASE_NAME_FEWEST


async def test_where_the_rows_fit_nothing_is_cut(build: AppFactory) -> None:
    """At 160 columns (and stacked at 80) the box is wide enough: every name is whole."""
    for size in ((160, 40), (80, 24)):
        app = build(drill="tiny-sgd")
        async with app.run_test(size=size) as pilot:
            screen = await showing(pilot, DrillScreen)
            view = screen.query_one(VerdictView)
            view.show_verdict(_verdict())
            view.focus()  # read: the box grows, its rows in view
            await settle(pilot)
            rows = "\n".join(line.text for line in screen_lines(app))
            assert "case 6: columns of very different scales" in rows, rows
            assert "same problem as case 5" in rows, rows
