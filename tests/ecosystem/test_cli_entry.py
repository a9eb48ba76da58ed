"""The ecosystem commands through the real entry point, as a user runs them: import then
lint as a `python -m quiz` process in a project folder, the exports in this process."""

from __future__ import annotations

import json
import sqlite3
import zipfile
from pathlib import Path

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
    assert "10 card(s) written" in result.stderr
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
    future.write_text(json.dumps({"format": "drillbit-progress", "version": 3}))
    refused = drillbit(
        "import-progress", str(future), cwd=tmp_path, env={"DRILLBIT_HOME": str(fresh)}
    )
    assert refused.returncode == 1
    assert "version 3; this drillbit reads versions 1 to 2" in refused.stderr
