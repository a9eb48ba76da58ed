"""Every screen's help says what each of its keys does, in rows that fit 80 columns."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import re

import pytest
from textual.binding import Binding
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widgets import DataTable

import quiz.tui.screens
from quiz.tui.screens.drill import DrillScreen
from quiz.tui.screens.help import HelpScreen
from quiz.tui.screens.home import HomeScreen
from quiz.tui.screens.study import StudyScreen
from quiz.tui.screens.summary import SummaryScreen
from quiz.workspace import StudyRequest
from tests.tui.conftest import AppFactory, press, set_plan, settle, showing, wait_until


def _screen_classes() -> list[type[Screen[object]]]:
    """Every screen class of quiz.tui.screens."""
    found: dict[str, type[Screen[object]]] = {}
    for module_info in pkgutil.iter_modules(quiz.tui.screens.__path__):
        module = importlib.import_module(f"quiz.tui.screens.{module_info.name}")
        for name, value in inspect.getmembers(module, inspect.isclass):
            if issubclass(value, Screen) and value.__module__ == module.__name__:
                found[name] = value
    return list(found.values())


def test_every_shown_binding_of_every_screen_says_what_it_does() -> None:
    """The study screen's and the summary's help named keys by one word ("b  Bury", "s
    Skip", "⏎  Home"), where Home's and the drill's say what each does: every binding a
    footer shows has a tooltip, the words the help puts beside its name (the help key
    itself aside: the help is what it opens)."""
    screens = _screen_classes()
    assert {StudyScreen, SummaryScreen, DrillScreen, HomeScreen} <= set(screens)
    bare = [
        f"{screen.__name__}: {binding.key} {binding.description}"
        for screen in screens
        for binding in screen.BINDINGS
        if isinstance(binding, Binding)
        and binding.show
        and binding.description
        and binding.action != "app.help"
        and not binding.tooltip
    ]
    assert not bare


async def _help_fits(pilot: Pilot[None]) -> list[tuple[str, str]]:
    """The help's rows of the current screen, once each fits the help's box; closed again."""
    await press(pilot, "f1")
    help_screen = await showing(pilot, HelpScreen)
    table = help_screen.query_one(DataTable)
    assert await wait_until(pilot, lambda: table.row_count == len(help_screen.rows))
    await settle(pilot)
    assert table.virtual_size.width <= table.scrollable_content_region.width, [
        row for row in help_screen.rows if len(row[0]) + len(row[1]) > 50
    ]
    rows = list(help_screen.rows)
    await press(pilot, "escape")
    await settle(pilot)
    return rows


def _meanings(rows: list[tuple[str, str]]) -> dict[str, str]:
    """Each key of the help's rows -> what its row says it does."""
    return {key: what for keys, what in rows for key in filter(None, keys.split(", "))}


async def test_a_study_sessions_help_says_what_its_keys_do_at_80_columns(
    build: AppFactory,
) -> None:
    """A card's help said "b  Bury", "s  Skip", "⏎, space  Rate", and after the session
    the summary's "⏎, esc  Home": each now says what it does, in a row that fits."""
    app = build(study=StudyRequest(mode="cram", kind="concept"))
    async with app.run_test(size=(80, 24)) as pilot:
        await showing(pilot, StudyScreen)
        question = _meanings(await _help_fits(pilot))
        assert question["b"] == "Bury: hide the card until tomorrow"
        assert question["s"] == "Skip: to the end of the queue"
        assert question["esc"] == "End: end the session, see its summary"
        assert question["u"] == "Undo: take back the last answer (not now)"
        await press(pilot, "space")
        revealed = _meanings(await _help_fits(pilot))
        assert revealed["enter"] == "Rate: on to the rating keys"
        await press(pilot, "enter")
        rating = _meanings(await _help_fits(pilot))
        assert rating["1"] == "Again: forgotten, so it comes back soon"
        assert rating["enter"] == "Suggested: the rating the ticked points give"
        for meaning in [*question.values(), *revealed.values(), *rating.values()]:
            assert "Focus Next" not in meaning and "Focus Previous" not in meaning
    app = build()
    async with app.run_test(size=(80, 24)) as pilot:
        await showing(pilot, HomeScreen)
        await press(pilot, "d")
        await showing(pilot, StudyScreen)
        await press(pilot, "2", "enter", "escape")
        await showing(pilot, SummaryScreen)
        summary = _meanings(await _help_fits(pilot))
        assert summary["esc"] == "Home: back to the packs"


@pytest.mark.parametrize("kind", ["choice", "numeric", "coding", "concept"])
async def test_a_cards_help_names_no_key_by_an_empty_word(build: AppFactory, kind: str) -> None:
    """A choice card's help said "space  Reveal / Show answer / Rate / Next /  / Good (not
    now)": the drill's undescribed space was an empty word among space's meanings, and the
    row was wider than the box at 80 columns (cut in a browser tab), as was a number card's
    "→  Move cursor right or accept the completion suggestion". Each word is a name, and
    every row fits (`_help_fits`)."""
    app = build(study=StudyRequest(mode="cram", kind=kind))
    async with app.run_test(size=(80, 24)) as pilot:
        await showing(pilot, StudyScreen)
        rows = await _help_fits(pilot)
        for _keys, what in rows:
            assert not re.search(r"(^|[,/])\s*[,/]", what), what  # no empty word
        if kind == "choice":
            assert _meanings(rows)["space"] == "Reveal, Show answer, Rate, Next, Good (not now)"
        if kind == "numeric":  # the box has the focus: Textual's words offered a suggestion
            assert _meanings(rows)["→"] == "Move in the number"


@pytest.mark.parametrize("opens", ["l", "s", "comma", "b"])
async def test_each_list_screens_help_fits_and_says_what_its_keys_do(
    build: AppFactory, opens: str
) -> None:
    """The drill list's, stats', settings' and browser's escape said "Back" alone."""
    app = build()
    async with app.run_test(size=(80, 24)) as pilot:
        await showing(pilot, HomeScreen)
        await press(pilot, opens)
        await settle(pilot)
        assert _meanings(await _help_fits(pilot))["esc"].startswith("Back: ")


async def test_the_drills_help_names_shift_tab_in_its_own_words(build: AppFactory) -> None:
    """The drill's help listed Textual's own "shift+tab  Focus Previous" among its keys."""
    app = build(drill="tiny-sgd")
    async with app.run_test(size=(80, 24)) as pilot:
        await showing(pilot, DrillScreen)
        meaning = _meanings(await _help_fits(pilot))
        assert meaning["shift+tab"] == "Previous pane: move the focus back"
        assert meaning["^a"] == "Select all: the whole code"


async def test_under_a_plan_short_of_days_the_help_says_again_waits_for_a_later_day(
    build: AppFactory,
) -> None:
    """Two days before the interview the plan has no time for same-day steps: an Again is
    not asked again today, as the notice after it says. The help said "Again: forgotten,
    so it comes back soon" all the same; it says what the plan does with it now."""
    app = build(study=StudyRequest(mode="due", kind="concept"))
    set_plan(app.workspace, 2, 5.0)
    async with app.run_test(size=(80, 24)) as pilot:
        study = await showing(pilot, StudyScreen)
        assert study.session.plan_mode and not study.session.options.same_day_steps
        await press(pilot, "space")
        await press(pilot, "enter")
        rating = _meanings(await _help_fits(pilot))
        assert rating["1"] == "Again: forgotten; the plan asks it no more today"
        assert rating["3"] == "Good: recalled", "the other keys' words stand"
