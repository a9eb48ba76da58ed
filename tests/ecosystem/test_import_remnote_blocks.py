"""RemNote's multi-line cards (`Front >>>` over indented lines), its clozes (`{{ReLU}}`)
and a `<<` card whose front is a term: each was text not imported, or a card skipped as
"too short"."""

from __future__ import annotations

from pathlib import Path

from quiz.ecosystem.remnote import read_remnote_cards, remnote_clozes
from tests.ecosystem.test_import_notes import answer_of, front, imported_cards


def test_a_multi_line_card_is_answered_by_its_children(tmp_path: Path) -> None:
    cards, said, notes = imported_cards(
        tmp_path,
        "# Activations\n"
        "\n"
        "- Why use ReLU over sigmoid? >>>\n"
        "    - It does not saturate for positive inputs.\n"
        "    - It is cheap to compute.\n"
        "- What does dropout do? >>>\n"
        "    - It zeroes random units during training.\n"
        "    - It acts as an ensemble of thinned networks.\n",
    )
    assert set(cards) == {"Why use ReLU over sigmoid?", "What does dropout do?"}, said
    assert front(cards["What does dropout do?"])["key_points"] == [
        "It zeroes random units during training.",
        "It acts as an ensemble of thinned networks.",
    ]
    assert f"{notes}:3: note: RemNote: 2 multi-line cards ('Front >>>', lines 3, 6)" in said
    assert "not imported" not in said


def test_what_is_no_multi_line_card_is_left() -> None:
    for text in (
        "- A front >>>\n- no child under it\n",  # nothing indented under it
        ">>> import numpy as np\n>>> np.zeros(3)\n",  # a Python prompt
        "```\n- Front >>>\n    - child\n```\n",
        "- `a >>>`\n    - child\n",  # in a code span
    ):
        assert read_remnote_cards(text).text == text, text


def test_remnote_clozes_ask_as_ankis_do(tmp_path: Path) -> None:
    cards, said, notes = imported_cards(
        tmp_path,
        "{{ReLU}} is the activation that keeps positive inputs and zeroes the rest.\n"
        "\n"
        "The {{learning rate}} scales each gradient descent step.\n",
    )
    assert len(cards) == 2, said
    relu = next(p for title, p in cards.items() if "keeps positive inputs" in title)
    assert str(front(relu)["title"]).startswith("[...] is the activation")
    assert "ReLU" in answer_of(relu)
    assert f"{notes}:1: note: RemNote: RemNote's clozes ('{{{{...}}}}', lines 1, 3)" in said


def test_remnote_clozes_are_numbered_and_nothing_else_is_one() -> None:
    assert remnote_clozes("The {{a}} and {{b c}} here.\n") == (
        "The {{c1::a}} and {{c2::b c}} here.\n",
        (1,),
    )
    for text in (
        "In code, `{{x}}` is a template.\n",
        "Math: $\\frac{{a}}{b}$ here.\n",
        "\t- Math: $\\frac{{a}}{b}$ in an item indented by a tab.\r\n",
        "    1. Math: $\\frac{{a}}{b}$ in a numbered one.\n",
        "{{embed [[page]]}} and {{query (todo now)}}\n",
        "Anki's {{c1::own}} and {{kept}} as written.\n",
        "```\n{{x}}\n```\n",
        "{{ spaced }} and {{}} and {{{x}}}\n",
    ):
        assert remnote_clozes(text) == (text, ()), text


def test_a_backward_term_card_is_asked_from_its_term(tmp_path: Path) -> None:
    """`ReLU << the activation ...` asked from its back has the one-word answer "ReLU",
    skipped as too short as a term list's (Quizlet's, Anki's) one-word answer is; a term
    list's card is asked from its term, and so is this one. A `<<` card whose front is a
    statement still asks its back, and one whose sides are both short asks its back too,
    answered by its one word, as any one-word answer is."""
    cards, said, notes = imported_cards(
        tmp_path,
        "ReLU << the activation that keeps positive inputs and zeroes the rest\n"
        "the step size of gradient descent << Learning rate\n"
        "Sigmoid << max(0, x)\n",
    )
    assert set(cards) == {"ReLU", "Learning rate", "max(0, x)"}, said
    assert answer_of(cards["max(0, x)"]) == "Sigmoid"
    assert (
        answer_of(cards["ReLU"]) == "the activation that keeps positive inputs and zeroes the rest"
    )
    assert answer_of(cards["Learning rate"]) == "the step size of gradient descent"
    assert "the backward ones whose front is a term ('<<', line 1) are asked from the front" in said
    assert "('<<', lines 2, 3) ask their back" in said
    assert "skipped" not in said
