"""`drillbit study --ahead` and `plan`'s word of it, through the real entry point (the
bundled bank and the small test bank), the commands' clock at noon."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from fsrs import Rating
from jsonschema import Draft202012Validator

from quiz.bank.index import CardRef, bank_index
from quiz.bank.sources import content_roots
from quiz.overview import StudyRequest, session_options
from quiz.settings import Settings
from quiz.store import InterviewPlan, Store
from quiz.study.days import local_date, study_zone
from quiz.study.plan_today import PlanQueue, plan_queue
from quiz.study.session import Session
from tests.conftest import FIXED_NOW, RunDrillbit, run_at

NOON = FIXED_NOW
"""The commands' clock in these tests: a local noon, far from a study day's end that would
make the answers below yesterday's."""


@pytest.fixture
def drillbit(drillbit: RunDrillbit) -> RunDrillbit:
    """Every command at NOON, the time the answers below are given."""
    return run_at(drillbit, NOON)


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[dict[str, object]]:
    """The sessions `drillbit study` opens, each as the keywords it gave `run_study`
    (recorded, not run)."""
    import quiz.tui.launch

    found: list[dict[str, object]] = []
    monkeypatch.setattr(quiz.tui.launch, "run_study", lambda _content, **how: found.append(how))
    return found


def one_line_refusal(drillbit: RunDrillbit, *args: str, code: int = 1) -> str:
    """Run `drillbit ARGS`, expect it to refuse with one line and `code`; that line."""
    result = drillbit(*args)
    assert result.returncode == code, (result.stdout, result.stderr)
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    return lines[0]


def answer_all(
    store: Store,
    queue: PlanQueue,
    refs: Sequence[CardRef],
    moment: datetime,
    seconds: float = 3.0,
    *,
    ahead: bool = False,
) -> datetime:
    """The app's session over `queue`, every card right (Good) in `seconds` an answer."""
    tz, scheduler = study_zone(), Settings().scheduler()
    options = session_options(StudyRequest(ahead=ahead), Settings(), tz, queue)
    session = Session(store, refs, options, now=moment, scheduler=scheduler)
    while (card := session.current) is not None:
        session.show(now=moment)
        moment += timedelta(seconds=seconds)
        if card.kind == "concept":
            session.rate(Rating.Good, now=moment, duration_ms=int(seconds * 1000))
        else:
            session.answer(True, now=moment, duration_ms=int(seconds * 1000))
    session.finish(now=moment)
    return moment


def the_bank(mini_bank: Path) -> Sequence[CardRef]:
    """The cards `drillbit --content MINI_BANK` studies: the bundled bank's, then the three."""
    return bank_index(content_roots([mini_bank]))[0].refs


def answer_today_s_list(mini_bank: Path, *, seconds: float) -> None:
    """A plan of 3 min a day set an hour ago, and today's list answered, every card right
    in `seconds` an answer, from 10 min ago (the app's own session, the settings' steps)."""
    refs = the_bank(mini_bank)
    tz, scheduler = study_zone(), Settings().scheduler()
    now = NOON.astimezone(UTC)
    with Store.open() as store:
        store.set_interview_plan(
            InterviewPlan(
                interview=local_date(now, tz) + timedelta(days=14),
                minutes_per_day=3.0,
                target=0.9,
                created_at=now - timedelta(hours=1),
            )
        )
        moment = now - timedelta(minutes=10)
        queue = plan_queue(store, refs, moment, tz=tz, scheduler=scheduler)
        assert queue is not None and queue.offered and len(queue.offered) < len(refs)
        answer_all(store, queue, refs, moment, seconds)


def study_ahead_now(mini_bank: Path) -> None:
    """What `drillbit study --ahead` opens, answered at once, every card right."""
    refs = the_bank(mini_bank)
    moment = NOON.astimezone(UTC) - timedelta(minutes=5)
    with Store.open() as store:
        queue = plan_queue(store, refs, moment, tz=study_zone(), scheduler=Settings().scheduler())
        assert queue is not None and queue.ahead
        answer_all(store, queue, refs, moment, ahead=True)


def test_study_ahead_refuses_in_one_line_and_says_why(
    mini_bank: Path, drillbit: RunDrillbit, opened: list[dict[str, object]]
) -> None:
    content = ("--content", str(mini_bank))
    cram = one_line_refusal(drillbit, *content, "study", "--ahead", "--mode", "cram", code=2)
    assert "--ahead studies the plan's next cards: only with --mode due" in cram
    picked = one_line_refusal(drillbit, *content, "study", "--ahead", "--topic", "basics", code=2)
    assert "no --pack, --topic, --tag or --kind" in picked
    assert one_line_refusal(drillbit, *content, "study", "--ahead") == (
        "drillbit: no plan is set, so nothing is ahead: set one with "
        "drillbit plan --interview YYYY-MM-DD"
    )
    day = (NOON.date() + timedelta(days=14)).isoformat()
    assert drillbit(*content, "plan", "--interview", day, "--minutes-per-day", "3").returncode == 0
    planned = json.loads(drillbit(*content, "plan", "--json").stdout)["today"]
    count = planned["new"] + planned["review_total"]
    assert count and planned["ahead"] == 0, "nothing ahead while the list has cards"
    cards = "1 card" if count == 1 else f"{count} cards"
    assert one_line_refusal(drillbit, *content, "study", "--ahead") == (
        f"drillbit: today's list still has {cards}; study them first (drillbit study)"
    )
    assert opened == [], "no session opened"


def test_a_day_done_early_offers_its_minutes_left_to_study_ahead(
    mini_bank: Path, drillbit: RunDrillbit, opened: list[dict[str, object]]
) -> None:
    content = ("--content", str(mini_bank))
    answer_today_s_list(mini_bank, seconds=3.0)
    data = json.loads(drillbit(*content, "plan", "--json").stdout)
    schema = json.loads(drillbit("schema", "plan").stdout)
    assert [e.message for e in Draft202012Validator(schema).iter_errors(data)] == []
    today = data["today"]
    assert (today["new"], today["review_total"]) == (0, 0), "the day's list is done"
    ahead = today["ahead"]
    assert ahead > 0, "the next cards fit in the minutes left, at the quick pace measured now"
    shown = drillbit(*content, "plan").stdout
    assert "today: done, " in shown and f"\n  ahead: {ahead} new\n" in shown and "(a)" not in shown
    assert shown.rstrip().endswith(
        "Next: drillbit study --ahead (a on Home) studies the next days' new cards."
    )
    assert f"Study ahead: {ahead} new card" in shown and ": drillbit study --ahead." in shown
    assert drillbit(*content, "study", "--ahead").returncode == 0
    assert opened and opened[-1]["ahead"] is True and opened[-1]["mode"] == "due"
    # the offer studied (in quick answers): the minutes left hold more of the next cards
    study_ahead_now(mini_bank)
    again = json.loads(drillbit(*content, "plan", "--json").stdout)["today"]
    assert (again["new"], again["review_total"]) == (0, 0), "the day's counts stay at 0"
    assert again["minutes_used"] > today["minutes_used"]


def test_a_slow_day_has_no_minutes_left_to_study_ahead(
    mini_bank: Path, drillbit: RunDrillbit
) -> None:
    content = ("--content", str(mini_bank))
    answer_today_s_list(mini_bank, seconds=100.0)
    assert json.loads(drillbit(*content, "plan", "--json").stdout)["today"]["ahead"] == 0
    assert one_line_refusal(drillbit, *content, "study", "--ahead") == (
        "drillbit: nothing to study ahead: today's plan minutes are used"
    )
