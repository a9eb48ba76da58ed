"""`drillbit import` never writes a pack whose name the bank already has elsewhere: the app
would load neither that pack nor its cards (lint reports it as duplicate-pack)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from quiz.bank.lint import lint
from quiz.bank.loader import find_pack_dirs
from quiz.bank.sources import bundled_content_dir
from quiz.cli.context import Context
from quiz.cli.ecosystem import import_command
from quiz.ecosystem.importer import default_pack, plan_import
from quiz.errors import UsageError
from tests.conftest import DATA

NOTES = DATA / "notes" / "qa-lines.md"
BUNDLED_PACK = find_pack_dirs(bundled_content_dir())[0]
"""A pack of the bundled bank (the repository's content/): its name is taken."""


def run_import(*args: str, content: tuple[Path, ...] = ()) -> Result:
    return CliRunner().invoke(import_command, list(args), obj=Context(list(content)))


def test_a_bundled_pack_name_is_refused_and_nothing_is_written(tmp_path: Path) -> None:
    out = tmp_path / "out9"
    result = run_import(str(NOTES), "--into", str(out), "--pack", BUNDLED_PACK.name)
    assert isinstance(result.exception, UsageError) and result.exception.exit_code == 2
    message = str(result.exception)
    assert f"pack '{BUNDLED_PACK.name}' is already at {BUNDLED_PACK}" in message
    assert "--pack" in message
    assert not out.exists()


def test_a_name_taken_from_the_notes_file_is_refused_too(tmp_path: Path) -> None:
    notes = tmp_path / f"{BUNDLED_PACK.name}.md"
    shutil.copy(NOTES, notes)
    result = run_import(str(notes), "--into", str(tmp_path / "out"))
    assert isinstance(result.exception, UsageError)
    assert f"pack '{BUNDLED_PACK.name}' is already at" in str(result.exception)


def test_a_pack_name_of_a_content_folder_is_refused(tmp_path: Path, mini_bank: Path) -> None:
    result = run_import(
        str(NOTES), "--into", str(tmp_path / "out"), "--pack", "mini", content=(mini_bank,)
    )
    assert isinstance(result.exception, UsageError)
    assert f"is already at {mini_bank / 'mini'}" in str(result.exception)


def test_importing_into_the_pack_that_has_the_name_adds_to_it(mini_bank: Path) -> None:
    result = run_import(str(NOTES), "--into", str(mini_bank), "--pack", "mini")
    assert result.exit_code == 0, result.output
    assert (mini_bank / "mini" / "mini" / "what-is-overfitting.md").is_file()
    _, problems = lint([mini_bank])
    assert problems == []


def test_plan_import_refuses_a_taken_pack_name_only_elsewhere(tmp_path: Path) -> None:
    taken = {"mine": tmp_path / "elsewhere" / "mine"}
    with pytest.raises(ValueError, match="pack 'mine' is already at"):
        plan_import(NOTES, content_dir=tmp_path / "content", pack="mine", taken_packs=taken)
    same = plan_import(NOTES, content_dir=tmp_path / "elsewhere", pack="mine", taken_packs=taken)
    assert same.pack == "mine" and same.cards


def test_a_notion_exports_page_id_is_no_part_of_the_pack_name(tmp_path: Path) -> None:
    """Notion names every exported page `Title <32 hex digits>.md`: the id made the pack
    and topic folder `ml-prep-3f2a...` in every path and command. A pack imported under
    that name before keeps it, so its cards are not made a second time."""
    notes = tmp_path / "ML Prep 3f2a9c1e8b7d4e6f9a0b1c2d3e4f5a6b.md"
    notes.write_text(
        "## What is overfitting?\n\nThe model fits the noise of its training data.\n",
        encoding="utf-8",
    )
    into = tmp_path / "c"
    result = run_import(str(notes), "--into", str(into))
    assert result.exit_code == 0, result.output
    assert [path.name for path in into.iterdir()] == ["ml-prep"]
    assert (into / "ml-prep" / "ml-prep").is_dir()
    older = tmp_path / "older"
    (older / "ml-prep-3f2a9c1e8b7d4e6f9a0b1c2d3e4f5a6b").mkdir(parents=True)
    (older / "ml-prep-3f2a9c1e8b7d4e6f9a0b1c2d3e4f5a6b" / "pack.yaml").write_text(
        "title: ML Prep\n", encoding="utf-8"
    )
    assert default_pack(notes, older) == "ml-prep-3f2a9c1e8b7d4e6f9a0b1c2d3e4f5a6b"
    assert default_pack(tmp_path / "Prep-Notes.md", older) == "prep-notes"
