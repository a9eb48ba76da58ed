"""`drillbit export anki` read by Anki itself: the `anki` library's importer on a real collection."""

from __future__ import annotations

import shutil
import tracemalloc
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from anki.collection import Collection, ImportAnkiPackageOptions, ImportAnkiPackageRequest
from anki.decks import DeckId
from anki.notes import Note
from anki.scheduler.v3 import Scheduler

from quiz.bank.loader import load_bank
from quiz.bank.numbers import format_number
from quiz.bank.sources import bundled_content_dir, content_roots
from quiz.ecosystem.anki import (
    export_anki,
    is_drillbit_package,
    note_for,
    note_guid,
    retyped_notice,
    teaching_positions,
)
from quiz.ecosystem.anki_decks import DECK_OPTIONS_NAME, TOP_DECK
from quiz.ecosystem.anki_media import CardImages, media_name
from quiz.ecosystem.anki_times import ContentTimes
from quiz.errors import DrillbitError
from tests.conftest import DATA, RunDrillbit
from tests.ecosystem.anki_presets import flat_options


@pytest.fixture
def collection(tmp_path: Path) -> Iterator[Collection]:
    folder = tmp_path / "anki"
    folder.mkdir()
    col = Collection(str(folder / "collection.anki2"))
    try:
        yield col
    finally:
        col.close()


@pytest.fixture
def bank_dir(tmp_path: Path) -> Path:
    """A copy of the Anki fixture bank the test may edit."""
    target = tmp_path / "content"
    shutil.copytree(DATA / "anki_bank", target)
    return target


def export(bank_dir: Path, out: Path, times: ContentTimes, now: int) -> None:
    bank = load_bank(content_roots([bank_dir]))
    assert not bank.broken_files
    titles = {name: pack.info.title for name, pack in bank.packs.items()}
    cards = [c for c in bank.cards if c.pack == "anki"]
    report = export_anki(cards, out, pack_titles=titles, times=times, now=now)
    assert report.notes == 3


def import_into(col: Collection, apkg: Path) -> None:
    request = ImportAnkiPackageRequest(
        package_path=str(apkg), options=ImportAnkiPackageOptions(with_scheduling=True)
    )
    col.import_anki_package(request)  # the default update condition: only if newer


def note_of(col: Collection, card_id: str) -> Note:
    guid = note_guid(card_id)
    (nid,) = [nid for nid in col.find_notes("") if col.get_note(nid).guid == guid]
    return col.get_note(nid)


def test_edits_in_anki_survive_an_unchanged_reexport_and_changed_cards_update(
    tmp_path: Path, bank_dir: Path, collection: Collection
) -> None:
    times = ContentTimes(tmp_path / "times.json")
    export(bank_dir, tmp_path / "one.apkg", times, now=1_700_000_000)
    import_into(collection, tmp_path / "one.apkg")
    assert collection.note_count() == 3

    note = note_of(collection, "softmax-gradient")
    assert note.mod == 1_700_000_000
    note["Answer"] = "my own words"
    note.add_tag("mine")
    collection.update_note(note)
    edited = note_of(collection, "softmax-gradient")
    assert edited.mod > 1_700_000_000

    # Unchanged card, a later export (a fresh ContentTimes reads the saved file): the edit survives.
    later = ContentTimes(tmp_path / "times.json")
    export(bank_dir, tmp_path / "two.apkg", later, now=edited.mod + 1000)
    import_into(collection, tmp_path / "two.apkg")
    kept = note_of(collection, "softmax-gradient")
    assert kept["Answer"] == "my own words"
    assert "mine" in kept.tags
    assert collection.note_count() == 3

    # The card file changes: its note updates, the other notes keep their times.
    card = bank_dir / "anki" / "math" / "softmax-gradient.md"
    card.write_text(card.read_text().replace("## Answer\n", "## Answer\n\nRevised answer.\n"))
    again = ContentTimes(tmp_path / "times.json")
    export(bank_dir, tmp_path / "three.apkg", again, now=edited.mod + 1)
    import_into(collection, tmp_path / "three.apkg")
    updated = note_of(collection, "softmax-gradient")
    assert "Revised answer." in updated["Answer"]
    assert "my own words" not in updated["Answer"]
    assert note_of(collection, "sigmoid-max-slope").mod == 1_700_000_000
    assert collection.note_count() == 3


def test_anki_reads_tags_numbers_and_select_all(
    tmp_path: Path, bank_dir: Path, collection: Collection
) -> None:
    export(bank_dir, tmp_path / "deck.apkg", ContentTimes(tmp_path / "t.json"), now=1_700_000_000)
    import_into(collection, tmp_path / "deck.apkg")
    softmax = note_of(collection, "softmax-gradient")
    assert sorted(softmax.tags) == [
        "drillbit::tag::backprop",
        "drillbit::tag::softmax",
        "drillbit::topic::math",
    ]
    choice = note_of(collection, "bigger-learning-rate")
    assert "Select all that apply." in choice["Choices"]
    numeric = note_of(collection, "sigmoid-max-slope")
    assert '<div class="numeric-answer">0.25 per unit of z</div>' in numeric["Answer"]
    assert {d.name for d in collection.decks.all_names_and_ids()} >= {
        "drillbit::Anki export fixture",
        "drillbit::Anki export fixture::math",
    }


