"""The card browser, the drill list and the settings screen, driven as a user would."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from textual import events
from textual.widgets import DataTable, Input
from textual.widgets._footer import FooterKey

from quiz.settings import describe, load_settings
from quiz.tui.screens.browser import PAGE_ROWS, BrowserScreen
from quiz.tui.screens.drill import DrillScreen
from quiz.tui.screens.drills import DrillsScreen
from quiz.tui.screens.home import HomeScreen
from quiz.tui.screens.settings import ROWS, SettingsScreen
from quiz.tui.screens.study import StudyScreen
from quiz.tui.widgets.footer import KeysFooter
from quiz.workspace import StudyRequest
from tests.conftest import RunDrillbit
from tests.tui.conftest import (
    SOLUTION,
    AppFactory,
    FakeClock,
    Recorder,
    notices,
    press,
    retitling_editor,
    searched,
    settle,
    showing,
    wait_until,
)
from tests.tui.test_drill import editor_of, grade_now


async def test_browser_searches_suspends_and_opens(build: AppFactory) -> None:
    app = build()
    async with app.run_test(size=(100, 30)) as pilot:
        await press(pilot, "b")
        await settle(pilot)
        browser = await showing(pilot, BrowserScreen)
        assert [row.card.id for row in browser.shown] == [c.id for c in app.workspace.cards]
        await press(pilot, *"keep_prob")
        await searched(pilot)
        assert [row.card.id for row in browser.shown] == ["dropout-inference"]
        await press(pilot, "ctrl+s")  # suspend it
        await settle(pilot)
        assert [row.state for row in browser.shown] == ["suspended"]
        session = app.workspace.start_session(StudyRequest(kind="choice"))
        assert session.current is None  # a suspended card is not studied
        session.finish()
        await press(pilot, "ctrl+s")  # and back
        await settle(pilot)
        assert [row.state for row in browser.shown] == ["new"]
        await press(pilot, "enter")
        await settle(pilot)
        study = await showing(pilot, StudyScreen)
        assert study.card is not None
        assert study.card.id == "dropout-inference"


async def test_browser_bury_keeps_a_suspension_and_unburies(build: AppFactory) -> None:
    """ctrl+b on a suspended card leaves it suspended (it used to bring it back for
    tomorrow); on a buried card it puts the card back into study."""
    app = build()
    async with app.run_test(size=(100, 30)) as pilot:
        await press(pilot, "b")
        await settle(pilot)
        browser = await showing(pilot, BrowserScreen)
        await press(pilot, *"keep_prob", "ctrl+s", "ctrl+b")
        await settle(pilot)
        assert [row.state for row in browser.shown] == ["suspended"]
        assert app.workspace.store.card_flags()["dropout-inference"].suspended
        await press(pilot, "ctrl+s", "ctrl+b")  # back in study, then buried
        await settle(pilot)
        assert [row.state for row in browser.shown] == ["buried"]
        await press(pilot, "ctrl+b")  # and back again
        await settle(pilot)
        assert [row.state for row in browser.shown] == ["new"]
        assert "dropout-inference" not in app.workspace.store.card_flags()


async def test_the_footer_says_what_ctrl_s_and_ctrl_b_do_to_the_highlighted_card(
    build: AppFactory,
) -> None:
    """The footer said "Suspend" and "Bury" over a card already suspended or buried, where
    the keys bring it back: it says "Unsuspend" or "Unbury" there, at 80 columns with Help
    still drawn whole."""
    app = build()
    async with app.run_test(size=(80, 24)) as pilot:
        await press(pilot, "b")
        browser = await showing(pilot, BrowserScreen)
        footer = browser.query_one(KeysFooter)

        def said() -> dict[str, str]:
            return {key.description: key.key for key in footer.query(FooterKey)}

        assert await wait_until(pilot, lambda: "Suspend" in said() and "Bury" in said())
        await press(pilot, "ctrl+s")
        await settle(pilot)
        assert browser.shown[0].state == "suspended"
        assert await wait_until(pilot, lambda: said().get("Unsuspend") == "ctrl+s")
        assert "Suspend" not in said() and "Bury" in said()
        await press(pilot, "down")  # a card still in study: its own words
        assert await wait_until(pilot, lambda: "Suspend" in said() and "Unsuspend" not in said())
        await press(pilot, "ctrl+b")
        assert await wait_until(pilot, lambda: said().get("Unbury") == "ctrl+b")
        (help_key,) = [key for key in footer.query(FooterKey) if key.description == "Help"]
        assert help_key.region.width and help_key.region.right <= 80, "drawn whole"
        await press(pilot, "ctrl+b", "up", "ctrl+s")  # both back into study
        await settle(pilot)
        assert [row.state for row in browser.shown[:2]] == ["new", "new"]
        assert await wait_until(pilot, lambda: "Suspend" in said() and "Bury" in said())


async def test_drill_list_shows_states_and_opens_the_next_unsolved(build: AppFactory) -> None:
    app = build(drill="tiny-sgd")
    async with app.run_test() as pilot:
        drill = await showing(pilot, DrillScreen)
        editor_of(drill).load_text(SOLUTION)
        await grade_now(app, pilot)
        await press(pilot, "escape")
        await settle(pilot)
        await press(pilot, "l")
        await settle(pilot)
        listing = await showing(pilot, DrillsScreen)
        assert [(row.id, row.state) for row in listing.rows] == [("tiny-sgd", "passed")]
        table = listing.query_one(DataTable)
        assert "passed" in str(table.get_row_at(0)[1])
        await press(pilot, "n")  # nothing unsolved: it says so and stays
        await settle(pilot)
        assert app.screen is listing
        await press(pilot, "enter")
        await settle(pilot)
        await showing(pilot, DrillScreen)


async def test_drill_list_says_draft_for_kept_code_never_graded(build: AppFactory) -> None:
    """The same word as `drillbit drills`: "draft", not "not started"."""
    app = build(drill="tiny-sgd")
    async with app.run_test() as pilot:
        drill = await showing(pilot, DrillScreen)
        editor_of(drill).load_text(SOLUTION)
        await press(pilot, "escape")  # leaving saves the draft
        await settle(pilot)
        await press(pilot, "l")
        await settle(pilot)
        listing = await showing(pilot, DrillsScreen)
        assert [(row.id, row.state) for row in listing.rows] == [("tiny-sgd", "draft")]
        assert str(listing.query_one(DataTable).get_row_at(0)[1]) == "draft"


async def test_settings_screen_validates_and_saves(build: AppFactory, _isolated_home: Path) -> None:
    app = build()
    async with app.run_test() as pilot:
        await press(pilot, "comma")
        await settle(pilot)
        screen = await showing(pilot, SettingsScreen)
        screen.query_one(DataTable).move_cursor(row=ROWS.index("new_per_day"))
        await press(pilot, "enter", "ctrl+u", *"-3", "enter")  # refused
        await settle(pilot)
        assert "new_per_day" in str(screen.query_one("#settings-help").render())
        assert not (_isolated_home / "config.toml").exists()
        await press(pilot, "ctrl+u", "7", "enter")
        await settle(pilot)
        assert load_settings(_isolated_home / "config.toml").new_per_day == 7
        assert app.workspace.settings.new_per_day == 7
        await press(pilot, "escape")
        await settle(pilot)
        summary = str(app.screen.query_one("#home-summary").render())
        assert "4 new today" in summary  # the bank has 4 new cards, fewer than 7


async def test_settings_messages_wrap_instead_of_being_cut(build: AppFactory) -> None:
    """At 80 columns the line under the table wraps: a long refusal ends "... 0 to 9999",
    and editing a setting shows its whole description, which the table's column cuts."""
    app = build()
    async with app.run_test(size=(80, 24)) as pilot:
        await press(pilot, "comma")
        await settle(pilot)
        screen = await showing(pilot, SettingsScreen)
        help_line = screen.query_one("#settings-help")
        screen.query_one(DataTable).move_cursor(row=ROWS.index("new_per_day"))
        await press(pilot, "enter")
        await settle(pilot)
        editing = str(help_line.render())
        assert describe("new_per_day") in editing and "enter saves" in editing
        await press(pilot, "ctrl+u", *"one hundred and twenty-three", "enter")
        await settle(pilot)
        refusal = str(help_line.render())
        assert refusal.startswith("new_per_day") and len(refusal) > 78
        assert refusal.splitlines()[0].endswith("is not a whole number from 0 to 9999")
        assert help_line.size.height >= 2  # wrapped, all of it on screen
        assert help_line.region.bottom <= screen.query_one(KeysFooter).region.y


