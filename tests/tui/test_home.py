"""Pilot tests of Home, the command palette, stats and help."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

import pytest
from fsrs import Rating
from textual.command import CommandList, CommandPalette
from textual.pilot import Pilot
from textual.widgets import DataTable, Static, TextArea

from quiz.settings import Settings
from quiz.study.days import next_day_start
from quiz.study.scheduling import review_card
from quiz.tui.app import DrillbitApp
from quiz.tui.screens.drill import DrillScreen
from quiz.tui.screens.help import HelpScreen
from quiz.tui.screens.home import HomeScreen
from quiz.tui.screens.stats import StatsScreen
from quiz.tui.screens.study import StudyScreen
from quiz.tui.screens.summary import SummaryScreen
from quiz.workspace import StudyRequest
from tests.conftest import DATA
from tests.tui.conftest import (
    AppFactory,
    FakeClock,
    Recorder,
    footer_descriptions,
    notices,
    press,
    rate_in_another_drillbit,
    resize,
    screen_lines,
    set_plan,
    settle,
    showing,
    wait_until,
)


async def palette_results(app: DrillbitApp, pilot: Pilot[None], query: str) -> int:
    """Type a query into the open palette and wait (bounded) until it lists hits."""
    await press(pilot, *query)
    assert await wait_until(pilot, lambda: app.screen.query_one(CommandList).option_count > 0)
    return app.screen.query_one(CommandList).option_count


def table_rows(screen: HomeScreen) -> list[list[str]]:
    table = screen.query_one(DataTable)
    return [[str(cell) for cell in table.get_row_at(i)] for i in range(table.row_count)]


async def test_home_lists_packs_and_topics_with_counts(build: AppFactory) -> None:
    app = build()
    async with app.run_test() as pilot:
        screen = await showing(pilot, HomeScreen)
        rows = table_rows(screen)
        # today (due + new), new, learning, review, suspended, cards
        assert rows[0] == ["Mini", "4", "4", "0", "0", "0", "4"]
        assert [r[0].strip() for r in rows[1:]] == ["basics", "drills"]
        assert rows[1][1:] == ["3", "3", "0", "0", "0", "3"]
        # a due session over everything, answered and ended: the counts follow
        await press(pilot, "d")
        await settle(pilot)
        await showing(pilot, StudyScreen)
        await press(pilot, "2", "enter", "escape")
        await settle(pilot)
        await showing(pilot, SummaryScreen)
        await press(pilot, "escape")
        await settle(pilot)
        assert app.screen is screen
        assert table_rows(screen)[0][2] == "3"  # one new card was introduced


async def test_topic_row_filters_the_session(build: AppFactory, recorder: Recorder) -> None:
    app = build()
    async with app.run_test(message_hook=recorder) as pilot:
        await press(pilot, "down", "down", "c")  # the "drills" topic row, cram
        await settle(pilot)
        requested = recorder.of(HomeScreen.StudyRequested)
        assert requested[0].mode == "cram" and requested[0].row.topic == "drills"
        study = await showing(pilot, StudyScreen)
        assert [c.id for c in study.session.planned] == ["tiny-sgd"]


async def test_broken_cards_are_counted(build: AppFactory, tui_bank: Path) -> None:
    shutil.copy(DATA / "bad_cards" / "unknown-key.md", tui_bank / "mini" / "basics")
    app = build()
    async with app.run_test():
        assert len(app.workspace.content.index.broken) == 1
        summary = str(app.screen.query_one("#home-summary").render())
        assert "1 card file could not be loaded" in summary


async def test_palette_finds_a_card_by_title_and_opens_it(build: AppFactory) -> None:
    app = build()
    async with app.run_test() as pilot:
        await press(pilot, "ctrl+p")
        await settle(pilot)
        await showing(pilot, CommandPalette)
        assert await palette_results(app, pilot, "gradient-descent") >= 1
        await press(pilot, "enter")
        await settle(pilot)
        drill = await showing(pilot, DrillScreen)
        assert drill.sitting.card.id == "tiny-sgd"


async def test_palette_opens_a_quiz_card_as_one_card_cram(build: AppFactory) -> None:
    app = build()
    async with app.run_test() as pilot:
        await press(pilot, "ctrl+p")
        assert await palette_results(app, pilot, "what-is-relu") >= 1
        await press(pilot, "enter")
        await settle(pilot)
        study = await showing(pilot, StudyScreen)
        assert study.session.mode == "cram"
        assert [c.id for c in study.session.planned] == ["what-is-relu"]


async def test_stats_screen_shows_the_history(build: AppFactory) -> None:
    app = build()
    async with app.run_test() as pilot:
        await press(pilot, "c", "1", "enter", "escape", "escape", "s")
        await settle(pilot)
        screen = await showing(pilot, StatsScreen)
        assert screen.stats.reviews == 1
        numbers = str(screen.query_one("#stats-numbers").render())
        assert "reviews 1" in numbers and "streak 1 day" in numbers
        await press(pilot, "escape")
        await showing(pilot, HomeScreen)


async def test_help_lists_the_bindings_of_the_current_screen(build: AppFactory) -> None:
    app = build()
    async with app.run_test() as pilot:
        await press(pilot, "question_mark")
        await settle(pilot)
        help_screen = await showing(pilot, HelpScreen)
        described = {description.split(":")[0] for _key, description in help_screen.rows}
        assert {"Cram", "Mock", "Stats", "Quit"} <= described
        assert "Due: study today's due and new cards in the row" in {
            description for _key, description in help_screen.rows
        }
        await press(pilot, "escape")
        await press(pilot, "c")  # a study session's keys differ
        await settle(pilot)
        await press(pilot, "question_mark")
        await settle(pilot)
        help_screen = await showing(pilot, HelpScreen)
        described = {description.split(":")[0] for _key, description in help_screen.rows}
        assert {"End", "Help"} <= described and "Cram" not in described


async def test_help_lists_d_once_with_or_without_a_plan(build: AppFactory) -> None:
    """While a plan ran, Home's help listed "d Plan" and "⏎, d Due (not now)" (and,
    without one, "⏎, d Plan (not now)"): one key, two meanings by state, listed once."""
    app = build()
    async with app.run_test() as pilot:
        for planned, says in [(False, "Due"), (True, "Plan")]:
            home = await showing(pilot, HomeScreen)
            if planned:
                set_plan(app.workspace, 12, 30.0)
                home.refresh_counts()
                await settle(pilot)
            await press(pilot, "question_mark")
            await settle(pilot)
            help_screen = await showing(pilot, HelpScreen)
            of_d = [(key, what) for key, what in help_screen.rows if "d" in key.split(", ")]
            assert len(of_d) == 1, of_d
            assert of_d[0][1].startswith(f"{says}: study ")
            assert sum(what.startswith(("Due", "Plan")) for _key, what in help_screen.rows) == 1
            await press(pilot, "escape")
            await settle(pilot)
            shown = footer_descriptions(await showing(pilot, HomeScreen))
            assert says in shown and ({"Due", "Plan"} - {says}).isdisjoint(shown)


async def _help_rows(pilot: Pilot[None]) -> list[tuple[str, str]]:
    """The help's rows of the current screen; the help is closed again."""
    await press(pilot, "f1")
    help_screen = await showing(pilot, HelpScreen)
    rows = list(help_screen.rows)
    await press(pilot, "escape")
    await settle(pilot)
    return rows


