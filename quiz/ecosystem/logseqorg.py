"""Logseq's org-mode blocks in Markdown pages (`#+BEGIN_NOTE` ... `#+END_NOTE`), read as
what Logseq shows: their text, or code.

Logseq writes a callout as `- #+BEGIN_NOTE` (TIP, IMPORTANT, CAUTION, WARNING, PINNED),
a quote as `#+BEGIN_QUOTE` and code as `#+BEGIN_SRC python`, each closed by `#+END_...`
on a line of its own, and shows a box, a quote or highlighted code without the markers.
Read as Markdown the markers were words: a card's answer held "#+BEGIN_NOTE Use it with
RNNs... #+END_NOTE", and that was a key point. Here a box's or quote's markers are taken
off (the block's list mark goes to its first line of text), and a SRC or EXAMPLE block
becomes a fence; every line keeps its number. An unclosed block is left as written.
"""

from __future__ import annotations

import re

from quiz.ecosystem.fences import outside_fences

_BEGIN = re.compile(
    r"^(?P<lead>[ \t]*(?:[-*+][ \t]+)?)#\+BEGIN_(?P<kind>[A-Za-z]+)(?:[ \t]+(?P<arg>\S+))?[^\r]*$"
)
_END = re.compile(r"^[ \t]*#\+END_(?P<kind>[A-Za-z]+)[ \t]*$")
_TEXT_KINDS = frozenset("NOTE TIP IMPORTANT CAUTION WARNING PINNED QUOTE CENTER VERSE".split())
"""Blocks Logseq shows as their text in a box or a quote."""
_CODE_KINDS = frozenset({"SRC", "EXAMPLE"})
"""Blocks Logseq shows as code."""
_ITEM = re.compile(r"^([ \t]*)[-*+][ \t]+")


def read_org_blocks(text: str) -> str:
    """The notes with Logseq's org-mode blocks read (see the module's docstring)."""
    if "#+BEGIN_" not in text and "#+begin_" not in text:
        return text  # the common case: no copy of a large file
    rows = text.split("\n")
    walked = list(outside_fences(rows, in_items=True))
    at = 0
    while at < len(walked):
        index = walked[at]
        body = rows[index].rstrip("\r")
        begin = _BEGIN.match(body)
        at += 1
        if begin is None:
            continue
        kind = begin.group("kind").upper()
        if kind not in _TEXT_KINDS and kind not in _CODE_KINDS:
            continue
        end = _closing(rows, walked, at, kind)
        if end is None:
            continue
        lead = begin.group("lead")
        if kind in _CODE_KINDS:
            language = (begin.group("arg") or "") if kind == "SRC" else ""
            _put(rows, index, f"{lead}```{language}")
            closing = rows[end].rstrip("\r")
            _put(rows, end, f"{closing[: len(closing) - len(closing.lstrip())]}```")
            at = walked.index(end) + 1  # its lines are code, not blocks
            continue
        _put(rows, index, "")
        _put(rows, end, "")
        item = _ITEM.match(lead)
        if item is not None and index + 1 < end:  # the block's list mark goes to its text
            first = rows[index + 1]
            _put(rows, index + 1, f"{lead}{first.rstrip(chr(13)).lstrip()}")
    return "\n".join(rows)


def _closing(rows: list[str], walked: list[int], at: int, kind: str) -> int | None:
    """The row of the `#+END_` line closing a block of `kind` opened before `walked[at]`."""
    for index in walked[at:]:
        end = _END.match(rows[index].rstrip("\r"))
        if end is not None and end.group("kind").upper() == kind:
            return index
    return None


def _put(rows: list[str], index: int, text: str) -> None:
    """Replace a row's text, keeping its line end (a CR of a CRLF file)."""
    row = rows[index]
    rows[index] = text + ("\r" if row.endswith("\r") else "")
