"""Where `export anki` and `export progress` write: the right extension, and no file of the
user's replaced unless it is drillbit's own or `--force` says so.

Both commands replaced any file at their path (a mistyped name cost the user's notes.json
or a backup they meant to keep), and `export anki x.json` wrote a package under a JSON name.
"""

from __future__ import annotations

import gzip
import json
import os
import sqlite3
import zipfile
from pathlib import Path

import genanki
import pytest

from quiz.bank.loader import load_bank
from quiz.ecosystem.anki import export_anki, is_drillbit_package
from quiz.ecosystem.outfile import anki_kind, export_target, progress_kind, suggested_name
from quiz.errors import DrillbitError
from quiz.store.backup_export import export_progress
from quiz.store.backup_sniff import is_progress_backup
from quiz.store.store import Store
from tests.conftest import DATA, REPO, CliResult, RunDrillbit

ANKI_BANK = DATA / "anki_bank"
NOTES = b'{"my": "notes", "kept": true}\n'


def _export_anki(drillbit: RunDrillbit, target: Path, *more: str) -> CliResult:
    return drillbit(
        "--content",
        str(ANKI_BANK),
        "export",
        "anki",
        str(target),
        "--pack",
        "anki",
        *more,
        cwd=REPO,
    )


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {
        str(path.relative_to(folder)): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def _with_progress(drillbit: RunDrillbit, tmp_path: Path) -> None:
    """A home with a database and a session in it, so its bytes can be compared."""
    backup = tmp_path / "seed.json"
    backup.write_text(
        json.dumps(
            {
                "format": "drillbit-progress",
                "version": 2,
                "exported_at": "2026-01-05T11:00:00Z",
                "sessions": [{"id": 1, "mode": "due", "started_at": "2026-01-05T09:00:00Z"}],
            }
        )
    )
    assert drillbit("import-progress", str(backup)).returncode == 0
    backup.unlink()


# -- replacing a file already there -------------------------------------------------


@pytest.mark.parametrize("name", ["notes.json", "notes.json.gz"])
def test_export_progress_refuses_a_file_it_did_not_write(
    tmp_path: Path, _isolated_home: Path, drillbit: RunDrillbit, name: str
) -> None:
    _with_progress(drillbit, tmp_path)
    target = tmp_path / name
    target.write_bytes(NOTES)
    home = _snapshot(_isolated_home)

    result = drillbit("export", "progress", str(target))

    assert result.returncode == 1, result.stdout + result.stderr
    assert result.stdout == ""
    assert result.stderr == (
        f"drillbit: export progress: {target} already exists and is not a drillbit progress backup (a file of "
        f"{len(NOTES)} bytes); choose another name, or add --force to replace it\n"
    )
    assert target.read_bytes() == NOTES
    assert _snapshot(_isolated_home) == home
    assert sorted(p.name for p in tmp_path.iterdir()) == [name]  # no partial file left


@pytest.mark.parametrize("name", ["backup.json", "backup.json.gz"])
def test_export_progress_replaces_its_own_backup_and_says_so(
    tmp_path: Path, drillbit: RunDrillbit, name: str
) -> None:
    """The daily backup to the same name goes on working."""
    target = tmp_path / name
    first = drillbit("export", "progress", str(target))
    assert first.returncode == 0, first.stderr
    assert first.stdout.startswith(f"wrote {target}: ")
    assert is_progress_backup(target)
    again = drillbit("export", "progress", str(target))
    assert again.returncode == 0, again.stderr
    assert again.stdout.startswith(f"replaced {target} (a drillbit progress backup): 0 card")


def test_an_older_indented_backup_is_drillbits_too(tmp_path: Path) -> None:
    """Backups before the eighteenth round were indented JSON; a cut one is still ours."""
    old = tmp_path / "old.json"
    old.write_text('{\n  "format": "drillbit-progress",\n  "version": 1,\n  "exported_')
    packed = tmp_path / "old.json.gz"
    packed.write_bytes(gzip.compress(old.read_bytes()))
    assert is_progress_backup(old) and is_progress_backup(packed)
    for text in ('{"format": "other"}', '{"name": "drillbit-progress"}', "", "format"):
        other = tmp_path / "other.json"
        other.write_text(text)
        assert not is_progress_backup(other), text


def test_force_replaces_any_file_and_says_so(tmp_path: Path, drillbit: RunDrillbit) -> None:
    target = tmp_path / "notes.json"
    target.write_bytes(NOTES)
    result = drillbit("export", "progress", str(target), "--force")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(f"replaced {target} (--force): ")
    assert json.loads(target.read_text())["format"] == "drillbit-progress"
    again = drillbit("export", "progress", str(target), "--force")  # now drillbit's own
    assert again.stdout.startswith(f"replaced {target} (a drillbit progress backup): ")


def test_export_anki_replaces_its_own_package_and_says_so(
    tmp_path: Path, drillbit: RunDrillbit
) -> None:
    target = tmp_path / "deck.apkg"
    first = _export_anki(drillbit, target)
    assert first.returncode == 0, first.stderr
    assert first.stdout.startswith(f"wrote {target}: 3 notes")
    again = _export_anki(drillbit, target)
    assert again.returncode == 0, again.stderr
    assert again.stdout.startswith(f"replaced {target} (an Anki package drillbit wrote): 3 notes")


def _genanki_package(path: Path, deck_name: str) -> None:
    """A package of someone else's genanki deck: the same layout as drillbit's."""
    model = genanki.Model(
        1_234_567,
        "Basic",
        fields=[{"name": "Q"}],
        templates=[{"name": "Card 1", "qfmt": "{{Q}}", "afmt": "{{Q}}"}],
    )
    deck = genanki.Deck(7_654_321, deck_name)
    deck.add_note(genanki.Note(model=model, fields=["my question"]))
    genanki.Package(deck).write_to_file(str(path), timestamp=1)


def _reviewed(path: Path, tmp_path: Path) -> None:
    """drillbit's package with one review in its log, as Anki exports it with scheduling."""
    with zipfile.ZipFile(path) as archive:
        collection = Path(archive.extract("collection.anki2", tmp_path / "x"))
    conn = sqlite3.connect(collection)
    conn.execute("INSERT INTO revlog VALUES (1, 1, -1, 3, 1, 0, 2500, 1000, 1)")
    conn.commit()
    conn.close()
    with zipfile.ZipFile(path, "w") as archive:
        archive.write(collection, "collection.anki2")
        archive.writestr("media", "{}")


def _anki_export(path: Path) -> None:
    """What Anki 2.1.50+ writes: `meta`, then its own collection format."""
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("meta", b"\x08\x03")
        archive.writestr("collection.anki21b", b"zstd...")
        archive.writestr("collection.anki2", b"please update")
        archive.writestr("media", b"")


@pytest.mark.parametrize("make", ["someone else's genanki deck", "reviewed in Anki", "Anki's own"])
def test_export_anki_refuses_a_package_it_did_not_write(
    tmp_path: Path, _isolated_home: Path, drillbit: RunDrillbit, make: str
) -> None:
    target = tmp_path / "deck.apkg"
    if make == "someone else's genanki deck":
        _genanki_package(target, "Spanish::verbs")
    elif make == "reviewed in Anki":
        assert _export_anki(drillbit, target).returncode == 0
        _reviewed(target, tmp_path)
    else:
        _anki_export(target)
    before = target.read_bytes()
    _with_progress(drillbit, tmp_path)
    home = _snapshot(_isolated_home)

    result = _export_anki(drillbit, target)

    assert result.returncode == 1, result.stdout + result.stderr
    assert result.stderr == (
        f"drillbit: export anki: {target} already exists and is not an Anki package drillbit wrote (a "
        f"file of {len(before):,} bytes); choose another name, or add --force to replace it\n"
    )
    assert target.read_bytes() == before
    assert _snapshot(_isolated_home) == home
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".partial")]
    forced = _export_anki(drillbit, target, "--force")
    assert forced.returncode == 0, forced.stderr
    assert forced.stdout.startswith(f"replaced {target} (--force): 3 notes")
    assert is_drillbit_package(target)


