"""The Workspace without Textual: answers, requests, drafts, drills, editor command."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable, Iterator
from datetime import UTC, timedelta
from pathlib import Path
from random import Random

import pytest
from fsrs import Rating, Scheduler, State

from quiz.bank.loader import load_bank
from quiz.bank.models import ChoiceFront, NumericFront, parse_number
from quiz.cardtext import plain_text
from quiz.drill_grading import starter_text
from quiz.drill_list import drill_rows
from quiz.errors import UsageError
from quiz.overview import describe_due, request_for
from quiz.store import InterviewPlan, Store
from quiz.study import suggested_rating
from quiz.tui.launch import run_drill, run_study
from quiz.workspace import StudyRequest, TopicRow, Workspace
from tests.tui.conftest import SOLUTION, FakeClock, FunctionGrader, inprocess_grade


@pytest.fixture
def ws(tui_bank: Path, tmp_path: Path, clock: FakeClock) -> Iterator[Workspace]:
    store = Store.open(tmp_path / "db.sqlite")
    workspace = Workspace(
        load_bank([tui_bank]),
        store,
        clock=clock,
        scheduler=Scheduler(enable_fuzzing=False),
        rng=Random(1),
        grader=FunctionGrader(inprocess_grade),
        drafts_dir=tmp_path / "drafts",
        editor="myeditor --wait",
    )
    yield workspace
    workspace.close()


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("0.25", 0.25),
        (" 1e-3 ", 0.001),
        ("25%", 0.25),
        ("1/4", 0.25),
        ("−2", -2.0),
        ("1,000", 1000),
    ],
)
def test_parse_number_accepts(text: str, value: float) -> None:
    assert parse_number(text) == pytest.approx(value)


@pytest.mark.parametrize("text", ["", "abc", "1/0", "inf", "nan", "1/"])
def test_parse_number_refuses(text: str) -> None:
    with pytest.raises(ValueError):  # what the number box catches: 1/0 is no ZeroDivisionError
        parse_number(text)


def test_checks_choice_and_numeric(ws: Workspace) -> None:
    choice = ws.card("dropout-inference")
    numeric = ws.card("sigmoid-bound")
    assert choice is not None and numeric is not None
    assert isinstance(choice.front, ChoiceFront) and isinstance(numeric.front, NumericFront)
    assert choice.front.check_choice([1]) and not choice.front.check_choice([0, 1])
    assert numeric.front.check_numeric(0.2505).correct
    result = numeric.front.check_numeric(0.26)
    assert not result.correct and result.expected == "0.25 ± 0.001"


@pytest.mark.parametrize(
    ("ticked", "total", "rating"), [(3, 3, 3), (2, 3, 2), (1, 3, 1), (0, 4, 1)]
)
def test_suggested_rating(ticked: int, total: int, rating: int) -> None:
    assert suggested_rating(ticked, total) == rating


def test_overview_and_requests(ws: Workspace) -> None:
    rows, _counts = ws.home_view()
    assert [(r.title, r.topic, r.new) for r in rows] == [
        ("Mini", None, 4),
        ("basics", "basics", 3),
        ("drills", "drills", 1),
    ]
    assert request_for(ws.content, "cram", rows[2]) == StudyRequest(mode="cram", topic="drills")
    assert request_for(ws.content, "due", None) == StudyRequest()
    other = TopicRow(pack="mini", title="x", topic=None, due=0, new=0, learned=0, total=0)
    assert request_for(ws.content, "mock", other) == StudyRequest(mode="mock")


def test_session_round_trip(ws: Workspace, clock: FakeClock) -> None:
    session = ws.start_session(StudyRequest(kind="concept"))
    card = ws.session_card(session)
    assert card is not None and card.id == "what-is-relu"
    clock.advance(12)
    answer = session.rate(Rating.Good)
    assert answer.rating == Rating.Good and answer.seconds == 12
    # fsrs's 10-minute learning step is due today: the card is asked again in the session
    assert answer.requeued and not session.is_over()
    assert session.current is not None and session.current.id == card.id
    summary = session.finish()
    assert summary.cards_reviewed == 1
    assert describe_due(summary.next_due, ws.now(), ws.tz) == "in 10 min"
    assert ws.counts().total.new == 3


def test_drafts(ws: Workspace) -> None:
    card = ws.card("tiny-sgd")
    assert card is not None
    assert ws.drafts.initial_code(card) == starter_text(card)
    ws.drafts.save(card, SOLUTION)
    assert ws.drafts.initial_code(card) == SOLUTION
    ws.drafts.save(card, starter_text(card))  # typing back the starter forgets the draft
    assert ws.store.draft(card.id) is None
    ws.drafts.save(card, SOLUTION)
    assert ws.drafts.reset(card) == starter_text(card)
    assert ws.store.draft(card.id) is None


@pytest.mark.parametrize(
    "edit",
    [
        lambda text: text + "\n\n",  # an editor that ends the file with a blank line
        lambda text: text.replace("\n", "  \n"),  # or leaves trailing spaces
        lambda text: text.rstrip("\n"),  # or drops the final newline
    ],
    ids=["blank-line-added", "trailing-spaces", "final-newline-dropped"],
)
def test_the_starter_back_from_an_editor_is_no_draft(
    ws: Workspace, tmp_path: Path, edit: Callable[[str], str]
) -> None:
    """Grading counts the starter give or take trailing whitespace as no try; a draft of
    it made the drill list say "draft" for a drill never touched."""
    card = ws.card("tiny-sgd")
    assert card is not None
    ws.drafts.save(card, SOLUTION)
    path = ws.drafts.file(card, starter_text(card))
    path.write_text(edit(starter_text(card)), encoding="utf-8")
    ws.drafts.read_file(card, path)
    assert ws.store.draft(card.id) is None


def test_drill_sitting_hints_grade_and_rating(ws: Workspace) -> None:
    sitting = ws.open_drill("tiny-sgd")
    assert sitting.hints == () and sitting.hints_left == 2
    assert ws.reveal_hint(sitting) == sitting.card.hints[0]
    assert ws.grade(sitting, "def sgd_step(t, g, lr):\n    return t\n").status.value == "failed"
    assert ws.grade(sitting, SOLUTION).passed
    assert sitting.attempts == 2 and sitting.progress.rating() == Rating.Hard
    attempts = ws.store.attempts(card_id="tiny-sgd")
    assert [(a.status, a.hints_used) for a in attempts] == [("failed", 1), ("passed", 1)]
    assert ws.reveal_hint(sitting) is not None and ws.reveal_hint(sitting) is None


def test_hints_seen_on_an_earlier_visit_make_a_later_pass_one_with_hints(
    ws: Workspace, clock: FakeClock
) -> None:
    """A hint read, the drill left and opened again: the hint was on screen no more, and
    the pass that followed counted as one without hints (a clean "passed", rated Good)."""
    first = ws.open_drill("tiny-sgd")
    hint = ws.reveal_hint(first)
    clock.advance(60)
    again = ws.open_drill("tiny-sgd")
    assert again.hints == (hint,) and again.hints_left == 1  # shown again, counted
    assert ws.grade(again, SOLUTION).passed
    assert again.progress.rating() == Rating.Hard
    assert [a.hints_used for a in ws.store.attempts(card_id="tiny-sgd")] == [1]
    rows = drill_rows(ws.content.refs, ws.store)
    assert {row.id: row.state for row in rows}["tiny-sgd"] == "passed with hints"
    clock.advance(60)
    after_pass = ws.open_drill("tiny-sgd")  # a pass starts the count again
    assert after_pass.hints == () and after_pass.hints_left == 2


def test_a_drill_passed_from_the_drill_list_follows_the_plan_s_steps(ws: Workspace) -> None:
    """Under a plan whose days leave no room for same-day steps, a drill passed outside a
    session went to fsrs's 10-minute step though a due session schedules without them."""
    now = ws.now()
    ws.store.set_interview_plan(InterviewPlan(now.date() + timedelta(days=2), 1.0, 0.9, now))
    queue = ws.plan_status()
    assert queue is not None and queue.today is not None and not queue.today.same_day_steps
    assert ws.grade(ws.open_drill("tiny-sgd"), SOLUTION).passed
    saved = ws.store.card_state("tiny-sgd")
    assert saved is not None and saved.state == State.Review
    assert saved.due >= now + timedelta(days=1)