def _each_key_once(rows: list[tuple[str, str]]) -> dict[str, str]:
    """Each key of the help's rows -> its row's description; fails on a key in two rows."""
    meaning: dict[str, str] = {}
    for keys, description in rows:
        for key in filter(None, keys.split(", ")):
            assert key not in meaning, f"{key}: {meaning[key]!r} and {description!r}"
            meaning[key] = description
    return meaning


async def test_the_help_says_once_what_enter_does_on_each_screen(build: AppFactory) -> None:
    """Home's help listed ⏎ as the table's "Select" (enter studies there) and the settings'
    as "Select" beside "⏎ Edit (not now)"; a study card's listed ⏎ four times, one meaning
    a row. Every key now has one row, which says what it does there."""
    app = build()
    async with app.run_test(size=(120, 40)) as pilot:
        home = _each_key_once(await _help_rows(pilot))
        assert home["enter"] == home["d"] == "Due: study today's due and new cards in the row"
        await press(pilot, "comma")
        settings = _each_key_once(await _help_rows(pilot))
        assert settings["enter"] == "Edit: change the highlighted value"
        assert "Select" not in home.values() and "Select" not in settings.values()
    app = build(study=StudyRequest(mode="cram", kind="concept"))
    async with app.run_test(size=(120, 40)) as pilot:
        await showing(pilot, StudyScreen)
        question = _each_key_once(await _help_rows(pilot))
        # enter reveals a concept card too, as space does (and as Anki's enter does)
        assert question["space"] == question["enter"] == "Reveal: show the answer"
        await press(pilot, "space")
        revealed = await _help_rows(pilot)
        # space goes on to the rating keys, as the footer's "⏎ Rate" and the status say
        assert ("enter, space", "Rate: on to the rating keys") in revealed
        assert all("Tick next" not in what for _keys, what in revealed)
        await press(pilot, "enter")
        rating = await _help_rows(pilot)
        assert _each_key_once(rating)["enter"] == "Suggested: the rating the ticked points give"
        assert ("3, space", "Good: recalled") in rating
    app = build(study=StudyRequest(mode="cram", kind="choice"))
    async with app.run_test(size=(120, 40)) as pilot:
        await showing(pilot, StudyScreen)
        assert _each_key_once(await _help_rows(pilot))["enter"] == "Submit"
        await press(pilot, "1", "enter")
        assert _each_key_once(await _help_rows(pilot))["enter"] == "Next: the next card"


