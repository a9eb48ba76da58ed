"""The screens' decisions without a screen: Home's (`quiz.home_view`: what `d` gives on
each row, the headline, the plan's line, the hint's words, the welcome back, the clock's
horizon) and the stats screen's (`quiz.stats_view`: the forecast, the target, the count
of today), the study screen's rating keys (`quiz.study_view`) and the drill screens'
list and next drill (`quiz.drills_view`).

They were in `HomeScreen` and `StatsScreen` and tested only through a running app; the
screens now show what they are handed.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from datetime import UTC, timedelta
from pathlib import Path
from random import Random
from typing import Literal

import pytest
from fsrs import Rating, Scheduler

from quiz.bank.loader import load_bank
from quiz.browser_view import read_bounds, read_rows, reset_card, toggle_row_aside
from quiz.drills_view import drills_view, next_drill
from quiz.home_view import NO_PLAN, PLAN_OVER, home_changes_at, home_view, welcome_back
from quiz.settings_view import plan_values
from quiz.stats_view import compute_forecast, stats_view
from quiz.store import Store
from quiz.study.days import next_day_start
from quiz.study.plan import ForecastDay
from quiz.study.plan_phrases import day_over_notice
from quiz.study.scheduling import review_card
from quiz.study.view_clock import LONGEST_WAIT, TIMER_SLACK
from quiz.study_view import (
    KEEPS_SCHEDULE,
    PLAN_PICKS,
    choice_order,
    day_end_wait,
    day_over,
    drill_answered,
    forget_typed,
    keep_typed,
    kept_typed,
    rating_keys,
)
from quiz.workspace import StudyRequest, Workspace
from tests.tui.conftest import FakeClock, set_plan


@pytest.fixture
def ws(tui_bank: Path, tmp_path: Path, clock: FakeClock) -> Iterator[Workspace]:
    store = Store.open(tmp_path / "db.sqlite")
    workspace = Workspace(
        load_bank([tui_bank]),
        store,
        clock=clock,
        scheduler=Scheduler(enable_fuzzing=False),
        rng=Random(1),
        drafts_dir=tmp_path / "drafts",
    )
    workspace.tz = UTC
    yield workspace
    workspace.close()


def _answer(ws: Workspace, card_id: str, rating: Rating, *, days_ago: float = 0) -> None:
    at = ws.now() - timedelta(days=days_ago)
    review_card(ws.store, ws.scheduler, card_id, rating, now=at, correct=rating != Rating.Again)


def test_a_fresh_bank_studies_its_new_cards_and_invites_a_plan(ws: Workspace) -> None:
    view = home_view(ws)
    assert [(row.title, count) for row, count in zip(view.rows, view.today, strict=True)] == [
        ("Mini", 4),
        ("basics", 3),
        ("drills", 1),
    ], "the new cards `d` studies today, not 'due 0'"
    assert not view.planned and not view.plan_runs_today and not view.can_study_ahead
    assert view.headline() == view.counts.headline()
    line = view.plan_line(ahead_key="a")
    assert line is not None and line.invitation and line.phrases == NO_PLAN
    assert view.studies(view.rows[1]) == "this row's 0 due + 3 new today"
    assert view.studies(None) == "today's cards in the highlighted row"
    assert view.broken == 0


def test_the_invitation_goes_once_a_card_was_studied(ws: Workspace) -> None:
    _answer(ws, "what-is-relu", Rating.Good, days_ago=3)
    view = home_view(ws)
    assert view.plan_line(ahead_key="a") is None
    assert view.studies(view.rows[1]) == "this row's 1 due + 2 new today"


def test_under_a_plan_d_studies_the_plan_and_the_line_is_the_plans(ws: Workspace) -> None:
    set_plan(ws, 14, 30.0)
    view = home_view(ws)
    plan = ws.plan_status()
    assert plan is not None and view.plan is not None
    assert view.planned and view.plan_runs_today
    assert list(view.today) == ws.plan_by_row(view.rows, plan)
    assert view.headline()[0] == f"{len(plan.offered):,} planned today"
    line = view.plan_line(ahead_key="a")
    assert line is not None and not line.invitation
    assert line.phrases == tuple(plan.phrases(ahead_key="a"))
    assert view.studies(view.rows[1]) == "today's plan in the highlighted row"


def test_on_the_interview_day_the_line_says_where_to_set_a_new_date(ws: Workspace) -> None:
    set_plan(ws, 0, 30.0)
    view = home_view(ws)
    assert not view.planned and not view.plan_runs_today, "d is plain fsrs again"
    assert view.headline() == view.counts.headline()
    line = view.plan_line(ahead_key="a")
    assert line is not None and line.phrases[-1] == PLAN_OVER


def test_a_forecast_is_added_to_the_plan_and_none_leaves_the_view(ws: Workspace) -> None:
    set_plan(ws, 14, 30.0)
    view = home_view(ws)
    assert view.with_forecast(()) is view
    day = ForecastDay(ws.now().date(), 0.95, 0.5)
    added = view.with_forecast((day,))
    assert added.plan is not None and added.plan.forecast == (day,)
    assert added.rows is view.rows and added.today == view.today


def test_welcome_back_after_days_away_and_quiet_after_yesterday(ws: Workspace) -> None:
    assert welcome_back(ws, None) is None, "a first start has nothing to come back to"
    _answer(ws, "what-is-relu", Rating.Good, days_ago=1)
    assert welcome_back(ws, None) is None
    _answer(ws, "dropout-inference", Rating.Good, days_ago=5)
    assert welcome_back(ws, None) is None, "the last answer is yesterday's"


def test_welcome_back_says_the_cards_that_came_due(ws: Workspace) -> None:
    for card_id in ("what-is-relu", "dropout-inference"):
        _answer(ws, card_id, Rating.Good, days_ago=5)
    assert welcome_back(ws, None) == "Last studied 5 days ago: 2 cards came due since."


def test_the_counts_change_at_a_step_or_the_next_study_day(ws: Workspace) -> None:
    now = ws.now()
    assert home_changes_at(ws, now, UTC) == next_day_start(now, UTC)
    _answer(ws, "what-is-relu", Rating.Again)
    step = ws.store.card_state("what-is-relu")
    assert step is not None and now < step.due < next_day_start(now, UTC)
    assert home_changes_at(ws, now, UTC) == step.due


def test_the_stats_count_today_in_homes_words_without_a_plan(ws: Workspace) -> None:
    _answer(ws, "what-is-relu", Rating.Good, days_ago=3)
    view = stats_view(ws)
    assert view.forecast == [] and view.target is None
    assert view.stats.forecast, "fsrs's due forecast, with no plan's readiness to replace it"
    assert view.headline == home_view(ws).headline()
    assert view.headline[0] == "1 due"


def test_under_a_plan_the_stats_show_its_readiness_and_target(ws: Workspace) -> None:
    set_plan(ws, 14, 30.0)
    waiting = stats_view(ws)  # the forecast not computed yet: left to the screen's thread
    assert waiting.forecasting and waiting.forecast == [] and waiting.target == 0.9
    compute_forecast(ws)
    view = stats_view(ws)
    plan = ws.plan_status()
    assert plan is not None and view.forecast and view.target == 0.9
    assert not view.forecasting
    assert view.headline == waiting.headline == home_view(ws).headline()
    assert view.headline[0] == f"{len(plan.offered):,} planned today"


def test_on_the_interview_day_the_stats_count_as_fsrs_again(ws: Workspace) -> None:
    set_plan(ws, 0, 30.0)
    view = stats_view(ws)
    assert view.headline == home_view(ws).headline() == ws.counts().headline()


def test_the_rating_keys_show_fsrs_intervals_in_a_due_session_only(ws: Workspace) -> None:
    due = ws.start_session(StudyRequest(mode="due", kind="concept"))
    assert due.current is not None
    keys = rating_keys(ws, due, due.current.id)
    assert keys.note is None
    assert [key for key, _label in keys.labels] == ["1", "2", "3", "4"]
    # a new card: Again's first learning step, a minute; Easy graduates it for days
    assert keys.labels[0] == ("1", "Again 1m") and keys.labels[3][1].startswith("Easy ")
    assert keys.labels[3][1].endswith("d")
    assert keys.preview() == " · ".join(f"{key} {label}" for key, label in keys.labels)
    cram = ws.start_session(StudyRequest(mode="cram", kind="concept"))
    assert cram.current is not None
    kept = rating_keys(ws, cram, cram.current.id)
    assert kept.preview() == "1 Again · 2 Hard · 3 Good · 4 Easy"
    assert kept.note == KEEPS_SCHEDULE


def test_under_a_plan_short_of_days_the_keys_leave_the_day_to_the_plan(ws: Workspace) -> None:
    set_plan(ws, 2, 3.0)
    planned = ws.start_session(StudyRequest(mode="due", kind="concept"))
    assert planned.plan_mode and not planned.options.same_day_steps
    assert planned.current is not None
    keys = rating_keys(ws, planned, planned.current.id)
    assert keys.preview() == "1 Again · 2 Hard · 3 Good · 4 Easy"
    assert keys.note == PLAN_PICKS


def test_a_typed_answer_is_kept_for_the_study_day_until_the_card_is_answered(
    ws: Workspace, clock: FakeClock
) -> None:
    """The study screen read and wrote the kept text through `ws.store` itself."""
    assert kept_typed(ws, "what-is-relu") == ""
    keep_typed(ws, "what-is-relu", "0.4")
    clock.advance(60)
    assert kept_typed(ws, "what-is-relu") == "0.4", "skipped and shown again: kept"
    keep_typed(ws, "what-is-relu", "  ")
    assert kept_typed(ws, "what-is-relu") == "", "an emptied box forgets the text"
    keep_typed(ws, "what-is-relu", "0.45")
    forget_typed(ws, "what-is-relu")
    assert kept_typed(ws, "what-is-relu") == "", "answered: nothing is kept"
    keep_typed(ws, "what-is-relu", "0.5")
    clock.moment = next_day_start(clock.moment, UTC)
    assert kept_typed(ws, "what-is-relu") == "", "a new study day asks afresh"


def test_a_choice_cards_order_comes_from_the_workspaces_generator(ws: Workspace) -> None:
    """The study screen drew the order from its own `random` generator."""
    assert choice_order(ws, 4, shuffle=False) == [0, 1, 2, 3]
    ws.rng = Random(7)
    expected = [0, 1, 2, 3, 4]
    Random(7).shuffle(expected)
    assert expected != [0, 1, 2, 3, 4]
    assert choice_order(ws, 5, shuffle=True) == expected
    ws.rng = None
    assert sorted(choice_order(ws, 5, shuffle=True)) == [0, 1, 2, 3, 4]


def test_a_plan_sessions_day_end_is_waited_for_then_said(ws: Workspace, clock: FakeClock) -> None:
    """The study screen computed the day's end and its hour (`day_starts_at`) itself."""
    cram = ws.start_session(StudyRequest(mode="cram", kind="concept"))
    assert day_end_wait(ws, cram) is None and day_over(ws, cram) is None
    set_plan(ws, 14, 30.0)
    planned = ws.start_session(StudyRequest(mode="due", kind="concept"))
    ends = planned.day_ends
    assert planned.plan_mode and ends is not None
    assert day_end_wait(ws, planned) == LONGEST_WAIT, "the day's end is hours away"
    assert day_over(ws, planned) is None
    clock.moment = ends - timedelta(seconds=10)
    assert day_end_wait(ws, planned) == 10 + TIMER_SLACK
    assert day_over(ws, planned) is None
    clock.moment = ends
    assert day_over(ws, planned) == day_over_notice(0)
    assert "began at 00:00" in (day_over(ws, planned) or "")


