"""Notes written for the Obsidian_to_Anki plugin: `START`, the note type, fields, `END`.

The plugin reads a note between a line `START` and a line `END`: the line after `START`
names the note type (`Basic`, `Cloze`...), the first field needs no prefix (`Front:` may
be written), every other field starts at its `Name:` prefix (`Back:`, `Extra:`), a
`Tags:` line gives the note's tags and an `<!--ID: 1712345678-->` line is the plugin's
note id. `FILE TAGS` and `TARGET DECK`, each over a line of its value, give every note of
the file its tags and deck; `STARTI [Basic] question Back: answer ENDI` is one on a line.
Read as Markdown the markers were text and the fields a paragraph: such a note gave no
card. Each is rewritten here in place, lines keeping their numbers, into the importer's
own markers: `Q: ` before the first field (its tags after it), `A: ` for `Back:` (or, with
no `Back:`, before the first field's second line), a cloze note as a cloze paragraph
(`Q: ` its text with each deletion `[...]`, ` **A:** ` its text whole), and `END` as a
rule (`***`) that ends the answer. Fenced code is left alone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from quiz.ecosystem.fences import outside_fences
from quiz.ecosystem.linenames import line_numbers, line_said, span_said
from quiz.ecosystem.srcards import cloze_asked, cloze_whole

__all__ = ["AnkiBlocks", "read_anki_blocks"]

_FIELD = re.compile(
    r"^(?P<name>Front|Back|Text|Extra|Back Extra|Question|Answer|Add Reverse|Tags)"
    r"[ \t]*:[ \t]?(?P<rest>.*)$",
    re.IGNORECASE,
)
"""A field's prefix, of the note types Anki ships (and `Tags:`); another `Word:` is text."""
_FIRST = frozenset({"front", "text", "question"})
_ANY_FIELD = re.compile(r"^(?P<name>[A-Z][\w-]*(?: [\w()-]+){0,2})[ \t]*:[ \t]?(?P<rest>.*)$")
"""A custom note type's field prefix (`Term: ...`, `Definition: ...`): taken as one for the
first field and the second only, as those are what a card asks and answers (a later
`Note: ...` is the answer's text)."""
_ID = re.compile(r"^\s*<!--\s*ID:\s*\d+\s*-->\s*$")
_INLINE = re.compile(
    r"^\s*STARTI\s*(?:\[(?P<type>[^\]]*)\])?\s*(?P<q>.*?)\s+Back:\s*(?P<a>.*?)\s*ENDI\s*$"
)
_NOTE_TYPE = re.compile(r"^[\w(][\w ()'-]{0,59}$")
"""A note type's name (`Basic`, `Basic (and reversed card)`, `Cloze`): a few words, no
sentence's mark, so `START` over a sentence is not taken for a note."""
_RULE = "***"
"""What an `END` line becomes: a rule, which ends the answer above it (`---` under a line
of text would be that line's heading underline)."""


@dataclass(frozen=True)
class AnkiBlocks:
    """The notes with the plugin's notes rewritten, and what was read."""

    text: str
    notes: tuple[int, ...] = ()
    """1-based `START` (or `STARTI`) lines of the notes read."""
    types: tuple[str, ...] = ()
    """The note types named, each once."""
    deck: str | None = None
    """A `TARGET DECK` line's deck: not used (the topic is the import's)."""
    ends: frozenset[int] = frozenset()
    """1-based `END` lines of the notes read (each is a rule in `text`)."""

    def after_end(self, rule: int | None, first: int, last: int | None) -> str | None:
        """Why text at lines `first`..`last`, left out after the rule at line `rule`, is
        not imported, in the plugin's terms when that rule is an `END` (the generic advice,
        "delete the rule", would have the user delete the END their plugin needs); None
        for another rule."""
        if rule is None or rule not in self.ends:
            return None
        span = f" ({span_said(first, last)})" if last is not None and last > first else ""
        return (
            f"text{span} after END ({line_said(rule)}) belongs to no note; it was left out; to keep"
            " it, write it before that END, in the note's Back field"
        )

    def note(self) -> str | None:
        """One line for the import's report, or None when no note was read."""
        if not self.notes:
            return None
        said = (
            f"{line_numbers(self.notes)} start{'' if len(self.notes) > 1 else 's'}"
            f" {'notes' if len(self.notes) > 1 else 'a note'} of the Obsidian_to_Anki plugin"
            f" ({', '.join(self.types)}), read as questions: the first field asks, the"
            " others answer, a Tags line gives the card its tags, and END ends the answer"
        )
        reversed_types = [kind for kind in self.types if "revers" in kind.lower()]
        if reversed_types:
            said += (
                f"; {', '.join(reversed_types)} makes a reversed card in Anki too: import makes"
                " the card asked from the front only"
            )
        if self.deck:
            said += f"; its TARGET DECK ({self.deck}) is not used: the topic is the import's"
        return said


