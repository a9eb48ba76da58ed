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
import re
from dataclasses import replace

from quiz.bank.models import KEBAB
from quiz.ecosystem.ankicloze import cloze_numbers, cloze_sides, deletions, one_line_deletions
from quiz.ecosystem.ankicolumns import (
    COLUMN_NAMES,
    kept_columns,
    named_meta,
    names_columns,
    unused_columns,
)
from quiz.ecosystem.ankiextras import extra_fields, maybe_tags, past_answer_citations, quoted_fields
from quiz.ecosystem.ankifields import (
    field_images,
    field_markdown,
    field_sounds,
    media_only,
    plain_text,
)
from quiz.ecosystem.ankiheader import read_header
from quiz.ecosystem.ankinotetypes import (
    CARD_ID_FIELD,
    OCCLUSION,
    OWN_POINTS_FIELD,
    own_note,
    own_type_of,
    reversed_card,
)
from quiz.ecosystem.ankiownkinds import own_kind
from quiz.ecosystem.ankiquotes import stray_quotes, unclosed_quote
from quiz.ecosystem.ankisource import cited_part, source_title
from quiz.ecosystem.ankitags import note_tags, own_topic
from quiz.ecosystem.citations import take_citations
from quiz.ecosystem.clozefront import early_ends, legacy_title_sentence, title_sentence
from quiz.ecosystem.commarows import join_open_fields
from quiz.ecosystem.importlimit import check_rows
from quiz.ecosystem.notes.found import Ignored, NoteQuestion, ParsedNotes
from quiz.ecosystem.semicolonrows import rows_on_one_line
from quiz.ecosystem.tagtext import as_read_before

__all__ = ["parse_anki_text"]

_NAMES_AGAIN = f"{COLUMN_NAMES} again, as where two files were joined: not a note, not imported"

_SNIPPET = 50
_ID = re.compile(KEBAB)


