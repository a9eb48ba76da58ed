"""Setting a card aside: suspend it (until unsuspended) or bury it (until tomorrow), and
the words a person is told after (a session's `s`/`-` keys and the card browser's).
"""

from __future__ import annotations

from datetime import datetime, tzinfo
from typing import Literal, NamedTuple

from quiz.store import CardFlag, Store
from quiz.study.cards import StudyCard
from quiz.study.days import as_utc, next_day_start


def set_card_aside(
    store: Store, card_id: str, *, suspend: bool, now: datetime, tz: tzinfo
) -> CardFlag:
    """Suspend a card (until unsuspended) or bury it until the start of tomorrow in `tz`.

    Burying a suspended card leaves it suspended: a bury is for today only, and it must
    not quietly bring back a card someone took out of study. Returns the card's flag.

    Tomorrow starts at the next study day's start on the wall (`next_day_start`), not 24
    hours after today's: on the night the clocks went back that brought a card buried at
    23:00 back at 03:00, still the same study day, and the night they went forward kept
    it buried until 05:00.
    """
    moment = as_utc(now)
    if suspend:
        store.set_flag(card_id, suspended=True, buried_until=None, now=moment)
        return CardFlag(card_id=card_id, suspended=True, buried_until=None)
    return store.bury(card_id, until=next_day_start(moment, tz), now=moment)


def aside_phrase(flag: CardFlag) -> str:
    """What a person is told after a suspend or a bury."""
    if flag.suspended:
        return (
            "Suspended"
            if flag.buried_until is None
            else "Still suspended (a bury leaves a suspended card as it is)"
        )
    return "Buried until tomorrow"


AsideAction = Literal["bury", "suspend"]


class SetAside(NamedTuple):
    """A card buried or suspended in a session, with the flag it has now."""

    card: StudyCard
    flag: CardFlag
    action: AsideAction
    """What was done, as asked: not read back from `flag`, which is the result (a bury
    leaves a suspended card suspended, a suspend ends a burial)."""


def toggle_aside(
    store: Store,
    card: StudyCard,
    *,
    suspend: bool,
    shown_as: str,
    now: datetime,
    tz: tzinfo,
) -> str:
    """The card browser's `s` (suspend) or `b` (bury) on a card: set it aside, or, when
    its row shows it so already (`shown_as`, the row's state), put it back into study, as
    Anki's browser toggles; returns what the person is told."""
    if shown_as == ("suspended" if suspend else "buried"):
        store.set_flag(card.id, suspended=False, buried_until=None, now=now)
        return f"Back in study: {card.title}"
    flag = set_card_aside(store, card.id, suspend=suspend, now=now, tz=tz)
    return f"{aside_phrase(flag)}: {card.title}"
