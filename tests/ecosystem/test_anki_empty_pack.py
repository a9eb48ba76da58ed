"""`export anki --pack P` for a pack that is there but none of whose cards loads.

It said `no pack named P (packs: ...)`, listing every pack but the one the author had just
written, whose folder and pack.yaml were right there; it now says the pack has no card
that loads and which lint command says why.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.conftest import DATA, RunDrillbit


def test_a_pack_whose_cards_all_fail_is_named_with_the_lint_that_says_why(
    tmp_path: Path, drillbit: RunDrillbit
) -> None:
    content = tmp_path / "content"
    shutil.copytree(DATA / "anki_bank", content)
    for card in (content / "anki").rglob("*.md"):
        card.write_text("---\nid: [not, an, id]\n---\n", encoding="utf-8")
    out = tmp_path / "deck.apkg"
    result = drillbit("--content", str(content), "export", "anki", str(out), "--pack", "anki")
    assert result.returncode == 1, result.stderr
    assert result.stderr == (
        f"drillbit: export anki: pack anki has no card that loads: `drillbit lint "
        f"{content / 'anki'}` says why\n"
    )
    assert not out.exists()