def _state(ws: Workspace, card_id: str) -> str:
    rows = read_rows(ws, ws.content.refs, ws.now(), page=False)
    return next(row.state for row in rows if row.card.id == card_id)


def test_the_browsers_suspend_toggles_and_reset_makes_a_card_new(ws: Workspace) -> None:
    """The card browser called `toggle_aside` and `forget_card` with `ws.store` itself."""
    _answer(ws, "what-is-relu", Rating.Easy, days_ago=3)
    assert _state(ws, "what-is-relu") == "review"
    row = next(
        r
        for r in read_rows(ws, ws.content.refs, ws.now(), page=False)
        if r.card.id == "what-is-relu"
    )
    assert toggle_row_aside(ws, row, suspend=True) == f"Suspended: {row.card.title}"
    suspended = next(
        r
        for r in read_rows(ws, ws.content.refs, ws.now(), page=False)
        if r.card.id == "what-is-relu"
    )
    assert suspended.state == "suspended"
    assert toggle_row_aside(ws, suspended, suspend=True) == f"Back in study: {row.card.title}"
    assert _state(ws, "what-is-relu") == "review"
    assert reset_card(ws, row.card) == f"New again: {row.card.title} (its review history is kept)."
    assert _state(ws, "what-is-relu") == "new"
    assert ws.store.review_count() == 1, "the history stays"
    bounds = read_bounds(ws, ws.content.refs, ws.now())
    assert bounds["kind"] == len("concept") and bounds["state"] == len("new"), "all new again"


