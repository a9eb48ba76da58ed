"""`Store.fsrs_cards` keeps each parsed fsrs Card beside its saved state, so that the plan's
reads (`current_memory`) parse again only what changed: whatever the answers, undos and
forgotten cards in between, what it gives must equal a cold parse of the table
(`memory_of` over a fresh connection's states)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import fsrs
import pytest
from fsrs import Card, Rating, Scheduler
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quiz.store import Store
from quiz.study.plan import memory_of
from quiz.study.plan_reads import current_memory
from quiz.study.scheduling import review_card
from tests.study.fakes import deck

NOW = datetime(2026, 3, 10, 12, 0, tzinfo=UTC)
IDS = [card.id for card in deck()]


def _cold(path: Path) -> dict[str, Card]:
    """Every saved Card as a fresh connection reads and parses it, nothing kept."""
    with Store.open(path, now=NOW) as fresh:
        return memory_of(fresh.card_states())


_step = st.one_of(
    st.tuples(st.just("rate"), st.sampled_from(IDS), st.sampled_from(list(Rating))),
    st.tuples(st.just("elsewhere"), st.sampled_from(IDS), st.sampled_from(list(Rating))),
    st.tuples(st.just("undo"), st.sampled_from(IDS), st.just(Rating.Good)),
    st.tuples(st.just("forget"), st.sampled_from(IDS), st.just(Rating.Good)),
)


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(steps=st.lists(_step, min_size=1, max_size=12))
def test_kept_cards_equal_a_cold_parse_after_any_changes(
    tmp_path_factory: pytest.TempPathFactory, steps: list[tuple[str, str, Rating]]
) -> None:
    scheduler = Scheduler(enable_fuzzing=False)
    path = tmp_path_factory.mktemp("kept") / "drillbit.db"
    with Store.open(path, now=NOW) as store, Store.open(path, now=NOW) as other:
        assert store.fsrs_cards() == {}
        for number, (action, card_id, rating) in enumerate(steps):
            when = NOW + timedelta(hours=5 * number)
            if action == "rate":
                review_card(store, scheduler, card_id, rating, now=when, correct=rating > 1)
            elif action == "elsewhere":  # another connection's commit
                review_card(other, scheduler, card_id, rating, now=when, correct=rating > 1)
            elif action == "undo":
                done = store.reviews(card_id=card_id)
                if done:
                    store.undo_review(done[-1].id, now=when)
            else:
                other.forget_card(card_id)
            cold = _cold(path)
            assert store.fsrs_cards() == cold, (number, action, card_id)
            assert list(store.fsrs_cards()) == list(cold), "in id order"
            wanted = [IDS[3], "never-seen", IDS[0]]
            assert current_memory(store, wanted) == {
                card_id: cold[card_id] for card_id in wanted if card_id in cold
            }


def test_a_rating_parses_only_the_rated_card_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    scheduler = Scheduler(enable_fuzzing=False)
    path = tmp_path / "drillbit.db"
    with Store.open(path, now=NOW) as store:
        for number, card_id in enumerate(IDS):
            review_card(
                store,
                scheduler,
                card_id,
                Rating.Good,
                now=NOW - timedelta(days=number),
                correct=True,
            )
        first = store.fsrs_cards()
        assert len(first) == len(IDS)
        parsed: list[str] = []
        real = fsrs.Card.from_json

        def counted(text: str) -> Card:
            parsed.append(text)
            return real(text)

        monkeypatch.setattr(fsrs.Card, "from_json", staticmethod(counted))
        assert store.fsrs_cards() == first and parsed == [], "nothing changed: nothing parsed"
        review_card(store, scheduler, IDS[2], Rating.Again, now=NOW, correct=False)
        parsed.clear()  # the rating parsed the card's state before too: not counted
        after = store.fsrs_cards()
        assert parsed == [after[IDS[2]].to_json()], "only the rated card is parsed again"
        assert after[IDS[2]] != first[IDS[2]]
        assert all(after[card_id] is first[card_id] for card_id in IDS if card_id != IDS[2])
        assert after == _cold(path)
