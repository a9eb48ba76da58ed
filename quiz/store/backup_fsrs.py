"""The backup's fsrs card JSON checked field by field, as every later reader of the store
will use it (`FsrsCardText` values: a schedule, a review's card before and after).

A text fsrs or the app could not read on a later run (cards, plan, Home, undo) would crash
each of those runs: it is refused here with the field at fault (`FsrsCardError.key`, which
the reader appends to the JSON path: `card_states.0.fsrs_card.state`).
"""

from __future__ import annotations

import json
import math
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, cast

from fsrs import Card, State
from fsrs.scheduler import MAX_DIFFICULTY, MIN_DIFFICULTY, STABILITY_MIN
from pydantic import ValidationInfo

from quiz.store.backup_values import INT64, Bounds, bounds_of
from quiz.store.timefmt import to_db

if TYPE_CHECKING:
    from fsrs.card import CardDict

FSRS_KEYS = ("card_id", "state", "step", "stability", "difficulty", "due", "last_review")
"""The fields of fsrs's `Card.to_json()`, each required (fsrs's `Card.from_json` needs them all)."""
MAX_STABILITY = 1e6
"""Days (about 2,700 years): no schedule comes near it (fsrs caps an interval at 100 years),
and fsrs's arithmetic on it stays finite (1e308 overflows into a crash)."""
EARLIEST = datetime(1970, 1, 1, tzinfo=UTC)
"""No fsrs time is older; year 1 overflows when moved to a time zone west of UTC."""
_STATES = ", ".join(f"{int(state)} {state.name}" for state in State)
_STATE_VALUES = frozenset(int(state) for state in State)
_FSRS_KEY_SET = frozenset(FSRS_KEYS)
FSRS_CHECKED = "fsrs_checked"
"""The key of the validation context's `CheckedTexts` (`fsrs_once`)."""
CHECKED_BUDGET = 16 * 1024 * 1024
"""The characters `CheckedTexts` keeps (with `_ENTRY_COST` an entry): a heavy user's
10,000 cards take about 3 Mi; a file of 55,000 cards with 4 KB texts kept 225 MB before."""
_ENTRY_COST = 100
"""About what a kept entry costs beyond its two texts' characters (the dict's slot, the
strings' headers)."""


class CheckedTexts:
    """Each card's fsrs text last checked in one read of a backup (`fsrs_once`), kept
    within `budget`: when a new text would pass it, all are forgotten (each is checked
    again when met: slower, the same verdicts), so memory is bounded whatever the file."""

    __slots__ = ("budget", "size", "texts")

    def __init__(self, budget: int | None = None) -> None:
        self.budget = CHECKED_BUDGET if budget is None else budget
        self.size = 0
        self.texts: dict[str, str] = {}

    def keep(self, card_id: str, text: str, last: str | None) -> None:
        """`text` passed for `card_id`, whose text kept before was `last`."""
        grown = len(text) + (_ENTRY_COST + len(card_id) if last is None else -len(last))
        if self.size + grown > self.budget:
            self.texts.clear()
            self.size = 0
            grown = len(text) + _ENTRY_COST + len(card_id)
        self.texts[card_id] = text
        self.size += grown


class FsrsCardError(ValueError):
    """A bad fsrs Card JSON; `key` (when one field is at fault) extends the JSON path."""

    def __init__(self, message: str, key: str | None = None) -> None:
        super().__init__(message)
        self.key = key


