"""A pack whose folder and pack.yaml are there but whose pack.yaml does not load: asked
for by `--pack`, it was "unknown pack 'my-pack': known packs: architectures, ..." (and
`list`, `cards`, `drills` and `export anki` said nothing of the pack.yaml), sending its
author looking for a typo in a name that was right."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import RunDrillbit

CARD = """---
id: my-first-card
kind: concept
title: A first card
topic: basics
difficulty: 1
key_points: [one point]
---

## Question

What is one?

## Answer

One.
"""


def _bank(tmp_path: Path) -> Path:
    """A folder of packs whose one pack has a card and a pack.yaml missing its keys."""
    bank = tmp_path / "bank"
    (bank / "my-pack" / "basics").mkdir(parents=True)
    (bank / "my-pack" / "pack.yaml").write_text("name: my-pack\n", encoding="utf-8")
    (bank / "my-pack" / "basics" / "my-first-card.md").write_text(CARD, encoding="utf-8")
    return bank


@pytest.mark.parametrize(
    "command",
    [
        ("list",),
        ("cards",),
        ("drills",),
        ("study",),
    ],
)
def test_the_pack_yaml_is_named_with_the_lint_to_run(
    drillbit: RunDrillbit, tmp_path: Path, command: tuple[str, ...]
) -> None:
    bank = _bank(tmp_path)
    told = drillbit("--content", "bank", *command, "--pack", "my-pack", cwd=tmp_path)
    assert told.returncode == 2 and told.stdout == ""
    assert told.stderr.splitlines()[-1] == (
        "drillbit: pack 'my-pack' did not load: bank/my-pack/pack.yaml has problems; "
        "`drillbit lint bank/my-pack` shows them"
    )
    assert "unknown pack" not in told.stderr
    assert sorted(path.name for path in tmp_path.iterdir()) == ["bank"], "nothing written"
    linted = drillbit("lint", "bank/my-pack", cwd=tmp_path)
    assert linted.returncode == 1 and "bank/my-pack/pack.yaml:1:1:" in linted.stdout
    assert bank.is_dir()


def test_export_anki_names_it_before_any_card_is_written(
    drillbit: RunDrillbit, tmp_path: Path
) -> None:
    """With no card yet (a pack.yaml written first); with cards, `export anki` says that
    none of them loads."""
    bank = _bank(tmp_path)
    (bank / "my-pack" / "basics" / "my-first-card.md").unlink()
    told = drillbit(
        "--content", "bank", "export", "anki", "deck.apkg", "--pack", "my-pack", cwd=tmp_path
    )
    assert told.returncode == 2, told.stderr
    assert told.stderr.splitlines()[-1] == (
        "drillbit: pack 'my-pack' did not load: bank/my-pack/pack.yaml has problems; "
        "`drillbit lint bank/my-pack` shows them"
    )
    assert not (tmp_path / "deck.apkg").exists()


def test_a_pack_given_as_the_folder_itself_is_found_too(
    drillbit: RunDrillbit, tmp_path: Path
) -> None:
    _bank(tmp_path)
    told = drillbit(
        "list", "--pack", "my-pack", cwd=tmp_path, env={"DRILLBIT_CONTENT": "bank/my-pack"}
    )
    assert told.returncode == 2
    assert "pack 'my-pack' did not load: bank/my-pack/pack.yaml has problems" in told.stderr


def test_a_name_with_no_folder_is_still_unknown(drillbit: RunDrillbit, tmp_path: Path) -> None:
    _bank(tmp_path)
    told = drillbit("--content", "bank", "list", "--pack", "other-pack", cwd=tmp_path)
    assert told.returncode == 2
    assert "unknown pack 'other-pack': known packs: " in told.stderr
    assert "did not load" not in told.stderr
