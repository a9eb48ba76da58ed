"""Lint warning: Markdown marks in a card title, which shows them as written.

A title is never rendered (lists, headings, the Anki export), so `**bold**`, `_it_`, a code
span `` `f(x)` `` or a link `[text](url)` reaches the reader with its asterisks, backticks
and brackets. Code is plain text in a title: `drillbit import` writes "Why call
model.eval() before validation?" for a note's "Why call `model.eval()` ...", and this rule
asks the same of a title written by hand, so an imported card lints clean.

Marks the parser reads as emphasis but a writer does not mean as such pass: a product
written `2*3*4` (a mark inside a word or number) and a Python dunder
(`__init__`: a lowercase name between double underscores; `__ReLU__` is bold).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from markdown_it.token import Token

from quiz.bank.markdown import parse_inline
from quiz.bank.models import Card
from quiz.bank.problems import Problem
from quiz.bank.title_dollars import SHOWN_AS_WRITTEN

__all__ = ["Markup", "title_markup", "title_markup_warnings"]

_MARK_CHARACTERS = frozenset("*_`[<~")
"""A title with none of these has no markup: most titles are never parsed."""

_CLOSES = {"em_open": "em_close", "strong_open": "strong_close", "s_open": "s_close"}
_CLOSES |= {"link_open": "link_close"}


@dataclass(frozen=True)
class Markup:
    """One marked run of a title: as written, as it should be written, and its marks."""

    shown: str
    """The run as the title writes it (`**bold**`, `` `f(x)` ``, `[text](url)`)."""
    plain: str
    """The run without its marks (`bold`, `f(x)`, `text`)."""
    marks: str
    """What the reader sees of the marks: 'asterisks', 'backticks', 'link syntax'..."""


def title_markup(title: str) -> list[Markup]:
    """The marked runs of `title` that a reader would see the marks of, in order."""
    if _MARK_CHARACTERS.isdisjoint(title):
        return []
    children = [c for token in parse_inline(title) for c in token.children or ()]
    found: list[Markup] = []
    index = 0
    while index < len(children):
        child = children[index]
        if child.type == "code_inline":
            found.append(_code(title, child))
        elif child.type in _CLOSES:
            end = _closing(children, index)
            markup = _marked(children, index, end)
            if markup is not None:
                found.append(markup)
                index = end
        index += 1
    return found


def title_markup_warnings(cards: Sequence[Card]) -> list[Problem]:
    """A `title-markup` warning at the title's line of each loaded card whose title has
    Markdown marks, naming the first (its column in the title) and the title without them."""
    problems: list[Problem] = []
    for card in cards:
        runs = title_markup(card.title)
        if not runs:
            continue
        first = runs[0]
        fixed = card.title
        for run in runs:
            fixed = fixed.replace(run.shown, run.plain, 1)
        column = card.title.find(first.shown) + 1
        where = f" (column {column} of the title)" if column else ""
        others = len(runs) - 1
        more = (
            f", and {others} more run{'s' * (others > 1)} {'their' if others > 1 else 'its'} marks"
            if others
            else ""
        )
        problems.append(
            Problem(
                card.path,
                card.lines.get("title", 1),
                1,
                "title-markup",
                f"title: '{first.shown}'{where} shows its {first.marks}{more}: "
                f"{SHOWN_AS_WRITTEN}, never rendered: write '{fixed}'",
                severity="warning",
            )
        )
    return problems


def _code(title: str, token: Token) -> Markup:
    """A code span as written: its backticks around its code (the parser trims one space
    each side of code that is padded, `` ` x ` ``; the title's own text is looked for)."""
    shown = f"{token.markup}{token.content}{token.markup}"
    if shown not in title:
        padded = f"{token.markup} {token.content} {token.markup}"
        shown = padded if padded in title else shown
    return Markup(shown, token.content, "backticks")


def _closing(children: list[Token], start: int) -> int:
    """The index of the token closing the one opened at `start` (nesting counted)."""
    opens, closes = children[start].type, _CLOSES[children[start].type]
    depth = 0
    for index in range(start, len(children)):
        kind = children[index].type
        depth += (kind == opens) - (kind == closes)
        if depth == 0:
            return index
    return len(children) - 1


def _marked(children: list[Token], start: int, end: int) -> Markup | None:
    """The run from `start` to `end` (an emphasis, a strikethrough or a link), or None when
    its marks are no markup to a reader: inside a word (`2*3*4`) or a dunder (`__init__`)."""
    opening = children[start]
    inner = "".join(_raw(c) for c in children[start + 1 : end])
    plain = "".join(c.content for c in children[start + 1 : end])
    if opening.type == "link_open":
        href = str(opening.attrs.get("href", ""))
        if opening.markup == "autolink":
            return Markup(f"<{plain}>", plain, "angle brackets")
        return Markup(f"[{inner}]({href})", plain, "link syntax")
    before = _raw(children[start - 1])[-1:] if start > 0 else ""
    after = _raw(children[end + 1])[:1] if end + 1 < len(children) else ""
    if before.isalnum() or after.isalnum():
        return None
    if opening.markup == "__" and plain.isidentifier() and plain.islower():
        return None
    marks = {"*": "asterisks", "_": "underscores", "~": "tildes"}[opening.markup[:1]]
    return Markup(f"{opening.markup}{inner}{opening.markup}", plain, marks)


def _raw(token: Token) -> str:
    """A token inside a marked run as it is written: nested marks and code spans kept."""
    if token.type == "code_inline":
        return f"{token.markup}{token.content}{token.markup}"
    if token.type.endswith(("_open", "_close")) and token.type != "link_open":
        return token.markup
    return token.content
