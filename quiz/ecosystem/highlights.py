"""Obsidian highlights (`==text==`): shown as bold in an answer, as plain text in a title.

Obsidian (and Logseq, Bear, Typora) mark the words that matter with `==...==`; the card
reader has no highlight, so a card kept the marks literally ("over the ==mini-batch==").
A highlight opens with `==` before a non-space and closes with `==` after one, as those
editors read it (`a == b` is no highlight). Its text is bold in an answer, where bold is
what the card reader shows for emphasis, and plain where bold would not be read as such
(inside a bold run, or around one). Code spans and inline math are left alone (`x==1`
is Python); the caller leaves out fenced and indented code.
"""

from __future__ import annotations

import re
from collections.abc import Callable

HIGHLIGHT = re.compile(r"(?<![=\\])==(?=[^\s=])(.*?[^\s=\\])==(?!=)")
_PROTECTED = re.compile(r"(`+).+?\1|\$\$.+?\$\$|(?<!\\)\$[^$\s](?:[^$]*?[^$\s\\])?\$")
"""Code spans and inline math (`$x$`, `$$x$$`) on one line: no highlight is read there."""


def _outside_protected(line: str, rewrite: Callable[[str], str]) -> str:
    """`line` with `rewrite` applied to its text between code spans and formulas."""
    out: list[str] = []
    at = 0
    for span in _PROTECTED.finditer(line):
        out.append(rewrite(line[at : span.start()]))
        out.append(span.group(0))
        at = span.end()
    out.append(rewrite(line[at:]))
    return "".join(out)


def bold_highlights(line: str) -> str:
    """The line of an answer with each highlight as bold text (see the module docstring)."""
    if "==" not in line:
        return line
    bold_before = 0  # `**` marks already passed on the line, outside code and math

    def rewrite(text: str) -> str:
        nonlocal bold_before
        out: list[str] = []
        at = 0
        for match in HIGHLIGHT.finditer(text):
            bold_before += text.count("**", at, match.start())
            inner = match.group(1)
            plain = bold_before % 2 == 1 or "**" in inner or inner[0] == "*" or inner[-1] == "*"
            out.append(text[at : match.start()])
            out.append(inner if plain else f"**{inner}**")
            bold_before += inner.count("**")
            at = match.end()
        bold_before += text.count("**", at)
        out.append(text[at:])
        return "".join(out)

    return _outside_protected(line, rewrite)


def plain_highlights(title: str) -> str:
    """A question's title with its highlights' marks taken off."""
    if "==" not in title:
        return title
    return _outside_protected(title, lambda text: HIGHLIGHT.sub(r"\1", text))
