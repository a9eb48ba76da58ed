"""A failing case's place, `theta[0, 0]`, stays on one line of the drill screen's verdict
box: the box wrapped the message at its own width, at the space after the comma, and
"theta[0," ended a line over "0]" (ux48's walk at 80x24)."""

from __future__ import annotations

import re

import pytest
from rich.cells import cell_len
from textual.geometry import Region

from engine.verdict import CaseResult, CaseStatus, build_verdict
from quiz.tui.widgets.verdict_view import VerdictView
from tests.tui.conftest import AppFactory, resize, settle

PLACE = "grads['dW1'][0, 1]"
MESSAGE = f"the step went uphill: max rel error 3.0e-01 > 1e-09 at {PLACE}: expected 0.5, got 0.2"


@pytest.mark.parametrize("width", [66, 70, 74, 80, 90, 100])
async def test_the_place_is_never_cut_at_its_comma(build: AppFactory, width: int) -> None:
    case = CaseResult(
        name="case 2: a small network",
        status=CaseStatus.FAILED,
        message=MESSAGE,
        expected="0.5",
        got="0.2",
    )
    verdict = build_verdict("nn.optim.sgd_step", [case], seed=1, duration_ms=1, isolation=[])
    app = build(drill="tiny-sgd")
    async with app.run_test(size=(60, 24)) as pilot:
        view = app.screen.query_one(VerdictView)
        view.show_verdict(verdict)
        await settle(pilot)
        await resize(pilot, width, 24)  # folded again at the new width
        await settle(pilot)
        failure = view.query_one("#verdict-failure")
        drawn = failure.render_lines(Region(0, 0, *failure.size))  # as laid out: wrapped
        lines = [strip.text.rstrip() for strip in drawn]
        assert lines[0].strip() == "First problem: case 2: a small network", lines
        assert max(cell_len(line) for line in lines) <= failure.size.width, lines
        assert not [line for line in lines if re.search(r"\[[^\]]*,$", line)], lines
        assert sum(line.count(PLACE) for line in lines) == 1, lines
