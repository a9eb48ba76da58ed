"""Logseq block references: `((uuid))` as the text of the block it names.

Logseq names a block by the uuid of its `id::` property, and shows `((6571a2b4-...))` as
that block's text and `{{embed ((uuid))}}` as the block. Import read both as text: a card's
answer and its key point said "See ((6571a2b4-1c2d-4e5f-8a9b-0c1d2e3f4a5b)) for the plain
update.", and an embed line made an answer "too short". Here a reference to a block of the
same page is that block's first line (its list mark, `#card` tag and properties left
out); one to a block of another page, which import does not read, and an embedded page
(`{{embed [[Page]]}}`) are left out, and the report names their lines. Fences and code
spans are left alone. Every line keeps its number.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from quiz.ecosystem.fences import outside_fences
from quiz.ecosystem.notes import CARD_TAG
from quiz.ecosystem.wikilinks import sub_outside_code

_UUID = r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"
_REFERENCE = re.compile(
    rf"\{{\{{embed \(\((?P<embedded>{_UUID})\)\)\}}\}}|\(\((?P<named>{_UUID})\)\)"
    r"|\{\{embed \[\[(?P<page>[^\[\]\n]+)\]\]\}\}",
    re.IGNORECASE,
)
_ID_PROPERTY = re.compile(rf"^[ \t]*(?:[-*+][ \t]+)?id::[ \t]*(?P<uuid>{_UUID})[ \t]*$", re.I)
_PROPERTY = re.compile(r"^[ \t]*(?:[-*+][ \t]+)?[A-Za-z][\w-]*::")
_LIST_MARK = re.compile(r"^[ \t]*[-*+][ \t]+")


@dataclass(frozen=True)
class BlockRefs:
    """The notes with their block references as text, and the lines that held them."""

    text: str
    shown: tuple[int, ...] = ()
    """1-based lines whose references were replaced by their block's text."""
    left_out: tuple[int, ...] = ()
    """1-based lines whose references (to another page's blocks, or embedded pages) were
    removed."""

    def note(self) -> str | None:
        """One line for the import's report, or None when the notes refer to no block."""
        said: list[str] = []
        if self.shown:
            said.append(
                f"{_lines(self.shown)} Logseq block references, ((id)), shown as the text "
                "of the block of this page they name"
            )
        if self.left_out:
            said.append(
                f"{_lines(self.left_out)} references or embeds of blocks or pages that are "
                "not in this file: left out, as import reads this file only"
            )
        return "; ".join(said) or None

    @property
    def first(self) -> int:
        """The first line the note concerns."""
        return min((*self.shown, *self.left_out))


def _lines(lines: tuple[int, ...]) -> str:
    """`line 3 holds` or `lines 3, 9 hold` (the first five, then how many more)."""
    shown = ", ".join(str(line) for line in lines[:5])
    if len(lines) > 5:
        shown += f" and {len(lines) - 5} more"
    return f"line {shown} holds" if len(lines) == 1 else f"lines {shown} hold"


def read_block_refs(text: str) -> BlockRefs:
    """The notes with each block reference as its block's text (see the module)."""
    if _REFERENCE.search(text) is None:  # no split into rows for `np.zeros((n, d))`
        return BlockRefs(text)
    rows = text.split("\n")
    blocks = _block_texts(rows)
    shown: list[int] = []
    left_out: list[int] = []
    for index in outside_fences(rows, in_items=True):
        row = rows[index]
        if "((" not in row and "{{" not in row:
            continue
        new, found = _replaced(row, blocks)
        if found:
            rows[index] = new if _LIST_MARK.sub("", new, count=1).strip() else ""
            (shown if all(found) else left_out).append(index + 1)
    if not shown and not left_out:
        return BlockRefs(text)
    return BlockRefs("\n".join(rows), tuple(shown), tuple(left_out))


def _replaced(row: str, blocks: dict[str, str]) -> tuple[str, list[bool]]:
    """The row with its references as their blocks' text (or removed), and per reference
    whether its block is in this file."""
    found: list[bool] = []

    def replace(match: re.Match[str]) -> str:
        uuid = (match.group("embedded") or match.group("named") or "").lower()
        block = blocks.get(uuid) if uuid else None
        found.append(block is not None)
        return block if block is not None else ""

    return sub_outside_code(_REFERENCE, replace, row), found


def _block_texts(rows: list[str]) -> dict[str, str]:
    """uuid -> the first line of the block whose `id::` property names it (the nearest
    line above the property that is no property: its list mark and `#card` tag off)."""
    blocks: dict[str, str] = {}
    for index, row in enumerate(rows):
        match = _ID_PROPERTY.match(row)
        if match is None:
            continue
        above = index - 1
        while above >= 0 and (_PROPERTY.match(rows[above]) or not rows[above].strip()):
            above -= 1
        if above < 0:
            continue
        head = CARD_TAG.sub("", _LIST_MARK.sub("", rows[above], count=1)).strip()
        if head and "((" not in head:  # a block quoting another is not followed
            blocks[match.group("uuid").lower()] = head
    return blocks
