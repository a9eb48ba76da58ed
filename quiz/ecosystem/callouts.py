"""Obsidian callouts in notes: which ones ask, which ones answer, and how the rest is shown.

A callout is a quote whose first line is `[!type]`, with an optional fold mark (`+`, `-`)
and title: `> [!tip]- Inverted dropout`. Obsidian renders it as a box; Markdown (and so
the card) sees a quote starting with `[!tip]`, which read as a key point gave "[!tip]
Inverted dropout Scaling at train time...". Here:

- a question callout (`[!question]`, its aliases `[!faq]` and `[!help]`, or any foldable
  callout, `-` or `+`, whose title ends in `?`) is a question: its title (or, without one,
  its first paragraph) asks, its body (or an answer callout right after it) answers;
- an answer callout (`[!answer]`, `[!solution]`, or any callout titled "Answer" or
  "Solution", as `> [!success]- Answer`) marks where an answer starts, as `**Answer:**`
  does, and its body is the answer's text, out of the quote;
- any other callout (note, tip, warning, example...) is text: in an answer it stays a
  quote, its header shown as a bold run-in heading (`> **Tip: Inverted dropout.**`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

CALLOUT = re.compile(r"^\[!(?P<kind>[A-Za-z][\w-]*)\](?P<fold>[+-]?)(?:[ \t]+(?P<title>.*))?$")
"""A callout's first line, as it reads inside its quote."""
BOX_KINDS = {"html-aside": "<aside>", "html-details": "<details>"}
"""The question callouts `htmlboxes` writes an asking HTML box as, with the tag reports name
it by (a `<details>` block was called a "callout question")."""
QUESTION_KINDS = frozenset({"question", "faq", "help", *BOX_KINDS})
"""Obsidian's question callout and its aliases, and the HTML boxes read as one."""
ANSWER_KINDS = frozenset({"answer", "solution", "ans"})
ANSWER_TITLES = frozenset({"answer", "solution", "ans", "a"})
"""Titles that make any callout an answer (`> [!success]- Answer`)."""
_QUOTE_MARK = re.compile(r"^ {0,3}> ?")
_HEADER = re.compile(
    r"^(?P<quotes>(?: {0,3}> ?)*+) {0,3}\[![A-Za-z][\w-]*\][+-]?(?:[ \t]+(?P<title>.*))?$"
)
"""A header line after its quote marks; possessive, since a space may end one mark or start
the next: a row of 26 marks that is no header took 42 s to refuse."""


@dataclass(frozen=True)
class Callout:
    """One callout of the notes: its quote's lines, what it is and its header's words."""

    start: int
    """0-based line of its header (`> [!tip] title`)."""
    end: int
    """0-based line past its quote."""
    kind: str
    """Its type, lowercase (`faq`, `tip`...)."""
    fold: str
    """`+`, `-` or ''."""
    title: str
    """The header's title as written (Markdown), '' when it has none."""

    @property
    def asks(self) -> bool:
        """A question callout: `[!question]`, `[!faq]`, `[!help]`, or a foldable callout
        whose title ends in `?` (the fold hides its answer, as a flashcard does; one open
        at first, `+`, as well: `> [!example]+ What does einsum compute?` was taken into
        the answer above it, its title a key point)."""
        return self.kind in QUESTION_KINDS or (
            self.fold in ("-", "+") and self.title.rstrip().endswith("?")
        )

    @property
    def titled_question(self) -> bool:
        """Its title ends in `?`: it asks in words, even unfolded (`[!tip] Why ...?`)."""
        return self.title.rstrip().endswith("?")

    @property
    def answers(self) -> bool:
        """An answer callout: `[!answer]`, `[!solution]`, or one titled "Answer"."""
        return not self.asks and (
            self.kind in ANSWER_KINDS or self.title.strip().strip("*_:.").lower() in ANSWER_TITLES
        )

    @property
    def name(self) -> str:
        """How reports name it: `[!tip] Inverted dropout`, an HTML box by its tag
        (`<aside> What is X?`)."""
        title = " ".join(self.title.split())
        if self.kind in BOX_KINDS:
            return f"{BOX_KINDS[self.kind]} {title}".rstrip()
        return f"[!{self.kind}] {title}" if title else f"[!{self.kind}]"


def callout_of(first_line: str, start: int, end: int) -> Callout | None:
    """The callout a quote is, from its first paragraph's first line, or None."""
    match = CALLOUT.match(first_line.strip())
    if match is None:
        return None
    return Callout(
        start, end, match.group("kind").lower(), match.group("fold"), match.group("title") or ""
    )


def unquote(row: str, times: int = 1) -> str:
    """The row with `times` quote marks (`>`) taken off its start (fewer when it has fewer:
    a lazy continuation line has none)."""
    for _ in range(times):
        match = _QUOTE_MARK.match(row)
        if match is None:
            break
        row = row[match.end() :]
    return row


def header_text(row: str, callout: Callout) -> str:
    """A callout's header line as the card shows it (the quote marks before it kept): an
    answer callout's becomes an answer marker (`**Answer:** title`), another's a bold
    run-in heading (`**Tip: Inverted dropout.**`), never a literal `[!tip]`."""
    match = _HEADER.match(row)
    if match is None:
        return row
    quotes = match.group("quotes")
    title = " ".join((match.group("title") or "").split())
    if callout.answers:
        own = title.strip("*_:. ").lower() in ANSWER_TITLES
        return f"{quotes}**Answer:**" + ("" if own or not title else f" {title}")
    label = (  # an HTML box's header reads as the question callout's did
        "Question"
        if callout.kind in BOX_KINDS
        else callout.kind.replace("-", " ").replace("_", " ").capitalize()
    )
    text = f"{label}: {title}" if title else label
    if not text.endswith((".", "?", "!")):
        text += "."
    return f"{quotes}**{text}**"
