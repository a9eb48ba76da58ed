"""A note of drillbit's own Anki export whose Title field the user cleared in Anki keeps
its card's title on re-import (import54): an emptied field is no new title, and a card
needs one. Titled by its question's first line instead, the card "already exists with
another title" and was skipped at every re-import, or with `--force` retitled once.
What the card cites is read after the kept title, so an older export's title holding
` · ` is cut whole from the Source field."""

from __future__ import annotations

from pathlib import Path

from quiz.bank.loader import load_bank
from quiz.bank.sources import content_roots
from tests.ecosystem.anki_through import anki_holding, export_text
from tests.ecosystem.test_anki_title_dots import SOURCE, TITLE, _notes, _old_row
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


def test_without_its_card_in_the_bank_the_question_titles_it(tmp_path: Path) -> None:
    notes = _notes(tmp_path, "", with_html=True)

    result = run_import(str(notes), "--pack", "back", "--into", str(tmp_path / "back"))

    assert result.exit_code == 0, result.output
    [card] = (tmp_path / "back").rglob("bias-variance.md")
    assert front(card)["title"] == QUESTION
    assert front(card)["source"] == f"notes.txt Q1 · {SOURCE}"


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