def test_anki_computes_the_same_sort_field_the_package_holds(
    tmp_path: Path, bank_dir: Path, collection: Collection
) -> None:
    """Anki's browser sorts by the stored sort text: after import it is the question,
    exactly as the package wrote it (Anki recomputes it from the note type's sort field)."""
    export(bank_dir, tmp_path / "deck.apkg", ContentTimes(tmp_path / "t.json"), now=1_700_000_000)
    import_into(collection, tmp_path / "deck.apkg")
    bank = load_bank(content_roots([bank_dir]))
    db = collection.db
    assert db is not None
    for card in (c for c in bank.cards if c.pack == "anki"):
        note = note_for(card)
        if note is None:
            continue
        stored = db.scalar("SELECT sfld FROM notes WHERE id = ?", note_of(collection, card.id).id)
        assert str(stored) == note.sort_field, card.id
        assert str(stored) != card.title


def test_ankis_check_database_finds_nothing_to_fix_in_an_import(
    tmp_path: Path, bank_dir: Path, collection: Collection
) -> None:
    """Check Database (Tools menu; AnkiDroid runs the same check) repairs what a package
    got wrong (a note's field count, a card's template, a missing deck): after an import
    it only rebuilds, and no card of ours is empty (each template shows a field)."""
    export(bank_dir, tmp_path / "deck.apkg", ContentTimes(tmp_path / "t.json"), now=1_700_000_000)
    import_into(collection, tmp_path / "deck.apkg")
    assert collection.fix_integrity() == ("Database rebuilt and optimized.", True)
    assert collection.note_count() == 3 and collection.card_count() == 3
    assert not collection.get_empty_cards().notes


def test_numbers_are_shown_as_written() -> None:
    assert format_number(9.5367431640625e-7) == "9.5367431640625e-7"
    assert format_number(4.0) == "4"
    assert format_number(-3.0) == "-3"
    assert format_number(0.25) == "0.25"
    assert format_number(1e20) == "1e20"
    assert format_number(6.02e23) == "6.02e23"


def test_whole_number_answer_without_unit_and_single_answer_choice(bank_dir: Path) -> None:
    card = bank_dir / "anki" / "math" / "sigmoid-max-slope.md"
    text = (
        card.read_text().replace("answer: 0.25", "answer: 4").replace("unit: per unit of z\n", "")
    )
    card.write_text(text)
    choice = bank_dir / "anki" / "math" / "bigger-learning-rate.md"
    choice.write_text(choice.read_text().replace("answer: [0, 2]", "answer: 0"))
    bank = load_bank(content_roots([bank_dir]))
    by_id = {c.id: c for c in bank.cards}
    numeric = note_for(by_id["sigmoid-max-slope"])
    assert numeric is not None
    assert '<div class="numeric-answer">4</div>' in numeric.fields[1]
    assert "Answer in" not in numeric.fields[0]
    single = note_for(by_id["bigger-learning-rate"])
    assert single is not None and "Select all" not in single.fields[1]


def test_changing_content_within_the_same_second_still_moves_the_time(tmp_path: Path) -> None:
    times = ContentTimes(tmp_path / "t.json")
    assert times.stamp("a", "h1", 100) == 100
    assert times.stamp("a", "h1", 500) == 100
    assert times.stamp("a", "h2", 100) == 101
    times.save()
    assert ContentTimes(tmp_path / "t.json").stamp("a", "h2", 900) == 101


def test_a_damaged_times_file_is_one_clear_error(tmp_path: Path) -> None:
    from quiz.errors import DrillbitError

    (tmp_path / "t.json").write_text("{not json")
    with pytest.raises(DrillbitError, match="not a drillbit Anki times file; delete it"):
        ContentTimes(tmp_path / "t.json")


def test_many_cards_whose_kind_changed_are_summed_up_in_one_line() -> None:
    notice = retyped_notice([f"card-{n}" for n in range(7)])
    assert notice.startswith("7 cards changed kind since your last export (card-0, card-1,")
    assert "card-4 and 2 more)" in notice and "card-5" not in notice
    assert "delete them in Anki (search CardId:card-0, and so on for each)" in notice
    assert notice.endswith("(the cards come back new, without their reviews).")
    assert "\n" not in notice


def test_a_times_file_with_a_note_type_not_a_number_is_one_clear_error(tmp_path: Path) -> None:
    from quiz.errors import DrillbitError

    (tmp_path / "t.json").write_text('{"a": {"hash": "h", "mod": 1, "type": "concept"}}')
    with pytest.raises(DrillbitError, match=r"not a drillbit Anki times file.*\(entry 'a'\)"):
        ContentTimes(tmp_path / "t.json")


def test_the_note_types_kept_survive_a_save_and_an_old_file_has_none(tmp_path: Path) -> None:
    times = ContentTimes(tmp_path / "t.json")
    times.stamp("a", "h", 100)
    assert times.retype("a", 7) is None  # first seen: nothing to compare
    times.save()
    later = ContentTimes(tmp_path / "t.json")
    assert later.retype("a", 7) is None
    assert later.retype("a", 8) == 7
    shutil.copy(BEFORE_TITLE / "anki-export-times.json", tmp_path / "old.json")
    assert ContentTimes(tmp_path / "old.json").retype("softmax-gradient", 8) is None


