"""A drill's help says when a key that does nothing now works (fifty-first round): opened
from the list it read "Give up: rate it Again (asks first) (not now)", "Next drill: one
not passed yet (not now)" and, with the editor focused (where tab indents), "Switch pane:
task or editor (not now)", and a newcomer could not tell what would make them work."""

from __future__ import annotations

from textual.widgets import TextArea

from quiz.drills_view import drill_key_not_now
from quiz.tui.screens.drill import DrillScreen
from tests.tui.conftest import SOLUTION, AppFactory, showing
from tests.tui.test_drill import grade_now
from tests.tui.test_help_meanings import _help_fits, _meanings


async def test_outside_a_session_the_drill_s_help_says_when_its_idle_keys_work(
    build: AppFactory,
) -> None:
    app = build(drill="tiny-sgd")
    async with app.run_test(size=(80, 24)) as pilot:
        drill = await showing(pilot, DrillScreen)
        assert drill.query_one("#editor", TextArea).has_focus
        said = _meanings(await _help_fits(pilot))  # each row fits the box at 80 columns
        assert said["^g"] == "Give up: in a session, rates it Again"
        assert said["^f"] == "Next drill: once this one passes"
        assert said["^o"] == "Previous code: none kept from a last try"
        assert said["tab"] == "Switch pane: shift+tab first (tab indents here)"
        assert said["^n"] == "Reset: the starter is in the editor"
        assert not [what for what in said.values() if what.endswith("(not now)")]
        drill.query_one("#editor", TextArea).load_text(SOLUTION)
        await grade_now(app, pilot)
        assert drill.sitting.progress.passed
        said = _meanings(await _help_fits(pilot))
        assert said["^f"] == "Next drill: none left to pass"  # tiny-sgd is the only drill


def test_in_a_session_the_words_say_what_a_session_changes() -> None:
    assert drill_key_not_now("give_up", in_session=True, passed=True) == (
        "Give up: not after a pass"
    )
    assert drill_key_not_now("next_drill", in_session=True, passed=True) == (
        "Next drill: outside a session (esc goes on)"
    )
    assert drill_key_not_now("grade", in_session=False, passed=False) is None
