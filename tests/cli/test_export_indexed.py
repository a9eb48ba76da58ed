"""`export anki` loads the bank through the card index, as Home and `list` do: it called
`load_bank` itself, so after an edit the index stayed stale and the next start loaded the
whole bank again; and it says the load's problems and an empty pack in their words."""

from __future__ import annotations

from pathlib import Path

import pytest

from quiz.bank import cachefile
from tests.bank.edits import edit, refuse_full_loads
from tests.conftest import RunDrillbit

RELU = Path("mini", "basics", "what-is-relu.md")


@pytest.fixture(autouse=True)
def _no_racy_window(monkeypatch: pytest.MonkeyPatch) -> None:
    """Files in these tests were just written; let the index be remembered anyway."""
    monkeypatch.setattr(cachefile, "RACY_SECONDS", 0.0)


def test_an_export_after_an_edit_leaves_the_index_for_the_next_start(
    mini_bank: Path, drillbit: RunDrillbit, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    listed = drillbit("--content", "content", "list", cwd=tmp_path)
    assert listed.returncode == 0, listed.stderr
    edit(mini_bank / RELU, "title: ", "title: Edited ")  # the index is stale now
    exported = drillbit("--content", "content", "export", "anki", "all.apkg", cwd=tmp_path)
    assert exported.returncode == 0, exported.stderr
    with monkeypatch.context() as patched:
        refuse_full_loads(patched)
        again = drillbit("--content", "content", "list", cwd=tmp_path)
    assert again.returncode == 0, again.stderr
    assert "Edited " in again.stdout


def test_an_export_says_the_load_summary_in_lists_words(
    mini_bank: Path, drillbit: RunDrillbit, tmp_path: Path
) -> None:
    edit(mini_bank / RELU, "difficulty: 1\n", "dificulty: 1\n")
    listed = drillbit("--content", "content", "list", cwd=tmp_path)
    told = listed.stderr.splitlines()
    assert told[0].startswith(f"content/{RELU}:") and "[unknown-key]" in told[0]
    exported = drillbit("--content", "content", "export", "anki", "all.apkg", cwd=tmp_path)
    assert exported.returncode == 0, exported.stderr
    assert exported.stderr.splitlines()[: len(told)] == told


def test_an_export_of_a_pack_with_no_card_yet_says_so_as_list_does(
    mini_bank: Path, drillbit: RunDrillbit, tmp_path: Path
) -> None:
    """It said "pack new has no card that loads: `drillbit lint` says why" of a pack whose
    author had written its pack.yaml only (lint: a warning, nothing to fix)."""
    (mini_bank / "new").mkdir()
    (mini_bank / "new" / "pack.yaml").write_text(
        "title: New\ndescription: d\nversion: 0.1.0\n", encoding="utf-8"
    )
    args = ("--content", "content", "export", "anki", "new.apkg", "--pack", "new")
    exported = drillbit(*args, cwd=tmp_path)
    listed = drillbit("--content", "content", "list", "--pack", "new", cwd=tmp_path)
    assert exported.returncode == listed.returncode == 2
    assert (
        exported.stderr
        == listed.stderr
        == ("drillbit: pack 'new' has no card yet: add one at new/<topic>/<id>.md\n")
    )
    assert not (tmp_path / "new.apkg").exists()