async def test_help_keeps_its_foot_on_a_small_screen(build: AppFactory) -> None:
    """A study screen's help (twenty keys) at 80x24: its table filled the box and the foot
    that says how to close it was cut off; the table now scrolls above it. The foot is the
    help's own key footer now ("esc Close", the screen's bottom line). At 120x40, and back
    at 80x24 after a resize, it shows too."""
    app = build(study=StudyRequest(kind="concept"))
    async with app.run_test(size=(80, 24)) as pilot:
        await press(pilot, "space", "question_mark")
        help_screen = await showing(pilot, HelpScreen)
        assert len(help_screen.rows) > 17
        assert "esc Close" in screen_lines(app)[-1].text
        for width, height in [(120, 40), (80, 24)]:
            await resize(pilot, width, height)
            await settle(pilot)
            assert "esc Close" in screen_lines(app)[-1].text


async def test_nothing_due_is_said_not_opened(build: AppFactory, recorder: Recorder) -> None:
    app = build()
    async with app.run_test(message_hook=recorder, notifications=True) as pilot:
        ws = app.workspace
        session = ws.start_session(StudyRequest())
        while session.current is not None:  # every new card answered Good: none due now
            session.answer(True)
        session.finish()
        home = app.screen
        await press(pilot, "d")
        await settle(pilot)
        assert app.screen is home
        assert any("Nothing to study" in m for m in notices(recorder))


async def test_a_corrupt_database_is_reported_on_screen(
    build: AppFactory, _isolated_home: Path, recorder: Recorder
) -> None:
    (_isolated_home / "drillbit.db").write_bytes(b"this is not a database" * 100)
    app = build()
    async with app.run_test(message_hook=recorder, notifications=True):
        messages = notices(recorder)
        assert any("moved" in m and "fresh database" in m for m in messages), messages
    assert list(_isolated_home.glob("drillbit.db.corrupt-*"))


