"""The JSON the command line prints, as pydantic models: `drillbit schema NAME` prints
their JSON Schemas, and every JSON output carries `schema_version`.

A `schema_version` changes only when a field changes meaning or goes away; new fields
may appear without it.
"""

from __future__ import annotations

import ast
import inspect
import itertools
import textwrap
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter

from engine.verdict import Verdict
from quiz.cli.context import SCHEMA_VERSION
from quiz.study.stats import Stats

__all__ = [
    "SCHEMA_NAMES",
    "SCHEMA_VERSION",
    "CardRow",
    "BrowsedCards",
    "CardList",
    "DrillsReport",
    "ErrorReport",
    "PlanReport",
    "StatsReport",
    "VerdictReport",
    "json_schema",
    "model_json",
]

Version = Literal[1]
"""The type of `SCHEMA_VERSION` (kept in `quiz.cli.plain`: no pydantic, no click)."""


class VerdictReport(Verdict):
    """`drillbit grade --json`: the verdict of one grading."""

    schema_version: Version = Field(description="Version of this output's shape.")
    id: str = Field(
        description="The drill's id, as `drillbit grade` takes it and `drillbit drills --json` "
        "lists it (`drill` names the checker that graded it)."
    )
    not_written: bool = Field(
        default=False,
        description="True when every case that ran stopped at the starter's "
        "NotImplementedError (the code as handed out): `status` stays `error`, and the text "
        "and the app say NOT WRITTEN YET in its place.",
    )


def _field_docstrings(cls: type) -> dict[str, str]:
    """The docstring under each annotated field of `cls`'s own body, by field name."""
    body = ast.parse(textwrap.dedent(inspect.getsource(cls))).body[0]
    assert isinstance(body, ast.ClassDef)
    found: dict[str, str] = {}
    for field, after in itertools.pairwise(body.body):
        if (
            isinstance(field, ast.AnnAssign)
            and isinstance(field.target, ast.Name)
            and isinstance(after, ast.Expr)
            and isinstance(after.value, ast.Constant)
            and isinstance(after.value.value, str)
        ):
            found[field.target.id] = inspect.cleandoc(after.value.value)
    return found


def _describe_stats_fields(schema: dict[str, Any]) -> None:
    """`Stats`' own fields described by their docstrings too: pydantic reads only those
    of the class it is given (`StatsReport`), so `forecast`, `today`... had none."""
    for name, text in _field_docstrings(Stats).items():
        schema["properties"].get(name, {}).setdefault("description", text)


# A dataclass like `Stats`: the command prints `Stats.to_json()` without importing
# pydantic; tests hold that output to this schema. (The docstring is the schema's text.)
@dataclass
class StatsReport(Stats):
    """`drillbit stats --json`."""

    # the nested objects' fields (`today`, `cards`...) described by their docstrings
    __pydantic_config__ = ConfigDict(
        use_attribute_docstrings=True, json_schema_extra=_describe_stats_fields
    )

    schema_version: Annotated[Version, Field(description="Version of this output's shape.")]


class CardRow(BaseModel):
    """One card of `drillbit list --json`."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(description="The card id (its file name).")
    kind: str = Field(description="Card kind: concept, choice, numeric or coding.")
    title: str = Field(description="Short title.")
    pack: str = Field(description="The pack (content folder) it belongs to.")
    topic: str = Field(description="Topic, the folder inside the pack.")
    tags: list[str] = Field(description="Tags.")
    difficulty: int = Field(ge=1, le=5, description="1 (easy) to 5.")
    path: str = Field(description="The card file.")


class CardList(BaseModel):
    """`drillbit list --json`."""

    model_config = ConfigDict(extra="forbid")

    schema_version: Version = Field(description="Version of this output's shape.")
    cards: list[CardRow] = Field(description="The listed cards, in bank order.")


class BrowsedCard(BaseModel):
    """One card of `drillbit cards --json`, with its schedule."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(description="The card id (its file name).")
    title: str = Field(description="Short title.")
    kind: str = Field(description="Card kind: concept, choice, numeric or coding.")
    pack: str = Field(description="The pack it belongs to.")
    topic: str = Field(description="Topic, the folder inside the pack.")
    state: Literal["new", "learning", "review", "suspended", "buried"] = Field(
        description="Its schedule state now."
    )
    due: datetime | None = Field(description="When fsrs next asks it (ISO 8601); null when new.")
    difficulty: float | None = Field(
        description="fsrs difficulty, 1 (easy) to 10, once reviewed; null while new."
    )
    lapses: int = Field(ge=0, description="Agains once the card was in review, as Anki counts.")
    plan_due: Literal["today", "tomorrow", "last days", "later day", "not again"] | None = Field(
        description="When the running interview plan asks it, as the card browser says it; "
        "null without a plan, on and after its interview day, and where `due` is when it "
        "comes (a learning step later today, a card set aside, a new card not planned yet)."
    )
    due_today: bool = Field(
        description="Whether a due session started now asks it today: a review due before "
        "the study day ends (`day_starts_at`), a learning or relearning step due now or "
        "later today (the session waits for it); under an interview plan, what the plan "
        "asks today (a new card it plans today too). False for a card suspended or buried, "
        "and for a new card without a plan (new_per_day decides which come). A field added "
        "within schema_version 1: the version changes when a field changes meaning or goes "
        "away, not when one is added."
    )


