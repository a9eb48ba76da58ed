"""The palette's "Study tag: X" under an interview plan that asks none of X's cards today:
the note said "its 2 cards are in other packs or topics" and "Try c (cram)", which crams
Home's highlighted row, not the tag."""

from __future__ import annotations

from textual.command import CommandInput

from quiz.tags_view import read_tag_choices
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
            f'Try "Cram tag: {tag}" (^p): it keeps the schedule.'
        )


def test_a_tag_s_count_under_a_plan_is_what_its_session_opens_with(build: AppFactory) -> None:
    """What "Study tag: X" promises under a plan ("1 planned today") is what its session
    offers: today's cards of the tag that fit in today's minutes, not the plan's whole list
    left for the tag. At 1.5 minutes a day the numeric card tagged activations waits for
    tomorrow (its long answer does not fit), the concept card does not: the count says 1,
    and the session opens with the concept card alone."""
    ws = build().workspace
    set_plan(ws, 5, 1.5)
    status = ws.plan_status()
    assert status is not None and status.queue is not None
    assert status.queue.waiting == ("sigmoid-bound",), "the bank's case: one tagged card waits"
    checked = 0
    for choice in read_tag_choices(ws):
        if choice.request.mode != "due":
            continue
        tag = choice.request.tag
        tagged = {ref.id for ref in ws.content.refs if tag in ref.tags}
        offered = [card_id for card_id in status.offered if card_id in tagged]
        session = ws.start_session(choice.request)
        opened = [card.id for card in session.queued]
        session.finish()
        assert opened == offered, tag
        said = f"{len(offered)} planned today" if offered else "none planned today"
        assert said in choice.help, (tag, choice.help)
        checked += 1
    assert checked == 4
    activations = next(c for c in read_tag_choices(ws) if c.text == "Study tag: activations")
    assert "2 cards · 1 planned today" in activations.help
