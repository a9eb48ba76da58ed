"""Front-matter models of the four card kinds, and the loaded card and pack.

Models are strict (`extra="forbid"`) and frozen: a typo in a key is an error,
never a silently dropped field. The discriminated union on `kind` picks the model.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StrictBool,
    TypeAdapter,
    ValidationInfo,
    field_validator,
    model_validator,
)

from quiz.bank.numbers import NumericResult
from quiz.bank.numbers import parse_number as parse_number  # typed answers are parsed here

KEBAB = r"^[a-z0-9]+(-[a-z0-9]+)*$"
DOTTED = r"^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)+$"
IDENTIFIER = r"^[A-Za-z_][A-Za-z0-9_]*$"

KebabId = Annotated[str, Field(pattern=KEBAB, min_length=1, max_length=80)]

MAX_PARAM_INT = 2**53
# A coding card's checker parameters: a few named numbers, flags or short strings (or
# short lists of them). Bounded so a card cannot make the loader, the cache or the
# grader's wire carry an arbitrarily large or deep structure.
ParamScalar = (
    StrictBool
    | Annotated[int, Field(ge=-(2**53), le=2**53)]  # MAX_PARAM_INT
    | Annotated[float, Field(allow_inf_nan=False)]
    | Annotated[str, Field(max_length=200)]
)
ParamValue = ParamScalar | Annotated[list[ParamScalar], Field(max_length=64)]
ParamName = Annotated[str, Field(pattern=IDENTIFIER, max_length=64)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class CardFront(_Strict):
    """Fields every card has."""

    id: KebabId = Field(description="Kebab-case id, unique across the bank; equals the file name.")
    title: str = Field(min_length=1, max_length=120, description="Short title shown in lists.")
    topic: KebabId = Field(description="The topic folder the card lives in.")
    tags: tuple[KebabId, ...] = Field(default=(), description="Kebab-case tags for filtering.")
    difficulty: int = Field(ge=1, le=5, description="1 (warm-up) to 5 (hard).")
    source: str = Field(min_length=1, description="Where the card comes from, e.g. 'Day 6 Q4'.")
    related: tuple[KebabId, ...] = Field(
        default=(), description="Ids of related cards; each must exist."
    )


class ConceptFront(CardFront):
    """A question answered in words, self-graded against key points."""

    kind: Literal["concept"] = Field(description="Card kind.")
    key_points: tuple[Annotated[str, Field(min_length=1, max_length=200)], ...] = Field(
        min_length=1,
        max_length=7,
        description=(
            "3-7 short points: the self-grading rubric (1-2 when the Answer is at most two "
            "sentences; lint checks that against the body)."
        ),
    )


class ChoiceFront(CardFront):
    """A multiple-choice question that grades itself."""

    kind: Literal["choice"] = Field(description="Card kind.")
    choices: tuple[Annotated[str, Field(min_length=1)], ...] = Field(
        min_length=2, max_length=8, description="2-8 options, shown in this order."
    )
    answer: int | tuple[int, ...] = Field(
        description="Zero-based index of the right choice, or a list of them."
    )

    @field_validator("answer")
    @classmethod
    def _answer_valid(
        cls, value: int | tuple[int, ...], info: ValidationInfo
    ) -> int | tuple[int, ...]:
        indexes = (value,) if isinstance(value, int) else value
        if not indexes:
            raise ValueError("answer needs at least one index")
        if len(set(indexes)) != len(indexes):
            raise ValueError("answer lists an index twice")
        choices = info.data.get("choices")
        if choices is not None:
            for index in indexes:
                if not 0 <= index < len(choices):
                    raise ValueError(
                        f"index {index} is out of range: there are {len(choices)} choices, "
                        f"numbered from 0"
                    )
        return value

    @property
    def correct(self) -> frozenset[int]:
        """The set of right indexes."""
        return frozenset((self.answer,) if isinstance(self.answer, int) else self.answer)

    def check_choice(self, picked: Iterable[int]) -> bool:
        """True when exactly the right options (indexes into `choices`) were picked."""
        return frozenset(picked) == self.correct


class Tolerance(_Strict):
    """How close a typed number must be: give exactly one of `absolute` or `relative`."""

    absolute: float | None = Field(default=None, ge=0, description="Allowed |given - answer|.")
    relative: float | None = Field(
        default=None, ge=0, description="Allowed |given - answer| / |answer|."
    )

    @model_validator(mode="after")
    def _exactly_one(self) -> Tolerance:
        if (self.absolute is None) == (self.relative is None):
            raise ValueError("give exactly one of 'absolute' or 'relative'")
        return self

    def accepts(self, answer: float, given: float) -> bool:
        """True when `given` is within tolerance of `answer`."""
        error = abs(given - answer)
        if self.absolute is not None:
            return error <= self.absolute
        assert self.relative is not None
        return error <= self.relative * abs(answer)

    def describe(self) -> str:
        """Human form, e.g. '± 0.001' or '± 1%'."""
        if self.absolute is not None:
            return f"± {self.absolute:g}"
        assert self.relative is not None
        return f"± {self.relative * 100:g}%"


class NumericFront(CardFront):
    """A question answered with a number, graded within a tolerance."""

    kind: Literal["numeric"] = Field(description="Card kind.")
    answer: float = Field(allow_inf_nan=False, description="The right number.")
    tolerance: Tolerance = Field(description="{absolute: x} or {relative: x}.")
    unit: str | None = Field(default=None, description="Unit shown after the input, if any.")

    def check_numeric(self, value: float) -> NumericResult:
        """Judge a typed number against the answer and tolerance."""
        unit = f" {self.unit}" if self.unit else ""
        return NumericResult(
            correct=self.tolerance.accepts(self.answer, value),
            value=value,
            expected=f"{self.answer:g} {self.tolerance.describe()}{unit}",
        )


class CodingFront(CardFront):
    """A NumPy drill graded by a checker of the hidden reference engine."""

    kind: Literal["coding"] = Field(description="Card kind.")
    entry: tuple[Annotated[str, Field(pattern=IDENTIFIER)], ...] = Field(
        min_length=1, description="Function name(s) the person writes."
    )
    checker: str = Field(
        pattern=DOTTED, description="Dotted name in engine.checkers, e.g. 'nn.optim.adam_step'."
    )
    params: dict[ParamName, ParamValue] = Field(
        default_factory=dict,
        max_length=32,
        description="Parameters for the checker: numbers, flags, short strings or short lists.",
    )

    @field_validator("entry", mode="before")
    @classmethod
    def _single_entry(cls, value: Any) -> Any:
        return (value,) if isinstance(value, str) else value

    @field_validator("params", mode="before")
    @classmethod
    def _exact_integers(cls, value: Any) -> Any:
        """An integer too large for a float's exact range is refused, not rounded to a float."""
        if isinstance(value, dict):
            for item in value.values():
                for number in item if isinstance(item, list) else [item]:
                    if type(number) is int and abs(number) > MAX_PARAM_INT:
                        raise ValueError(f"integer {number} is beyond ±2**53")
        return value


