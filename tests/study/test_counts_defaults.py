"""Home's counts at their edges: no daily limit in the config, when Home counts again,
when the clock changes them, and a card in no pack."""

from __future__ import annotations

from datetime import UTC, timedelta

from fsrs import Rating, Scheduler

from quiz.store import Store
from quiz.study.counts import Counts, DeckCounts, counts_change_at, counts_stale, deck_counts
from quiz.study.options import SessionOptions
from quiz.study.scheduling import review_card
from tests.study.fakes import NOW, FakeCard


def test_without_a_setting_a_day_introduces_twenty_new_cards_as_anki_does(store: Store) -> None:
    # docs/commands.md: new_per_day (20); Home counts with it when the config names none
    cards = [FakeCard(f"card-{index:02d}") for index in range(25)]
    counts = deck_counts(store, cards, NOW)
    assert (counts.total.new, counts.new_today, counts.new_allowance) == (25, 20, 20)
    assert SessionOptions().new_per_day == 20


def test_home_counts_again_after_a_commit_and_never_on_a_version_it_cannot_tell(
    store: Store,
) -> None:
    counted_at = store.version()
    assert counted_at is not None
    assert not counts_stale(store, counted_at), "nothing written since"
    store.record_review(
        card_id="adam-bias", rating=3, correct=True, reviewed_at=NOW, mode="due", state_before=None
    )
    assert counts_stale(store, counted_at), "a review since: Home counts again"
    # a version that cannot be told: Home counts on its other occasions, not every poll
    assert not counts_stale(store, None)


def test_the_counts_change_at_the_soonest_of_two_learning_steps(
    store: Store, scheduler: Scheduler
) -> None:
    review_card(store, scheduler, "bn-where", Rating.Good, now=NOW, correct=True)  # 10 min
    review_card(store, scheduler, "adam-bias", Rating.Again, now=NOW, correct=False)  # 1 min
    change = counts_change_at(store, NOW, UTC)
    assert NOW < change <= NOW + timedelta(minutes=1), "the sooner step, not the later"


def test_a_card_of_no_pack_is_counted_in_its_topic_and_under_no_pack_row(store: Store) -> None:
    cards = [FakeCard("loose", topic="misc", pack=""), FakeCard("packed", topic="misc")]
    counts = deck_counts(store, cards, NOW)
    assert counts.total.total == 2 and counts.by_topic["misc"].total == 2
    assert list(counts.by_pack) == ["nn"] and counts.by_pack["nn"].total == 1
    assert list(counts.by_pack_topic) == ["nn"]


def test_a_row_s_new_cards_today_leave_out_its_buried_ones(store: Store) -> None:
    cards = [FakeCard(f"card-{index}") for index in range(3)]
    for card in cards[:2]:
        store.set_flag(card.id, suspended=False, buried_until=NOW + timedelta(hours=3), now=NOW)
    counts = deck_counts(store, cards, NOW)
    row = counts.by_topic["optim"]
    assert (row.new, row.new_buried) == (3, 2)
    assert counts.new_today_of(row) == 1 == counts.new_today
    assert counts.studies_today(row) == 1


def test_reviews_past_the_daily_limit_leave_none_for_today() -> None:
    # done past the limit: a limit lowered after the day's reviews, or another drillbit's
    counts = DeckCounts(
        total=Counts(total=5, due=5, learned=5),
        by_topic={},
        by_pack={},
        new_today=0,
        max_reviews=10,
        reviews_done=12,
    )
    assert counts.reviews_left == 0
    assert counts.due_today(5) == 0 == counts.scheduled_today_of(counts.total)
