"""The backup format's rows as pydantic models: one description of the file, used both ways.

The import validates a file's rows into them (`quiz.store.backup_read`), `dump` builds them
from the store (`quiz.store.backup_dump`), the export leaves a row its plain writers cannot
spell to them, and docs/progress-format.md's table is their JSON Schema
(`quiz.store.backup_schema`).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import date
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationInfo,
    create_model,
    field_validator,
    model_validator,
)

from quiz.settings import KEYS, Settings, checked_value, describe
from quiz.store.backup_fsrs import fsrs_once
from quiz.store.backup_values import (
    MAX_DURATION_MS,
    BuryEnd,
    CardId,
    FilterValue,
    FsrsCardText,
    Int64,
    Moment,
    day_text,
)
from quiz.store.records import Mode
from quiz.textsafe import MIB

AttemptStatus = Literal["passed", "failed", "error", "timeout", "crashed", "invalid", "internal"]
"""The statuses a grading ends in (`engine.outcome.Status`, which a test holds this to):
a backup's attempt of another status is no attempt drillbit made, so it is refused."""


class Row(BaseModel):
    """`strict`: each value has its own JSON type. pydantic's usual conversions read
    `"rating": true` as 1 (Again), `"3"` as 3 and `"yes"` as true: a file no drillbit
    wrote, whose meaning is a guess, is refused instead, naming the value."""

    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)


class CardStateRow(Row):
    """A card's saved fsrs schedule."""

    card_id: CardId
    fsrs_card: FsrsCardText
    introduced_at: Moment = Field(description="When the card was first scheduled")
    updated_at: Moment = Field(description="When the schedule last changed")

    @field_validator("fsrs_card")
    @classmethod
    def _fsrs_card(cls, value: str, info: ValidationInfo) -> str:
        return fsrs_once(value, info)


class SessionRow(Row):
    """A study session; `id` is local to the file."""

    id: Int64 = Field(
        description="Local to this file: what `session` of reviews and attempts refers to"
    )
    mode: Mode = Field(description="`due`, `cram` or `mock`")
    started_at: Moment
    ended_at: Moment | None = Field(default=None, description="null: the session never ended")
    filters: dict[Annotated[str, Field(max_length=64)], FilterValue] = Field(
        default_factory=dict, max_length=32, description="The selection the session studied"
    )


class ReviewRow(Row):
    """One answer."""

    card_id: CardId
    rating: int = Field(ge=1, le=4, description="fsrs rating: 1 Again, 2 Hard, 3 Good, 4 Easy")
    correct: bool = Field(description="Whether the answer was right")
    reviewed_at: Moment
    duration_ms: int | None = Field(
        default=None, ge=0, le=MAX_DURATION_MS, description="Time to answer, at most a week"
    )
    mode: Mode = Field(description="`due`, `cram` or `mock`")
    state_before: int | None = Field(
        default=None, ge=0, le=3, description="fsrs state before the review; null when new"
    )
    card_before: FsrsCardText | None = Field(default=None, description="null: the card was new")
    card_after: FsrsCardText | None = Field(
        default=None, description="null: the answer did not reschedule (cram, mock)"
    )
    session: Int64 | None = Field(default=None, description="An `id` of `sessions`, or null")

    @field_validator("card_before", "card_after")
    @classmethod
    def _cards(cls, value: str | None, info: ValidationInfo) -> str | None:
        return fsrs_once(value, info) if value is not None else None


class AttemptRow(Row):
    """One graded drill submission."""

    card_id: CardId
    status: AttemptStatus = Field(description="The verdict's status")
    seed: Int64 | None = Field(default=None, description="The case seed the grading used")
    duration_ms: float | None = Field(
        default=None,
        ge=0,
        le=MAX_DURATION_MS,
        allow_inf_nan=False,
        description="How long the grading took, at most a week",
    )
    hints_used: int = Field(default=0, ge=0, le=1000, description="Hints revealed before it")
    verdict: str = Field(max_length=4 * MIB, description="The verdict JSON text, verbatim")
    attempted_at: Moment
    session: Int64 | None = Field(default=None, description="An `id` of `sessions`, or null")


class DraftRow(Row):
    """The code a person was writing for a drill."""

    card_id: CardId
    text: str = Field(max_length=MIB, description="The code as last saved")
    updated_at: Moment


class FlagRow(Row):
    """A card taken out of study (version 2): suspended, buried until a time, or both."""

    card_id: CardId
    suspended: bool = Field(default=False, description="Out of study until unsuspended")
    buried_until: BuryEnd | None = Field(
        default=None,
        description=(
            "Buried: out of study until this time (the next day's start), not after now + 2 days;"
            " null: not buried"
        ),
    )
    updated_at: Moment = Field(description="When the card was last suspended or buried")

    @model_validator(mode="after")
    def _says_something(self) -> FlagRow:
        if not self.suspended and self.buried_until is None:
            raise ValueError("neither suspended nor buried (such a card is simply not listed)")
        return self


