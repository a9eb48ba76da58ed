"""Logseq block references: `((uuid))` as the text of the block it names.

Logseq names a block by the uuid of its `id::` property, and shows `((6571a2b4-...))` as
that block's text and `{{embed ((uuid))}}` as the block. Import read both as text: a card's
answer and its key point said "See ((6571a2b4-1c2d-4e5f-8a9b-0c1d2e3f4a5b)) for the plain
update.", and an embed line made an answer "too short". Here a reference to a block of the
same page is that block's text: its lines above its properties, joined (its list mark,
heading marks, `#card` tag, properties and children left out; since import54 a block of
two lines was its last line alone, a heading block kept its `## `, and a block quoting
another was "not in these notes" and named missing). A reference to a block of no line of the file (another page's, which import does
not read, or one deleted) reads as `(a block not in these notes)`, where it had been cut
out of its sentence ("See  for the plain update."); an embed of such a block, or of a
page (`{{embed [[Page]]}}`), is left out. The report names each with its line, its id and
what the card shows (`MissingRef`). Fences and code spans are left alone. Every line
keeps its number. The block's text is cleaned as the notes' own (import55): its `[[links]]`
as their words, the tags ending it off (Logseq's tags of the block); a loop of quotes shows
`LOOPED` and is named (`RefLoop`).

A reference after a question, ending its line (`- Which activation is ReLU? ((uuid))
#card`), is a link the user kept beside the question, no words of it: read as its block's
text it made the title "Which activation is ReLU? What is Adam?" (import53). It is left
out, the question keeping its own words, and the report names it with the block it names
(`AfterQuestion`). A reference inside the question's sentence reads as its block's text,
as Logseq shows it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from quiz.ecosystem.fences import outside_fences
from quiz.ecosystem.linenames import line_numbers
from quiz.ecosystem.notes.blockprops import CARD_TAG
from quiz.ecosystem.notes.coderows import PROPERTY_LINE, CodeRows
from quiz.ecosystem.wikilinks import links_as_text, sub_outside_code
from quiz.plural import plural

_UUID = r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"
_REFERENCE = re.compile(
    rf"\{{\{{embed \(\((?P<embedded>{_UUID})\)\)\}}\}}|\(\((?P<named>{_UUID})\)\)"
    r"|\{\{embed \[\[(?P<page>[^\[\]\n]+)\]\]\}\}",
    re.IGNORECASE,
)
_ID_PROPERTY = re.compile(rf"^[ \t]*(?:[-*+][ \t]+)?id::[ \t]*(?P<uuid>{_UUID})[ \t]*$", re.I)
_LIST_MARK = re.compile(r"^[ \t]*[-*+][ \t]+")
_HEADING_MARK = re.compile(r"^#{1,6}[ \t]+")
_MOST_LINES = 50
"""How many lines of a block above its `id::` are read as its text, at most."""
_LINE_END = re.compile(rf"(?:\s|\(\({_UUID}\)\)|#\S+)*", re.IGNORECASE)
"""What may follow a reference that ends a question's line: blanks, more references, tags."""
NOT_HERE = "(a block not in these notes)"
"""What a card shows for a reference to a block of no line of the notes."""
LOOPED = "(a loop of block references)"
"""What a card shows for a reference that quotes back a block it is shown in (a block
quoting itself, or two quoting each other): text that never ends. It showed `NOT_HERE`,
though the block is in the notes, and the report said nothing (import54)."""
_ENDING_TAGS = re.compile(r"(?:[ \t]+#(?!\d+(?:[ \t]|$))(?:\[\[[^\]\n]+\]\]|[\w/-]+))+[ \t]*$")
"""The tags ending a block's text (`... squared gradients #optim #adaptive`): Logseq shows
them as the block's tags, no words of a sentence; read as text they ran into the sentence
quoting the block ("How does Adam keeps ... #optim differ from SGD?")."""


@dataclass(frozen=True)
class MissingRef:
    """A reference or embed whose block or page is not in the notes, as the report names it."""

    line: int
    """1-based line of the notes that holds it."""
    written: str
    """The reference as written: `((uuid))`, `{{embed ((uuid))}}`, `{{embed [[Page]]}}`."""
    shown: bool
    """The card shows `NOT_HERE` in its place (False: it is left out)."""
    line_kept: bool
    """Text is left on its line (False: the line held nothing else and is left out)."""

    def effect(self) -> str:
        """What the card shows instead, in a few words."""
        if self.shown:
            return f'shown as "{NOT_HERE}"'
        return "left out of its line" if self.line_kept else "its line left out"

    def message(self) -> str:
        """One line of the import's report: which reference, why, what the card shows."""
        what = (
            "embeds another page, which import does not read"
            if "[[" in self.written
            else "names no block of this file (import reads this file only)"
        )
        if self.shown:
            shows = f'the card shows "{NOT_HERE}" in its place'
        else:
            shows = "the card leaves it out" if self.line_kept else "the card leaves its line out"
        return f"{self.written} {what}: {shows}"


