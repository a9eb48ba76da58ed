"""Home's rows on a bank of several packs: each row is a selection (pack, then topic), so
a suspended card stays out and a due session under a plan is plan mode's part of today."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, timedelta
from pathlib import Path
from random import Random

import pytest
from fsrs import Rating, Scheduler
from textual.widgets import DataTable, Label, Static

from quiz.bank.loader import load_bank
from quiz.overview import ALL_PACKS, nothing_to_study, planned_by_row, request_for
from quiz.settings import Settings
from quiz.store import Store
from quiz.study import Session, SessionOptions
from quiz.study.plan import TimeBox
from quiz.study.plan_today import plan_queue
from quiz.study.scheduling import review_card
from quiz.tui.screens.home import HomeScreen
from quiz.tui.screens.study import StudyScreen
from quiz.workspace import StudyRequest, Workspace
from tests.tui.conftest import (
    AppFactory,
    FakeClock,
    FunctionGrader,
    Recorder,
    inprocess_grade,
    notifications,
    press,
    set_plan,
    settle,
    showing,
)

MORE_CARD = """---
id: {id}
kind: concept
title: {title}
topic: basics
tags: [activations]
difficulty: 1
source: tests
key_points:
  - {point}
---

## Question

What does {title} compute?

## Answer

{point}.
"""


@pytest.fixture
def more_pack(tmp_path: Path) -> Path:
    """A second pack whose one topic has the same name as the mini pack's (basics)."""
    root = tmp_path / "more-content"
    topic = root / "more" / "basics"
    topic.mkdir(parents=True)
    (root / "more" / "pack.yaml").write_text(
        "title: More\ndescription: A second pack.\nversion: 0.1.0\n", encoding="utf-8"
    )
    for card_id, title, point in [
        ("leaky-relu", "Leaky ReLU", "max(a z, z) with a small slope a"),
        ("gelu-shape", "GELU", "z times the normal CDF of z"),
    ]:
        text = MORE_CARD.format(id=card_id, title=title, point=point)
        (topic / f"{card_id}.md").write_text(text, encoding="utf-8")
    return root


@pytest.fixture
def ws(tui_bank: Path, more_pack: Path, tmp_path: Path, clock: FakeClock) -> Iterator[Workspace]:
    store = Store.open(tmp_path / "db.sqlite")
    workspace = Workspace(
        load_bank([tui_bank, more_pack]),
        store,
        clock=clock,
        tz=UTC,
        scheduler=Scheduler(enable_fuzzing=False),
        rng=Random(1),
        grader=FunctionGrader(inprocess_grade),
        drafts_dir=tmp_path / "drafts",
    )
    yield workspace
    workspace.close()


def queue_of(ws: Workspace, request: StudyRequest) -> list[str]:
    return [card.id for card in ws.start_session(request).planned]


def test_a_row_is_its_pack_and_topic_not_the_same_topic_name_elsewhere(ws: Workspace) -> None:
    rows, _ = ws.home_view()
    assert [(r.title, r.pack, r.topic, r.total) for r in rows] == [
        ("All packs", ALL_PACKS, None, 6),
        ("Mini", "mini", None, 4),
        ("basics", "mini", "basics", 3),
        ("drills", "mini", "drills", 1),
        ("More", "more", None, 2),
        ("basics", "more", "basics", 2),
    ]
    requests = [request_for(ws.content, "due", row) for row in rows]
    assert requests[0] == StudyRequest(mode="due"), "every card: the whole bank's session"
    assert requests[2] == StudyRequest(mode="due", pack="mini", topic="basics")
    assert requests[4] == StudyRequest(mode="due", pack="more")
    assert requests[2].describe() == "due · mini · basics"
    mini_basics = {"what-is-relu", "dropout-inference", "sigmoid-bound"}
    assert set(queue_of(ws, requests[2])) == mini_basics, "more's basics cards are not mini's"
    assert set(queue_of(ws, requests[5])) == {"leaky-relu", "gelu-shape"}
    assert len(queue_of(ws, requests[1])) == 4
    assert len(queue_of(ws, requests[0])) == 6


