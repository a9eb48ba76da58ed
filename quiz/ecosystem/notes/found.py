"""What reading notes finds: each question with its answer as written, the parts that
give none and why, and the answer markers that say where an answer starts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_ANSWER = re.compile(
    r"^\s*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+)?"  # a list marker before it: "- *A:* ..."
    r"(?P<open>\*\*|__|\*|_)?(?P<word>Answer|Ans|A)(?P<number>\d{1,3}(?:\.\d{1,3})*)?\b"
    r"(?P<dot>\.)?(?P<c1>\s*:)?"
    r"(?P<close>\*\*|__|\*|_)?(?P<c2>\s*:)?(?:[ \t]+(?P<rest>.*)|[ \t]*$)",
    re.IGNORECASE,
)


DETAILS = re.compile(r"^\s*<details\b[^>]*>", re.IGNORECASE)


SUMMARY = re.compile(r"<summary\b[^>]*>.*?</summary\s*>", re.IGNORECASE | re.DOTALL)


RULE = re.compile(r"^\s*(?:-{3,}|\*{3,}|_{3,})\s*$")


LIST_MARK = re.compile(r"^(\s*)(?:[-*+]|\d{1,9}[.)])([ \t]+|$)")


@dataclass(frozen=True)
class OwnKind:
    """A choice or numeric card as a note of drillbit's own Anki export holds it
    (`ankiownkinds.own_kind`): made again as that kind of card, not as a concept card
    asking its choices and answered by the right ones."""

    kind: str
    """`choice` or `numeric`."""
    question: str
    explanation: str
    choices: tuple[str, ...] = ()
    correct: tuple[int, ...] = ()
    """The right choices' indexes, from 0."""
    number: float = 0.0
    tolerance: tuple[str, float] = ("absolute", 0.0)
    """(`absolute` or `relative`, its value), as the card's `tolerance` mapping holds it."""
    unit: str | None = None