async def test_stats_says_when_the_terminal_is_too_small(build: AppFactory) -> None:
    app = build()
    async with app.run_test(size=(60, 15)) as pilot:
        await press(pilot, "s")
        await settle(pilot)
        note = app.screen.query_one("#stats-too-small")
        assert note.display and "too small" in str(note.render())
        assert not app.screen.query_one("#stats-charts").display
    app = build()
    async with app.run_test(size=(80, 24)) as pilot:
        await press(pilot, "s")
        await settle(pilot)
        assert app.screen.query_one("#stats-charts").display
        assert not app.screen.query_one("#stats-too-small").display


async def test_browser_edits_a_card_file_and_reloads_it(build: AppFactory, tmp_path: Path) -> None:

    app = build(editor=retitling_editor(tmp_path))
    async with app.run_test(size=(100, 30)) as pilot:
        await press(pilot, "b", *"keep_prob")
        await settle(pilot)
        await showing(pilot, BrowserScreen)
        await press(pilot, "ctrl+e")
        await settle(pilot)
        card = app.workspace.card("dropout-inference")
        assert card is not None and card.title == "Dropout at test time"
        assert [m.card.id for m in app.workspace.search.index().search("test time")] == [
            "dropout-inference"
        ]


async def test_browser_keeps_the_card_when_the_edit_breaks_it(
    build: AppFactory, recorder: Recorder
) -> None:
    app = build()  # the fake editor writes Python code into the card file
    async with app.run_test(size=(100, 30), message_hook=recorder, notifications=True) as pilot:
        await press(pilot, "b", *"keep_prob", "ctrl+e")
        await settle(pilot)
        card = app.workspace.card("dropout-inference")
        assert card is not None and card.title == "Inverted dropout at inference"
        assert any("not reloaded" in m for m in notices(recorder))


