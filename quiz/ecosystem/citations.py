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
    r"^[ \t]*(?:[-*+][ \t]+)?(?P<open>\*\*|__|\*|_)?"
    r"(?:sources?|refs?|references?|citations?|cited from)"
    r"[ \t]*:[ \t]*(?:\*\*|__|\*|_)?[ \t]*(?P<cite>\S.*?)[ \t]*$",
    re.IGNORECASE,
)
"""`Source: ...`, `**Ref:** ...`, `*Source: ...*`, `- Reference: ...`: a line that names a
source by its label."""
_BLANKS = re.compile(r"\n{3,}")


def take_citations(text: str) -> tuple[str, str]:
    """(the text without its citation lines, what they cite joined by "; "); the text as
    it is and "" when it has none."""
    if ":" not in text:
        return text, ""
    rows = text.split("\n")
    cited: list[str] = []
    dropped: set[int] = set()
    for index in outside_fences(rows):
        match = _CITATION.match(rows[index])
        if match is None:
            continue
        cite = match["cite"]
        if match["open"]:
            cite = cite.rstrip(match["open"][0]).rstrip()
        if cite:
            cited.append(cite)
            dropped.add(index)
    if not dropped:
        return text, ""
    kept = "\n".join(row for index, row in enumerate(rows) if index not in dropped)
    return _BLANKS.sub("\n\n", kept).strip(), "; ".join(cited)
