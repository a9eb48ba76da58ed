"""The interview plan set, changed and cleared from the settings screen, as a user would."""

from __future__ import annotations

from datetime import UTC, date

from textual.pilot import Pilot
from textual.widgets import DataTable, Input, Static

from quiz.settings_view import NO_PLAN_KEPT, PLAN_REMOVED
from quiz.tui.screens.confirm import ConfirmScreen
from quiz.tui.screens.home import HomeScreen
from quiz.tui.screens.settings import ROWS, SettingsScreen
from tests.tui.conftest import (
    AppFactory,
    FakeClock,
    Recorder,
    press,
    screen_lines,
    set_plan,
    settle,
    showing,
)

INTERVIEW_ROW = ROWS.index("interview")
"""The plan's rows: the date, the minutes, the target, in that order."""


def help_text(screen: SettingsScreen) -> str:
    return str(screen.query_one("#settings-help", Static).render())


def home_lines(home: HomeScreen) -> list[str]:
    return str(home.query_one("#home-summary", Static).render()).splitlines()


async def edit(pilot: Pilot[None], screen: SettingsScreen, row: int, typed: str) -> None:
    """Open the row's value, replace it with `typed` and press enter."""
    screen.query_one(DataTable).move_cursor(row=row)
    await press(pilot, "enter")
    box = screen.query_one("#settings-input", Input)
    assert box.display and box.has_focus
    box.value = ""
    await press(pilot, *typed, "enter")


async def test_the_settings_screen_sets_changes_and_clears_the_interview_plan(
    build: AppFactory, clock: FakeClock, recorder: Recorder
) -> None:
    """An Anki user looks for the interview date where the other settings are: its rows
    set it with `drillbit plan`'s checks (a date, after today, numbers in range, a plan
    before its minutes), say a refusal under the box and save nothing, and Home's line
    follows: "no interview plan" gives way to the plan's, and back once it is cleared."""
    app = build()
    ws = app.workspace
    ws.tz = UTC  # the fake clock's day: 2026-03-02
    async with app.run_test(size=(100, 30), message_hook=recorder) as pilot:
        home = await showing(pilot, HomeScreen)
        await settle(pilot)
        assert home_lines(home)[1] == "no interview plan · set one in Settings (,)"
        # an empty date again: there is no plan to remove, and it says so
        await press(pilot, "comma")
        screen = await showing(pilot, SettingsScreen)
        await edit(pilot, screen, INTERVIEW_ROW, "")
        assert help_text(screen).startswith(f"{NO_PLAN_KEPT}\n")
        assert ws.store.interview_plan() is None
        await press(pilot, "comma")
        screen = await showing(pilot, SettingsScreen)
        table = screen.query_one(DataTable)
        assert [str(table.get_row_at(INTERVIEW_ROW + i)[0]) for i in range(3)] == [
            "interview",
            "minutes_per_day",
            "target",
        ]
        assert str(table.get_row_at(INTERVIEW_ROW)[1]) == "none"
        # minutes before any date: refused, nothing saved
        await edit(pilot, screen, INTERVIEW_ROW + 1, "45")
        assert "no plan is set" in help_text(screen) and ws.store.interview_plan() is None
        await press(pilot, "escape")
        for typed, said in [
            ("next week", "'next week' is not a date written YYYY-MM-DD"),
            # the format is right and the day is impossible: say what is wrong with it
            ("2026-02-30", "'2026-02-30' is not a date: February 2026 has 28 days"),
            ("2026-13-01", "'2026-13-01' is not a date: there is no month 13"),
            ("2026-03-02", "2026-03-02 is not after today"),
            ("2026-01-15", "2026-01-15 is not after today"),
        ]:
            await edit(pilot, screen, INTERVIEW_ROW, typed)
            assert said in help_text(screen), typed
            assert screen.editing == "interview", "the box stays open for another try"
            assert ws.store.interview_plan() is None
            await press(pilot, "escape")
        await edit(pilot, screen, INTERVIEW_ROW, "2026-03-16")
        plan = ws.store.interview_plan()
        assert plan is not None and plan.interview == date(2026, 3, 16)
        assert (plan.minutes_per_day, plan.target, plan.created_at) == (30.0, 0.9, clock())
        assert help_text(screen).startswith(
            "Interview 2026-03-16: 30 min/day, target recall 90% (saved)\n"
        )
        assert str(table.get_row_at(INTERVIEW_ROW)[1]) == "2026-03-16"
        for typed, said in [("0", "0 is outside 1-1440"), ("lots", "'lots' is not a number")]:
            await edit(pilot, screen, INTERVIEW_ROW + 1, typed)
            assert said in help_text(screen)
            await press(pilot, "escape")
        await edit(pilot, screen, INTERVIEW_ROW + 2, "1")
        assert "1 is outside 0.5-0.99" in help_text(screen)
        await press(pilot, "escape")
        # a target typed as a percentage, as `drillbit config desired_retention 90` hints
        await edit(pilot, screen, INTERVIEW_ROW + 2, "90")
        assert "90 is outside 0.5-0.99 (the target recall; did you mean 90%?)" in help_text(screen)
        await press(pilot, "escape")
        await edit(pilot, screen, INTERVIEW_ROW + 1, "45")
        await edit(pilot, screen, INTERVIEW_ROW + 2, "0.95")
        # a new date starts a new plan, keeping the minutes and target typed here
        await edit(pilot, screen, INTERVIEW_ROW, "2026-03-20")
        plan = ws.store.interview_plan()
        assert plan is not None
        assert (plan.interview, plan.minutes_per_day, plan.target) == (date(2026, 3, 20), 45, 0.95)
        assert [str(table.get_row_at(INTERVIEW_ROW + i)[1]) for i in range(3)] == [
            "2026-03-20",
            "45",
            "95%",
        ]
        await press(pilot, "escape")
        await showing(pilot, HomeScreen)
        await settle(pilot)
        assert "18 days left" in home_lines(home)[1], home_lines(home)
        assert "no interview plan" not in " ".join(home_lines(home))
        # an empty date clears the plan once asked, and Home says how to set one again
        await press(pilot, "comma")
        screen = await showing(pilot, SettingsScreen)
        await edit(pilot, screen, INTERVIEW_ROW, "")
        await showing(pilot, ConfirmScreen)
        await press(pilot, "y")
        await showing(pilot, SettingsScreen)
        assert ws.store.interview_plan() is None
        assert help_text(screen).startswith(f"{PLAN_REMOVED}\n")
        assert str(screen.query_one(DataTable).get_row_at(INTERVIEW_ROW)[1]) == "none"
        await press(pilot, "escape")
        await showing(pilot, HomeScreen)
        await settle(pilot)
        assert home_lines(home)[1] == "no interview plan · set one in Settings (,)"


