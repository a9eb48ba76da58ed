"""A text box's editing keys typed in a burst act in the order typed. Textual runs an
Input's ctrl+u or backspace only once the key is back at the app, after the characters
typed behind it went in: the settings box, open on a refused date, took ctrl+u and a new
date in one burst as an empty value ("No interview plan was set; nothing changed."), and
a number card's "12", backspace, "5" read "12", as the card search's "relx", backspace,
"u" read "rel"."""

from __future__ import annotations

from datetime import UTC, date

from textual.widgets import Input

from quiz.tui.screens.browser import BrowserScreen
from quiz.tui.screens.study import StudyScreen
from quiz.tui.widgets.answers import NumberAnswer
from quiz.workspace import StudyRequest
from tests.tui.conftest import AppFactory, press, settle, showing, wait_until
from tests.tui.test_settings_burst import _burst, _settings_on


async def test_a_new_date_typed_fast_over_a_refused_one_is_saved(build: AppFactory) -> None:
    app = build()
    app.workspace.tz = UTC  # the fake clock's day: 2026-03-02
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _settings_on(pilot, "interview")
        _burst(pilot, "enter", "ctrl+u", *"2026-13-40", "enter")
        await settle(pilot)
        assert screen.editing == "interview", "the refused date keeps the box open"
        assert app.workspace.store.interview_plan() is None
        _burst(pilot, "ctrl+u", *"2026-03-20", "enter")
        await settle(pilot)
        plan = app.workspace.store.interview_plan()
        assert plan is not None and plan.interview == date(2026, 3, 20)
        assert screen.editing is None


async def test_a_backspace_typed_fast_in_a_setting_deletes_the_digit_before_it(
    build: AppFactory,
) -> None:
    app = build()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _settings_on(pilot, "new_per_day")
        _burst(pilot, "enter")  # the box open first: the app's key gate holds no key now
        await settle(pilot)
        assert screen.editing == "new_per_day"
        _burst(pilot, "ctrl+u", "4", "5", "backspace", "7", "left", "3")
        await settle(pilot)
        assert screen.query_one("#settings-input", Input).value == "437"
        _burst(pilot, "home", "delete", "end", "backspace", "enter")
        await settle(pilot)
        assert app.workspace.settings.new_per_day == 3


async def test_a_backspace_typed_fast_in_a_number_answer_is_in_order(
    build: AppFactory,
) -> None:
    app = build(study=StudyRequest(mode="cram", kind="numeric"))
    async with app.run_test(size=(80, 24)) as pilot:
        study = await showing(pilot, StudyScreen)
        box = study.query_one(NumberAnswer)
        assert box.has_focus
        _burst(pilot, "1", "2", "backspace", "5", "ctrl+u", "0", ".", "5")
        await settle(pilot)
        assert box.value == "0.5"


async def test_a_backspace_typed_fast_in_the_card_search_is_in_order(build: AppFactory) -> None:
    app = build()
    async with app.run_test(size=(80, 24)) as pilot:
        await press(pilot, "b")
        browser = await showing(pilot, BrowserScreen)
        box = browser.query_one("#search", Input)
        assert box.has_focus
        _burst(pilot, *"relx", "backspace", "u")
        await settle(pilot)
        assert box.value == "relu"
        assert await wait_until(pilot, lambda: not browser.search_pending)
        await settle(pilot)
        assert [row.card.id for row in browser.shown] == ["what-is-relu"]