FrontMatter = Annotated[
    ConceptFront | ChoiceFront | NumericFront | CodingFront, Field(discriminator="kind")
]
FRONT_MATTER: TypeAdapter[FrontMatter] = TypeAdapter(FrontMatter)

REQUIRED_SECTIONS: dict[str, tuple[str, ...]] = {
    "concept": ("Question", "Answer"),
    "choice": ("Question", "Explanation"),
    "numeric": ("Question", "Explanation"),
    "coding": ("Task", "Starter", "Hints", "Explanation"),
}


class PackInfo(_Strict):
    """A pack's `pack.yaml`."""

    title: str = Field(min_length=1, description="Display name of the pack.")
    description: str = Field(min_length=1, description="One or two sentences.")
    version: str = Field(pattern=r"^\d+\.\d+\.\d+$", description="Semantic version, e.g. 1.0.0.")


@dataclass(frozen=True, slots=True)
class Section:
    """One `## Heading` section of a card body."""

    title: str
    text: str
    line: int
    """1-based line of the heading in the file."""


@dataclass(frozen=True, slots=True)
class Card:
    """A loaded, valid card: its front matter, its sections and where it came from."""

    front: FrontMatter
    sections: dict[str, Section]
    path: Path
    pack: str
    hints: tuple[str, ...] = ()
    """Coding cards: the hints, in order."""
    starter: str = ""
    """Coding cards: the starter code."""
    lines: dict[str, int] = field(default_factory=dict)
    """1-based line of each front-matter key, for messages."""

    @property
    def id(self) -> str:
        """The card id."""
        return self.front.id

    @property
    def kind(self) -> str:
        """concept, choice, numeric or coding."""
        return self.front.kind

    @property
    def topic(self) -> str:
        """The topic (folder) name."""
        return self.front.topic

    @property
    def title(self) -> str:
        """The short title."""
        return self.front.title

    @property
    def tags(self) -> tuple[str, ...]:
        """The card's tags."""
        return self.front.tags

    def section(self, title: str) -> str:
        """The text of a section, or '' when absent."""
        found = self.sections.get(title)
        return found.text if found else ""


@dataclass(frozen=True)
class Pack:
    """A loaded pack: its info and the folder it lives in."""

    name: str
    info: PackInfo
    path: Path
