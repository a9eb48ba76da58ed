"""`clean_title` skips the regexes that cannot match; it still gives what running every
one of them gives (the plain pipeline below, as it was written first)."""

from __future__ import annotations

import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from quiz.ecosystem.titles import clean_title, strip_emoji

PIECES = [
    *"ab Q1.:)(-–—|[]\n\t\u00a0\u2003😀?",
    "[src]",
    "[ ]",
    "( )",
    "()",
    "[]",
    " [x] ",
    "[[src](u)]",
    "Q1: ",
    "12) ",
    "[E] ",
    "\u2600",
    "  ",
]


def _every_step(text: str) -> str:
    text = strip_emoji(text)
    text = re.sub(r"\[\s*\]|\(\s*\)", "", text)
    text = re.sub(r"\s+", " ", text).strip()
    text = re.sub(r"\s*\[\s*\]\s*$|\s*\(\s*\)\s*$", "", text)
    while (shorter := re.sub(r"\s*\[[^\[\]]{1,30}\]\s*$", "", text)) != text:
        text = shorter
    return text.strip(" -–—:|").strip()


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=14).map("".join))
@example("What is a cost function? [[src](https://example.org/cost)]")
@example("Bias vs variance ( ) [a] [b]\n")
@example("(( )[E] ")
def test_clean_title_is_the_plain_pipeline(text: str) -> None:
    assert clean_title(text) == _every_step(text)
