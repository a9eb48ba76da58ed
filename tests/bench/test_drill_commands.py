"""`python -m bench.drill_commands` (bench/drill_commands.py): its flags, and one round on
a small bank, this tree against itself as the base: every command's figures after an edit
and warm are written for both trees with their ratio, and what both print compares equal."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bench import drill_commands
from bench.common import REPO


def test_one_round_against_itself_writes_every_command_and_the_same_output(
    mini_bank: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    home = tmp_path / "home"
    home.mkdir()
    out = tmp_path / "results.json"
    drill_commands.main(
        ["--home", str(home), "--bank", str(mini_bank), "--rounds", "1"]
        + ["--base", str(REPO), "--out", str(out)]
    )
    figures = {
        (f["name"], f["params"].get("tree")): f
        for f in json.loads(out.read_text(encoding="utf-8"))["figures"]
        if f["section"] == drill_commands.SECTION
    }
    for command in drill_commands.COMMANDS:
        for when in ("after_edit", "warm"):
            measured = f"{command}_{when}"
            for tree in ("this", "base"):
                assert figures[(f"{measured}_cpu_ms", tree)]["value"] > 0, (measured, tree)
            assert figures[(f"{measured}_ratio", None)]["params"]["same_output"] is True
    assert len(figures) == 3 * 2 * len(drill_commands.COMMANDS)
    assert "| drills_after_edit |" in capsys.readouterr().out


def test_a_home_without_its_bank_is_refused(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    with pytest.raises(SystemExit) as stopped:
        drill_commands.main(["--home", str(tmp_path), "--out", str(tmp_path / "r.json")])
    assert stopped.value.code == 2
    assert "go together" in capsys.readouterr().err
    assert not (tmp_path / "r.json").exists()


def test_a_base_that_is_not_a_drillbit_tree_is_refused(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    with pytest.raises(SystemExit) as stopped:
        drill_commands.main(["--base", str(tmp_path)])
    assert stopped.value.code == 2
    assert "not a drillbit tree" in capsys.readouterr().err
