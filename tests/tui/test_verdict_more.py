"""A failure's explanation cut short in the drill's verdict box says so on the box's last
line, with the keys that reach the rest, until it is being read."""

from __future__ import annotations

from textual.widgets import TextArea

from quiz.tui.screens.drill import DrillScreen
from quiz.tui.widgets.footer import KeysFooter
from quiz.tui.widgets.verdict_view import (
    MORE_BELOW,
    MORE_BELOW_KEYS,
    READ_KEY,
    READING,
    VerdictView,
)
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
        enter, scroll, back = MORE_BELOW_KEYS
        small = verdict.size.height
        await press(pilot, enter)  # one key, straight from the editor into the explanation
        assert verdict.has_focus
        assert await wait_until(pilot, lambda: verdict.says_reading)
        assert not verdict.says_more_below
        await settle(pilot)
        assert verdict.size.height > small, "read, the box grows"
        assert READING in screen_lines(app)[verdict.region.bottom - 1].text
        assert verdict.max_scroll_y > 0, "grown, the box still holds more than it shows"
        await press(pilot, scroll)  # the note's second key scrolls it
        assert await wait_until(pilot, lambda: verdict.scroll_y > 0)
        await press(pilot, back)  # the same key: back to the editor, the box small again
        assert editor.has_focus
        assert await wait_until(pilot, lambda: verdict.says_more_below)
        await press(pilot, "shift+tab", "tab")  # the old way in still works
        assert verdict.has_focus
        await press(pilot, "tab")
        assert editor.has_focus


async def test_the_read_key_leaves_the_code_as_it_was(build: AppFactory) -> None:
    """f4 is a key the editor would not type anyway; pressed in the editor it moves the
    focus and adds nothing to the code (a binding without priority would reach the editor
    first only for keys it handles, and it handles no F key but f6 and f7)."""
    app = build(drill="tiny-sgd")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await showing(pilot, DrillScreen)
        verdict = screen.query_one(VerdictView)
        editor = screen.query_one("#editor", TextArea)
        editor.load_text(WRONG)
        await grade_now(app, pilot)
        await press(pilot, READ_KEY, READ_KEY)
        assert editor.has_focus and editor.text == WRONG
        assert not verdict.says_reading


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
    scrolls; then "press shift+tab, then tab, then ↓" was three keys to reach the text: it
    says, in order, every key the test above presses to read the rest and go back."""
    at = 0
    for key in MORE_BELOW_KEYS:
        found = MORE_BELOW.find(SHOWN.get(key, key), at)
        assert found >= at, f"{key!r} not named after column {at}: {MORE_BELOW!r}"
        at = found + len(SHOWN.get(key, key))
    assert "reads it" in MORE_BELOW
    assert MORE_BELOW.count(READ_KEY) == 2 and "tab" not in MORE_BELOW


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