def read_anki_blocks(text: str) -> AnkiBlocks:
    """The notes with each of the plugin's notes rewritten in place (see the module)."""
    if "START" not in text:
        return AnkiBlocks(text)
    lines = text.split("\n")
    outside = set(outside_fences(lines))
    starts: list[int] = []
    ends: list[int] = []
    types: list[str] = []
    deck: str | None = None
    index = 0
    while index < len(lines):
        if index not in outside:
            index += 1
            continue
        body = lines[index].rstrip("\r")
        stripped = body.strip()
        if stripped in ("FILE TAGS", "TARGET DECK") and index + 1 < len(lines):
            value = lines[index + 1].rstrip("\r").strip()
            lines[index] = _end_of(lines[index])
            if stripped == "FILE TAGS":
                lines[index + 1] = " ".join(_hashed(value)) + _end_of(lines[index + 1])
            else:
                deck = value or deck
                lines[index + 1] = _end_of(lines[index + 1])
            index += 2
            continue
        inline = _INLINE.match(body)
        if inline is not None:
            lines[index] = f"- Q: {inline['q']} **A:** {inline['a']}" + _end_of(lines[index])
            starts.append(index + 1)
            types.append((inline["type"] or "Basic").strip())
            index += 1
            continue
        if stripped != "START":
            index += 1
            continue
        end = next(
            (i for i in range(index + 1, len(lines)) if lines[i].strip() in ("END", "START")),
            None,
        )
        if end is None or lines[end].strip() != "END" or end - index < 3:
            index += 1  # no END before the next START, or nothing between: left as written
            continue
        kind = lines[index + 1].strip()
        if not _NOTE_TYPE.match(kind):
            index += 1  # no note type under it (a step of pseudo-code?): left as written
            continue
        _rewrite(lines, index, end, kind)
        starts.append(index + 1)
        ends.append(end + 1)
        types.append(kind)
        index = end + 1
    if not starts:
        return AnkiBlocks(text)
    return AnkiBlocks(
        "\n".join(lines), tuple(starts), tuple(dict.fromkeys(types)), deck, frozenset(ends)
    )


def _end_of(row: str) -> str:
    """The line's `\\r`, if any (a line emptied keeps its ending)."""
    return "\r" if row.endswith("\r") else ""


def _hashed(value: str) -> list[str]:
    """The plugin's tags (space-separated, `::` for a hierarchy) as Obsidian tags."""
    return ["#" + tag.replace("::", "/") for tag in value.split() if tag.strip("#")]


def _rewrite(lines: list[str], start: int, end: int, kind: str) -> None:
    """One note, `lines[start]` its START and `lines[end]` its END, rewritten in place."""
    first: list[int] = []  # lines of the first field
    rest: list[int] = []  # lines of the other fields
    tags: list[str] = []
    back: int | None = None
    field = "front"
    for i in range(start + 2, end):
        row = lines[i].rstrip("\r")
        if _ID.match(row):
            lines[i] = _end_of(lines[i])
            continue
        match = _FIELD.match(row.strip())
        if match is None and back is None and row.strip():
            match = _ANY_FIELD.match(row.strip())  # a custom type's first or second field
            if match is not None:
                field = "back" if any(lines[j].strip() for j in first) else "front"
                lines[i] = match["rest"] + _end_of(lines[i])
                if field == "back":
                    back = i
                    rest.append(i)
                else:
                    first.append(i)
                continue
        if match is not None:
            field = match["name"].lower()
            if field == "tags":
                tags.extend(_hashed(match["rest"]))
                lines[i] = _end_of(lines[i])
                continue
            lines[i] = match["rest"] + _end_of(lines[i])
            if field not in _FIRST and back is None:
                back = i
        if field == "tags":
            continue
        (first if field in _FIRST else rest).append(i)
    for i in (start, start + 1):
        lines[i] = _end_of(lines[i])
    lines[end] = _RULE + _end_of(lines[end])
    first = [i for i in first if lines[i].strip()]
    if not first:
        return  # no question: its lines are text, named as such
    tagged = (" " + " ".join(tags)) if tags else ""
    if "cloze" in kind.lower():
        texts = [lines[i].rstrip("\r").strip() for i in first]
        whole = " ".join(cloze_whole(t) for t in texts)
        for n, i in enumerate(first):
            asked = cloze_asked(texts[n])
            if n == 0:
                asked = "Q: " + asked
            if n == len(first) - 1:
                asked += f"{tagged} **A:** {whole}"
            lines[i] = asked + _end_of(lines[i])
        return
    lines[first[0]] = (
        "Q: " + lines[first[0]].rstrip("\r").strip() + tagged + _end_of(lines[first[0]])
    )
    if back is None and len(first) > 1:
        back = first[1]  # the first line asks, the rest answers
    if back is not None:
        lines[back] = "A: " + lines[back].lstrip()
