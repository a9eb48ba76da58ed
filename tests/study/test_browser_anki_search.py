"""The card browser's search read as Anki's: `is:due`, `tag:`, `deck:`, `prop:lapses>N`
filter; an Anki term drillbit has not is an error, never an empty list."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import timedelta

import pytest

from quiz.browser import CardRow, browse, sort_name
from quiz.card_query import QueryError, parse_query
from tests.study.fakes import NOW, FakeCard, deck


def _rows() -> list[CardRow]:
    """The fake deck: adam-bias due (2 lapses), bn-where learning not yet due (5 lapses),
    relu-dead suspended, the rest new."""
    rows = []
    for card in deck():
        row = CardRow(card=card, state="new", due=None, difficulty=None, lapses=0, is_due=False)
        if card.id == "adam-bias":
            row = dataclasses.replace(
                row, state="review", due=NOW - timedelta(days=1), lapses=2, is_due=True
            )
        elif card.id == "bn-where":
            row = dataclasses.replace(row, state="learning", due=NOW + timedelta(hours=1), lapses=5)
        elif card.id == "relu-dead":
            row = dataclasses.replace(row, state="suspended")
        rows.append(row)
    return rows


@dataclass(frozen=True)
class _Match:
    card: FakeCard


class _TitleIndex:
    """The full-text search's part here: cards whose title holds every word."""

    def search(self, words: str) -> list[_Match]:
        wanted = words.lower().split()
        return [_Match(c) for c in deck() if all(w in c.title.lower() for w in wanted)]


def _ids(search: str, **options: str) -> list[str]:
    index = _TitleIndex()
    shown = browse(_rows(), index=index, search=search, **options)  # type: ignore[arg-type]
    return [row.card.id for row in shown]


def test_is_terms_filter_by_state() -> None:
    """`is:due` found no card: no card's text holds "is:due"."""
    assert _ids("is:due") == ["adam-bias"]
    assert _ids("is:learn") == ["bn-where"]
    assert _ids("is:suspended") == ["relu-dead"]
    assert _ids("IS:Review") == ["adam-bias"]
    assert len(_ids("is:new")) == 5


def test_tag_deck_topic_kind_and_lapses_filter_with_the_words() -> None:
    assert _ids("tag:drill") == ["adam-step", "bn-forward"]
    assert _ids("tag:drill tag:bn") == ["bn-forward"]  # every tag, as in Anki
    assert _ids("tag:drill batch") == ["bn-forward"]  # and the words still search the text
    assert _ids("deck:nn topic:optim kind:numeric") == ["lr-scaling"]
    assert _ids("deck:other") == []
    assert _ids("prop:lapses>3") == ["bn-where"]
    assert _ids("prop:lapses>=2", sort="lapses") == ["bn-where", "adam-bias"]
    assert len(_ids("prop:lapses=0")) == 6
    assert _ids("is:due", tag="adam") == ["adam-bias"]  # with the options: both hold
    assert _ids("is:due", state="learning") == []


def test_filters_alone_keep_the_content_order_and_name_no_best_match() -> None:
    assert sort_name("content", "is:new") == "bank order"
    assert sort_name("content", "") == "bank order"  # not "content", read as the text
    assert sort_name("content", "is:new adam") == "best match"


@pytest.mark.parametrize(
    ("search", "said"),
    [
        ("rated:1", "'rated:1' is not a search drillbit has"),
        ("is:marked", "'is:marked' is not a search drillbit has"),
        ("prop:ivl>10", "'prop:ivl>10' is not a search drillbit has"),
        ("-tag:bn", "'-tag:bn': drillbit's search has no negation"),
        ("deck:a deck:b", "'deck:b': a card has one pack"),
    ],
)
def test_an_anki_term_drillbit_lacks_is_an_error_naming_what_it_has(search: str, said: str) -> None:
    with pytest.raises(QueryError) as raised:
        browse(_rows(), search=search)
    assert said in str(raised.value)
    if "deck:b" not in search:  # what drillbit takes instead
        assert "is:due" in str(raised.value) and "prop:lapses>N" in str(raised.value)


def test_words_with_a_colon_that_are_no_anki_term_stay_words() -> None:
    assert parse_query("softmax: http://x.org").words == "softmax: http://x.org"
    assert parse_query("softmax: http://x.org").filters == {}