def parse_anki_text(text: str, separator: str = "\t", *, tell_own: bool = True) -> ParsedNotes:
    """The questions of an Anki plain-text export, one per note with a question and an
    answer; every other row is listed in `ignored` with its line and why. `separator`
    parts the fields unless a `#separator:` header says otherwise. Not `tell_own`: a note
    whose type the file does not name is never told as drillbit's by its fields."""
    text = text.lstrip("\ufeff")
    lines = text.split("\n")
    layout, skip = read_header(lines, separator)
    meta = layout.meta or {}
    body = "\n".join(lines[skip:])
    # Anki's own export names its columns (`#tags column:3`): its one note is no Quizlet list
    one_line = None if meta else rows_on_one_line(body, layout.separator, skip + 1)
    if one_line is not None and one_line.refused is not None:
        return ParsedNotes(None, (), (Ignored(one_line.line, one_line.snippet, one_line.refused),))
    if one_line is not None:  # Quizlet's rows parted by `;`: a row a line, read as written
        body, layout.separator = (
            "\n".join(one_line.rows) + "\n",
            layout.separator.replace(";", "\t"),
        )
    body_rows = body.splitlines(keepends=True)
    _allow_fields_of(body)
    check_rows(body_rows, layout.separator)  # a row is a card at least: refused before any
    reader = csv.reader(body_rows, delimiter=layout.separator, strict=False)
    questions: list[NoteQuestion] = []
    ignored: list[Ignored] = []
    given = 0  # notes that gave questions: a note's number in `source`, whatever its cards
    unused_fields: frozenset[int] = frozenset()  # columns a first row named, no card uses
    columns_named = False  # a first row named the columns
    names_row: list[str] = []
    start = skip + 1
    rows_told: dict[int, str] = {}  # a note told as drillbit's by its fields: its rows
    for row in reader:
        line = start
        start = skip + reader.line_num + 1
        unclosed = unclosed_quote(body_rows, line - skip - 1, reader.line_num, skip)
        if unclosed is not None:
            ignored.append(Ignored(line, _snippet(" ".join(row)), unclosed))
            continue
        row, remarks = stray_quotes(
            row, body_rows[line - skip - 1 : reader.line_num], line, layout.separator
        )
        if '"' not in "".join(body_rows[line - skip - 1 : reader.line_num]):
            row = join_open_fields(row, layout.separator)  # `max(0, x)` unquoted: one field
        fields = [value for column, value in enumerate(row) if column not in meta]
        section, tags, source_field = _row_place(row, meta, layout.deck)
        # The question is a title: plain text (bold is markup the title would show).
        texts = [
            field_markdown(value, layout.html, bold=column > 0)
            for column, value in enumerate(fields)
        ]
        if line == skip + 1 and names_columns(row):
            named_row, unused_fields = _columns_row(row, meta, line)
            columns_named, names_row = True, row
            ignored.append(named_row)
            continue
        if columns_named and row == names_row:  # two files joined: the second's names row
            said = ", ".join(value.strip() for value in row if value.strip())
            ignored.append(Ignored(line, _snippet(said), _NAMES_AGAIN))
            continue
        if not any(texts):
            if any(value.strip() for value in row):
                ignored.append(Ignored(line, _snippet(" ".join(row)), "a note with no text"))
            continue
        front = texts[0] if texts else ""
        back = texts[1] if len(texts) > 1 else ""
        kind = _meta_column(row, meta, "notetype")
        told = None
        if kind is None and layout.html and tell_own:  # exported without its type's name
            kind = told = own_type_of(fields)
        if layout.html and texts and kind in CARD_ID_FIELD:  # our note: its id is its CardId's
            front = texts[0] = field_markdown(fields[0], True, bold=False, code=True)  # `np.dot`
        own = own_note(kind, texts)
        kind_card = own_kind(kind, texts)
        if isinstance(own, str):
            ignored.append(Ignored(line, _snippet(front), own))
            continue
        if own is not None:
            front, back = own
        at = CARD_ID_FIELD.get(kind or "")
        card_id = _card_id(texts, at)
        own_title = _own_title(row, meta, at) if card_id is not None else None
        own_points = _own_points(texts, kind) if card_id is not None else ()
        source_text = _source_text(fields, at, layout.html) if card_id else ""
        own_source = cited_part(source_text, own_title) if source_text else ""
        back, cited = take_citations(back)  # `Source: ...`: the card's source, not its answer
        numbers = cloze_numbers(front)
        if numbers and "\n" in front:
            front = one_line_deletions(front)
        id_front = front  # the id keeps its first line's words, and the card its reviews
        was_front = legacy_title_sentence(front, cloze=bool(numbers))  # its card's title then
        front = title_sentence(front)  # `What is the<br>softmax?`: one sentence, one title
        if numbers:
            remarks += early_ends(deletions(front))
        back, field_cited = past_answer_citations(texts, kind, at, cloze=bool(numbers), back=back)
        cited = "; ".join(
            dict.fromkeys(c for c in (plain_text(source_field), *field_cited, cited) if c)
        )
        extra = back
        extras = extra_fields(texts, kind, at, unused_fields)
        unread = None if skip or columns_named else maybe_tags(extras, len(texts))
        if unread is not None:
            extras = extras[:-1]
        quoted = quoted_fields(extras)
        if any(text.startswith("image-occlusion:") for _, text in deletions(front)):
            ignored.append(Ignored(line, _snippet(front), OCCLUSION))
            continue
        cloze_front = front
        id_title = None
        if numbers:
            id_front = as_read_before(id_front)
            id_title = cloze_sides(id_front, hints=False)[0].partition("\n")[0].strip()
            asked, whole = cloze_sides(front)
            back = "\n\n".join(part for part in (whole, back) if part)
            front = asked
        if (empty := _empty_side(front, back, fields, layout.html, line)) is not None:
            ignored.append(empty)
            continue
        given += 1
        title, _, prompt = front.partition("\n")
        if id_title is None and as_read_before(title) != title:  # `&lt;s&gt;` typed
            id_title = as_read_before(title).strip()  # its id as before: `<s>` no word of it
        was_title = None
        if was_front != front:  # only then may the rule before have titled it otherwise
            was_title = _first_line(cloze_sides(was_front)[0] if numbers else was_front)
        note = NoteQuestion(
            ordinal=given,
            number=None,
            title=title.strip(),
            prompt=prompt.strip(),
            answer="\n\n".join(part for part in (back, quoted) if part),
            line=line,
            marker=True,
            answer_line=line,
            section=section,
            tags=tags,
            images=field_images(fields) if layout.html else (),
            sounds=field_sounds(fields),
            reverse=reversed_card(kind, texts),
            id_title=id_title,
            card_id=card_id,
            own_title=own_title,
            own_points=own_points,
            own_kind=kind_card,
            cited=cited,
            own_source=own_source,
            own_source_field=source_text if own_title is None else "",
            source_title=source_title(fields, at, layout.html) if own_title is None else None,
            remarks=remarks,
            kept_fields=tuple(number for number, _ in extras),
            unread_field=unread,
            was_title=was_title if was_title != title.strip() else None,
        )
        if told is not None:
            rows_told[len(questions)] = "".join(body_rows[line - skip - 1 : reader.line_num])
        if len(numbers) < 2:
            questions.append(note)
        else:
            questions += _per_number(note, numbers, (cloze_front, was_front), (extra, quoted))
    questions = _read_before(questions, rows_told, lines[:skip], separator)
    if one_line is not None:  # every row's card is at the one line they were on
        at = one_line.line
        questions = [replace(q, line=at, answer_line=at) for q in questions]
        ignored = [replace(i, line=at, last=None) for i in ignored]
    return ParsedNotes(None, tuple(questions), tuple(ignored))


