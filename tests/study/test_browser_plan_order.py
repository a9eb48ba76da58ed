"""The due sort and `is:due` under a running interview plan (`PlanDue`, `browse`): they
follow the plan's days, as the browser's due cells and `drillbit cards` say them, where
they followed fsrs's due times."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from quiz.bank.index import CardRef
from quiz.browser import CardRow, CardState, browse
from quiz.browser_plan import PLAN_LAST_DAYS, PLAN_TODAY, PLAN_TOMORROW, PlanDue

NOW = datetime(2026, 12, 6, 9, 0, tzinfo=UTC)


def row(card_id: str, state: CardState, due_in_hours: float | None) -> CardRow:
    due = None if due_in_hours is None else NOW + timedelta(hours=due_in_hours)
    is_due = due is not None and due <= NOW and state in ("learning", "review")
    card = CardRef(card_id, "p", "t", "concept", card_id.title(), ())
    return CardRow(card, state, due, None, 0, is_due)


ROWS = [
    row("aside", "suspended", -50),  # fsrs's earliest: set aside, no plan asks it
    row("left", "review", -48),  # due by fsrs two days ago, left to the plan's last days
    row("fresh", "new", None),  # new, not planned yet
    row("tomorrow", "review", -1),
    row("step", "learning", 2),  # a step later today, on a day with same-day steps
    row("second", "new", None),  # planned today, second in the session
    row("first", "review", 30),  # planned today (a review ahead), first in the session
]
PLAN = PlanDue(
    today={"first": 0, "second": 1},
    tomorrow=frozenset({"tomorrow"}),
    later=PLAN_LAST_DAYS,
    steps_end=NOW + timedelta(hours=15),
    now=NOW,
)


def ids(rows: list[CardRow]) -> list[str]:
    return [r.card.id for r in rows]


def test_the_due_sort_follows_the_plan_s_days() -> None:
    """Today's cards in the session's order, the step later today, tomorrow's, the last
    days', the new cards not planned and last the card set aside; fsrs's times (no plan)
    put the set-aside and the left card first."""
    assert ids(browse(ROWS, sort="due", plan=PLAN)) == [
        "first",
        "second",
        "step",
        "tomorrow",
        "left",
        "fresh",
        "aside",
    ]
    assert ids(browse(ROWS, sort="due"))[:2] == ["aside", "left"]


def test_is_due_keeps_today_s_planned_cards_under_a_plan() -> None:
    """`is:due` and state `due`: what a session studies now under the plan, fsrs's due
    cards without one."""
    for options in ({"search": "is:due"}, {"state": "due"}):
        assert ids(browse(ROWS, plan=PLAN, **options)) == ["second", "first"]  # type: ignore[arg-type]
        assert ids(browse(ROWS, **options)) == ["left", "tomorrow"]  # type: ignore[arg-type]


def test_the_labels_are_the_browser_s() -> None:
    labels = {r.card.id: PLAN.label(r) for r in ROWS}
    assert labels == {
        "aside": None,
        "left": PLAN_LAST_DAYS,
        "fresh": None,
        "tomorrow": PLAN_TOMORROW,
        "step": None,
        "second": PLAN_TODAY,
        "first": PLAN_TODAY,
    }