def _fsrs(value: str, info: ValidationInfo) -> str:
    """Check fsrs Card JSON text as every reader of the store will use it, before it is stored.

    The app hands this text to `fsrs.Card.from_json` and the scheduler on every later run
    (cards, plan, Home, undo), so a value they cannot use must be refused here: otherwise
    each of those runs would crash on it. Each field is checked against what fsrs itself
    writes, then the text must read back through fsrs as exactly that card.
    """
    try:
        data = fsrs_json(value)  # NaN and huge integers are refused field by field below
    except (ValueError, RecursionError) as exc:
        raise FsrsCardError("not JSON text") from exc
    if not isinstance(data, dict):
        raise FsrsCardError(f"not an fsrs Card JSON (an object of {', '.join(FSRS_KEYS)})")
    if data.keys() != _FSRS_KEY_SET:
        for key in data:
            if key not in FSRS_KEYS:
                raise FsrsCardError(f"not a field of an fsrs Card ({', '.join(FSRS_KEYS)})", key)
        for key in FSRS_KEYS:
            if key not in data:
                raise FsrsCardError("missing (an fsrs Card JSON has every one of its fields)", key)
    card_id = _fsrs_int(data["card_id"], "card_id")
    state = data["state"]
    if isinstance(state, bool) or not isinstance(state, int) or state not in _STATE_VALUES:
        raise FsrsCardError(f"{_shown(state)} is not an fsrs state ({_STATES})", "state")
    step = None if data["step"] is None else _fsrs_int(data["step"], "step", low=0)
    stability = _fsrs_number(
        data["stability"], "stability", STABILITY_MIN, MAX_STABILITY, "days, fsrs's least is 0.001"
    )
    difficulty = _fsrs_number(
        data["difficulty"], "difficulty", MIN_DIFFICULTY, MAX_DIFFICULTY, "fsrs's scale"
    )
    bounds = bounds_of(info)
    read = _fsrs_read(data, bounds)  # fsrs parses the two times; checked as it read them
    if read.last_review is not None:
        _fsrs_time(read.last_review, data["last_review"], "last_review", bounds.latest, _FUTURE)
    _fsrs_time(read.due, data["due"], "due", bounds.due, _TOO_FAR)
    if (stability is None) != (difficulty is None):
        known = "difficulty" if stability is None else "stability"
        raise FsrsCardError(
            f"null while {known} is set (both are null only for a card never reviewed)",
            "stability" if stability is None else "difficulty",
        )
    if stability is None and state != State.Learning:
        name = State(state).name
        raise FsrsCardError(f"null for a card in {name} (only a new card has none)", "stability")
    if (step is None) != (state == State.Review):
        name = State(state).name
        raise FsrsCardError(
            f"a card in {name} has no step (null)"
            if step is not None
            else f"null for a card in {name} (its learning step, 0 or more)",
            "step",
        )
    # Field by field as Card's dataclass equality compares them, without building the
    # expected Card (state 1..3 is its State; a Learning card's step is never null here);
    # its two times are the ones checked above, parsed by fsrs.
    if (
        read.card_id,
        read.state,
        read.step,
        read.stability,
        read.difficulty,
    ) != (card_id, state, step, stability, difficulty):
        raise FsrsCardError("fsrs reads it as another card than it says")
    return value


_DECODER = json.JSONDecoder()
"""The standard decoder `json.loads` uses (no hooks: a huge integer or NaN is read, then
refused field by field)."""


def fsrs_json(value: str) -> Any:
    """`json.loads(value)`, by one `raw_decode` call when the text is one JSON value alone.

    `json.loads` is that call after two blank-matching passes and a check that nothing
    follows; fsrs's own text has no blanks around it, so the decoder's result is taken when
    it ends at the text's end (1.7 against 2.7 us a card). Anything else (blanks around the
    value, text after it, not JSON) goes to `json.loads` for its rules and its error.
    """
    try:
        data, end = _DECODER.raw_decode(value)
    except ValueError:
        end = -1
    return data if end == len(value) else json.loads(value)


def fsrs_once(value: str, info: ValidationInfo) -> str:
    """`_fsrs`, except for the text the row's card last passed with in this validation.

    A backup holds most schedules twice: a review's `card_before` is the text of the same
    card's previous `card_after`. The check depends on nothing but the text and `now`, so a
    text that passed passes again; the last text of each card is kept in the validation's
    context (`parse_progress` puts a `CheckedTexts` there), a text per card, not per review.
    """
    context = info.context
    checked = context.get(FSRS_CHECKED) if isinstance(context, dict) else None
    card_id = info.data.get("card_id")
    if not isinstance(checked, CheckedTexts) or not isinstance(card_id, str):
        return _fsrs(value, info)
    last = checked.texts.get(card_id)
    if last != value:
        checked.keep(card_id, _fsrs(value, info), last)
    return value


