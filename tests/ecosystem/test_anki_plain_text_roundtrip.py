"""`drillbit export anki`, imported into Anki, exported again with Anki's own File > Export
> Notes in Plain Text, and imported back: every card comes back under its id and title,
with its tags and every formula (import50)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from quiz.bank.loader import load_bank, load_card_text
from quiz.bank.models import Card
from quiz.bank.sources import content_roots
from tests.conftest import DATA
from tests.ecosystem.anki_through import anki_holding, export_text
from tests.ecosystem.test_import_notes import front, run_import

NESTED = """\
---
id: dropout-at-inference
kind: concept
title: Dropout at inference
topic: math
tags: [ml, ml-dl, regularisation]
difficulty: 2
source: Srivastava et al. 2014, section 2
key_points:
  - "A unit kept with probability $p$ has its weight scaled by $p$ at test time"
  - Inverted dropout scales by $1/p$ while training instead
  - Both keep the expected input of the next layer unchanged
---

## Question

With keep probability $p$, what does dropout do at inference?

## Answer

Every unit is kept. The expected activation while training is $p \\cdot a$, so either the
weights are scaled by $p$ at test time, or, with inverted dropout, each kept unit is scaled
by $1/p$ while training:

$$ \\tilde{a} = \\frac{m \\odot a}{p}, \\quad m_i \\sim \\text{Bernoulli}(p) $$
"""

_MATH = re.compile(r"\$\$(.+?)\$\$|\$(.+?)\$", re.DOTALL)


def _formulas(text: str) -> set[str]:
    """The formulas of a card's text, their blanks made one."""
    return {" ".join((display or inline).split()) for display, inline in _MATH.findall(text)}


def _written(card: Card) -> str:
    """Everything a card says that may hold math: its sections, choices and answer."""
    choices = getattr(card.front, "choices", None) or ()
    extra = [*map(str, choices), str(getattr(card.front, "answer", ""))]
    return "\n".join([*(s.text for s in card.sections.values()), *extra])


def test_an_anki_plain_text_export_of_our_package_imports_back_the_same(tmp_path: Path) -> None:
    """Before, each card came back under an id and a title made from its question (the
    note's CardId and Title fields unread: `softmax-gradient` as
    `partial-l-partial-z-softmax-followed`), so its reviews stayed with the old id."""
    bank_dir = tmp_path / "content"
    shutil.copytree(DATA / "anki_bank", bank_dir)
    (bank_dir / "anki" / "math" / "dropout-at-inference.md").write_text(NESTED, encoding="utf-8")
    bank = load_bank(content_roots([bank_dir], include_bundled=False))
    cards = [c for c in bank.cards if c.pack == "anki"]
    titles = {name: pack.info.title for name, pack in bank.packs.items()}
    with anki_holding(cards, tmp_path, titles) as col:
        assert len(col.find_notes("")) == 4  # the coding card is not exported
        notes = export_text(col, tmp_path / "notes.txt")
    header = notes.read_text(encoding="utf-8").split("\n")[:6]
    assert header[:2] == ["#separator:tab", "#html:true"]
    assert {"#notetype column:2", "#deck column:3"} <= set(header)
    assert any(line.startswith("#tags column:") for line in header)

    result = run_import(str(notes), "--pack", "back", "--into", str(tmp_path / "back"))
    assert result.exit_code == 0, result.output
    assert "skipped" not in result.output
    back = {
        path.stem: (
            front(path),
            load_card_text(path.read_text(encoding="utf-8"), path, topic="math"),
        )
        for path in (tmp_path / "back").rglob("*.md")
        if path.name != "pack.yaml"
    }
    exported = [c for c in cards if c.kind != "coding"]
    assert sorted(back) == sorted(c.id for c in exported)
    for card in exported:
        data, again = back[card.id]
        assert data["title"] == card.title, card.id
        tags = data["tags"]
        assert isinstance(tags, list)
        assert sorted(map(str, tags)) == sorted(card.tags), card.id  # Anki sorts a note's tags
        assert _formulas(_written(card)) <= _formulas(_written(again)), card.id
        if card.kind == "concept":  # its KeyPoints field: the points as written, not made again
            assert data["key_points"] == list(getattr(card.front, "key_points", ())), card.id
    assert back["dropout-at-inference"][0]["tags"] == ["ml", "ml-dl", "regularisation"]
