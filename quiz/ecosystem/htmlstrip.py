"""Remove HTML from imported Markdown: cards hold Markdown only, never copied markup.

Notes written for GitHub use `<details>`, `<summary>`, `<b>`, `<br>`, `<img>` and even
`<style>`; the terminal shows none of it. Tags are removed and their text kept, except
where the text is not content (`<summary>` labels such as "Show Answer", styles,
scripts, comments). A Notion export's callout (`<aside>💡 ...</aside>`) becomes a quote,
as an Obsidian callout does: a side remark shown apart, not run into the answer's prose.
An HTML table becomes a Markdown table (`htmltables`), its cells kept apart.
Code (fenced, indented or inline) is left exactly as written.
"""

from __future__ import annotations

import re

from quiz.bank.markdown import code_blocks, code_spans
from quiz.ecosystem.htmltables import pipe_tables

_DROPPED = re.compile(
    r"<(style|script|summary)\b[^>]*>.*?</\1\s*>|<!--.*?-->", re.IGNORECASE | re.DOTALL
)
_BREAK = re.compile(r"<br\s*/?>", re.IGNORECASE)
_TAG = re.compile(r"</?([A-Za-z][\w-]*)(?:\s[^<>]*)?/?>")
_TAG_IN_PROSE = re.compile(r"(?P<escape>(?<!\\)\\)?" + _TAG.pattern)
"""A tag, or text written like one with Markdown's escape before it (`\\<s>`: text)."""
_HTML_NAMES = frozenset(
    """a abbr acronym address area article aside audio b base bdi bdo big blink blockquote
    body br button canvas caption center cite code col colgroup data datalist dd del
    details dfn dialog dir div dl dt em embed fieldset figcaption figure font footer form
    frame frameset h1 h2 h3 h4 h5 h6 head header hgroup hr html i iframe img input ins kbd
    label legend li link main map mark marquee math menu meta meter nav nobr noscript
    object ol optgroup option output p param picture pre progress q rp rt ruby s samp
    script search section select slot small source span strike strong style sub summary
    sup svg table tbody td template textarea tfoot th thead time title tr track tt u ul
    var video wbr""".split()
)
"""The elements of HTML, as browsers and note apps write them (obsolete ones too: Anki's
`<font>`, old pages' `<center>`). A name containing `-` is a custom element
(`<anki-mathjax>`). Any other `<name>` is text: a model's `<eos>` or `<pad>` token,
`List<int>`."""
_ASIDE_OPEN = re.compile(r"<aside\b[^>]*>", re.IGNORECASE)
_ASIDE_CLOSE = re.compile(r"</aside\s*>", re.IGNORECASE)
_ENTITIES = {"&nbsp;": " ", "&amp;": "&", "&quot;": '"', "&#39;": "'", "&apos;": "'"}


def _strip_prose(text: str) -> str:
    """Tags out of text that holds no code block (inline code spans kept)."""
    pieces: list[str] = []
    last = 0
    for start, end in code_spans(text):
        pieces.append(_strip_tags(text[last:start]))
        pieces.append(text[start:end])
        last = end
    pieces.append(_strip_tags(text[last:]))
    return "".join(pieces)


def _strip_tags(text: str) -> str:
    text = _DROPPED.sub(lambda m: "\n" * m.group(0).count("\n"), text)  # keep line count
    text = _BREAK.sub(" ", text)
    text = _TAG_IN_PROSE.sub(_tag_or_text, text)
    for entity, char in _ENTITIES.items():
        text = text.replace(entity, char)
    return text


def _tag_or_text(match: re.Match[str]) -> str:
    """Nothing for an HTML tag; a code span for text written like one (`<eos>`, or
    `\\<s>` escaped as Markdown writes text), so the card keeps it and shows it as written
    (a Markdown viewer would take it for a tag). An escaped one lost its `<s>` and left its
    backslash ("and \\ too") until import52b."""
    tag = match.group(0).removeprefix("\\") if match.group("escape") else match.group(0)
    return "" if not match.group("escape") and is_html_tag(tag) else f"`{tag}`"


