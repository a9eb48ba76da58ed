"""What Logseq and Obsidian write on a block besides its text: a `#card` tag that says the
block asks, `key:: value` properties (a `source::` one is the card's citation, a `Q::` over
an `A::` a card), `#tags` ending a title (the card's tags).
"""

from __future__ import annotations

import re

from quiz.bank.markdown.sourcemap import LineIndex
from quiz.ecosystem.idwords import nested_tags
from quiz.ecosystem.notes.coderows import PROPERTY_LINE, CodeRows

CARD_TAG = re.compile(r"[ \t]#(?:card|flashcard|\[\[card\]\])[ \t]*$", re.MULTILINE | re.I)
"""Logseq's flashcard tag at the end of a block's first line (`- What is X? #card`). One
space before it, not a run: `[ \t]+#` tried again at each space of a long run took 2 minutes
on 200 KB of spaces."""


_SOURCE_PROPERTY = re.compile(
    r"^[ \t]*(?:[-*+][ \t]+)?(?:source|sources|reference|ref):: (?P<cite>.*\S)[ \t]*$",
    re.MULTILINE | re.IGNORECASE,
)
"""A `source:: Goodfellow 7.12` property under an answer: the card's `source`, where it
was left out as metadata and the citation lost."""
_PROPERTY = re.compile(PROPERTY_LINE.pattern, re.MULTILINE)
"""A Logseq block property (`id:: 64f1...`, `collapsed:: true`, or `collapsed::` with no
value): metadata, not text. Under a question's first line it made the question's paragraph
end without '?' (the question and its answer dropped without a word); as an item it was a
key point. Without a value (import53) it was a word of the title ("What is dropout?
collapsed") or a sentence of the answer. No blank before the `::`: `Dropout ::` is
RemNote's concept card, and `std::vector` has text after it. `coderows.PROPERTY_LINE`
over the whole text; a line in code is the code's (`CodeRows`:
a fenced C++ block's `Foo::` line was cut out of an answer, import53c)."""


ASKED_PAIR = re.compile(
    r"^(?P<q_at>[ \t]*(?:[-*+][ \t]+)?)(?:q|question|front)::(?P<q> .*\S)[ \t\r]*\n"
    r"(?P<a_at>[ \t]*(?:[-*+][ \t]+)?)(?:a|answer|back)::(?P<a> .*\S)[ \t]*(?P<end>\r?)$",
    re.MULTILINE | re.IGNORECASE,
)
"""A question and its answer as two properties, one line over the other (`Q:: What is X?`
over `A:: It is Y.`, Dataview's inline fields, a Logseq block's `question::` and
`answer::`): a card. Left out as metadata, the card was lost with a note."""


def asked_pair_rows(text: str, code: CodeRows | None = None) -> frozenset[int]:
    """The rows (0-based) of the `Q::` and `A::` lines that make a card (`ASKED_PAIR`),
    neither in code (`code`: the text's `CodeRows`, when the caller has them)."""
    if "::" not in text:
        return frozenset()
    rows: list[int] = []
    index: LineIndex | None = None
    for match in ASKED_PAIR.finditer(text):
        index = LineIndex(text) if index is None else index
        row = index.row(match.start())
        code = CodeRows(text) if code is None else code
        if row not in code and row + 1 not in code:
            rows.extend((row, row + 1))
    return frozenset(rows)


def _as_q_and_a(match: re.Match[str]) -> str:
    """The pair as the `Q:` and `A:` lines it means, each on its own line."""
    return f"{match['q_at']}Q:{match['q']}\n{match['a_at']}A:{match['a']}{match['end']}"


def _tagged_rows(text: str, first_line: int) -> frozenset[int]:
    """The rows (0-based, in the notes) of the text's lines that end in a `#card` tag."""
    rows: list[int] = []
    row, counted_to = first_line, 0
    for match in CARD_TAG.finditer(text):
        row += text.count("\n", counted_to, match.start())
        counted_to = match.start()
        rows.append(row)
    return frozenset(rows)


def card_tags(written: tuple[str, ...]) -> tuple[str, ...]:
    """The card tags of the tags ending a question's title (`#ml/deep` -> `ml-deep`), each
    once: Obsidian tags a heading so, and they were words of its title."""
    return tuple(dict.fromkeys(tag for word in written for tag in nested_tags(word)))


def take_properties(
    text: str, first_line: int
) -> tuple[str, frozenset[int], dict[int, str], tuple[int, ...]]:
    """The text without its `#card` tags and block properties (each property's line left
    blank, so every line keeps its number), the rows of the lines that ended in a `#card`
    tag, the `source::` citations by row, and the rows of the property lines left out, in
    order (0-based, in the notes: the report names them, `properties.find_properties`)."""
    card_rows: frozenset[int] = frozenset()
    if "#card" in text or "#flashcard" in text or "#[[card]]" in text:
        card_rows = _tagged_rows(text, first_line)
        text = CARD_TAG.sub("", text)  # the tag says it asks: the question is what is left
    cited_at: dict[int, str] = {}  # rows of `source:: ...` properties: a card's source
    if "::" not in text or _PROPERTY.search(text) is None:
        return text, card_rows, cited_at, ()
    code = CodeRows(text)  # a line in code is the code's, whatever it looks like
    asked = asked_pair_rows(text, code)
    if asked:  # `Q:: ...` over `A:: ...`: a card (`Q:` for `Q::`: the rows stay as they were)
        rows = LineIndex(text)
        text = ASKED_PAIR.sub(
            lambda m: _as_q_and_a(m) if rows.row(m.start()) in asked else m[0], text
        )
    rows = LineIndex(text)
    cited_at = {
        first_line + row: " ".join(m["cite"].split())
        for m in _SOURCE_PROPERTY.finditer(text)
        if (row := rows.row(m.start())) not in code
    }
    left_out: list[int] = []

    def blank(match: re.Match[str]) -> str:
        """A blank line in its place: every line keeps its number."""
        row = rows.row(match.start())
        if row in code:
            return match[0]
        left_out.append(first_line + row)
        return ""

    text = _PROPERTY.sub(blank, text)
    return text, card_rows, cited_at, tuple(left_out)
