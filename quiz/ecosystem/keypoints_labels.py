"""Labelled statements (`**Label:** rest`) and list items as candidate key points: a
label read from the parsed markup, an item's point with the label it sits under, a task
item's checkbox taken off."""

from __future__ import annotations

import re

from markdown_it.token import Token

from quiz.bank.markdown import parse_inline
from quiz.ecosystem.keypoints_candidate import PointCollector, inline_as_line, inline_holder
from quiz.ecosystem.keypoints_sentences import single_spaced
from quiz.ecosystem.titles import strip_emoji

__all__ = ["CHECKBOX", "TASK_MARK", "inline_text_of", "item_point", "label_texts", "labelled"]

_LABEL = re.compile(r"^(?:\*\*|__)([^*_]+?)\s*(:?)\s*(?:\*\*|__)\s*(:?)\s*(.*)$", re.DOTALL)
_PLAIN_LABEL = re.compile(r"^[^:$`]{1,30}:\s")


def labelled(text: str) -> tuple[str, str] | None:
    """(label, rest) for `**Label:** rest` (the colon inside or after the bold)."""
    match = _LABEL.match(text.strip())
    if match is None or not (match.group(2) or match.group(3)):
        return None
    return single_spaced(match.group(1)), match.group(4).strip()


CHECKBOX = re.compile(r"\[[ xX]\][ \t]+")
"""A task list item's checkbox (`- [ ] add an example`, `- [x] read the paper`), as
Obsidian, GitHub and Logseq's Markdown write it."""
TASK_MARK = re.compile(CHECKBOX.pattern + r"(?=\S)")
"""A checkbox with the item's words after it."""


def item_point(
    raw: str, inline: Token, text: str, depth: int, label: str, sublabel: str, out: PointCollector
) -> tuple[str, str]:
    """One list item's point; returns the (label, sublabel) context for the next ones."""
    pair = label_texts(raw, inline)
    if pair is not None and not pair[1]:
        return label, pair[0]
    nested = depth > 1
    context = sublabel if nested and sublabel else label
    task = TASK_MARK.match(text)
    if task is not None:  # `- [ ] add an example`: a to-do of the notes' more often than not
        out.add(text[task.end() :], 2)
        return label, (sublabel if nested else "")
    if pair is not None:
        text = f"{pair[0]}: {pair[1]}"
    elif context and not _PLAIN_LABEL.match(text):
        text = f"{context}: {text}"
    out.add(text, 0, labelled=pair is not None)
    return label, (sublabel if nested else "")


_FLAT = frozenset({"text", "text_special", "code_inline", "math_inline", "softbreak"})
"""Inline tokens a label is read from as is (anything else: the label is parsed alone)."""


def label_texts(raw: str, inline: Token, quoted: bool = False) -> tuple[str, str] | None:
    """(label, rest) as point text for a `**Label:** rest` paragraph, or None when it is not
    one; read from the paragraph's parsed markup (`inline`) when its bold run is the
    plain `**Label:**` the pattern saw, else by parsing the two parts alone. A callout's
    icon before the label in a quote ("> 💡 **Rule:** ...", as Notion writes it) is left
    out."""
    bold = min((raw.find(mark) for mark in ("**", "__") if mark in raw), default=0)
    if quoted and bold and _icon_only(raw[:bold], quoted):
        raw = raw[bold:]
    pair = labelled(raw)
    if pair is None:
        return None
    kids = inline.children or []
    while kids and kids[0].type == "text" and _icon_only(kids[0].content, quoted):
        kids = kids[1:]  # the parser may open with an empty text token (or a quote's icon)
    close = next((i for i, c in enumerate(kids) if c.type == "strong_close"), 0)
    if (
        not kids
        or kids[0].type != "strong_open"
        or close < 2
        or any(c.type not in _FLAT for c in kids[1:close])
    ):
        return inline_text_of(pair[0]), inline_text_of(pair[1]) if pair[1] else ""
    label = inline_as_line(inline_holder(kids[1:close]))
    label = label[:-1].rstrip() if label.endswith(":") else label
    rest = inline_as_line(inline_holder(kids[close + 1 :]))
    rest = rest[1:].lstrip() if rest.startswith(":") else rest
    return label, rest


def _icon_only(text: str, quoted: bool) -> bool:
    """True for text that is nothing, or in a quote only a callout's icon ("💡 ")."""
    return not (strip_emoji(text) if quoted else text).strip()


def inline_text_of(markdown: str) -> str:
    """A fragment of inline Markdown as one line of point text."""
    tokens = parse_inline(markdown)
    return inline_as_line(tokens[0]) if tokens else single_spaced(markdown)