@pytest.mark.parametrize(
    ("written", "shown"),
    [
        ("1e-3", "1e-3"),
        ("9.5367431640625e-7", "9.5367431640625e-7"),
        ("0.000095367431640625", "0.000095367431640625"),
        ("4", "4"),
        ("[1]", None),  # not a plain number: never shown as written (and not a valid card)
    ],
)
def test_numeric_answers_are_shown_as_the_card_writes_them(
    bank_dir: Path, written: str, shown: str | None
) -> None:
    card = bank_dir / "anki" / "math" / "sigmoid-max-slope.md"
    card.write_text(card.read_text().replace("answer: 0.25", f"answer: {written}"))
    bank = load_bank(content_roots([bank_dir]))
    by_id = {c.id: c for c in bank.cards}
    if shown is None:
        assert "sigmoid-max-slope" not in by_id
        return
    note = note_for(by_id["sigmoid-max-slope"])
    assert note is not None
    assert f'<div class="numeric-answer">{shown} per unit of z</div>' in note.fields[1]


def test_a_card_reviewed_in_anki_keeps_its_history_when_its_edited_note_is_reimported(
    tmp_path: Path, bank_dir: Path, collection: Collection
) -> None:
    """The Anki user's round trip: review a card in Anki's own scheduler, edit the card in
    the bank, export again and import: the note is updated in place (same GUID, same card)
    and the card keeps its schedule and its review log."""
    export(bank_dir, tmp_path / "one.apkg", ContentTimes(tmp_path / "t.json"), now=1_700_000_000)
    import_into(collection, tmp_path / "one.apkg")
    (card_id,) = note_of(collection, "softmax-gradient").card_ids()
    card = collection.get_card(card_id)
    card.start_timer()
    collection.sched.answerCard(card, 3)  # Good
    reviewed = collection.get_card(card_id)
    assert reviewed.reps == 1 and reviewed.queue != 0  # no longer new
    db = collection.db
    assert db is not None
    history = db.list("select id from revlog where cid = ?", card_id)
    assert len(history) == 1

    card_file = bank_dir / "anki" / "math" / "softmax-gradient.md"
    card_file.write_text(
        card_file.read_text().replace("## Answer\n", "## Answer\n\nRevised answer.\n")
    )
    export(bank_dir, tmp_path / "two.apkg", ContentTimes(tmp_path / "t.json"), now=1_800_000_000)
    import_into(collection, tmp_path / "two.apkg")

    updated = note_of(collection, "softmax-gradient")
    assert "Revised answer." in updated["Answer"]
    assert updated.card_ids() == [card_id]
    kept = collection.get_card(card_id)
    assert (kept.reps, kept.queue, kept.type, kept.due) == (
        reviewed.reps,
        reviewed.queue,
        reviewed.type,
        reviewed.due,
    )
    assert db.list("select id from revlog where cid = ?", card_id) == history
    assert collection.card_count() == 3


