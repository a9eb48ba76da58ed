"""A notice while a modal is open lies in the rows its box leaves free, never over the box's
text. At 80x24 Home's "Session ended" notice, current when the help was opened, lay at the
bottom right over the help box's last lines and its corner. A notice the free rows cannot
hold is not drawn on the modal: it shows on the screen under it once the modal closes."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pytest
from textual.widgets import TextArea
from textual.widgets._toast import Toast

from quiz.tui.screens.confirm import ConfirmScreen
from quiz.tui.screens.drill import DrillScreen
from quiz.tui.screens.help import HelpScreen
from quiz.tui.screens.home import HomeScreen
from quiz.tui.widgets.footer import KeysFooter
from tests.tui.conftest import AppFactory, press, settle, showing, wait_until

if TYPE_CHECKING:
    from textual.pilot import Pilot
    from textual.screen import Screen

ENDED = ("Nothing was answered.", "Session ended: due")


async def drawn_toast(pilot: Pilot[None], screen: Screen[Any]) -> Toast:
    """The one notice on `screen`, once it is laid out."""
    assert await wait_until(pilot, lambda: len(list(screen.query(Toast))) == 1)
    await settle(pilot)
    return screen.query_one(Toast)


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_homes_notice_lies_beside_the_help_box_not_over_it(
    build: AppFactory, monkeypatch: pytest.MonkeyPatch, size: tuple[int, int]
) -> None:
    app = build()
    monkeypatch.setattr(app, "NOTIFICATION_TIMEOUT", 600.0)  # on screen while looked at
    async with app.run_test(size=size, notifications=True) as pilot:
        await showing(pilot, HomeScreen)
        app.notify(ENDED[0], title=ENDED[1])
        await settle(pilot)
        await press(pilot, "question_mark")
        help_screen = await showing(pilot, HelpScreen)
        toast = await drawn_toast(pilot, help_screen)
        box = help_screen.query_one("#help-box").region
        assert ENDED[1] in str(toast.render())
        assert not toast.region.overlaps(box), (toast.region, box)
        assert not toast.region.overlaps(help_screen.query_one(KeysFooter).region)
        assert toast.region.height == 2 and toast.region.y >= box.bottom  # drawn, below it
        assert toast.visible and not help_screen.has_class("-notices-after")


async def test_a_notice_the_free_rows_cannot_hold_shows_after_the_help(
    build: AppFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """At 80x16 the help box leaves one row under it and none above: the notice waits."""
    app = build()
    monkeypatch.setattr(app, "NOTIFICATION_TIMEOUT", 600.0)
    async with app.run_test(size=(80, 16), notifications=True) as pilot:
        home = await showing(pilot, HomeScreen)
        app.notify(ENDED[0], title=ENDED[1])
        await settle(pilot)
        await press(pilot, "question_mark")
        help_screen = await showing(pilot, HelpScreen)
        await drawn_toast(pilot, help_screen)
        assert await wait_until(pilot, lambda: help_screen.has_class("-notices-after"))
        assert not help_screen.query_one(Toast).visible
        await press(pilot, "escape")
        await showing(pilot, HomeScreen)
        back = await drawn_toast(pilot, home)
        assert back.visible and ENDED[0] in str(back.render())


async def test_a_drill_notice_lies_beside_the_reset_question(
    build: AppFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = build(drill="tiny-sgd")
    monkeypatch.setattr(app, "NOTIFICATION_TIMEOUT", 600.0)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        drill = await showing(pilot, DrillScreen)
        drill.query_one("#editor", TextArea).load_text("x = 1\n")
        drill.notify("No hints left.", severity="warning")
        await settle(pilot)
        await press(pilot, "ctrl+n")  # "Reset to the starter code?"
        question = await showing(pilot, ConfirmScreen)
        toast = await drawn_toast(pilot, question)
        box = question.query_one("#confirm-box").region
        assert toast.visible and not toast.region.overlaps(box), (toast.region, box)
        assert not toast.region.overlaps(question.query_one(KeysFooter).region)
