"""A choice or numeric card exported to Anki and imported back from Anki's own plain-text
export comes back as that kind of card, grading as it did: before, each came back as a
concept card asking its choices (wrong ones too) and answered by the right ones, or by
the number's `accepted: ...` line."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from quiz.bank.loader import load_bank, load_card_text
from quiz.bank.models import Card, ChoiceFront, ConceptFront, NumericFront
from quiz.bank.sources import content_roots
from quiz.ecosystem.ankinotetypes import own_type_of
from quiz.ecosystem.ankiownkinds import own_kind
from tests.conftest import DATA
from tests.ecosystem.anki_through import through_anki
from tests.ecosystem.test_import_notes import run_import

ONE_RIGHT = """\
---
id: rt-adam-bias
kind: choice
title: Why Adam corrects its moments' bias
topic: math
tags: [optimisers]
difficulty: 2
source: Kingma & Ba 2015, section 3
choices:
  - "The moments start at zero, so early estimates are pulled towards zero"
  - The gradients are biased by the mini-batch
  - "The learning rate $\\\\alpha$ decays too fast"
answer: 0
---

## Question

Why does Adam divide its moment estimates by $1 - \\beta^t$?

## Explanation

Both moving averages start at zero, so for small $t$ they underestimate the moments.
"""

RELATIVE = """\
---
id: rt-fp16-largest
kind: numeric
title: The largest half-precision number
topic: math
tags: []
difficulty: 1
source: IEEE 754-2008, binary16
answer: 65504
tolerance: {relative: 0.001}
---

## Question

What is the largest finite number an IEEE half-precision float holds?

## Explanation

