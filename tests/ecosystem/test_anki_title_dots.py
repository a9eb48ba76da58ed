"""A card whose title holds ` · ` keeps what it cites through Anki even when the note's
Title field does not come back: the Source field is `TITLE · source`, and read without the
title it was split at the title's own ` · `, so `Bias · variance` citing `Goodfellow` came
back citing `variance · Goodfellow` (fifty-second round)."""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from quiz.bank.loader import load_bank
from quiz.bank.sources import content_roots
from quiz.ecosystem.ankisource import cited_part, source_field
from quiz.ecosystem.ankitext import parse_anki_text
from tests.conftest import DATA
from tests.ecosystem.anki_through import anki_holding, export_text
from tests.ecosystem.test_import_notes import front, run_import

TITLE = "Bias · variance's trade-off"
SOURCE = "Q&A · Goodfellow et al. 2016, ch. 5"
"""A title and a source each holding ` · `; `'` and `&` make Anki's text export read
entities."""


BIAS = f"""\
---
id: bias-variance
kind: concept
title: "{TITLE}"
topic: math
tags: [generalisation]
difficulty: 2
source: "{SOURCE}"
key_points:
  - Bias is the error of the average model
  - Variance is how much the model moves with the sample
  - More capacity trades bias for variance
---

## Question

What do bias and variance measure in a model's expected error?

## Answer

Bias is how far the average fitted model is from the truth. Variance is how much the
fitted model changes from one training sample to another. A more flexible model lowers
the first and raises the second.
"""


def _notes(tmp_path: Path, title_field: str | None, *, with_html: bool) -> Path:
    """Anki's plain-text export of the card `BIAS`, its Title field in Anki made
    `title_field` (None: left as exported)."""
    bank_dir = tmp_path / "content"
    shutil.copytree(DATA / "anki_bank", bank_dir)
    (bank_dir / "anki" / "math" / "bias-variance.md").write_text(BIAS, "utf-8")
    bank = load_bank(content_roots([bank_dir], include_bundled=False))
    cards = [c for c in bank.cards if c.id == "bias-variance"]
    assert [c.title for c in cards] == [TITLE]
    with anki_holding(cards, tmp_path) as col:
        [note_id] = col.find_notes("")
        note = col.get_note(note_id)
        if title_field is not None:
            note["Title"] = title_field
            col.update_note(note)
        return export_text(col, tmp_path / "notes.txt", with_html=with_html)


@pytest.mark.parametrize("with_html", [True, False])
@pytest.mark.parametrize("title_field", [None, "", "Another title · here"])
def test_the_source_comes_back_whole_whatever_became_of_the_title_field(
    tmp_path: Path, title_field: str | None, with_html: bool
) -> None:
    notes = _notes(tmp_path, title_field, with_html=with_html)

    result = run_import(str(notes), "--pack", "back", "--into", str(tmp_path / "back"))

    assert result.exit_code == 0, result.output
    [card] = (tmp_path / "back").rglob("bias-variance.md")
    assert front(card)["source"] == f"notes.txt Q1 · {SOURCE}"
    if title_field is None:
        assert front(card)["title"] == TITLE


def test_our_note_without_its_type_name_is_still_told_by_its_title(tmp_path: Path) -> None:
    """The title's dots are written as `⋅` in the Source field: a note exported without
    its note type's name is still known by the Source field starting with its title."""
    bank = load_bank(content_roots([DATA / "anki_bank"], include_bundled=False))
    [card] = [c for c in bank.cards if c.id == "softmax-gradient"]
    retitled = replace(card, front=replace(card.front, title=TITLE))
    with anki_holding([retitled], tmp_path) as col:
        notes = export_text(col, tmp_path / "notes.txt", with_notetype=False)

    result = run_import(str(notes), "--pack", "back", "--into", str(tmp_path / "back"))

    assert result.exit_code == 0, result.output
    [back] = (tmp_path / "back").rglob("softmax-gradient.md")
    assert (front(back)["title"], front(back)["kind"]) == (TITLE, "concept")


_HEADER = "#separator:tab\n#html:true\n#notetype column:1\n"


def _old_row(source_field_text: str, title_field: str) -> str:
    """A drillbit concept note as exported before the fifty-second round."""
    fields = ["drillbit concept", "What is the bias of a model?", "Its expected error.",
              "<ul><li>An error.</li></ul>", source_field_text, "bias-variance", title_field]  # fmt: skip
    return _HEADER + "\t".join(fields) + "\n"


@pytest.mark.parametrize(
    ("title_field", "cited"),
    [
        ("Bias · variance", "Goodfellow"),  # its Title field kept: read after it
        ("", "variance · Goodfellow"),  # no Title field: split at the first dot, as before
    ],
)
def test_an_export_from_before_reads_as_it_did(title_field: str, cited: str) -> None:
    [note] = parse_anki_text(_old_row("Bias · variance · Goodfellow", title_field)).questions
    assert note.own_source == cited


@pytest.mark.parametrize("title", ["Bias · variance", "a·b", "Ends ·", "· starts", "x · · y"])
@pytest.mark.parametrize("source", ["", "Goodfellow", "Q&A · Bishop · §4"])
def test_the_title_s_dots_are_never_the_join(title: str, source: str) -> None:
    written = source_field(title, source)
    assert written.startswith(title.replace("·", "⋅"))
    assert cited_part(written + " ", None) == source
    assert cited_part(written + " ", title) == source