async def test_browser_resets_a_card_to_new(build: AppFactory) -> None:
    app = build(study=StudyRequest(kind="choice"))
    async with app.run_test(size=(100, 30)) as pilot:
        await press(pilot, "2", "enter", "space")  # right: the card is scheduled
        await settle(pilot)
        assert app.workspace.store.card_state("dropout-inference") is not None
        # the card, in its learning step, comes back: end the session, then summary -> Home
        await press(pilot, "escape", "escape")
        await settle(pilot)
        await press(pilot, "b", *"keep_prob")
        browser = await showing(pilot, BrowserScreen)
        await searched(pilot)
        assert [row.state for row in browser.shown] == ["learning"]
        await press(pilot, "ctrl+r", "y")
        await settle(pilot)
        assert [row.state for row in browser.shown] == ["new"]
        assert app.workspace.store.card_state("dropout-inference") is None
        assert app.workspace.store.review_count() == 1  # the history stays


async def test_the_settings_screen_words_values_as_the_command_line_does(
    build: AppFactory, _isolated_home: Path
) -> None:
    """The same check and words as `drillbit config`: a percentage for the retention, a
    refusal that says what the key takes, and (none) for empty steps."""
    app = build()
    async with app.run_test() as pilot:
        await press(pilot, "comma")
        await settle(pilot)
        screen = await showing(pilot, SettingsScreen)
        help_line = screen.query_one("#settings-help")
        table = screen.query_one(DataTable)
        table.move_cursor(row=ROWS.index("desired_retention"))
        await press(pilot, "enter", "ctrl+u", *"1.5", "enter")
        await settle(pilot)
        assert str(help_line.render()).splitlines()[0] == (
            "desired_retention: '1.5' is not a number from 0.7 to 0.99 or 70% to 99%, e.g. 90%"
        )
        await press(pilot, "ctrl+u", *"95%", "enter")
        await settle(pilot)
        assert load_settings(_isolated_home / "config.toml").desired_retention == 0.95
        await press(pilot, "down", "enter", "ctrl+u", "enter")  # learning_steps: none
        await settle(pilot)
        assert app.workspace.settings.learning_steps == ()
        assert str(table.get_row_at(ROWS.index("learning_steps"))[1]) == "(none)"
        await press(pilot, "enter")  # the box shows (none), and takes it back as it is
        await settle(pilot)
        box = screen.query_one("#settings-input", Input)
        assert box.value == "(none)" and not box.cursor_blink  # the app's choice, as tests ask
        await press(pilot, "enter")
        await settle(pilot)
        assert load_settings(_isolated_home / "config.toml").learning_steps == ()


