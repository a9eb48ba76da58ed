"""import42's leftovers: a `}}` of a deletion's own math named with its fix, and a cloze
card titled by its whole sentence when a `<br>` outside its deletions splits it."""

from __future__ import annotations

from pathlib import Path

from quiz.ecosystem.ankitext import parse_anki_text
from tests.ecosystem.test_import_notes import run_import


def _deck(*fronts: str) -> str:
    return "#separator:tab\n#html:true\n" + "".join(f"{f}\tan extra line\n" for f in fronts)


def test_a_deletion_ended_by_its_own_maths_braces_is_named_with_the_fix(tmp_path: Path) -> None:
    deck = tmp_path / "deck.txt"
    deck.write_text(
        _deck(
            "Softmax gives {{c1::$e^{z_i}}$}} over the sum of all.",  # ended at z_i's `}}`
            "Softmax takes {{c1::$e^{z_i} }$}} over the sum.",  # the fix: no warning
            r"The set {{c1::$\{x_i\}$}} has {{c2::$n^{2}$}} pairs.",  # balanced, escaped
        ),
        encoding="utf-8",
    )
    result = run_import(str(deck), "--pack", "ml", "--into", str(tmp_path / "c"))
    assert result.exit_code == 0, result.output
    assert result.output.count("ends at a '}}' of its math") == 1, result.output
    assert (
        "deck.txt:3: note: 'Softmax gives [...]$}} over the sum of all.': its deletion c1"
        " ('{{c1::$e^{z_i}}') ends at a '}}' of its math, as Anki ends it: write '} }'"
        " there" in result.output
    ), result.output


def test_a_break_outside_the_deletions_mid_sentence_titles_by_the_whole_sentence() -> None:
    questions = parse_anki_text(
        _deck(
            "Adam keeps {{c1::a running mean}}<br>of the {{c2::gradient}}.",
            "The {{c1::softmax}} maps logits<br>{{c2::to probabilities}}.<br>More here.",
            "Softmax<br>It maps {{c1::logits}} to probabilities.",  # two sentences: as before
            "Adam keeps {{c1::a running mean.}}<br>it is cheap.",  # its deletion ends one
        )
    ).questions
    titles = [q.title for q in questions]
    assert titles == [
        "Adam keeps [...] of the gradient.",  # was "Adam keeps [...]"
        "Adam keeps a running mean of the [...].",
        "The [...] maps logits to probabilities.",
        "The softmax maps logits [...].",
        "Softmax",
        "Adam keeps [...]",
    ]
    assert questions[2].prompt == "More here."
    assert questions[4].prompt == "It maps [...] to probabilities."
    # the id keeps the words before the break, so a card imported before keeps its reviews
    assert [q.id_title for q in questions[:1]] == ["Adam keeps [...]"]


def test_a_markdown_notes_deletion_ended_by_its_maths_braces_is_named(tmp_path: Path) -> None:
    notes = tmp_path / "n.md"
    notes.write_text(
        "#flashcards\n\nSoftmax gives {{c1::$e^{z_i}}$}} over the sum of all.\n\n"
        "Softmax takes {{c1::$e^{z_i} }$}} over the sum.\n",
        encoding="utf-8",
    )
    result = run_import(str(notes), "--pack", "ml", "--into", str(tmp_path / "c"))
    assert result.exit_code == 0, result.output
    warned = [line for line in result.output.splitlines() if "of its math" in line]
    assert len(warned) == 1, result.output  # was none: half a formula hidden without a word
    assert "n.md:3: note: 'Softmax gives [...]" in warned[0], warned
    assert "write '} }' there" in warned[0], warned
