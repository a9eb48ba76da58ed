"""`drillbit cards` and `drillbit list` list the bank from the card index, as the app's
card browser does.

On a heavy user's 10,000-card bank they loaded every card model from the card cache first
(most of `cards`' 0.9 s and `list`'s 0.7 s of CPU), though a row shows only what the index
holds: id, kind, pack, topic, title. Now only `cards --search` (the cards' full text) and
`list --json` (each card's difficulty and file) load the bank; the listings, their filters
and the warning of files that did not load are the same, pinned here.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from quiz.bank import cachefile, loader
from tests.conftest import RunDrillbit

CARD = """---
id: {id}
kind: numeric
title: {title}
topic: {topic}
difficulty: 2
source: test
answer: 0.5
tolerance: {{absolute: 0.01}}
---
## Question
What is {title}?

## Explanation
One over two.
"""


@pytest.fixture
def bank(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A pack `mini` of three cards in two topics and one card file that does not load."""
    monkeypatch.setattr(cachefile, "RACY_SECONDS", 0.0)  # the files were just written
    root = tmp_path / "packs"
    pack = root / "mini"
    for topic in ("halves", "quarters"):
        (pack / topic).mkdir(parents=True)
    (pack / "pack.yaml").write_text("title: Mini\ndescription: Three cards.\nversion: 1.0.0\n")
    for card_id, title, topic in (
        ("half-a", "a first half", "halves"),
        ("half-b", "a second half", "halves"),
        ("quarter", "a quarter", "quarters"),
    ):
        (pack / topic / f"{card_id}.md").write_text(
            CARD.format(id=card_id, title=title, topic=topic)
        )
    (pack / "quarters" / "broken.md").write_text("---\nid: broken\nkind: numeric\n---\n")
    return root


def _no_load(*args: object, **kwargs: object) -> None:
    raise AssertionError("the bank was loaded")


LISTED = [
    "ID      KIND     STATE     DUE                LAPSES  TITLE",
    "half-a  numeric  new                               0  a first half",
    "half-b  numeric  new                               0  a second half",
]


def test_a_warm_listing_builds_no_card_and_prints_what_a_load_did(
    drillbit: RunDrillbit, bank: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    args = ("--content", str(bank), "cards", "--pack", "mini", "--topic", "halves")
    cold = drillbit(*args)  # loads the bank and remembers its index
    assert cold.returncode == 0, cold.stderr
    monkeypatch.setattr(loader, "load_bank", _no_load)
    warm = drillbit(*args)
    assert warm.returncode == 0, warm.stderr
    assert (warm.stdout, warm.stderr) == (cold.stdout, cold.stderr)
    assert warm.stdout.splitlines()[:3] == LISTED
    assert re.search(r"^2 of \d+ cards$", warm.stdout, re.MULTILINE)
    assert "1 card file could not be loaded; run `drillbit lint` to see why" in warm.stderr
    json_rows = drillbit(*args, "--json")
    assert json_rows.returncode == 0 and '"id": "half-b"' in json_rows.stdout


def test_a_warm_listing_still_names_a_topic_whose_cards_did_not_load(
    drillbit: RunDrillbit, bank: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (bank / "mini" / "halves" / "half-a.md").write_text("---\nid: half-a\n---\n")
    (bank / "mini" / "halves" / "half-b.md").unlink()
    drillbit("--content", str(bank), "cards")
    monkeypatch.setattr(loader, "load_bank", _no_load)
    typo = drillbit("--content", str(bank), "cards", "--topic", "halves")
    assert typo.returncode == 2
    assert "topic 'halves' has no card that loads:" in typo.stderr


def test_a_search_reads_the_cards_text(drillbit: RunDrillbit, bank: Path) -> None:
    found = drillbit("--content", str(bank), "cards", "--search", "second", "--pack", "mini")
    assert found.returncode == 0, found.stderr
    assert [line.split()[0] for line in found.stdout.splitlines()[1:2]] == ["half-b"]


def test_a_warm_list_builds_no_card_and_prints_what_a_load_did(
    drillbit: RunDrillbit, bank: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    args = ("--content", str(bank), "list", "--pack", "mini", "--kind", "numeric")
    cold = drillbit(*args)
    assert cold.returncode == 0, cold.stderr
    monkeypatch.setattr(loader, "load_bank", _no_load)
    warm = drillbit(*args)
    assert (warm.returncode, warm.stdout, warm.stderr) == (0, cold.stdout, cold.stderr)
    assert [line.split()[0] for line in warm.stdout.splitlines()] == [
        "ID",
        "half-a",
        "half-b",
        "quarter",
    ]
    assert "1 card file could not be loaded" in warm.stderr
