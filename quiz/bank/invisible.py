"""Lint warning: an invisible character inside a card's text (a byte-order mark where two
files were pasted together, a zero-width space or word joiner from a web page, a soft
hyphen from a word processor).

Each shows as nothing, in the editor and on the card, yet splits the word it is in, so a
search for that word does not find the card (and in code it is a syntax error no one can
see). The check of the line before `---` (`parse._before_opening`) names the same
characters; a byte-order mark at the very start is the file's encoding mark, read past by
the loader, and is not told.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from pathlib import Path

from quiz.bank.problems import Problem

__all__ = ["INVISIBLE", "invisible_char_warnings"]

INVISIBLE = "\ufeff\u200b\u00ad\u2060"
"""The characters told: the ones a paste leaves (other format characters, such as the
joiners of emoji sequences and the marks of right-to-left text, do a visible job)."""

_FOUND = re.compile(f"[{INVISIBLE}]")
_ALSO_KNOWN = {"\ufeff": ", a byte-order mark"}
_LINE_END = re.compile(r"\r\n|\r|\n")


def invisible_char_warnings(text: str, path: Path) -> list[Problem]:
    """An `invisible-char` warning at the line and column of each one in a card file's
    `text`, as the load read it (lint's load tells them of each card that loads: the file
    is read once)."""
    problems: list[Problem] = []
    for line, col, char in _places(text.removeprefix("\ufeff")):
        name = unicodedata.name(char).lower() + _ALSO_KNOWN.get(char, "")
        problems.append(
            Problem(
                path,
                line,
                col,
                "invisible-char",
                f"U+{ord(char):04X} ({name}) here shows as nothing, and a search for the "
                "word it is in does not find it: delete it",
                severity="warning",
            )
        )
    return problems


def _places(text: str) -> Iterator[tuple[int, int, str]]:
    """(line, column, character) of each invisible character, 1-based (lines as the
    loader's Markdown counts them: at LF, CRLF or a lone CR, as an editor shows them)."""
    if _FOUND.search(text) is None:
        return
    for number, line in enumerate(_LINE_END.split(text), 1):
        for match in _FOUND.finditer(line):
            yield number, match.start() + 1, match.group()
