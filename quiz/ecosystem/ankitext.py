"""Read an Anki plain-text export (File > Export > Notes in Plain Text) as notes to import.

Anki writes one note per row, its fields parted by a tab (or the `#separator:` its
header names), a field holding a tab, a newline or a quote in double quotes (`""` for a
quote), fields in HTML (`<br>`, `<b>`, `&sigma;`) unless `#html:false`. Its header lines
(`#separator:tab`, `#html:true`, `#notetype column:1`, `#deck column:2`,
`#tags column:5`, `#guid column:1`) say which columns are not fields. The first field
is the question and the second the answer; a cloze note (`{{c1::answer::hint}}` in its
first field) is asked with each deletion shown as `[...]` (or `[hint]`) and answered
with the text whole, its deletions in bold, then its second field (Back Extra). A cloze
note with several numbers (`c1`, `c2`...) gives one card per number, as Anki makes
them: each hides its own number's deletions and shows the others' text. A note's deck
names its topic, as a numbered section of Markdown notes does; its tags (the
`#tags column:`, space-separated, `::` for a hierarchy) are the card's, kebab-cased.
"""

from __future__ import annotations

import csv
import html
import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from quiz.bank.models import KEBAB
from quiz.ecosystem.ankimarkup import anki_math, held_code
from quiz.ecosystem.citations import field_citation, take_citations
from quiz.ecosystem.clozefront import early_ends, title_sentence
from quiz.ecosystem.csvquotes import read_stray_quotes
from quiz.ecosystem.idwords import card_tag
from quiz.ecosystem.notes.found import Ignored, NoteQuestion, ParsedNotes
from quiz.ecosystem.scripts import SCRIPT, script_text

__all__ = [
    "has_anki_header",
    "is_anki_text",
    "parse_anki_text",
    "suffix_separator",
    "tab_separated",
]

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
_CLOZE = re.compile(
    r"\{\{c(\d+)::((?:(?!::|\}\}|\{\{c\d+::).)*+)(?:::((?:(?!\}\}|\{\{c\d+::).)*+))?\}\}",
    re.DOTALL,
)
"""An Anki deletion holding no other: its number, its text up to its first `::`, its hint
after it, read to its first `}}` as Anki reads it. A nested one (Anki 2.1.56 on:
`{{c1::a {{c2::b}} }}`) is its innermost (`_innermost_first`). Its text stops at the next
deletion's start: `(.*?)(?:::(.*?))?` backtracked over the rest of the field from every
`{{c1::` left open, and an export with `std::` in such a field took minutes (8 KB of
unclosed `{{c1::`: 45 s)."""
_CLOZE_START = re.compile(r"\{\{c(\d+)::")
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
_SOUND = re.compile(r"\[sound:([^\]]*)\]")
_EMPTY_LINES = re.compile(r"\n{3,}")
_IMAGE = re.compile(r"""<img\b[^>]*?\bsrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.IGNORECASE)
_SNIPPET = 50
_OWN_CHOICE = "drillbit choice"
_OWN_NUMERIC = "drillbit numeric"
"""drillbit's own note types (`drillbit export anki`), whose second field is not the
answer: a choice note's is the list of choices, wrong ones too (then its Answer, each
choice marked, then its Explanation); a numeric note's is the number alone (then its
Explanation). Read as the first field and the second, a choice note's wrong choices
became the card's answer and key points."""
_CARD_ID_FIELD = {"drillbit concept": 4, _OWN_CHOICE: 5, _OWN_NUMERIC: 4}
"""Where each of drillbit's note types holds its card's id (the CardId field)."""
_ID = re.compile(KEBAB)
_RIGHT_CHOICE = re.compile(r"^- ✓ (.*)$", re.MULTILINE)
"""A right choice in a choice note's Answer field, as `_to_markdown` reads its list."""
_OWN_TAG = "drillbit::tag::"
_OWN_TOPIC = "drillbit::topic::"
"""The namespaces of drillbit's export (`drillbit export anki`) for a card's tags and topic."""
_OCCLUSION = (
    "an Image Occlusion note: what it asks is hidden in its image, and import reads a"
    " note's text only"
)
"""Why an Image Occlusion note (its first field `{{c1::image-occlusion:rect:...}}`) gives
no card: asked as a cloze, its question was `[...]`, reported as an answer too short."""
_ANKI_OWN_TAGS = frozenset({"leech"})
"""Tags Anki's scheduler adds of itself (a card failed too often there): about the review
history in Anki, which does not come along, not about the note."""


