"""A failure's explanation cut short in the drill's verdict box says so on the box's last
line, with the keys that reach the rest, until it is being read."""

from __future__ import annotations

from textual.widgets import TextArea

from quiz.tui.screens.drill import DrillScreen
from quiz.tui.widgets.footer import KeysFooter
from quiz.tui.widgets.verdict_view import MORE_BELOW, MORE_BELOW_KEYS, VerdictView
from tests.tui.conftest import (
    SOLUTION,
    WRONG,
    AppFactory,
    press,
    screen_lines,
    settle,
    showing,
    wait_until,
)
from tests.tui.test_drill import grade_now


async def test_a_failure_cut_short_at_80x24_says_more_below_until_it_is_read(
    build: AppFactory,
) -> None:
    """At 80x24 a first session's sigmoid failure ended the box at "exp overflows for
    arguments above", and nothing said there was more nor which keys reach it (tab indents
    in the editor). The box's last line, where the cut text ends, says it while the editor
    has the focus (on its top edge, right-aligned between the editor and the status, a new
    user did not see it); read (tab from the task pane) it says nothing; back in the editor
    it says it again."""
    app = build(drill="tiny-sgd")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await showing(pilot, DrillScreen)
        verdict = screen.query_one(VerdictView)
        editor = screen.query_one("#editor", TextArea)
        assert not verdict.says_more_below  # nothing graded yet
        editor.load_text(WRONG)
        await grade_now(app, pilot)
        assert verdict.cut_short(), "the explanation fits: the test shows nothing"
        assert await wait_until(pilot, lambda: verdict.says_more_below)
        await settle(pilot)
        rows = [strip.text for strip in screen_lines(app)]
        footer = screen.query_one(KeysFooter).region.y
        assert MORE_BELOW in rows[footer - 1]  # the box's last row, right above the keys
        assert MORE_BELOW not in "".join(rows[: footer - 1])
        leave, enter, scroll = MORE_BELOW_KEYS
        await press(pilot, leave, enter)  # the task pane, then the explanation
        assert verdict.has_focus
        assert await wait_until(pilot, lambda: not verdict.says_more_below)
        await settle(pilot)
        assert verdict.max_scroll_y > 0, "grown, the box still holds more than it shows"
        await press(pilot, scroll)  # the note's last key scrolls it
        assert await wait_until(pilot, lambda: verdict.scroll_y > 0)
        await press(pilot, "tab")  # back to the editor, the box small again
        assert editor.has_focus
        assert await wait_until(pilot, lambda: verdict.says_more_below)


async def test_a_verdict_that_fits_says_nothing_more(build: AppFactory) -> None:
    """At 120x40 the same failure fits its box, and a pass has no explanation: no edge note."""
    app = build(drill="tiny-sgd")
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await showing(pilot, DrillScreen)
        verdict = screen.query_one(VerdictView)
        screen.query_one("#editor", TextArea).load_text(WRONG)
        await grade_now(app, pilot)
        await settle(pilot)
        assert not verdict.cut_short() and not verdict.says_more_below
    app = build(drill="tiny-sgd")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await showing(pilot, DrillScreen)
        verdict = screen.query_one(VerdictView)
        screen.query_one("#editor", TextArea).load_text(SOLUTION)
        await grade_now(app, pilot)
        await settle(pilot)
        assert not verdict.says_more_below


SHOWN = {"down": "↓"}
"""How the note writes a key whose name is not what its cap shows."""


def test_the_note_names_the_keys_that_read_the_rest_in_order() -> None:
    """The note "▼ more below: shift+tab, then tab" read as a riddle and named no key that
    scrolls: it says, in order, every key the test above presses to read the rest."""
    at = 0
    for key in MORE_BELOW_KEYS:
        found = MORE_BELOW.find(SHOWN.get(key, key), at)
        assert found >= at, f"{key!r} not named after column {at}: {MORE_BELOW!r}"
        at = found + len(SHOWN.get(key, key))
    assert "read it" in MORE_BELOW


async def test_the_note_is_whole_in_the_narrower_box_side_by_side(build: AppFactory) -> None:
    """Side by side (120 columns) the box is some 70 columns wide, and at 24 rows the same
    failure is cut short: the note is on the box's last row, whole, not cut at its edge."""
    app = build(drill="tiny-sgd")
    async with app.run_test(size=(120, 24)) as pilot:
        screen = await showing(pilot, DrillScreen)
        verdict = screen.query_one(VerdictView)
        screen.query_one("#editor", TextArea).load_text(WRONG)
        await grade_now(app, pilot)
        assert not screen.has_class("-narrow"), "stacked: the box is the screen's width"
        assert await wait_until(pilot, lambda: verdict.says_more_below)
        await settle(pilot)
        assert verdict.size.width < 80
        last = screen_lines(app)[verdict.region.bottom - 1].text
        assert MORE_BELOW in last, last