def _shown(value: Any) -> str:
    """A JSON value as the file spells it, cut short."""
    text = json.dumps(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _fsrs_int(value: Any, key: str, *, low: int = -INT64 - 1) -> int:
    """A card id or step: a JSON integer (fsrs writes no 1.0 or "1"), within 64 bits."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise FsrsCardError(f"{_shown(value)} is not a whole number", key)
    if value > INT64 or value < -INT64 - 1:
        raise FsrsCardError(f"the integer {_shown(value)} is beyond 64 bits", key)
    if value < low:
        raise FsrsCardError(f"{value} is below {low}", key)
    return value


_NUMBER = int | float
"""Made once: `isinstance(value, int | float)` builds the union at every call (0.2 us)."""


def _fsrs_number(value: Any, key: str, low: float, high: float, scale: str) -> float | None:
    """A stability or difficulty: null, or a finite number within fsrs's range."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, _NUMBER):
        raise FsrsCardError(f"{_shown(value)} is not a number", key)
    number = float(value)
    if not math.isfinite(number):
        raise FsrsCardError(f"{number} is not a finite number (JSON has no NaN or Infinity)", key)
    if not low <= number <= high:
        raise FsrsCardError(f"{number:g} is outside {low:g}..{high:g} ({scale})", key)
    return number


def _fsrs_read(data: dict[str, Any], bounds: Bounds) -> Card:
    """The card as fsrs reads it (`Card.from_json` is `json.loads` then this), its two
    times parsed there once. When it cannot be read, the times are checked one by one
    (`last_review` first) to name the one at fault."""
    last_review, due = data["last_review"], data["due"]
    if (last_review is None or (isinstance(last_review, str) and last_review)) and isinstance(
        due, str
    ):
        try:
            return Card.from_dict(cast("CardDict", data))
        except ValueError:  # a text that is no time: named below
            pass
        except (TypeError, KeyError, OverflowError) as exc:  # the checks before it missed it
            raise FsrsCardError(f"fsrs cannot read it: {exc}") from exc
    if last_review is not None:
        _fsrs_time(None, last_review, "last_review", bounds.latest, _FUTURE)
    _fsrs_time(None, due, "due", bounds.due, _TOO_FAR)
    raise FsrsCardError("fsrs cannot read it")  # both times read here: not reached


_FUTURE = "in the future"
_TOO_FAR = "too far ahead for a due time"


def _fsrs_time(
    moment: datetime | None, value: Any, key: str, latest: datetime, beyond: str
) -> datetime:
    """An fsrs time (`moment`, fsrs's reading of `value`; None: read it here): ISO-8601
    with its offset (fsrs compares it with aware times), 1970 on, no later than `latest`."""
    if moment is None:
        if not isinstance(value, str):
            raise FsrsCardError(f"{_shown(value)} is not an ISO-8601 time", key)
        try:
            moment = datetime.fromisoformat(value)
        except ValueError as exc:
            raise FsrsCardError(f"not an ISO-8601 time: {value[:40]!r}", key) from exc
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise FsrsCardError(f"{value[:40]!r} has no UTC offset (fsrs writes +00:00)", key)
    if moment < EARLIEST:
        raise FsrsCardError(f"{value[:40]!r} is before {to_db(EARLIEST)}", key)
    if moment > latest:
        try:
            shown = to_db(moment)
        except OverflowError:  # 9999-12-31T23:00-01:00 is past year 9999 in UTC
            shown = repr(value[:40])
        raise FsrsCardError(f"{shown} is {beyond} (after {to_db(latest)})", key)
    return moment
