"""Read an Anki plain-text export (File > Export > Notes in Plain Text) as notes to import.

Anki writes one note per row, its fields parted by a tab (or the `#separator:` its
header names), a field holding a tab, a newline or a quote in double quotes (`""` for a
quote), fields in HTML (`<br>`, `<b>`, `&sigma;`) unless `#html:false`. Its header lines
(`#separator:tab`, `#html:true`, `#notetype column:1`, `#deck column:2`,
`#tags column:5`, `#guid column:1`) say which columns are not fields. The first field
is the question and the second the answer; a cloze note (`{{c1::answer::hint}}` in its
first field) is asked with each deletion shown as `[...]` (or `[hint]`) and answered
with the text whole, its deletions in bold, then its second field (Back Extra). A
note's deck names its topic, as a numbered section of Markdown notes does.
"""

from __future__ import annotations

import csv
import html
import re
from dataclasses import dataclass

from quiz.ecosystem.notes import Ignored, NoteQuestion, ParsedNotes

__all__ = ["is_anki_text", "parse_anki_text", "tab_separated"]

_HEADER = re.compile(r"^#([a-z ]+):(.*)$")
_KNOWN_HEADERS = frozenset(
    {
        "separator",
        "html",
        "tags",
        "columns",
        "notetype",
        "deck",
        "notetype column",
        "deck column",
        "tags column",
        "guid column",
    }
)
_SEPARATORS = {
    "tab": "\t",
    "comma": ",",
    "semicolon": ";",
    "space": " ",
    "pipe": "|",
    "colon": ":",
}
_CLOZE = re.compile(r"\{\{c(\d+)::(.*?)(?:::(.*?))?\}\}", re.DOTALL)
_BREAKS = re.compile(r"<br\s*/?>|</(?:div|p|li|h[1-6])\s*>", re.IGNORECASE)
_ITEM = re.compile(r"<li\b[^>]*>", re.IGNORECASE)
_BOLD = re.compile(r"</?(?:b|strong)\b[^>]*>", re.IGNORECASE)
_SCRIPT = re.compile(r"<(sup|sub)\b[^>]*>(.*?)</\1\s*>", re.IGNORECASE | re.DOTALL)
_TAG = re.compile(r"</?[A-Za-z][\w-]*(?:\s[^<>]*)?/?>")
_SOUND = re.compile(r"\[sound:[^\]]*\]")
_SNIPPET = 50


def is_anki_text(text: str, suffix: str) -> bool:
    """True for an Anki plain-text export: it starts with an Anki header line
    (`#separator:`, `#html:`...), or it is a `.txt`/`.tsv` file that looks tab-separated
    (`tab_separated`: Anki before 2.1.55 wrote no header)."""
    first = text.lstrip("\ufeff").split("\n", 1)[0].rstrip("\r")
    match = _HEADER.match(first)
    if match is not None and match.group(1) in _KNOWN_HEADERS:
        return True
    return suffix.lower() in (".txt", ".tsv") and tab_separated(text)


def tab_separated(text: str) -> bool:
    """True when the first non-blank line has a tab, and at least half the non-blank
    lines do (a field in quotes may run over lines without one)."""
    rows = [line for line in text.split("\n") if line.strip()]
    return bool(rows) and "\t" in rows[0] and 2 * sum("\t" in row for row in rows) >= len(rows)


@dataclass
class _Layout:
    separator: str = "\t"
    html: bool = True
    deck: str | None = None
    meta: dict[int, str] | None = None
    """0-based column -> what it holds (notetype, deck, tags, guid): not a field."""