def test_open_drill_refuses_other_cards(ws: Workspace) -> None:
    with pytest.raises(UsageError):
        ws.open_drill("what-is-relu")


def test_editor_command_and_draft_file(ws: Workspace, tmp_path: Path) -> None:
    card = ws.card("tiny-sgd")
    assert card is not None
    path = ws.drafts.file(card, "x = 1\n")
    assert path == tmp_path / "drafts" / "tiny-sgd.py"
    assert ws.drafts.editor_command(path) == ["myeditor", "--wait", str(path)]
    path.write_text(SOLUTION, encoding="utf-8")
    assert ws.drafts.read_file(card, path) == SOLUTION
    draft = ws.store.draft(card.id)
    assert draft is not None and draft.text == SOLUTION


def test_plain_text_math() -> None:
    assert plain_text(r"at most $\frac{1}{4}$, costs \$5") == "at most ¼, costs $5"


def test_launch_refuses_unknown_drill_and_mode(tui_bank: Path) -> None:
    with pytest.raises(UsageError, match="'no-such-card' is not a drill; "):
        run_drill([tui_bank], "no-such-card")
    with pytest.raises(UsageError, match="'what-is-relu' is a concept card, not a drill; "):
        run_drill([tui_bank], "what-is-relu")
    with pytest.raises(UsageError, match="unknown mode"):
        run_study([tui_bank], mode="exam")


