"""The Source field of a drillbit note (`anki.note_for`): the card's title, ` · `, then
what the card cites. Written and read here, so the split is where the join was.

A title may hold ` · ` itself (`Bias · variance`): read without the Title field (Anki
dropped it, or the user changed it), the field split at its first ` · ` and the rest of
the title came back as the start of the citation. Since the fifty-second round each `·`
of the title is written as `⋅` (U+22C5, the same dot on a card), so the first ` · ` is
the join. A field written before (its title's dots as they were) reads as it did.
"""

from __future__ import annotations

__all__ = ["JOIN", "cited_part", "source_field", "title_heads"]

JOIN = " · "
"""Between the title and the citation."""
_TITLE_DOT = "\u22c5"
"""What a `·` of the title is written as, so that no ` · ` of the title is the join."""


def source_field(title: str, source: str) -> str:
    """The Source field's text (before its HTML escaping) for a card's title and source."""
    return title.replace("·", _TITLE_DOT) + JOIN + source


def title_heads(title: str) -> tuple[str, ...]:
    """How a Source field whose card has `title` starts: as written now, and as written
    before the title's dots were (the same when it has none)."""
    return tuple(dict.fromkeys(t + JOIN for t in (title.replace("·", _TITLE_DOT), title)))


def cited_part(text: str, title: str | None) -> str:
    """What a Source field's text (one line, as text) cites: after the Title field's title
    when it starts with it, else after the field's first ` · ` (an empty or changed Title
    field); the whole field when it has no ` · ` (written over in Anki)."""
    for head in title_heads(title) if title else ():
        if text.startswith(head):
            return text[len(head) :].strip()
    head, dot, rest = text.partition(JOIN)
    return rest.strip() if dot else head.strip()
