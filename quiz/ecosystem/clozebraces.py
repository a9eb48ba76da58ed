"""A Logseq or RemNote cloze's text read to the `}}` that closes it, past its math's braces.

`{{cloze $e^{\\frac{a}{b}}$}}` (Logseq) and `{{$\\frac{1}{1+e^{-x}}$}}` (RemNote) hold a
formula whose braces close in `}}`: a reader stopping at the first `}}` cut the cloze
inside the formula, and one refusing braces read no cloze at all (the card was skipped,
"no answer", or its `{{...}}` left as text). Here the text is read with its braces
balanced, nested a few deep as formulas nest them, so the `}}` that closes the cloze is
the first one outside every brace pair. Anki's own deletions end at their first `}}`, as
Anki reads them (`clozefront.early_ends` names one that a formula's `}}` ends early).
"""

from __future__ import annotations

import re

from quiz.ecosystem.linenames import line_numbers

__all__ = ["BALANCED", "apart_closing_braces", "unpaired", "unpaired_note"]

_DEPTH = 6
"""How deep braces nest in a cloze's formula (`e^{\\frac{a}{b^{2}}}` is three)."""


def _balanced(depth: int) -> str:
    """A pattern for text on one line whose braces pair up, nested at most `depth` deep;
    possessive, and each choice decided by its first character, so it never backtracks."""
    inner = r"[^{}\n]*+"
    for _ in range(depth):
        inner = rf"(?:[^{{}}\n]++|\{{{inner}\}})*+"
    return inner


BALANCED = _balanced(_DEPTH)
"""Text whose braces pair up (none at all too), on one line."""

_CLOSING_RUN = re.compile(r"\}(?=\})")


def apart_closing_braces(text: str) -> str:
    """`text` with each `}}` written `} }`, as a formula means the same either way: a
    RemNote cloze written as Anki's (`{{c1::...}}`) is read to its first `}}`, as Anki
    reads it, so its formula's must not be one."""
    return _CLOSING_RUN.sub("} ", text)


def unpaired(text: str, opener: str, read: re.Pattern[str]) -> list[tuple[int, str]]:
    """Each cloze that `opener` opens in `text` which `read` (a pattern reading the whole
    cloze, braces paired) does not read but a `}}` after it on the line would close, as
    written to that `}}`, after where it starts: its braces do not pair up (`{{cloze $\\frac{1}{2$}}`), and the
    user is told rather than the cloze read to a guessed end."""
    found = []
    at = text.find(opener)
    while at >= 0:
        end = text.find("}}", at + len(opener))
        newline = text.find("\n", at)
        if end < 0 or 0 <= newline < end:
            break
        inside = text[at + len(opener) : end]
        if read.match(text, at) is None and ("{" in inside or "}" in inside):
            found.append((at, text[at : end + 2]))
        at = text.find(opener, at + len(opener))
    return found


def unpaired_note(found: tuple[tuple[int, str], ...]) -> str | None:
    """One line for the import's report on the clozes `unpaired` found ((1-based line, the
    cloze as written), in order), or None when there are none."""
    if not found:
        return None
    lines = line_numbers(list(dict.fromkeys(n for n, _ in found)), len(found))
    return (
        f"'{found[0][1]}' ({lines}): its braces do not pair"
        " up, so it is not read as a cloze and its text stays as written: give each '{' its"
        " '}'"
    )