def test_a_change_to_the_note_types_reaches_a_collection_that_imported_them_before(
    tmp_path: Path, bank_dir: Path, collection: Collection, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Anki takes a note type's new CSS or templates only when the package's copy is newer
    than its own, which bears its import time: the package's time was its newest note's, so
    a CSS change with no card changed never reached a collection that imported before."""
    from quiz.ecosystem import anki

    times_file = tmp_path / "t.json"
    export(bank_dir, tmp_path / "one.apkg", ContentTimes(times_file), now=1_700_000_000)
    import_into(collection, tmp_path / "one.apkg")
    # read from the database: the collection's note type objects are cached in Python
    db = collection.db
    assert db is not None
    (imported_mod,) = db.list("select mtime_secs from notetypes where name = 'drillbit concept'")
    assert imported_mod == 1_700_000_000  # the package's time, kept by Anki

    # Unchanged note types, a later export: nothing is newer, a user's own CSS would stay.
    export(bank_dir, tmp_path / "same.apkg", ContentTimes(times_file), now=1_900_000_000)
    assert ContentTimes(times_file).stamp(anki.NOTE_TYPES_KEY, anki.note_types_hash(), 0) == (
        1_700_000_000
    )

    new_css = anki.CSS + ".keypoints { font-style: italic; }\n"
    for model in (anki.CONCEPT_MODEL, anki.CHOICE_MODEL, anki.NUMERIC_MODEL):
        monkeypatch.setattr(model, "css", new_css)
    later = imported_mod + 1000  # after Anki's import, as any later export is
    export(bank_dir, tmp_path / "two.apkg", ContentTimes(times_file), now=later)
    import_into(collection, tmp_path / "two.apkg")
    for name in ("drillbit concept", "drillbit choice", "drillbit numeric"):
        model = collection.models.by_name(name)
        assert model is not None and model["css"] == new_css, name
    assert collection.note_count() == 3


BEFORE_TITLE = DATA / "anki_before_title"
"""`deck.apkg` and its `anki-export-times.json` as drillbit wrote them from `anki_bank`
before its note types had a Title field (at 1_700_000_000): what its users imported."""


def import_merging(col: Collection, apkg: Path) -> None:
    """Import as with Anki's "Merge note types" ticked (23.10 and later)."""
    request = ImportAnkiPackageRequest(
        package_path=str(apkg),
        options=ImportAnkiPackageOptions(with_scheduling=True, merge_notetypes=True),
    )
    col.import_anki_package(request)


def field_names(col: Collection) -> dict[str, list[str]]:
    """Each note type's field names, read from the database (Python caches note types)."""
    db = col.db
    assert db is not None
    names: dict[str, list[str]] = {}
    for ntid, name in db.all("SELECT id, name FROM notetypes"):
        names[str(name)] = db.list("SELECT name FROM fields WHERE ntid = ? ORDER BY ord", ntid)
    return names


def stored_fields(col: Collection, card_id: str) -> dict[str, str]:
    """A note's fields by name as the database holds them (Python caches note types,
    which an import that merges them changes underneath)."""
    db = col.db
    assert db is not None
    row = db.first("SELECT mid, flds FROM notes WHERE guid = ?", note_guid(card_id))
    assert row is not None, card_id
    ntid, flds = row
    names = db.list("SELECT name FROM fields WHERE ntid = ? ORDER BY ord", ntid)
    return dict(zip(names, str(flds).split("\x1f"), strict=True))


def test_anki_finds_a_note_by_its_title_field(
    tmp_path: Path, bank_dir: Path, collection: Collection
) -> None:
    """The title is a field of its own, as Anki users search and template by one
    (`Title:...`); it was only the start of the Source line."""
    card = bank_dir / "anki" / "math" / "softmax-gradient.md"
    card.write_text(
        card.read_text().replace(
            "title: Gradient of softmax with cross-entropy",
            "title: The softmax cross-entropy's gradient",
        )
    )
    export(bank_dir, tmp_path / "deck.apkg", ContentTimes(tmp_path / "t.json"), now=1_700_000_000)
    import_into(collection, tmp_path / "deck.apkg")
    for name, fields in field_names(collection).items():
        if name.startswith("drillbit "):
            assert fields[-1] == "Title", name
    (found,) = collection.find_notes('"Title:The softmax cross-entropy\'s gradient"')
    assert found == note_of(collection, "softmax-gradient").id
    assert len(collection.find_notes("Title:_*")) == 3


def test_a_collection_that_imported_an_export_before_the_title_field_merges_and_loses_nothing(
    tmp_path: Path, bank_dir: Path, collection: Collection
) -> None:
    """A user who imported drillbit's deck before the Title field, reviewed a card and
    edited a note in Anki, imports the new export with "Merge note types": the same three
    notes (no copies, no second note types), the changed card's note updated with its
    title, the edited note's edit kept (its card did not change, so neither did its time),
    the review history kept."""
    import_into(collection, BEFORE_TITLE / "deck.apkg")
    assert field_names(collection)["drillbit concept"][-1] == "CardId"
    reviewed_id = note_of(collection, "sigmoid-max-slope").card_ids()[0]
    reviewed = collection.get_card(reviewed_id)
    reviewed.start_timer()
    collection.sched.answerCard(reviewed, 3)
    edited = note_of(collection, "bigger-learning-rate")
    edited["Explanation"] = "my own words"
    collection.update_note(edited)

    times_file = tmp_path / "times.json"
    shutil.copy(BEFORE_TITLE / "anki-export-times.json", times_file)
    card = bank_dir / "anki" / "math" / "softmax-gradient.md"
    card.write_text(card.read_text().replace("## Answer\n", "## Answer\n\nRevised answer.\n"))
    bank = load_bank(content_roots([bank_dir]))
    cards = [c for c in bank.cards if c.pack == "anki"]
    titles = {name: pack.info.title for name, pack in bank.packs.items()}
    report = export_anki(
        cards,
        tmp_path / "new.apkg",
        pack_titles=titles,
        times=ContentTimes(times_file),
        now=1_800_000_000,
    )
    assert report.fields_changed
    import_merging(collection, tmp_path / "new.apkg")

    assert collection.note_count() == 3 and collection.card_count() == 3
    names = field_names(collection)
    assert sorted(n for n in names if n.startswith("drillbit")) == [
        "drillbit choice",
        "drillbit concept",
        "drillbit numeric",
    ]
    assert names["drillbit concept"] == [
        "Question",
        "Answer",
        "KeyPoints",
        "Source",
        "CardId",
        "Title",
    ]
    changed = stored_fields(collection, "softmax-gradient")
    assert "Revised answer." in changed["Answer"]
    assert changed["Title"] == "Gradient of softmax with cross-entropy"
    assert stored_fields(collection, "bigger-learning-rate")["Explanation"] == "my own words"
    kept = collection.get_card(reviewed_id)
    assert kept.reps == 1 and kept.note().guid == note_guid("sigmoid-max-slope")
    db = collection.db
    assert db is not None
    assert db.scalar("SELECT COUNT(*) FROM revlog WHERE cid = ?", reviewed_id) == 1

    # Merged once, the note types are the export's again: Anki's defaults update from now on.
    card.write_text(card.read_text().replace("Revised answer.", "Revised twice."))
    export(bank_dir, tmp_path / "third.apkg", ContentTimes(times_file), now=1_900_000_000)
    import_into(collection, tmp_path / "third.apkg")
    assert "Revised twice." in stored_fields(collection, "softmax-gradient")["Answer"]
    assert collection.note_count() == 3
    assert not [name for name in field_names(collection) if name.endswith("+")]


def test_imported_with_ankis_defaults_the_notes_before_the_title_field_stay_and_merge_later(
    tmp_path: Path, bank_dir: Path, collection: Collection
) -> None:
    """What the export's notice says of Anki's defaults (no merging): the notes imported
    before stay as they were (not updated, not lost), a note type gains a copy ('drillbit
    concept+'); importing the same file again with "Merge note types" puts it right."""
    import_into(collection, BEFORE_TITLE / "deck.apkg")
    times_file = tmp_path / "times.json"
    shutil.copy(BEFORE_TITLE / "anki-export-times.json", times_file)
    card = bank_dir / "anki" / "math" / "softmax-gradient.md"
    card.write_text(card.read_text().replace("## Answer\n", "## Answer\n\nRevised answer.\n"))
    export(bank_dir, tmp_path / "new.apkg", ContentTimes(times_file), now=1_800_000_000)

    import_into(collection, tmp_path / "new.apkg")
    assert collection.note_count() == 3
    assert "Revised answer." not in stored_fields(collection, "softmax-gradient")["Answer"]
    assert "drillbit concept+" in field_names(collection)

    import_merging(collection, tmp_path / "new.apkg")
    assert collection.note_count() == 3
    assert "Revised answer." in stored_fields(collection, "softmax-gradient")["Answer"]
    assert sorted(n for n in field_names(collection) if n.startswith("drillbit")) == [
        "drillbit choice",
        "drillbit concept",
        "drillbit numeric",
    ]


def _bundled_export(tmp_path: Path) -> tuple[Path, list[str]]:
    """The bundled bank exported, and the ids of its exported cards in teaching order."""
    bank = load_bank([bundled_content_dir()])
    titles = {name: pack.info.title for name, pack in bank.packs.items()}
    apkg = tmp_path / "bank.apkg"
    export_anki(bank.cards, apkg, pack_titles=titles, now=1_700_000_000)
    return apkg, [card.id for card in bank.cards if note_for(card) is not None]


def _import_with_defaults(col: Collection, apkg: Path, *, deck_presets: bool) -> None:
    """Anki's import window as it opens (nothing ticked), with or without its
    "Import any deck presets"."""
    options = ImportAnkiPackageOptions(with_deck_configs=deck_presets)
    col.import_anki_package(ImportAnkiPackageRequest(package_path=str(apkg), options=options))


def _new_cards_studying(col: Collection, deck: str, exported: list[str]) -> list[str]:
    """The card ids of the new cards Anki's v3 scheduler queues, in its order, when the
    learner clicks `deck`."""
    deck_id = col.decks.id_for_name(deck)
    assert deck_id is not None, deck
    col.decks.select(deck_id)
    scheduler = col.sched
    assert isinstance(scheduler, Scheduler)
    queued = scheduler.get_queued_cards(fetch_limit=len(exported)).cards
    by_guid = {note_guid(card_id): card_id for card_id in exported}
    return [by_guid[col.get_card(q.card.id).note().guid] for q in queued]


def test_anki_introduces_new_cards_in_the_banks_teaching_order(
    tmp_path: Path, collection: Collection
) -> None:
    """Each card's position (Anki's "New #N") is its place in the bank's order, so the
    top deck's "New card gather order" set to "Ascending position" by hand, as the README
    says, introduces the bundled bank as drillbit does: neural networks before attention,
    a concept before its numbers. Every card had position 0, and Anki began with the
    approximation theorem and backpropagation through time."""
    apkg, exported = _bundled_export(tmp_path)
    import_into(collection, apkg)
    top = collection.decks.id_for_name(TOP_DECK)
    assert top is not None
    options = collection.decks.config_dict_for_deck_id(top)
    assert options["name"] == "Default"  # no presets were imported
    options["newGatherPriority"] = 1  # "Ascending position" in the deck's options
    options["new"]["perDay"] = len(exported)
    collection.decks.update_config(options)
    assert _new_cards_studying(collection, TOP_DECK, exported) == exported


def test_the_decks_carry_a_preset_that_studies_new_cards_in_teaching_order(
    tmp_path: Path, collection: Collection
) -> None:
    """Every exported deck names drillbit's options preset, which gathers new cards by
    ascending position: imported with "Import any deck presets" ticked and its new cards
    per day left at 20, studying the top deck begins as drillbit does. The decks had no
    preset of their own, and Anki's Default one gathered the subdecks alphabetically,
    so the day began with attention."""
    apkg, exported = _bundled_export(tmp_path)
    _import_with_defaults(collection, apkg, deck_presets=True)

    for deck in collection.decks.all_names_and_ids():
        if deck.name.startswith(TOP_DECK):
            options = collection.decks.config_dict_for_deck_id(DeckId(deck.id))
            assert options["name"] == DECK_OPTIONS_NAME, deck.name
    assert _new_cards_studying(collection, TOP_DECK, exported) == exported[:20]
    bank = load_bank([bundled_content_dir()])
    pack = bank.packs["deep-training"].info.title
    in_pack = [card.id for card in bank.cards if card.pack == "deep-training"]
    assert (
        _new_cards_studying(collection, f"{TOP_DECK}::{pack}", exported)
        == [card_id for card_id in exported if card_id in in_pack][:20]
    )


OLD_SCHEMA_ONLY = ("new.separate", "rev.fuzz", "rev.minSpace")
"""Keys of an old Anki's preset that a new Anki's Default lacks."""


def test_the_preset_is_ankis_default_but_for_the_order_of_new_cards(
    tmp_path: Path, collection: Collection
) -> None:
    """The preset was genanki's copy of an old Anki's Default: a learner who imported it
    got siblings buried, 100 reviews a day instead of 200, leeches suspended instead of
    tagged and no easy days. Now only the gather order of new cards differs, and the three
    keys only an old Anki reads (kept for it, `OLD_SCHEMA_ONLY`), which a new one keeps
    aside and never applies."""
    apkg, _ = _bundled_export(tmp_path)
    _import_with_defaults(collection, apkg, deck_presets=True)
    presets = {preset["name"]: flat_options(preset) for preset in collection.decks.all_config()}
    ours, anki = presets[DECK_OPTIONS_NAME], presets["Default"]
    differ = {key for key in ours.keys() | anki.keys() if ours.get(key) != anki.get(key)}
    assert differ == {"id", "name", "usn", "newGatherPriority", *OLD_SCHEMA_ONLY}
    assert all(key not in anki for key in OLD_SCHEMA_ONLY)
    # ascending position; card type, then as gathered (one card type)
    assert (ours["newGatherPriority"], ours["newSortOrder"]) == (1, 0)


def test_packs_exported_apart_keep_the_teaching_order_in_one_collection(
    tmp_path: Path, collection: Collection, drillbit: RunDrillbit
) -> None:
    """`export anki --pack` of two packs, both imported with their learning progress (Anki
    then keeps the positions): each card's position is its place in the whole bank, so
    the preset's ascending position takes the first pack, then the second. Each export
    numbered its own cards from 1, and Anki took the two packs' cards turn about."""
    packs = ("neural-networks", "deep-training")
    for pack in reversed(packs):  # the later pack first: positions, not import order, count
        out = tmp_path / f"{pack}.apkg"
        done = drillbit("export", "anki", str(out), "--pack", pack, cwd=tmp_path)
        assert done.returncode == 0, done.stderr
        options = ImportAnkiPackageOptions(with_scheduling=True, with_deck_configs=True)
        collection.import_anki_package(
            ImportAnkiPackageRequest(package_path=str(out), options=options)
        )
    bank = load_bank([bundled_content_dir()])
    expected = [card.id for card in bank.cards if card.pack in packs and note_for(card) is not None]
    top = collection.decks.id_for_name(TOP_DECK)
    assert top is not None
    preset = collection.decks.config_dict_for_deck_id(top)
    preset["new"]["perDay"] = len(expected)
    collection.decks.update_config(preset)
    assert _new_cards_studying(collection, TOP_DECK, expected) == expected


def test_a_card_added_to_the_bank_later_takes_its_place_among_the_new_cards(
    tmp_path: Path, collection: Collection
) -> None:
    """What the README promises: a card the bank gains after the first import is not put
    after every new card (Anki keeps a new card's position on import, its defaults too)."""
    bank = load_bank([bundled_content_dir()])
    titles = {name: pack.info.title for name, pack in bank.packs.items()}
    positions = teaching_positions(bank.cards)
    apkg, exported = _bundled_export(tmp_path)
    added = exported[2]
    first = tmp_path / "before.apkg"
    earlier = [card for card in bank.cards if card.id != added]
    export_anki(earlier, first, pack_titles=titles, now=1_600_000_000, positions=positions)
    _import_with_defaults(collection, first, deck_presets=True)
    _import_with_defaults(collection, apkg, deck_presets=True)
    assert _new_cards_studying(collection, TOP_DECK, exported) == exported[:20]


def test_the_preset_reaches_decks_imported_before_and_keeps_the_learners_changes(
    tmp_path: Path, collection: Collection
) -> None:
    """Decks imported without the preset (Anki's defaults, or an export from before it)
    take it when a later import ticks "Import any deck presets"; a preset the learner
    changed (new cards per day) is not overwritten by the next import, and no second copy
    of it is added; the learner's Default preset is never touched (the package holds
    genanki's Default too)."""
    default = collection.decks.config_dict_for_deck_id(DeckId(1))
    default["new"]["perDay"] = 33
    collection.decks.update_config(default)
    apkg, exported = _bundled_export(tmp_path)
    _import_with_defaults(collection, apkg, deck_presets=False)
    top = collection.decks.id_for_name(TOP_DECK)
    assert top is not None
    assert collection.decks.config_dict_for_deck_id(top)["name"] == "Default"
    assert _new_cards_studying(collection, TOP_DECK, exported)[0] == "attention-scaling"

    _import_with_defaults(collection, apkg, deck_presets=True)
    options = collection.decks.config_dict_for_deck_id(top)
    assert options["name"] == DECK_OPTIONS_NAME
    assert _new_cards_studying(collection, TOP_DECK, exported) == exported[:20]

    options["new"]["perDay"] = 7
    collection.decks.update_config(options)
    options = ImportAnkiPackageOptions(with_deck_configs=True, with_scheduling=True)
    collection.import_anki_package(
        ImportAnkiPackageRequest(package_path=str(apkg), options=options)
    )
    assert collection.decks.config_dict_for_deck_id(top)["new"]["perDay"] == 7
    presets = {preset["name"]: preset for preset in collection.decks.all_config()}
    assert list(presets) == ["Default", DECK_OPTIONS_NAME]
    assert presets["Default"]["new"]["perDay"] == 33


def test_the_top_deck_says_in_anki_how_to_get_the_teaching_order(
    tmp_path: Path, collection: Collection
) -> None:
    """Imported with Anki's defaults the preset is left out: the top deck's description,
    on the screen where the learner starts studying, names the option, its value and the
    import window's box in Anki's own words."""
    apkg, _ = _bundled_export(tmp_path)
    _import_with_defaults(collection, apkg, deck_presets=False)
    top = collection.decks.id_for_name(TOP_DECK)
    assert top is not None
    deck = collection.decks.get(top)
    assert deck is not None
    description = deck["desc"]
    tr = collection.tr  # Anki's own words for the option, its value and the import's box
    assert tr.deck_config_new_gather_priority() in description
    assert tr.deck_config_new_gather_priority_position_lowest_first() in description
    assert tr.importing_with_deck_configs() in description
    assert DECK_OPTIONS_NAME in description


NUMERIC_MADE_CONCEPT = """---
id: sigmoid-max-slope
kind: concept
title: Largest slope of the sigmoid
topic: math
tags: []
difficulty: 1
source: tests
key_points:
  - It is one quarter
  - It is reached at z equal to zero
  - The derivative is sigma times one minus sigma
---

## Question

What is $\\max_z \\sigma'(z)$?

## Answer

One quarter, at $z = 0$, where the derivative is the product of two halves.
"""


def test_a_card_whose_kind_changed_is_named_and_the_advice_brings_it_back(
    tmp_path: Path, bank_dir: Path, collection: Collection
) -> None:
    """A numeric card made a concept card is a note of another type: Anki's import skips
    it (a conflict) and drillbit said nothing. The export names it, and what it says to do
    (delete the note in Anki, import again) gives the concept note."""
    times_file = tmp_path / "times.json"
    export(bank_dir, tmp_path / "one.apkg", ContentTimes(times_file), now=1_700_000_000)
    import_into(collection, tmp_path / "one.apkg")
    (bank_dir / "anki" / "math" / "sigmoid-max-slope.md").write_text(NUMERIC_MADE_CONCEPT)
    bank = load_bank(content_roots([bank_dir]))
    cards = [c for c in bank.cards if c.pack == "anki"]
    report = export_anki(
        cards, tmp_path / "two.apkg", times=ContentTimes(times_file), now=1_800_000_000
    )
    assert report.retyped == ("sigmoid-max-slope",)
    assert "delete it in Anki (search CardId:sigmoid-max-slope)" in retyped_notice(report.retyped)
    again = export_anki(
        cards, tmp_path / "three.apkg", times=ContentTimes(times_file), now=1_800_000_000
    )
    assert again.retyped == ()  # said once

    request = ImportAnkiPackageRequest(
        package_path=str(tmp_path / "two.apkg"), options=ImportAnkiPackageOptions()
    )
    assert len(collection.import_anki_package(request).log.conflicting) == 1
    assert (
        "One quarter"
        not in stored_fields(collection, "sigmoid-max-slope")["Question"]
        + (stored_fields(collection, "sigmoid-max-slope")["Answer"])
    )
    (stale,) = collection.find_notes("CardId:sigmoid-max-slope")
    collection.remove_notes([stale])
    import_into(collection, tmp_path / "two.apkg")
    assert "One quarter" in stored_fields(collection, "sigmoid-max-slope")["Answer"]
    assert collection.note_count() == 3


# A card's images. The export wrote `<img src="loss.png">` and no file: Anki's Check
# Media listed the image as missing and the card showed a broken picture.

PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(256))
"""An image's bytes (Anki copies media without decoding it)."""