async def test_retention_and_steps_changed_in_settings_apply_at_once(build: AppFactory) -> None:
    app = build()
    async with app.run_test() as pilot:
        before = app.workspace.scheduler
        assert before.desired_retention == 0.9
        await press(pilot, "comma")
        await settle(pilot)
        screen = await showing(pilot, SettingsScreen)
        screen.query_one(DataTable).move_cursor(row=ROWS.index("desired_retention"))
        await press(pilot, "enter", "ctrl+u", *"0.8", "enter")
        await settle(pilot)
        await press(pilot, "down", "enter", "ctrl+u", *"2m, 20m", "enter")  # learning_steps
        await settle(pilot)
        scheduler = app.workspace.scheduler
        assert scheduler is not before
        assert scheduler.desired_retention == 0.8
        assert tuple(scheduler.learning_steps) == (timedelta(minutes=2), timedelta(minutes=20))


async def test_the_retention_is_a_percent_as_the_plans_target_beside_it_is(
    build: AppFactory, _isolated_home: Path, drillbit: RunDrillbit
) -> None:
    """One screen said "desired_retention 0.9" a few rows under "target 90%". The row and
    its box say 90%, enter on it unchanged keeps 0.9 in config.toml, and `drillbit config`
    lists the same words."""
    app = build()
    async with app.run_test(size=(120, 40)) as pilot:
        await press(pilot, "comma")
        await settle(pilot)
        screen = await showing(pilot, SettingsScreen)
        table = screen.query_one(DataTable)
        row = ROWS.index("desired_retention")
        assert str(table.get_row_at(row)[1]) == "90%"
        assert "(70%-99%)" in str(table.get_row_at(row)[2])
        table.move_cursor(row=row)
        await press(pilot, "enter")
        await settle(pilot)
        assert screen.query_one("#settings-input", Input).value == "90%"
        await press(pilot, "ctrl+u", *"92.5%", "enter")
        await settle(pilot)
        assert str(table.get_row_at(row)[1]) == "92.5%"
        assert "desired_retention = 92.5% (saved)" in str(
            screen.query_one("#settings-help").render()
        )
        await press(pilot, "enter", "enter")  # its box as shown, taken back unchanged
        await settle(pilot)
    config = _isolated_home / "config.toml"
    assert "desired_retention = 0.925\n" in config.read_text()  # still a fraction
    assert load_settings(config).desired_retention == 0.925
    listed = drillbit("config").stdout
    assert "desired_retention    = 92.5%  (changed)" in listed
    assert drillbit("config", "desired_retention").stdout == "92.5%\n"


def _titles(table: DataTable[object]) -> list[str]:
    return [str(table.get_row_at(n)[0]) for n in range(table.row_count)]


