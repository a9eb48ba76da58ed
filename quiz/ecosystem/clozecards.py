"""A cloze note of several deletions as a card per deletion, as Anki and RemNote ask it.

The readers of Markdown clozes (`==highlight==` and `{{c1::...}}` in a Spaced Repetition
note, RemNote's `{{...}}` written as Anki's, Logseq's `{{cloze ...}}`) rewrite a cloze
note into one question with every deletion `[...]`: one card that asked them all at once.
Anki asks each number apart (`c1`, `c2`...; deletions of one number together) and
RemNote and Logseq each deletion apart. Here such a question, once read, becomes one
question per number: its deletions hidden, the others' text shown, its answer the text
with its own deletions bold. A deletion with no number is its own (numbered after the
note's highest). Each keeps its note as `whole`, so its id is the note's and `-c1`,
`-c2`... (`cardids.base_id_of`) on every import, and a note imported before as one card
keeps that card (`keptids.keep_old_clozes`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, replace

from quiz.ecosystem.clozebraces import BALANCED
from quiz.ecosystem.clozefront import early_ends
from quiz.ecosystem.notes.found import NoteQuestion, ParsedNotes
from quiz.ecosystem.notes.read import parse_notes

__all__ = ["ClozeSource", "split_clozes"]

_DELETION = re.compile(
    r"\{\{c(?P<number>\d+)::(?P<anki>(?:(?!::|\}\}|\{\{c\d+::).)*+)"
    r"(?:::(?P<hint>(?:(?!\}\}|\{\{c\d+::).)*+))?\}\}"
    rf"|\{{\{{cloze[ \t](?P<logseq>{BALANCED})\}}\}}"
    r"|==(?=\S)(?P<mark>.+?)(?<=\S)=="
)
"""A deletion: Anki's (`{{c2::text::hint}}`), Logseq's (`{{cloze text}}`, read past its
formula's braces) or a highlight.
An Anki deletion's text stops at the next one's start, possessively: every `{{c1::` left
open on a line scanned the rest of it again (8,000 of them: 13 s)."""


@dataclass(frozen=True)
class ClozeSource:
    """A cloze note as written, where its question was rewritten to be read."""

    line: int
    """1-based line of its question (the `Q:` the reader finds)."""
    texts: tuple[str, ...]
    """Its lines with their deletions, stripped (a paragraph's, or a block's first)."""
    whole: str
    """Its answer's text as the rewrite wrote it, every deletion bold."""
    highlights: bool = True
    """Whether a `==highlight==` is a deletion here (in an untagged note it may not be)."""
    context: str = ""
    """What the note hangs under (a RemNote bullet's parents, `Activations › Sigmoid ...`),
    shown before its question as RemNote shows a card's parents: "Its derivative is [...]"
    alone does not say whose."""


@dataclass(frozen=True)
class _Deletion:
    group: int
    text: str
    hint: str | None
    highlight: bool


def _pieces(text: str, highlights: bool, start: int) -> tuple[list[str | _Deletion], int]:
    """The line as text and deletions, the unnumbered numbered from `start`; the next."""
    pieces: list[str | _Deletion] = []
    at = 0
    for match in _DELETION.finditer(text):
        if match["mark"] is not None and not highlights:
            continue
        pieces.append(text[at : match.start()])
        at = match.end()
        if match["number"] is not None:
            hint = match["hint"]
            pieces.append(_Deletion(int(match["number"]), match["anki"].strip(), hint, False))
        elif match["logseq"] is not None:
            pieces.append(_Deletion(start, match["logseq"].strip(), None, False))
            start += 1
        else:
            pieces.append(_Deletion(start, match["mark"], None, True))
            start += 1
    pieces.append(text[at:])
    return pieces, start


def _lines(source: ClozeSource) -> list[list[str | _Deletion]]:
    """The note's lines as pieces, its deletions numbered as Anki numbers them."""
    numbered = [int(n) for t in source.texts for n in re.findall(r"\{\{c(\d+)::", t)]
    start = max(numbered, default=0) + 1
    lines: list[list[str | _Deletion]] = []
    for text in source.texts:
        pieces, start = _pieces(text, source.highlights, start)
        lines.append(pieces)
    return lines


def _asked(pieces: list[str | _Deletion], group: int | None, hints: bool = True) -> str:
    """A line as asked for `group` (None: every deletion hidden)."""
    out: list[str] = []
    for piece in pieces:
        if isinstance(piece, str):
            out.append(piece)
        elif group is None or piece.group == group:
            shown = piece.hint.strip() if hints and piece.hint else ""
            out.append(f"[{shown or '...'}]")
        else:
            out.append(piece.text)
    return "".join(out)


def _answered(pieces: list[str | _Deletion], group: int) -> str:
    """A line as answered for `group`: its deletions bold, the others as text."""
    out: list[str] = []
    for piece in pieces:
        if isinstance(piece, str):
            out.append(piece)
        elif piece.group == group and piece.text.strip():
            out.append(f"**{piece.text}**")
        else:
            out.append(piece.text)
    return "".join(out)


def split_clozes(parsed: ParsedNotes, sources: Mapping[int, ClozeSource]) -> ParsedNotes:
    """The notes with each cloze question of several numbers as a question per number (see
    the module's docstring); the others, and any whose text reads otherwise, as they were."""
    if not sources or not any(q.line in sources for q in parsed.questions):
        return parsed  # (a note's `context` too is set here, for one deletion or many)
    questions: list[NoteQuestion] = []
    for question in parsed.questions:
        source = sources.get(question.line)
        if source is not None and source.context and not question.context:
            question = replace(question, context=source.context)
        if source is not None and (said := _early_ends(source)):
            question = replace(question, remarks=question.remarks + said)
        made = _per_number(question, source) if source is not None else None
        questions.extend(made or (question,))
    return replace(parsed, questions=tuple(questions))  # each its note's ordinal: its source


def _early_ends(source: ClozeSource) -> tuple[str, ...]:
    """What to say of the note's Anki deletions that a `}}` of their own math ends."""
    return early_ends(
        [
            (match.group("number"), match.group("anki"))
            for text in source.texts
            for match in _DELETION.finditer(text)
            if match.group("anki") is not None
        ]
    )


def _per_number(question: NoteQuestion, source: ClozeSource) -> list[NoteQuestion] | None:
    """The question's cards per number, or None when it has one number (or its answer no
    longer starts with the text as written: nothing is guessed)."""
    if question.cloze or not question.answer.startswith(source.whole):
        return None
    lines = _lines(source)
    groups = sorted({p.group for pieces in lines for p in pieces if isinstance(p, _Deletion)})
    if len(groups) < 2:
        return None
    whole = question
    if any(isinstance(p, _Deletion) and p.hint for pieces in lines for p in pieces):
        said = _title_of([_asked(pieces, None, hints=False) for pieces in lines])
        if said is None:
            return None
        whole = replace(question, id_title=said[0])  # a hint's words never in the id
    rest = question.answer[len(source.whole) :]
    made: list[NoteQuestion] = []
    for group in groups:
        said = _title_of([_asked(pieces, group) for pieces in lines])
        if said is None:
            return None
        answer = " ".join(_answered(pieces, group) for pieces in lines) + rest
        title, prompt = said
        made.append(
            replace(question, title=title, prompt=prompt, answer=answer, cloze=group, whole=whole)
        )
    return made


def _title_of(asked: list[str]) -> tuple[str, str] | None:
    """(title, prompt) the reader makes of a question so asked, or None when it reads as
    no one question."""
    read = parse_notes("Q: " + "\n".join(asked) + " **A:** x").questions
    if len(read) != 1:
        return None
    return read[0].title, read[0].prompt
