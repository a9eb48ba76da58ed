"""An Anki field's HTML as Markdown text, and the media it shows.

Anki keeps a field as HTML (`<br>`, `<b>`, `<ul><li>`, `<table>`, `&sigma;`, `<img src>`,
`[sound:x.mp3]`): a card wants its text, its breaks, lists, tables, bold and code kept, and
the report wants the images and sounds that import cannot bring along named.
"""

from __future__ import annotations

import html
import re

from quiz.ecosystem.ankimarkup import anki_math, held_code
from quiz.ecosystem.htmlstrip import is_html_tag
from quiz.ecosystem.htmltables import pipe_tables
from quiz.ecosystem.scripts import SCRIPT, script_text
from quiz.ecosystem.tagtext import ESCAPED_TAG

__all__ = [
    "field_images",
    "field_markdown",
    "field_sounds",
    "media_only",
    "plain_text",
]

_BREAKS = re.compile(r"<br\s*/?>|</(?:div|p|li|h[1-6])\s*>", re.IGNORECASE)
_ITEM = re.compile(r"<li\b[^>]*>", re.IGNORECASE)
_BLOCK_OPEN = re.compile(r"<(?:div|p|h[1-6])\b[^>]*>", re.IGNORECASE)
"""A block's start: a line of its own when text comes before it on its line. Anki's editor
leaves a field's first line bare and wraps each next one (`First.<div>Second.</div>`):
the first two lines ran together ("recall.It is high")."""
_LIST_OPEN = re.compile(r"<(?:ul|ol)\b[^>]*>", re.IGNORECASE)
_LIST_END = re.compile(r"</(?:ul|ol)\s*>", re.IGNORECASE)
_END_MARK = "\x00"
_TEXT_AFTER_LIST = re.compile(_END_MARK + r"(?=[ \t]*[^\s\x00])")
"""A list's end with text after it on its line: that text needs a blank line before it,
or Markdown reads it as the last item's ("High variance: overfitting Regularization
trades..."); a list's end anywhere else gives no text, as before."""
_BOLD = re.compile(r"</?(?:b|strong)\b[^>]*>", re.IGNORECASE)
_TAG = re.compile(r"</?[A-Za-z][\w-]*(?:\s[^<>]*)?/?>")
_CODE = re.compile(r"<code\b[^>]*>(.*?)</code\s*>", re.IGNORECASE | re.DOTALL)
"""Inline code (`<code>np.einsum</code>`, Anki's editor's and many shared decks'): in an
answer, a code span, as its Markdown; its tags were dropped, and `a @ b` read as prose. In
a question it stays text: its words make the card's id, which a re-import must keep."""
_TYPED_TAG = re.compile(
    rf"(?P<code>{_CODE.pattern})|{ESCAPED_TAG.pattern}", re.IGNORECASE | re.DOTALL
)
"""An inline `<code>` element (read as code already) or a tag typed as text (`&lt;b&gt;`)."""
_HELD_LT, _HELD_GT = "\ue002", "\ue003"
"""`&lt;` and `&gt;` of a tag typed in a question, kept from the unescaping (`_typed_tags`)."""
_SOUND = re.compile(r"\[sound:([^\]]*)\]")
_EMPTY_LINES = re.compile(r"\n{3,}")
_IMAGE = re.compile(r"""<img\b[^>]*?\bsrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.IGNORECASE)


def field_markdown(
    field: str, as_html: bool, *, bold: bool = True, code: bool | None = None
) -> str:
    """A field's text as Markdown: line breaks, list items, bold and inline code (unless not
    `bold`: a question's) kept, other tags dropped, entities read (`&sigma;` -> σ), sounds left out.
    `code` keeps inline code whatever `bold` says: a question of drillbit's own note, whose
    id is its CardId field's, keeps the code spans its card had."""
    text = anki_math(field.replace("\r\n", "\n"))  # `[$]x[/$]`: Anki's own LaTeX tags
    put_back = None
    if as_html:
        text, put_back = held_code(text)  # a `<pre>` block: code, its lines and spaces kept
        text = pipe_tables(text)  # `<table>`: a Markdown table, its cells no longer run together
        text = _LIST_END.sub(_END_MARK, _LIST_OPEN.sub("", text.replace(_END_MARK, "")))
        text = _BREAKS.sub("\n", text)
        text = _BLOCK_OPEN.sub(lambda m: "" if _line_start(text, m.start()) else "\n", text)
        # an item starts a line ("Intro<ul><li>a" was "Intro- a")
        text = _ITEM.sub(lambda m: "- " if _line_start(text, m.start()) else "\n- ", text)
        text = _TEXT_AFTER_LIST.sub("\n\n", text).replace(_END_MARK, "")
        text = _typed_tags(text, bold)  # `&lt;b&gt;` typed is text; a raw `<b>` is bold
        if bold if code is None else code:  # a question's words make its id, kept as they were
            text = _CODE.sub(_code_span, text)  # `<code>a @ b</code>`: `a @ b`
        text = _BOLD.sub("**" if bold else "", text)
        text = SCRIPT.sub(script_text, text)  # `m<sub>t-1</sub>`: m_(t-1)
        text = _TAG.sub("", text)
        text = html.unescape(text).replace("\xa0", " ")
        text = text.replace(_HELD_LT, "&lt;").replace(_HELD_GT, "&gt;")
    text = _SOUND.sub("", text)
    lines = [" ".join(line.split()) for line in text.split("\n")]
    # a dropped `<img>` or sound between breaks left empty lines: one blank line parts text
    text = _EMPTY_LINES.sub("\n\n", "\n".join(lines)).strip()
    return put_back(text) if put_back is not None else text


def _typed_tags(text: str, answer: bool) -> str:
    """Each tag typed as text (`&lt;b&gt;`, stored escaped; a raw `<b>` is bold) kept from
    the tag stripping: in an answer as code, as `<eos>` is, its entities read later; in a
    question as Markdown's `&lt;b&gt;`, shown as `<b>` (a code span's words would join the
    card's id). An inline `<code>` element of an answer is left to `_code_span`."""
    if "&lt;" not in text:
        return text
    if not answer:  # `&lt;eos&gt;`, no HTML once read, is kept as it is (`strip_html`)
        return ESCAPED_TAG.sub(_held_if_html, text)

    def as_code(match: re.Match[str]) -> str:
        typed = match.group(0)
        if match.group("code") is not None:
            return typed
        ticks = "``" if "`" in typed else "`"
        return f"{ticks}{typed}{ticks}"

    return _TYPED_TAG.sub(as_code, text)


def _held_if_html(match: re.Match[str]) -> str:
    """A typed tag of a question kept escaped when its name is HTML's (`&lt;s&gt;`)."""
    if not is_html_tag(f"<{match.group(1)}>"):
        return match.group(0)
    return f"{_HELD_LT}{match.group(1)}{_HELD_GT}"


def _code_span(match: re.Match[str]) -> str:
    """An inline `<code>` element as a code span: its text on one line, its tags off, as
    many backticks around it as it needs (none when it holds no text)."""
    code = " ".join(_TAG.sub("", match.group(1)).split())
    if not code:
        return ""
    ticks = "`" * (max((len(run) for run in re.findall("`+", code)), default=0) + 1)
    pad = " " if code.startswith("`") or code.endswith("`") else ""
    return f"{ticks}{pad}{code}{pad}{ticks}"


def _line_start(text: str, at: int) -> bool:
    """True when `at` opens a line of the text (spaces before it aside)."""
    while at > 0 and text[at - 1] in " \t":
        at -= 1
    return at == 0 or text[at - 1] == "\n"


def field_images(fields: list[str]) -> tuple[str, ...]:
    """The file names of the images a note's fields show (`<img src="plot.png">`), each
    once: dropped with the other tags, they are named in a note, since a card that asked
    about a plot no longer shows it."""
    found = (
        next(g for g in m.groups() if g is not None) for f in fields for m in _IMAGE.finditer(f)
    )
    return tuple(dict.fromkeys(_image_name(html.unescape(name)) for name in found if name))


def _image_name(source: str) -> str:
    """How the report names an image: its file, or `a pasted image/png` for one held in
    the field itself (`data:image/png;base64,...`), whose source of 200 KB was the note's
    line of the report."""
    if source[:5].lower() != "data:":
        return source
    kind = source[5:].partition(";")[0].partition(",")[0].strip()[:40]
    return f"a pasted {kind or 'image'}"


def field_sounds(fields: list[str]) -> tuple[str, ...]:
    """The sound files a note's fields play (`[sound:cat.mp3]`), each once: left out of
    the text, they are named in a note, as images are."""
    found = (m.group(1).strip() for f in fields for m in _SOUND.finditer(f))
    return tuple(dict.fromkeys(html.unescape(name) for name in found if name))


def media_only(field: str, as_html: bool) -> tuple[str, ...]:
    """The media a field shows when it shows nothing else (`[sound:cat.mp3]`, an `<img>`
    alone): its text is empty, and the note is skipped for that reason, not for a missing
    field."""
    return (field_images([field]) if as_html else ()) + field_sounds([field])


def plain_text(field: str) -> str:
    """A field's text with its tags dropped and its entities read: a source column's."""
    return html.unescape(_TAG.sub("", field)).strip()
