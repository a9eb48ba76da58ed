"""A card an import before made under an older rule for text written like a tag, found
unedited and written again by a plain re-import.

Imports before the fifty-second round removed `<eos>` as if it were HTML; before import52b
an Anki note's typed `&lt;s&gt;` and a Markdown answer's `\\<s>` (its backslash left); before
import53 a Markdown title's `\\<s>` or `&lt;s&gt;`. The card file such an import wrote lacks
that text, and a re-import refused it as changed: only `--force` brought the text back,
and `--force` writes over a card the user edited just the same. A file that is the card
with those texts taken out and nothing else changed (but for spaces, and the lone
backslash a rule before left where an escaped one was) holds nothing the user wrote: it is
written again with the text, its id and reviews kept, and the import says so. A file that
differs in anything else is refused as before.
"""

from __future__ import annotations

import dataclasses

from quiz.ecosystem.importplan import PlannedCard
from quiz.ecosystem.tagtext import lost_tags


def _escaped(tag: str) -> str:
    return tag.replace("<", "&lt;").replace(">", "&gt;")


def _words(text: object, lost: list[str]) -> object:
    """The text with each lost text taken out in every form a card holds it (as code,
    escaped, as written), the lone backslashes an escaped one left and every space (the
    rules before left a space where the text was, or none); other values as they are."""
    if isinstance(text, tuple):
        return tuple(_words(item, lost) for item in text)
    if not isinstance(text, str):
        return text
    for tag in lost:
        for form in (f"``{tag}``", f"`{tag}`", _escaped(tag), tag):
            text = text.replace(form, " ")
    return "".join(word for word in text.split() if word != "\\")


def _count(text: str, tag: str) -> int:
    """How often the text holds the tag, written as it is or escaped."""
    return text.count(tag) + text.count(_escaped(tag))


def repaired_tags(planned: PlannedCard, pack: str) -> list[str]:
    """The tag-like texts (`<s>`, `<eos>`) the card keeps that its file lacks, when the
    file is the card as an import under an older rule made it, unedited since (see the
    module's doc); [] for any other file, which is never written over without --force."""
    if "<" not in planned.text and "&lt;" not in planned.text:
        return []
    from quiz.bank.loader import CARD_LIMIT
    from quiz.bank.parse import parse_card
    from quiz.errors import InputFileError
    from quiz.textsafe import read_regular

    try:
        old_text = read_regular(planned.path, limit=CARD_LIMIT).decode("utf-8")
    except (InputFileError, UnicodeDecodeError):
        return []
    old_text = old_text.replace("\r\n", "\n")
    kept = lost_tags(planned.text, "")  # every such text the card keeps
    lost = [tag for tag in kept if _count(planned.text, tag) > _count(old_text, tag)]
    if not lost:
        return []
    topic = planned.path.parent.name
    old, _ = parse_card(old_text, planned.path, pack, topic, lint=False)
    new, _ = parse_card(planned.text, planned.path, pack, topic, lint=False)
    if old is None or new is None or old.kind != new.kind:
        return []
    if {n: s.text for n, s in old.sections.items()}.keys() != new.sections.keys():
        return []
    for name, section in new.sections.items():
        if _words(section.text, kept) != _words(old.sections[name].text, kept):
            return []
    if (old.hints, old.starter) != (new.hints, new.starter):
        return []
    assert dataclasses.is_dataclass(old.front) and dataclasses.is_dataclass(new.front)
    for field in dataclasses.fields(new.front):
        was, now = getattr(old.front, field.name), getattr(new.front, field.name)
        if _words(was, kept) != _words(now, kept):
            return []
    return lost


def repaired_said(lost: list[str]) -> str:
    """The notice of a card written again by `repaired_tags`."""
    return (
        f"its file is the card an earlier import made of this note with {', '.join(lost)}"
        " removed as if it were HTML, unedited since: written again with "
        f"{'it' if len(lost) == 1 else 'them'}, its id and reviews kept"
    )
