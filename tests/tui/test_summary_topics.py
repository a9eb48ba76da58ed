"""The summary's topic column: a topic two packs share is named "topic (pack)", and at
80 columns that name wraps onto two whole lines instead of being cut ("basics (deep-…")."""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import DataTable, Static

from quiz.tui.app import DrillbitApp
from quiz.tui.screens.study import StudyScreen
from quiz.tui.screens.summary import (
    SummaryScreen,
    TableLayout,
    joined_lines,
    table_layout,
    topic_lines,
)
from quiz.workspace import StudyRequest
from tests.tui.conftest import AppFactory, FakeClock, settle, showing, wait_until

BOTH = StudyRequest(mode="cram", topic="basics")
"""Both packs' basics: three cards of mini, then one of deep-training."""


def test_a_long_topic_name_breaks_at_its_space_into_whole_lines() -> None:
    assert topic_lines("optimizers (deep-training)", 20) == ["optimizers", "(deep-training)"]
    assert topic_lines("regularization (neural-networks)", 17) == [
        "regularization",
        "(neural-networks)",
    ]
    assert topic_lines("a b c d", 3) == ["a b", "c d"]
    assert topic_lines("gradient-checking-drills", 10) == ["gradient-…"]
    assert topic_lines("x (a) (b) (c)", 5) == ["x (a)", "(b) …"]


def test_the_weakest_topics_break_between_topics() -> None:
    names = ["optimizers (neural-networks) 0/4", "optimizers (deep-training) 1/2"]
    assert joined_lines(names, 58) == [f"{names[0]},", names[1]]
    assert joined_lines(names, 80) == [", ".join(names)]
    assert joined_lines([], 10) == []


def test_the_layout_at_80_and_120_columns_for_the_banks_longest_shared_topic() -> None:
    titles = ["Which weights does L2-inside-Adam regularize least"]  # 50 cells
    topics = ["regularization (neural-networks)", "optimizers (deep-training)", "training"]
    others = len("unanswered") + len("time")
    narrow = table_layout(80, titles, topics, others)
    # the pack's name is whole in its line; the card column keeps what is left (33 cells)
    assert narrow == TableLayout(card=33, topic=len("(neural-networks)"))
    assert 33 + 17 + others + 16 == 80
    wide = table_layout(120, titles, topics, others)
    assert wide == TableLayout(card=50, topic=len(topics[0])), "everything whole"
    short = table_layout(80, ["Inverted dropout at inference"], ["basics"], others)
    assert short == TableLayout(card=29, topic=6), "a column as wide as its widest cell"


def cells(table: DataTable[object], column: int) -> list[str]:
    """Each row's cell in `column` as plain text."""
    return [str(table.get_row_at(row)[column]) for row in range(table.row_count)]


async def end_with_four_answers(app: DrillbitApp, pilot: Pilot[None], clock: FakeClock) -> None:
    """Answer the four basics cards of both packs and end; the summary is then shown.
    Each key waits for the phase it is meant for (a loaded machine runs the app late)."""
    await showing(pilot, StudyScreen)
    study = await showing(pilot, StudyScreen)

    async def press(*keys: str, phase: str, answers: int) -> None:
        assert await wait_until(
            pilot, lambda: study.phase == phase and len(study.session.answers) == answers
        )
        await pilot.press(*keys)

    await press("2", "enter", phase="question", answers=0)  # mini's choice, right
    clock.advance(20)
    await press("enter", phase="feedback", answers=1)
    await press(*"0.25", "enter", phase="question", answers=1)  # its numeric, right
    clock.advance(20)
    await press("enter", phase="feedback", answers=2)
    await press("space", phase="question", answers=2)  # its concept
    await press("enter", phase="revealed", answers=2)
    await press("1", phase="rating", answers=2)  # Again
    clock.advance(20)
    await press("2", "enter", phase="question", answers=3)  # deep-training's choice, wrong
    await press("escape", phase="feedback", answers=4)
    await showing(pilot, SummaryScreen)


