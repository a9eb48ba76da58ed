"""The palette's "Study tag: X" under an interview plan that asks none of X's cards today:
the note said "its 2 cards are in other packs or topics" and "Try c (cram)", which crams
Home's highlighted row, not the tag."""

from __future__ import annotations

from textual.command import CommandInput

from quiz.tui.screens.home import HomeScreen
from tests.tui.conftest import (
    AppFactory,
    Recorder,
    notifications,
    press,
    set_plan,
    settle,
    showing,
    wait_until,
)


async def test_a_tag_with_nothing_planned_today_says_so_and_offers_its_cram(
    build: AppFactory, recorder: Recorder
) -> None:
    app = build()
    ws = app.workspace
    set_plan(ws, 12, 3.0)
    status = ws.plan_status()
    assert status is not None and status.offered
    offered = set(status.offered)
    tags = sorted({tag for ref in ws.content.refs for tag in ref.tags})
    unplanned = [
        tag
        for tag in tags
        if not any(tag in ref.tags and ref.id in offered for ref in ws.content.refs)
    ]
    assert unplanned, "the test bank has a tag the plan asks none of today"
    tag = unplanned[0]
    async with app.run_test(size=(80, 24), message_hook=recorder) as pilot:
        await showing(pilot, HomeScreen)
        await press(pilot, "ctrl+p")
        assert await wait_until(pilot, lambda: bool(app.screen.query(CommandInput)))
        await pilot.press(*f"study tag: {tag}")
        await settle(pilot)
        await press(pilot, "enter")
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen), "no session opened"
        (note,) = [n for n in notifications(recorder) if n.title == f"plan · {tag}"]
        planned = len(status.offered)
        assert note.message == (
            f"Nothing here in today's plan: none of its {planned} cards is tagged {tag}. "
            f'Try "Cram tag: {tag}" in the palette (ctrl+p): it does not change the schedule.'
        )