def _read_before(
    questions: list[NoteQuestion], rows_told: dict[int, str], header: list[str], separator: str
) -> list[NoteQuestion]:
    """The questions, each note told as drillbit's by its fields (`rows_told`: its index,
    its rows) keeping how it was read before (`NoteQuestion.read_before`), when that reading
    gives one question: its row read again under the file's header, its type not told."""
    for index, rows in rows_told.items():
        again = parse_anki_text("\n".join([*header, rows]), separator, tell_own=False)
        if len(again.questions) != 1 or index >= len(questions):
            continue
        now = questions[index]
        before = replace(again.questions[0], line=now.line, answer_line=now.answer_line)
        questions[index] = replace(now, read_before=replace(before, ordinal=now.ordinal))
    return questions


def _allow_fields_of(body: str) -> None:
    """Let the csv module read a field as long as the body: one of more than 128 KiB (an
    image pasted into Anki, kept as a `data:` URI) stopped the reader with a traceback,
    and the file is within import's size limit."""
    if len(body) >= csv.field_size_limit():
        csv.field_size_limit(len(body) + 1)


def _row_place(
    row: list[str], meta: dict[int, str], deck: str | None
) -> tuple[str | None, tuple[str, ...], str]:
    """(the note's topic: its own tag's, else its deck's; its tags; its source column's
    text) from the row's columns the header names."""
    deck = _meta_column(row, meta, "deck") or deck
    tag_field = " ".join(row[c] for c, kind in meta.items() if kind == "tags" and c < len(row))
    source = " ".join(
        row[c].strip() for c, kind in meta.items() if kind == "source" and c < len(row)
    )
    topic = own_topic(tag_field) or (deck.replace("::", " ") if deck else None)
    return topic, note_tags(tag_field), source


def _card_id(texts: list[str], at: int | None) -> str | None:
    """The id a drillbit note type's field holds (`CARD_ID_FIELD`), when it is one."""
    card_id = texts[at] if at is not None and at < len(texts) else None
    return card_id if card_id and _ID.match(card_id) else None


def _own_title(row: list[str], meta: dict[int, str], at: int | None) -> str | None:
    """The Title field after a drillbit note's CardId (`anki.ADDED_FIELDS`), as text, when
    it holds one (a note exported before the field was added has it empty)."""
    fields = [value for column, value in enumerate(row) if column not in meta]
    if at is None or at + 1 >= len(fields):
        return None
    return " ".join(plain_text(fields[at + 1]).split()) or None


def _source_text(fields: list[str], at: int | None, as_html: bool) -> str:
    """A drillbit note's Source field (right before its CardId, `anki.note_for`), `TITLE ·
    source`, as plain text on one line (its HTML dropped, its entities read, `<br>` a
    space) and a space; `ankisource.cited_part` reads what the card cited from it."""
    if at is None or at < 1 or at > len(fields):
        return ""
    return " ".join(field_markdown(fields[at - 1], as_html, bold=False).split()) + " "