def test_the_settings_show_the_plans_fields_or_none(ws: Workspace) -> None:
    """The settings screen read `store.interview_plan()` itself for its rows and boxes."""
    assert plan_values(ws) == {}, "no plan: the rows say none, the boxes open empty"
    plan = set_plan(ws, 14, 30.0)
    assert plan_values(ws) == {
        "interview": plan.interview.isoformat(),
        "minutes_per_day": "30",
        "target": "90%",
    }


@pytest.mark.parametrize("mode", ["due", "mock"])
def test_a_drill_back_from_the_editor_answers_its_card_when_passed_given_up_or_mocked(
    ws: Workspace, mode: Literal["due", "mock"]
) -> None:
    """The study screen decided itself which sittings answer the drill card."""
    session = ws.start_session(StudyRequest(mode=mode, kind="coding"))
    assert session.current is not None and session.current.id == "tiny-sgd"
    sitting = ws.open_drill("tiny-sgd", session)
    assert not drill_answered(session, sitting), "left unopened: skipped, never answered"
    sitting.attempts = 1
    assert drill_answered(session, sitting) == (mode == "mock"), "graded, not passed"
    sitting.attempts = 0
    sitting.gave_up = True
    assert drill_answered(session, sitting)
    sitting.gave_up = False
    sitting.progress.passed = True
    assert drill_answered(session, sitting)


