"""A plan-mode session and a restart agree where the fifty-first round's walks found them
apart (`tests.study.plan_walks`: 5 steps of 500 walks where the restart had cards the
session had not, 5 the other way round), and undo puts cards back in their exact places
after the list changed under the session.

The causes: an answer given elsewhere in the second the session started was not "since"
it (the card stayed queued); a burial that ended while a zone moved west kept the list's
day going never brought its card back; undo brought back a card another drillbit had
answered into a step whose minute had come; and the card on screen stayed after the day's
list, decided anew before its first answer, no longer had it.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from fsrs import Rating, Scheduler

from quiz.store import InterviewPlan, Store
from quiz.study.days import StudyZone
from quiz.study.scheduling import review_card
from tests.study.fakes import FakeCard
from tests.study.plan_walks import CARDS, Zone, compare, plan_session, walk

START = datetime(2026, 3, 10, 12, 0, tzinfo=UTC)
MIXED = [FakeCard(f"c{n}", kind="coding" if n % 2 else "concept") for n in range(8)]
"""Concept cards (a long answer of 75 s by default) between coding drills (750 s)."""


def set_plan(store: Store, minutes: float, *, at: datetime = START) -> None:
    store.set_interview_plan(
        InterviewPlan(at.date() + timedelta(days=10), minutes, 0.9, at - timedelta(hours=1))
    )


def ids(cards: object) -> list[str]:
    return [card.id for card in cards]  # type: ignore[attr-defined]


@pytest.mark.parametrize("seed", [19, 60, 101, 103, 203, 231, 373, 401, 462, 481])
def test_the_walks_that_found_a_restart_with_other_cards_find_none(
    tmp_path: Path, seed: int
) -> None:
    """The ten walks of 500 where the session and a restart held other cards (fifty-first
    round's "more" and "fewer"): each step now agrees on the cards."""
    found = [(kind, steps[-4:]) for kind, steps in walk(seed, tmp_path)]
    assert [entry for entry in found if entry[0] in ("more", "fewer", "minutes")] == []


def test_an_answer_elsewhere_in_the_second_the_session_began_takes_its_card_out(
    store: Store, other: Store, scheduler: Scheduler
) -> None:
    set_plan(store, 30.0)
    zone = Zone(UTC)
    session, _ = plan_session(store, CARDS, START, zone, scheduler)
    session.show(now=START)
    first = session.current
    assert first is not None
    review_card(other, scheduler, first.id, Rating.Easy, now=START, correct=True)
    session.show(now=START)
    assert first.id not in ids(session.queued)
    fresh, planned = plan_session(store, CARDS, START, zone, scheduler)
    assert compare(session, fresh, planned) is None


def test_a_burial_that_ends_while_a_zone_moved_west_keeps_the_day_brings_its_card_back(
    store: Store, scheduler: Scheduler
) -> None:
    """Buried at 20:00 in Berlin, a card is back at 4:00 there (3:00 UTC); the machine
    moved to New York, where the study day goes on until 8:00 UTC: from 3:00 a restart
    lists the card, and so does the running session (the learning step it asks first
    aside, which only orders the cards)."""
    berlin, new_york = (
        StudyZone(ZoneInfo("Europe/Berlin"), 4),
        StudyZone(ZoneInfo("America/New_York"), 4),
    )
    evening = datetime(2026, 3, 10, 19, 0, tzinfo=UTC)
    set_plan(store, 30.0, at=evening)
    zone = Zone(berlin)
    session, _ = plan_session(store, CARDS, evening, zone, scheduler)
    session.show(now=evening)
    session.rate(Rating.Good, now=evening + timedelta(seconds=20))
    session.show(now=evening + timedelta(seconds=30))
    buried = session.current
    assert buried is not None
    session.set_aside(suspend=False, now=evening + timedelta(seconds=40))
    zone.zone = new_york
    session.show(now=datetime(2026, 3, 11, 2, 30, tzinfo=UTC))  # the move: still buried
    assert buried.id not in ids(session.queued)
    night = datetime(2026, 3, 11, 3, 30, tzinfo=UTC)  # 23:30 of the 10th in New York
    session.show(now=night)
    assert not session.day_ended
    fresh, planned = plan_session(store, CARDS, night, zone, scheduler)
    assert buried.id in ids(fresh.queued), "the restart has the card back"
    assert buried.id in ids(session.queued)
    assert compare(session, fresh, planned) not in ("more", "fewer")


def test_undo_puts_the_cards_the_minutes_cut_back_in_their_exact_places(
    store: Store, other: Store, scheduler: Scheduler
) -> None:
    """A 30-minute answer leaves no room for a drill: the three queued drills wait for
    tomorrow. Another drillbit answers the concept card between two of them; undo brings
    the drills back, each where it stood (by its old index the last two went one place
    late), and not the card answered there (a restart leaves it out)."""
    set_plan(store, 40.0)
    session, _ = plan_session(store, MIXED, START, Zone(UTC), scheduler)
    session.show(now=START)
    assert ids(session.queued) == ["c0", "c1", "c2", "c3", "c4", "c5", "c6"]
    answered = START + timedelta(minutes=30)
    session.rate(Rating.Good, now=answered)
    assert ids(session.left_for_later) == ["c1", "c3", "c5"]
    review_card(other, scheduler, "c2", Rating.Easy, now=answered, correct=True)
    session.show(now=answered + timedelta(seconds=5))
    assert "c2" not in ids(session.queued)
    session.undo(now=answered + timedelta(seconds=10))
    assert ids(session.queued) == ["c0", "c1", "c3", "c4", "c5", "c6"]
    assert session.left_for_later == []