async def test_the_bundled_bank_opens_on_home() -> None:
    from quiz.tui.app import make_app

    app = make_app([], cursor_blink=False)
    async with app.run_test() as pilot:
        await settle(pilot)
        home = await showing(pilot, HomeScreen)
        rows = {row[0]: row for row in table_rows(home)}
        nn = rows["Neural networks"]
        assert int(nn[2]) == int(nn[6]) > 40  # every card new


async def test_the_totals_line_breaks_before_the_totals_not_inside_them(
    build: AppFactory,
) -> None:
    """With a suspended card the line is longer: where it does not fit, the totals go on
    the next line whole (it wrapped at a space, "= 4" then "cards")."""
    app = build()
    app.workspace.store.set_flag(
        "what-is-relu", suspended=True, buried_until=None, now=app.workspace.now()
    )
    async with app.run_test(size=(120, 24)) as pilot:
        screen = await showing(pilot, HomeScreen)
        summary = screen.query_one("#home-summary")
        totals = "3 new + 0 learning + 0 review + 1 suspended = 4 cards"
        assert str(summary.render()).splitlines() == [f"0 due · 3 new today  |  {totals}"]
        await resize(pilot, 70, 24)
        assert str(summary.render()).splitlines() == ["0 due · 3 new today", totals]
        assert summary.size.height == 2


async def test_the_totals_name_the_cards_buried_until_tomorrow(
    build: AppFactory, clock: FakeClock
) -> None:
    """A card buried in a session (`b`) left Home's "3 new today" with no word of it, where
    a suspended card is named: the totals say the buried ones now, on the next line at 80
    columns where the sum leaves no room (never cut inside a phrase)."""
    app = build()
    ws = app.workspace
    ws.store.set_flag("what-is-relu", suspended=True, buried_until=None, now=ws.now())
    tomorrow = clock() + timedelta(hours=12)
    for card_id in ("sigmoid-bound", "dropout-inference"):
        ws.store.set_flag(card_id, suspended=False, buried_until=tomorrow, now=ws.now())
    async with app.run_test(size=(120, 24)) as pilot:
        screen = await showing(pilot, HomeScreen)
        summary = screen.query_one("#home-summary")
        totals = "3 new + 0 learning + 0 review + 1 suspended = 4 cards · 2 buried until tomorrow"
        assert str(summary.render()).splitlines() == [f"0 due · 1 new today  |  {totals}"]
        await resize(pilot, 80, 24)
        assert str(summary.render()).splitlines() == [
            "0 due · 1 new today",
            "3 new + 0 learning + 0 review + 1 suspended = 4 cards",
            "2 buried until tomorrow",
        ]


async def test_home_counts_due_within_max_reviews_per_day(
    build: AppFactory, clock: FakeClock
) -> None:
    """Home said "3 due" and `d` gave max_reviews_per_day (2) of them: as Anki's deck list,
    Home counts what the session gives today and says fsrs's larger backlog beside it."""
    app = build(settings=Settings(shuffle_choices=False, max_reviews_per_day=2, new_per_day=0))
    ws = app.workspace
    long_ago = clock() - timedelta(days=60)
    for card_id in ("what-is-relu", "sigmoid-bound", "dropout-inference"):
        review_card(ws.store, ws.scheduler, card_id, Rating.Easy, now=long_ago, correct=True)
    async with app.run_test(size=(80, 24)) as pilot:
        home = await showing(pilot, HomeScreen)
        line = str(home.query_one("#home-summary", Static).render()).splitlines()[0]
        assert line == "2 due · 0 new today (3 due by fsrs; max_reviews_per_day 2)"
        rows = table_rows(home)
        assert [row[1] for row in rows[:2]] == ["2", "2"]  # the pack, and basics's 3 due
        await press(pilot, "d")
        await settle(pilot)
        study = await showing(pilot, StudyScreen)
        assert len(study.session.planned) == 2