@pytest.mark.parametrize("mode", ["due", "cram"])
def test_a_suspended_or_buried_card_stays_out_of_its_rows_sessions(
    ws: Workspace, mode: str
) -> None:
    now = ws.now()
    ws.store.set_flag("dropout-inference", suspended=True, buried_until=None, now=now)
    ws.store.set_flag("gelu-shape", suspended=False, buried_until=now + timedelta(days=1), now=now)
    rows, _ = ws.home_view()
    asked = {
        (row.pack, row.topic): set(queue_of(ws, request_for(ws.content, mode, row)))  # type: ignore[arg-type]
        for row in rows
    }
    assert asked[("mini", "basics")] == {"what-is-relu", "sigmoid-bound"}
    assert "dropout-inference" not in asked[("mini", None)]
    assert asked[("more", None)] == asked[("more", "basics")] == {"leaky-relu"}
    assert not {"dropout-inference", "gelu-shape"} & asked[(ALL_PACKS, None)]


def test_under_a_plan_a_rows_due_session_is_plan_mode_s_part_of_today(ws: Workspace) -> None:
    rows, _ = ws.home_view()
    every, mini, more = rows[0], rows[1], rows[4]
    assert len(queue_of(ws, request_for(ws.content, "due", mini))) == 4, "no plan: fsrs's 4 new"
    assert len(queue_of(ws, request_for(ws.content, "due", more))) == 2
    set_plan(ws, 12, 3.0)
    today = plan_queue(ws.store, ws.content.refs, ws.now(), tz=ws.tz, scheduler=ws.scheduler)
    assert today is not None and len(today.ids) == 2, "3 minutes: two new cards today"
    by_pack = {card.id: card.pack for card in ws.content.refs}
    for row in (every, mini, more):
        session = ws.start_session(request_for(ws.content, "due", row))
        assert [card.id for card in session.planned] == [
            card_id for card_id in today.ids if row is every or by_pack[card_id] == row.pack
        ]
        assert session.options.plan_queue == today.ids, "plan mode, with its time box"
        assert session.options.time_box == today.box
        assert session.options.requeue == today.same_day_steps


async def test_home_d_studies_the_plan_on_all_packs_or_on_one(
    build: AppFactory, more_pack: Path, recorder: Recorder
) -> None:
    app = build(extra=[more_pack])
    set_plan(app.workspace, 12, 3.0)
    async with app.run_test(message_hook=recorder) as pilot:
        home = await showing(pilot, HomeScreen)
        for downs, pack, title in [(0, ALL_PACKS, "plan"), (1, "mini", "plan · mini")]:
            await press(pilot, *["down"] * downs)
            row = home.highlighted()
            assert row is not None and row.pack == pack
            await press(pilot, "d")
            await settle(pilot)
            study = await showing(pilot, StudyScreen)
            assert study.session.remaining == 2, "the plan's two cards, not fsrs's four new"
            assert study.session.plan_mode
            # the plan's session, named so: it studies the plan's day, not fsrs's due cards
            assert str(study.query_one("#study-title", Label).render()) == title
            await press(pilot, "escape")  # nothing answered: straight back, and it says
            await settle(pilot)
            await showing(pilot, HomeScreen)
            ended = notifications(recorder)[-1]
            assert ended.title == f"Session ended: {title}", "what was studied"


