"""The login page says a refusal as a page does, not as a terminal: at 1280x800 it read
"drillbit serve: a valid token is required: open the login link `drillbit serve` printed"
right under its heading "drillbit serve: log in", the backquotes as typed, no full stop."""

from __future__ import annotations

import re

from quiz.serve.login import WAYS_IN, Login
from quiz.serve.page import page_words, refused_page

HOST = "127.0.0.1:8000"
LOGIN = Login.new("127.0.0.1", 8000)

REFUSAL = (
    "drillbit serve: a valid token is required: open the login link `drillbit serve` "
    "printed, or paste the token it printed\n"
)


def said(page: str) -> str:
    """The page's refusal paragraph, as served."""
    found = re.search(r'<p id="said"[^>]*>(.*?)</p>', page, re.DOTALL)
    assert found is not None, page
    return found.group(1)


def test_the_page_says_the_refusal_as_a_sentence_and_leaves_the_ways_in_to_its_list() -> None:
    """It read "a valid token is required: open the login link ... or paste the token it
    printed" in lower case, over a list "Two ways in:" that said the same again."""
    page = refused_page(REFUSAL, "n0nce")
    assert said(page) == "A valid token is required."
    body = page.split("<body", 1)[1]  # the script carries the words it leaves out
    assert body.count("login link") == 1 and "Two ways in:" in body


def test_a_token_or_a_login_of_an_earlier_run_says_so_and_keeps_its_code() -> None:
    stale = LOGIN.refusal(host=HOST, origin=None, query="old", cookie=None, websocket=False)
    assert stale is not None and stale.endswith(WAYS_IN + " this time")
    assert page_words(stale) == (
        "A valid token is required: the token in this address is not this run&#x27;s (each "
        "run of <code>drillbit serve</code> makes a new one)."
    )
    kept = LOGIN.refusal(host=HOST, origin=None, query=None, cookie="old", websocket=False)
    assert kept is not None
    assert page_words(kept).startswith("A valid token is required: this browser&#x27;s login")
    assert "paste" not in page_words(kept)
    # a remedy that is not the list's stays said: a login link of an earlier run
    other = "this login link is not this run's: open the one it printed this time"
    assert page_words(other) == (
        "This login link is not this run&#x27;s: open the one it printed this time."
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
        "Origin &#x27;&lt;img src=x onerror=alert(1)&gt;&#x27; is not "
        "<code>&lt;b&gt;allowed&lt;/b&gt;</code>."
    )