def test_a_fifo_or_a_dangling_link_in_the_way_is_refused_without_hanging(
    tmp_path: Path, drillbit: RunDrillbit
) -> None:
    fifo = tmp_path / "backup.json"
    os.mkfifo(fifo)
    result = drillbit("export", "progress", str(fifo))
    assert result.returncode == 1
    assert "is not a drillbit progress backup (a FIFO (named pipe));" in result.stderr
    assert fifo.is_fifo()
    link = tmp_path / "deck.apkg"
    link.symlink_to(tmp_path / "gone.apkg")
    result = _export_anki(drillbit, link)
    assert result.returncode == 1
    assert "(a link to nothing); choose another name" in result.stderr
    assert link.is_symlink()


def test_a_file_made_while_exporting_is_not_replaced(tmp_path: Path) -> None:
    """The check is made again before the rename: a file that appeared since is judged too."""
    (tmp_path / "out").mkdir()
    target = tmp_path / "out" / "backup.json"
    allowed = export_target(target, progress_kind(), force=False)
    assert allowed.replaces is None
    target.write_bytes(NOTES)  # the user saves a file there meanwhile
    with Store.open(tmp_path / "drillbit.db") as store, pytest.raises(DrillbitError) as refused:
        export_progress(store, target, before_replace=allowed.recheck)
    assert "already exists and is not a drillbit progress backup" in refused.value.message
    assert target.read_bytes() == NOTES
    assert sorted(p.name for p in target.parent.iterdir()) == ["backup.json"]


