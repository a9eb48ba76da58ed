"""The Source field of a drillbit note (`anki.note_for`): the card's title, ` · `, then
what the card cites. Written and read here, so the split is where the join was.

A title may hold ` · ` itself (`Bias · variance`): read without the Title field (Anki
dropped it, or the user changed it), the field split at its first ` · ` and the rest of
the title came back as the start of the citation. Since the fifty-second round each `·`
of the title is written as `⋅` (U+22C5, the same dot on a card), so the first ` · ` is
the join. A field written before (its title's dots as they were) reads as it did.
"""

from __future__ import annotations

from quiz.ecosystem.ankifields import plain_text

__all__ = ["JOIN", "cited_part", "source_field", "source_title", "title_heads"]

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


def source_title(fields: list[str], at: int | None, as_html: bool) -> str | None:
    """The title a drillbit note's Source field (`fields[at - 1]`, right before its
    CardId) starts with, as text (an export without HTML holds it as text already: its
    `<s>` is the title's), its dots read back from `⋅`; None when the field holds no ` · `
    (written over in Anki) or nothing before it."""
    if at is None or at < 1 or at > len(fields):
        return None
    field = plain_text(fields[at - 1]) if as_html else fields[at - 1]
    head, dot, _rest = " ".join(field.split()).partition(JOIN)
    return head.strip().replace(_TITLE_DOT, "·") if dot and head.strip() else None