class BrowsedCards(BaseModel):
    """`drillbit cards --json`."""

    model_config = ConfigDict(extra="forbid")

    schema_version: Version = Field(description="Version of this output's shape.")
    cards: list[BrowsedCard] = Field(description="The cards the options select, in their sort.")


class DrillReport(BaseModel):
    """One drill of `drillbit drills --json`."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(description="The drill's card id.")
    title: str = Field(description="Short title.")
    pack: str = Field(description="The pack it belongs to.")
    topic: str = Field(description="Topic, the folder inside the pack.")
    state: Literal["not started", "draft", "failed", "passed with hints", "passed"] = Field(
        description="From the graded tries and the saved draft; 'passed with hints': every "
        "pass came after a hint seen since the pass before (in the app or `drillbit hint`)."
    )
    attempts: int = Field(ge=0, description="Graded tries.")
    best_ms: float | None = Field(
        description="The shortest grading of a pass, submit to verdict (the sandbox's start "
        "and the machine's load included: not the code's speed); null before a pass."
    )
    last_attempt: datetime | None = Field(description="The last graded try (ISO 8601).")


class DrillsReport(BaseModel):
    """`drillbit drills --json`."""

    model_config = ConfigDict(extra="forbid")

    schema_version: Version = Field(description="Version of this output's shape.")
    drills: list[DrillReport] = Field(description="Every coding drill, in bank order.")


class ErrorReport(BaseModel):
    """What a command run with --json prints on stdout when it is called wrongly."""

    model_config = ConfigDict(extra="forbid")

    schema_version: Version = Field(description="Version of this output's shape.")
    error: Literal["usage", "error"] = Field(
        description="'usage' (exit 2: wrong arguments) or 'error' (exit 1)."
    )
    message: str = Field(description="What went wrong, one line.")
    exit_code: int = Field(description="The process's exit code.")


class PlanReadinessReport(BaseModel):
    """Readiness on the interview day if nothing more is studied."""

    model_config = ConfigDict(extra="forbid")

    overall: float = Field(ge=0, le=1, description="Mean predicted recall on the day (unseen = 0).")
    by_topic: dict[str, float] = Field(
        description="The same mean, per topic; a topic name two packs share is one entry "
        'per pack, "topic (pack)".'
    )
    cards: int = Field(ge=0, description="Cards the mean is over (suspended ones left out).")
    seen: int = Field(ge=0, description="How many of them were ever studied.")


class PlanTodayReport(BaseModel):
    """What a plan-mode session started now studies today (Home's `today:` line): the
    cards of today's plan whose long answer still fits in today's minutes."""

    model_config = ConfigDict(extra="forbid")

    reviews: int = Field(
        ge=0,
        description=(
            "Same-day learning and relearning steps of today's answers: the only reviews "
            "plan mode takes when fsrs says they are due (other due reviews wait for the "
            "last pass). Not fsrs's due count."
        ),
    )
    brought_forward: int = Field(
        ge=0, description="Reviews the last pass places today, due by fsrs or not."
    )
    review_total: int = Field(
        ge=0, description="reviews + brought_forward: Home's 'N reviews' for today."
    )
    new: int = Field(ge=0, description="New cards introduced today.")
    minutes: float = Field(ge=0, description="Expected time, from your own answer times.")
    waiting: int = Field(
        ge=0,
        description=(
            "Cards of today's plan left for the next day: their long answer no longer fits "
            "in what is left of today's minutes (not those of longer_than_a_day)."
        ),
    )
    longer_than_a_day: int = Field(
        ge=0,
        description=(
            "Cards of today's plan whose long answer is longer than a whole day's minutes: "
            "no day fits them (more minutes a day would). Not among waiting."
        ),
    )
    steps_waiting: int = Field(
        ge=0,
        description=(
            "Cards an earlier answer left in a learning or relearning step due today that "
            "today's plan does not ask: the last pass reviews them on a later day if needed "
            "(`drillbit plan`'s '1 card left in a learning step waits for the last days'; in "
            "the last pass, 'the plan reviews it on a later day if needed'). Not among the "
            "other counts. A field added within schema_version 1: the version changes when "
            "a field changes meaning or goes away, not when one is added."
        ),
    )
    ends_at: datetime = Field(
        description=(
            "When today's plan ends: the next study day's start (the day_starts_at hour) in "
            "your time zone, with its UTC offset. `drillbit plan`'s 'runs until'."
        ),
    )
    ahead: int = Field(
        ge=0,
        description=(
            "New cards of the next days you may study ahead now (`drillbit study --ahead`): "
            "today's list is done and their long answers fit in the minutes left, at your "
            "pace measured now. Not among today's counts; 0 while the list has cards."
        ),
    )
    minutes_used: float = Field(ge=0, description="Minutes today's due sessions already spent.")
    same_day_steps: bool = Field(
        description="Whether an answer that leaves a card in a learning or relearning step "
        "brings it back today (decided once a day)."
    )
    last_pass: bool = Field(description="Whether today is in the last pass.")


class PlanReport(BaseModel):
    """`drillbit plan --json`; every field but schema_version is null when no plan is set."""

    model_config = ConfigDict(extra="forbid")

    schema_version: Version = Field(description="Version of this output's shape.")
    interview: date | None = Field(default=None, description="The interview day, YYYY-MM-DD.")
    days_left: int | None = Field(
        default=None, description="Days from today to the interview (negative after it)."
    )
    minutes_per_day: float | None = Field(default=None, description="The daily budget.")
    target: float | None = Field(default=None, description="Recall on the day to reach.")
    status: (
        Literal["studying", "minutes_used", "done", "nothing_planned", "interview_today", "ended"]
        | None
    ) = Field(
        default=None,
        description=(
            "Today under the plan: cards to study, today's minutes used, today's list "
            "studied with minutes left (today.ahead: what fits ahead), nothing needed "
            "today, the interview day, or the plan ended (the interview is past)."
        ),
    )
    readiness: PlanReadinessReport | None = Field(
        default=None,
        description=(
            "Before the day, if nothing more is studied; on and after it, what the memory "
            "gave at the start of the day (later answers do not change it)."
        ),
    )
    forecast_on_the_day: float | None = Field(
        default=None,
        ge=0,
        le=1,
        description=(
            "Readiness on the day if the plan is followed with every answer Good; null on "
            "and after the day. Under the target: the plan cannot reach it."
        ),
    )
    unseen_on_the_day: int | None = Field(
        default=None,
        ge=0,
        description=(
            "Cards still never seen on the day if the plan is followed: its minutes show "
            "no more before it (0 when they show every card; more minutes or a later date "
            "show them). `drillbit plan`'s 'N never do'. null on and after the day."
        ),
    )
    today: PlanTodayReport | None = Field(
        default=None, description="null on and after the interview day."
    )


def _model(name: str) -> type[Any]:
    """The model of output `name`; the lint report's and the backup's are imported only for
    their own names (the backup's module is 40 ms a command printing a plan need not pay)."""
    if name == "lint":
        from quiz.bank.lint_report import LintReport

        return LintReport
    if name == "progress":
        from quiz.store.backup_models import ProgressFile

        return ProgressFile
    models: dict[str, type[Any]] = {
        "verdict": VerdictReport,
        "list": CardList,
        "cards": BrowsedCards,
        "drills": DrillsReport,
        "stats": StatsReport,
        "error": ErrorReport,
        "plan": PlanReport,
    }
    return models[name]


SCHEMA_NAMES = (
    "card",
    "verdict",
    "lint",
    "list",
    "cards",
    "drills",
    "stats",
    "progress",
    "error",
    "plan",
)
"""What `drillbit schema NAME` accepts; `card` is the default (the card front matter)."""

_TITLES = {
    "card": "drillbit card front matter",
    "verdict": "drillbit grade --json",
    "lint": "drillbit lint --format json",
    "list": "drillbit list --json",
    "cards": "drillbit cards --json",
    "drills": "drillbit drills --json",
    "stats": "drillbit stats --json",
    "progress": "drillbit export progress (backup file)",
    "error": "drillbit usage error under --json",
    "plan": "drillbit plan --json",
}


def json_schema(name: str) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of one output, or of card front matter for 'card'."""
    if name == "card":
        from quiz.bank.schema import FRONT_MATTER

        schema = FRONT_MATTER.json_schema()
    else:
        schema = _adapter(name).json_schema(mode="serialization")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = _TITLES[name]
    return schema


@cache
def _adapter(name: str) -> TypeAdapter[Any]:
    """The pydantic adapter of output `name`, built once: building one walks the whole model
    (18 ms of CPU for StatsReport), and a long-lived process writes many reports."""
    return TypeAdapter(_model(name))


def model_json(name: str, report: dict[str, Any]) -> str:
    """`report` validated and written by the model of output `name` (`SCHEMA_NAMES`), as
    pydantic writes it with `indent=2`: what a command prints when `json` would not."""
    adapter = _adapter(name)
    return adapter.dump_json(adapter.validate_python(report), indent=2).decode()
