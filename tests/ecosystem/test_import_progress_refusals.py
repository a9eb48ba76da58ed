"""`import-progress` of files that are no progress backup: each is named for what it is
and what was expected, exit 1, and the home and the file stay byte for byte as they were.

An Anki package, any ZIP or binary file said only "line 1: not UTF-8 text"; a JSON file
of another program said nothing of what it held; a file without a version said "version
None".
"""

from __future__ import annotations

import gzip
import json
import sqlite3
import zipfile
from pathlib import Path

import pytest

from tests.conftest import RunDrillbit

EXPECTED = (
    "progress backups are the JSON files `drillbit export progress` writes (FILE.json or "
    "FILE.json.gz)"
)
SESSION = {"id": 1, "mode": "due", "started_at": "2026-01-05T09:00:00Z"}
BACKUP = {
    "format": "drillbit-progress",
    "version": 2,
    "exported_at": "2026-01-05T11:00:00Z",
    "sessions": [SESSION],
}


def _anki_package(path: Path) -> bytes:
    """A ZIP holding an Anki collection, as an .apkg does (genanki's layout)."""
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("collection.anki2", b"SQLite format 3\x00" + bytes(100))
        archive.writestr("media", "{}")
    return path.read_bytes()


def _modern_anki_package(path: Path) -> bytes:
    """Anki 2.1.50 and later: `meta` first, then the collection, compressed."""
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("meta", b"\x08\x03")
        archive.writestr("collection.anki21b", bytes(range(256)) * 400)
        archive.writestr("media", b"")
    return path.read_bytes()


def _zip(path: Path) -> bytes:
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("notes.txt", "hello")
    return path.read_bytes()


def _sqlite(path: Path) -> bytes:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    return path.read_bytes()


def _cut_short(path: Path) -> bytes:
    text = json.dumps({**BACKUP, "sessions": [SESSION, {**SESSION, "id": 2}]})
    return text[: text.index('"id": 2') + 3].encode()


CASES: list[tuple[str, object, str]] = [
    (
        "deck.apkg",
        _anki_package,
        "this is an Anki package, not a drillbit progress backup; " + EXPECTED,
    ),
    (
        "modern.apkg",
        _modern_anki_package,
        "this is an Anki package, not a drillbit progress backup",
    ),
    ("archive.zip", _zip, "this is a ZIP archive, not a drillbit progress backup; " + EXPECTED),
    ("drillbit.db", _sqlite, "this is an SQLite database"),
    (
        "photo.json",
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
        "this is a binary file (it holds NUL bytes), not a drillbit progress backup; " + EXPECTED,
    ),
    (
        "latin1.json",
        '{"format": "drillbit-progress", "note": "caf\xe9"}'.encode("latin-1"),
        "this is a binary file (not UTF-8 text), not a drillbit progress backup",
    ),
    (
        "notepad.json",
        json.dumps(BACKUP).encode("utf-16"),
        "not UTF-8 but UTF-16 text (it starts with a UTF-16 byte-order mark",
    ),
    (
        "tarball.json.gz",
        gzip.compress(b"ustar\x00\x00\x00" + bytes(64)),
        "this is gzip-compressed data that is not JSON text, not a drillbit progress backup",
    ),
    ("empty.json", b"", "is empty, not a drillbit progress backup; " + EXPECTED),
    (
        "blank.json",
        b"\n \r\n\t\n",
        "holds only blank space, not a drillbit progress backup; " + EXPECTED,
    ),
    (
        "package.json",
        json.dumps({"name": "app", "version": "1.0", "scripts": {}, "a": 1, "b": 2}).encode(),
        'is not a drillbit progress file (no "format": "drillbit-progress"; its keys are '
        '"name", "version", "scripts", "a", ...); ' + EXPECTED,
    ),
    (
        "list.json",
        b"[1, 2]",
        'is not a drillbit progress file (it holds a list, not an object with "format": '
        '"drillbit-progress")',
    ),
    ("null.json", b"null", "is not a drillbit progress file (it holds null, not an object"),
    (
        "other-format.json",
        b'{"format": "anki-sync", "version": 2}',
        'is not a drillbit progress file (its "format" is a string ("anki-sync"), not '
        '"drillbit-progress")',
    ),
    (
        "no-version.json",
        b'{"format": "drillbit-progress", "exported_at": "2026-01-05T11:00:00Z"}',
        ": version: missing (a drillbit-progress file names its version; this drillbit reads"
        " versions 1 to 4)",
    ),
    (
        "notes.md",
        b"# ML notes\n\n## What is dropout?\nZeroing units at random.\n",
        "this is text, not JSON: not a drillbit progress backup; " + EXPECTED + "; Q&A notes "
        "(Markdown, or an Anki plain-text export) become cards with `drillbit import ",
    ),
    (
        "deck.txt",
        "\ufeffQ: What is a logit?\tThe input of a softmax.\n".encode(),
        "this is text, not JSON: not a drillbit progress backup",
    ),
    ("cut.json", _cut_short, "sessions.1: not JSON (the file ends inside it; was it cut short?"),
    (
        "newer.json",
        json.dumps({**BACKUP, "version": 5}).encode(),
        "is drillbit-progress version 5; this drillbit reads versions 1 to 4 (update drillbit"
        " to import it)",
    ),
]


def _snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under `folder` with its bytes (the database, its cache, its stamps)."""
    return {
        str(path.relative_to(folder)): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


@pytest.mark.parametrize(("name", "content", "message"), CASES, ids=[c[0] for c in CASES])
def test_a_file_that_is_no_backup_is_named_and_changes_nothing(
    tmp_path: Path,
    _isolated_home: Path,
    drillbit: RunDrillbit,
    name: str,
    content: object,
    message: str,
) -> None:
    given = tmp_path / "given"
    given.mkdir()
    path = given / name
    data = content(path) if callable(content) else content
    assert isinstance(data, bytes)
    path.write_bytes(data)
    good = tmp_path / "good.json"
    good.write_text(json.dumps(BACKUP))
    assert drillbit("import-progress", str(good)).returncode == 0  # a home with progress
    home = _snapshot(_isolated_home)
    assert "drillbit.db" in home

    result = drillbit("import-progress", str(path))

    assert result.returncode == 1, result.stdout + result.stderr
    assert result.stdout == ""
    assert result.stderr.startswith(f"drillbit: import-progress: {path}"), result.stderr
    assert message in result.stderr
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert _snapshot(_isolated_home) == home
    assert path.read_bytes() == data


def test_a_refused_file_makes_no_database_in_a_fresh_home(
    tmp_path: Path, _isolated_home: Path, drillbit: RunDrillbit
) -> None:
    deck = tmp_path / "deck.apkg"
    _anki_package(deck)
    before = _snapshot(_isolated_home)
    result = drillbit("import-progress", str(deck))
    assert result.returncode == 1
    assert "this is an Anki package" in result.stderr
    assert _snapshot(_isolated_home) == before
    assert not (_isolated_home / "drillbit.db").exists()