async def test_home_keeps_one_watch_on_the_clock_and_counts_the_day_it_is_now(
    build: AppFactory, clock: FakeClock
) -> None:
    """Home kept a timer of its own to the next due time, beside the stats screen's watch
    on the study day: a clock set back over the day's start (a laptop's clock put right)
    left Home counting tomorrow's new-card limit for a day. Home now keeps the one watch
    the other screens keep (`StudyDayWatch`, its rule in `ViewClock`), with its horizon."""
    app = build(settings=Settings(new_per_day=2, shuffle_choices=False))
    store = app.workspace.store
    for card_id in ("what-is-relu", "sigmoid-bound"):  # two new cards today: the limit
        review_card(store, app.workspace.scheduler, card_id, Rating.Easy, now=clock(), correct=True)
    async with app.run_test() as pilot:
        home = await showing(pilot, HomeScreen)
        assert table_rows(home)[0] == ["Mini", "0", "2", "0", "2", "0", "4"]
        day_ends = next_day_start(clock(), app.workspace.tz)
        assert home.day_watch.clock.changes_at == day_ends, "no step: they change at its end"
        clock.advance(60)
        home.day_watch.check()  # the timer's look: the day goes on, nothing changes
        await settle(pilot)
        assert table_rows(home)[0][1] == "0"
        clock.moment -= timedelta(days=1)  # set back: yesterday, when no card was new
        home.day_watch.check()
        await settle(pilot)
        assert table_rows(home)[0] == ["Mini", "2", "2", "0", "2", "0", "4"]


async def test_home_counts_again_soon_after_another_drillbit_rates_a_card(
    build: AppFactory, clock: FakeClock
) -> None:
    """A card rated in another shell (another connection to the same database) left Home's
    counts as they were until its 5-minute timer: Home now asks every few seconds whether
    the database changed (SQLite's `data_version`, one PRAGMA) and counts again only then."""

    app = build(settings=Settings(shuffle_choices=False))
    async with app.run_test() as pilot:
        home = await showing(pilot, HomeScreen)
        assert table_rows(home)[0] == ["Mini", "4", "4", "0", "0", "0", "4"]
        counted = 0
        recount = home.refresh_counts

        def counting() -> None:
            nonlocal counted
            counted += 1
            recount()

        home.refresh_counts = counting  # type: ignore[method-assign]
        home.store_watch.check()  # nothing changed: nothing is counted
        assert counted == 0
        rate_in_another_drillbit(app, "what-is-relu", clock())
        home.store_watch.check()  # the other connection's commit: Home counts again
        await settle(pilot)
        assert counted == 1
        # what-is-relu left new for its 10-minute step: still one of today's 4 (`d` waits
        # for it), now 3 new and 1 learning
        assert table_rows(home)[0] == ["Mini", "4", "3", "1", "0", "0", "4"]
        home.store_watch.check()  # and once only
        assert counted == 1


@pytest.mark.parametrize("opens", [(), ("comma",)], ids=["home", "settings"])
async def test_home_and_end_go_to_the_first_and_the_last_row(
    build: AppFactory, opens: tuple[str, ...]
) -> None:
    """The help says "home, end  The first or the last row" (or setting), but DataTable
    binds them to its leftmost and rightmost column, which a table of rows never scrolls
    to: they did nothing (ctrl+home and ctrl+end did it). They move the cursor now."""
    app = build()
    async with app.run_test(size=(80, 24)) as pilot:
        await showing(pilot, HomeScreen)
        await press(pilot, *opens)
        await settle(pilot)
        table = app.screen.query_one(DataTable)
        assert table.row_count > 2 and table.cursor_row == 0
        await press(pilot, "end")
        assert table.cursor_row == table.row_count - 1
        await press(pilot, "home")
        assert table.cursor_row == 0


