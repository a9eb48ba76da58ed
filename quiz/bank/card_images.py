"""Lint warning: a card's image that a reader will not see.

`drillbit export anki` carries a card's images (`![loss curve](figures/loss.png)`, a file
inside the card's pack) into the package, and names the ones it leaves out; lint said
nothing of them, so a missing figure, one outside the pack, or an image whose path has a
space (Markdown then reads the whole `![...](...)` as text) reached every reader. The
`image-not-shown` warning tells the author at the image's line and column, before a commit.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Final
from urllib.parse import unquote, urlsplit

from quiz.bank.markdown import parse
from quiz.bank.models import Card
from quiz.bank.problems import Problem

__all__ = ["CODE", "file_lines", "image_warnings"]

CODE: Final = "image-not-shown"
_WITH_SPACE: Final = re.compile(r"!\[[^\]\n]*\]\((?!<)([^)\s\"'<]+(?:[ \t]+[^)\s\"'(]+)+)\)")
"""`![alt](figs/a b.png)`: a destination with a space and no `<...>` around it, which
CommonMark does not read as an image (a title, `![a](b.png "Title")`, is quoted)."""


def image_warnings(cards: Sequence[Card]) -> list[Problem]:
    """An `image-not-shown` warning at each image of a card that is missing, outside its pack, or
    not read as an image at all; web addresses and absolute paths are the reader's."""
    problems: list[Problem] = []
    for card in cards:
        found = list(_images(card))
        lines = file_lines(card.path) if found else []
        for first, last, written, why in found:
            line, column = _place(lines, first, last, written)
            problems.append(
                Problem(
                    card.path,
                    line,
                    column,
                    "image-not-shown",
                    f"image '{written}' {why}",
                    severity="warning",
                )
            )
    return problems


def _images(card: Card) -> Iterator[tuple[int, int, str, str]]:
    """(the first and last file line of its paragraph, the image as written, what is wrong)
    of each image of `card` to warn of."""
    pack_dir = card.path.parent.parent  # <pack>/<topic>/<id>.md
    for section in card.sections.values():
        if "![" not in section.text:
            continue  # most sections hold no image: never parsed here
        for token in parse(section.text):
            if token.type != "inline" or token.map is None or not token.children:
                continue
            first = section.line + 1 + token.map[0]
            last = section.line + token.map[1]
            text = "".join(c.content for c in token.children if c.type == "text")
            for match in _WITH_SPACE.finditer(text):
                yield (
                    first,
                    last,
                    match.group(1),
                    "is not read as an image (its path has a space): write the path "
                    f"between < and >, ![...](<{match.group(1)}>), or rename the file",
                )
            for child in token.children:
                if child.type == "image":
                    why = _missing(str(child.attrs.get("src", "")), card.path, pack_dir)
                    if why is not None:
                        yield first, last, unquote(str(child.attrs.get("src", ""))), why


def _missing(source: str, card_path: Path, pack_dir: Path) -> str | None:
    """Why a local image is not shown (as the Anki export reads it), or None."""
    parts = urlsplit(source)
    if parts.scheme or parts.netloc or source.startswith(("/", "#")) or not parts.path:
        return None
    target = card_path.parent / unquote(parts.path)
    try:
        inside = target.resolve().is_relative_to(pack_dir.resolve())
    except (OSError, RuntimeError):
        inside = False
    if not inside:
        return "is outside the card's pack: the Anki export leaves it out (put it beside the card)"
    if not target.is_file():
        return (
            "is not there (the path is read from the card's folder): the Anki export leaves it out"
        )
    return None


def file_lines(path: Path) -> list[str]:
    """The card file's lines as written, to place a warning in (none when unreadable)."""
    try:
        return path.read_text(encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError):
        return []


def _place(lines: list[str], first: int, last: int, written: str) -> tuple[int, int]:
    """The line and 1-based column of the image's `![` in its paragraph (lines `first` to
    `last`), else the paragraph's first line, column 1."""
    for number in range(first, min(last, len(lines)) + 1):
        text = lines[number - 1]
        at = text.find(written)
        start = text.rfind("![", 0, at) if at >= 0 else -1
        if start >= 0:
            return number, start + 1
    return first, 1