def test_why_a_row_has_nothing_to_study_says_the_plans_reason(ws: Workspace) -> None:
    more = ws.home_view()[0][4]
    for card in ("leaky-relu", "gelu-shape"):
        ws.store.set_flag(card, suspended=True, buried_until=None, now=ws.now())
    empty = ws.start_session(request_for(ws.content, "due", more))
    assert nothing_to_study(empty).startswith("Nothing to study: none due, and")
    for card in ("leaky-relu", "gelu-shape"):
        ws.store.set_flag(card, suspended=False, buried_until=None, now=ws.now())
    set_plan(ws, 12, 3.0)
    elsewhere = ws.start_session(request_for(ws.content, "due", more))
    assert elsewhere.current is None
    assert nothing_to_study(elsewhere) == (
        "Nothing here in today's plan: its 2 cards are in other packs or topics. "
        "Try c (cram) or m (mock): they keep the schedule."
    )
    done = Session(ws.store, [], SessionOptions(plan_queue=()), clock=ws.clock)
    assert nothing_to_study(done).startswith("Nothing more is planned today: its cards are done")
    no_minutes = SessionOptions(plan_queue=("leaky-relu",), time_box=TimeBox(5.0, {}))
    used = Session(ws.store, list(ws.content.refs), no_minutes, clock=ws.clock)
    assert used.current is None
    assert nothing_to_study(used).startswith("Today's plan minutes are used: 1 card")


async def test_d_with_a_new_per_day_of_0_says_why_no_new_card_came(
    build: AppFactory, recorder: Recorder
) -> None:
    """new_per_day 0 on a home never studied said "today's new cards are done": done by
    whom, and no word of the setting that kept them back."""
    app = build(settings=Settings(shuffle_choices=False, new_per_day=0))
    async with app.run_test(message_hook=recorder) as pilot:
        await showing(pilot, HomeScreen)
        await press(pilot, "d")
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen), "no session opened"
        assert notifications(recorder)[-1].message == (
            "Nothing to study: none due, and new_per_day 0 lets no new card in (Settings, ,). "
            "Try c (cram) or m (mock): they keep the schedule."
        )
    app = build()
    async with app.run_test(message_hook=recorder) as pilot:
        await showing(pilot, HomeScreen)
        await press(pilot, "d")
        await settle(pilot)
        assert isinstance(app.screen, StudyScreen), "the default's 20 new cards come"


async def test_home_says_when_todays_plan_has_nothing_in_a_row(
    build: AppFactory, more_pack: Path, recorder: Recorder
) -> None:
    app = build(extra=[more_pack])
    set_plan(app.workspace, 12, 3.0)
    async with app.run_test(message_hook=recorder) as pilot:
        await press(pilot, "down", "down", "down", "down", "d")
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen), "no session opened"
        notes = [n for n in notifications(recorder) if n.title == "plan · more"]
        assert len(notes) == 1 and "in other packs or topics" in notes[0].message


async def test_a_study_at_start_with_nothing_planned_leaves_home_on_its_row(
    build: AppFactory, more_pack: Path, recorder: Recorder
) -> None:
    """`drillbit study --pack more --topic basics` under a plan with none of its cards
    today: Home says "Try c (cram)", and c crams that row, not every pack."""
    app = build(extra=[more_pack], study=StudyRequest(pack="more", topic="basics"))
    set_plan(app.workspace, 12, 3.0)
    async with app.run_test(message_hook=recorder) as pilot:
        home = await showing(pilot, HomeScreen)
        notes = [n.message for n in notifications(recorder) if n.title == "plan · more · basics"]
        assert len(notes) == 1 and "Try c (cram)" in notes[0], notes
        row = home.highlighted()
        assert row is not None and (row.pack, row.topic) == ("more", "basics")
        await press(pilot, "c")
        await settle(pilot)
        study = await showing(pilot, StudyScreen)
        assert {card.id for card in study.session.queued} == {"leaky-relu", "gelu-shape"}


def test_planned_by_row_counts_todays_cards_of_each_pack_and_topic(ws: Workspace) -> None:
    rows, _ = ws.home_view()
    planned = ["sigmoid-bound", "tiny-sgd", "gelu-shape", "not-a-card"]
    assert planned_by_row(rows, ws.content.refs, planned) == [3, 2, 1, 1, 1, 1]
    assert planned_by_row(rows, ws.content.refs, []) == [0] * 6