async def test_homes_help_says_what_its_keys_do_in_a_persons_words(build: AppFactory) -> None:
    """Home's help listed the table's own keys by the widget's names ("home  Home", "←
    Cursor left", "tab  Focus Next" with nothing else to focus) and its keys by one word
    ("a  Ahead (not now)"). Each key now says what it does on Home."""
    app = build()
    async with app.run_test(size=(80, 24)) as pilot:
        await showing(pilot, HomeScreen)
        rows = await _help_rows(pilot)
        meaning = _each_key_once(rows)
        assert meaning["↑"] == meaning["↓"] == "Move between packs and topics"
        assert meaning["home"] == meaning["end"] == "The first or the last row"
        assert meaning["pgup"] == "A screenful up or down"
        assert meaning["c"] == "Cram: every card of the row, schedule untouched"
        # no plan set: "the plan's next cards, early (not now)" spoke of a plan there is not
        assert meaning["a"] == "Ahead: a plan's next days, early (no plan set)"
        assert meaning["b"] == "Cards: browse and search every card"
        for key in ("c", "m", "s", "b", "l", ","):
            assert ": " in meaning[key], f"{key} says what it does: {meaning[key]!r}"
        said = [description for _keys, description in rows]
        for widget_word in ("Home", "End", "Cursor left", "Cursor right", "Page up", "Focus Next"):
            assert widget_word not in said, widget_word
        assert "In the focused widget:" not in said
        assert "tab" not in meaning and "shift+tab" not in meaning


def _all_rows_in(table: DataTable[object], rows: int) -> Callable[[], bool]:
    return lambda: table.row_count == rows


async def test_the_help_of_home_and_the_browser_fits_its_box_at_80_columns(
    build: AppFactory,
) -> None:
    """The help's box is 66 cells wide inside: a row wider than that was cut at its edge
    ("Suspend: suspend the highlighted card, or unsuspen"), the rest a sideways scroll
    away that nobody finds."""
    app = build()
    async with app.run_test(size=(80, 24)) as pilot:
        for keys, opens in [((), "question_mark"), (("b",), "f1")]:
            await press(pilot, *keys, opens)
            help_screen = await showing(pilot, HelpScreen)
            table = help_screen.query_one(DataTable)
            assert await wait_until(pilot, _all_rows_in(table, len(help_screen.rows)))
            await settle(pilot)
            assert table.virtual_size.width <= table.scrollable_content_region.width, [
                row for row in help_screen.rows if len(row[1]) > 45
            ]
            await press(pilot, "escape")


WIDGET_WORDS = ("Cursor up", "Cursor left", "Scroll Up", "Scroll Left", "Home", "Scroll Home")
"""How Textual's DataTable and scroll containers name their keys in a help."""


@pytest.mark.parametrize(
    ("opens", "moves"),
    [
        ("l", "Move between drills"),
        ("comma", "Move between settings"),
        ("s", "Scroll the charts a line"),
    ],
    ids=["drills", "settings", "stats"],
)
async def test_each_list_screens_help_says_what_its_keys_do_there(
    build: AppFactory, opens: str, moves: str
) -> None:
    """The drill list's, the settings' and the stats screen's help listed their table's or
    body's keys by the widget's names ("home  Home", "←  Cursor left", "↑  Scroll Up")."""
    app = build()
    async with app.run_test(size=(80, 24)) as pilot:
        await press(pilot, opens)
        await settle(pilot)
        meaning = _each_key_once(await _help_rows(pilot))
        assert meaning["↑"] == meaning["↓"] == moves
        assert meaning["pgup"] == meaning["pgdn"] == "A screenful up or down"
        assert not set(WIDGET_WORDS) & set(meaning.values()), meaning
        assert "In the focused widget:" not in meaning.values()


async def test_a_drills_help_lists_its_keys_in_the_footers_order(build: AppFactory) -> None:
    """The drill's help began with "^a  Select all", a key its editor binds too, above
    Grade: the keys that do something now are listed as the screen declares them."""
    from quiz.tui.screens.drill import DrillScreen

    app = build(drill="tiny-sgd")
    async with app.run_test(size=(80, 24)) as pilot:
        drill = await showing(pilot, DrillScreen)
        drill.query_one("#editor", TextArea).insert("# mine\n")  # Reset does something
        await settle(pilot)
        rows = await _help_rows(pilot)
        said = [description.partition(":")[0] for _keys, description in rows]
        assert said[:3] == ["Grade", "Hint", "$EDITOR"], said
        assert said.index("Reset") < said.index("Select all") < said.index("Back")


