"""The login page says a refusal as a page does, not as a terminal: at 1280x800 it read
"drillbit serve: a valid token is required: open the login link `drillbit serve` printed"
right under its heading "drillbit serve: log in", the backquotes as typed, no full stop."""

from __future__ import annotations

import re

from quiz.serve.page import page_words, refused_page

REFUSAL = (
    "drillbit serve: a valid token is required: open the login link `drillbit serve` "
    "printed, or paste the token it printed\n"
)


def said(page: str) -> str:
    """The page's refusal paragraph, as served."""
    found = re.search(r'<p id="said"[^>]*>(.*?)</p>', page, re.DOTALL)
    assert found is not None, page
    return found.group(1)


def test_the_page_says_the_refusal_without_the_prefix_with_code_and_a_full_stop() -> None:
    assert said(refused_page(REFUSAL, "n0nce")) == (
        "a valid token is required: open the login link <code>drillbit serve</code> "
        "printed, or paste the token it printed."
    )


def test_a_sentence_that_ends_keeps_its_end_and_words_without_the_prefix_stay() -> None:
    assert page_words("drillbit serve cannot be reached: is it still running?") == (
        "drillbit serve cannot be reached: is it still running?"
    )


def test_what_a_request_carried_is_escaped_in_code_and_out_of_it() -> None:
    hostile = "drillbit serve: origin '<img src=x onerror=alert(1)>' is not `<b>allowed</b>`"
    words = page_words(hostile)
    assert "<img" not in words and "<b>" not in words
    assert words == (
        "origin &#x27;&lt;img src=x onerror=alert(1)&gt;&#x27; is not "
        "<code>&lt;b&gt;allowed&lt;/b&gt;</code>."
    )
