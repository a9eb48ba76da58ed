"""`drillbit lint` alone in a repository of several packs (no ./content, no pack.yaml at the
top): it checked the bundled bank and passed, never reading the author's packs."""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.conftest import DATA, REPO, RunDrillbit


def test_lint_alone_in_a_folder_of_packs_checks_those_packs(
    tmp_path: Path, drillbit: RunDrillbit
) -> None:
    repo = tmp_path / "my-banks"
    shutil.copytree(DATA / "mini_bank" / "mini", repo / "mini")
    card = repo / "mini" / "basics" / "what-is-relu.md"
    card.write_text(card.read_text(encoding="utf-8").replace("\ntitle:", "\ntitel:", 1))
    result = drillbit("lint", "--no-drills", cwd=repo)
    assert result.returncode == 1, result.stderr
    assert "mini/basics/what-is-relu.md:" in result.stdout
    assert "unknown key 'titel'" in result.stdout
    assert "0 cards are fine" not in result.stderr  # its other two cards were read
    assert "2 cards are fine" in result.stderr


def test_a_hidden_folder_or_a_folder_without_a_pack_is_no_folder_of_packs(
    tmp_path: Path, drillbit: RunDrillbit
) -> None:
    """A `.cache/x/pack.yaml` or a `notes/` folder leaves `lint` alone on the bundled bank."""
    repo = tmp_path / "elsewhere"
    shutil.copytree(DATA / "mini_bank" / "mini", repo / ".hidden" / "mini")
    (repo / "notes").mkdir()
    shutil.copytree(DATA / "mini_bank" / "mini", repo / "notes" / "mini")  # two levels down
    result = drillbit("lint", "--no-drills", cwd=repo)
    assert result.returncode == 0, result.stdout
    bundled = len(list((REPO / "content").glob("*/*/*.md")))
    assert f"{bundled} cards checked, no problems" in result.stderr