_SUFFIX_SEPARATORS = {".txt": "\t", ".tsv": "\t", ".csv": ","}
"""The separator of a file of notes without a header, by its suffix: Anki's import reads a
`.csv` of comma-separated fields as it reads a `.txt` of tab-separated ones."""


def suffix_separator(suffix: str) -> str:
    """The fields' separator of a headerless export with this suffix (a tab but for `.csv`)."""
    return _SUFFIX_SEPARATORS.get(suffix.lower(), "\t")


def is_anki_text(text: str, suffix: str) -> bool:
    """True for an Anki plain-text export: it starts with an Anki header line
    (`#separator:`, `#html:`...), or it is a `.txt`/`.tsv` file that looks tab-separated
    (`tab_separated`: Anki before 2.1.55 wrote no header), or a `.csv` file that looks
    comma-separated (a spreadsheet's or another app's cards: it was read as Markdown,
    "no questions found")."""
    if has_anki_header(text):
        return True
    separator = _SUFFIX_SEPARATORS.get(suffix.lower())
    return separator is not None and tab_separated(text, separator)


def has_anki_header(text: str) -> bool:
    """True when the text starts with one of Anki's header lines (`#separator:tab`): a file
    Anki wrote, read as it is."""
    first = text.lstrip("\ufeff").split("\n", 1)[0].rstrip("\r")
    match = _HEADER.match(first)
    return match is not None and match.group(1) in _KNOWN_HEADERS


def tab_separated(text: str, separator: str = "\t") -> bool:
    """True when the first non-blank line has a tab (or `separator`), and at least half
    the non-blank lines do (a field in quotes may run over lines without one)."""
    rows = [line for line in text.split("\n") if line.strip()]
    return (
        bool(rows)
        and separator in rows[0]
        and 2 * sum(separator in row for row in rows) >= len(rows)
    )


@dataclass
class _Layout:
    separator: str = "\t"
    html: bool = True
    deck: str | None = None
    meta: dict[int, str] | None = None
    """0-based column -> what it holds (notetype, deck, tags, guid): not a field."""


def _header(lines: list[str], separator: str) -> tuple[_Layout, int]:
    """The layout the header lines give (`separator` when none names one), and how many
    lines they are."""
    layout = _Layout(separator, meta={})
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
    """A field's text as Markdown: line breaks, list items, bold and inline code (unless not
    `bold`: a question's) kept, other tags dropped, entities read (`&sigma;` -> σ), sounds left out."""
    text = anki_math(field.replace("\r\n", "\n"))  # `[$]x[/$]`: Anki's own LaTeX tags
    put_back = None
    if as_html:
        text, put_back = held_code(text)  # a `<pre>` block: code, its lines and spaces kept
        text = _LIST_END.sub(_END_MARK, _LIST_OPEN.sub("", text.replace(_END_MARK, "")))
        text = _BREAKS.sub("\n", text)
        text = _BLOCK_OPEN.sub(lambda m: "" if _line_start(text, m.start()) else "\n", text)
        # an item starts a line ("Intro<ul><li>a" was "Intro- a")
        text = _ITEM.sub(lambda m: "- " if _line_start(text, m.start()) else "\n- ", text)
        text = _TEXT_AFTER_LIST.sub("\n\n", text).replace(_END_MARK, "")
        if bold:  # an answer's: a question's words make its id, kept as they were
            text = _CODE.sub(_code_span, text)  # `<code>a @ b</code>`: `a @ b`
        text = _BOLD.sub("**" if bold else "", text)
        text = SCRIPT.sub(script_text, text)  # `m<sub>t-1</sub>`: m_(t-1)
        text = _TAG.sub("", text)
        text = html.unescape(text).replace("\xa0", " ")
    text = _SOUND.sub("", text)
    lines = [" ".join(line.split()) for line in text.split("\n")]
    # a dropped `<img>` or sound between breaks left empty lines: one blank line parts text
    text = _EMPTY_LINES.sub("\n\n", "\n".join(lines)).strip()
    return put_back(text) if put_back is not None else text


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


