"""Cards set aside before the day's first answer leave today's plan without others taking
their place: a new user saw Home's 25 planned become "0 reviews + 26 new" after a session
in which they only buried one card and suspended another."""

from __future__ import annotations

from datetime import UTC, timedelta

from fsrs import Scheduler

from quiz.store import Store
from quiz.study.plan_status import PlanStatus, plan_status
from tests.study.test_plan import START, a_plan, deck


def test_burying_and_suspending_before_any_answer_only_take_cards_off(
    store: Store, scheduler: Scheduler
) -> None:
    cards = deck(60)
    store.set_interview_plan(a_plan(12, minutes=10))
    day = START + timedelta(days=2, hours=1)  # the plan's third day, a fake clock

    def status_at(minutes: int) -> PlanStatus:
        made = plan_status(
            store, cards, day + timedelta(minutes=minutes), tz=UTC, scheduler=scheduler
        )
        assert made is not None and made.today is not None
        return made

    home = status_at(0)
    buried, suspended, *rest = home.offered
    assert rest, "the minutes hold more than the two cards set aside"
    aside = day + timedelta(minutes=1)
    store.set_flag(buried, suspended=False, buried_until=day + timedelta(hours=20), now=aside)
    store.set_flag(suspended, suspended=True, buried_until=None, now=aside)
    after = status_at(5)  # the summary's plan line, the session over
    assert after.offered == tuple(rest), "set aside: off the list, no other card in their place"
    assert after.load().startswith(f"today: 0 reviews + {len(rest)} new")
