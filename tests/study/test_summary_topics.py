"""The summary's topics: a topic name two packs of the bank share is one topic per pack,
"topic (pack)", as on the stats screen, so the two packs' answers are not added up."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from fsrs import Rating, Scheduler

from quiz.settings import Settings
from quiz.store import Store
from quiz.study.options import SessionOptions
from quiz.study.session import Session
from quiz.workspace import StudyRequest, Workspace
from tests.study.fakes import NOW, FakeCard


def _cram(
    store: Store,
    scheduler: Scheduler,
    cards: list[FakeCard],
    topic_names: dict[tuple[str, str], str] | None = None,
) -> Session:
    options = SessionOptions(mode="cram", topic_names=topic_names)
    return Session(store, cards, options, now=NOW, scheduler=scheduler)


def _answer_all(session: Session, wrong: set[str]) -> None:
    """Rate each queued card once: Again for the ids in `wrong`, else Good."""
    moment = NOW
    while (card := session.current) is not None:
        moment += timedelta(seconds=10)
        session.rate(Rating.Again if card.id in wrong else Rating.Good, now=moment)
        if card.id in wrong:
            wrong = wrong - {card.id}  # the requeued card is right the second time


SHARED = [
    FakeCard("nn-adam", topic="optimizers", pack="neural-networks", title="Adam"),
    FakeCard("nn-sgd", topic="optimizers", pack="neural-networks", title="SGD"),
    FakeCard("dt-lamb", topic="optimizers", pack="deep-training", title="LAMB"),
    FakeCard("dt-warmup", topic="optimizers", pack="deep-training", title="Warmup"),
    FakeCard("dt-clip", topic="stability", pack="deep-training", title="Clipping"),
]


def test_misses_in_one_of_two_packs_sharing_a_topic_name_name_that_pack(
    store: Store, scheduler: Scheduler
) -> None:
    session = _cram(store, scheduler, SHARED)
    _answer_all(session, wrong={"dt-lamb", "dt-warmup"})
    summary = session.finish(now=NOW + timedelta(minutes=5))
    # deep-training's optimizers 2 of 4 (each missed once, then right), not 4 of 6 of both
    weakest = [(t.topic, t.correct, t.answered) for t in summary.weakest_topics]
    assert weakest == [("optimizers (deep-training)", 2, 4)]
    topics = {q.card_id: q.topic for q in summary.questions}
    assert topics["nn-adam"] == "optimizers (neural-networks)"
    assert topics["dt-lamb"] == "optimizers (deep-training)"
    assert topics["dt-clip"] == "stability"


def test_a_topic_only_one_pack_has_keeps_its_own_name(store: Store, scheduler: Scheduler) -> None:
    cards = [c for c in SHARED if c.pack == "deep-training"]
    session = _cram(store, scheduler, cards)
    _answer_all(session, wrong={"dt-lamb"})
    summary = session.finish(now=NOW + timedelta(minutes=5))
    assert [t.topic for t in summary.weakest_topics] == ["optimizers"]
    assert {q.topic for q in summary.questions} == {"optimizers", "stability"}


def test_the_bank_says_whether_a_topic_name_is_shared_not_the_cards_studied(
    store: Store, scheduler: Scheduler
) -> None:
    """A card picked from one of two packs sharing a topic name is still "topic (pack)";
    the bank's names are what the session is given (`session_options`)."""
    names = {
        ("neural-networks", "optimizers"): "optimizers (neural-networks)",
        ("deep-training", "optimizers"): "optimizers (deep-training)",
    }
    picked = [c for c in SHARED if c.id == "dt-lamb"]
    session = _cram(store, scheduler, picked, topic_names=names)
    _answer_all(session, wrong={"dt-lamb"})
    summary = session.finish(now=NOW + timedelta(minutes=5))
    assert [t.topic for t in summary.weakest_topics] == ["optimizers (deep-training)"]


def test_the_bundled_packs_optimizers_are_one_topic_per_pack(tmp_path: Path) -> None:
    """The bundled neural-networks and deep-training packs both have "optimizers"."""
    workspace = Workspace.open(
        store_path=tmp_path / "db.sqlite", clock=lambda: NOW, settings=Settings()
    )
    try:
        session = workspace.start_session(StudyRequest(mode="cram", topic="optimizers"))
        packs = {getattr(card, "pack", "") for card in session.planned}
        assert packs == {"neural-networks", "deep-training"}
        wrong = {c.id for c in session.planned if getattr(c, "pack", "") == "deep-training"}
        _answer_all(session, wrong=wrong)
        summary = session.finish(now=NOW + timedelta(hours=1))
        assert [t.topic for t in summary.weakest_topics] == ["optimizers (deep-training)"]
        picked = next(iter(wrong))
        alone = workspace.start_session(StudyRequest(mode="cram", card_ids=(picked,)))
        _answer_all(alone, wrong={picked})
        topics = [q.topic for q in alone.finish(now=NOW + timedelta(hours=2)).questions]
        assert topics == ["optimizers (deep-training)", "optimizers (deep-training)"]
    finally:
        workspace.close()
