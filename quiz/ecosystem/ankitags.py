"""A note's Anki tags as card tags, and the topic drillbit's own export names in them."""

from __future__ import annotations

from quiz.ecosystem.idwords import card_tag, nested_tags

__all__ = [
    "note_tags",
    "own_topic",
]

_OWN_TAG = "drillbit::tag::"
_OWN_TOPIC = "drillbit::topic::"
"""The namespaces of drillbit's export (`drillbit export anki`) for a card's tags and topic."""
_ANKI_OWN_TAGS = frozenset({"leech"})
"""Tags Anki's scheduler adds of itself (a card failed too often there): about the review
history in Anki, which does not come along, not about the note."""


def note_tags(field: str) -> tuple[str, ...]:
    """The card tags of a note's tags field (space-separated, or comma-separated as a
    spreadsheet's or a Notion database's are: `ML, Deep Learning`), each once, in order, a
    nested one as its levels (`ml::dl` -> `ml`, `ml-dl`); a
    tag of drillbit's own export is the card's tag it was made from (`drillbit::tag::relu`
    -> `relu`), and its topic tag is no tag (`own_topic`)."""
    tags = (
        tag
        for written in (field.split(",") if "," in field else field.split())
        if written.lower() not in _ANKI_OWN_TAGS and _unprefixed(written, _OWN_TOPIC) is None
        for tag in _card_tags(written)
    )
    return tuple(dict.fromkeys(tags))


def _card_tags(written: str) -> tuple[str, ...]:
    """A note's tag as card tags: drillbit's own export's as the one it was made from, any
    other a nested one's levels (`ml::dl` -> `ml`, `ml-dl`: `nested_tags`)."""
    own = _unprefixed(written, _OWN_TAG)
    if own is not None:
        return (tag,) if (tag := card_tag(own)) else ()
    return nested_tags(written)


def own_topic(field: str) -> str | None:
    """The topic a note of drillbit's own export names in its tags (`drillbit::topic::X`,
    the card's topic folder, where its deck is the pack's title), if any."""
    return next((t for t in (_unprefixed(tag, _OWN_TOPIC) for tag in field.split()) if t), None)


def _unprefixed(tag: str, prefix: str) -> str | None:
    """`tag` without `prefix` (Anki's tags ignore case), or None when it has another start."""
    return tag[len(prefix) :] if tag.lower().startswith(prefix) else None
