"""Text written like an HTML tag that a card keeps, and how an import before read it.

Anki stores a field as HTML: bold is a raw `<b>` tag, while `<b>` typed as text (a card
about HTML, a sentencepiece model's `<s>`) is stored escaped, `&lt;b&gt;`. Both were
unescaped first and then stripped alike, so the typed text was lost. Read before the
unescaping, the escaped one is kept: as code in an answer, as written (`&lt;s&gt;`, which
Markdown shows as `<s>`) in a question, its id made as before (`as_read_before`).
A card file an import made before lacks that text; the refusal to write over it names
it (`lost_tags`), as it does the `<eos>` that imports before the fifty-second round removed.
"""

from __future__ import annotations

import re

from quiz.ecosystem.htmlstrip import is_html_tag

ESCAPED_TAG = re.compile(r"&lt;(/?[A-Za-z][\w-]*(?:\s[^<>]*?)?/?)&gt;")
"""A tag typed as text in an HTML field: `&lt;b&gt;`, `&lt;/s&gt;`, `&lt;eos&gt;`."""
_WRITTEN_TAG = re.compile(r"</?[A-Za-z][\w-]*(?:\s[^<>]*)?/?>")


def as_read_before(text: str) -> str:
    """The text with each escaped tag unescaped, as imports before this rule read it:
    the title an Anki note's id is made from, so that its id stays what it was."""
    return ESCAPED_TAG.sub(lambda m: f"<{m.group(1)}>", text) if "&lt;" in text else text


def lost_tags(card: str, old: str) -> list[str]:
    """The tag-like texts the card keeps (`<s>` typed in Anki, `<eos>` in Markdown) that
    the file `old` holds in no form: an import before removed them as HTML. Each once."""
    if "<" not in card and "&lt;" not in card:
        return []
    found = [f"<{m.group(1)}>" for m in ESCAPED_TAG.finditer(card)]
    found += [m.group(0) for m in _WRITTEN_TAG.finditer(card)]
    kept = (
        t
        for t in dict.fromkeys(found)
        if not is_html_tag(t) or f"`{t}`" in card or _escaped(t) in card
    )
    return [t for t in kept if t not in old and _escaped(t) not in old]


def _escaped(tag: str) -> str:
    return tag.replace("<", "&lt;").replace(">", "&gt;")
