"""The answer half typed on a study card, kept when the session leaves the card unanswered.

Anki keeps nothing typed; a half-worked number was lost when the app quit (ctrl+q, a
closed terminal, escape), while a drill's code is a draft. The text comes back in the box
when the same card is shown again the same study day; on a later day, or once the card was
answered, the question is asked afresh (recall is what is tested, not yesterday's working).
"""

from __future__ import annotations

from datetime import datetime, tzinfo

from quiz.store import Store
from quiz.study.days import day_start


def keep_typed(store: Store, card_id: str, text: str, *, now: datetime) -> None:
    """Keep the text left in the card's box (an empty box forgets what was kept)."""
    if text.strip():
        store.save_typed_answer(card_id, text, typed_at=now)
    else:
        store.delete_typed_answer(card_id)


def typed_today(store: Store, card_id: str, *, now: datetime, tz: tzinfo) -> str:
    """The text kept for the card this study day and after its last answer, else ""."""
    kept = store.typed_answer(card_id)
    if kept is None:
        return ""
    text, typed_at = kept
    state = store.card_state(card_id)
    last_review = None if state is None else state.last_review
    if typed_at < day_start(now, tz) or (last_review is not None and last_review >= typed_at):
        return ""
    return text


def forget_typed(store: Store, card_id: str) -> None:
    """The card was answered: what was typed before is done with."""
    store.delete_typed_answer(card_id)
