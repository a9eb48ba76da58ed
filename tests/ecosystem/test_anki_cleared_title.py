"""A note of drillbit's own Anki export whose Title field the user cleared in Anki keeps
its card's title on re-import (import54): an emptied field is no new title, and a card
needs one. Titled by its question's first line instead, the card "already exists with
another title" and was skipped at every re-import, or with `--force` retitled once.
What the card cites is read after the kept title, so an older export's title holding
` · ` is cut whole from the Source field. A card not in the bank takes the title its
Source field starts with, the one Anki shows on its back (import55)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from quiz.bank.loader import load_bank
from quiz.bank.sources import content_roots
from tests.conftest import DATA
from tests.ecosystem.anki_through import anki_holding, export_text
from tests.ecosystem.test_anki_title_dots import BIAS, SOURCE, TITLE, _notes, _old_row
from tests.ecosystem.test_import_notes import answer_of, front, run_import

QUESTION = "What do bias and variance measure in a model's expected error?"


def _first_import(tmp_path: Path) -> Path:
    """The card `BIAS` through Anki, imported into `tmp_path/back` as exported."""
    first = tmp_path / "as-exported"
    first.mkdir()
    notes = _notes(first, None, with_html=True)
    result = run_import(str(notes), "--pack", "back", "--into", str(tmp_path / "back"))
    assert result.exit_code == 0, result.output
    [card] = (tmp_path / "back").rglob("bias-variance.md")
    assert front(card)["title"] == TITLE
    return card


def test_a_cleared_title_field_keeps_the_card_s_title(tmp_path: Path) -> None:
    card = _first_import(tmp_path)
    written = card.read_text("utf-8")
    cleared = tmp_path / "cleared"
    cleared.mkdir()
    notes = _notes(cleared, "", with_html=True)  # the Title field emptied in Anki
    assert "\tbias-variance\t\t" in notes.read_text("utf-8")  # CardId, then no title

    for _ in range(2):  # the same at every re-import
        result = run_import(str(notes), "--pack", "back", "--into", str(tmp_path / "back"))
        assert result.exit_code == 0, result.output
        said = " ".join(result.output.split())
        assert "1 unchanged" in said and "skipped" not in said
        assert card.read_text("utf-8") == written

    # with --force the card is written again: its title and source as they were
    result = run_import(str(notes), "--pack", "back", "--into", str(tmp_path / "back"), "--force")
    assert result.exit_code == 0, result.output
    assert front(card)["title"] == TITLE != QUESTION
    assert front(card)["source"] == f"notes.txt Q1 · {SOURCE}"


def test_a_cleared_title_with_an_edited_answer_keeps_the_title(tmp_path: Path) -> None:
    card = _first_import(tmp_path)
    bank = load_bank(content_roots([tmp_path / "back"], include_bundled=False))
    (tmp_path / "anki-two").mkdir()
    with anki_holding(bank.cards, tmp_path / "anki-two") as col:
        [note_id] = col.find_notes("")
        note = col.get_note(note_id)
        note["Title"] = ""
        note["Answer"] = note["Answer"].replace("A more flexible", "A richer")
        col.update_note(note)
        notes = export_text(col, tmp_path / "notes.txt")

    result = run_import(str(notes), "--pack", "back", "--into", str(tmp_path / "back"))
    assert result.exit_code == 1, result.output  # nothing imported: the card was skipped
    said = " ".join(result.output.split())
    assert "already exists with another answer" in said  # an edit is asked for, as ever
    assert "another title" not in said

    result = run_import(str(notes), "--pack", "back", "--into", str(tmp_path / "back"), "--force")
    assert result.exit_code == 0, result.output
    assert front(card)["title"] == TITLE
    assert "A richer model lowers" in answer_of(card)


_AWKWARD = (
    "Bias · variance's trade-off",
    "What does `a · b` compute?",
    "Q&A · notes",
    "Why does the <s> token · start?",
)
"""Titles holding the Source field's join, code, `&`, `'` and a typed tag; each is no
first line of its card's question."""


def _deck_bank(tmp_path: Path) -> Path:
    """The Anki fixture bank with a concept card per title of `_AWKWARD` added."""
    bank_dir = tmp_path / "content"
    shutil.copytree(DATA / "anki_bank", bank_dir)
    for number, title in enumerate(_AWKWARD, 1):
        text = BIAS.replace("id: bias-variance", f"id: awkward-{number}")
        text = text.replace(f'title: "{TITLE}"', "title: " + json.dumps(title))
        (bank_dir / "anki" / "math" / f"awkward-{number}.md").write_text(text, "utf-8")
    return bank_dir


@pytest.mark.parametrize("with_html", [True, False])
def test_a_deck_whose_titles_were_cleared_comes_back_titled_in_a_new_bank(
    tmp_path: Path, with_html: bool
) -> None:
    """Every note's Title field emptied in Anki, the deck imported where the bank has none
    of its cards (another machine, a new bank): each card takes the title its Source field
    starts with, the one the card's back shows in Anki, and cites what it cited. It was
    titled by its question's first line, so a bank with the card and one without titled
    it two ways (fifty-fifth round)."""
    bank = load_bank(content_roots([_deck_bank(tmp_path)], include_bundled=False))
    cards = [c for c in bank.cards if c.kind != "coding"]
    assert len(cards) == 3 + len(_AWKWARD)
    with anki_holding(cards, tmp_path) as col:
        for note_id in col.find_notes(""):
            note = col.get_note(note_id)
            note["Title"] = ""
            col.update_note(note)
        notes = export_text(col, tmp_path / "notes.txt", with_html=with_html)

    into = tmp_path / "new-bank"
    result = run_import(str(notes), "--pack", "back", "--into", str(into))

    assert result.exit_code == 0, result.output
    back = {c.id: c for c in load_bank(content_roots([into], include_bundled=False)).cards}
    unread = set() if with_html else {"bigger-learning-rate", "softmax-gradient"}
    cards = [c for c in cards if c.id not in unread]  # without HTML: skipped, as ever
    assert {i: c.front.title for i, c in back.items()} == {c.id: c.front.title for c in cards}
    for card in cards:
        place, _, cited = back[card.id].front.source.partition(" · ")
        assert place.startswith("notes.txt Q") and cited == card.front.source
    # no title here is its question's first line: the question titled none of them
    assert all(c.front.title not in c.section("Question") for c in cards)


def test_a_source_field_written_over_leaves_the_question_to_title_it(tmp_path: Path) -> None:
    """With no title shown anywhere on the card (its Source line written over in Anki, no
    ` · ` left), the question's first line titles it, as any Anki note's; a title typed
    at the head of the Source line is the one the card shows, and its title."""
    (tmp_path / "bank").mkdir()
    bank = load_bank(content_roots([_deck_bank(tmp_path / "bank")], include_bundled=False))
    [card] = [c for c in bank.cards if c.id == "awkward-1"]
    with anki_holding([card], tmp_path) as col:
        [note_id] = col.find_notes("")
        note = col.get_note(note_id)
        note["Title"] = ""
        note["Source"] = "Goodfellow et al. 2016, ch. 5"
        col.update_note(note)
        written_over = export_text(col, tmp_path / "over.txt")
        note["Source"] = "Bias and variance · Goodfellow et al. 2016, ch. 5"
        col.update_note(note)
        retitled = export_text(col, tmp_path / "retitled.txt")

    for notes, title in ((written_over, QUESTION), (retitled, "Bias and variance")):
        into = tmp_path / notes.stem
        result = run_import(str(notes), "--pack", "back", "--into", str(into))
        assert result.exit_code == 0, result.output
        [back] = into.rglob("awkward-1.md")
        assert front(back)["title"] == title
        assert front(back)["source"] == f"{notes.name} Q1 · Goodfellow et al. 2016, ch. 5"


def test_an_older_export_s_dotted_title_is_cut_whole_from_its_source(tmp_path: Path) -> None:
    """An export from before the fifty-second round wrote the title's `·` as it was: with
    the Title field empty, the Source field `Bias · variance · Goodfellow` was cut at its
    first dot ("variance · Goodfellow"); the card's title in the bank cuts it whole."""
    into = tmp_path / "back"
    notes = tmp_path / "old.txt"
    notes.write_text(_old_row("Bias · variance · Goodfellow", ""), "utf-8")
    result = run_import(str(notes), "--pack", "back", "--into", str(into), "--topic", "anki")
    assert result.exit_code == 0, result.output
    [card] = into.rglob("bias-variance.md")
    assert front(card)["source"] == "old.txt Q1 · variance · Goodfellow"  # no title known
    text = card.read_text("utf-8").replace(
        f"title: {front(card)['title']}", 'title: "Bias · variance"'
    )
    card.write_text(text, "utf-8")

    result = run_import(
        str(notes), "--pack", "back", "--into", str(into), "--topic", "anki", "--force"
    )

    assert result.exit_code == 0, result.output
    assert front(card)["title"] == "Bias · variance"
    assert front(card)["source"] == "old.txt Q1 · Goodfellow"