def _own_points(texts: list[str], kind: str | None) -> tuple[str, ...]:
    """The items of a drillbit concept note's KeyPoints field (`OWN_POINTS_FIELD`), as the
    field's Markdown lists them (`- ...`); () for any other note or an empty field."""
    at = OWN_POINTS_FIELD.get(kind or "")
    if at is None or at >= len(texts):
        return ()
    items = [line[2:].strip() for line in texts[at].split("\n") if line.startswith("- ")]
    return tuple(item for item in items if item)


def _meta_column(row: list[str], meta: dict[int, str], kind: str) -> str | None:
    """The row's value in the first column the header gives `kind` (deck, notetype)."""
    return next((row[c] for c, what in meta.items() if what == kind and c < len(row)), None)


def _columns_row(row: list[str], meta: dict[int, str], line: int) -> tuple[Ignored, frozenset[int]]:
    """A first row naming the columns (`Front,Back,Tags`): why it is no note, saying what
    each named column gives; `meta` takes the columns it names (deck, tags...). Also the
    columns no card uses."""
    said = ", ".join(value.strip() for value in row if value.strip())
    reason = f"{COLUMN_NAMES} ({said}), not a note: not imported"
    named = named_meta(row, meta)
    if named:
        meta.update(named)
        reason += "; " + ", ".join(
            f"its {row[column].strip()} column gives each card its {kind}"
            for column, kind in sorted(named.items())
        )
    unused, unused_fields = unused_columns(row, meta)
    if unused:
        reason += f"; {unused} not used (a card is its first two columns)"
    if kept := kept_columns(row, meta, unused_fields):
        reason += f"; {kept} kept after each answer as a quote"
    return Ignored(line, _snippet(said), reason), unused_fields


def _empty_side(front: str, back: str, fields: list[str], html: bool, line: int) -> Ignored | None:
    """Why a note with no question or no answer in text gives no card (only media in it,
    an empty field, one field), or None when it has both."""
    media = media_only(fields[0], html) if not front and fields else ()
    if not front and media:
        reason = f"its question is only media ({', '.join(media)}): import reads text only"
        return Ignored(line, _snippet(back or " ".join(media)), reason)
    if not front:
        return Ignored(line, _snippet(back), "a note whose first field is empty")
    media = media_only(fields[1], html) if not back and len(fields) > 1 else ()
    if not back and media:
        reason = f"its answer is only media ({', '.join(media)}): import reads text only"
        return Ignored(line, _snippet(front), reason)
    if not back:
        # a spreadsheet row with its answer cell left blank (`"What is X?",,,`) has
        # the field, empty: "one field" sent the user looking for a lost separator
        said = (
            "a note whose second field is empty: no answer"
            if len(fields) > 1
            else "a note with one field: no second field to be its answer"
        )
        return Ignored(line, _snippet(front), said)
    return None


def _per_number(
    note: NoteQuestion, numbers: list[str], fronts: tuple[str, str], after: tuple[str, str]
) -> list[NoteQuestion]:
    """One card per cloze number, as Anki makes them, each keeping the note as `whole`;
    `fronts` are the note's front and as the title rule before read it (`was_title`),
    `after` is what follows the text whole in each answer (Back Extra, kept fields)."""
    cards = []
    cloze_front, was_front = fronts
    for number in numbers:
        asked, whole = cloze_sides(cloze_front, number)
        title, _, prompt = asked.partition("\n")
        was_title = None
        if was_front != cloze_front:
            was_title = _first_line(cloze_sides(was_front, number)[0])
        cards.append(
            replace(
                note,
                title=title.strip(),
                prompt=prompt.strip(),
                answer="\n\n".join(part for part in (whole, *after) if part),
                cloze=int(number),
                whole=note,
                was_title=was_title if was_title != title.strip() else None,
            )
        )
    return cards


def _first_line(text: str) -> str:
    """A front's title line, as `parse_anki_text` takes it."""
    return text.partition("\n")[0].strip()


def _snippet(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= _SNIPPET else flat[: _SNIPPET - 1] + "…"
