"""Anki's clozes in a note tagged #flashcards (`{{c1::diverge}}`, as notes kept for Anki
write them) are cloze cards, not `Question::Answer` lines split inside the cloze.

The line "A learning rate that is too high makes the loss {{c1::diverge}}." was the
question "A learning rate that is too high makes the loss {{c1" over the answer
"diverge}}.", skipped as too short; and `What is std::move for?::It casts...` was split
at `std::`, the question "What is std"."""

from __future__ import annotations

from pathlib import Path

from quiz.bank.lint import lint
from quiz.ecosystem.srcards import read_sr_cards
from tests.ecosystem.test_import_notes import answer_of, front, run_import

NOTE = """\
#flashcards/ml

A learning rate that is too high makes the loss {{c1::diverge}}.

Adam keeps running averages of the {{c1::gradient}} and of its {{c2::square::power}}.

What is std::move for?::It casts its argument to an rvalue, so it can be moved from.
"""


def test_anki_clozes_are_cloze_cards(tmp_path: Path) -> None:
    notes = tmp_path / "optim.md"
    notes.write_text(NOTE, encoding="utf-8")
    content = tmp_path / "c"
    result = run_import(str(notes), "--pack", "ml", "--into", str(content))
    assert result.exit_code == 0, result.output
    cards = {str(front(path)["title"]): path for path in content.rglob("*.md")}
    assert sorted(cards) == [
        "A learning rate that is too high makes the loss [...]",
        # one card per number, as Anki makes them; the other number's text shown
        "Adam keeps running averages of the [...] and of its square",
        "Adam keeps running averages of the gradient and of its [power]",
        "What is std::move for?",
    ]
    diverge = cards["A learning rate that is too high makes the loss [...]"]
    assert answer_of(diverge) == "A learning rate that is too high makes the loss **diverge**."
    assert front(cards["What is std::move for?"])["key_points"] == [
        "It casts its argument to an rvalue, so it can be moved from."
    ]
    assert "1 'Question::Answer' and 2 clozes ({{c1::...}})" in result.output
    assert "{{c1::diverge" not in result.output and "loss {{c1" not in result.output
    assert lint([content])[1] == []


def test_a_cloze_line_is_no_question_and_answer() -> None:
    rows = read_sr_cards("#flashcards\n\nThe loss {{c1::diverges}} here.\n").text.split("\n")
    assert rows[2] == "Q: The loss [...] here. **A:** The loss **diverges** here."
    # a Dataview field (one word before `::`) is still no card, cloze or not
    assert read_sr_cards("#flashcards\n\nsource:: Goodfellow\n").text.endswith(
        "source:: Goodfellow\n"
    )