def test_a_package_made_while_exporting_is_not_replaced(tmp_path: Path) -> None:
    target = tmp_path / "deck.apkg"
    allowed = export_target(target, anki_kind(), force=False)
    _anki_export(target)
    before = target.read_bytes()
    cards = load_bank([ANKI_BANK]).cards
    with pytest.raises(DrillbitError):
        export_anki(cards, target, now=1, before_replace=allowed.recheck)
    assert target.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["deck.apkg"]


# -- the name's extension -------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "name", "better", "rule"),
    [
        ("anki", "deck.json", "deck.apkg", "must end in .apkg, as Anki imports a deck"),
        ("anki", "deck", "deck.apkg", "must end in .apkg"),
        ("anki", "deck.json.gz", "deck.apkg", "must end in .apkg"),
        ("progress", "backup.apkg", "backup.json", "must end in .json or .json.gz"),
        ("progress", "backup.gz", "backup.json.gz", "must end in .json or .json.gz"),
        ("progress", "backup.txt", "backup.json", "must end in .json or .json.gz"),
    ],
)
def test_a_name_with_the_wrong_extension_is_refused_with_the_right_one(
    tmp_path: Path, drillbit: RunDrillbit, kind: str, name: str, better: str, rule: str
) -> None:
    target = tmp_path / name
    target.write_bytes(NOTES)  # even a file of the user's there stays as it was
    if kind == "anki":
        result = _export_anki(drillbit, target, "--force")
    else:
        result = drillbit("export", "progress", str(target), "--force")
    assert result.returncode == 2, result.stdout + result.stderr
    title = f"export {kind}"
    assert result.stderr.startswith(f"drillbit: {title}: {target}: the name {rule}")
    assert result.stderr.endswith(f"(did you mean {tmp_path / better}?)\n")
    assert target.read_bytes() == NOTES
    assert sorted(p.name for p in tmp_path.iterdir()) == [name]


@pytest.mark.parametrize(
    ("name", "anki", "progress"),
    [
        ("x.JSON", "x.apkg", "x.json"),
        ("x.tar", "x.apkg", "x.json"),
        ("x.colpkg", "x.apkg", "x.json"),
        ("x.gz", "x.apkg", "x.json.gz"),
        (".hidden", ".hidden.apkg", ".hidden.json"),
        # a name that is only an ending has no stem to keep: the ending stays in the name
        (".json", ".json.apkg", ".json.json"),
        (".gz", ".gz.apkg", ".gz.json"),
    ],
)
def test_the_suggested_name(name: str, anki: str, progress: str) -> None:
    assert suggested_name(name, anki_kind()) == anki
    assert suggested_name(name, progress_kind()) == progress


@pytest.mark.parametrize(
    ("content", "words"),
    [(b"", "an empty file"), (b"x", "a file of 1 byte"), (b"xy", "a file of 2 bytes")],
)
def test_the_refusal_says_how_big_the_file_in_the_way_is(
    tmp_path: Path, drillbit: RunDrillbit, content: bytes, words: str
) -> None:
    """Audit46: the empty file's words (`st_size == 0` made 1 or -1) were untested, and a
    one-byte file was "a file of 1 bytes"."""
    _with_progress(drillbit, tmp_path)
    target = tmp_path / "notes.json"
    target.write_bytes(content)

    result = drillbit("export", "progress", str(target))

    assert result.returncode == 1, result.stdout + result.stderr
    assert result.stderr == (
        f"drillbit: export progress: {target} already exists and is not a drillbit progress "
        f"backup ({words}); choose another name, or add --force to replace it\n"
    )
    assert target.read_bytes() == content


def test_upper_case_extensions_are_fine(tmp_path: Path, drillbit: RunDrillbit) -> None:
    assert drillbit("export", "progress", str(tmp_path / "B.JSON")).returncode == 0
    assert _export_anki(drillbit, tmp_path / "D.APKG").returncode == 0
