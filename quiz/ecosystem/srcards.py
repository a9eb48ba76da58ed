"""Cards of Obsidian's Spaced Repetition plugin: `Question::Answer` and `?`-parted lines.

The plugin reads the cards of a note tagged `#flashcards` (in its text or its front
matter): a line `Question::Answer` (`:::` makes a reversed card too), or a question's
lines, a line of only `?` (`??`: reversed too), and the answer's lines. Read as Markdown
they are paragraphs, and import found "no questions" in a vault's flashcard notes. Here,
in such a note only, each card is rewritten in place into the importer's own `Q:` and
`A:` markers (`Q: Question **A:** Answer`; `Q: ` before the question's first line and
`A:` for the `?` line), so every line keeps its number and the questions are read as
any `Q:` question is; the report says how many were so read. A paragraph with
`==highlights==` is the plugin's cloze card (its default cloze mark): it is asked with
every deletion as `[...]` at once (the plugin makes a card per deletion) and answered
with the text whole, its deletions bold; it was text "not imported". So is one with
Anki's clozes, `{{c1::text}}` (a hint, `{{c1::text::hint}}`, asked as `[hint]`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from quiz.ecosystem.clozecards import ClozeSource
from quiz.ecosystem.fences import outside_fences
from quiz.ecosystem.linenames import line_numbers, line_said, span_said
from quiz.ecosystem.notes.tabs import indent_of

DECK_TAG = "flashcards"
"""The tag the plugin looks for (its default); a nested one (`#flashcards/stats`) too."""
_MARKS = ("-", "*", "+", ">", "#", "|", "<")
"""First characters of a line that is no card's question: a list item, a quote, a
heading, a table row or HTML (the plugin's cards are plain lines)."""


@dataclass(frozen=True)
class SrCards:
    """The notes with the plugin's cards rewritten, and what was read."""

    text: str
    single: tuple[int, ...] = ()
    """1-based lines of `Question::Answer` cards."""
    multi: tuple[int, ...] = ()
    """1-based lines where `?`-parted cards' questions start."""
    reversed: tuple[int, ...] = ()
    """1-based lines of cards the plugin also asks reversed (`:::`, `??`)."""
    clozes: tuple[int, ...] = ()
    """1-based first lines of cloze cards (a paragraph with `==highlights==`)."""
    cloze_marks: tuple[str, ...] = ("==...==",)
    """How those clozes were written: `==...==`, `{{c1::...}}` or both."""
    untagged: bool = False
    """The note is not tagged #flashcards: only its clozes were read (`read_untagged_clozes`)."""
    sources: tuple[ClozeSource, ...] = ()
    """The cloze cards as written, to ask each deletion apart (`clozecards.split_clozes`)."""
    ends: tuple[tuple[int, int, str], ...] = ()
    """(1-based line, its card's first line, its question) of each blank line that ends a
    card with text after it, written as a rule (`***`): that text is in no card."""

    def after_card(self, rule: int | None, first: int, last: int | None) -> str | None:
        """Why text at lines `first`..`last`, after the rule at line `rule`, is not
        imported, when that rule is the blank line that ends a card; None for another."""
        card = next((end for end in self.ends if end[0] == rule), None)
        if rule is None or card is None:
            return None
        span = f" ({span_said(first, last)})" if last is not None and last > first else ""
        return (
            f"text{span} after the Spaced Repetition question '{card[2]}' ({line_said(card[1])}),"
            f" whose card ends at the blank line ({line_said(rule)}) as the plugin reads it,"
            " not imported; to keep it, write it in that card's answer"
        )

    def note(self, topic: str = "") -> str | None:
        """One line for the import's report, or None when no card was read; an untagged
        note's says which topic its cards go to (`topic`, the import's), as the plugin's
        tag no longer picks them out."""
        kinds = []
        if self.single:
            kinds.append(f"{len(self.single)} 'Question::Answer'")
        if self.multi:
            kinds.append(f"{len(self.multi)} with a '?' line between question and answer")
        if self.clozes:
            kinds.append(
                f"{len(self.clozes)} cloze{'s' if len(self.clozes) > 1 else ''}"
                f" ({' or '.join(self.cloze_marks)}),"
                " each deletion asked apart as [...] (Anki's of one number together), the"
                " others shown"
            )
        if not kinds:
            return None
        said = f"Obsidian Spaced Repetition cards read as questions: {' and '.join(kinds)}"
        if self.untagged:
            said = (
                f"the note is not tagged #{DECK_TAG}, yet its clozes ask as cards do; read as"
                f" questions: {' and '.join(kinds)}"
            )
            if topic:
                said += (
                    f"; they go to topic '{topic}' (a numbered section's own topic where one"
                    " holds them; --topic names another)"
                )
        if self.reversed:
            lines = line_numbers(self.reversed, len(self.reversed))
            said += f"; the reversed ones (':::' or '??', {lines}) are asked from the front only"
        return said


def tags_deck(text: str, tags: tuple[str, ...]) -> bool:
    """True when the note is one the plugin reads: tagged `flashcards` in its front matter
    (`tags`, kebab-cased) or by a `#flashcards` word in its text."""
    if any(tag == DECK_TAG or tag.startswith(DECK_TAG + "-") for tag in tags):
        return True
    mark = "#" + DECK_TAG
    at = text.find(mark)
    while at >= 0:
        after = text[at + len(mark) : at + len(mark) + 1]
        if (at == 0 or text[at - 1].isspace()) and (not after or not after.isalnum()):
            return True
        at = text.find(mark, at + 1)
    return False


def _plain(row: str) -> bool:
    """True for a line that may be a card's (see `_MARKS`): not indented as code either."""
    stripped = row.strip()
    return bool(stripped) and not indent_of(row) and stripped[0] not in _MARKS


def _single(row: str) -> tuple[str, str, bool] | None:
    """(question, answer, reversed) of a `Question::Answer` line, or None. The question
    has a space or a `?`, or its answer follows the `::` with no blank (`ReLU::max(0, x)`;
    a Dataview field, `source:: book`, is one word and a blank), a `::` in
    a code span (`std::vector`) or an Anki cloze (`{{c1::...}}`) parts nothing, and one
    after a `?` parts the line before any other (`What is std::move for?::It ...`)."""
    asks = row.find("?::")  # `What is std::move for?::It casts...`: the `::` after the `?`
    at = asks + 1 if asks >= 0 else row.find("::")
    while at >= 0 and row.count("{{", 0, at) > row.count("}}", 0, at):
        at = row.find("::", row.find("}}", at) + 2) if "}}" in row[at:] else -1
    if at < 0:
        return None  # `{{c1::diverge}}` is a cloze, no question and answer
    question = row[:at]
    if question.count("`") % 2:
        return None  # inside a code span
    width = 3 if row.startswith(":::", at) else 2
    tight = not row[at + width : at + width + 1].isspace()
    answer = row[at + width :].strip()
    question = question.strip()
    if not answer or not question or not (" " in question or question.endswith("?") or tight):
        return None
    return question, answer, width == 3


def untagged_cards(text: str) -> tuple[int, ...]:
    """For a note `tags_deck` refuses: the 1-based lines that read as the plugin's cards
    with a question (`What is X?::It is...`), which neither the plugin nor import takes
    as cards without the tag. They were named only as text under the heading above them,
    with no word of why."""
    if "?::" not in text:
        return ()
    rows = text.split("\n")
    return tuple(
        line
        for line in read_sr_cards(text).single
        if (card := _single(rows[line - 1].rstrip("\r"))) is not None and card[0].endswith("?")
    )


def untagged_note(lines: tuple[int, ...]) -> str:
    """The report's line for `untagged_cards` (not empty)."""
    said = line_numbers(lines) + (
        " read as Obsidian Spaced Repetition cards"
        if len(lines) > 1
        else " reads as an Obsidian Spaced Repetition card"
    )
    return (
        f"{said} ('Question::Answer'), but the note is not tagged #{DECK_TAG}: neither the "
        f"plugin nor import takes a card from such a line (tag the note #{DECK_TAG} to import "
        "it)"
    )


def read_untagged_clozes(text: str) -> SrCards:
    """For a note `tags_deck` refuses: its cloze paragraphs read as cards all the same (see
    `read_sr_cards`), since a note of clozes and no question gave "no questions found".
    Anki's `{{c1::...}}` asks wherever it is; a `==highlight==` is emphasis in most notes,
    and asks only in a note with no line ending in `?`, where nothing else would."""
    if "{{c" not in text and "==" not in text:
        return SrCards(text)
    lines = text.split("\n")
    highlights = not any(
        lines[i].rstrip().rstrip("*_ #").endswith("?") for i in outside_fences(lines)
    )
    sources: list[ClozeSource] = []
    clozes, marks = _read_clozes(lines, highlights=highlights, sources=sources)
    if not clozes:
        return SrCards(text)
    kept = tuple(mark for mark in ("==...==", "{{c1::...}}") if mark in marks)
    return SrCards(
        "\n".join(lines),
        clozes=tuple(clozes),
        cloze_marks=kept,
        untagged=True,
        sources=tuple(sources),
    )


def read_sr_cards(text: str) -> SrCards:
    """The notes with the plugin's cards rewritten in place (see the module's docstring).
    Call it for a note `tags_deck` accepts; fenced code is never touched."""
    if "::" not in text and "\n?" not in text and "==" not in text:
        return SrCards(text)
    lines = text.split("\n")
    single: list[int] = []
    multi: list[int] = []
    cards: list[tuple[int, int]] = []  # (first line, index of its `A:` or its own line)
    turned: list[int] = []
    fence: str | None = None
    start: int | None = None  # first line of the paragraph so far (a multi-line question)
    for index, row in enumerate(lines):
        body = row.rstrip("\r")
        stripped = body.strip()
        end = row[len(body) :]
        if fence is not None:
            if stripped.startswith(fence) and not stripped.strip(fence[0]):
                fence = None
            continue
        if stripped[:3] in ("```", "~~~") and not indent_of(row):
            fence = stripped[: len(stripped) - len(stripped.lstrip(stripped[0]))]
            start = None
            continue
        if stripped in ("?", "??") and start is not None:
            lines[start] = "Q: " + lines[start].lstrip()
            lines[index] = "A:" + end
            multi.append(start + 1)
            cards.append((start + 1, index))
            if stripped == "??":
                turned.append(start + 1)
            start = None
            continue
        if not stripped or not _plain(body):
            start = None
            continue
        card = _single(body) if "::" in body else None
        if card is not None:
            question, answer, both = card
            lines[index] = f"Q: {question} **A:** {answer}{end}"
            single.append(index + 1)
            cards.append((index + 1, index))
            if both:
                turned.append(index + 1)
            start = None
            continue
        if start is None:
            start = index
    sources: list[ClozeSource] = []
    clozes, marks = _read_clozes(lines, sources=sources)
    if not single and not multi and not clozes:
        return SrCards(text)
    ends = _end_cards(lines, cards, clozes)
    return SrCards(
        "\n".join(lines),
        tuple(single),
        tuple(multi),
        tuple(sorted(turned)),
        tuple(clozes),
        tuple(mark for mark in ("==...==", "{{c1::...}}") if mark in marks),
        sources=tuple(sources),
        ends=tuple(ends),
    )


def _end_cards(
    lines: list[str], cards: list[tuple[int, int]], clozes: list[int]
) -> list[tuple[int, int, str]]:
    """Each blank line that ends a card (`cards`: its 1-based first line and the index of
    its `A:` line or its own) with a plain paragraph after it that starts no card, written
    as a rule (`***`, in place): the plugin reads a card to that blank line, and the text
    after it was read into the card's answer. (line, card's line, question) of each. One
    pass over the lines (a card a line and no blank line, 50,000 of them, scanned the rest
    of the note from each: 15 minutes)."""
    starts = {first for first, _ in cards} | set(clozes)
    blank_at = [len(lines)] * (len(lines) + 1)  # the first blank line from each index on
    text_at = [len(lines)] * (len(lines) + 1)  # the first line of text from each index on
    for at in range(len(lines) - 1, -1, -1):
        empty = not lines[at].strip()
        blank_at[at] = at if empty else blank_at[at + 1]
        text_at[at] = text_at[at + 1] if empty else at
    ends: list[tuple[int, int, str]] = []
    for first, row in sorted(cards):
        blank = blank_at[row]  # the card's lines run to it
        after = text_at[blank]
        if after >= len(lines) or after + 1 in starts or not _plain(lines[after]):
            continue
        if lines[after].lstrip().startswith("Q:"):
            continue
        question = lines[first - 1].strip().removeprefix("Q: ").split(" **A:** ")[0]
        lines[blank] = "***" + lines[blank][len(lines[blank].rstrip("\r")) :]
        ends.append((blank + 1, first, question))
    return ends


_HIGHLIGHT = re.compile(r"==(?=\S)(.+?)(?<=\S)==")
"""A highlight, the plugin's cloze deletion by default (`==root mean square==`)."""
_ANKI_CLOZE = re.compile(
    r"\{\{c\d+::((?:(?!::|\}\}|\{\{c\d+::).)*+)(?:::((?:(?!\}\}|\{\{c\d+::).)*+))?\}\}"
)
"""An Anki cloze (`{{c1::diverge}}`, `{{c2::square::power}}` with its hint), as notes kept
for Anki write them (the Obsidian_to_Anki plugin's, and the plugin's own Anki-like form):
read as `Question::Answer` at its `::`, it was the question "... the loss {{c1" over the
answer "diverge}}.". Its text stops at the next one's start: every `{{c1::` left open on
a line scanned the rest of it again (8,000 of them: 20 s)."""


def cloze_asked(text: str, *, highlights: bool = True) -> str:
    """A cloze paragraph's line as asked: each deletion `[...]`, or its hint in brackets;
    not `highlights`: a `==highlight==` is no deletion, left as written."""
    text = _HIGHLIGHT.sub("[...]", text) if highlights else text
    return _ANKI_CLOZE.sub(
        lambda m: f"[{m.group(2).strip() or '...'}]" if m.group(2) else "[...]", text
    )


def cloze_whole(text: str, *, highlights: bool = True) -> str:
    """A cloze paragraph's line as answered: each deletion's text in bold (not
    `highlights`: a highlight left as written)."""
    text = _HIGHLIGHT.sub(r"**\1**", text) if highlights else text
    return _ANKI_CLOZE.sub(
        lambda m: f"**{m.group(1).strip()}**" if m.group(1).strip() else "", text
    )


def _read_clozes(
    lines: list[str], *, highlights: bool = True, sources: list[ClozeSource] | None = None
) -> tuple[list[int], set[str]]:
    """Rewrite in place each paragraph of plain lines (not a card already, nor a card's
    answer) that holds a highlight, as the plugin's cloze card: `Q: ` and the text with
    each deletion as `[...]`, then ` **A:** ` and the text whole, its deletions bold, at
    its last line (lines keep their numbers). Returns the 1-based first lines, and the
    marks the clozes were written with. Not `highlights`: only Anki's clozes make one.
    Each is added to `sources` as written, to be asked a deletion at a time."""
    found: list[int] = []
    marks: set[str] = set()
    rows = [index for index in outside_fences(lines) if lines[index].strip()]
    at = 0
    while at < len(rows):
        first = rows[at]
        para = [first]
        while at + 1 < len(rows) and rows[at + 1] == para[-1] + 1:
            at += 1
            para.append(rows[at])
        at += 1
        texts = [lines[i].rstrip("\r") for i in para]
        if (
            not all(_plain(t) for t in texts)
            or any(t.lstrip().startswith(("Q: ", "A:")) for t in texts)
            or not any(
                (highlights and _HIGHLIGHT.search(t)) or _ANKI_CLOZE.search(t) for t in texts
            )
        ):
            continue
        if highlights and any(_HIGHLIGHT.search(t) for t in texts):
            marks.add("==...==")
        if any(_ANKI_CLOZE.search(t) for t in texts):
            marks.add("{{c1::...}}")
        whole = " ".join(cloze_whole(t.strip(), highlights=highlights) for t in texts)
        for number, index in enumerate(para):
            row = lines[index]
            body = row.rstrip("\r")
            asked = cloze_asked(body.strip(), highlights=highlights)
            if number == 0:
                asked = "Q: " + asked
            if number == len(para) - 1:
                asked += f" **A:** {whole}"
            lines[index] = asked + row[len(body) :]
        found.append(first + 1)
        if sources is not None:
            said = tuple(t.strip() for t in texts)
            sources.append(ClozeSource(first + 1, said, whole, highlights))
    return found, marks
