"""What a due session is told of its cards another drillbit changed meanwhile: the
exceptions an answer raises for such a card and the words the screen says.

Two drillbits studying one progress (two shells) each asked the other's cards again;
`Session` checks the store at every card shown and answer (`Store.changed_elsewhere`)
and takes such cards out of its queue.
"""

from __future__ import annotations

from collections.abc import Sequence

from quiz.study.cards import StudyCard

__all__ = [
    "AnsweredElsewhere",
    "ChangedElsewhere",
    "SetAsideElsewhere",
    "answered_elsewhere_phrase",
    "back_elsewhere_phrase",
    "set_aside_elsewhere_phrase",
    "stepped_elsewhere_phrase",
]


class ChangedElsewhere(Exception):
    """The current card was changed in another drillbit while it was shown here: nothing
    was logged, and it left the queue (`Session.current` moved on)."""

    def __init__(self, card: StudyCard, what: str) -> None:
        super().__init__(f"{card.id} was {what} in another drillbit meanwhile")
        self.card = card


class AnsweredElsewhere(ChangedElsewhere):
    """The current card was answered elsewhere and is not due again yet. Logged anyway,
    the same card got a second review seconds after the first (a Good on its 10-minute
    step graduated it two days out)."""

    def __init__(self, card: StudyCard) -> None:
        super().__init__(card, "answered")


class SetAsideElsewhere(ChangedElsewhere):
    """The current card was suspended or buried elsewhere. Logged anyway, the answer
    gave a card taken out of study a new due time, as if the suspension had not been."""

    def __init__(self, card: StudyCard, suspended: bool) -> None:
        super().__init__(card, "suspended" if suspended else "buried")
        self.suspended = suspended


def answered_elsewhere_phrase(cards: Sequence[StudyCard]) -> str:
    """What a person is told when cards of the session were answered in another drillbit
    (`Session.answered_elsewhere`): they are not asked twice."""
    what = f"'{cards[0].title}' was" if len(cards) == 1 else f"{len(cards)} cards were"
    return f"{what} answered in another drillbit meanwhile: not asked again here."


def set_aside_elsewhere_phrase(cards: Sequence[tuple[StudyCard, bool]]) -> str:
    """What a person is told when cards of the session were suspended (True) or buried
    (False) in another drillbit (`Session.set_aside_elsewhere`): they are not asked here."""
    kinds = {suspended for _card, suspended in cards}
    how = "suspended or buried" if len(kinds) > 1 else "suspended" if True in kinds else "buried"
    what = f"'{cards[0][0].title}' was" if len(cards) == 1 else f"{len(cards)} cards were"
    return f"{what} {how} in another drillbit meanwhile: not asked here."


def back_elsewhere_phrase(cards: Sequence[StudyCard]) -> str:
    """What a person is told when cards came back into the session (`Session.back_elsewhere`):
    unsuspended or unburied in another drillbit and still due, they are asked after all."""
    what = f"'{cards[0].title}' is" if len(cards) == 1 else f"{len(cards)} cards are"
    return f"{what} back in study (put back in another drillbit): asked here after all."


def stepped_elsewhere_phrase(cards: Sequence[StudyCard]) -> str:
    """What a person is told when cards of the session were answered in another drillbit
    into a learning step due later today (`Session.stepped_elsewhere`): asked here at it."""
    what = f"'{cards[0].title}' was" if len(cards) == 1 else f"{len(cards)} cards were"
    return f"{what} answered in another drillbit meanwhile: asked here again at its step."