def test_the_settings_descriptions_show_no_markdown_backquotes() -> None:
    """The table's cells are plain text: "as `drillbit plan` does" showed its backquotes."""
    from quiz.settings import KEYS, describe
    from quiz.study.plan_edit import PLAN_ROWS
    from quiz.tui.screens.settings import INTERVIEW_NOTE

    texts = [describe(key) for key in KEYS] + [row.what for row in PLAN_ROWS.values()]
    texts.append(INTERVIEW_NOTE)
    assert [text for text in texts if "`" in text] == []


async def test_a_value_s_box_leaves_the_descriptions_whole_at_80_columns(
    build: AppFactory,
) -> None:
    """At 80 columns the box under the table took its side margins off the table's width
    while a value was edited: every wrapped description lost its last letters ("before it
    return", "in a new orde") until the box closed."""
    app = build()
    set_plan(app.workspace, 5, 30.0)  # a date in the value column: the narrowest descriptions
    async with app.run_test(size=(80, 24)) as pilot:
        await showing(pilot, HomeScreen)
        await press(pilot, "comma")
        settings = await showing(pilot, SettingsScreen)
        settings.query_one(DataTable).move_cursor(row=ROWS.index("relearning_steps"))
        await press(pilot, "enter")
        await settle(pilot)
        assert settings.editing == "relearning_steps"
        assert settings.query_one(DataTable).size.width == 80
        text = "\n".join(line.text for line in screen_lines(app))
        assert "Steps of a forgotten card before it returns" in text, text
        # wrapped whole (the theme's name, 12 letters, moves "order" to the next line)
        assert "Show a choice card's options in a new  " in text, text
        assert "Predicted recall on the day for every  " in text, text
        assert "card (50%-99%)." in text, text


async def test_home_s_way_to_the_interview_date_lands_on_it_at_80x24(build: AppFactory) -> None:
    """Home tells a new user "no interview plan · set one in Settings (,)"; at 80x24 the
    screen it opened showed eleven settings and no interview date: its row was last, below
    the fold. The plan's rows come first now: the date is on screen, under the cursor, and
    enter opens its box."""
    app = build()
    async with app.run_test(size=(80, 24)) as pilot:
        home = await showing(pilot, HomeScreen)
        await settle(pilot)
        assert home_lines(home)[1] == "no interview plan · set one in Settings (,)"
        await press(pilot, "comma")
        screen = await showing(pilot, SettingsScreen)
        await settle(pilot)
        shown = [line.text for line in screen_lines(app)]
        assert any(line.startswith(" interview ") for line in shown), shown
        await press(pilot, "enter")
        assert screen.editing == "interview"
        assert help_text(screen).startswith("interview: Your interview day, YYYY-MM-DD")
