"""RemNote's clozes in list items: RemNote users write nearly everything as bullets
(`- The {{ReLU}} activation ...`, nested under a topic's bullet), and such notes were "no
questions found", every cloze lost. Each item is now a cloze note of its own."""

from __future__ import annotations

from pathlib import Path

from quiz.ecosystem.remnote import item_clozes, remnote_clozes
from tests.ecosystem.test_import_notes import answer_of, imported_cards, run_import

_BULLETS = (
    "- Activations\n"
    "    - The {{ReLU}} activation is max(0, x) and keeps positive inputs.\n"
    "    - {{Sigmoid}} squashes any real number into the range (0, 1).\n"
    "        - Its derivative is {{s(1 - s)}}, at most one quarter.\n"
    "- Optimizers\n"
    "\t- Adam keeps a running mean of the {{gradients}} and of their {{squares}}.\n"
    "\t1. [x] Momentum adds a {{velocity}} term to each step.\n"
)


def test_each_bullet_with_a_cloze_is_a_card_per_deletion(tmp_path: Path) -> None:
    cards, said, notes = imported_cards(tmp_path, _BULLETS)
    assert set(cards) == {
        "The [...] activation is max(0, x) and keeps positive inputs",
        "[...] squashes any real number into the range (0, 1)",
        "Its derivative is [...], at most one quarter",
        "Adam keeps a running mean of the [...] and of their squares",
        "Adam keeps a running mean of the gradients and of their [...]",
        "Momentum adds a [...] term to each step",
    }, said
    relu = cards["The [...] activation is max(0, x) and keeps positive inputs"]
    assert answer_of(relu) == "The **ReLU** activation is max(0, x) and keeps positive inputs."
    squares = cards["Adam keeps a running mean of the gradients and of their [...]"]
    assert answer_of(squares).endswith("of their **squares**.")
    assert "**gradients**" not in answer_of(squares)  # only its own deletion is bold
    ids = sorted(p.stem for p in cards.values())
    assert sum(i.endswith(("-c1", "-c2")) for i in ids) == 2  # one note, two cards
    assert "no questions found" not in said and "not imported" not in said
    assert (
        f"{notes}:2: note: RemNote: RemNote's clozes ('{{{{...}}}}', lines 2, 3, 4, 6, 7) read"
        " as Anki's ('{{c1::...}}'), a card per deletion; each list item holding one"
    ) in said


def test_a_reimport_of_the_bullets_changes_nothing(tmp_path: Path) -> None:
    cards, _, notes = imported_cards(tmp_path, _BULLETS)
    again = run_import(str(notes), "--into", str(tmp_path / "c"))
    assert again.exit_code == 0, again.output
    assert "wrote" not in again.output
    assert len(list((tmp_path / "c").rglob("*.md"))) == len(cards)


def test_what_is_no_one_line_cloze_item_is_left_as_written() -> None:
    for text in (
        "- The {{ReLU}} activation runs on\nover a line not indented (lazy).\n",
        "- Q: What is {{x}}? **A:** a value\n",
        "- ReLU {{x}} >> keeps the positive part of x\n- Adam >> adaptive moments\n",
        "- The {{ReLU}} activation as prose?\n",  # stays the item it is: read as before
    ):
        written, lines = remnote_clozes(text)
        got, sources, bold = item_clozes(written, lines)
        if text.startswith("- The {{ReLU}} activation as"):
            assert got.startswith("- Q: The [...] activation as prose?"), got
            continue
        assert (got, sources, bold) == (written, (), ()), text
    # an item running on to an indented line is asked whole (forty-second round)
    written, lines = remnote_clozes("- The {{ReLU}} activation runs on\n  over a second line.\n")
    got, sources, _ = item_clozes(written, lines)
    assert got == (
        "- Q: The [...] activation runs on over a second line. **A:** The **ReLU** activation"
        " runs on over a second line.\n\n"
    )
    assert [s.texts for s in sources] == [
        ("The {{c1::ReLU}} activation runs on over a second line.",)
    ]


