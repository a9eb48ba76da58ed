"""The ecosystem commands through the real entry point, as a user runs them: import then
lint as a `python -m quiz` process in a project folder, the exports in this process."""

from __future__ import annotations

import json
import os
import sqlite3
import zipfile
from pathlib import Path

import genanki
import pytest

from quiz.bank.loader import load_bank
from quiz.ecosystem.anki import export_anki
from quiz.errors import DrillbitError
from tests.conftest import DATA, REPO, RunDrillbit

NOTES = DATA / "notes"


def test_import_then_lint_in_a_project_folder(
    tmp_path: Path, drillbit_process: RunDrillbit
) -> None:
    result = drillbit_process(
        "import",
        str(NOTES / "day6-seed.md"),
        "--pack",
        "imported",
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    assert "10 cards written" in result.stderr
    assert len(list((tmp_path / "content" / "imported" / "imported").glob("*.md"))) == 10
    lint = drillbit_process("lint", cwd=tmp_path)
    assert lint.returncode == 0, lint.stdout + lint.stderr
    again = drillbit_process(
        "import",
        str(NOTES / "day6-seed.md"),
        "--pack",
        "imported",
        cwd=tmp_path,
    )
    assert again.returncode == 0, again.stderr
    assert "nothing new:" in again.stderr and "10 unchanged" in again.stderr
    bad = drillbit_process(
        "import",
        str(NOTES / "qa-lines.md"),
        "--pack",
        "Bad Pack",
        cwd=tmp_path,
    )
    assert bad.returncode == 2 and "kebab-case" in bad.stderr


def test_export_anki(tmp_path: Path, drillbit: RunDrillbit) -> None:
    target = tmp_path / "deck.apkg"
    result = drillbit(
        "--content",
        str(DATA / "anki_bank"),
        "export",
        "anki",
        str(target),
        "--pack",
        "anki",
        cwd=REPO,
    )
    assert result.returncode == 0, result.stderr
    with zipfile.ZipFile(target) as archive:
        archive.extract("collection.anki2", tmp_path)
    conn = sqlite3.connect(tmp_path / "collection.anki2")
    try:
        assert conn.execute("SELECT COUNT(*) FROM notes").fetchone()[0] == 3
    finally:
        conn.close()


def test_export_and_import_progress(tmp_path: Path, drillbit: RunDrillbit) -> None:
    backup = tmp_path / "progress.json"
    exported = drillbit("export", "progress", str(backup), cwd=tmp_path)
    assert exported.returncode == 0, exported.stderr
    assert json.loads(backup.read_text(encoding="utf-8"))["format"] == "drillbit-progress"
    fresh = tmp_path / "fresh-home"
    imported = drillbit(
        "import-progress", str(backup), cwd=tmp_path, env={"DRILLBIT_HOME": str(fresh)}
    )
    assert imported.returncode == 0, imported.stderr
    assert imported.stdout == "the file holds no progress: nothing imported\n"
    future = tmp_path / "future.json"
    future.write_text(json.dumps({"format": "drillbit-progress", "version": 5}))
    refused = drillbit(
        "import-progress", str(future), cwd=tmp_path, env={"DRILLBIT_HOME": str(fresh)}
    )
    assert refused.returncode == 1
    assert "version 5; this drillbit reads versions 1 to 4" in refused.stderr


def test_a_backup_that_holds_nothing_leaves_no_database_behind(
    tmp_path: Path, drillbit: RunDrillbit
) -> None:
    """ "Nothing imported" changes nothing: a home without a database keeps none (nor the
    folder made for it), as a refused file does; the first command that needs one makes it.
    A home that has one keeps it, and a file with one row makes one."""
    empty = tmp_path / "empty.json"
    empty.write_text(
        json.dumps(
            {"format": "drillbit-progress", "version": 2, "exported_at": "2026-01-05T09:00:00Z"}
        )
    )
    fresh = tmp_path / "fresh-home"
    home = {"DRILLBIT_HOME": str(fresh)}
    imported = drillbit("import-progress", str(empty), cwd=tmp_path, env=home)
    assert imported.returncode == 0, imported.stderr
    assert imported.stdout == "the file holds no progress: nothing imported\n"
    assert not fresh.exists()
    fresh.mkdir()
    again = drillbit("import-progress", str(empty), cwd=tmp_path, env=home)
    assert again.returncode == 0, again.stderr
    assert list(fresh.iterdir()) == []
    assert drillbit("stats", cwd=tmp_path, env=home).returncode == 0
    assert (fresh / "drillbit.db").is_file()
    there = drillbit("import-progress", str(empty), cwd=tmp_path, env=home)
    assert there.stdout == "the file holds no progress: nothing imported\n"
    assert (fresh / "drillbit.db").is_file()
    draft = tmp_path / "draft.json"
    draft.write_text(
        json.dumps(
            {
                "format": "drillbit-progress",
                "version": 2,
                "exported_at": "2026-01-05T09:00:00Z",
                "drafts": [
                    {"card_id": "sigmoid", "text": "x = 1\n", "updated_at": "2026-01-05T09:00:00Z"}
                ],
            }
        )
    )
    other = tmp_path / "other-home"
    made = drillbit("import-progress", str(draft), cwd=tmp_path, env={"DRILLBIT_HOME": str(other)})
    assert made.returncode == 0, made.stderr
    assert made.stdout == "drafts: 1 added\n"
    assert (other / "drillbit.db").is_file()


def test_a_backup_of_sessions_alone_says_it_imported_them(
    tmp_path: Path, drillbit: RunDrillbit
) -> None:
    """Sessions with no answer (a session left at once) are progress the file holds: the
    import said "the file holds no progress: nothing imported" and imported them, making a
    database in a fresh home."""
    sessions = tmp_path / "sessions.json"
    rows = [
        {"id": 1, "mode": "due", "started_at": "2026-01-05T09:00:00Z"},
        {
            "id": 2,
            "mode": "cram",
            "started_at": "2026-01-05T10:00:00Z",
            "ended_at": "2026-01-05T10:01:00Z",
        },
    ]
    sessions.write_text(
        json.dumps(
            {
                "format": "drillbit-progress",
                "version": 2,
                "exported_at": "2026-01-05T11:00:00Z",
                "sessions": rows,
            }
        )
    )
    home = {"DRILLBIT_HOME": str(tmp_path / "home")}
    first = drillbit("import-progress", str(sessions), cwd=tmp_path, env=home)
    assert first.returncode == 0, first.stderr
    assert first.stdout == "study sessions: 2 added\n"
    again = drillbit("import-progress", str(sessions), cwd=tmp_path, env=home)
    assert again.stdout == "nothing new: study sessions: 2 already here\n"


def test_an_anki_deck_that_cannot_be_written_is_one_line(
    tmp_path: Path, drillbit: RunDrillbit
) -> None:
    """A file where the deck's folder should be: one line naming it, exit 1, no traceback."""
    blocker = tmp_path / "decks"
    blocker.write_text("a file where the deck's folder should be\n")
    for target in (blocker / "deck.apkg", blocker / "more" / "deck.apkg"):
        result = drillbit("export", "anki", str(target), cwd=tmp_path)
        assert result.returncode == 1, result.stderr
        assert (
            result.stderr
            == f"drillbit: export anki: cannot write {target}: {blocker} is not a folder\n"
        )
        assert result.stdout == ""
    assert blocker.read_text() == "a file where the deck's folder should be\n"


@pytest.mark.parametrize("kind", ["anki", "progress"])
def test_an_export_into_a_folder_that_does_not_exist_makes_none(
    tmp_path: Path, drillbit: RunDrillbit, kind: str
) -> None:
    """A typo in an export's path (`Dropbx/`) made the whole folder tree and put the file
    there, "wrote ..." and exit 0; `cp` and `git bundle` refuse. Now: one line naming the
    first missing folder and how to make it on purpose, exit 1, nothing made."""
    target = tmp_path / "Dropbx" / "my backups" / f"out.{'apkg' if kind == 'anki' else 'json'}"
    result = drillbit("export", kind, str(target), cwd=tmp_path)
    assert result.returncode == 1, result.stdout + result.stderr
    title = f"export {kind}"
    assert result.stderr == (
        f"drillbit: {title}: cannot write {target}: the folder {tmp_path / 'Dropbx'} does not exist"
        f" (check the path, or create it: mkdir -p '{target.parent}')\n"
    )
    assert not (tmp_path / "Dropbx").exists()
    target.parent.mkdir(parents=True)
    assert drillbit("export", kind, str(target), cwd=tmp_path).returncode == 0
    assert target.is_file()


@pytest.mark.parametrize(
    ("broken", "said"),
    [
        ("collection", "database or disk is full"),  # sqlite's words, not a traceback
        ("package", "No space left on device"),
    ],
)
def test_a_failed_anki_export_leaves_the_old_deck(
    tmp_path: Path,
    drillbit: RunDrillbit,
    monkeypatch: pytest.MonkeyPatch,
    broken: str,
    said: str,
) -> None:
    """The deck is written beside its place and renamed in at the end: a write that fails
    halfway, of the collection's database or of the package, leaves the previous deck whole
    and no partial file or collection behind."""
    cards = load_bank([DATA / "anki_bank"]).cards
    target = tmp_path / "deck.apkg"
    export_anki(cards, target, now=1)
    before = target.read_bytes()
    umask = os.umask(0o022)
    os.umask(umask)
    assert target.stat().st_mode & 0o777 == 0o666 & ~umask  # as written in place, not 0o600

    def full_collection(self: genanki.Package, *args: object) -> None:
        raise sqlite3.OperationalError("database or disk is full")

    def full_package(self: zipfile.ZipFile, *args: object) -> None:
        raise OSError(28, "No space left on device")

    if broken == "collection":
        monkeypatch.setattr(genanki.Package, "write_to_db", full_collection)
    else:
        monkeypatch.setattr(zipfile.ZipFile, "write", full_package)
    with pytest.raises(DrillbitError) as refused:
        export_anki(cards, target, now=2)
    assert refused.value.one_line() == f"export anki: cannot write {target}: {said}"
    assert target.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["deck.apkg"]