def _with_images(bank_dir: Path, markdown: str) -> Path:
    """The softmax card's Question followed by `markdown`; the card's path."""
    card = bank_dir / "anki" / "math" / "softmax-gradient.md"
    text = card.read_text(encoding="utf-8")
    card.write_text(text.replace("## Answer\n", f"{markdown}\n\n## Answer\n", 1), encoding="utf-8")
    return card


def test_a_cards_image_is_in_the_package_and_anki_finds_it(
    tmp_path: Path,
    bank_dir: Path,
    collection: Collection,
) -> None:
    (bank_dir / "anki" / "math" / "figures").mkdir()
    (bank_dir / "anki" / "math" / "figures" / "loss curve.png").write_bytes(PNG)
    _with_images(bank_dir, "![the loss](figures/loss%20curve.png)")
    apkg = tmp_path / "deck.apkg"
    export(bank_dir, apkg, ContentTimes(tmp_path / "t.json"), now=1_700_000_000)
    import_into(collection, apkg)

    name = media_name(PNG, "loss curve.png")
    assert name.startswith("drillbit-") and name.endswith("-loss-curve.png")
    note = note_of(collection, "softmax-gradient")
    assert f'<img src="{name}" alt="the loss" />' in note["Question"]
    checked = collection.media.check()  # Tools > Check Media
    assert list(checked.missing) == [] and list(checked.unused) == []
    assert (Path(collection.media.dir()) / name).read_bytes() == PNG
    assert collection.fix_integrity() == ("Database rebuilt and optimized.", True)
    assert is_drillbit_package(apkg)  # the next export replaces it, media and all


