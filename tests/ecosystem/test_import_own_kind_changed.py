"""A card that changed kind in our export (a concept card made a choice card) over a file
the user edited: refused until --force, as before, but the refusal says which file, that
the kind changed, and what --force loses. It said "already exists with another answer,
explanation, kind, choices and answer", naming `answer` twice and no loss."""

from __future__ import annotations

from pathlib import Path

from tests.ecosystem.test_anki_source_roundtrip import _exported
from tests.ecosystem.test_import_notes import front, run_import

EDITED_CONCEPT = """\
---
id: rt-adam-bias
kind: concept
title: Why Adam corrects its moments' bias
topic: math
tags: [optimisers]
difficulty: 2
source: notes.txt Q2
key_points:
- Both averages start at zero and underestimate the moments early on.
- Dividing by one minus beta to the t undoes that bias.
- My own note on warmup, which makes the bias matter less.
---

## Question

Why does Adam divide its moment estimates by $1 - \\beta^t$?

## Answer

Both averages start at zero and underestimate the moments early on.
Dividing by one minus beta to the t undoes that bias.
My own note on warmup, which makes the bias matter less.
"""


def _imported_then_edited(tmp_path: Path) -> tuple[Path, Path, Path]:
    """(Anki's export, the import's folder, the choice card's file made a concept card the
    user edited)."""
    _, notes = _exported(tmp_path)
    into = tmp_path / "back"
    assert run_import(str(notes), "--pack", "back", "--into", str(into)).exit_code == 0
    adam = next(into.rglob("rt-adam-bias.md"))
    assert front(adam)["kind"] == "choice"
    adam.write_text(EDITED_CONCEPT, "utf-8")
    return notes, into, adam


def test_the_refusal_names_the_file_the_kinds_and_what_force_loses(tmp_path: Path) -> None:
    notes, into, adam = _imported_then_edited(tmp_path)

    result = run_import(str(notes), "--pack", "back", "--into", str(into))

    flat = " ".join(result.output.split())
    assert f"{adam} already exists as a concept card" in flat, result.output
    assert "this note is a choice card now (its kind changed in drillbit's export)" in flat
    assert "--force writes the choice card over it" in flat
    assert "the file's answer and key points are lost" in flat
    assert "1 skipped (1 card exists)" in flat
    assert adam.read_text("utf-8") == EDITED_CONCEPT  # refused: nothing written

    forced = run_import(str(notes), "--pack", "back", "--into", str(into), "--force")

    assert forced.exit_code == 0, forced.output
    assert front(adam)["kind"] == "choice" and front(adam)["id"] == "rt-adam-bias"
    assert "My own note on warmup" not in adam.read_text("utf-8")  # as the refusal said


def test_an_edited_card_of_the_same_kind_is_refused_as_before(tmp_path: Path) -> None:
    _, notes = _exported(tmp_path)
    into = tmp_path / "back"
    assert run_import(str(notes), "--pack", "back", "--into", str(into)).exit_code == 0
    adam = next(into.rglob("rt-adam-bias.md"))
    adam.write_text(adam.read_text("utf-8").replace("small $t$", "early steps"), "utf-8")

    result = run_import(str(notes), "--pack", "back", "--into", str(into))

    flat = " ".join(result.output.split())
    assert f"{adam} already exists with another explanation (use --force" in flat, result.output
    assert "kind changed" not in flat


def test_the_refusal_names_what_both_kinds_hold_that_the_file_changed(tmp_path: Path) -> None:
    """The title, question, tags and source of the file and the note are compared: the ones
    the file has its own of are named (before, the refusal only said it "may hold your
    edits", naming none), and --force is said to lose them too."""
    notes, into, adam = _imported_then_edited(tmp_path)
    edited = EDITED_CONCEPT.replace("tags: [optimisers]", "tags: [optimisers, adam]")
    adam.write_text(edited.replace("title: Why Adam", "title: How Adam"), "utf-8")

    result = run_import(str(notes), "--pack", "back", "--into", str(into))

    flat = " ".join(result.output.split())
    assert "of what both kinds hold, the file's title and tags differ from the note's" in flat
    assert "its answer and key points cannot be compared with the note's choices" in flat
    assert "the file's answer, key points, title and tags are lost" in flat, result.output
    assert "question" not in flat.partition("of what both kinds hold")[2].partition(";")[0]


def test_a_file_whose_shared_parts_are_the_note_s_names_none(tmp_path: Path) -> None:
    notes, into, adam = _imported_then_edited(tmp_path)

    result = run_import(str(notes), "--pack", "back", "--into", str(into))

    flat = " ".join(result.output.split())
    assert "of what both kinds hold, the file has what the note has" in flat, result.output
    assert "the file's answer and key points are lost" in flat