async def test_without_a_plan_home_counts_what_d_studies_today_due_and_new(
    build: AppFactory, more_pack: Path, clock: FakeClock
) -> None:
    """Home's first column read "due 0" on a new bank while `d` studied 20 new cards: it
    is now what a due session over the row gives today, its due cards and its new ones
    within new_per_day (buried new cards and those introduced today left out), as
    Anki's deck list counts them; the hint says the two parts of the highlighted row."""
    app = build(extra=[more_pack], settings=Settings(shuffle_choices=False, new_per_day=3))
    ws = app.workspace
    review_card(
        ws.store,
        ws.scheduler,
        "what-is-relu",
        Rating.Good,
        now=clock() - timedelta(days=60),
        correct=True,
    )
    review_card(ws.store, ws.scheduler, "sigmoid-bound", Rating.Good, now=clock(), correct=True)
    ws.store.set_flag(
        "gelu-shape", suspended=False, buried_until=clock() + timedelta(days=1), now=clock()
    )
    async with app.run_test() as pilot:
        home = await showing(pilot, HomeScreen)
        table = home.query_one(DataTable)
        shown = [str(table.get_row_at(i)[1]) for i in range(len(home.rows))]
        # the 60-day-old review is due and sigmoid-bound's 10-minute step falls due later
        # today (the session waits for it, as Anki's deck list counts it); new_per_day 3
        # less the one introduced today leaves 2 new, of those not buried (gelu-shape is)
        assert table.ordered_columns[1].label.plain == "today"
        assert shown == ["4", "4", "3", "1", "1", "1"]
        assert shown == [
            str(len(queue_of(ws, request_for(ws.content, "due", row)))) for row in home.rows
        ], "each row's count is its due session's length"
        hint = home.query_one("#home-hint", Static)
        assert "this row's 2 due + 2 new today" in str(hint.render())
        await press(pilot, "down", "down", "down")  # the mini pack's drills topic
        assert "this row's 0 due + 1 new today" in str(hint.render())


async def test_under_a_plan_home_counts_todays_plan_per_row_not_fsrs_due(
    build: AppFactory, more_pack: Path
) -> None:
    app = build(extra=[more_pack])
    async with app.run_test() as pilot:
        home = await showing(pilot, HomeScreen)
        table = home.query_one(DataTable)

        def first_count() -> tuple[str, list[str]]:
            column = table.ordered_columns[1]
            return column.label.plain, [str(table.get_row_at(i)[1]) for i in range(6)]

        hint = home.query_one("#home-hint", Static)
        # no plan: fsrs's due cards and today's new ones (every card is new here)
        assert first_count() == ("today", ["6", "4", "3", "1", "2", "2"])
        assert "this row's 0 due + 6 new today" in str(hint.render())
        set_plan(app.workspace, 12, 3.0)
        home.refresh_counts()
        await settle(pilot)
        status = app.workspace.plan_status()
        assert status is not None and status.today is not None
        assert len(status.today.queue) == 2
        assert first_count() == ("today", ["2", "2", "2", "0", "0", "0"]), "the mini basics pair"
        assert "studies today's plan" in str(hint.render())
        app.workspace.store.clear_interview_plan()
        home.refresh_counts()
        await settle(pilot)
        assert first_count() == ("today", ["6", "4", "3", "1", "2", "2"]), "fsrs's without it"


async def test_home_separates_thousands_in_its_table_as_in_its_headline(
    build: AppFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A heavy home's headline said "1,932 due" over a table of "1952", "1732", "10147":
    one count written two ways on one screen."""
    app = build()
    real = app.workspace.home_view

    def heavy() -> object:
        rows, counts = real()
        big = [replace(row, learning=1_732, learned=8_268, total=10_147) for row in rows]
        return big, counts

    monkeypatch.setattr(app.workspace, "home_view", heavy)
    async with app.run_test(size=(120, 40)) as pilot:
        home = await showing(pilot, HomeScreen)
        await settle(pilot)
        table = home.query_one(DataTable)
        cells = [str(cell) for cell in table.get_row_at(0)]
        assert cells[-4:] == ["1,732", "8,268", "0", "10,147"]
