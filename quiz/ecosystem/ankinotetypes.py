"""What a note's Anki note type says of its fields: drillbit's own types (choice,
numeric, the CardId field), a reversed card, an Image Occlusion note."""

from __future__ import annotations

import html
import re

from quiz.bank.models import KEBAB
from quiz.ecosystem.ankisource import title_heads

__all__ = [
    "CARD_ID_FIELD",
    "OCCLUSION",
    "OWN_POINTS_FIELD",
    "own_note",
    "own_type_of",
    "reversed_card",
]

_OWN_CHOICE = "drillbit choice"
_OWN_NUMERIC = "drillbit numeric"
"""drillbit's own note types (`drillbit export anki`), whose second field is not the
answer: a choice note's is the list of choices, wrong ones too (then its Answer, each
choice marked, then its Explanation); a numeric note's is the number alone (then its
Explanation). Read as the first field and the second, a choice note's wrong choices
became the card's answer and key points."""
CARD_ID_FIELD = {"drillbit concept": 4, _OWN_CHOICE: 5, _OWN_NUMERIC: 4}
"""Where each of drillbit's note types holds its card's id (the CardId field)."""
OWN_POINTS_FIELD = {"drillbit concept": 2}
"""Where drillbit's concept note type holds its card's key points (the KeyPoints field)."""
_RIGHT_CHOICE = re.compile(r"^- ✓ (.*)$", re.MULTILINE)
"""A right choice in a choice note's Answer field, as `field_markdown` reads its list."""
OCCLUSION = (
    "an Image Occlusion note: what it asks is hidden in its image, and import reads a"
    " note's text only"
)
"""Why an Image Occlusion note (its first field `{{c1::image-occlusion:rect:...}}`) gives
no card: asked as a cloze, its question was `[...]`, reported as an answer too short."""


def reversed_card(kind: str | None, texts: list[str]) -> bool:
    """Whether Anki makes a reversed card of the note too (asked from its answer): a
    `Basic (and reversed card)` note, or a `Basic (optional reversed card)` note whose
    third field (Add Reverse) is filled in."""
    name = (kind or "").lower()
    if "(and reversed card)" in name:
        return True
    return "(optional reversed card)" in name and len(texts) > 2 and bool(texts[2])


def own_note(kind: str | None, texts: list[str]) -> tuple[str, str] | str | None:
    """A note of drillbit's own choice or numeric type as (question, answer): the choices
    asked with the question, the right ones (or the number and what is accepted) and the
    explanation as the answer; a reason to leave it out when its right choices cannot be
    told (exported without HTML, its list run together); None for any other note."""
    if kind == _OWN_CHOICE and len(texts) >= 4:
        right = _RIGHT_CHOICE.findall(texts[2])
        if not right:
            return (
                "a 'drillbit choice' note whose right choices cannot be told from the wrong"
                " ones (exported without HTML); export it with 'Include HTML and media"
                " references'"
            )
        answer = "\n".join(f"- {choice}" for choice in right)
        return texts[0] + "\n\n" + texts[1], "\n\n".join(p for p in (answer, texts[3]) if p)
    if kind == _OWN_NUMERIC and len(texts) >= 3:
        return texts[0], "\n\n".join(p for p in (texts[1], texts[2]) if p)
    return None


_NUMERIC_ANSWER = '<div class="numeric-answer">'
_CHOICE_LIST = '<ol class="choices">'
_KEBAB_ID = re.compile(KEBAB)


def own_type_of(fields: list[str]) -> str | None:
    """The drillbit note type of a note exported without its type's name (Anki's "Include
    notetype name" unticked, as it is unless ticked), told by what only our export writes:
    a Source field `TITLE · source` right before a CardId field holding a card id and a
    Title field holding TITLE; a numeric note's Answer opening `<div
    class="numeric-answer">`, a choice note's holding `<ol class="choices">`. `fields` are
    the note's, as HTML (an export without HTML says too little); None for any other note,
    which is read by its first two fields as before."""
    for name, at in CARD_ID_FIELD.items():
        if len(fields) < at + 2 or not _KEBAB_ID.match(fields[at].strip()):
            continue
        title = html.unescape(fields[at + 1]).strip()
        if not title or not html.unescape(fields[at - 1]).startswith(title_heads(title)):
            continue
        numeric = fields[1].startswith(_NUMERIC_ANSWER)
        if name == _OWN_CHOICE and _CHOICE_LIST not in fields[2]:
            continue
        if (name == _OWN_NUMERIC) != numeric:
            continue
        return name
    return None