async def test_a_big_bank_fills_the_browser_a_page_at_a_time_and_searches_without_rereading(
    build: AppFactory, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A heavy user's browser took seconds to open and seconds per search key: every key
    read every card's state again, and DataTable measured and redrew all the rows (6,811
    for a one-letter search) before the next key. A search or a sort now reuses the rows
    read when the screen was shown, and the table holds a page of them, the next page
    added when the cursor or the scroll comes near its last row."""
    import quiz.tui.screens.browser as browser_module
    from bench.bankgen import generate_bank
    from quiz.browser_view import read_rows as real_rows

    reads: list[bool] = []

    def counted(*args: Any, **kwargs: Any) -> Any:
        reads.append(kwargs.get("page", False))
        return real_rows(*args, **kwargs)

    monkeypatch.setattr(browser_module, "read_rows", counted)
    app = build(extra=[generate_bank(tmp_path / "big", 1500)])
    async with app.run_test(size=(100, 30)) as pilot:
        await press(pilot, "b")
        browser = await showing(pilot, BrowserScreen)
        await settle(pilot)
        table = browser.query_one(DataTable)
        every = len(app.workspace.cards)
        assert len(browser.shown) == every > 3 * PAGE_ROWS
        assert table.row_count == PAGE_ROWS, "one page in the table, not every row"
        assert _titles(table) == [row.card.title for row in browser.shown[:PAGE_ROWS]]
        assert reads == [True, False], "the first page, then every card once, when shown"
        # the cursor at the page's last row: the next page is in, and down reaches it
        table.move_cursor(row=PAGE_ROWS - 1)
        await settle(pilot)
        assert table.row_count == 2 * PAGE_ROWS
        await press(pilot, "down")
        assert browser.highlighted() == browser.shown[PAGE_ROWS]
        # scrolled to the end (the mouse): the next page again
        table.scroll_end(animate=False, immediate=True)
        await settle(pilot)
        assert table.row_count == 3 * PAGE_ROWS
        assert _titles(table) == [row.card.title for row in browser.shown[: 3 * PAGE_ROWS]]
        # a search: its rows from the first, every one of them when they fit a page
        table.move_cursor(row=0)
        browser.query_one(Input).value = "card 15"
        await settle(pilot)
        assert len(reads) == 2, "a search does not read the states again"
        assert 0 < len(browser.shown) < PAGE_ROWS
        assert _titles(table) == [row.card.title for row in browser.shown]
        await press(pilot, "ctrl+o")  # sort by due: the same rows, no read
        assert len(reads) == 2 and table.row_count == len(browser.shown)


@pytest.mark.parametrize(
    ("opening", "opened"),
    [
        ("home", StudyScreen),  # enter studies the highlighted row
        ("b", StudyScreen),  # the card browser: a one-card cram
        ("l", DrillScreen),  # the drill list: the drill's editor
    ],
)
async def test_enter_twice_on_a_list_opens_one_screen(
    build: AppFactory, opening: str, opened: type[Any]
) -> None:
    """Both enters of a quick double press read before the first had opened its screen:
    Home, the card browser and the drill list each opened a second session (or drill)
    over the first, and escape left the second to find the first still there."""
    app = build()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        if opening != "home":
            await press(pilot, opening)
            await settle(pilot)
        for _ in range(2):
            app.post_message(events.Key("enter", "\r"))  # no pause between keys
        await settle(pilot)
        await showing(pilot, opened)
        assert sum(isinstance(screen, opened) for screen in app.screen_stack) == 1


async def test_at_80_columns_the_browser_shows_its_help_key_and_f1_opens_the_help(
    build: AppFactory,
) -> None:
    """? is typed into the search box (cards' text has question marks), and the footer had
    no room for a Help key at 80 columns: a person could not find the help. f1 is in the
    footer, whole, and opens a help that says what the shortened keys toggle."""
    from quiz.tui.screens.help import HelpScreen

    app = build()
    async with app.run_test(size=(80, 24)) as pilot:
        await press(pilot, "b")
        browser = await showing(pilot, BrowserScreen)
        footer = browser.query_one(KeysFooter)
        assert await wait_until(
            pilot, lambda: any(key.description == "Help" for key in footer.query(FooterKey))
        )
        await settle(pilot)
        (help_key,) = [key for key in footer.query(FooterKey) if key.description == "Help"]
        assert help_key.key == "f1"
        assert help_key.region.width and help_key.region.right <= 80, "drawn whole"
        await press(pilot, "question_mark")
        assert browser.query_one(Input).value == "?"  # a search, as before
        await press(pilot, "f1")
        help_screen = await showing(pilot, HelpScreen)
        assert help_screen.title_text == "Cards", "as Home's b Cards and its title say"
        rows = dict((description, key) for key, description in help_screen.rows)
        assert rows["Suspend: set the card aside"] == "^s"
        assert rows["Bury: hide it until tomorrow"] == "^b"
        assert not any(said.startswith(("Unsuspend", "Unbury")) for said in rows), "not now"
        assert rows["Help"] == "f1"
        assert rows["Next card"] == "↓" and rows["Previous card"] == "↑"


async def test_the_browsers_title_says_a_search_is_in_order_of_best_match(
    build: AppFactory,
) -> None:
    """A search ranks the rows by how well they match, and the title said "sort by
    content" over them. It says "best match" while a search ranks them, the sort's name
    otherwise (ctrl+o's sorts apply to a search's rows too)."""
    app = build()
    async with app.run_test(size=(100, 30)) as pilot:
        await press(pilot, "b")
        browser = await showing(pilot, BrowserScreen)

        def title() -> str:
            return str(browser.query_one("#browser-title").render())

        assert title().strip().endswith("· sort by bank order")
        await press(pilot, *"relu")
        await searched(pilot)
        assert "· sort by best match" in title()
        await press(pilot, "ctrl+o")
        assert "· sort by due" in title()
        await press(pilot, "ctrl+o", "ctrl+o", "ctrl+o", *["backspace"] * 4)
        await searched(pilot)
        assert title().strip().endswith("· sort by bank order")


async def test_the_settings_footer_shows_edit_and_enter_still_saves_a_value(
    build: AppFactory,
) -> None:
    """The table's own enter (not shown) hid the screen's: the footer read "esc Back
    ? Help" only. It shows "⏎ Edit"; while a value is edited enter saves it."""
    app = build()
    async with app.run_test(size=(80, 24)) as pilot:
        await press(pilot, "comma")
        screen = await showing(pilot, SettingsScreen)
        footer = screen.query_one(KeysFooter)
        assert await wait_until(
            pilot, lambda: "Edit" in [k.description for k in footer.query(FooterKey)]
        )
        assert [k.key for k in footer.query(FooterKey)][0] == "enter"
        await press(pilot, "enter")  # the interview date, the first row
        assert screen.editing == "interview"
        # escape cancels the edit, and the footer says so: it read "esc Back" over the
        # hint's "escape cancels", and a new user feared leaving the screen

        def described() -> dict[str, str]:
            return {k.key: k.description for k in footer.query(FooterKey)}

        assert await wait_until(pilot, lambda: described().get("escape") == "Cancel")
        await press(pilot, "escape")
        assert screen.editing is None and app.screen is screen, "cancelled, not left"
        assert await wait_until(pilot, lambda: described().get("escape") == "Back")
        screen.query_one(DataTable).move_cursor(row=ROWS.index("new_per_day"))
        await press(pilot, "enter")
        assert screen.editing == "new_per_day"
        box = screen.query_one(Input)
        box.value = "7"
        await press(pilot, "enter")
        assert screen.editing is None
        assert app.workspace.settings.new_per_day == 7
        assert "Edit" in [k.description for k in footer.query(FooterKey)]


async def test_passing_a_passed_drill_again_from_the_list_logs_no_review(
    build: AppFactory, clock: FakeClock
) -> None:
    """The first pass of a new drill outside a session is its review (Good, rescheduled);
    passing it again from the drill list, before it is due, is practice: the attempt is
    logged, no review is (it was a cram review each time, a correct answer in the stats'
    accuracy and a day kept in the streak), and the schedule stays. Once the drill is due,
    a pass counts again, as in a session."""
    app = build()
    store = app.workspace.store
    async with app.run_test() as pilot:
        for _ in range(3):
            await press(pilot, "l")
            await showing(pilot, DrillsScreen)
            await press(pilot, "enter")
            drill = await showing(pilot, DrillScreen)
            editor_of(drill).load_text(SOLUTION)
            await grade_now(app, pilot)
            assert drill.sitting.progress.passed
            await press(pilot, "escape", "escape")
            await showing(pilot, HomeScreen)
        reviews = store.reviews()
        assert [(r.card_id, r.rating, r.mode) for r in reviews] == [("tiny-sgd", 3, "due")]
        state = store.card_state("tiny-sgd")
        assert state is not None and state.due > clock()
        assert [a.status for a in store.attempts(card_id="tiny-sgd")] == ["passed"] * 3
        stats = app.workspace.stats()
        assert (stats.reviews, stats.correct, stats.drill_attempts) == (1, 1, 3)
        clock.moment = state.due  # its learning step has come: a pass is its review
        await press(pilot, "l")
        await showing(pilot, DrillsScreen)
        await press(pilot, "enter")
        drill = await showing(pilot, DrillScreen)
        editor_of(drill).load_text(SOLUTION)
        await grade_now(app, pilot)
        assert [r.mode for r in store.reviews()] == ["due", "due"]
        after = store.card_state("tiny-sgd")
        assert after is not None and after.due > state.due