# slots: at its thirtieth field each instance got a dict of its own (782 B; CPython shares
# the keys of up to 30 attributes), and a 1 MiB notes file's planning peak rose 9.2x -> 11.9x
@dataclass(frozen=True, slots=True)
class NoteQuestion:
    """One question found in the notes, with its answer Markdown as written."""

    ordinal: int
    """1-based position among the questions of the file."""
    number: str | None
    """The number the notes gave it (`Q4` -> '4', `Q1.2` -> '1.2'), if any."""
    title: str
    """Plain text: no markup, links, emoji or numbering."""
    prompt: str
    """Extra question text between the title and the answer marker (often empty)."""
    answer: str
    line: int
    """1-based line of the question in the notes file."""
    marker: bool
    """False when no answer marker was found and the whole text below was taken."""
    answer_line: int = 0
    """1-based line where the answer starts (to name lines in notes)."""
    section: str | None = None
    """Title of the numbered section the question is in, if any."""
    subquestions: int = 0
    """How many questions are nested in this one's list item (it is their context)."""
    context: str = ""
    """The title of the question this one is nested in, when that one has no answer."""
    tags: tuple[str, ...] = ()
    """Its own tags, kebab-case (an Anki note's), added to the import's `--tag`s."""
    cloze: int = 0
    """The cloze number this card asks (`c2` -> 2) of an Anki cloze note with several
    numbers, one card per number as Anki makes them; 0 for any other question."""
    whole: NoteQuestion | None = None
    """For a card of a cloze number: its note asked as one card, every deletion hidden,
    as imports made it before cards per number (such a card already imported is kept)."""
    images: tuple[str, ...] = ()
    """The images an Anki note shows (`<img src>`), which import leaves out: said in a note."""
    reverse: bool = False
    """An Anki note that also makes a reversed card (Basic (and reversed card)): import
    makes the forward card only, and says so in a note."""
    sounds: tuple[str, ...] = ()
    """The sound files an Anki note plays (`[sound:cat.mp3]`), left out and named in a note:
    a card that asked what a word sounds like no longer plays it."""
    embeds: tuple[str, ...] = ()
    """What the notes embed in the question or its answer (`![[plot.png]]`, `![[Note]]`):
    files import does not read, left out and named in a note."""
    id_title: str | None = None
    """The text its card's id is made from when that is not its title: an Anki cloze
    note's first line with every deletion as `[...]`, its hints too (`[which]` in the title
    would put the hint's words in the id, and mending a hint would move the card away from
    its reviews)."""
    card_id: str | None = None
    """The card an Anki note of drillbit's own export was made from (its CardId field):
    a card the bank already has is not imported again, as Anki keeps one note per GUID;
    any other is imported under that id, as it was in the bank it was exported from."""
    own_title: str | None = None
    """The list title of the card an Anki note of drillbit's own export was made from (its
    Title field): the card's title again, where its question's first line would be."""
    own_points: tuple[str, ...] = ()
    """The key points of the concept card a note of drillbit's own export was made from
    (its KeyPoints field, a list item each), kept as written: made again from the answer,
    they were other points."""
    cited: str = ""
    """Where the note says it comes from (an Anki note's `Source: ...` line or Source
    column), added to its card's `source` after the notes' place; "" when it says nothing."""
    own_source: str = ""
    """The citation of the card a note of drillbit's own export was made from (its Source
    field, `TITLE · source`, the title dropped): its card's `source` again, after the notes'
    place, so a card exported and imported back keeps what it cites; "" when it is empty."""
    own_source_field: str = ""
    """That Source field as text on one line, title and all, when the Title field was
    empty: read again after the title its card has in the bank (`keptids.keep_titles`)."""
    source_title: str | None = None
    """The title that Source field starts with (`TITLE · source`), when the Title field was
    empty: the title an Anki user sees on the card's back, its card's title when the bank
    has no card of its CardId (`keptids.keep_titles`)."""
    remarks: tuple[str, ...] = ()
    """What the reader read its own way in this note, said at its place (a CSV field's
    quote that is not doubled, read as a quote: line and column)."""
    unread_field: tuple[int, str] | None = None
    """(its 1-based number, its text) of an Anki note's last field past the answer left
    unread in a file with no header, where it may be Anki's tags (`ankiextras.maybe_tags`)."""
    kept_fields: tuple[int, ...] = ()
    """The 1-based numbers of an Anki note's fields past its answer, in words, kept after
    the answer as a quote (its Extra or Notes field): they were dropped without a word."""
    own_kind: OwnKind | None = None
    """The choice or numeric card a note of drillbit's own export was made from."""
    read_before: NoteQuestion | None = None
    """This note as read before it was told as drillbit's by its fields (exported without
    its note type's name: `ankinotetypes.own_type_of`), by its first two fields: its card
    imported so is written again from the note (`importer._made_before_own_fields`)."""
    was_title: str | None = None
    """The title an Anki note's card had under the forty-second round's title rule, when
    this round's differs (a `<br>` then ended it: "What is the"): its card imported then
    is found by it and keeps its id and reviews (`keptids.keep_retitled_ids`)."""

    def card_source(self, notes_name: str, cited: str) -> str:
        """Its card's `source`: the notes file's name and the question's number, then what
        the card cited before its export (`own_source`) and what the note cites (`cited`),
        e.g. `deck.txt Q5 · Goodfellow et al. ch. 8`."""
        number = self.number if self.number is not None else self.ordinal
        place = f"{notes_name} Q{number}"
        own = self.own_source
        if own == place or own.startswith(f"{place} · "):  # imported from this place before
            own = own[len(place) :].removeprefix(" · ")  # once: it grew at each round trip
        said = "; ".join(dict.fromkeys(c for c in (own, cited) if c))
        return place + (f" · {said}" if said else "")


@dataclass(frozen=True)
class Ignored:
    """A question-like part of the notes that gives no question, and why."""

    line: int
    text: str
    reason: str
    rule: int | None = None
    """The 1-based line of the rule that ended the answer above this text, when that rule
    left it out (an Obsidian_to_Anki `END` is read as one: its report says so)."""
    last: int | None = None
    """The text's last 1-based line, when it runs over several."""


@dataclass(frozen=True)
class ParsedNotes:
    """Everything read from one notes file."""

    title: str | None
    """The document's `# title`, if any (used to name a new pack)."""
    questions: tuple[NoteQuestion, ...]
    ignored: tuple[Ignored, ...]
    sections: tuple[Ignored, ...] = ()
    """Headings read as sections (they hold questions), with what they hold."""
    property_rows: tuple[int, ...] = ()
    """The rows (0-based) of the property lines the reader left out (`key:: value` outside
    code, not a `Q::` over an `A::`), in order: the report names them from these
    (`properties.find_properties`), not from a second parse of the notes."""


def answer_marker(line: str) -> str | None:
    """The text after an answer marker on this line (maybe ''), or None when it is not one."""
    match = _ANSWER.match(line)
    if match is None:
        return None
    opened, closed = match.group("open"), match.group("close")
    if (opened or closed) and opened != closed:
        return None
    colon = bool(match.group("c1") or match.group("c2"))
    if match.group("number") and not colon:
        return None  # `A1:` under `Q1:` marks an answer; "A1 grade" does not
    rest = (match.group("rest") or "").strip()
    word = match.group("word").lower()
    if word == "a":
        if match.group("word") != "A" or not colon or match.group("dot"):
            return None
    elif word == "ans":
        if not (colon or match.group("dot")):
            return None
    elif match.group("dot") or not (colon or opened or not rest):
        return None
    return rest
