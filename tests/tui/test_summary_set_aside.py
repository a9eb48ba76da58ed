"""The summary lists the cards a session buried or suspended, and how to bring one back:
it said nothing of them, and an Anki user who set two cards aside looks for them there."""

from __future__ import annotations

from quiz.tui.screens.browser import BrowserScreen
from quiz.tui.screens.home import HomeScreen
from quiz.tui.screens.study import StudyScreen
from quiz.tui.screens.summary import SummaryScreen
from quiz.workspace import StudyRequest
from tests.tui.conftest import (
    AppFactory,
    press,
    press_card_keys,
    screen_lines,
    searched,
    settle,
    showing,
)


def _shown(screen_text: list[str]) -> str:
    return "\n".join(line.rstrip() for line in screen_text)


async def test_the_summary_says_what_was_set_aside_and_where_it_is(build: AppFactory) -> None:
    app = build(study=StudyRequest())  # a due session over the bank's four new cards
    async with app.run_test(size=(80, 24)) as pilot:
        study = await showing(pilot, StudyScreen)
        assert study.card is not None
        buried = study.card.title
        await press_card_keys(pilot, "b")
        await settle(pilot)
        assert study.card is not None
        suspended = study.card.title
        await press_card_keys(pilot, "x")
        await settle(pilot)
        assert study.card is not None
        undone = study.card.title
        await press_card_keys(pilot, "b", "u")  # buried, then taken back: not set aside
        await settle(pilot)
        await press_card_keys(pilot, "escape")  # nothing answered: the summary still shows
        await showing(pilot, SummaryScreen)
        await settle(pilot)
        text = _shown([line.text for line in screen_lines(app)])
        rows = [line.strip() for line in text.splitlines()]
        at = rows.index(f"Set aside       buried until tomorrow: {buried}")
        assert rows[at + 1] == f"suspended: {suspended}", text
        assert undone not in text, text
        assert " ".join(rows[at + 2 : at + 4]) == (
            "to bring one back: b on Home, search is:buried or is:suspended, then ^b or ^s"
        ), text
        # where it says they are
        await press(pilot, "escape")
        await showing(pilot, HomeScreen)
        await press(pilot, "b", *"is:buried")
        browser = await showing(pilot, BrowserScreen)
        await searched(pilot)
        assert [row.card.title for row in browser.shown] == [buried]


async def test_a_session_that_set_nothing_aside_says_nothing_of_it(build: AppFactory) -> None:
    app = build(study=StudyRequest(mode="cram", kind="concept", limit=1))
    async with app.run_test(size=(80, 24)) as pilot:
        await showing(pilot, StudyScreen)
        await press(pilot, "space", "enter", "3")
        await showing(pilot, SummaryScreen)
        text = _shown([line.text for line in screen_lines(app)])
        assert "Set aside" not in text and "is:buried" not in text, text
