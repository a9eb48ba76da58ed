"""A card or pack whose files do not load is named as such, with the lint that shows why.

Before, `drillbit show relu-at-zero` on a pack whose card had a typo in its front matter
said "no card 'relu-at-zero': did you mean 'bce-at-zero-logit'?", and `--pack tiny` with
every card broken said "unknown pack 'tiny'": the author was told their card did not
exist instead of that it failed to load.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import RunDrillbit

BROKEN = """---
id: relu-at-zero
kind: numeric
title: ReLU at zero
topic: basics
tolerence: 0.1
answer: 0
---
## Question
What is ReLU(0)?
"""


@pytest.fixture
def tiny(tmp_path: Path) -> Path:
    """A pack `tiny` whose only card has a misspelt key, so it does not load."""
    root = tmp_path / "packs"
    (root / "tiny" / "basics").mkdir(parents=True)
    (root / "tiny" / "pack.yaml").write_text(
        "title: Tiny\ndescription: One card, broken.\nversion: 1.0.0\n"
    )
    (root / "tiny" / "basics" / "relu-at-zero.md").write_text(BROKEN)
    return root


CARD_FILE = "tiny/basics/relu-at-zero.md"


@pytest.mark.parametrize(
    "args",
    [
        ("show", "relu-at-zero"),
        ("drill", "relu-at-zero"),
        ("grade", "relu-at-zero", "/dev/null"),
    ],
)
def test_a_card_that_did_not_load_is_named_with_its_file(
    drillbit: RunDrillbit, tiny: Path, args: tuple[str, ...]
) -> None:
    result = drillbit("--content", str(tiny), *args)
    assert result.returncode == 2
    assert "card 'relu-at-zero' did not load:" in result.stderr
    assert f"`drillbit lint {tiny / CARD_FILE}` shows them" in result.stderr
    assert "did you mean" not in result.stderr


@pytest.mark.parametrize(
    ("args", "what"),
    [
        (("cards", "--pack", "tiny"), "pack 'tiny'"),
        (("list", "--pack", "tiny"), "pack 'tiny'"),
        (("study", "--pack", "tiny"), "pack 'tiny'"),
        (("cards", "--topic", "basics"), "topic 'basics'"),
        (("study", "--topic", "basics"), "topic 'basics'"),
    ],
)
def test_a_pack_or_topic_whose_cards_did_not_load_is_not_called_unknown(
    drillbit: RunDrillbit, tiny: Path, args: tuple[str, ...], what: str
) -> None:
    result = drillbit("--content", str(tiny), *args)
    assert result.returncode == 2
    assert f"{what} has no card that loads: {tiny / CARD_FILE} has problems" in result.stderr
    assert "unknown" not in result.stderr


def test_an_unknown_name_still_mentions_the_files_that_did_not_load(
    drillbit: RunDrillbit, tiny: Path
) -> None:
    result = drillbit("--content", str(tiny), "show", "no-such-card")
    assert result.returncode == 2
    assert "no card 'no-such-card'" in result.stderr
    assert f"(also: {tiny / CARD_FILE} has problems;" in result.stderr


def test_without_broken_files_an_unknown_name_reads_as_before(drillbit: RunDrillbit) -> None:
    result = drillbit("cards", "--pack", "no-such-pack")
    assert result.returncode == 2
    assert "unknown pack 'no-such-pack': known packs:" in result.stderr
    assert "also:" not in result.stderr


def test_cards_says_when_card_files_did_not_load(drillbit: RunDrillbit, tiny: Path) -> None:
    """As `list` does: the broken card is not silently missing from the listing."""
    result = drillbit("--content", str(tiny), "cards", "--pack", "neural-networks")
    assert result.returncode == 0, result.stderr
    assert "1 card file could not be loaded; run `drillbit lint` to see why" in result.stderr
    assert "pack.yaml" not in result.stderr
