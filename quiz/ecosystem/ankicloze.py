"""An Anki cloze note's deletions (`{{c1::answer::hint}}`) as questions and answers.

A card of a deletion's number shows each of its deletions as `[...]` (or `[hint]`) and the
others' text, and is answered with the text whole, its deletions in bold; a nested
deletion (`{{c1::a {{c2::b}} }}`) is read from the innermost out.
"""

from __future__ import annotations

import re
from collections.abc import Callable

__all__ = [
    "cloze_numbers",
    "cloze_sides",
    "deletions",
    "one_line_deletions",
]

_CLOZE = re.compile(
    r"\{\{c(\d+)::((?:(?!::|\}\}|\{\{c\d+::).)*+)(?:::((?:(?!\}\}|\{\{c\d+::).)*+))?\}\}",
    re.DOTALL,
)
"""An Anki deletion holding no other: its number, its text up to its first `::`, its hint
after it, read to its first `}}` as Anki reads it. A nested one (Anki 2.1.56 on:
`{{c1::a {{c2::b}} }}`) is its innermost (`_innermost_first`). Its text stops at the next
deletion's start: `(.*?)(?:::(.*?))?` backtracked over the rest of the field from every
`{{c1::` left open, and an export with `std::` in such a field took minutes (8 KB of
unclosed `{{c1::`: 45 s)."""
_CLOZE_START = re.compile(r"\{\{c(\d+)::")
_LINE_BREAK = re.compile(r"[ \t]*\n[ \t]*")


def _deletion_on_one_line(match: re.Match[str]) -> str:
    """A deletion whose text holds a line break (`{{c1::a running mean<br>of the
    gradient}}`, Anki's editor wraps a long one) on one line: hidden it is one `[...]`, but
    the card of another number was titled by the line before the break alone ("Explain
    adam keeps a running mean."), its question cut mid-sentence."""
    return _LINE_BREAK.sub(" ", match.group(0))


def cloze_sides(front: str, number: str | None = None, *, hints: bool = True) -> tuple[str, str]:
    """(the question with each deletion of `number` hidden, the text whole with those
    deletions bold); every deletion when `number` is None. Another number's deletion
    shows its text, as Anki shows it on this number's card. `hints=False`: a hidden
    deletion is `[...]` even when it has a hint (the text a card's id is made from)."""

    def asked(match: re.Match[str]) -> str:
        if number is None or match.group(1) == number:
            return f"[{(match.group(3) if hints else None) or '...'}]"
        return match.group(2)

    def whole(match: re.Match[str]) -> str:
        if number is None or match.group(1) == number:
            text = match.group(2)
            core = text.strip(" ")  # `{{c1::a {{c2::b}} }}`: bold around the words only
            if not core:
                return text
            at = text.index(core)
            core = core.replace(_BOLD_OPEN, "").replace(_BOLD_CLOSE, "")
            return f"{text[:at]}{_BOLD_OPEN}{core}{_BOLD_CLOSE}{text[at + len(text.strip(' ')) :]}"
        return match.group(2)

    if len(_CLOZE_START.findall(front)) == len(_CLOZE.findall(front)):
        return _CLOZE.sub(asked, front), _bold(_CLOZE.sub(whole, front))
    # nested: the innermost deletions first, so an outer one holds its inner one's text
    # (or `[...]` on the inner one's card); the first `}}` ended the outer one, and its
    # question read "A [self-attention] }} in every layer."
    return (
        _SPACES.sub(" ", _innermost_first(asked, front)),
        _SPACES.sub(" ", _bold(_innermost_first(whole, front))),
    )


_BOLD_OPEN, _BOLD_CLOSE = "\ue000", "\ue001"
"""Where a bold deletion opens and closes until the text is whole: an outer deletion bold
around an inner one bold too takes the inner one's marks off, so the whole note reads
`**a b**`, not `**a **b****` (which Markdown shows as bold, plain, then stray stars)."""


def _bold(text: str) -> str:
    """The text with its deletions' bold marks written as Markdown's `**`."""
    return text.replace(_BOLD_OPEN, "**").replace(_BOLD_CLOSE, "**")


_SPACES = re.compile(r"(?<=\S) {2,}(?=\S)")
"""Spaces left doubled where a nested deletion's closing braces were spaced (`b}} }}`)."""


def cloze_numbers(front: str) -> list[str]:
    """The numbers of the note's deletions, a nested one's too, in order; a `{{c1::` never
    closed is text, as it is in the card."""
    if "{{c" not in front:
        return []
    found: set[str] = set()

    def seen(match: re.Match[str]) -> str:
        found.add(match.group(1))
        return match.group(2)

    _innermost_first(seen, front)
    return sorted(found, key=int)


def _innermost_first(replace: Callable[[re.Match[str]], str], front: str) -> str:
    """`front` with its deletions replaced from the innermost out (a bounded loop: each
    pass replaces one level)."""
    for _ in range(len(_CLOZE_START.findall(front)) + 1):
        done = _CLOZE.sub(replace, front)
        if done == front:
            break
        front = done
    return front


def deletions(front: str) -> list[tuple[str, str]]:
    """(number, text) of each deletion holding no other, in order."""
    return [(m.group(1), m.group(2)) for m in _CLOZE.finditer(front)]


def one_line_deletions(front: str) -> str:
    """`front` with each deletion's text on one line (`_deletion_on_one_line`)."""
    return _CLOZE.sub(_deletion_on_one_line, front)
