"""Every command's help names an app key as the app's footer and the README spell it
(`^t`): `hint --help` said "the app's ctrl+t" and `grade --help` "ctrl+o brings it back",
words no screen of the app shows."""

from __future__ import annotations

import re

from quiz.cli.group import COMMAND_MODULES
from tests.conftest import REPO, RunDrillbit

SUBCOMMANDS = {"export": ("anki", "progress")}
"""The groups of commands, with theirs: each has a help of its own."""


def _every_help(drillbit: RunDrillbit) -> dict[str, str]:
    """Each command line's `--help`, by the command line."""
    lines: list[tuple[str, ...]] = [("--help",)]
    for name in COMMAND_MODULES:
        lines.append((name, "--help"))
        lines.extend((name, sub, "--help") for sub in SUBCOMMANDS.get(name, ()))
    helps: dict[str, str] = {}
    for line in lines:
        result = drillbit(*line)
        assert result.returncode == 0, (line, result.stderr)
        helps[" ".join(line)] = " ".join(result.stdout.split())
    return helps


def test_no_help_spells_a_ctrl_key_out(drillbit: RunDrillbit) -> None:
    spelt = {
        line: re.findall(r"ctrl\+\w+", text, flags=re.IGNORECASE)
        for line, text in _every_help(drillbit).items()
    }
    assert {line: keys for line, keys in spelt.items() if keys} == {}
    assert len(spelt) == len(COMMAND_MODULES) + 1 + 2, "every command's help was read"


def test_hint_and_grade_name_the_keys_the_readme_and_study_docs_name(
    drillbit: RunDrillbit,
) -> None:
    hint = " ".join(drillbit("hint", "--help").stdout.split())
    assert "one at a time as the app's ^t (`rustlings hint`)" in hint
    grade = " ".join(drillbit("grade", "--help").stdout.split())
    assert "^o brings it back" in grade
    said = (REPO / "README.md").read_text(encoding="utf-8") + (
        REPO / "docs" / "study.md"
    ).read_text(encoding="utf-8")
    assert "`^t` shows the next hint" in " ".join(said.split())
    assert "| drill | `^o` | Previous code |" in said