async def test_at_80_columns_a_shared_topic_is_two_whole_lines(
    build: AppFactory, shared_topic: Path, clock: FakeClock
) -> None:
    app = build(study=BOTH, extra=[shared_topic])
    async with app.run_test(size=(80, 24)) as pilot:
        await end_with_four_answers(app, pilot, clock)
        table: DataTable[object] = app.screen.query_one(DataTable)
        assert await wait_until(pilot, lambda: table.row_count == 4)
        await settle(pilot)
        # "basics (mini)" fits in the column the longest line gives; only the other wraps
        assert cells(table, 1) == [*["basics (mini)"] * 3, "basics\n(deep-training)"]
        assert [table.get_row_height(row.key) for row in table.ordered_rows] == [1, 1, 1, 2]
        lines = [table.render_line(y).text for y in range(1, 10)]
        assert not any("…" in line for line in lines), "nothing cut"
        assert any("(deep-training)" in line for line in lines)
        assert table.virtual_size.width <= table.size.width, "every column on screen"
        await pilot.resize_terminal(120, 40)
        assert await wait_until(pilot, lambda: cells(table, 1)[3] == "basics (deep-training)")
        await settle(pilot)
        assert [table.get_row_height(row.key) for row in table.ordered_rows] == [1, 1, 1, 1]
        numbers = str(app.screen.query_one("#summary-numbers", Static).render())
        assert "Weakest topics  basics (deep-training) 0/1, basics (mini) 2/3" in numbers


async def test_a_mock_question_skipped_and_left_is_unanswered_not_not_reached(
    build: AppFactory, clock: FakeClock
) -> None:
    """The end's question says the summary "counts them as unanswered"; the table said
    "not reached" even for a question shown and skipped."""
    app = build(study=StudyRequest(mode="mock", limit=3, minutes=20))
    async with app.run_test(size=(80, 24)) as pilot:
        study = await showing(pilot, StudyScreen)
        assert study.card is not None
        skipped = study.card
        await pilot.press("s")
        await settle(pilot)
        clock.advance(10)
        await pilot.press("escape", "y")
        await showing(pilot, SummaryScreen)
        table: DataTable[object] = app.screen.query_one(DataTable)
        assert await wait_until(pilot, lambda: table.row_count == 3)
        rows = dict(zip(cells(table, 0), cells(table, 2), strict=True))
        assert rows[skipped.title] == "unanswered"
        assert set(rows.values()) == {"unanswered"}


LONG_TITLE = "Inverted dropout in training, and what its 1/(1-p) scaling keeps"
"""65 cells: at 80 columns wider than the card column (33 cells beside "(deep-training)")."""


async def test_at_80_columns_a_long_title_wraps_whole_beside_its_topic(
    build: AppFactory, shared_topic: Path, clock: FakeClock
) -> None:
    """A title wider than the card column was cut to one line ("Learnable parameters of a
    batch-…" after a mock at 80x24): it breaks at spaces into two whole lines, as a
    topic's name does, and whole on one line again at 120 columns."""
    card = next(shared_topic.rglob("dropout-training.md"))
    text = card.read_text(encoding="utf-8")
    card.write_text(text.replace("Inverted dropout in training", LONG_TITLE), encoding="utf-8")
    app = build(study=BOTH, extra=[shared_topic])
    async with app.run_test(size=(80, 24)) as pilot:
        await end_with_four_answers(app, pilot, clock)
        table: DataTable[object] = app.screen.query_one(DataTable)
        assert await wait_until(pilot, lambda: table.row_count == 4)
        await settle(pilot)
        first, second = cells(table, 0)[3].split("\n")
        assert f"{first} {second}" == LONG_TITLE
        assert [table.get_row_height(row.key) for row in table.ordered_rows] == [1, 1, 1, 2]
        lines = [table.render_line(y).text for y in range(1, 10)]
        assert not any("…" in line for line in lines), "nothing cut"
        assert table.virtual_size.width <= table.size.width, "every column on screen"
        await pilot.resize_terminal(120, 40)
        assert await wait_until(pilot, lambda: cells(table, 0)[3] == LONG_TITLE)
        await settle(pilot)
        assert [table.get_row_height(row.key) for row in table.ordered_rows] == [1, 1, 1, 1]