_LINE_BREAK = re.compile(r"[ \t]*\n[ \t]*")


def _deletion_on_one_line(match: re.Match[str]) -> str:
    """A deletion whose text holds a line break (`{{c1::a running mean<br>of the
    gradient}}`, Anki's editor wraps a long one) on one line: hidden it is one `[...]`, but
    the card of another number was titled by the line before the break alone ("Explain
    adam keeps a running mean."), its question cut mid-sentence."""
    return _LINE_BREAK.sub(" ", match.group(0))


def _cloze(front: str, number: str | None = None, *, hints: bool = True) -> tuple[str, str]:
    """(the question with each deletion of `number` hidden, the text whole with those
    deletions bold); every deletion when `number` is None. Another number's deletion
    shows its text, as Anki shows it on this number's card. `hints=False`: a hidden
    deletion is `[...]` even when it has a hint (the text a card's id is made from)."""

    def asked(match: re.Match[str]) -> str:
        if number is None or match.group(1) == number:
            return f"[{(match.group(3) if hints else None) or '...'}]"
        return match.group(2)

    def whole(match: re.Match[str]) -> str:
        if number is None or match.group(1) == number:
            text = match.group(2)
            core = text.strip(" ")  # `{{c1::a {{c2::b}} }}`: bold around the words only
            if not core:
                return text
            at = text.index(core)
            return f"{text[:at]}**{core}**{text[at + len(core) :]}"
        return match.group(2)

    if len(_CLOZE_START.findall(front)) == len(_CLOZE.findall(front)):
        return _CLOZE.sub(asked, front), _CLOZE.sub(whole, front)
    # nested: the innermost deletions first, so an outer one holds its inner one's text
    # (or `[...]` on the inner one's card); the first `}}` ended the outer one, and its
    # question read "A [self-attention] }} in every layer."
    return (
        _SPACES.sub(" ", _innermost_first(asked, front)),
        _SPACES.sub(" ", _innermost_first(whole, front)),
    )


_SPACES = re.compile(r"(?<=\S) {2,}(?=\S)")
"""Spaces left doubled where a nested deletion's closing braces were spaced (`b}} }}`)."""


def _numbers(front: str) -> list[str]:
    """The numbers of the note's deletions, a nested one's too, in order; a `{{c1::` never
    closed is text, as it is in the card."""
    if "{{c" not in front:
        return []
    found: set[str] = set()

    def seen(match: re.Match[str]) -> str:
        found.add(match.group(1))
        return match.group(2)

    _innermost_first(seen, front)
    return sorted(found, key=int)


def _innermost_first(replace: Callable[[re.Match[str]], str], front: str) -> str:
    """`front` with its deletions replaced from the innermost out (a bounded loop: each
    pass replaces one level)."""
    for _ in range(len(_CLOZE_START.findall(front)) + 1):
        done = _CLOZE.sub(replace, front)
        if done == front:
            break
        front = done
    return front


