"""Export the question bank to an Anki package (.apkg) with genanki.

Ids are stable so that importing a newer export into Anki updates the notes instead of
duplicating them: the three note types have fixed ids, a topic deck's id is derived from
a hash of the pack and topic names, and a note's GUID from the card id. A note's modification
time changes only when what the note shows changes (`quiz.ecosystem.anki_times`), so
Anki's "update if newer" keeps a user's edits to notes whose card did not change.
Tags are namespaced (`drillbit::topic::X`, `drillbit::tag::Y`). Markdown becomes HTML
with the bank's Markdown reader (`quiz.bank.markdown`: tables on, the math rules lint
uses), `$...$`/`$$...$$` become MathJax `\\( \\)`/`\\[ \\]`,
and code blocks are highlighted by pygments with inline styles (no stylesheet needed,
so they look right on every Anki client). A card's images go into the package
(`quiz.ecosystem.anki_media`). Coding drills are skipped: they need the grader.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import os
import re
import secrets
import sqlite3
import stat
import tempfile
import time
import zipfile
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from html import escape, unescape
from pathlib import Path
from typing import Any

import genanki
from markdown_it import MarkdownIt
from pygments import highlight  # type: ignore[import-untyped]
from pygments.formatters import HtmlFormatter  # type: ignore[import-untyped]
from pygments.lexers import get_lexer_by_name  # type: ignore[import-untyped]
from pygments.util import ClassNotFound  # type: ignore[import-untyped]

from quiz.bank.markdown import make_markdown
from quiz.bank.models import Card, ChoiceFront, ConceptFront, NumericFront
from quiz.bank.numbers import format_number
from quiz.bank.pack_title import anki_deck_part
from quiz.ecosystem.anki_decks import (
    TOP_DECK,
    TOP_DECK_DESCRIPTION,
    OptionedDeck,
    pack_deck_names,
    pack_deck_part,
)
from quiz.ecosystem.anki_media import CardImages
from quiz.ecosystem.anki_times import ContentTimes
from quiz.ecosystem.ankisource import source_field
from quiz.errors import DrillbitError
from quiz.paths import refuse_missing_folder, write_trouble
from quiz.plural import counted

CONCEPT_MODEL_ID = 1_607_392_301
CHOICE_MODEL_ID = 1_607_392_302
NUMERIC_MODEL_ID = 1_607_392_303
"""Fixed note-type ids: never change them, or Anki sees new note types on re-import."""

GUID_NAMESPACE = "drillbit"

CSS = """\
.card { font-family: sans-serif; font-size: 18px; text-align: left; color: #222; background: #fff; }
.nightMode .card, .card.nightMode, .night_mode .card, .card.night_mode { color: #eee; background: #222; }
table { border-collapse: collapse; margin: 0.5em 0; }
th, td { border: 1px solid #999; padding: 0.2em 0.6em; }
pre { background: #f6f8fa; color: #222; padding: 0.6em; border-radius: 4px; overflow-x: auto; font-size: 15px; }
code { font-family: monospace; }
.choices li.correct { font-weight: bold; color: #1a7f37; }
.choices li.wrong { color: #767676; }
.keypoints { margin-top: 1em; }
.source { margin-top: 1em; font-size: 13px; color: #767676; }
.select-all { color: #555; }
.numeric-answer { font-size: 22px; font-weight: bold; }
.nightMode .choices li.correct, .card.nightMode .choices li.correct, .night_mode .choices li.correct { color: #3fb950; }
.nightMode .choices li.wrong, .card.nightMode .choices li.wrong, .night_mode .choices li.wrong { color: #aaa; }
.nightMode .source, .card.nightMode .source, .night_mode .source { color: #aaa; }
.nightMode .select-all, .card.nightMode .select-all, .night_mode .select-all { color: #bbb; }
"""
"""Every coloured text reads at WCAG AA contrast (4.5:1) in the day and in night mode
(`.nightMode` on Anki's desktop, `.night_mode` on AnkiDroid): grey on the night
background was 2.1:1 for 'Select all that apply.'; code blocks keep a light background,
as pygments' colours are made for one."""

_FIELD_NAMES_COMMON = ("Source", "CardId")
ADDED_FIELDS = ("Title",)
"""Fields added to the note types after their first release, last, so every earlier
field keeps its place (Anki stores a note's fields by position; the plain-text import
finds CardId by it). Their text is shown elsewhere too (the title is in Source), so they
are left out of a note's content hash: a note imported before keeps its time, and its
edits in Anki, until its card changes."""


def _model(model_id: int, name: str, fields: list[str], front: str, back: str) -> genanki.Model:
    return genanki.Model(
        model_id,
        name,
        fields=[{"name": f} for f in [*fields, *_FIELD_NAMES_COMMON, *ADDED_FIELDS]],
        templates=[{"name": "Card 1", "qfmt": front, "afmt": back}],
        css=CSS,
        sort_field_index=fields.index("Question"),
    )


_SOURCE = '<div class="source">{{Source}}</div>'

CONCEPT_MODEL = _model(
    CONCEPT_MODEL_ID,
    "drillbit concept",
    ["Question", "Answer", "KeyPoints"],
    "{{Question}}",
    '{{FrontSide}}<hr id="answer">{{Answer}}'
    '{{#KeyPoints}}<div class="keypoints"><b>Key points</b>{{KeyPoints}}</div>{{/KeyPoints}}'
    + _SOURCE,
)
CHOICE_MODEL = _model(
    CHOICE_MODEL_ID,
    "drillbit choice",
    ["Question", "Choices", "Answer", "Explanation"],
    "{{Question}}{{Choices}}",
    '{{Question}}<hr id="answer">{{Answer}}{{Explanation}}' + _SOURCE,
)
NUMERIC_MODEL = _model(
    NUMERIC_MODEL_ID,
    "drillbit numeric",
    ["Question", "Answer", "Explanation"],
    "{{Question}}",
    '{{FrontSide}}<hr id="answer">{{Answer}}{{Explanation}}' + _SOURCE,
)


@dataclass(frozen=True)
class AnkiReport:
    """What an export wrote."""

    notes: int
    decks: int
    skipped_coding: int
    fields_changed: bool = False
    """The note types' fields differ from those of this data folder's last export: notes
    imported from it are updated only with Anki's "Merge note types"."""
    retyped: tuple[str, ...] = ()
    """The cards exported before as another note type (their kind changed)."""
    retitled: tuple[tuple[str, str], ...] = ()
    """(title, deck name) of each pack whose title Anki would split at '::', as written."""
    told_apart: tuple[tuple[str, str], ...] = ()
    """(pack, deck name) of each pack whose deck name another pack's would have been."""
    images: int = 0
    """Image files written into the package."""
    images_left_out: tuple[str, ...] = ()
    """A line for each image a card shows that the package does not hold, and why."""


def _highlight(code: str, language: str, _attrs: Any) -> str:
    """Pygments HTML with inline styles; '' lets markdown-it escape unknown languages itself."""
    try:
        lexer = get_lexer_by_name(language.strip() or "text")
    except ClassNotFound:
        return ""
    formatter = HtmlFormatter(nowrap=True, noclasses=True, style="default")
    return str(highlight(code, lexer, formatter))


def _mathjax(content: str, options: dict[str, Any]) -> str:
    """LaTeX between MathJax's delimiters, HTML-escaped (the browser unescapes it)."""
    if options.get("display_mode"):
        return f"\\[{escape(content, quote=False)}\\]"
    return f"\\({escape(content, quote=False)}\\)"


@lru_cache(maxsize=1)
def _markdown() -> MarkdownIt:
    """The bank's Markdown reader (same math rules as lint), raw HTML escaped, code highlighted."""
    return make_markdown(html=False, renderer=_mathjax, highlight=_highlight)


def markdown_to_html(markdown: str) -> str:
    """A card's Markdown section as Anki-ready HTML."""
    return str(_markdown().render(markdown)).strip()


def inline_to_html(markdown: str) -> str:
    """One line of Markdown (a choice, a key point) as inline HTML, no paragraph."""
    return str(_markdown().renderInline(markdown)).strip()


def deck_id(pack: str, topic: str) -> int:
    """A stable id for a pack's topic deck: 2**30 plus 30 bits of a sha256 of both names.
    Anki's importer finds a deck it has by the name (and gives a new one an id of its
    own); the id keeps the package's decks apart, the same in every export."""
    digest = hashlib.sha256(f"drillbit-deck:{pack}\x1f{topic}".encode()).digest()
    return (1 << 30) + int.from_bytes(digest[:4], "big") % (1 << 30)


def parent_deck_id(name: str) -> int:
    """A stable id for a parent deck (`drillbit`, `drillbit::<pack title>`), apart from
    every topic deck's: 2**31 plus 30 bits of a sha256 of its name."""
    digest = hashlib.sha256(f"drillbit-parent-deck:{name}".encode()).digest()
    return (1 << 31) + int.from_bytes(digest[:4], "big") % (1 << 30)


def note_guid(card_id: str) -> str:
    """The note's GUID: from the card id only, so re-exports update the same note."""
    return str(genanki.guid_for(GUID_NAMESPACE, card_id))


def written_number(card: Card, key: str, value: float) -> str:
    """The number as the card file writes it (`1e-3` stays `1e-3`), else `format_number`.

    The front matter line of `key` is read back; it is used only when it holds a plain
    number equal to `value`, so a YAML form (a list, a quoted string) never leaks.
    """
    line_no = card.lines.get(key)
    if line_no is not None:
        try:
            line = card.path.read_text(encoding="utf-8").splitlines()[line_no - 1]
        except (OSError, UnicodeDecodeError, IndexError):
            line = ""
        match = re.fullmatch(
            rf"\s*{re.escape(key)}\s*:\s*([-+]?[0-9][0-9._]*(?:[eE][-+]?[0-9]+)?)\s*(?:#.*)?", line
        )
        if match is not None:
            try:
                if float(match.group(1)) == value:
                    return match.group(1).lstrip("+")
            except ValueError:
                pass
    return format_number(value)


def _tag(text: str) -> str:
    """An Anki tag holds no spaces: runs of whitespace become '_'."""
    return re.sub(r"\s+", "_", text.strip())


def note_tags(card: Card) -> list[str]:
    """Namespaced tags, so they never merge with a user's own: drillbit::topic::X, drillbit::tag::Y."""
    front = card.front
    tags = [f"drillbit::topic::{_tag(front.topic)}"]
    tags += [f"drillbit::tag::{_tag(t)}" for t in front.tags]
    return list(dict.fromkeys(tags))


class _TimedNote(genanki.Note):  # type: ignore[misc]
    """A genanki note written with its own modification time instead of the export's."""

    mod: int = 0

    def write_to_db(self, cursor: Any, timestamp: float, deck_id: int, id_gen: Any) -> None:
        super().write_to_db(cursor, self.mod or timestamp, deck_id, id_gen)


def sort_text(html: str) -> str:
    """The note's sort field as Anki computes it on import (tags removed, entities decoded,
    ends trimmed), from the Question field that every note type sorts by: the package then
    agrees with its note types, and Anki's browser shows and sorts by the question."""
    return unescape(re.sub(r"<[^>]*>", "", html)).strip()


def _list(items: Sequence[str], css_class: str = "", ordered: bool = False) -> str:
    tag = "ol" if ordered else "ul"
    attrs = f' class="{css_class}"' if css_class else ""
    return f"<{tag}{attrs}>" + "".join(items) + f"</{tag}>"


EXPORTED_FRONTS = (ConceptFront, ChoiceFront, NumericFront)
"""The kinds of card the export writes: a coding drill needs the grader."""


def note_for(card: Card, images: CardImages | None = None) -> _TimedNote | None:
    """The Anki note of a concept, choice or numeric card; None for a coding drill. Its
    images are named as in the package and kept in `images` (a throwaway when None)."""
    front = card.front
    question = markdown_to_html(card.section("Question"))
    source = escape(source_field(front.title, front.source))
    tags = note_tags(card)
    if isinstance(front, ConceptFront):
        model = CONCEPT_MODEL
        points = _list([f"<li>{inline_to_html(p)}</li>" for p in front.key_points])
        fields = [question, markdown_to_html(card.section("Answer")), points]
    elif isinstance(front, ChoiceFront):
        model = CHOICE_MODEL
        choices = [inline_to_html(c) for c in front.choices]
        shown = _list([f"<li>{c}</li>" for c in choices], "choices", ordered=True)
        if len(front.correct) > 1:
            shown = '<p class="select-all"><i>Select all that apply.</i></p>' + shown
        marked = _list(
            [
                f'<li class="correct">✓ {c}</li>'
                if i in front.correct
                else f'<li class="wrong">{c}</li>'
                for i, c in enumerate(choices)
            ],
            "choices",
            ordered=True,
        )
        fields = [question, shown, marked, markdown_to_html(card.section("Explanation"))]
    elif isinstance(front, NumericFront):
        model = NUMERIC_MODEL
        unit = f" {escape(front.unit)}" if front.unit else ""
        answer = (
            f'<div class="numeric-answer">{escape(written_number(card, "answer", front.answer))}{unit}</div>'
            f"<div>accepted: {escape(_accepted(front))}</div>"
        )
        if front.unit:
            question += f"<p><i>Answer in {escape(front.unit)}.</i></p>"
        fields = [question, answer, markdown_to_html(card.section("Explanation"))]
    else:
        return None
    carried = images if images is not None else CardImages()
    pack_dir = card.path.parent.parent  # <pack>/<topic>/<id>.md
    fields = [carried.carry(text, card.path, pack_dir) for text in fields]
    return _TimedNote(
        model=model,
        fields=[*fields, source, escape(card.id), escape(front.title, quote=False)],
        guid=note_guid(card.id),
        tags=tags,
        sort_field=sort_text(question),
    )


def teaching_positions(cards: Sequence[Card]) -> dict[str, int]:
    """Each card's Anki position, 1 up, in the order of `cards` (the whole bank, in its
    teaching order), coding drills left out as the export leaves them out."""
    exported = (card for card in cards if isinstance(card.front, EXPORTED_FRONTS))
    return {card.id: place for place, card in enumerate(exported, start=1)}


def _accepted(front: NumericFront) -> str:
    """The numbers taken as right: '0.249 to 0.251 s (± 0.001)', '1022.976 to 1025.024 MiB
    (± 0.1%)'; the bounds to 12 significant digits (no float noise), the tolerance as
    written."""
    tolerance = front.tolerance
    if tolerance.absolute is not None:
        written = f"± {format_number(tolerance.absolute)}"
    else:
        assert tolerance.relative is not None
        written = f"± {tolerance.relative * 100:.10g}%"  # 0.07 * 100 is 7.000000000000001
    low, high = tolerance.bounds(front.answer)
    unit = f" {front.unit}" if front.unit else ""
    return f"{low:.12g} to {high:.12g}{unit} ({written})"


def content_hash(note: genanki.Note) -> str:
    """What the note shows in Anki (note type, fields, tags): its modification time follows it.

    The `ADDED_FIELDS` are left out, so the hash of an unchanged card is the one an
    export before them stored."""
    first_fields = note.fields[: len(note.fields) - len(ADDED_FIELDS)]
    shown = json.dumps([note.model.model_id, first_fields, note.tags, note.sort_field])
    return hashlib.sha256(shown.encode()).hexdigest()


NOTE_TYPES_KEY = "@note-types"
"""The times file's entry for the note types (no card id starts with '@')."""
FIELDS_CHANGED_NOTICE = (
    f"The note types have a new field ({', '.join(ADDED_FIELDS)}) since your last export:"
    " in Anki's import window tick 'Merge note types' (Anki 23.10 or later), or Anki leaves"
    " the notes you imported before as they are and files new ones under copies of the"
    " note types ('drillbit concept+')."
)
"""Said once, on the first export after the fields changed (`AnkiReport.fields_changed`):
imported with Anki's defaults, the notes imported before would stop following their cards."""
NOTE_FIELDS_KEY = "@note-fields"
"""The times file's entry for the note types' fields, what Anki compares to tell a
changed note type from its own copy."""


def note_fields_hash() -> str:
    """The note types' field and template names: Anki's schema. When it changes, a
    collection that imported the note types before takes the new ones as other note types
    and leaves its notes of the old ones as they were, unless "Merge note types" is ticked."""
    shown = [
        [model.model_id, [f["name"] for f in model.fields], [t["name"] for t in model.templates]]
        for model in (CONCEPT_MODEL, CHOICE_MODEL, NUMERIC_MODEL)
    ]
    return hashlib.sha256(json.dumps(shown).encode()).hexdigest()


def note_types_hash() -> str:
    """What the three note types show (fields, templates, CSS): their time follows it.

    Only the names and formats are read: genanki adds keys to the field and template dicts
    when it writes a package, which would change the hash of the same note types."""
    shown = [
        [
            model.model_id,
            model.name,
            [field["name"] for field in model.fields],
            [[t["name"], t["qfmt"], t["afmt"]] for t in model.templates],
            model.css,
        ]
        for model in (CONCEPT_MODEL, CHOICE_MODEL, NUMERIC_MODEL)
    ]
    return hashlib.sha256(json.dumps(shown).encode()).hexdigest()


def export_anki(
    cards: Sequence[Card],
    path: Path,
    *,
    pack_titles: Mapping[str, str] | None = None,
    times: ContentTimes | None = None,
    now: int | None = None,
    before_replace: Callable[[], None] | None = None,
    positions: Mapping[str, int] | None = None,
) -> AnkiReport:
    """Write the cards to an .apkg at `path`, one subdeck per pack and topic
    (`drillbit::<pack title>::<topic>`, as Anki users nest decks), below their parents.

    Each note's modification time is the time its content was first exported (`times`
    remembers it per card and content hash; `now` stamps new or changed content).
    The note types' time is kept the same way, so a change to their templates or CSS
    reaches a collection that imported them before.
    Without `times` every note gets `now`. `before_replace` runs just before the package
    is renamed into place (an error from it leaves no file).

    Each new card's position (Anki's "New #N") is its place in the bank's teaching order:
    `positions` (`teaching_positions` of the whole bank, so the exports of two packs never
    share a position), else its place in `cards`. genanki gave every card position 0, so
    Anki's "Ascending position" order introduced them in no order the bank chose. Every
    deck, the parents written too, names drillbit's options preset, which gathers by that
    position (`anki_decks`).
    """
    stamp = int(time.time()) if now is None else now
    fields_changed = times is not None and times.differs(NOTE_FIELDS_KEY, note_fields_hash())
    titles = dict(pack_titles or {})
    deck_names = pack_deck_names(dict.fromkeys(card.pack for card in cards), titles)
    decks: dict[tuple[str, str], genanki.Deck] = {}
    parents: dict[str, None] = {TOP_DECK: None}
    retyped: list[str] = []
    retitled: dict[str, str] = {}
    notes = skipped = 0
    # each image written here as it is read (the package is built from the files), so
    # a deck of many large figures never holds them all in memory
    with tempfile.TemporaryDirectory(prefix="drillbit-media-") as media:
        images = CardImages(Path(media))
        for card in cards:
            note = note_for(card, images)
            if note is None:
                skipped += 1
                continue
            digest = content_hash(note)
            note.mod = times.stamp(card.id, digest, stamp) if times is not None else stamp
            if times is not None and times.retype(card.id, note.model.model_id) is not None:
                retyped.append(card.id)
            # the new card's position: Anki's "New #1", "New #2"...
            note.due = positions[card.id] if positions is not None else notes + 1
            key = (card.pack, card.topic)
            deck = decks.get(key)
            if deck is None:
                # a '::' in a name would make Anki nest decks the bank does not have
                title = titles.get(card.pack, "")
                written = pack_deck_part(card.pack, title)
                if title and written != title:
                    retitled.setdefault(title, written)
                name = deck_names[card.pack]
                topic = anki_deck_part(card.topic) or "cards"
                parents.setdefault(f"{TOP_DECK}::{name}", None)
                deck = OptionedDeck(deck_id(*key), f"{TOP_DECK}::{name}::{topic}")
                decks[key] = deck
            deck.add_note(note)
            notes += 1
        if decks:
            newest = max(note.mod for deck in decks.values() for note in deck.notes)
            if times is not None:
                # The package's time is its note types' modification time: Anki takes a note
                # type's new templates and CSS only when that time is newer than its own copy's
                # (its import time), so it moves on when they change, as a note's does.
                newest = max(newest, times.stamp(NOTE_TYPES_KEY, note_types_hash(), stamp))
                times.stamp(NOTE_FIELDS_KEY, note_fields_hash(), stamp)
            _write_package(
                [*_parent_decks(parents), *decks.values()],
                images.files,
                path,
                timestamp=newest,
                before_replace=before_replace,
            )
            if times is not None:
                times.save()
        return AnkiReport(
            notes=notes,
            decks=len(decks),
            skipped_coding=skipped,
            fields_changed=fields_changed,
            retyped=tuple(retyped),
            retitled=tuple(retitled.items()),
            told_apart=tuple(
                (pack, name)
                for pack, name in deck_names.items()
                if name != pack_deck_part(pack, titles.get(pack, ""))
            ),
            images=len(images.files) if decks else 0,
            images_left_out=tuple(images.notices()),
        )


def _parent_decks(names: Iterable[str]) -> list[genanki.Deck]:
    """The parent decks, written into the package (Anki would make them with its Default
    preset): the deck a learner clicks to study decides the order of new cards."""
    return [
        OptionedDeck(
            parent_deck_id(name),
            name,
            description=TOP_DECK_DESCRIPTION if name == TOP_DECK else "",
        )
        for name in names
    ]


def retitled_notice(title: str, deck: str) -> str:
    """Why a pack's deck in Anki is not named as the pack (lint reports it too)."""
    return (
        f"pack title {title!r} is the deck {deck!r} in Anki, which splits deck names at '::'"
        " (drillbit lint reports it: title-deck-separator)"
    )


def told_apart_notice(pack: str, deck: str) -> str:
    """Why a pack's deck in Anki has its name after its title: another pack's has the title."""
    return (
        f"pack {pack!r} is the deck {deck!r} in Anki: another pack exported has the same"
        " title, and Anki would file both packs' cards in one deck"
    )


def retyped_notice(card_ids: Sequence[str]) -> str:
    """What to do about cards whose kind changed since the last export: Anki keeps an
    imported note's type, so its import skips their notes (its log calls them conflicts)."""
    shown = ", ".join(card_ids[:5]) + (
        f" and {len(card_ids) - 5} more" if len(card_ids) > 5 else ""
    )
    return (
        f"{counted(len(card_ids), 'card')} changed kind since your last export ({shown}):"
        " Anki never changes an imported note's type, so its import skips"
        f" {'that note' if len(card_ids) == 1 else 'those notes'}; delete"
        f" {'it' if len(card_ids) == 1 else 'them'} in Anki (search CardId:{card_ids[0]}"
        f"{'' if len(card_ids) == 1 else ', and so on for each'})"
        " and import again"
        f" ({'the card comes' if len(card_ids) == 1 else 'the cards come'} back new, without"
        f" {'its' if len(card_ids) == 1 else 'their'} reviews)."
    )


def _write_package(
    decks: list[genanki.Deck],
    media: Mapping[str, Path],
    path: Path,
    *,
    timestamp: float,
    before_replace: Callable[[], None] | None = None,
) -> None:
    """Write the decks and media files (each named as in the package) into a temporary file beside `path`,
    renamed into place at the end: a failure (a full disk, a file where a folder should be)
    leaves any old deck untouched and raises one line naming the file."""
    refuse_missing_folder(path, title="export anki")
    try:
        partial = path.parent / f".{path.name}.{secrets.token_hex(4)}.partial"
        # 0o666 less the umask, as a file written in place gets (mkstemp's is 0o600)
        os.close(os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666))
    except OSError as exc:
        raise DrillbitError(
            f"cannot write {path}: {write_trouble(path, exc)}", title="export anki"
        ) from exc
    try:
        # genanki names each media file after its path's base name: the export wrote each
        # under its media name (their digest) in a folder of its own
        files = [str(file) for file in media.values()]
        _write_apkg(genanki.Package(decks, media_files=files), partial, timestamp=timestamp)
        if before_replace is not None:
            before_replace()
        os.replace(partial, path)
    except OSError as exc:
        raise DrillbitError(
            f"cannot write {path}: {write_trouble(path, exc)}", title="export anki"
        ) from exc
    except sqlite3.Error as exc:  # the collection's database: a full disk, a size limit
        raise DrillbitError(f"cannot write {path}: {exc}", title="export anki") from exc
    finally:
        partial.unlink(missing_ok=True)


def _write_apkg(package: genanki.Package, partial: Path, *, timestamp: float) -> None:
    """genanki's package layout (`collection.anki2`, `media`, then the media files as 0,
    1...) written to `partial`, its collection built in a folder beside it that is always
    removed: genanki's own `write_to_file` builds it with `mkstemp` in the system's
    temporary folder and never deletes it (half a MiB left there by every export, and a
    traceback when that folder is full)."""
    with tempfile.TemporaryDirectory(prefix=f".{partial.name}.", dir=partial.parent) as folder:
        collection = Path(folder) / "collection.anki2"
        connection = sqlite3.connect(collection)
        try:
            ids = itertools.count(int(timestamp * 1000))
            package.write_to_db(connection.cursor(), timestamp, ids)
            connection.commit()
        finally:
            connection.close()
        media = dict(enumerate(package.media_files))
        with zipfile.ZipFile(partial, "w") as archive:
            archive.write(collection, "collection.anki2")
            archive.writestr(
                "media", json.dumps({i: os.path.basename(f) for i, f in media.items()})
            )
            for number, file in media.items():
                archive.write(file, str(number))


PACKAGE_ENTRIES = ("collection.anki2", "media")
"""What genanki puts first in a package, in its order; the media files follow as 0, 1..."""
MAX_COLLECTION = 256 * 1024 * 1024
"""The largest collection read to tell a drillbit package (the whole bundled bank's is
half a MiB); a larger one is not taken for drillbit's."""


def is_drillbit_package(path: Path) -> bool:
    """Whether `path` is a package `export_anki` wrote, so an export may replace it.

    genanki's two entries, only drillbit's decks (`drillbit`, `drillbit::...`, and Anki's
    `Default`) and note types, and no review history: a deck exported from Anki (its entries differ,
    or it carries reviews) or anyone else's is not, and stays unless `--force`."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError:
        return False
    with os.fdopen(fd, "rb") as raw:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            return False  # a FIFO or a device: never read
        try:
            with zipfile.ZipFile(raw) as archive:
                entries = archive.infolist()
                names = tuple(entry.filename for entry in entries)
                media = tuple(str(index) for index in range(len(names) - len(PACKAGE_ENTRIES)))
                if names != PACKAGE_ENTRIES + media:
                    return False
                if entries[0].file_size > MAX_COLLECTION:
                    return False
                with tempfile.TemporaryDirectory(prefix="drillbit-apkg-") as folder:
                    collection = archive.extract(entries[0], folder)
                    return _drillbit_collection(Path(collection))
        except (zipfile.BadZipFile, OSError, ValueError, EOFError, RecursionError, sqlite3.Error):
            return False


def _drillbit_collection(path: Path) -> bool:
    """Whether an extracted collection holds drillbit's decks and note types alone, unreviewed."""
    conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    try:
        found = conn.execute("SELECT decks, models FROM col").fetchone()
        reviews = conn.execute("SELECT COUNT(*) FROM revlog").fetchone()[0]
    finally:
        conn.close()
    if found is None or reviews:
        return False
    decks, models = json.loads(found[0]), json.loads(found[1])
    if not isinstance(decks, dict) or not isinstance(models, dict):
        return False
    names = [deck.get("name") if isinstance(deck, dict) else None for deck in decks.values()]
    ours = [
        name
        for name in names
        if isinstance(name, str) and (name == TOP_DECK or name.startswith(f"{TOP_DECK}::"))
    ]
    others = [name for name in names if name not in ours and name != "Default"]
    model_ids = {str(CONCEPT_MODEL_ID), str(CHOICE_MODEL_ID), str(NUMERIC_MODEL_ID)}
    return bool(ours) and not others and set(models) <= model_ids
