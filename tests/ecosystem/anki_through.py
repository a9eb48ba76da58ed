"""Cards taken through Anki itself, for the round-trip tests: our package imported into a
real collection by the `anki` library, then written out by Anki's own File > Export >
Notes in Plain Text. One set-up, so every round-trip test meets Anki the same way."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from anki.collection import (
    Collection,
    ImportAnkiPackageOptions,
    ImportAnkiPackageRequest,
    NoteIdsLimit,
)

from quiz.bank.models import Card
from quiz.ecosystem.anki import export_anki
from quiz.ecosystem.anki_times import ContentTimes


@contextmanager
def anki_holding(
    cards: Sequence[Card],
    tmp_path: Path,
    titles: dict[str, str] | None = None,
    *,
    now: int | None = None,
) -> Iterator[Collection]:
    """A real Anki collection (under `tmp_path/anki`) holding `cards` as `drillbit export
    anki` wrote them (`titles`: each pack's deck title; `now`: a fixed export time, else
    each card's own times kept in `tmp_path/t.json`); closed on leaving."""
    package = tmp_path / "deck.apkg"
    times = ContentTimes(tmp_path / "t.json") if now is None else None
    export_anki(list(cards), package, pack_titles=titles, times=times, now=now)
    (tmp_path / "anki").mkdir()
    col = Collection(str(tmp_path / "anki" / "collection.anki2"))
    try:
        request = ImportAnkiPackageRequest(
            package_path=str(package), options=ImportAnkiPackageOptions()
        )
        col.import_anki_package(request)
        yield col
    finally:
        col.close()


def export_text(
    col: Collection, out: Path, *, with_html: bool = True, with_notetype: bool = True
) -> Path:
    """Anki's Export Notes in Plain Text of every note in `col` into `out`: tags, deck and
    GUID columns kept, HTML and the note type's name unless told otherwise."""
    col.export_note_csv(
        out_path=str(out),
        limit=NoteIdsLimit(note_ids=list(col.find_notes(""))),
        with_html=with_html,
        with_tags=True,
        with_deck=True,
        with_notetype=with_notetype,
        with_guid=True,
    )
    return out


def through_anki(
    cards: Sequence[Card],
    tmp_path: Path,
    titles: dict[str, str] | None = None,
    *,
    with_html: bool = True,
    with_notetype: bool = True,
) -> Path:
    """`cards` exported, imported into Anki and exported by Anki as plain text
    (`tmp_path/notes.txt`), as a user round-trips them."""
    with anki_holding(cards, tmp_path, titles) as col:
        return export_text(
            col, tmp_path / "notes.txt", with_html=with_html, with_notetype=with_notetype
        )