async def test_a_drills_help_says_what_its_keys_do_and_fits_at_80_columns(
    build: AppFactory,
) -> None:
    """The drill's help listed its keys by one word ("^g  Give up (not now)", "tab  Switch
    pane (not now)"): each of its own keys now says what it does there, as Home's do,
    in a row that fits the help's box at 80 columns."""
    from quiz.tui.screens.drill import DrillScreen

    app = build(drill="tiny-sgd")
    async with app.run_test(size=(80, 24)) as pilot:
        await showing(pilot, DrillScreen)
        meaning = _each_key_once(await _help_rows(pilot))
        assert meaning["^r"] == "Grade: run it on the drill's cases"
        assert meaning["^t"] == "Hint: one more (the pass is Hard at best)"
        assert meaning["^g"] == "Give up: in a session, rates it Again"
        assert meaning["esc"] == "Back: save the code and go back"
        for key in ("^r", "^t", "^e", "^n", "^o", "^g", "^f", "tab", "esc"):
            assert ": " in meaning[key], f"{key} says what it does: {meaning[key]!r}"
        await press(pilot, "f1")
        help_screen = await showing(pilot, HelpScreen)
        table = help_screen.query_one(DataTable)
        assert await wait_until(pilot, _all_rows_in(table, len(help_screen.rows)))
        await settle(pilot)
        assert table.virtual_size.width <= table.scrollable_content_region.width, [
            row for row in help_screen.rows if len(row[1]) > 45
        ]


async def test_a_fresh_home_says_how_an_interview_plan_is_set(
    build: AppFactory, clock: FakeClock
) -> None:
    """A new user preparing for an interview date found no word in the app of how to plan
    for it (a plan is set in the settings, or by `drillbit plan --interview`): Home says so under the totals
    while nothing is studied and no plan runs; a plan's own line takes its place."""
    app = build()
    ws = app.workspace
    async with app.run_test(size=(80, 24)) as pilot:
        home = await showing(pilot, HomeScreen)
        await settle(pilot)

        def lines() -> list[str]:
            return str(home.query_one("#home-summary", Static).render()).splitlines()

        assert lines()[1:] == ["no interview plan · set one in Settings (,)"]
        set_plan(ws, 12, 30.0)
        home.refresh_counts()
        await settle(pilot)
        assert "12 days left" in lines()[1] and "no interview plan" not in "".join(lines())
        ws.store.clear_interview_plan()
        review_card(ws.store, ws.scheduler, "what-is-relu", Rating.Good, now=clock(), correct=True)
        home.refresh_counts()
        await settle(pilot)
        assert len(lines()) == 1, "once a card is studied, the totals alone"


async def test_the_hint_line_breaks_before_the_palettes_key_on_a_narrow_terminal(
    build: AppFactory,
) -> None:
    """At 60 columns the hint was cut to "... + 4 new today · ctrl+p", the palette's key
    without what it does (and the footer there has no room for the palette's key): it now
    breaks between its two phrases, and is one line again once the terminal is widened."""
    app = build()
    async with app.run_test(size=(60, 15)) as pilot:
        home = app.screen
        assert isinstance(home, HomeScreen)
        hint = home.query_one("#home-hint", Static)
        assert await wait_until(pilot, lambda: "new today" in str(hint.render()))
        shown = [line.text.rstrip() for line in screen_lines(app)]
        at = next(i for i, line in enumerate(shown) if "enter/d studies" in line)
        assert shown[at].endswith("new today"), "no dot left ending the line"
        assert shown[at + 1] == " ^p finds any card", shown
        await resize(pilot, 80, 24)
        shown = [line.text.rstrip() for line in screen_lines(app)]
        assert any(
            "enter/d studies" in line and line.endswith("new today · ^p finds any card")
            for line in shown
        ), shown
