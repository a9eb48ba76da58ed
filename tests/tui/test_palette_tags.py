"""Study by tag from the TUI: the palette's "Study tag: X" and "Cram tag: X" open the
session `drillbit study --tag X` (and `--mode cram`) opens; Home's rows select by pack and
topic only, so a tag could be studied on the command line alone."""

from __future__ import annotations

import pytest
from textual.command import CommandInput

from quiz.bank.index import CardRef
from quiz.tags_view import read_tag_choices, tag_choices
from quiz.tui.screens.home import HomeScreen
from quiz.tui.screens.study import StudyScreen
from quiz.workspace import StudyRequest
from tests.tui.conftest import AppFactory, press, set_plan, settle, showing, wait_until

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


def test_under_a_plan_a_tag_s_help_counts_its_cards_planned_today() -> None:
    """Under a plan "Study tag: X" studies the tag's cards planned today, and its help
    said "N cards · the due ones": it counts those now, and says when there are none."""
    refs = [
        CardRef("a", "p", "t", "concept", "A", ("sigmoid", "activations")),
        CardRef("b", "p", "t", "choice", "B", ("activations",)),
        CardRef("c", "p", "t", "coding", "C", ("loss",)),
    ]
    helps = {c.text: c.help for c in tag_choices(refs, planned=("b", "c"))}
    assert helps["Study tag: activations"].startswith("2 cards · 1 planned today (")
    assert helps["Study tag: loss"].startswith("1 card · 1 planned today (")
    assert helps["Study tag: sigmoid"].startswith("1 card · none planned today (")
    assert helps["Cram tag: sigmoid"].startswith("1 card · all of them"), "cram: every card"
    without = {c.text: c.help for c in tag_choices(refs)}
    assert without["Study tag: sigmoid"].startswith("1 card · the due ones ("), "no plan"


def test_the_palette_reads_the_running_plan_s_today(build: AppFactory) -> None:
    """The palette's choices read the workspace's plan: its today's cards of each tag."""
    ws = build().workspace
    assert all("the due ones" in c.help for c in read_tag_choices(ws) if c.text.startswith("S"))
    set_plan(ws, 30, 5.0)
    status = ws.plan_status()
    assert status is not None and status.offered
    planned = [ref for ref in ws.content.refs if ref.id in set(status.offered)]
    tagged = sum(1 for ref in planned if "activations" in ref.tags)
    helps = {c.text: c.help for c in read_tag_choices(ws)}
    said = f"{tagged} planned today" if tagged else "none planned today"
    assert f"cards · {said} (drillbit study --tag activations)" in helps["Study tag: activations"]
