"""The notes' lines as a card shows them: wiki-links and embeds as plain text (embeds listed
by row, left out), images of files beside the notes left out, `==highlights==` as bold.
"""

from __future__ import annotations

import re

from quiz.ecosystem.highlights import bold_highlights
from quiz.ecosystem.noteimages import has_html_image, plain_images
from quiz.ecosystem.wikilinks import plain_links

_BARE_MARK = re.compile(r"[ \t>]*(?:[-*+]|\d{1,9}[.)])[ \t]*\r?")
"""A line left with nothing but its list mark."""


def _no_bare_mark(line: str) -> str:
    """The line, or nothing when an embed or image was all its list item held: the card
    showed an empty bullet where `- ![[plot.png]]` was."""
    return "" if _BARE_MARK.fullmatch(line) else line


def plain_view(
    text: str, lines: list[str], view: list[str], first_line: int, code_rows: set[int]
) -> tuple[list[str], dict[int, list[str]]]:
    """The rows of `view` (the notes' `lines`, or a copy of them with callouts' marks read)
    outside code read plain, `lines` copied before a row of theirs changes; and the embeds
    (`![[plot.png]]`) and images taken out of each row, left out of the card."""
    embeds_at: dict[int, list[str]] = {}
    if "[[" in text:
        view = list(view) if view is lines else view
        for row, line in enumerate(view[first_line:], first_line):  # not the blank rows before
            if "[[" in line and row not in code_rows:
                view[row] = _no_bare_mark(plain_links(line, embeds_at.setdefault(row, [])))
    if "![" in text or has_html_image(text):  # images of files beside the notes (Logseq's)
        view = list(view) if view is lines else view
        for row, line in enumerate(view[first_line:], first_line):
            if ("![" in line or has_html_image(line)) and row not in code_rows:
                view[row] = _no_bare_mark(plain_images(line, embeds_at.setdefault(row, [])))
    if "==" in text:  # Obsidian's `==highlights==`: bold, as the card reader shows emphasis
        view = list(view) if view is lines else view
        for row, line in enumerate(view[first_line:], first_line):
            if "==" in line and row not in code_rows:
                view[row] = bold_highlights(line)
    return view, embeds_at
