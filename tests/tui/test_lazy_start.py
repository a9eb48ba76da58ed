"""A warm start shows Home and a due session's first card from the card index, building
only the card shown; the rest of the bank loads when something needs every card."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from quiz.bank import cachefile, loader
from quiz.tui.screens.home import HomeScreen
from quiz.tui.screens.study import StudyScreen
from quiz.workspace import StudyRequest
from tests.tui.conftest import AppFactory, Recorder, notices, press, settle, showing
from tests.tui.test_home import table_rows


@pytest.fixture
def warm(build: AppFactory, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """One app built (its full load remembers the index), then full loads are recorded."""
    monkeypatch.setattr(cachefile, "RACY_SECONDS", 0.0)  # the bank's files were just copied
    first = build()
    assert first.workspace.content.loaded
    first.workspace.close()
    loads: list[str] = []
    real = loader.load_bank

    def recorded(roots: list[Path], **kwargs: Any) -> loader.Bank:
        loads.append("full")
        return real(roots, **kwargs)

    monkeypatch.setattr(loader, "load_bank", recorded)
    return loads


async def test_home_counts_before_the_bank_is_loaded(
    build: AppFactory, warm: list[str], tui_bank: Path
) -> None:
    (tui_bank / "mini" / "basics" / "broken.md").write_text("---\nid: [\n---\n", encoding="utf-8")
    app = build()
    # a changed folder: the first use of the bank reads the changed file (the others from
    # their remembered facts, no whole load), and the index with the broken file is kept
    assert [path.name for path in app.workspace.content.index.broken] == ["broken.md"]
    assert not app.workspace.content.loaded and warm == []
    app.workspace.close()
    warm.clear()
    app = build()
    async with app.run_test() as pilot:
        screen = await showing(pilot, HomeScreen)
        assert not app.workspace.content.loaded and warm == []
        rows = table_rows(screen)
        assert rows[0] == ["Mini", "4", "4", "0", "0", "0", "4"]
        assert [r[0].strip() for r in rows[1:]] == ["basics", "drills"]
        summary = str(screen.query_one("#home-summary").render())
        assert "4 new" in summary and "= 4 cards" in summary
        assert "1 card file could not be loaded" in summary
        assert not app.workspace.content.loaded and warm == []


async def test_a_due_session_shows_its_first_card_from_its_own_file(
    build: AppFactory, warm: list[str]
) -> None:
    app = build(study=StudyRequest(mode="due"))
    async with app.run_test() as pilot:
        await settle(pilot)
        screen = await showing(pilot, StudyScreen)
        first = screen.session.current
        shown = screen.card
        assert first is not None and shown is not None and shown.id == first.id
        assert shown.sections  # the full model, built from the card's file
        assert not app.workspace.content.loaded and warm == []
        # the whole bank loads on first need, once
        assert len(app.workspace.cards) == 4 and warm == ["full"]
        assert app.workspace.card(first.id) is not None and warm == ["full"]


async def test_home_counts_only_once_shown(
    build: AppFactory, warm: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    counted: list[str] = []
    real = HomeScreen.refresh_counts

    def recorded(screen: HomeScreen) -> None:
        counted.append(type(screen.app.screen).__name__)
        real(screen)

    monkeypatch.setattr(HomeScreen, "refresh_counts", recorded)
    app = build()
    async with app.run_test() as pilot:
        await settle(pilot)
        assert counted == ["HomeScreen"]  # once at the start, not again when first resumed
    counted.clear()
    app = build(study=StudyRequest(mode="due"))
    async with app.run_test() as pilot:
        await settle(pilot)
        await showing(pilot, StudyScreen)
        assert counted == []  # Home, under the session, counts when it is shown


async def test_a_session_opened_at_start_builds_home_when_left(build: AppFactory) -> None:
    app = build(study=StudyRequest(mode="cram"))
    async with app.run_test() as pilot:
        await settle(pilot)
        await showing(pilot, StudyScreen)
        assert not any(isinstance(screen, HomeScreen) for screen in app.screen_stack)
        await press(pilot, "escape")  # ends the session, nothing answered: no summary
        await settle(pilot)
        home = await showing(pilot, HomeScreen)  # built now, with its counts
        assert [type(screen) for screen in app.screen_stack[1:]] == [HomeScreen]
        assert table_rows(home)[0] == ["Mini", "4", "4", "0", "0", "0", "4"]
        await press(pilot, "c")  # a session from Home goes back to this Home
        await settle(pilot)
        await press(pilot, "escape")
        await settle(pilot)
        assert app.screen is home
        assert [type(screen) for screen in app.screen_stack[1:]] == [HomeScreen]


async def test_a_session_at_start_with_nothing_to_study_shows_home(
    build: AppFactory, recorder: Recorder
) -> None:
    app = build(study=StudyRequest(mode="due"))
    session = app.workspace.start_session(StudyRequest())
    while session.current is not None:  # every new card answered Good: none due now
        session.answer(True)
    session.finish()
    async with app.run_test(message_hook=recorder, notifications=True) as pilot:
        await settle(pilot)
        await showing(pilot, HomeScreen)
        assert any("Nothing to study" in m for m in notices(recorder))


async def test_the_drill_list_lists_from_the_card_index(build: AppFactory, warm: list[str]) -> None:
    """The drill list needs each drill's id, title, pack and topic, which the index holds:
    on the heavy home, loading 10,000 card models for it froze the screen about a second."""
    from quiz.drill_list import drill_rows
    from quiz.tui.screens.drills import DrillsScreen

    app = build()
    async with app.run_test() as pilot:
        await showing(pilot, HomeScreen)
        await press(pilot, "l")
        await settle(pilot)
        listing = await showing(pilot, DrillsScreen)
        assert not app.workspace.content.loaded and warm == []
        shown = listing.rows
        assert [row.id for row in shown] == ["tiny-sgd"]
        # the same rows the card models give
        assert list(shown) == drill_rows(app.workspace.cards, app.workspace.store)
        assert warm == ["full"]


async def test_the_card_browser_lists_from_the_card_index(
    build: AppFactory, warm: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A row shows a card's id, title, kind, pack, topic and tags, which the index holds: on
    a heavy user's bank, loading 10,000 card models on the UI thread was about half of the
    wait for the card browser (0.7-2.2 s). Only the search index's thread loads them now,
    after the first page is drawn."""
    import threading

    from quiz.browser import card_rows
    from quiz.tui.screens.browser import BrowserScreen

    on_ui_thread: list[bool] = []
    recorded = loader.load_bank

    def where(roots: list[Path], **kwargs: Any) -> loader.Bank:
        on_ui_thread.append(threading.current_thread() is threading.main_thread())
        return recorded(roots, **kwargs)

    monkeypatch.setattr(loader, "load_bank", where)
    app = build()
    async with app.run_test() as pilot:
        await showing(pilot, HomeScreen)
        await press(pilot, "b")
        browser = await showing(pilot, BrowserScreen)
        await settle(pilot)
        assert True not in on_ui_thread, "the bank was loaded on the UI thread"
        shown = [(row.card.id, row.card.title, row.state, row.due) for row in browser.shown]
        assert len(shown) == len(app.workspace.content.refs) > 1
        # the same rows, in the same order, as the card models give
        ws = app.workspace
        models = card_rows(ws.cards, ws.store, ws.now(), tz=ws.tz)
        assert shown == [(row.card.id, row.card.title, row.state, row.due) for row in models]