def _tags(field: str) -> tuple[str, ...]:
    """The card tags of a note's tags field (space-separated, or comma-separated as a
    spreadsheet's or a Notion database's are: `ML, Deep Learning`), each once, in order; a
    tag of drillbit's own export is the card's tag it was made from (`drillbit::tag::relu`
    -> `relu`), and its topic tag is no tag (`_own_topic`)."""
    tags = (
        card_tag(_unprefixed(tag, _OWN_TAG) or tag)
        for tag in (field.split(",") if "," in field else field.split())
        if tag.lower() not in _ANKI_OWN_TAGS and _unprefixed(tag, _OWN_TOPIC) is None
    )
    return tuple(dict.fromkeys(tag for tag in tags if tag))


def _own_topic(field: str) -> str | None:
    """The topic a note of drillbit's own export names in its tags (`drillbit::topic::X`,
    the card's topic folder, where its deck is the pack's title), if any."""
    return next((t for t in (_unprefixed(tag, _OWN_TOPIC) for tag in field.split()) if t), None)


def _unprefixed(tag: str, prefix: str) -> str | None:
    """`tag` without `prefix` (Anki's tags ignore case), or None when it has another start."""
    return tag[len(prefix) :] if tag.lower().startswith(prefix) else None


def _images(fields: list[str]) -> tuple[str, ...]:
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


def _sounds(fields: list[str]) -> tuple[str, ...]:
    """The sound files a note's fields play (`[sound:cat.mp3]`), each once: left out of
    the text, they are named in a note, as images are."""
    found = (m.group(1).strip() for f in fields for m in _SOUND.finditer(f))
    return tuple(dict.fromkeys(html.unescape(name) for name in found if name))


def _media_only(field: str, as_html: bool) -> tuple[str, ...]:
    """The media a field shows when it shows nothing else (`[sound:cat.mp3]`, an `<img>`
    alone): its text is empty, and the note is skipped for that reason, not for a missing
    field."""
    return (_images([field]) if as_html else ()) + _sounds([field])


def _reversed(kind: str | None, texts: list[str]) -> bool:
    """Whether Anki makes a reversed card of the note too (asked from its answer): a
    `Basic (and reversed card)` note, or a `Basic (optional reversed card)` note whose
    third field (Add Reverse) is filled in."""
    name = (kind or "").lower()
    if "(and reversed card)" in name:
        return True
    return "(optional reversed card)" in name and len(texts) > 2 and bool(texts[2])


def _field_citations(
    texts: list[str], kind: str | None, card_id_at: int | None, *, cloze: bool, back: str
) -> tuple[str, list[str]]:
    """(the answer, what the note's fields past it cite): an Anki user keeps a card's
    source in a field of its own (`<i>Bishop, PRML 4.3.4</i>` as a third field, or as a
    cloze's whole Back Extra), which the card lost or had as a key point. A field past the
    answer is read only when the whole field is a citation (`field_citation`); the answer
    stays as it is, but a cloze's Back Extra that only cites is no answer text. drillbit's
    own note types say where their fields are, and are left to `_own_note`."""
    if (kind or "").startswith("drillbit"):
        return back, []
    cites = [
        cite
        for at, text in enumerate(texts[2:], 2)
        if at != card_id_at and (cite := field_citation(text)) is not None
    ]
    if cloze and (cite := field_citation(back)) is not None:
        return "", [cite, *cites]
    return back, cites


