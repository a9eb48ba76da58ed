"""A notice raised while a modal is open that the rows its box leaves free cannot hold waits
for the modal to close, and then shows with its full time. At 80x24 the drill's help
leaves two rows under its box: a pass's notice (a title and two lines), come while the
person read the help, was laid hidden under it and its time ran out there."""

from __future__ import annotations

import time

import pytest
from textual.widgets._toast import Toast

from quiz.tui.screens.drill import DrillScreen
from quiz.tui.screens.help import HelpScreen
from quiz.tui.screens.home import HomeScreen
from tests.tui.conftest import AppFactory, press, settle, showing, wait_until

PASSED = (
    "Passed. The explanation is under the task (tab: back to the editor). "
    "Next: ^f opens one not passed yet."
)
"""A pass's notice: two lines at 80 columns, three rows with its title."""


def _words(screen: object) -> list[str]:
    """The words of each notice on `screen`."""
    return [str(toast.render()) for toast in screen.query(Toast)]  # type: ignore[attr-defined]


async def test_a_notice_raised_under_the_drills_help_waits_for_it_to_close(
    build: AppFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = build(drill="tiny-sgd")
    monkeypatch.setattr(app, "NOTIFICATION_TIMEOUT", 600.0)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        drill = await showing(pilot, DrillScreen)
        await press(pilot, "f1")
        help_screen = await showing(pilot, HelpScreen)
        await settle(pilot)
        drill.notify(PASSED, title="Tiny SGD", timeout=120)
        await settle(pilot)
        assert [n.message for n in help_screen.notice_hold.held] == [PASSED]
        assert _words(help_screen) == [] and _words(drill) == []  # not drawn, not timing out

        closed_at = time.time()
        await press(pilot, "escape")
        await showing(pilot, DrillScreen)
        assert await wait_until(pilot, lambda: len(_words(drill)) == 1)
        await settle(pilot)
        toast = drill.query_one(Toast)
        assert PASSED in _words(drill)[0].replace("\n", " ") and toast.visible
        shown = toast._notification
        assert shown.title == "Tiny SGD" and shown.timeout == 120  # its full time, from now on
        assert shown.raised_at >= closed_at


async def test_only_the_last_of_the_drills_held_notices_shows(
    build: AppFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The drill shows one notice at a time (each clears the one before): held ones too."""
    app = build(drill="tiny-sgd")
    monkeypatch.setattr(app, "NOTIFICATION_TIMEOUT", 600.0)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        drill = await showing(pilot, DrillScreen)
        await press(pilot, "f1")
        help_screen = await showing(pilot, HelpScreen)
        await settle(pilot)
        for title in ("Could not grade", "Tiny SGD"):
            drill.notify(PASSED, title=title)
            await settle(pilot)
        assert [n.title for n in help_screen.notice_hold.held] == ["Tiny SGD"]
        await press(pilot, "escape")
        await showing(pilot, DrillScreen)
        assert await wait_until(pilot, lambda: len(_words(drill)) == 1)
        await settle(pilot)
        assert "Tiny SGD" in _words(drill)[0]


async def test_a_notice_the_free_rows_hold_is_shown_beside_the_help(
    build: AppFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Home's help at 80x24 leaves two rows under its box: a notice raised then shows there."""
    app = build()
    monkeypatch.setattr(app, "NOTIFICATION_TIMEOUT", 600.0)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await showing(pilot, HomeScreen)
        await press(pilot, "question_mark")
        help_screen = await showing(pilot, HelpScreen)
        await settle(pilot)
        app.notify("Nothing was answered.", title="Session ended: due")
        assert await wait_until(pilot, lambda: len(_words(help_screen)) == 1)
        await settle(pilot)
        assert help_screen.notice_hold.held == []
        toast = help_screen.query_one(Toast)
        assert toast.visible and not help_screen.has_class("-notices-after")
        assert toast.region.y >= help_screen.query_one("#help-box").region.bottom


async def test_quitting_with_a_held_notice_ends_the_app(
    build: AppFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The help closing as the app quits raises its held notice into an app that is ending:
    the app still ends, with no error."""
    app = build(drill="tiny-sgd")
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        drill = await showing(pilot, DrillScreen)
        await press(pilot, "f1")
        help_screen = await showing(pilot, HelpScreen)
        await settle(pilot)
        drill.notify(PASSED, title="Tiny SGD")
        await settle(pilot)
        assert len(help_screen.notice_hold.held) == 1
        await press(pilot, "ctrl+q")
    assert app.return_code == 0


async def test_a_notice_raised_in_the_command_palette_shows_once_it_closes(
    build: AppFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """At 80x24 the palette draws no notice (its list reaches the foot): one raised while
    it was open (a store warning from the saving thread) ran its time out there unseen."""
    from textual.command import CommandPalette

    app = build()
    monkeypatch.setattr(app, "NOTIFICATION_TIMEOUT", 600.0)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        home = await showing(pilot, HomeScreen)
        await press(pilot, "ctrl+p")
        palette = await showing(pilot, CommandPalette)
        await settle(pilot)
        app.notify("Nothing more is saved.", title="Progress database", timeout=120)
        await settle(pilot)
        assert [n.title for n in app.palette_hold.held] == ["Progress database"]
        assert _words(palette) == []

        closed_at = time.time()
        await press(pilot, "escape")
        await showing(pilot, HomeScreen)
        assert await wait_until(pilot, lambda: len(_words(home)) == 1)
        await settle(pilot)
        toast = home.query_one(Toast)
        assert "Nothing more is saved." in _words(home)[0] and toast.visible
        assert toast._notification.timeout == 120 and toast._notification.raised_at >= closed_at
        assert app.palette_hold.held == []
