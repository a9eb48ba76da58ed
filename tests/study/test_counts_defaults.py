"""Home's counts when the config names no daily limit, and when Home counts again."""

from __future__ import annotations

from quiz.store import Store
from quiz.study.counts import counts_stale, deck_counts
from quiz.study.options import SessionOptions
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
