"""Logseq's cloze cards: `{{cloze text}}` in a `#card` block hides that text.

Logseq asks a card block (`- The {{cloze cross-entropy}} loss compares... #card`) with
each cloze blanked and shows it on reveal. Read as Markdown the braces and the hidden
text were the question's: the card asked "What is the {{cloze softmax}} used for?",
giving its answer away, its id spelled the hidden word (`cloze-softmax-used`, so mending
a typo in it made a new card away from the reviews), and a cloze block without child
blocks was no question at all. Here the block's first line is rewritten in place into
the importer's markers, as an Anki cloze is asked: `Q: The [...] loss compares...
**A:** The **cross-entropy** loss compares...`, its child blocks after it in the answer;
the id is made from the question, `[...]` and all. A cloze anywhere else (a child block)
shows its text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from quiz.ecosystem.clozebraces import BALANCED, unpaired
from quiz.ecosystem.clozecards import ClozeSource
from quiz.ecosystem.fences import outside_fences
from quiz.ecosystem.notes.blockprops import CARD_TAG

_CLOZE = re.compile(rf"\{{\{{cloze[ \t]({BALANCED})\}}\}}")
"""A cloze and its text (spaces around it taken off where it is used), read past its
formula's braces (`{{cloze $e^{\\frac{a}{b}}$}}`: `clozebraces`). One space after
`cloze`, no run: a run then a text that may hold spaces tried again at each space of a
long run (quadratic)."""
_ITEM = re.compile(r"^([ \t]*(?:[-*+][ \t]+)?)(.*)$")
"""A line's list mark (with its indent), then its text."""


@dataclass(frozen=True)
class LogseqClozes:
    """The notes with Logseq's cloze cards rewritten, and the lines they start at."""

    text: str
    lines: tuple[int, ...] = ()
    """1-based lines of the cloze cards' first lines."""
    sources: tuple[ClozeSource, ...] = ()
    """The cloze cards as written, to ask each cloze apart (`clozecards.split_clozes`)."""
    unpaired: tuple[tuple[int, str], ...] = ()
    """(1-based line, the cloze as written) of each cloze in a card's first line whose
    braces do not pair up: not read as a cloze, its text left as written."""

    def note(self) -> str | None:
        """One line for the import's report, or None when no cloze card was read."""
        if not self.lines:
            return None
        cards = (
            f"{len(self.lines)} Logseq cloze cards"
            if len(self.lines) > 1
            else "a Logseq cloze card"
        )
        return (
            f"{cards} ({{{{cloze ...}}}} in a #card block) asked a cloze at a time as [...],"
            " the others shown, and answered with the text whole, that cloze in bold, then"
            " the child blocks"
        )


def read_logseq_clozes(text: str) -> LogseqClozes:
    """The notes with each cloze card rewritten (see the module's docstring); fenced code
    is never touched."""
    if "{{cloze" not in text:
        return LogseqClozes(text)  # the common case: no copy of a large file
    rows = text.split("\n")
    cards: list[int] = []
    sources: list[ClozeSource] = []
    unread: list[tuple[int, str]] = []
    for index in outside_fences(rows, in_items=True):  # a block's fence opens after its mark
        row = rows[index]
        if "{{cloze" not in row:
            continue
        body = row.rstrip("\r")
        end = row[len(body) :]
        asked = CARD_TAG.sub("", body)
        if asked == body:  # no card's first line: the cloze shows its text
            rows[index] = _CLOZE.sub(lambda m: m.group(1).strip(), body) + end
            continue
        match = _ITEM.match(asked)
        assert match is not None  # the pattern matches any line
        mark, said = match.groups()
        unread += ((index + 1, cloze) for _, cloze in unpaired(said, "{{cloze", _CLOZE))
        hidden = _CLOZE.sub("[...]", said)
        if hidden == said:
            continue
        whole = _CLOZE.sub(_bold, said)
        rows[index] = f"{mark}Q: {hidden} **A:** {whole}{end}"
        cards.append(index + 1)
        sources.append(ClozeSource(index + 1, (said,), whole, highlights=False))
    return LogseqClozes("\n".join(rows), tuple(cards), tuple(sources), tuple(unread))


def _bold(match: re.Match[str]) -> str:
    """A cloze's text in bold, as the answer shows it (an empty cloze: nothing)."""
    text = match.group(1).strip()
    return f"**{text}**" if text else ""