def _snippet(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= _SNIPPET else flat[: _SNIPPET - 1] + "…"


def _own_note(kind: str | None, texts: list[str]) -> tuple[str, str] | str | None:
    """A note of drillbit's own choice or numeric type as (question, answer): the choices
    asked with the question, the right ones (or the number and what is accepted) and the
    explanation as the answer; a reason to leave it out when its right choices cannot be
    told (exported without HTML, its list run together); None for any other note."""
    if kind == _OWN_CHOICE and len(texts) >= 4:
        right = _RIGHT_CHOICE.findall(texts[2])
        if not right:
            return (
                "a 'drillbit choice' note whose right choices cannot be told from the wrong"
                " ones (exported without HTML); export it with 'Include HTML and media"
                " references'"
            )
        answer = "\n".join(f"- {choice}" for choice in right)
        return texts[0] + "\n\n" + texts[1], "\n\n".join(p for p in (answer, texts[3]) if p)
    if kind == _OWN_NUMERIC and len(texts) >= 3:
        return texts[0], "\n\n".join(p for p in (texts[1], texts[2]) if p)
    return None


_COLUMN_NAMES = frozenset(
    "front back question answer term definition tags tag deck notes extra text hint "
    "q a prompt response name status created source".split()
)
"""Words a spreadsheet's first row names its columns by (Anki's own fields among them, and
the title, status and date columns of a Notion database exported as CSV)."""

_LABEL_CHARS = 30
"""A column's name is at most this long, a few words with no sentence's mark in them."""


COLUMN_NAMES = "a row naming the columns"
"""How the report says a spreadsheet's first row is no note."""


def _column_names(row: list[str]) -> bool:
    """True when the row only names columns (`Front,Back,Tags`, a spreadsheet's first row):
    it was taken as a note, the question 'Front' skipped as "the answer is too short"."""
    names = [value.strip().lower() for value in row if value.strip()]
    known = sum(name in _COLUMN_NAMES for name in names)
    return known >= 2 and all(_is_label(name) for name in names)


def _is_label(name: str) -> bool:
    """True for what names a column (`Created time`, `Difficulty`), not a note's text: a
    Notion database names its own columns besides the ones spreadsheets share."""
    return (
        len(name) <= _LABEL_CHARS
        and len(name.split()) <= 3
        and not any(mark in name for mark in ".?!:;,<>$`*")
    )


_META_NAMES = {
    "tags": "tags",
    "tag": "tags",
    "deck": "deck",
    "source": "source",
    "sources": "source",
    "reference": "source",
}
"""Column names of a spreadsheet's first row that name no field but a note's tags, deck or
source (a `Source` column was "not used", the book a card came from lost)."""


def _named_meta(row: list[str], meta: dict[int, str]) -> dict[int, str]:
    """0-based column -> tags or deck, as a spreadsheet's first row names them (`Front,Back,
    Tags`) where no `#tags column:` header says: the tags were read as a third field, and
    no card had them."""
    named = {
        column: _META_NAMES[value.strip().lower()]
        for column, value in enumerate(row)
        if value.strip().lower() in _META_NAMES and column not in meta
    }
    taken = set(meta.values())
    return {column: kind for column, kind in named.items() if kind not in taken}


_KEPT_NAMES = frozenset(
    {
        "extra",
        "back extra",
        "notes",
        "note",
        "hint",
        "comment",
        "comments",
        "remark",
        "remarks",
        "explanation",
        "example",
        "examples",
        "mnemonic",
        "details",
        "context",
    }
)
"""Names of a first row's columns past the answer that hold words about the card (Anki's
Extra, a spreadsheet's Notes): kept after the answer as a quote (`_extra_fields`)."""


def _unused_columns(row: list[str], meta: dict[int, str]) -> tuple[str, frozenset[int]]:
    """(`its Status, Created columns are`: the named columns past the question and the
    answer that give a card nothing (a Notion database's status and dates), "" when none;
    their places among the note's fields). A column named as words about the card
    (`Extra`, `Notes`: `_KEPT_NAMES`) is no such column: it is kept after the answer."""
    fields = [value.strip() for column, value in enumerate(row) if column not in meta]
    unused = [
        (at, name)
        for at, name in enumerate(fields[2:], 2)
        if name and name.lower() not in _KEPT_NAMES
    ]
    places = frozenset(at for at, _ in unused)
    if not unused:
        return "", places
    names = ", ".join(name for _, name in unused)
    return f"its {names} column{'s are' if len(unused) > 1 else ' is'}", places


_TAG_SHAPED = re.compile(r"[\w:/&+#-]+(?:[ \t]+[\w:/&+#-]+)*")
"""A field of plain words without a sentence's marks: what Anki's tags field looks like."""


def _maybe_tags(extras: tuple[tuple[int, str], ...], field_count: int) -> tuple[int, str] | None:
    """The last field of a note in a file with no header when it looks like Anki's tags
    (`optim adam`, `deep::training`): an export before Anki 2.1.55 wrote them last with no
    header to say so, and kept after the answer they would be a quote of tags."""
    if not extras or extras[-1][0] != field_count:
        return None
    number, text = extras[-1]
    return (number, text) if _TAG_SHAPED.fullmatch(text) else None


def _extra_fields(
    texts: list[str], kind: str | None, card_id_at: int | None, unused: frozenset[int]
) -> tuple[tuple[int, str], ...]:
    """(1-based field number, text) of the note's fields past its answer that hold words:
    an Anki user's Extra or Notes field (`Remember it is cheap`), dropped without a word
    before. Not a field that only cites (the card's source, `_field_citations`), the Add
    Reverse flag of an optional reversed note, drillbit's own note types' fields (their
    places are known, `_own_note`) nor a column a first row named and no card uses."""
    name = (kind or "").lower()
    if name.startswith("drillbit"):
        return ()
    flag = 2 if "(optional reversed card)" in name else None
    return tuple(
        (at + 1, text.strip())
        for at, text in enumerate(texts[2:], 2)
        if text.strip()
        and at not in (card_id_at, flag)
        and at not in unused
        and field_citation(text) is None
    )


def _quoted(extras: tuple[tuple[int, str], ...]) -> str:
    """The fields as quotes after the answer: shown with it, and a quote gives no key point
    of the rubric unless labelled (`keypoints`), as an Extra field is no part to grade."""
    return "\n\n".join(
        "\n".join(f"> {row}".rstrip() for row in text.split("\n")) for _, text in extras
    )


def _kept_columns(row: list[str], meta: dict[int, str], unused: frozenset[int]) -> str:
    """`its Extra column is`: the named columns past the answer kept after it; "" when none."""
    fields = [value.strip() for column, value in enumerate(row) if column not in meta]
    kept = [name for at, name in enumerate(fields[2:], 2) if name and at not in unused]
    if not kept:
        return ""
    return f"its {', '.join(kept)} column{'s are' if len(kept) > 1 else ' is'}"


UNCLOSED_QUOTE = 'a quote (") opens a field here and nothing closes it'
"""How the reason a row ran to the end of the file begins (`_unclosed_quote`)."""


def _unclosed_quote(rows: list[str], first: int, end: int, skip: int) -> str | None:
    """Why a row is no note when a quote opens one of its fields and nothing closes it:
    the reader then takes every line to the end of the file as that field (`rows[first:
    end]`, `end` their count; `skip` header lines before them), and the notes on them
    were lost without a word, the row named as "a note with one field". None for any
    other row."""
    if end < len(rows) or end - first < 2:
        return None
    if "".join(rows[first:end]).count('"') % 2 == 0:
        return None
    return (
        f"{UNCLOSED_QUOTE}, so lines {skip + first + 1}-{skip + end}, the rest of the file, "
        "were read as that one field and give no card: close the quote, or write a quote "
        'inside a quoted field as two ("")'
    )


def _stray_quotes(
    row: list[str], raw_rows: list[str], line: int, layout: _Layout
) -> tuple[list[str], tuple[str, ...]]:
    """The row's fields, read again when a quoted field holds a quote that is not doubled
    (`read_stray_quotes`), and what the report says of each such quote at its line and
    column; the row as read, and nothing to say, otherwise."""
    raw = "".join(raw_rows)
    stray = read_stray_quotes(raw, layout.separator) if '"' in raw else None
    if stray is None:
        return row, ()
    lines: dict[int, list[str]] = {}
    for at in stray.places:
        row_line = line + raw.count("\n", 0, at)
        lines.setdefault(row_line, []).append(str(at - raw.rfind("\n", 0, at)))
    where = "; ".join(
        f"line {number}, column{'s' if len(columns) > 1 else ''} {', '.join(columns)}"
        for number, columns in lines.items()
    )
    many = len(stray.places) > 1
    said = (
        f"{'quotes' if many else 'a quote'} inside a quoted field not doubled ({where}):"
        f' read as {"quotes" if many else "a quote"} of its text; write each as "" inside'
        " quotes (or leave the field unquoted) for other readers"
    )
    return stray.fields, (said,)


def parse_anki_text(text: str, separator: str = "\t") -> ParsedNotes:
    """The questions of an Anki plain-text export, one per note with a question and an
    answer; every other row is listed in `ignored` with its line and why. `separator`
    parts the fields unless a `#separator:` header says otherwise."""
    text = text.lstrip("\ufeff")
    lines = text.split("\n")
    layout, skip = _header(lines, separator)
    meta = layout.meta or {}
    body = "\n".join(lines[skip:])
    body_rows = body.splitlines(keepends=True)
    if len(body) >= csv.field_size_limit():
        # a field of more than 128 KiB (an image pasted into Anki, kept as a `data:` URI)
        # stopped the reader with a traceback; the file is within import's size limit
        csv.field_size_limit(len(body) + 1)
    reader = csv.reader(body_rows, delimiter=layout.separator, strict=False)
    questions: list[NoteQuestion] = []
    ignored: list[Ignored] = []
    given = 0  # notes that gave questions: a note's number in `source`, whatever its cards
    unused_fields: frozenset[int] = frozenset()  # columns a first row named, no card uses
    columns_named = False  # a first row named the columns
    start = skip + 1
    for row in reader:
        line = start
        start = skip + reader.line_num + 1
        unclosed = _unclosed_quote(body_rows, line - skip - 1, reader.line_num, skip)
        if unclosed is not None:
            ignored.append(Ignored(line, _snippet(" ".join(row)), unclosed))
            continue
        row, remarks = _stray_quotes(
            row, body_rows[line - skip - 1 : reader.line_num], line, layout
        )
        fields = [value for column, value in enumerate(row) if column not in meta]
        deck = next((row[c] for c, kind in meta.items() if kind == "deck" and c < len(row)), None)
        deck = deck or layout.deck
        tag_field = " ".join(row[c] for c, kind in meta.items() if kind == "tags" and c < len(row))
        source_field = " ".join(
            row[c].strip() for c, kind in meta.items() if kind == "source" and c < len(row)
        )
        tags = _tags(tag_field)
        topic = _own_topic(tag_field)
        # The question is a title: plain text (bold is markup the title would show).
        texts = [
            _to_markdown(value, layout.html, bold=column > 0) for column, value in enumerate(fields)
        ]
        if line == skip + 1 and _column_names(row):
            said = ", ".join(value.strip() for value in row if value.strip())
            reason = f"{COLUMN_NAMES} ({said}), not a note: not imported"
            named = _named_meta(row, meta)
            if named:
                meta.update(named)
                reason += "; " + ", ".join(
                    f"its {row[column].strip()} column gives each card its {kind}"
                    for column, kind in sorted(named.items())
                )
            unused, unused_fields = _unused_columns(row, meta)
            columns_named = True
            if unused:
                reason += f"; {unused} not used (a card is its first two columns)"
            if kept := _kept_columns(row, meta, unused_fields):
                reason += f"; {kept} kept after each answer as a quote"
            ignored.append(Ignored(line, _snippet(said), reason))
            continue
        if not any(texts):
            if any(value.strip() for value in row):
                ignored.append(Ignored(line, _snippet(" ".join(row)), "a note with no text"))
            continue
        front = texts[0] if texts else ""
        back = texts[1] if len(texts) > 1 else ""
        kind = next(
            (row[c] for c, what in meta.items() if what == "notetype" and c < len(row)), None
        )
        own = _own_note(kind, texts)
        if isinstance(own, str):
            ignored.append(Ignored(line, _snippet(front), own))
            continue
        if own is not None:
            front, back = own
        at = _CARD_ID_FIELD.get(kind or "")
        card_id = texts[at] if at is not None and at < len(texts) else None
        card_id = card_id if card_id and _ID.match(card_id) else None
        back, cited = take_citations(back)  # `Source: ...`: the card's source, not its answer
        numbers = _numbers(front)
        if numbers and "\n" in front:
            front = _CLOZE.sub(_deletion_on_one_line, front)
        id_front = front  # the id keeps its first line's words, and the card its reviews
        if numbers:
            front = title_sentence(front)
            remarks += early_ends([(m.group(1), m.group(2)) for m in _CLOZE.finditer(front)])
        back, field_cited = _field_citations(texts, kind, at, cloze=bool(numbers), back=back)
        cited = "; ".join(
            dict.fromkeys(
                c
                for c in (html.unescape(_TAG.sub("", source_field)).strip(), *field_cited, cited)
                if c
            )
        )
        extra = back
        extras = _extra_fields(texts, kind, at, unused_fields)
        unread = None if skip or columns_named else _maybe_tags(extras, len(texts))
        if unread is not None:
            extras = extras[:-1]
        quoted = _quoted(extras)
        if any(m.group(2).startswith("image-occlusion:") for m in _CLOZE.finditer(front)):
            ignored.append(Ignored(line, _snippet(front), _OCCLUSION))
            continue
        cloze_front = front
        id_title = None
        if numbers:
            id_title = _cloze(id_front, hints=False)[0].partition("\n")[0].strip()
            asked, whole = _cloze(front)
            back = "\n\n".join(part for part in (whole, back) if part)
            front = asked
        media = _media_only(fields[0], layout.html) if not front and fields else ()
        if not front and media:
            reason = f"its question is only media ({', '.join(media)}): import reads text only"
            ignored.append(Ignored(line, _snippet(back or " ".join(media)), reason))
            continue
        if not front:
            ignored.append(Ignored(line, _snippet(back), "a note whose first field is empty"))
            continue
        media = _media_only(fields[1], layout.html) if not back and len(fields) > 1 else ()
        if not back and media:
            reason = f"its answer is only media ({', '.join(media)}): import reads text only"
            ignored.append(Ignored(line, _snippet(front), reason))
            continue
        if not back:
            # a spreadsheet row with its answer cell left blank (`"What is X?",,,`) has
            # the field, empty: "one field" sent the user looking for a lost separator
            said = (
                "a note whose second field is empty: no answer"
                if len(fields) > 1
                else "a note with one field: no second field to be its answer"
            )
            ignored.append(Ignored(line, _snippet(front), said))
            continue
        given += 1
        title, _, prompt = front.partition("\n")
        note = NoteQuestion(
            ordinal=given,
            number=None,
            title=title.strip(),
            prompt=prompt.strip(),
            answer="\n\n".join(part for part in (back, quoted) if part),
            line=line,
            marker=True,
            answer_line=line,
            section=topic or (deck.replace("::", " ") if deck else None),
            tags=tags,
            images=_images(fields) if layout.html else (),
            sounds=_sounds(fields),
            reverse=_reversed(kind, texts),
            id_title=id_title,
            card_id=card_id,
            cited=cited,
            remarks=remarks,
            kept_fields=tuple(number for number, _ in extras),
            unread_field=unread,
        )
        if len(numbers) < 2:
            questions.append(note)
            continue
        for number in numbers:  # one card per cloze number, as Anki makes them
            asked, whole = _cloze(cloze_front, number)
            title, _, prompt = asked.partition("\n")
            questions.append(
                replace(
                    note,
                    title=title.strip(),
                    prompt=prompt.strip(),
                    answer="\n\n".join(part for part in (whole, extra, quoted) if part),
                    cloze=int(number),
                    whole=note,
                )
            )
    return ParsedNotes(None, tuple(questions), tuple(ignored))
