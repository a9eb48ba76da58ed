"""A suspended card opened by hand (from the card browser) offers no x (forty-ninth round):
x said "Suspended: ..." of a card that was suspended already, set it aside as this
session's, ended a session of one card, and its summary listed it among the cards set aside."""

from __future__ import annotations

from quiz.tui.screens.help import HelpScreen
from quiz.tui.screens.home import HomeScreen
from quiz.tui.screens.study import StudyScreen
from quiz.tui.screens.summary import SummaryScreen
from quiz.workspace import StudyRequest
from tests.tui.conftest import (
    AppFactory,
    footer_descriptions,
    press,
    press_card_keys,
    screen_lines,
    settle,
    showing,
)


async def test_a_suspended_card_opened_by_hand_offers_bury_but_not_suspend(
    build: AppFactory,
) -> None:
    app = build(study=StudyRequest(mode="cram", card_ids=("what-is-relu",)))
    ws = app.workspace
    ws.store.set_flag("what-is-relu", suspended=True, buried_until=None, now=ws.now())
    async with app.run_test(size=(80, 24)) as pilot:
        study = await showing(pilot, StudyScreen)
        await settle(pilot)
        descriptions = footer_descriptions(study)
        assert "Suspend" not in descriptions and "Bury" in descriptions, descriptions
        await press_card_keys(pilot, "x")  # nothing: the card stays, no notice
        assert app.screen is study and study.card is not None
        assert study.card.id == "what-is-relu"
        await press(pilot, "question_mark")
        await showing(pilot, HelpScreen)
        rows = " ".join(line.text for line in screen_lines(app))
        assert "Suspend: it is suspended already (not now)" in rows, rows
        await press(pilot, "escape")
        await showing(pilot, StudyScreen)
        await press_card_keys(pilot, "escape")  # nothing answered, nothing set aside
        await showing(pilot, HomeScreen)
        flag = ws.store.card_flag("what-is-relu")
        assert flag is not None and flag[0].suspended  # as it was


async def test_a_card_not_suspended_is_suspended_with_x(build: AppFactory) -> None:
    app = build(study=StudyRequest(mode="cram", card_ids=("what-is-relu",)))
    async with app.run_test(size=(80, 24)) as pilot:
        study = await showing(pilot, StudyScreen)
        assert "Suspend" in footer_descriptions(study)
        await press_card_keys(pilot, "x")
        await showing(pilot, SummaryScreen)
        flag = app.workspace.store.card_flag("what-is-relu")
        assert flag is not None and flag[0].suspended