class HintRow(Row):
    """A drill hint shown to the person (version 3): the hints seen since a drill's last
    pass make its next pass one "with hints"."""

    card_id: CardId
    number: int = Field(
        ge=1, le=1000, description="The hint's place in the drill's list, 1 = the first"
    )
    seen_at: Moment = Field(description="When it was shown")
    session: Int64 | None = Field(default=None, description="An `id` of `sessions`, or null")


class PlanRow(Row):
    """The interview plan (version 2)."""

    interview: Annotated[date, BeforeValidator(day_text)] = Field(
        strict=False, description="The interview day, `YYYY-MM-DD`"
    )
    minutes_per_day: float = Field(
        ge=1, le=24 * 60, allow_inf_nan=False, description="The daily study budget in minutes"
    )
    target: float = Field(
        gt=0,
        lt=1,
        allow_inf_nan=False,
        description="Predicted recall on the day to reach, strictly between 0 and 1",
    )
    created_at: Moment


def _setting(value: Any, info: ValidationInfo) -> Any:
    """A setting's value as config.toml holds it (`quiz.settings.checked_value`)."""
    checked = checked_value(str(info.field_name), value)
    return list(checked) if isinstance(checked, tuple) else checked


def _setting_schema(setting: dataclasses.Field[Any]) -> Callable[[dict[str, Any]], None]:
    """A setting's JSON Schema from its field in `quiz.settings.Settings`: its type and
    bounds (the validator checks them), and no `null` default a value may not be."""
    default = setting.default
    if isinstance(default, tuple):
        kind: dict[str, Any] = {"type": "array", "items": {"type": "string"}}
    else:
        names = {bool: "boolean", int: "integer", float: "number", str: "string"}
        kind = {"type": names[type(default)]}
    bounds = {"minimum": setting.metadata.get("ge"), "maximum": setting.metadata.get("le")}
    kind.update({name: value for name, value in bounds.items() if value is not None})

    def extra(schema: dict[str, Any]) -> None:
        schema.pop("default", None)
        schema.update(kind)

    return extra


SettingsRow = create_model(
    "SettingsRow",
    __base__=Row,
    __validators__={"valid": field_validator(*KEYS)(_setting)},
    **{
        key: (
            Any,
            Field(
                default=None,
                description=describe(key),
                json_schema_extra=_setting_schema(setting),
            ),
        )
        for key, setting in zip(KEYS, dataclasses.fields(Settings), strict=True)
    },  # type: ignore[call-overload]
)
"""The settings of `drillbit config` that differ from their defaults (version 4), each
checked as config.toml's: made from `quiz.settings`, so a new setting travels too."""


class ProgressFile(Row):
    """The whole backup file (version 4)."""

    format: Literal["drillbit-progress"] = Field(description="Always `drillbit-progress`")
    version: Literal[1, 2, 3, 4] = Field(
        description=(
            "4 (3, without `settings`, 2, without `hints_seen` too, and 1, without `plan` and"
            " `card_flags` too, are still read); a file of another version is refused"
        )
    )
    exported_at: Moment
    drillbit_version: str = Field(default="", max_length=64, description="Informative only")
    card_states: list[CardStateRow] = Field(default_factory=list, description="Card schedules")
    sessions: list[SessionRow] = Field(default_factory=list, description="Study sessions")
    reviews: list[ReviewRow] = Field(default_factory=list, description="Every answer")
    attempts: list[AttemptRow] = Field(default_factory=list, description="Every graded drill")
    drafts: list[DraftRow] = Field(default_factory=list, description="Unfinished drill code")
    card_flags: list[FlagRow] = Field(
        default_factory=list, description="Suspended and buried cards (version 2)"
    )
    hints_seen: list[HintRow] = Field(
        default_factory=list, description="Drill hints shown (version 3)"
    )
    plan: PlanRow | None = Field(
        default=None, description="The interview plan; null or absent: none (version 2)"
    )
    settings: SettingsRow | None = Field(  # type: ignore[valid-type]
        default=None,
        description="Your settings that differ from the defaults; absent: none (version 4)",
    )


ROW_MODELS: dict[str, type[Row]] = {
    "card_states": CardStateRow,
    "sessions": SessionRow,
    "reviews": ReviewRow,
    "attempts": AttemptRow,
    "drafts": DraftRow,
    "card_flags": FlagRow,
    "hints_seen": HintRow,
}
"""The lists of the file, each streamed row by row."""