def test_the_drill_list_heading_and_the_next_drill_follow_the_attempts(ws: Workspace) -> None:
    view = drills_view(ws)
    assert [(row.id, row.state) for row in view.rows] == [("tiny-sgd", "not started")]
    assert view.heading == "Drills: 0/1 passed"
    following = view.next_unsolved()
    assert following is not None and following.id == "tiny-sgd"
    assert next_drill(ws, after="tiny-sgd") is None, "the only drill is the one just done"
    ws.store.record_attempt(
        card_id="tiny-sgd", status="passed", verdict_json="{}", attempted_at=ws.now()
    )
    passed = drills_view(ws)
    assert [(row.id, row.state) for row in passed.rows] == [("tiny-sgd", "passed")]
    assert passed.heading == "Drills: 1/1 passed"
    assert passed.next_unsolved() is None


SCREENS = Path(__file__).resolve().parents[2] / "quiz" / "tui" / "screens"


@pytest.mark.parametrize(
    ("screen", "decided_elsewhere"),
    [
        *[
            (path.name, {"preview_intervals", "shown_interval"})
            for path in sorted(SCREENS.glob("study*.py"))  # the screen and its steps' modules
        ],
        ("drill.py", {"drill_rows", "next_unsolved"}),
        ("drills.py", {"drill_rows", "next_unsolved"}),
    ],
)
def test_the_study_and_drill_screens_display_what_their_view_decides(
    screen: str, decided_elsewhere: set[str]
) -> None:
    """The study screen asked the store and fsrs for each rating key's interval, and the
    drill screens read every drill's attempts to pick the next one: they now display
    `quiz.study_view` and `quiz.drills_view`, which are tested without a running app."""
    tree = ast.parse((SCREENS / screen).read_text(encoding="utf-8"))
    named = {node.id for node in ast.walk(tree) if isinstance(node, ast.Name)}
    imported = {
        alias.name
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom)
        for alias in node.names
    }
    assert not (named | imported) & decided_elsewhere


