"""Home's plan line breaks between its phrases, never inside one ("+ 12 / new")."""

from __future__ import annotations

import pytest
from rich.cells import cell_len
from rich.console import Console
from rich.style import Style

from quiz.tui.screens.home import HomeScreen
from quiz.tui.widgets.phrases import break_between, count_line, parts_line
from tests.tui.conftest import AppFactory, resize, screen_lines, set_plan, settle, showing

PHRASES = ["12 days left", "readiness 71% → target 90% on the day", "today: 34 reviews + 12 new"]


def test_phrases_that_fit_stay_on_one_line() -> None:
    assert break_between(PHRASES, 200) == " · ".join(PHRASES)
    assert break_between(["one"], 1) == "one"


@pytest.mark.parametrize("width", [54, 60, 79])
def test_a_line_too_long_breaks_between_phrases_without_a_dangling_dot(width: int) -> None:
    """Home's plan line at 80 columns read "… on the day ·" and "21 planned today ·": a
    line ending in its separator read as one cut short. The break takes the dot's place."""
    lines = break_between(PHRASES, width).splitlines()
    assert lines == [
        "12 days left · readiness 71% → target 90% on the day",
        "today: 34 reviews + 12 new",
    ]
    assert all(cell_len(line) <= width for line in lines)
    narrow = break_between(PHRASES, 51).splitlines()
    assert narrow == PHRASES, "no line ends or starts with the separator"
    assert not any(line.endswith("·") or line.startswith("·") for line in narrow)


def test_a_phrase_wider_than_the_line_is_left_whole_on_its_own_line() -> None:
    assert break_between(["ab", "a very long phrase", "cd"], 8) == "ab\na very long phrase\ncd"


def test_a_phrase_wider_than_the_line_breaks_between_its_clauses() -> None:
    """At 80 columns Home's load, "today: 0 reviews + 11 new, about 10 min at the default
    pace; 1 card waits for tomorrow" (86 cells), was wrapped by the widget at a space and
    left "tomorrow ·" alone on a line; it now breaks after its semicolon."""
    load = "today: 0 reviews + 11 new, about 10 min at the default pace; 1 card waits for tomorrow"
    phrases = ["3 days left", load, "the plan reaches only 33%"]
    lines = break_between(phrases, 78).splitlines()
    assert lines == [
        "3 days left · today: 0 reviews + 11 new, about 10 min at the default pace;",
        "1 card waits for tomorrow · the plan reaches only 33%",
    ]
    assert all(cell_len(line) <= 78 for line in lines)
    tight = break_between(phrases, 73).splitlines()  # the ";" needs its cell too
    assert tight[0] == "3 days left", tight
    assert all(cell_len(line) <= 73 for line in tight), tight
    assert break_between(phrases, 200) == " · ".join(phrases), "whole where it fits"


async def test_home_breaks_the_plan_line_between_phrases_at_any_width(
    build: AppFactory,
) -> None:
    app = build()
    # minutes enough for the drill: the plan reaches its target (no warning phrase)
    set_plan(app.workspace, 12, 30.0)
    async with app.run_test(size=(120, 30)) as pilot:
        home = await showing(pilot, HomeScreen)
        await app.workers.wait_for_complete()  # the forecast beside the screen
        await settle(pilot)
        status = app.workspace.plan_status()
        assert status is not None
        planned = app.workspace.plan_status(with_forecast=True)
        assert planned is not None and planned.forecast
        followed = planned.forecast[-1].followed
        assert followed >= status.plan.target

        def plan_lines() -> list[str]:
            shown = str(home.query_one("#home-summary").render()).splitlines()
            return shown[1:]

        assert plan_lines() == [status.line()], "one line where it fits"
        await resize(pilot, 80, 24)
        assert plan_lines() == [" · ".join(status.phrases()[:2]), status.phrases()[2]]
        await resize(pilot, 120, 30)
        assert plan_lines() == [status.line()], "and back on one line when wide again"


def test_the_count_line_breaks_before_the_backlog_note_not_inside_it() -> None:
    """At 80 columns Home's count wrapped inside its note: "8 done" / "today)"."""
    parts = [
        ("192 due", "bold yellow"),
        (" · 20 new today", "cyan"),
        (" (9,986 due by fsrs; max_reviews_per_day 200, 8 done so far)", ""),
    ]
    breakdown = "144 new + 1732 learning + 8268 review = 10144 cards"
    assert count_line(parts, breakdown, 78).plain.splitlines() == [
        "192 due · 20 new today",
        "(9,986 due by fsrs; max_reviews_per_day 200, 8 done so far)",
        breakdown,
    ]
    assert count_line(parts[:2], "3 new = 3 cards", 78).plain == (
        "192 due · 20 new today  |  3 new = 3 cards"
    )


def test_a_part_after_a_dot_starts_the_next_line_without_it() -> None:
    """Home at 80 columns with a plan read "20 planned today" then "· 1 due by fsrs, not
    today: ...", a line starting with a dot, and later "20 planned today ·", a line ending
    with one: the break takes the dot's place."""
    note = " · 1 due by fsrs, not today: the plan reviews it in the last days before the interview if needed"
    parts = [("20 planned today", "bold yellow"), (note, "cyan")]
    breakdown = "144 new + 3 learning + 0 review = 147 cards"
    text = count_line(parts, breakdown, 78)
    assert text.plain.splitlines() == ["20 planned today", note.removeprefix(" · "), breakdown]
    assert "·" not in text.plain
    first = text.plain.index("1 due")
    assert text.get_style_at_offset(Console(), first) == Style.parse("cyan")  # the note's style


def test_parts_break_between_them_and_drop_the_separator_at_the_break() -> None:
    parts = [("reviews 1,234", "bold"), (" · cards seen 56", ""), (" · accuracy 75%", "")]
    assert parts_line(parts, 80).plain == "reviews 1,234 · cards seen 56 · accuracy 75%"
    assert parts_line(parts, 30).plain.splitlines() == [
        "reviews 1,234 · cards seen 56",
        "accuracy 75%",
    ]


async def test_the_stats_numbers_never_end_or_start_a_line_with_a_dot(build: AppFactory) -> None:
    """At 60 columns the stats screen's first line, "reviews 0 · cards seen 0 · accuracy
    – · true retention –*", was wrapped by its widget at a space, a "·" ending the line."""
    from quiz.tui.screens.stats import StatsScreen

    app = build()
    # 43 columns: the widget's wrap at a space fell right after "accuracy – ·"
    async with app.run_test(size=(43, 30)) as pilot:
        await showing(pilot, HomeScreen)
        await pilot.press("s")
        stats = await showing(pilot, StatsScreen)
        await settle(pilot)
        widget = stats.query_one("#stats-numbers")
        lines = [line.strip() for line in str(widget.render()).splitlines()]
        assert any(line.startswith("reviews ") for line in lines), lines
        assert any("true retention" in line for line in lines), lines
        dots = [line for line in lines if line.endswith("·") or line.startswith("·")]
        assert not dots, lines
        shown = [line.text.rstrip() for line in screen_lines(app)]
        assert not [line for line in shown if line.endswith(" ·")], shown
        # a part is kept whole: "streak 0 days" ends a line ("drills passed 0 (0 tries) ·
        # streak 0 days" fits in 43 columns since "attempts" became "tries")
        assert any(line.rstrip().endswith("streak 0 days") for line in shown), shown
