"""A due session's queue is a restart's after the day rolls over, after another drillbit
wrote to the progress, and after the machine's zone changed (study49).

Found by study48's fake-clock walks: the rollover put the new day's new cards after the
old day's, a new card suspended at the start and unsuspended in another drillbit stayed
out, the session kept the zone it began in while Home followed the machine's, and another
drillbit's new cards left the session over new_per_day until an undo. Each is now the one
rebuild (`Session._refresh`): a restart's queue, the card on screen kept.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, tzinfo
from zoneinfo import ZoneInfo

from fsrs import Card, Rating, Scheduler, State

from quiz.store import Store
from quiz.study.aside import set_card_aside
from quiz.study.counts import deck_counts
from quiz.study.days import StudyZone
from quiz.study.options import SessionOptions
from quiz.study.session import Session
from tests.study.fakes import NOW, deck, save_due

BERLIN = StudyZone(ZoneInfo("Europe/Berlin"), 4)
TOKYO = StudyZone(ZoneInfo("Asia/Tokyo"), 4)
CARDS = deck()
SECOND = timedelta(seconds=1)


def _at(text: str) -> datetime:
    """A wall-clock time in Berlin, as UTC."""
    return datetime.fromisoformat(text).replace(tzinfo=BERLIN.zone).astimezone(UTC)


def _ids(session: Session) -> list[str]:
    return [card.id for card in session.queued]


def _restart(store: Store, options: SessionOptions, now: datetime) -> list[str]:
    return _ids(Session(store, CARDS, options, now=now, scheduler=Scheduler(enable_fuzzing=False)))


def test_the_rollover_orders_the_new_day_s_cards_as_a_restart(
    store: Store, scheduler: Scheduler
) -> None:
    """A new card buried at 03:50 came back at 4:00 behind the one queued in its place:
    a restart asked it first, in content order."""
    options = SessionOptions(tz=BERLIN, new_per_day=2)
    first, second = CARDS[0].id, CARDS[1].id
    start = _at("2026-03-10 03:50")
    session = Session(store, CARDS, options, now=start, scheduler=scheduler)
    assert _ids(session) == [first, second]
    session.show(now=start)
    session.set_aside(suspend=False, now=start + SECOND)  # `first` buried until 4:00
    assert _ids(session) == [second, CARDS[2].id], "the next new card stands in"
    rolled = _at("2026-03-10 04:01")
    session.show(now=rolled)
    assert _ids(session) == _restart(store, options, rolled) == [first, second]


def test_the_rollover_asks_the_new_day_s_reviews_before_its_new_cards(
    store: Store, scheduler: Scheduler
) -> None:
    options = SessionOptions(tz=BERLIN, new_per_day=2)
    save_due(store, CARDS[7].id, State.Review, _at("2026-03-10 10:00"))
    start = _at("2026-03-10 03:50")
    session = Session(store, CARDS, options, now=start, scheduler=scheduler)
    session.show(now=start)
    session.rate(Rating.Easy, now=start + SECOND)
    rolled = _at("2026-03-10 04:01")
    session.show(now=rolled)
    assert _ids(session) == _restart(store, options, rolled)
    assert _ids(session)[0] == CARDS[7].id


def test_a_new_card_hidden_at_the_start_and_put_back_elsewhere_is_queued(
    store: Store, other: Store, scheduler: Scheduler
) -> None:
    """Suspended before the session, unsuspended in another drillbit's browser: a restart
    (and Anki's next queue rebuild) asked it, this session never did."""
    options = SessionOptions(new_per_day=20)
    card = CARDS[1]
    set_card_aside(store, card.id, suspend=True, now=NOW - SECOND, tz=UTC)
    session = Session(store, CARDS, options, now=NOW, scheduler=scheduler)
    assert card.id not in _ids(session)
    session.show(now=NOW)
    session.rate(Rating.Easy, now=NOW + SECOND)
    other.set_flag(card.id, suspended=False, buried_until=None, now=NOW + 2 * SECOND)
    session.show(now=NOW + 3 * SECOND)
    assert _ids(session) == _restart(store, options, NOW + 3 * SECOND)
    assert _ids(session)[0] == card.id, "in content order, as a restart"
    assert session.back_elsewhere == [card]


def test_a_new_card_put_back_elsewhere_waits_when_the_day_has_no_room(
    store: Store, other: Store, scheduler: Scheduler
) -> None:
    options = SessionOptions(new_per_day=2)
    card = CARDS[5]
    set_card_aside(store, card.id, suspend=True, now=NOW - SECOND, tz=UTC)
    session = Session(store, CARDS, options, now=NOW, scheduler=scheduler)
    other.set_flag(card.id, suspended=False, buried_until=None, now=NOW + SECOND)
    session.show(now=NOW + 2 * SECOND)
    assert _ids(session) == [CARDS[0].id, CARDS[1].id] == _restart(store, options, NOW)


def _introduce(store: Store, card_id: str, at: datetime) -> None:
    """A new card's first answer (Easy, into review three days out) in that store at `at`."""
    card = Card(state=State.Review, step=None, stability=9.0, difficulty=4.0)
    card.due, card.last_review = at + timedelta(days=3), at
    store.record_review(
        card_id=card_id,
        rating=4,
        correct=True,
        reviewed_at=at,
        mode="due",
        card_after=card.to_json(),
    )


class _Zone:
    """The machine's zone as the app follows it: a test moves it by hand."""

    def __init__(self, zone: tzinfo) -> None:
        self.zone = zone

    def __call__(self) -> tzinfo:
        return self.zone


def test_the_session_counts_its_day_in_the_machine_s_zone_once_it_changed(
    store: Store, scheduler: Scheduler
) -> None:
    """A laptop flown from Berlin to Tokyo: Home counted a review due at 17:00 in Tokyo as
    due today, the open session kept Berlin's 3:30 on the day before and never asked it."""
    review = CARDS[7].id
    start = datetime(2026, 3, 10, 2, 30, tzinfo=UTC)  # 03:30 in Berlin, 11:30 in Tokyo
    save_due(store, review, State.Review, datetime(2026, 3, 10, 8, 0, tzinfo=UTC))
    zone = _Zone(BERLIN)
    options = SessionOptions(tz=BERLIN, new_per_day=1)
    session = Session(store, CARDS, options, now=start, scheduler=scheduler, zone=zone)
    assert review not in _ids(session)
    session.show(now=start)
    session.rate(Rating.Easy, now=start + SECOND)
    zone.zone = TOKYO
    later = start + 2 * SECOND
    session.show(now=later)
    tokyo = SessionOptions(tz=TOKYO, new_per_day=1)
    assert _ids(session) == _restart(store, tokyo, later) == [review], "its new card was today's"
    counts = deck_counts(store, CARDS, later, new_per_day=1, tz=TOKYO)
    assert counts.studies_today(counts.total) == session.remaining
    assert session.options.tz == TOKYO


def test_another_drillbit_s_new_cards_count_against_the_limit_at_the_next_card(
    store: Store, other: Store, scheduler: Scheduler
) -> None:
    """Two new cards introduced in another drillbit: this session still offered its three,
    five new cards on a day of three, until an undo trimmed them. The card on screen stays."""
    options = SessionOptions(new_per_day=3)
    session = Session(store, CARDS, options, now=NOW, scheduler=scheduler)
    session.show(now=NOW)
    assert _ids(session) == [c.id for c in CARDS[:3]]
    for card in CARDS[5:7]:
        _introduce(other, card.id, NOW)
    session.show(now=NOW + SECOND)
    assert _ids(session) == [CARDS[0].id], "the card on screen stays, the other two go"
    session.rate(Rating.Easy, now=NOW + 2 * SECOND)
    session.show(now=NOW + 3 * SECOND)
    assert _ids(session) == _restart(store, options, NOW + 3 * SECOND) == []


def test_another_drillbit_s_new_cards_leave_the_card_on_screen_even_over_the_limit(
    store: Store, other: Store, scheduler: Scheduler
) -> None:
    options = SessionOptions(new_per_day=3)
    session = Session(store, CARDS, options, now=NOW, scheduler=scheduler)
    session.show(now=NOW)
    for card in CARDS[4:7]:
        _introduce(other, card.id, NOW)
    session.show(now=NOW + SECOND)
    assert _ids(session) == [CARDS[0].id]
    session.rate(Rating.Easy, now=NOW + 2 * SECOND)
    session.show(now=NOW + 3 * SECOND)
    assert _ids(session) == []


LONDON = StudyZone(ZoneInfo("Europe/London"), 4)


def test_a_step_a_zone_moved_west_puts_on_the_next_day_waits_for_it(
    store: Store, scheduler: Scheduler
) -> None:
    """Berlin's 04:55 is London's 03:55, the day before: a 10-minute step due at 04:05 in
    London is the next study day's, which a restart and Home leave out; it was asked."""
    card = CARDS[0].id
    start = datetime(2026, 3, 10, 3, 55, tzinfo=UTC)
    zone = _Zone(BERLIN)
    options = SessionOptions(tz=BERLIN, new_per_day=1)
    session = Session(store, CARDS, options, now=start, scheduler=scheduler, zone=zone)
    session.show(now=start)
    session.rate(Rating.Good, now=start)
    assert _ids(session) == [card], "waiting at its step, today in Berlin"
    zone.zone = LONDON
    moment = start + SECOND
    session.show(now=moment)
    london = SessionOptions(tz=LONDON, new_per_day=1)
    assert _ids(session) == _restart(store, london, moment) == []
    step = datetime(2026, 3, 10, 4, 6, tzinfo=UTC)
    session.show(now=step)
    assert _ids(session)[0] == card, "asked on the day its step is on"


def test_a_burial_ending_before_a_later_day_start_brings_its_card_back(
    store: Store, scheduler: Scheduler
) -> None:
    """Buried at 03:30 until 4:00, then the day set to start at 6:00: from 4:00 a restart
    and Home asked the card, the session waited for 6:00."""
    zone = _Zone(BERLIN)
    options = SessionOptions(tz=BERLIN, new_per_day=2)
    start = _at("2026-03-10 03:30")
    session = Session(store, CARDS, options, now=start, scheduler=scheduler, zone=zone)
    session.show(now=start)
    session.set_aside(suspend=False, now=start)
    zone.zone = StudyZone(BERLIN.zone, 6)
    session.show(now=start + SECOND)  # the day now ends at 6:00, the burial at 4:00
    session.rate(Rating.Easy, now=start + SECOND)  # the next new card
    after = _at("2026-03-10 04:10")
    session.show(now=after)
    six = SessionOptions(tz=zone.zone, new_per_day=2)
    assert _ids(session) == _restart(store, six, after) == [CARDS[0].id]


def test_a_card_stepped_elsewhere_and_asked_ahead_here_is_answered(
    store: Store, other: Store, scheduler: Scheduler
) -> None:
    """The only card left, answered into its 10-minute step in another drillbit: asked
    ahead here as the session's own copies are, each answer was refused as one given
    there, until the step."""
    card = CARDS[0]
    session = Session(store, [card], SessionOptions(), now=NOW, scheduler=scheduler)
    session.show(now=NOW)
    there = Session(other, [card], SessionOptions(), now=NOW, scheduler=scheduler)
    there.rate(Rating.Good, now=NOW + SECOND)
    session.show(now=NOW + 2 * SECOND)
    assert session.current == card and session.stepped_elsewhere == [card]
    session.rate(Rating.Good, now=NOW + 3 * SECOND)
    assert len(store.reviews(card_id=card.id)) == 2
