"""`drillbit show --answer` prints a choice card's right options one a line, each with the
number the question gave it (the file's order, as the Anki export numbers them): a
comma-joined list could not be read apart, since many options hold commas themselves."""

from __future__ import annotations

from functools import cache

from quiz.bank.loader import load_bank
from quiz.bank.models import Card, ChoiceFront
from quiz.bank.sources import bundled_content_dir
from quiz.cardtext import card_as_text


@cache
def _cards() -> dict[str, Card]:
    return {card.id: card for card in load_bank([bundled_content_dir()]).cards}


def _answer_lines(text: str) -> list[str]:
    answer = text.split("## Answer\n\n", 1)[1].split("\n\n", 1)[0]
    return answer.splitlines()


def test_select_all_answer_prints_each_right_option_on_its_own_numbered_line() -> None:
    text = card_as_text(_cards()["positional-encoding-claims"], answer=True)
    assert _answer_lines(text) == [
        "1. Unmasked self-attention without positional information gives a sequence and"
        " its reversal the same outputs, reordered",
        "3. In the sinusoidal encoding, columns 2i and 2i+1 share the frequency 1 / 10000^(2i/d)",
        "5. For a fixed offset Δ, PE_(p+Δ) is a linear function of PEₚ, the same one for"
        " every position p",
    ]


def test_every_choice_answer_repeats_the_questions_lines_of_its_right_options() -> None:
    checked = 0
    for card in _cards().values():
        front = card.front
        if not isinstance(front, ChoiceFront):
            continue
        question = card_as_text(card)
        numbered = [line for line in question.splitlines() if line[:1].isdigit()]
        listed = numbered[-len(front.choices) :]  # the options come last
        right = [listed[i] for i in sorted(front.correct)]
        assert _answer_lines(card_as_text(card, answer=True)) == right, card.id
        checked += 1
    assert checked > 10  # the bank's choice cards were all read