$(2 - 2^{-10}) \\times 2^{15} = 65504$.
"""


def _grading(card: Card) -> dict[str, object]:
    """What grades a choice or numeric card: its choices and right ones, its number,
    tolerance and unit."""
    return {
        name: getattr(card.front, name, None) for name in ("choices", "answer", "tolerance", "unit")
    }


@pytest.mark.parametrize("with_notetype", [True, False])
def test_each_card_kind_comes_back_as_itself_through_anki(
    tmp_path: Path, with_notetype: bool
) -> None:
    """Without the note type column (Anki's "Include notetype name" unticked) a note of ours
    is told by its Source, CardId and Title fields: it came back under an id and title made
    from its question, a choice note's wrong choices among its key points."""
    bank_dir = tmp_path / "content"
    shutil.copytree(DATA / "anki_bank", bank_dir)
    (bank_dir / "anki" / "math" / "rt-adam-bias.md").write_text(ONE_RIGHT, "utf-8")
    (bank_dir / "anki" / "math" / "rt-fp16-largest.md").write_text(RELATIVE, "utf-8")
    bank = load_bank(content_roots([bank_dir], include_bundled=False))
    cards = [c for c in bank.cards if c.pack == "anki" and c.kind != "coding"]
    assert sorted(c.kind for c in cards) == ["choice", "choice", "concept", "numeric", "numeric"]
    titles = {n: p.info.title for n, p in bank.packs.items()}
    notes = through_anki(cards, tmp_path, titles, with_notetype=with_notetype)
    assert ("#notetype column:2" in notes.read_text("utf-8")) is with_notetype

    result = run_import(str(notes), "--pack", "back", "--into", str(tmp_path / "back"))

    assert result.exit_code == 0, result.output
    assert "skipped" not in result.output and "read as a concept card" not in result.output
    back = {
        path.stem: load_card_text(path.read_text(encoding="utf-8"), path, topic="math")
        for path in (tmp_path / "back" / "back").rglob("*.md")
    }
    assert sorted(back) == sorted(c.id for c in cards)
    for card in cards:
        again = back[card.id]
        assert again.kind == card.kind, card.id
        assert again.title == card.title, card.id
        assert again.section("Question").strip() == card.section("Question").strip(), card.id
        if not isinstance(card.front, ConceptFront):
            assert again.section("Explanation").strip() == card.section("Explanation").strip()
            assert _grading(again) == _grading(card), card.id
    multi = back["bigger-learning-rate"].front
    assert isinstance(multi, ChoiceFront)
    assert multi.choices == ("Multiply $\\alpha$ by $k$", "Keep the learning rate",
                             "Scale $\\alpha$ with the batch size")  # fmt: skip
    assert multi.check_choice([0, 2])
    assert not multi.check_choice([0]) and not multi.check_choice([1])  # real wrong picks
    single = back["rt-adam-bias"].front
    assert isinstance(single, ChoiceFront)
    assert single.answer == 0 and not single.check_choice([1])
    assert single.choices[2] == "The learning rate $\\alpha$ decays too fast"
    slope = back["sigmoid-max-slope"].front
    assert isinstance(slope, NumericFront)
    assert (slope.answer, slope.tolerance.absolute, slope.unit) == (0.25, 0.001, "per unit of z")
    assert slope.check_numeric(0.2505).correct and slope.check_numeric(0.2515).correct is False
    fp16 = back["rt-fp16-largest"].front
    assert isinstance(fp16, NumericFront)
    assert (fp16.answer, fp16.tolerance.relative, fp16.unit) == (65504, 0.001, None)
    assert fp16.check_numeric(65500).correct and not fp16.check_numeric(65000).correct


def test_importing_it_again_finds_every_card_unchanged(tmp_path: Path) -> None:
    bank = load_bank(content_roots([DATA / "anki_bank"], include_bundled=False))
    cards = [c for c in bank.cards if c.pack == "anki" and c.kind != "coding"]
    notes = through_anki(cards, tmp_path, {n: p.info.title for n, p in bank.packs.items()})
    into = str(tmp_path / "back")
    assert run_import(str(notes), "--pack", "back", "--into", into).exit_code == 0

    again = run_import(str(notes), "--pack", "back", "--into", into)

    assert again.exit_code == 0, again.output
    shown = again.output.splitlines()
    assert sum(line.startswith("unchanged ") for line in shown) == 3, again.output
    assert not any(line.startswith("wrote") for line in shown), again.output


_CHOICE = [
    "Why?",
    "- A\n- B",
    "- ✓ Because of A\n- Because of B",
    "A, as shown.",
]


@pytest.mark.parametrize(
    ("kind", "texts"),
    [
        ("drillbit choice", [*_CHOICE[:2], "- Because of A\n- Because of B", _CHOICE[3]]),
        ("drillbit choice", [*_CHOICE[:2], "Because of A, edited in Anki", _CHOICE[3]]),
        ("drillbit numeric", ["How many?", "about twelve\naccepted: 11 to 13 (± 1)", "So."]),
        ("drillbit numeric", ["How many?", "12\n", "So."]),
        ("Basic", _CHOICE),
    ],
)
def test_a_note_whose_fields_no_longer_say_its_kind_is_no_such_card(
    kind: str, texts: list[str]
) -> None:
    assert own_kind(kind, texts) is None


def test_the_fields_our_export_writes_give_the_card_back() -> None:
    choice = own_kind("drillbit choice", _CHOICE)
    assert choice is not None
    assert (choice.choices, choice.correct) == (("Because of A", "Because of B"), (0,))
    numeric = own_kind(
        "drillbit numeric",
        ["How long?\nAnswer in ms.", "1e-3 ms\naccepted: 0.0009 to 0.0011 ms (± 10%)", "So."],
    )
    assert numeric is not None
    assert (numeric.question, numeric.number, numeric.unit) == ("How long?", 0.001, "ms")
    assert numeric.tolerance == ("relative", 0.1)


def _fields(kind: str) -> list[str]:
    """A note's fields as our export writes them, as HTML."""
    shown = "<p>It is $y$.</p>"
    source, card_id, title = "Softmax &amp; more · Bishop", "softmax-more", "Softmax &amp; more"
    if kind == "choice":
        answer = '<ol class="choices"><li class="correct">✓ A</li><li class="wrong">B</li></ol>'
        return [
            "<p>Why?</p>",
            '<ol class="choices"><li>A</li>',
            answer,
            shown,
            source,
            card_id,
            title,
        ]
    if kind == "numeric":
        answer = '<div class="numeric-answer">2</div><div>accepted: 1 to 3 (± 1)</div>'
        return ["<p>How many?</p>", answer, shown, source, card_id, title]
    return ["<p>What?</p>", shown, "<ul><li>It is y</li></ul>", source, card_id, title]


@pytest.mark.parametrize("kind", ["choice", "numeric", "concept"])
def test_our_note_types_are_told_by_their_fields(kind: str) -> None:
    assert own_type_of(_fields(kind)) == f"drillbit {kind}"


@pytest.mark.parametrize(
    "changed",
    [
        {3: "Bishop, PRML 4.3"},  # a Source field of the user's own: no title before it
        {4: "Softmax and more"},  # no card id
        {5: ""},  # no Title field (an export before it was added)
        {5: "Another title"},
    ],
)
def test_a_note_of_another_type_is_not_taken_for_ours(changed: dict[int, str]) -> None:
    fields = _fields("concept")
    for at, text in changed.items():
        fields[at] = text
    assert own_type_of(fields) is None
    assert own_type_of(["What is X?", "It is Y."]) is None
