"""The backup's two long lists, card schedules and reviews, as JSON text without a model a row.

A heavy user's export is 220,000 of these rows, and building each as its pydantic model
(`model_construct`, the time parsed into a datetime) to write it with `model_dump_json`
(the time formatted again) took most of `drillbit export progress`. These write the same
text from the row's values as SQLite returns them: the models stay the format's one
description (the import validates into them, the docs' table is their JSON Schema) and
`tests/store/test_backup_lines.py` holds the two to the same bytes. A row whose values are
not the plain ones the store writes (a time not in `to_db`'s text, a value of another
type) gives None, and the export dumps that row through its model as before.
"""

from __future__ import annotations

import re
from datetime import datetime
from json.encoder import encode_basestring
from typing import Any

from quiz.store.records import MODES

STATE_COLUMNS = "card_id, fsrs_card, introduced_at, updated_at"
"""`card_state`'s columns in `CardStateRow`'s field order, what `state_line` takes."""
REVIEW_COLUMNS = (
    "r.card_id, r.rating, r.correct, r.reviewed_at, r.duration_ms, r.mode, r.state_before, "
    "r.card_before, r.card_after, n.number"
)
"""`review_log`'s columns (and the session's number in the file) in `ReviewRow`'s field
order, what `review_line` takes."""

_MOMENT = re.compile(
    r"[1-9]\d{3}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])"
    r"T(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d\.\d{6}\+00:00"
)
"""`to_db`'s text of a time from year 1000 on: the fields in their ranges, so a day that
`datetime` accepts is written back as this same text."""
_MODES = frozenset(MODES)
_INT_OR_NONE = frozenset({int, type(None)})
_STR_OR_NONE = frozenset({str, type(None)})


def _moment(text: Any) -> bool:
    """Whether `text` is a time `to_db(from_db(text))` gives back unchanged."""
    if type(text) is not str or _MOMENT.fullmatch(text) is None:
        return False
    try:
        datetime.fromisoformat(text)  # 2025-02-30 matches the pattern: the model's path says so
    except ValueError:
        return False
    return True


def state_line(row: tuple[Any, ...]) -> str | None:
    """`CardStateRow`'s JSON for a row of `STATE_COLUMNS`, or None when the model must say."""
    card_id, fsrs_card, introduced_at, updated_at = row
    if (
        type(card_id) is not str
        or type(fsrs_card) is not str
        or not _moment(introduced_at)
        or not _moment(updated_at)
    ):
        return None
    return (
        f'{{"card_id":{encode_basestring(card_id)},"fsrs_card":{encode_basestring(fsrs_card)},'
        f'"introduced_at":"{introduced_at}","updated_at":"{updated_at}"}}'
    )


def review_line(row: tuple[Any, ...]) -> str | None:
    """`ReviewRow`'s JSON for a row of `REVIEW_COLUMNS`, or None when the model must say."""
    (
        card_id,
        rating,
        correct,
        reviewed_at,
        duration_ms,
        mode,
        state_before,
        card_before,
        card_after,
        session,
    ) = row
    if (
        type(card_id) is not str
        or type(rating) is not int
        or type(duration_ms) not in _INT_OR_NONE
        or type(mode) is not str
        or mode not in _MODES
        or type(state_before) not in _INT_OR_NONE
        or type(card_before) not in _STR_OR_NONE
        or type(card_after) not in _STR_OR_NONE
        or type(session) not in _INT_OR_NONE
        or not _moment(reviewed_at)
    ):
        return None
    return (
        f'{{"card_id":{encode_basestring(card_id)},"rating":{rating},'
        f'"correct":{"true" if correct else "false"},"reviewed_at":"{reviewed_at}",'
        f'"duration_ms":{"null" if duration_ms is None else duration_ms},"mode":"{mode}",'
        f'"state_before":{"null" if state_before is None else state_before},'
        f'"card_before":{"null" if card_before is None else encode_basestring(card_before)},'
        f'"card_after":{"null" if card_after is None else encode_basestring(card_after)},'
        f'"session":{"null" if session is None else session}}}'
    )
