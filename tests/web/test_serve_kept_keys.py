"""Served in a browser tab, no screen offers a key the browser keeps (forty-fifth round).

A browser keeps ctrl+w, ctrl+t, ctrl+n and its other tab and window keys for itself: the
page never sees them. The card browser's help listed "^w, ^u  Delete a word, or all before
the cursor", and ^w closed the tab (the page asks "Leave site?" first). Every screen's
footer and help, with the app told it runs in a browser, offers none of them; in a terminal
the card browser's help still lists ^w, which works there.
"""

from __future__ import annotations

from typing import Any

import pytest
from textual.app import App
from textual.binding import Binding
from textual.screen import Screen

from quiz.tui.app import DrillbitApp
from quiz.tui.screens.browser import BrowserScreen
from quiz.tui.screens.drill import DrillScreen
from quiz.tui.screens.drills import DrillsScreen
from quiz.tui.screens.help import BROWSER_KEPT_KEYS, help_rows
from quiz.tui.screens.home import HomeScreen
from quiz.tui.screens.settings import SettingsScreen
from quiz.tui.screens.stats import StatsScreen
from quiz.tui.screens.study import StudyScreen
from quiz.workspace import StudyRequest
from tests.tui.conftest import (  # the TUI tests' app, bank and clock
    AppFactory,
    _patient_pilot,
    build,
    clock,
    press,
    settle,
    showing,
    tui_bank,
)

__all__ = ["_patient_pilot", "build", "clock", "tui_bank"]  # fixtures, used by name


def _offered(app: App[Any], screen: Screen[Any]) -> list[str]:
    """Every key the screen's footer and help offer now, as bound and as the help writes them."""
    footer = [
        key
        for key, active in screen.active_bindings.items()
        if active.binding.show and active.enabled
    ]
    helped = [part.strip() for keys, _said in help_rows(app, screen) for part in keys.split(",")]
    return footer + helped


def _kept(app: App[Any], offered: list[str]) -> list[str]:
    """The offered keys a browser keeps, as bound or as the app writes them in the help
    (`get_key_display`: "^pgup", "shift+^w"), asked of the running app, so a spelling the app
    or Textual changes is still found."""
    shown = {app.get_key_display(Binding(key, "")) for key in BROWSER_KEPT_KEYS}
    return [key for key in offered if key in BROWSER_KEPT_KEYS or key in shown]


@pytest.fixture
def in_a_browser(monkeypatch: pytest.MonkeyPatch) -> None:
    """The app told it runs in a browser tab, as textual-serve's driver tells it."""
    monkeypatch.setattr(DrillbitApp, "is_web", property(lambda _: True))


async def test_home_and_the_screens_it_opens_offer_no_key_the_browser_keeps(
    build: AppFactory, in_a_browser: None
) -> None:
    app = build()
    async with app.run_test(size=(100, 30)) as pilot:
        home = await showing(pilot, HomeScreen)
        assert _kept(app, _offered(app, home)) == []
        for key, kind in [
            ("b", BrowserScreen),
            ("l", DrillsScreen),
            ("s", StatsScreen),
            ("comma", SettingsScreen),
        ]:
            await press(pilot, key)
            screen = await showing(pilot, kind)
            await settle(pilot)
            offered = _offered(app, screen)
            assert offered, kind  # the help and footer were read
            assert _kept(app, offered) == [], (kind.__name__, offered)
            await press(pilot, "escape")
            await showing(pilot, HomeScreen)


async def test_the_card_browsers_help_offers_ctrl_u_not_ctrl_w_in_a_browser(
    build: AppFactory, in_a_browser: None
) -> None:
    app = build()
    async with app.run_test(size=(100, 30)) as pilot:
        await showing(pilot, HomeScreen)
        await press(pilot, "b")
        cards = await showing(pilot, BrowserScreen)
        await settle(pilot)
        rows = help_rows(app, cards)
        assert ("^u", "Delete all before the cursor") in rows, rows
        assert not [said for _keys, said in rows if "word" in said], rows


async def test_in_a_terminal_the_card_browsers_help_still_lists_ctrl_w(
    build: AppFactory,
) -> None:
    app = build()
    async with app.run_test(size=(100, 30)) as pilot:
        await showing(pilot, HomeScreen)
        await press(pilot, "b")
        cards = await showing(pilot, BrowserScreen)
        await settle(pilot)
        assert ("^w, ^u", "Delete a word, or all before the cursor") in help_rows(app, cards)


@pytest.mark.parametrize(
    "study",
    [StudyRequest(kind="concept"), StudyRequest(kind="choice"), StudyRequest(kind="numeric")],
)
async def test_a_study_screen_offers_no_key_the_browser_keeps(
    build: AppFactory, in_a_browser: None, study: StudyRequest
) -> None:
    app = build(study=study)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await showing(pilot, StudyScreen)
        await settle(pilot)
        assert _kept(app, _offered(app, screen)) == []
        await press(pilot, "space")  # revealed: the rating keys
        await settle(pilot)
        assert _kept(app, _offered(app, screen)) == []


async def test_the_drill_screen_and_its_editor_offer_no_key_the_browser_keeps(
    build: AppFactory, in_a_browser: None
) -> None:
    """The editor's own keys (a TextArea's ^w "delete left word") were the help's rows too."""
    app = build(drill="tiny-sgd")
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await showing(pilot, DrillScreen)
        await settle(pilot)
        offered = _offered(app, screen)
        assert "f2" in offered  # the hint's stand-in for ^t
        assert _kept(app, offered) == [], offered