def test_starting_the_app_does_not_import_numpy_or_the_engine() -> None:
    code = (
        "import sys; from quiz.tui.app import make_app; import quiz.tui.launch; "
        "bad = [m for m in ('numpy', 'engine.grade_sandboxed', 'textual.widgets._text_area', 'markdown_it') "
        "if m in sys.modules]; print(bad)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "[]"


def test_the_workspace_never_imports_textual() -> None:
    code = "import sys, quiz.workspace; print('textual' in sys.modules)"
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "False"


def test_plain_text_pairs_dollars_as_lint_does() -> None:
    """A price is not the start of a formula: "$5 and $10" stays text, later math converts."""
    assert plain_text(r"costs $5 and $10, while $\alpha$ is math") == (
        "costs $5 and $10, while α is math"
    )


def test_plan_mode_short_of_days_does_not_ask_an_again_card_again_today(
    ws: Workspace, clock: FakeClock
) -> None:
    """One day and 5 minutes for four new cards: no room for same-day learning steps, so
    plan_day drops them and the session obeys (no requeue, not in a later session today);
    without a plan the same answer is asked again as before."""
    ws.tz = UTC
    ws.store.set_interview_plan(
        InterviewPlan(
            interview=clock().date() + timedelta(days=1),
            minutes_per_day=5.0,
            target=0.9,
            created_at=clock(),
        )
    )
    status = ws.plan_status()
    assert status is not None and status.today is not None
    assert not status.today.same_day_steps
    session = ws.start_session(StudyRequest())
    first = session.current
    assert first is not None and session.remaining == 3, "the quiz cards; the drill won't fit"
    clock.moment += timedelta(seconds=20)
    answer = session.rate(Rating.Again, duration_ms=20_000)
    assert not answer.requeued and session.remaining == 2, "not back at the end"
    session.finish()
    clock.moment += timedelta(minutes=15)  # its fsrs learning step is due now
    later = ws.start_session(StudyRequest())
    assert first.id not in {card.id for card in later.planned}, "not re-shown today"
    later.finish()
    logged = ws.store.reviews()
    assert [(r.card_id, r.rating) for r in logged] == [(first.id, int(Rating.Again))]
    # the answer was scheduled without steps: in review, not left in a learning step, so
    # without a plan it is not due today (the plan's Again left no step behind)
    state = ws.store.card_state(first.id)
    assert state is not None and state.state == State.Review
    assert state.due >= clock().replace(hour=0, minute=0, second=0) + timedelta(days=1)
    ws.store.clear_interview_plan()
    plain = ws.start_session(StudyRequest())
    assert plain.current is not None and first.id not in {c.id for c in plain.planned}
    # without a plan a new card's Again comes back in the session (its learning step)
    before = plain.remaining
    clock.moment += timedelta(seconds=20)
    assert plain.rate(Rating.Again, duration_ms=20_000).requeued
    assert plain.remaining == before, "answered, and back at the end of the queue"


def test_the_study_day_starts_at_the_settings_hour_and_follows_a_change(ws: Workspace) -> None:
    """Home, a session and the plan read the day from `ws.tz`: its hour is the setting's
    (4 am by default), and a change on the settings screen moves it at once."""
    from datetime import datetime

    from quiz.settings import Settings
    from quiz.study.days import local_date

    night = datetime(2026, 3, 3, 1, 30, tzinfo=UTC)
    assert night.astimezone(ws.tz).utcoffset() == night.astimezone().utcoffset()
    local_night = night.astimezone(ws.tz).replace(hour=1, minute=30).astimezone(UTC)
    assert local_date(local_night, ws.tz) == local_night.astimezone().date() - timedelta(days=1)
    ws.apply_settings(Settings(day_starts_at=0))
    assert local_date(local_night, ws.tz) == local_night.astimezone().date()