@dataclass(frozen=True)
class AfterQuestion:
    """A reference that followed a question on its line, left out of it."""

    line: int
    """1-based line of the notes that holds it."""
    written: str
    """The reference as written: `((uuid))`."""
    names: int | None
    """1-based line of the block it names, None when that block is not in the notes."""

    def message(self) -> str:
        """One line of the import's report: which reference, and what it became."""
        block = f"the block at line {self.names}" if self.names else "a block not in these notes"
        return (
            f"{self.written} after the question names {block}: left out of the question, "
            "which keeps its own words (its block's text is no part of the title)"
        )


@dataclass(frozen=True)
class RefLoop:
    """A reference that quotes back a block it is shown in, shown as `LOOPED`."""

    line: int
    """1-based line of the notes whose reference was shown with the loop in it."""
    written: str
    """The reference that closes the loop, as written: `((uuid))`."""
    blocks: tuple[int, ...]
    """1-based lines of the blocks in the loop, from the one it quotes back, in order."""

    def message(self) -> str:
        """One line of the import's report: which blocks loop, what the card shows."""
        if len(self.blocks) == 1:
            loop = f"the block at line {self.blocks[0]} quotes itself with {self.written}"
        else:
            chain = " -> ".join(str(line) for line in (*self.blocks, self.blocks[0]))
            loop = (
                f"the blocks at lines {chain} quote each other, the last back with {self.written}"
            )
        return (
            f'{loop}: a loop whose text never ends; the card shows "{LOOPED}" in its '
            "place (write the words out in one of the blocks)"
        )


@dataclass(frozen=True)
class BlockRefs:
    """The notes with their block references as text, and the lines that held them."""

    text: str
    shown: tuple[int, ...] = ()
    """1-based lines whose references were replaced by their block's text."""
    left_out: tuple[int, ...] = ()
    """1-based lines with a reference to a block or page not in the notes."""
    missing: tuple[MissingRef, ...] = ()
    """Each reference to a block or page not in the notes, in order (the report names each)."""
    after_question: tuple[AfterQuestion, ...] = ()
    """Each reference left out after a question, in order (the report names each)."""
    loops: tuple[RefLoop, ...] = ()
    """Each reference that quoted back a block it was shown in, by line (named each)."""

    def note(self) -> str | None:
        """One line for the import's report on the references the notes resolve, or None
        when they resolve none (those they do not are named one by one: `missing`)."""
        if not self.shown:
            return None
        return (
            f"{_lines(self.shown)} Logseq block references, ((id)), shown as the text "
            "of the block of this page they name"
        )

    @property
    def first(self) -> int:
        """The first line the note concerns."""
        return min(self.shown)


def _lines(lines: tuple[int, ...]) -> str:
    """`line 3 holds` or `lines 3, 9 hold` (the first five, then how many more)."""
    return f"{line_numbers(lines)} {plural(len(lines), 'holds', 'hold')}"


def read_block_refs(text: str) -> BlockRefs:
    """The notes with each block reference as its block's text (see the module)."""
    if _REFERENCE.search(text) is None:  # no split into rows for `np.zeros((n, d))`
        return BlockRefs(text)
    rows = text.split("\n")
    blocks = _block_texts(rows, CodeRows(text))
    shown: list[int] = []
    left_out: list[int] = []
    missing: list[MissingRef] = []
    after: list[AfterQuestion] = []
    loops: dict[tuple[int, str], RefLoop] = {}  # one a line and reference
    for index in outside_fences(rows, in_items=True):
        row = rows[index]
        if "((" not in row and "{{" not in row:
            continue
        looped: list[tuple[str, tuple[int, ...]]] = []
        new, found, absent, beside = _replaced(row, blocks, looped)
        for written, lines in looped:
            loops.setdefault((index + 1, written), RefLoop(index + 1, written, lines))
        after.extend(AfterQuestion(index + 1, written, names) for written, names in beside)
        if beside:
            rows[index] = new.rstrip(" \t\r") + ("\r" if new.endswith("\r") else "")
        if not found:
            continue
        alone = not _LIST_MARK.sub("", new.replace(NOT_HERE, ""), count=1).strip()
        rows[index] = "" if alone else new  # a line of nothing but what is not here: out
        (shown if all(found) else left_out).append(index + 1)
        missing.extend(
            MissingRef(index + 1, written, placed and not alone, not alone)
            for written, placed in absent
        )
    if not shown and not left_out and not after:
        return BlockRefs(text)
    return BlockRefs(
        "\n".join(rows),
        tuple(shown),
        tuple(left_out),
        tuple(missing),
        tuple(after),
        tuple(loops.values()),
    )


