"""A cloze note of several deletions gives a card per deletion, as Anki and RemNote ask it.

Each reader of Markdown clozes (a Spaced Repetition note's `==highlights==`, Anki's
`{{c1::...}}` kept in notes, RemNote's `{{...}}`, Logseq's `{{cloze ...}}`) made ONE card
that hid every deletion at once. Now each deletion (each Anki number, its deletions
together) is its own card, the others shown, with the note's id and `-c1`, `-c2`..., so a
re-import updates rather than duplicates.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from quiz.bank.lint import lint
from tests.ecosystem.test_import_notes import answer_of, front, run_import


def _import(notes: Path, content: Path) -> dict[str, Path]:
    """The cards the import wrote, by id."""
    result = run_import(str(notes), "--pack", "ml", "--topic", "t", "--into", str(content))
    assert result.exit_code == 0, result.output
    return {str(front(path)["id"]): path for path in (content / "ml" / "t").glob("*.md")}


SR_NOTE = """\
#flashcards

Adam keeps a ==running mean== of the gradients and a ==running mean of squares==.

The loss {{c1::diverges}} when the rate is {{c2::too high}} and {{c1::oscillates}} near it.

Dropout was introduced by ==Srivastava== et al. in 2014.
"""


def test_highlights_and_anki_numbers_give_a_card_each(tmp_path: Path) -> None:
    notes = tmp_path / "optim.md"
    notes.write_text(SR_NOTE, encoding="utf-8")
    content = tmp_path / "c"
    cards = _import(notes, content)
    titles = {card_id: str(front(path)["title"]) for card_id, path in cards.items()}
    assert titles == {
        "adam-keeps-gradients-c1": "Adam keeps a [...] of the gradients and a running mean of"
        " squares",
        "adam-keeps-gradients-c2": "Adam keeps a running mean of the gradients and a [...]",
        # c1's two deletions are one card; c2 the other, as Anki makes them
        "loss-when-rate-near-c1": "The loss [...] when the rate is too high and [...] near it",
        "loss-when-rate-near-c2": "The loss diverges when the rate is [...] and oscillates near it",
        # one deletion: one card, its id as before (no -c1)
        "dropout-introduced-by-et-al-2014": "Dropout was introduced by [...] et al. in 2014",
    }
    assert answer_of(cards["adam-keeps-gradients-c2"]) == (
        "Adam keeps a running mean of the gradients and a **running mean of squares**."
    )
    assert answer_of(cards["loss-when-rate-near-c1"]) == (
        "The loss **diverges** when the rate is too high and **oscillates** near it."
    )
    assert all(front(p)["source"] == "optim.md Q2" for i, p in cards.items() if "loss" in i)
    assert lint([content])[1] == []


def test_a_reimport_updates_and_never_duplicates(tmp_path: Path) -> None:
    notes = tmp_path / "optim.md"
    notes.write_text(SR_NOTE, encoding="utf-8")
    content = tmp_path / "c"
    first = _import(notes, content)
    again = run_import(str(notes), "--pack", "ml", "--topic", "t", "--into", str(content))
    assert "0 cards written, 5 unchanged" in again.output, again.output
    # a deletion mended: the same card's file (its id, its reviews), refused as changed
    notes.write_text(SR_NOTE.replace("==running mean==", "==running average=="), "utf-8")
    mended = run_import(str(notes), "--pack", "ml", "--topic", "t", "--into", str(content))
    assert "adam-keeps-gradients-c1" in mended.output
    assert sorted(p.name for p in (content / "ml" / "t").glob("*.md")) == sorted(
        f"{i}.md" for i in first
    )


def test_remnote_clozes_ask_each_deletion(tmp_path: Path) -> None:
    notes = tmp_path / "acts.md"
    notes.write_text(
        "{{ReLU}} is max(0, x) and {{sigmoid}} squashes any input into (0, 1).\n",
        encoding="utf-8",
    )
    cards = _import(notes, tmp_path / "c")
    titles = sorted(str(front(p)["title"]) for p in cards.values())
    assert titles == [
        "ReLU is max(0, x) and [...] squashes any input into (0, 1)",
        "[...] is max(0, x) and sigmoid squashes any input into (0, 1)",
    ]
    assert all(card_id.endswith(("-c1", "-c2")) for card_id in cards)


def test_logseq_clozes_ask_each_cloze_with_the_child_blocks(tmp_path: Path) -> None:
    notes = tmp_path / "logseq.md"
    notes.write_text(
        "- The {{cloze softmax}} turns logits into {{cloze probabilities}}. #card\n"
        "  - It is used at the output layer of a classifier.\n",
        encoding="utf-8",
    )
    cards = _import(notes, tmp_path / "c")
    assert sorted(cards) == ["turns-logits-into-c1", "turns-logits-into-c2"]
    second = cards["turns-logits-into-c2"]
    assert front(second)["title"] == "The softmax turns logits into [...]"
    answer = answer_of(second)
    assert answer.startswith("The softmax turns logits into **probabilities**.")
    assert "output layer of a classifier" in answer


def test_a_note_imported_before_as_one_card_keeps_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    notes = tmp_path / "optim.md"
    notes.write_text(SR_NOTE, encoding="utf-8")
    content = tmp_path / "c"
    with monkeypatch.context() as patched:  # the import as it was: a card a note
        patched.setattr("quiz.ecosystem.importer.split_clozes", lambda parsed, _s: parsed)
        before = _import(notes, content)
    assert "adam-keeps-gradients" in before
    again = run_import(str(notes), "--pack", "ml", "--topic", "t", "--into", str(content))
    assert again.exit_code == 0, again.output
    assert "0 cards written, 3 unchanged" in again.output, again.output
    assert "imported before as one card with every deletion hidden" in again.output
    assert sorted(p.stem for p in (content / "ml" / "t").glob("*.md")) == sorted(before)
