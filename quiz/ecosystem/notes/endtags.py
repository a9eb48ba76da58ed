"""Obsidian tags ending a sentence's line (`... many layers. #dl/rnn`): the card's tags.

Obsidian shows a `#tag` as a tag pill, not a word, and vaults often tag an answer so, after
its last sentence. A line of nothing but tags is the note's tags (`tagline`) and a heading's
ending tags its question's (`titles.split_title`), but these stayed in the answer as text:
a card's answer ended in "#ml/normalisation/layer" and the tag was lost. Here the tags
after a sentence's end (`.`, `!` or `?`, then maybe a closing bracket, quote or emphasis
mark) at the end of a line outside fences are taken off the line, and the question whose
text holds that line gets them. A tag in a sentence (`see #ml for more`), a number
(`item #2.`) and a heading's line are left as they are.
"""

from __future__ import annotations

import re

from quiz.ecosystem.notes.blockprops import card_tags

_END_TAGS = re.compile(
    r"(?<=[.!?])(?P<close>[)\]\"'*_]{0,3})(?P<tags>(?:[ \t]+#(?!\d+(?:[ \t]|$))[\w/-]+)+)[ \t]*\r?$",
    re.MULTILINE,
)
"""Tags after a sentence's end, up to the line's end; `#` then no number alone (`#2`)."""
_HEADING = re.compile(r"^ {0,3}#{1,6}(?:[ \t]|$)")
_FENCE = re.compile(r"^[ \t]*(?:[-*+][ \t]+)?(?P<mark>`{3,}|~{3,})")
"""A fence's opening or closing line, in a list item too (a Logseq block's code)."""


def _outside_fences(lines: list[str]) -> list[int]:
    """The rows outside fences. `quiz.ecosystem.fences` has the same walk, but the notes
    reader may not import it (it imports `notes.tabs`: a cycle)."""
    rows: list[int] = []
    fence = ""
    for index, row in enumerate(lines):
        match = _FENCE.match(row)
        if fence:
            if match and match["mark"].startswith(fence) and not row[match.end() :].strip():
                fence = ""
        elif match:
            fence = match["mark"]
        else:
            rows.append(index)
    return rows


def take_end_tags(text: str, first_line: int) -> tuple[str, dict[int, tuple[str, ...]]]:
    """The text without the tags ending its sentences' lines (each line kept, so every
    line keeps its number), and those tags as card tags by row (0-based, in the notes)."""
    if " #" not in text and "\t#" not in text:
        return text, {}  # the common case: no copy of a large file
    lines = text.split("\n")
    tagged: dict[int, tuple[str, ...]] = {}
    for index in _outside_fences(lines):
        row = lines[index]
        if "#" not in row or _HEADING.match(row):
            continue
        match = _END_TAGS.search(row)
        if match is None:
            continue
        tags = card_tags(tuple(word[1:] for word in match["tags"].split()))
        if not tags:
            continue
        tagged[first_line + index] = tags
        lines[index] = row[: match.start("tags")] + ("\r" if row.endswith("\r") else "")
    if not tagged:
        return text, {}
    return "\n".join(lines), tagged