def _after_question(row: str, match: re.Match[str]) -> bool:
    """The reference follows a question's '?' and ends its line (tags and more references
    aside): a link beside the question, no words of it."""
    if match.group("named") is None:
        return False
    before = _REFERENCE.sub("", row[: match.start()]).rstrip()
    return before.endswith("?") and _LINE_END.fullmatch(row, match.end()) is not None


def _replaced(
    row: str, blocks: dict[str, tuple[int, str]], looped: list[tuple[str, tuple[int, ...]]]
) -> tuple[str, list[bool], list[tuple[str, bool]], list[tuple[str, int | None]]]:
    """The row with its references as their blocks' text (`NOT_HERE` for a block not in
    the notes, nothing for an embed of one or of a page, or for one after a question), per
    reference whether its block is in the notes, (as written, shown as `NOT_HERE`) of each
    that is not, and (as written, its block's line) of each after a question; each loop
    met in a block's text is added to `looped` (`_shown_text`)."""
    found: list[bool] = []
    absent: list[tuple[str, bool]] = []
    beside: list[tuple[str, int | None]] = []

    def replace(match: re.Match[str]) -> str:
        uuid = (match.group("embedded") or match.group("named") or "").lower()
        held = blocks.get(uuid) if uuid else None
        if _after_question(row, match):
            beside.append((match.group(0), held[0] if held is not None else None))
            return ""
        block = _shown_text(uuid, blocks, (uuid,), looped) if held is not None else None
        found.append(block is not None)
        if block is not None:
            return block
        named = match.group("named") is not None
        absent.append((match.group(0), named))
        return NOT_HERE if named else ""

    return sub_outside_code(_REFERENCE, replace, row), found, absent, beside


def _block_texts(rows: list[str], code: CodeRows) -> dict[str, tuple[int, str]]:
    """uuid -> (1-based line, text) of the block whose `id::` property names it, as Logseq
    shows it in a sentence: its lines above the property (from its list mark on, a block of
    several lines joined by spaces), its list mark, heading marks and `#card` tag off; its
    properties and children are no part of it. A block quoting another keeps its `((uuid))`
    here, read when it is shown (`_shown_text`). A property line (`coderows.PROPERTY_LINE`)
    in code (`code`) is the code's: an `id::` there names no block, and a `Foo::` line of
    code is no property to pass over."""
    blocks: dict[str, tuple[int, str]] = {}
    for index, row in enumerate(rows):
        match = _ID_PROPERTY.match(row)
        if match is None or index in code:
            continue
        above = index - 1
        while above >= 0 and (
            not rows[above].strip() or (PROPERTY_LINE.match(rows[above]) and above not in code)
        ):
            above -= 1
        if above < 0:
            continue
        first = above  # the block's first line: up over its lines to its list mark
        while (
            first > 0
            and above not in code
            and not _LIST_MARK.match(rows[first])
            and above - first < _MOST_LINES
        ):
            row_above = rows[first - 1]
            if not row_above.strip() or PROPERTY_LINE.match(row_above) or first - 1 in code:
                break
            first -= 1
        if not _LIST_MARK.match(rows[first]):
            first = above  # no block's list mark above: its nearest line alone, as before
        lines = [_LIST_MARK.sub("", rows[first], count=1), *rows[first + 1 : above + 1]]
        head = " ".join(" ".join(lines).split())
        head = CARD_TAG.sub("", _HEADING_MARK.sub("", head, count=1)).strip()
        head = links_as_text(_ENDING_TAGS.sub("", head) or head)  # `[[SGD]]`: SGD
        if head:
            blocks[match.group("uuid").lower()] = (first + 1, head)
    return blocks


def _shown_text(
    uuid: str,
    blocks: dict[str, tuple[int, str]],
    seen: tuple[str, ...],
    looped: list[tuple[str, tuple[int, ...]]],
) -> str:
    """The text a block shows: its own, each `((uuid))` in it read as its block's (one of
    no block as `NOT_HERE`; one quoting back a block of `seen`, the chain it is shown
    through, as `LOOPED`, the loop added to `looped`: (as written, its blocks' lines))."""
    text = blocks[uuid][1]
    if "((" not in text:
        return text

    def inner(match: re.Match[str]) -> str:
        named = (match.group("named") or "").lower()
        if not named or named not in blocks:
            return NOT_HERE if match.group("named") else ""
        if named in seen:
            chain = seen[seen.index(named) :]
            looped.append((match.group(0), tuple(blocks[one][0] for one in chain)))
            return LOOPED
        return _shown_text(named, blocks, (*seen, named), looped)

    return " ".join(_REFERENCE.sub(inner, text).split())