def test_a_cloze_item_keeps_its_indent_mark_and_line_end() -> None:
    written, lines = remnote_clozes("- A\r\n\t* The {{learning rate}} scales each step.\r\n")
    got, sources, _ = item_clozes(written, lines)
    assert got == (
        "- A\r\n\t* Q: The [...] scales each step. **A:** The **learning rate** scales each"
        " step.\r\n"
    )
    assert [s.line for s in sources] == [2]


def test_a_cloze_item_in_a_questions_answer_is_bold_in_it(tmp_path: Path) -> None:
    """Under a question, an item's `{{...}}` is that answer's highlight, no card: read as
    its own question it took the heading's answer away (the heading a section, its other
    items "not imported"), and left as it was the card showed `{{c1::max(0, x)}}`."""
    cards, said, notes = imported_cards(
        tmp_path,
        "# Activations\n"
        "- The {{ReLU}} activation keeps positive inputs.\n"
        "\n"
        "## What does ReLU compute?\n"
        "\n"
        "It is applied elementwise.\n"
        "\n"
        "- It computes {{max(0, x)}} for each input.\n"
        "- It is cheap and does not saturate for positive inputs.\n"
        "\n"
        "- Why is ReLU cheap? >>>\n"
        "    - It needs one {{comparison}} per input.\n"
        "- Dropout #card\n"
        "    - It zeroes units with probability {{p}} while training.\n",
    )
    relu = cards["What does ReLU compute?"]
    assert answer_of(relu) == (
        "It is applied elementwise.\n\n- It computes **max(0, x)** for each input.\n"
        "- It is cheap and does not saturate for positive inputs."
    )
    assert answer_of(cards["Why is ReLU cheap?"]) == "- It needs one **comparison** per input."
    assert "**p**" in answer_of(cards["Dropout"])
    assert len(cards) == 4, said  # and the first item's cloze
    assert "not imported" not in said
    assert (
        f"{notes}:2: note: RemNote: RemNote's clozes ('{{{{...}}}}', line 2) read as Anki's"
        " ('{{c1::...}}'), a card per deletion; each list item holding one (line 2) is a note"
        " of its own; those in a question's answer (lines 8, 12, 14) are shown bold in it"
    ) in said


def test_clozes_only_in_answers_are_said_to_be_no_cards(tmp_path: Path) -> None:
    _, said, notes = imported_cards(
        tmp_path, "## What does ReLU compute?\n\n- It computes {{max(0, x)}} for each input.\n"
    )
    assert (
        f"{notes}:3: note: RemNote: RemNote's clozes ('{{{{...}}}}', line 3) in a question's"
        " answer are shown bold in it, no cards of their own"
    ) in said


def _question_of(path: Path) -> str:
    text = path.read_text(encoding="utf-8")
    return text.split("## Question\n", 1)[1].split("## Answer", 1)[0].strip()


def test_a_cloze_items_parents_are_shown_before_it(tmp_path: Path) -> None:
    """RemNote shows a card's parents above it: "Its derivative is [...]" alone did not say
    whose. The parents' text comes first in the question (their clozes shown), the id is
    still the item's own, and a parent that is a card of another kind is left out."""
    cards, _, _ = imported_cards(
        tmp_path,
        "# Deep learning\n"
        "- Activations\n"
        "    - {{Sigmoid}} squashes any real number into the range (0, 1).\n"
        "        - Its derivative is {{s(1 - s)}}, at most one quarter.\n"
        "- Backprop >> the chain rule applied from the loss backwards\n"
        "    - It costs about {{two}} forward passes.\n"
        "- Momentum >> a running mean of the gradients\n"
        "{{Top}} level lines have no parents at all here.\n",
    )
    derivative = cards["Its derivative is [...], at most one quarter"]
    assert _question_of(derivative) == (
        "Activations › **Sigmoid** squashes any real number into the range (0, 1).\n\n"
        "Its derivative is [...], at most one quarter."
    )
    assert derivative.stem == "derivative-at-most-one-quarter"  # made from its own words
    sigmoid = cards["[...] squashes any real number into the range (0, 1)"]
    assert _question_of(sigmoid).startswith("Activations\n\n[...] squashes")
    costs = cards["It costs about [...] forward passes"]
    assert _question_of(costs) == "It costs about [...] forward passes."