def is_html_tag(tag: str) -> bool:
    """Whether `<name ...>` (or `</name>`) is an element of HTML, not text written so."""
    found = _TAG.fullmatch(tag.strip())
    if found is None:
        return True  # a comment, a declaration: markup all the same
    name = found.group(1).lower()
    return name in _HTML_NAMES or "-" in name


def _nothing_to_strip(markdown: str) -> bool:
    """True when `strip_html` would give the text back as it is: no tag, comment or entity
    it removes anywhere (so none outside code either), no line ending in whitespace. Then
    the text's code blocks and spans are not looked for (that is a Markdown parse)."""
    return not (
        _TAG.search(markdown)
        or _DROPPED.search(markdown)
        or _BREAK.search(markdown)
        or any(entity in markdown for entity in _ENTITIES)
        or any(line != line.rstrip() for line in markdown.split("\n"))
    )


def _as_quote(body: list[str]) -> list[str]:
    """An aside's lines as one Markdown quote (blank lines inside it kept in the quote)."""
    while body and not body[0].strip():
        body.pop(0)
    while body and not body[-1].strip():
        body.pop()
    return [f"> {line.strip()}" if line.strip() else ">" for line in body]


def quote_asides(markdown: str) -> str:
    """Each Notion callout (`<aside>` ... `</aside>`, outside code) as a quote with a blank
    line around it; an aside never closed is left as written."""
    if "<aside" not in markdown.lower():
        return markdown
    lines = markdown.split("\n")
    code_rows: set[int] = set()
    for block in code_blocks(markdown):
        code_rows.update(range(block.first_line - 1, min(block.end_line - 1, len(lines))))
    out: list[str] = []
    body: list[str] | None = None  # the open aside's lines, None outside one
    opened = (0, 0)  # (row in `lines`, length of `out`) where the open aside began
    gap = False  # a quote just ended with its blank line
    for row, line in enumerate(lines):
        if body is None:
            opening = None if row in code_rows else _ASIDE_OPEN.match(line.strip())
            if opening is None:
                if not (gap and not line.strip()):
                    out.append(line)
                gap = False
                continue
            body, opened, line = [], (row, len(out)), line.strip()[opening.end() :]
        closing = _ASIDE_CLOSE.search(line)
        body.append(line if closing is None else line[: closing.start()])
        if closing is not None:
            if out and out[-1].strip():
                out.append("")
            out.extend([*_as_quote(body), ""])
            rest, body, gap = line[closing.end() :].strip(), None, True
            if rest:
                out.append(rest)
                gap = False
    if body is not None:  # never closed: its lines as they were
        out[opened[1] :] = lines[opened[0] :]
    return "\n".join(out)


def strip_html(markdown: str) -> str:
    """The Markdown without HTML tags outside code; lines left blank by a tag are dropped."""
    if ("<" not in markdown and "&" not in markdown) or _nothing_to_strip(markdown):
        return markdown
    markdown = pipe_tables(quote_asides(markdown))
    lines = markdown.split("\n")
    code_rows: set[int] = set()
    for block in code_blocks(markdown):
        code_rows.update(range(block.first_line - 1, min(block.end_line - 1, len(lines))))
    out: list[str] = []
    prose: list[str] = []

    def flush() -> None:
        if not prose:
            return
        original = prose[:]
        cleaned = _strip_prose("\n".join(prose)).split("\n")
        prose.clear()
        for before, after in zip(original, cleaned, strict=True):
            if after.strip() or not before.strip():
                out.append(after.rstrip())

    for row, line in enumerate(lines):
        if row in code_rows:
            flush()
            out.append(line)
        else:
            prose.append(line)
    flush()
    return "\n".join(out)