def _header(lines: list[str]) -> tuple[_Layout, int]:
    """The layout the header lines give, and how many lines they are."""
    layout = _Layout(meta={})
    assert layout.meta is not None
    count = 0
    for line in lines:
        match = _HEADER.match(line.rstrip("\r"))
        if match is None or match.group(1) not in _KNOWN_HEADERS:
            break
        count += 1
        key, value = match.group(1), match.group(2).strip()
        if key == "separator":
            layout.separator = _SEPARATORS.get(value.lower(), value[:1] or "\t")
        elif key == "html":
            layout.html = value.lower() == "true"
        elif key == "deck":
            layout.deck = value
        elif key.endswith(" column") and value.isdigit() and int(value) >= 1:
            layout.meta[int(value) - 1] = key.split(" ", 1)[0]
    return layout, count


def _to_markdown(field: str, as_html: bool, *, bold: bool = True) -> str:
    """A field's text as Markdown: line breaks, list items and bold (unless not `bold`)
    kept, other tags dropped, entities read (`&sigma;` -> σ), sounds left out."""
    text = field.replace("\r\n", "\n")
    if as_html:
        text = _BREAKS.sub("\n", text)
        text = _ITEM.sub("- ", text)
        text = _BOLD.sub("**" if bold else "", text)
        text = _SCRIPT.sub(
            lambda m: ("^" if m.group(1).lower() == "sup" else "_") + m.group(2), text
        )
        text = _TAG.sub("", text)
        text = html.unescape(text).replace("\xa0", " ")
    text = _SOUND.sub("", text)
    lines = [" ".join(line.split()) for line in text.split("\n")]
    return "\n".join(lines).strip()


def _cloze(front: str) -> tuple[str, str]:
    """(the question with each deletion hidden, the text whole with its deletions bold)."""
    asked = _CLOZE.sub(lambda m: f"[{m.group(3) or '...'}]", front)
    whole = _CLOZE.sub(lambda m: f"**{m.group(2)}**", front)
    return asked, whole


def _snippet(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= _SNIPPET else flat[: _SNIPPET - 1] + "…"


def parse_anki_text(text: str) -> ParsedNotes:
    """The questions of an Anki plain-text export, one per note with a question and an
    answer; every other row is listed in `ignored` with its line and why."""
    text = text.lstrip("\ufeff")
    lines = text.split("\n")
    layout, skip = _header(lines)
    meta = layout.meta or {}
    body = "\n".join(lines[skip:])
    reader = csv.reader(body.splitlines(keepends=True), delimiter=layout.separator, strict=False)
    questions: list[NoteQuestion] = []
    ignored: list[Ignored] = []
    start = skip + 1
    for row in reader:
        line = start
        start = skip + reader.line_num + 1
        fields = [value for column, value in enumerate(row) if column not in meta]
        deck = next((row[c] for c, kind in meta.items() if kind == "deck" and c < len(row)), None)
        deck = deck or layout.deck
        # The question is a title: plain text (bold is markup the title would show).
        texts = [
            _to_markdown(value, layout.html, bold=column > 0) for column, value in enumerate(fields)
        ]
        if not any(texts):
            if any(value.strip() for value in row):
                ignored.append(Ignored(line, _snippet(" ".join(row)), "a note with no text"))
            continue
        front = texts[0] if texts else ""
        back = texts[1] if len(texts) > 1 else ""
        if _CLOZE.search(front):
            asked, whole = _cloze(front)
            back = "\n\n".join(part for part in (whole, back) if part)
            front = asked
        if not front:
            ignored.append(Ignored(line, _snippet(back), "a note whose first field is empty"))
            continue
        if not back:
            ignored.append(
                Ignored(
                    line,
                    _snippet(front),
                    "a note with one field: no second field to be its answer",
                )
            )
            continue
        title, _, prompt = front.partition("\n")
        questions.append(
            NoteQuestion(
                ordinal=len(questions) + 1,
                number=None,
                title=title.strip(),
                prompt=prompt.strip(),
                answer=back,
                line=line,
                marker=True,
                answer_line=line,
                section=deck.replace("::", " ") if deck else None,
            )
        )
    return ParsedNotes(None, tuple(questions), tuple(ignored))
