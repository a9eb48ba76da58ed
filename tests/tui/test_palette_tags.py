"""Study by tag from the TUI: the palette's "Study tag: X" and "Cram tag: X" open the
session `drillbit study --tag X` (and `--mode cram`) opens; Home's rows select by pack and
topic only, so a tag could be studied on the command line alone."""

from __future__ import annotations

import pytest
from textual.command import CommandInput

from quiz.bank.index import CardRef
from quiz.tags_view import tag_choices
from quiz.tui.screens.home import HomeScreen
from quiz.tui.screens.study import StudyScreen
from quiz.workspace import StudyRequest
from tests.tui.conftest import AppFactory, press, settle, showing, wait_until

ACTIVATIONS = {"what-is-relu", "sigmoid-bound"}
"""The test bank's cards tagged activations (dropout-inference and tiny-sgd are not)."""


@pytest.mark.parametrize(
    ("typed", "mode"), [("study tag activations", "due"), ("cram tag activations", "cram")]
)
async def test_the_palette_opens_a_session_of_a_tags_cards(
    build: AppFactory, typed: str, mode: str
) -> None:
    app = build()
    async with app.run_test(size=(80, 24)) as pilot:
        await showing(pilot, HomeScreen)
        await press(pilot, "ctrl+p")
        assert await wait_until(pilot, lambda: bool(app.screen.query(CommandInput)))
        await pilot.press(*typed)
        await settle(pilot)
        await press(pilot, "enter")
        study = await showing(pilot, StudyScreen)
        assert study.request == StudyRequest(mode=mode, tag="activations")  # type: ignore[arg-type]
        assert study.card is not None and study.card.id in ACTIVATIONS
        seen: set[str] = set()
        session = study.session
        while session.current is not None and session.current.id not in seen:
            seen.add(session.current.id)
            session.skip()
        assert seen == ACTIVATIONS


def test_every_tag_has_a_due_and_a_cram_choice_with_its_count() -> None:
    """Tags in alphabetical order, each counted once per card that carries it."""
    refs = [
        CardRef("a", "p", "t", "concept", "A", ("sigmoid", "activations")),
        CardRef("b", "p", "t", "choice", "B", ("activations",)),
        CardRef("c", "p", "t", "coding", "C", ()),
    ]
    choices = tag_choices(refs)
    assert [c.text for c in choices] == [
        "Study tag: activations",
        "Cram tag: activations",
        "Study tag: sigmoid",
        "Cram tag: sigmoid",
    ]
    assert [c.request for c in choices[:2]] == [
        StudyRequest(mode="due", tag="activations"),
        StudyRequest(mode="cram", tag="activations"),
    ]
    assert choices[0].help.startswith("2 cards") and choices[2].help.startswith("1 card ")
    assert tag_choices([refs[2]]) == []
