"""The words of `retyped_notice`, which tells what to do about cards whose kind changed.

Written for the forty-seventh round's mutation audit of quiz/ecosystem/anki.py: its tests
read seven cards' notice and a part of one card's (through the CLI, whose output is wrapped),
so the one card's "that note" and "the card comes back... its reviews" could be the plural's,
and the five ids shown before "and N more" could be four or six (`> 5` made `>= 5`, either 5
made 4 or 6), unseen.
"""

from __future__ import annotations

from quiz.ecosystem.anki import retyped_notice

SKIPPED = ": Anki never changes an imported note's type, so its import skips"


def test_one_card_is_told_of_in_the_singular() -> None:
    assert retyped_notice(["sigmoid-max-slope"]) == (
        "1 card changed kind since your last export (sigmoid-max-slope)"
        f"{SKIPPED} that note; delete it in Anki (search CardId:sigmoid-max-slope) and"
        " import again (the card comes back new, without its reviews)."
    )


def test_two_cards_are_told_of_in_the_plural() -> None:
    assert retyped_notice(["one", "two"]) == (
        f"2 cards changed kind since your last export (one, two){SKIPPED} those notes;"
        " delete them in Anki (search CardId:one, and so on for each) and import again"
        " (the cards come back new, without their reviews)."
    )


def test_five_cards_are_all_named_and_a_sixth_is_counted() -> None:
    five = [f"card-{n}" for n in range(5)]
    assert retyped_notice(five).startswith(
        f"5 cards changed kind since your last export (card-0, card-1, card-2, card-3, card-4){SKIPPED}"
    )
    assert retyped_notice([*five, "card-5"]).startswith(
        "6 cards changed kind since your last export"
        f" (card-0, card-1, card-2, card-3, card-4 and 1 more){SKIPPED}"
    )
