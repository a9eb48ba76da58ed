"""The browser's search box keeps every term after a `prop:lapses` filter.

Written for the forty-fifth round's mutation audit of quiz/card_query.py: `prop:lapses>3`
was only ever the last term of a test's search, so stopping at it (a `break` for the
`continue` after it) passed, and `prop:lapses>3 softmax` would have shown every card with
more than three lapses, not only those holding "softmax".
"""

from __future__ import annotations

import operator

import pytest

from quiz.card_query import QueryError, parse_query


def test_terms_after_a_lapses_filter_still_count() -> None:
    query = parse_query("prop:lapses>3 softmax is:due tag:numpy")
    assert query.words == "softmax"
    assert query.filters == {"state": "due"}
    assert query.tags == ("numpy",)
    assert query.lapses == (operator.gt, 3)
    assert [query.keeps_lapses(n) for n in (3, 4)] == [False, True]


def test_a_bad_term_after_a_lapses_filter_is_still_refused() -> None:
    with pytest.raises(QueryError, match="'rated:1' is not a search drillbit has"):
        parse_query("prop:lapses<=2 rated:1")
