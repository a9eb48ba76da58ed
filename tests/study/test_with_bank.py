"""The real card models fit the StudyCard protocol: a due session over the mini bank."""

from __future__ import annotations

from pathlib import Path

from fsrs import Rating, Scheduler

from quiz.bank.loader import load_bank
from quiz.store import Store
from quiz.study.counts import deck_counts
from quiz.study.session import Session
from quiz.study.stats import compute_stats
from tests.study.fakes import NOW


def test_a_session_over_loaded_cards(mini_bank: Path, store: Store, scheduler: Scheduler) -> None:
    bank = load_bank([mini_bank])
    assert bank.cards
    session = Session(store, bank.cards, now=NOW, scheduler=scheduler)
    assert [c.id for c in session.planned] == [c.id for c in bank.cards]
    first = session.current
    assert first is not None
    session.rate(Rating.Good, now=NOW)
    stats = compute_stats(store, bank.cards, NOW)
    assert stats.reviews == 1 and stats.by_topic[first.topic].reviews == 1
    counts = deck_counts(store, bank.cards, NOW)
    assert counts.by_pack[bank.by_id()[first.id].pack].total == len(bank.cards)
    assert counts.total.new == len(bank.cards) - 1