def test_two_packs_images_of_one_name_stay_apart() -> None:
    """Anki's media folder is flat: `plot.png` of two cards are two files when they differ."""
    assert media_name(PNG, "plot.png") != media_name(PNG[:-1], "plot.png")
    assert media_name(PNG, "plot.png") == media_name(PNG, "plot.png")
    assert media_name(PNG, "../odd name!.PNG").endswith("-odd-name.PNG")


def test_an_image_outside_the_pack_or_missing_is_named_not_read(
    tmp_path: Path,
    bank_dir: Path,
    collection: Collection,
) -> None:
    secret = tmp_path / "secret.png"
    secret.write_bytes(b"not for the deck")
    card = _with_images(
        bank_dir,
        "![gone](gone.png) ![out](../../../secret.png) ![web](https://example.com/a.png)",
    )
    bank = load_bank(content_roots([bank_dir]))
    cards = [c for c in bank.cards if c.pack == "anki"]
    apkg = tmp_path / "deck.apkg"
    report = export_anki(cards, apkg, times=ContentTimes(tmp_path / "t.json"), now=1)
    assert report.images == 0
    assert report.images_left_out == (
        f"{card}: image 'gone.png' is not in the deck (cannot read it: No such file or "
        "directory); Anki shows it as missing",
        f"{card}: image '../../../secret.png' is not in the deck (it is outside the card's "
        "pack); Anki shows it as missing",
    )
    import_into(collection, apkg)
    assert b"not for the deck" not in apkg.read_bytes()
    assert 'src="https://example.com/a.png"' in note_of(collection, "softmax-gradient")["Question"]


