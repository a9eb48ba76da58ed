"""Plain, immutable rows the store hands out: callers never see sqlite3.Row objects."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Literal, NamedTuple

Mode = Literal["due", "cram", "mock"]
MODES: tuple[Mode, ...] = ("due", "cram", "mock")


@dataclass(frozen=True, slots=True)
class CardState:
    """The saved scheduling state of one card (absent = the card is new).

    Slotted: `Store.card_states` keeps a heavy home's 10,000 of them (0.5 MB less)."""

    card_id: str
    fsrs_card: str
    """fsrs `Card.to_json()`."""
    state: int
    """fsrs State value: 1 learning, 2 review, 3 relearning."""
    due: datetime
    last_review: datetime | None
    introduced_at: datetime
    """When the card was first scheduled (counts against the daily new-card limit)."""
    updated_at: datetime


@dataclass(frozen=True)
class Review:
    """One logged answer, with what undo needs to restore the card exactly."""

    id: int
    card_id: str
    rating: int
    correct: bool
    reviewed_at: datetime
    duration_ms: int | None
    mode: Mode
    state_before: int | None
    """fsrs State value before this review; None when the card was new."""
    card_before: str | None
    card_after: str | None
    """None when the review left the schedule untouched (cram, mock)."""
    session_id: int | None


@dataclass(frozen=True)
class Attempt:
    """One graded drill submission."""

    id: int
    card_id: str
    status: str
    seed: int | None
    duration_ms: float | None
    hints_used: int
    verdict_json: str
    attempted_at: datetime
    session_id: int | None

    @property
    def passed(self) -> bool:
        """True when the verdict status was `passed`."""
        return self.status == "passed"


@dataclass(frozen=True)
class Draft:
    """The autosaved code a person is writing for a drill."""

    card_id: str
    text: str
    updated_at: datetime
    graded_from: str | None = None
    """The file `drillbit grade` or `watch` graded into this draft; None: the app's."""


@dataclass(frozen=True)
class StoreNotice:
    """Something the person must be told about their data, e.g. a database moved aside."""

    message: str
    reason: str
    moved_to: Path | None = None
    unsaved: bool = False
    """The notice of a store opened as an in-memory copy (nothing saved): its message is
    the app's; a one-shot command words it for itself (`quiz.cli.plain.open_store`)."""

    def __str__(self) -> str:
        return self.message


@dataclass(frozen=True)
class CardFlag:
    """A card taken out of study: suspended (until undone) or buried (until a time)."""

    card_id: str
    suspended: bool
    buried_until: datetime | None

    def hidden_at(self, now: datetime) -> bool:
        """True when the card must not be studied at `now`."""
        return self.suspended or (self.buried_until is not None and now < self.buried_until)


@dataclass(frozen=True)
class InterviewPlan:
    """The person's interview date and how they want to prepare for it (one per database)."""

    interview: date
    """The interview day, a calendar date in the person's time zone."""
    minutes_per_day: float
    """The daily study budget plan mode keeps to."""
    target: float
    """Predicted recall on the day that every card should reach (0 < target < 1)."""
    created_at: datetime
    """When the plan was set: the start of its pacing (the review-only days are counted from it)."""


class Elsewhere(NamedTuple):
    """What other drillbits did to the cards since a session began (`Store.changed_elsewhere`)."""

    answered: dict[str, datetime]
    """Cards answered in due mode, each with its last such answer."""
    hidden: dict[str, bool]
    """Cards suspended (True) or buried (False) now, by a flag set since."""


class ReviewTally(NamedTuple):
    """One card's review count and correct answers (a named tuple: stats reads 10,000)."""

    reviews: int
    correct: int
