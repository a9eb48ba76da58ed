"""The code's printed output in the verdict box: its last lines, not all 64 KiB of it.

A print in a loop filled the kept 64 KiB of stdout (and of stderr) with 32,000 short lines,
and the drill screen drew every one: 4.6 s of the app's CPU before the verdict showed
(against 0.3 s), 300 MB held, half a second for each key after."""

from __future__ import annotations

from engine.verdict import CaseResult, CaseStatus, build_verdict
from quiz.tui.widgets.verdict_view import OUTPUT_LINES, VerdictView
from tests.tui.conftest import AppFactory, settle

PRINTED = 32_000


async def test_the_box_shows_the_last_lines_and_says_how_many_came_before(
    build: AppFactory,
) -> None:
    verdict = build_verdict(
        "tiny",
        [CaseResult(name="case 1", status=CaseStatus.PASSED)],
        seed=1,
        duration_ms=1,
        isolation=[],
        stdout="".join(f"out {n}\n" for n in range(PRINTED)),
        stderr="".join(f"err {n}\n" for n in range(PRINTED)),
    )
    app = build(drill="tiny-sgd")
    async with app.run_test(size=(120, 40)) as pilot:
        view = app.screen.query_one(VerdictView)
        view.show_verdict(verdict)
        await settle(pilot)
        shown = str(view.query_one("#verdict-output").render()).splitlines()
        assert len(shown) <= 2 * (OUTPUT_LINES + 2) + 1, len(shown)
        earlier = f"[... {PRINTED - OUTPUT_LINES} earlier lines not shown]"
        assert shown.count(earlier) == 2, shown[:3]
        assert f"out {PRINTED - 1}" in shown and f"err {PRINTED - 1}" in shown
        assert "out 0" not in shown and "err 0" not in shown