DECIDED_IN_QUIZ = ("random", "quiz.study.typed", "quiz.study.days", "quiz.study.view_clock")
"""Modules no screen imports: the kept typed answers, random draws (a choice card's
order), study-day boundaries and timer waits are decided in `quiz.*_view`."""

DECIDED_AS_NAMES = {"day_starts_at", "look_again_in", "typed_today", "toggle_aside"}
"""Names no screen imports or calls: its view module decides with them."""


def _decisions(source: str) -> list[str]:
    """What in a screen's source decides what a view module should: each access to the
    workspace's store (`ws.store.forget_card(...)`, `store.interview_plan()`), each import
    of a module in DECIDED_IN_QUIZ and each name in DECIDED_AS_NAMES, as 'line: what'."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Attribute) and node.attr in ("store", "_store"):
            found.append(f"{node.lineno}: .{node.attr}")
        elif isinstance(node, ast.Name) and node.id in DECIDED_AS_NAMES:
            found.append(f"{node.lineno}: {node.id}")
        elif isinstance(node, ast.Import):
            found += [f"{node.lineno}: import {a.name}" for a in node.names if _decided(a.name)]
        elif isinstance(node, ast.ImportFrom) and node.module is not None:
            for alias in node.names:
                whole = f"{node.module}.{alias.name}"
                if _decided(node.module) or _decided(whole) or alias.name in DECIDED_AS_NAMES:
                    found.append(f"{node.lineno}: from {node.module} import {alias.name}")
    return sorted(found, key=lambda what: int(what.split(":")[0]))


def _decided(module: str) -> bool:
    return any(module == name or module.startswith(f"{name}.") for name in DECIDED_IN_QUIZ)


@pytest.mark.parametrize("screen", sorted(path.name for path in SCREENS.glob("*.py")))
def test_no_screen_reads_the_store_or_decides_the_day_itself(screen: str) -> None:
    """The study screen read and wrote typed answers through `ws.store`, drew random
    numbers and computed the study day's end; the browser called `store.forget_card`; the
    settings read `store.interview_plan()`. Each now displays a view module's answer
    (`quiz.study_view`, `quiz.browser_view`, `quiz.settings_view`), tested above."""
    assert _decisions((SCREENS / screen).read_text(encoding="utf-8")) == []


def test_the_screen_audit_finds_what_the_screens_did_before() -> None:
    """The audit is no empty net: each thing the screens did before is caught."""
    before = """
import random
from quiz.study.days import day_starts_at
from quiz.study import typed
from quiz.study.aside import toggle_aside
def reset(ws, card):
    ws.store.forget_card(card.id)
    return look_again_in(ends, ws.now())
"""
    assert _decisions(before) == [
        "2: import random",
        "3: from quiz.study.days import day_starts_at",
        "4: from quiz.study import typed",
        "5: from quiz.study.aside import toggle_aside",
        "7: .store",
        "8: look_again_in",
    ]