FIGURE_BYTES = 2 * 1024 * 1024


def _export_peak(tmp_path: Path, figures: int) -> int:
    """The traced peak of exporting a copy of the Anki fixture bank whose softmax card shows
    `figures` distinct images of FIGURE_BYTES each (`tmp_path`: a new folder each time)."""
    bank_dir = tmp_path / "content"
    shutil.copytree(DATA / "anki_bank", bank_dir)
    folder = bank_dir / "anki" / "math" / "figures"
    folder.mkdir()
    for n in range(figures):
        (folder / f"f{n}.png").write_bytes(PNG + bytes([n]) * FIGURE_BYTES)
    _with_images(bank_dir, " ".join(f"![figure {n}](figures/f{n}.png)" for n in range(figures)))
    apkg = tmp_path / "deck.apkg"
    tracemalloc.start()
    try:
        export(bank_dir, apkg, ContentTimes(tmp_path / "t.json"), now=1)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    with zipfile.ZipFile(apkg) as package:
        assert len(package.namelist()) == 2 + figures  # the collection, the media list, each
    return peak


def test_an_export_holds_one_images_bytes_at_a_time(tmp_path: Path) -> None:
    """Every image's bytes stayed in memory until the package was written: a deck of many
    large figures held them all. Each is now written to the package's folder as it is read,
    so eight figures of 2 MiB peak where one does (the peak grew by 14 MiB before)."""
    _export_peak(tmp_path / "warm", 1)  # the first export's one-time costs (parsers, caches)
    one, eight = _export_peak(tmp_path / "one", 1), _export_peak(tmp_path / "eight", 8)
    assert eight - one < FIGURE_BYTES, f"{(eight - one) / 2**20:.1f} MiB more for 7 more figures"


def test_an_image_that_cannot_be_copied_for_the_package_is_one_line(tmp_path: Path) -> None:
    """A full disk (here: a folder gone) while an image is copied for the package said a
    traceback; it names the image and the card."""
    pack = tmp_path / "pack"
    (pack / "topic").mkdir(parents=True)
    card = pack / "topic" / "card.md"
    (pack / "topic" / "plot.png").write_bytes(PNG)
    images = CardImages(tmp_path / "gone")
    with pytest.raises(DrillbitError) as raised:
        images.carry('<img src="plot.png" alt="" />', card, pack)
    assert raised.value.one_line().startswith(
        f"export anki: cannot copy the image 'plot.png' of {card} for the package: "
    )
