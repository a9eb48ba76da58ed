"""A choice card's option written twice.

Two options with the same words (case and spacing aside) cannot be told apart, and where
one of them is the right answer the other is graded wrong. The schema refuses such a card;
the words are here, free of pydantic, so that lint tells the problem at the option written
again (`parse`, which imports pydantic only to validate).
"""

from __future__ import annotations

from collections.abc import Sequence

__all__ = ["choice_repeated_words", "repeated_choice"]


def repeated_choice(choices: Sequence[object]) -> tuple[int, int] | None:
    """(earlier, later) indexes of the first option written twice, case and spacing aside."""
    seen: dict[str, int] = {}
    for index, choice in enumerate(choices):
        if not isinstance(choice, str):
            continue  # not text: the schema says so on its own
        said = " ".join(choice.split()).casefold()
        if said in seen:
            return seen[said], index
        seen[said] = index
    return None


def choice_repeated_words(choices: Sequence[object], repeated: tuple[int, int]) -> str:
    """The message for `repeated_choice`'s pair, counted from 0 as `answer` counts."""
    first, again = repeated
    return (
        f"option {again} (counted from 0) repeats option {first} ({choices[again]!r}): a "
        "learner cannot tell them apart; reword one of them or drop it"
    )
