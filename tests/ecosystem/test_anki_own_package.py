"""Which files `is_drillbit_package` takes for a package `export anki` wrote (and may replace).

Written for the forty-seventh round's mutation audit of quiz/ecosystem/anki.py: its refusals
were tested through `drillbit export anki` started as a process, which a mutant in the test's
own process never reaches, and a collection whose `decks` or `models` column is JSON but no
object had no test at all (without its check, `decks.values()` raised an AttributeError out of
the export's refusal: a traceback, where the file should be "not drillbit's").
"""

from __future__ import annotations

import json
import os
import sqlite3
import zipfile
from pathlib import Path

import pytest

from quiz.bank.loader import load_bank
from quiz.ecosystem.anki import export_anki, is_drillbit_package
from tests.conftest import DATA

ANKI_BANK = DATA / "anki_bank"


@pytest.fixture
def package(tmp_path: Path) -> Path:
    """A package `export_anki` wrote: the Anki fixture bank's three notes, in decks of
    drillbit's and Anki's `Default` (genanki writes it)."""
    path = tmp_path / "deck.apkg"
    export_anki(load_bank([ANKI_BANK]).cards, path, now=1_700_000_000)
    assert is_drillbit_package(path)
    return path


def _entries(path: Path) -> list[tuple[str, bytes]]:
    with zipfile.ZipFile(path) as archive:
        return [(name, archive.read(name)) for name in archive.namelist()]


def _rezip(path: Path, entries: list[tuple[str, bytes]]) -> None:
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in entries:
            archive.writestr(name, data)


def _with_collection_changed(path: Path, tmp_path: Path, sql: str, *args: object) -> None:
    """The package with one statement run on its collection, its entries kept in order."""
    entries = _entries(path)
    collection = tmp_path / "changed.anki2"
    collection.write_bytes(entries[0][1])
    conn = sqlite3.connect(collection)
    conn.execute(sql, args)
    conn.commit()
    conn.close()
    _rezip(path, [("collection.anki2", collection.read_bytes()), *entries[1:]])


def test_a_file_that_is_no_zip_is_not_a_package(tmp_path: Path) -> None:
    path = tmp_path / "deck.apkg"
    path.write_text("my notes\n", encoding="utf-8")
    assert not is_drillbit_package(path)
    assert not is_drillbit_package(tmp_path / "missing.apkg")


def test_a_fifo_is_not_a_package_and_is_not_waited_on(tmp_path: Path) -> None:
    fifo = tmp_path / "deck.apkg"
    os.mkfifo(fifo)
    assert not is_drillbit_package(fifo)


@pytest.mark.parametrize(
    "change",
    ["media first", "a file of another name", "media numbered from 1", "no media entry"],
)
def test_a_package_whose_entries_are_not_genankis_is_not_drillbits(
    package: Path, change: str
) -> None:
    (_, collection), (_, media) = _entries(package)
    layouts = {
        "media first": [("media", media), ("collection.anki2", collection)],
        "a file of another name": [("collection.anki2", collection), ("media", media), ("x", b"")],
        "media numbered from 1": [("collection.anki2", collection), ("media", media), ("1", b"")],
        "no media entry": [("collection.anki2", collection)],
    }
    _rezip(package, layouts[change])
    assert not is_drillbit_package(package)


def test_a_package_with_its_media_files_numbered_from_0_is_drillbits(package: Path) -> None:
    (_, collection), _ = _entries(package)
    media = json.dumps({"0": "a.png", "1": "b.png"}).encode()
    _rezip(
        package,
        [("collection.anki2", collection), ("media", media), ("0", b"png"), ("1", b"png")],
    )
    assert is_drillbit_package(package)


@pytest.mark.parametrize(("column", "value"), [("decks", "[]"), ("models", "[]"), ("decks", "1")])
def test_a_collection_whose_decks_or_note_types_are_no_object_is_not_drillbits(
    package: Path, tmp_path: Path, column: str, value: str
) -> None:
    _with_collection_changed(package, tmp_path, f"UPDATE col SET {column} = ?", value)
    assert not is_drillbit_package(package)


LIMIT = 256 * 1024 * 1024
"""The largest collection `is_drillbit_package` reads (written out here, not imported, so a
changed limit fails)."""


def _claiming(path: Path, size: int) -> None:
    """The package with its collection's size in the zip's central directory made `size`,
    its bytes as they were: what a zip claims is all that is read before extracting."""
    data = bytearray(path.read_bytes())
    header = data.index(b"PK\x01\x02")  # the first entry's central directory header
    assert data[header + 46 : header + 46 + 16] == b"collection.anki2"
    data[header + 24 : header + 28] = size.to_bytes(4, "little")
    path.write_bytes(bytes(data))


def test_a_collection_claiming_more_than_the_limit_is_not_read(package: Path) -> None:
    """A 256 MiB collection is read; one byte more is not drillbit's (the whole bundled
    bank's is half a MiB), so a zip that claims a huge collection is never extracted."""
    _claiming(package, LIMIT)
    assert is_drillbit_package(package)
    _claiming(package, LIMIT + 1)
    assert not is_drillbit_package(package)


@pytest.mark.parametrize(
    ("column", "added"),
    [
        ("decks", '{"name": "Spanish::verbs"}'),  # a deck of the learner's own
        ("decks", '{"name": "drillbitter"}'),  # not drillbit's: no '::' after the name
        ("decks", '"drillbit"'),  # a deck that is no object, so has no name
        ("models", '{"name": "Basic"}'),  # a note type not drillbit's
    ],
)
def test_a_collection_with_anything_but_drillbits_decks_and_note_types_is_not_drillbits(
    package: Path, tmp_path: Path, column: str, added: str
) -> None:
    sql = f"UPDATE col SET {column} = json_set({column}, '$.\"42\"', json(?))"
    _with_collection_changed(package, tmp_path, sql, added)
    assert not is_drillbit_package(package)
