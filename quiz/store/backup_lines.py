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

import json
import re
from collections.abc import Callable, Mapping
from datetime import date, datetime
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


# -- the short lists: a row as a mapping of its query's columns ---------------------------
#
# Few rows each, but any one of them made the export import pydantic and build the models
# (0.25 s of a heavy user's 1.1 s). A value outside the plain forms below gives None: the
# row goes through its model, as before.


def _quoted(value: Any) -> str:
    if type(value) is not str:
        raise _NotPlain
    return encode_basestring(value)


def _time(value: Any) -> str:
    if not _moment(value):
        raise _NotPlain
    return f'"{value}"'


def _int(value: Any) -> str:
    if type(value) is not int:
        raise _NotPlain
    return str(value)


def _int_or_null(value: Any) -> str:
    return "null" if value is None else _int(value)


def _float(value: Any) -> str:
    """pydantic's text of a float: Python's own unless in exponent form (1e-05 is its
    0.00001), or not finite."""
    if type(value) is not float:
        raise _NotPlain
    text = repr(value)
    if "e" in text or "n" in text:  # an exponent, inf or nan
        raise _NotPlain
    return text


class _NotPlain(Exception):
    """A value the line writers leave to the row's model."""


def _filter_scalar(value: Any) -> str:
    kind = type(value)
    if value is None or kind is bool or kind is int or kind is str:
        return json.dumps(value, ensure_ascii=False)
    return _float(value)


def _filters(text: Any) -> str:
    """A session's filters as its model writes them (`FilterValue`: a scalar or a list of
    them), from the column's JSON text as the export's builder reads it."""
    loaded = json.loads(text or "{}")
    if type(loaded) is not dict:
        raise _NotPlain
    return (
        "{"
        + ",".join(
            f"{_quoted(key)}:"
            + (
                "[" + ",".join(map(_filter_scalar, value)) + "]"
                if type(value) is list
                else _filter_scalar(value)
            )
            for key, value in loaded.items()
        )
        + "}"
    )


def _plain(write: Callable[[Mapping[str, Any]], str]) -> Callable[[Mapping[str, Any]], str | None]:
    """`write`, giving None for a row with a value it leaves to the model."""

    def line(row: Mapping[str, Any]) -> str | None:
        try:
            return write(row)
        except (_NotPlain, ValueError):  # ValueError: filters that are not JSON
            return None

    return line


@_plain
def session_line(r: Mapping[str, Any]) -> str:
    """`SessionRow`'s JSON for a row of `study_session` and its number in the file."""
    if type(r["mode"]) is not str or r["mode"] not in _MODES:
        raise _NotPlain
    ended = _time(r["ended_at"]) if r["ended_at"] else "null"
    return (
        f'{{"id":{_int(r["number"])},"mode":"{r["mode"]}","started_at":{_time(r["started_at"])},'
        f'"ended_at":{ended},"filters":{_filters(r["filters"])}}}'
    )


@_plain
def attempt_line(r: Mapping[str, Any]) -> str:
    """`AttemptRow`'s JSON for a row of `drill_attempt` and its session's number."""
    duration = "null" if r["duration_ms"] is None else _float(r["duration_ms"])
    return (
        f'{{"card_id":{_quoted(r["card_id"])},"status":{_quoted(r["status"])},'
        f'"seed":{_int_or_null(r["seed"])},"duration_ms":{duration},'
        f'"hints_used":{_int(r["hints_used"])},"verdict":{_quoted(r["verdict"])},'
        f'"attempted_at":{_time(r["attempted_at"])},"session":{_int_or_null(r["number"])}}}'
    )


@_plain
def draft_line(r: Mapping[str, Any]) -> str:
    """`DraftRow`'s JSON for a row of `code_draft`."""
    return (
        f'{{"card_id":{_quoted(r["card_id"])},"text":{_quoted(r["text"])},'
        f'"updated_at":{_time(r["updated_at"])}}}'
    )


@_plain
def flag_line(r: Mapping[str, Any]) -> str:
    """`FlagRow`'s JSON for a row of `card_flag`."""
    if type(r["suspended"]) is not int:
        raise _NotPlain
    buried = _time(r["buried_until"]) if r["buried_until"] else "null"
    return (
        f'{{"card_id":{_quoted(r["card_id"])},'
        f'"suspended":{"true" if r["suspended"] else "false"},"buried_until":{buried},'
        f'"updated_at":{_time(r["updated_at"])}}}'
    )


@_plain
def hint_line(r: Mapping[str, Any]) -> str:
    """`HintRow`'s JSON for a row of `hint_seen` and its session's number."""
    return (
        f'{{"card_id":{_quoted(r["card_id"])},"number":{_int(r["hint"])},'
        f'"seen_at":{_time(r["seen_at"])},"session":{_int_or_null(r["number"])}}}'
    )


_DAY = re.compile(r"\d{4}-\d\d-\d\d")


@_plain
def plan_line(r: Mapping[str, Any]) -> str:
    """`PlanRow`'s JSON for the row of `interview_plan`."""
    day = r["interview"]
    if type(day) is not str or _DAY.fullmatch(day) is None:
        raise _NotPlain
    date.fromisoformat(day)  # ValueError for a day that is none
    return (
        f'{{"interview":"{day}","minutes_per_day":{_float(r["minutes_per_day"])},'
        f'"target":{_float(r["target"])},"created_at":{_time(r["created_at"])}}}'
    )
