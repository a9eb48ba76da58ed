"""The Anki package's deck ids (`deck_id`, `parent_deck_id` in `quiz/ecosystem/anki.py`):
a topic deck's in [2**30, 2**31), a parent deck's in [2**31, 2**31 + 2**30), so the two
never meet, each the same in every export and apart for different names. The export's
tests read decks by name only: forty-sixth round mutants of both formulas passed."""

from __future__ import annotations

from quiz.ecosystem.anki import deck_id, parent_deck_id

PACKS = [f"pack-{n}" for n in range(12)] + ["Extra (p2)", "ünïcode", ""]
TOPICS = [f"topic-{n}" for n in range(12)] + ["math", "a b", ""]


def test_topic_deck_ids_are_stable_distinct_and_in_their_range() -> None:
    ids = {(pack, topic): deck_id(pack, topic) for pack in PACKS for topic in TOPICS}
    assert all(2**30 <= value < 2**31 for value in ids.values())
    assert len(set(ids.values())) == len(ids)  # 225 names, no two decks on one id
    assert all(deck_id(pack, topic) == value for (pack, topic), value in ids.items())
    # the separator keeps ("ab", "c") and ("a", "bc") apart
    assert deck_id("ab", "c") != deck_id("a", "bc")


def test_parent_deck_ids_are_stable_distinct_and_apart_from_topic_decks() -> None:
    names = ["drillbit", *(f"drillbit::{pack}" for pack in PACKS)]
    ids = {name: parent_deck_id(name) for name in names}
    assert all(2**31 <= value < 2**31 + 2**30 for value in ids.values())
    assert len(set(ids.values())) == len(ids)
    assert all(parent_deck_id(name) == value for name, value in ids.items())
