"""Lines of an answer that say where it comes from (`Source: Goodfellow et al. ch. 8`).

People end an answer, or an Anki cloze's Back Extra, with the book or paper it came from.
Read as the answer's text, such a line was a key point ("Source: Goodfellow et al. ch. 8"
to tick off when reviewing). It is the card's `source` instead: the lines are taken out of
the answer (outside fenced code, where `source:` may be a config's key) and what they cite
is returned, to be written after the notes' place (`deck.txt Q5 · Goodfellow et al. ch. 8`).
"""

from __future__ import annotations

import re

from quiz.ecosystem.fences import outside_fences

__all__ = ["take_citations"]

_CITATION = re.compile(
    r"^[ \t]*(?P<item>[-*+][ \t]+)?(?P<open>\*\*|__|\*|_)?"
    r"(?:sources?|refs?|references?|citations?|cited from)"
    r"[ \t]*:[ \t]*(?:\*\*|__|\*|_)?[ \t]*(?P<cite>\S.*?)[ \t]*$",
    re.IGNORECASE,
)
"""`Source: ...`, `**Ref:** ...`, `*Source: ...*`, `- Reference: ...`: a line that names a
source by its label."""
_BLANKS = re.compile(r"\n{3,}")
_CITED = re.compile(r"\d|\bet al\b|https?://|\bch(?:apter)?\b|\bp{1,2}\.", re.IGNORECASE)
"""What a citation holds (a year, a chapter, a page, `et al.`, an address): `Source: where
the data comes from`, a term defined in an answer's list, holds none of it."""


def take_citations(text: str) -> tuple[str, str]:
    """(the text without its citation lines, what they cite joined by "; "); the text as
    it is and "" when it has none. A labelled line is a citation at the text's end, or
    anywhere when it holds what a citation does (`_CITED`)."""
    if ":" not in text:
        return text, ""
    rows = text.split("\n")
    found: dict[int, str] = {}
    items: set[int] = set()  # in a list, a term defined (`- Source: ...`) is likelier
    for index in outside_fences(rows):
        match = _CITATION.match(rows[index])
        if match is None:
            continue
        cite = match["cite"]
        if match["open"]:
            cite = cite.rstrip(match["open"][0]).rstrip()
        if cite:
            found[index] = cite
            if match["item"]:
                items.add(index)
    last = [i for i in range(len(rows)) if rows[i].strip()]
    tail = set()  # the lines at the answer's end that are all citations
    for index in reversed(last):
        if index not in found:
            break
        tail.add(index)
    dropped = {
        i for i, cite in found.items() if (i in tail and i not in items) or _CITED.search(cite)
    }
    cited = [found[i] for i in sorted(dropped)]
    if not dropped:
        return text, ""
    kept = "\n".join(row for index, row in enumerate(rows) if index not in dropped)
    return _BLANKS.sub("\n\n", kept).strip(), "; ".join(cited)
