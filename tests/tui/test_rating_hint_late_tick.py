"""The rating keys' hint is not overwritten by a tick handled after enter.

In tmux, "1 2 enter" typed quickly on a revealed concept card left the points' hint,
"2/6 ticked (1-6) → 1 Again · enter or space: rate", over the rating keys: the ticks'
messages were handled after enter had shown them, and space there rates Good, not the
Again it named.
"""

from __future__ import annotations

from quiz.tui.screens.study import StudyScreen
from quiz.tui.widgets.answers import KeyPointChecklist
from quiz.workspace import StudyRequest
from tests.tui.conftest import AppFactory, press, settle, showing


async def test_a_tick_handled_after_enter_leaves_the_rating_hint(build: AppFactory) -> None:
    app = build(study=StudyRequest(kind="concept"))
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await showing(pilot, StudyScreen)
        await press(pilot, "space")
        checklist = screen.query_one(KeyPointChecklist)
        checklist.action_tick(0)  # its Ticked message waits in the queue...
        screen.action_to_rating()  # ...while enter shows the rating keys
        await settle(pilot)
        status = str(screen.query_one("#study-status").render())
        assert screen.phase == "rating"
        assert status.startswith("Rate with 1-4 (space: Good); enter takes "), status
        assert "ticked" not in status, status
