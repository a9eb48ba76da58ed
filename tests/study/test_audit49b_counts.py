"""Home's count of today at an edge no test read (mutation audit of quiz/study/counts.py,
forty-ninth round, audit49b; docs/mutation-audits.md)."""

from __future__ import annotations

from datetime import timedelta

from fsrs import State

from quiz.store import Store
from quiz.study.counts import (
    PlanWaiting,
    deck_counts,
    due_not_today,
    plan_headline,
    today_headline,
)
from tests.study.fakes import NOW, FakeCard, save_due


def test_a_count_the_limit_holds_nothing_of_has_no_backlog_note() -> None:
    """`later_today` left out is none: "5 due · 2 new today" with 5 due by fsrs and the
    limit not reached says no backlog. Made 1 by default, the line added "(5 due by fsrs;
    max_reviews_per_day 200)", as if the limit held a card back, for every caller that
    does not count steps later today."""
    assert today_headline(5, 2, 5, 200, 0) == ("5 due", " · 2 new today")
    assert today_headline(5, 2, 5, None, 0) == ("5 due", " · 2 new today")
    # one fewer than fsrs's due: the limit holds one back, and it is said
    assert today_headline(4, 2, 5, 4, 3) == (
        "4 due",
        " · 2 new today",
        " (5 due by fsrs; max_reviews_per_day 4, 3 done so far)",
    )


def test_a_plan_asking_more_due_steps_than_home_counted_leaves_none_waiting(
    store: Store,
) -> None:
    """Home counted at 12:00 (one step due, one a minute away) and reads the plan's list at
    12:02, when both steps are due and the plan asks both: none of fsrs's due cards waits.
    Clamped at -1 instead of 0, Home said "· -1 due by fsrs, not today"."""
    cards = [FakeCard("step-now"), FakeCard("step-soon")]
    save_due(store, "step-now", State.Learning, NOW - timedelta(minutes=1))
    save_due(store, "step-soon", State.Learning, NOW + timedelta(minutes=1))
    counted = deck_counts(store, cards, NOW)
    assert counted.total.due == 1
    later = NOW + timedelta(minutes=2)
    waiting = due_not_today(store, later, counted.total.due, ["step-now", "step-soon"])
    assert waiting == 0
    assert plan_headline(2, PlanWaiting(waiting), last_pass=False) == ("2 planned today", "")
    # the plan asks only the first: the other is due by fsrs and waits
    assert due_not_today(store, later, 2, ["step-now"]) == 1
