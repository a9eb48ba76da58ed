"""The front-matter schema of the four card kinds and of pack.yaml: what validates them.

Models are strict (`extra="forbid"`) and frozen: a typo in a key is an error,
never a silently dropped field. The discriminated union on `kind` picks the model.
This schema is the one source of truth for what a valid card is (lint, a card file
read the first time, the JSON schema `drillbit schema` prints, errors with their
place); what the app holds is the plain classes of `quiz.bank.models` that
`plain_front` and `plain_pack_info` turn a validated model into, so that showing a
card never imports pydantic.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StrictBool,
    TypeAdapter,
    ValidationInfo,
    field_validator,
    model_validator,
)

from quiz.bank import models
from quiz.bank.choice_repeats import choice_repeated_words, repeated_choice
from quiz.bank.models import DOTTED, IDENTIFIER, KEBAB, MAX_CHOICES, MAX_PARAM_INT, MIN_CHOICES
from quiz.bank.safeyaml import PlainExponent


def _written_text(value: Any) -> Any:
    """A text as the file writes it: YAML reads some unquoted words as something else, and
    a card author writing `title: 1e3` or `title: yes` means the text. An exponent without
    quotes (`1e3`, see `safeyaml.PlainExponent`) is text to PyYAML but the number 1000 to
    an editor's YAML 1.2 and to the schema `drillbit schema` prints, so the two disagreed
    silently; a number or a yes/no reached the models as one, which said only that a string
    was expected. Each is refused with the quotes that keep it text."""
    if isinstance(value, PlainExponent):
        raise ValueError(
            f"{value} is the number {float(value):g} to an editor's YAML 1.2: "
            f'put it in quotes ("{value}") to keep it text'
        )
    if isinstance(value, bool):
        raise ValueError(
            f"YAML reads this as {str(value).lower()} (a yes/no), not text: put it in quotes"
        )
    if isinstance(value, int | float):
        raise ValueError(f"YAML reads this as the number {value}, not text: put it in quotes")
    return value


WrittenText = BeforeValidator(_written_text)
"""On a text field: what the file says must be text, not a word YAML reads as a number."""


def _no_spaces_around(value: Any) -> Any:
    """An id as written: the models strip the spaces around a text, but `id: " a-b "` is a
    slip the schema `drillbit schema` prints refuses, not the id `a-b`."""
    if isinstance(value, str) and value != value.strip():
        raise ValueError(f"{value!r} has spaces around it")
    return value


KebabId = Annotated[
    str,
    Field(pattern=KEBAB, min_length=1, max_length=80),
    BeforeValidator(_no_spaces_around),
    WrittenText,
]

SHOWN_TEXT: dict[str, Any] = {"pattern": r"\S"}
"""In the printed schema, a text the loader keeps: not blank (the loader strips the spaces
around a text before its length is checked, so `title: "  "` is empty)."""


def _spells_number(text: str) -> bool:
    """Whether `text` reads as a number (`"3"`, `"2.5e-1"`): it is one in quotes."""
    try:
        float(text)
    except ValueError:
        return False
    return True


def _written_number(value: Any) -> Any:
    """A number as the file writes it: not YAML's `true` or `false`, which pydantic's lax
    mode takes as 1 and 0, and not a number in quotes (`"3"`), which the schema `drillbit
    schema` prints refuses. The one text taken is an exponent written without quotes, which
    PyYAML reads as text where an editor reads a number (`answer: 1e-3`, see
    `safeyaml.PlainExponent`); the same in quotes (`answer: "1e-3"`) is text to both."""
    for item in value if isinstance(value, list) else [value]:
        if isinstance(item, bool):
            raise ValueError(f"{str(item).lower()} is not a number")
        if isinstance(item, str) and not isinstance(item, PlainExponent):
            if not _spells_number(item):  # `difficulty: easy` has no quotes to take off
                raise ValueError(f"{item!r} is not a number: write a number in its place")
            raise ValueError(f"{item!r} is text, not a number: write it without quotes")
    return value


WrittenNumber = BeforeValidator(_written_number)
"""On a number field: what the file says must be a number, not text or a yes/no."""


def _one_tolerance(schema: dict[str, Any]) -> None:
    """In the printed schema, the model validator's rule: exactly one of the two is a number."""
    schema["oneOf"] = [
        {"required": [name], "properties": {name: {"type": "number"}}}
        for name in ("absolute", "relative")
    ]


def _name_or_names(schema: dict[str, Any]) -> None:
    """In the printed schema, what `_single_entry` takes too: one name, not in a list."""
    one = schema.pop("items")
    for key in ("type", "minItems"):
        schema.pop(key, None)
    schema["anyOf"] = [one, {"type": "array", "items": one, "minItems": 1}]


def _indexes_within_choices(schema: dict[str, Any]) -> None:
    """In the printed schema, `_answer_valid`'s rule that an index names a choice: JSON
    Schema cannot bound a number by an array's length, but there are at most
    `MAX_CHOICES`, so one `if`/`then` per count says it."""
    schema["allOf"] = [
        {
            "if": {"properties": {"choices": {"maxItems": count}}, "required": ["choices"]},
            "then": {
                "properties": {"answer": {"maximum": count - 1, "items": {"maximum": count - 1}}}
            },
        }
        for count in range(MIN_CHOICES, MAX_CHOICES + 1)
    ]


def _unique_indexes(schema: dict[str, Any]) -> None:
    """In the printed schema, `_answer_valid`'s rule that a list names each index once."""
    for branch in schema.get("anyOf", []):
        if branch.get("type") == "array":
            branch["uniqueItems"] = True


# A coding card's checker parameters: a few named numbers, flags or short strings (or
# short lists of them). Bounded so a card cannot make the loader, the cache or the
# grader's wire carry an arbitrarily large or deep structure. A number is within ±2**53,
# where a float still counts every integer (an editor cannot tell `1.0e+20` from an integer).
ParamScalar = (
    StrictBool
    | Annotated[int, Field(ge=-(2**53), le=2**53)]  # MAX_PARAM_INT
    | Annotated[float, Field(allow_inf_nan=False, ge=-(2**53), le=2**53)]
    | Annotated[str, Field(max_length=200)]
)
ParamValue = ParamScalar | Annotated[list[ParamScalar], Field(max_length=64)]
ParamName = Annotated[str, Field(pattern=IDENTIFIER, max_length=64)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class CardFront(_Strict):
    """Fields every card has."""

    id: KebabId = Field(description="Kebab-case id, unique across the bank; equals the file name.")
    title: Annotated[str, WrittenText] = Field(
        min_length=1,
        max_length=120,
        description="Short title shown in lists.",
        json_schema_extra=SHOWN_TEXT,
    )
    topic: KebabId = Field(description="The topic folder the card lives in.")
    tags: tuple[KebabId, ...] = Field(default=(), description="Kebab-case tags for filtering.")
    difficulty: Annotated[int, WrittenNumber] = Field(
        ge=1, le=5, description="1 (warm-up) to 5 (hard)."
    )
    source: Annotated[str, WrittenText] = Field(
        min_length=1,
        description="Where the card comes from, e.g. 'Day 6 Q4'.",
        json_schema_extra=SHOWN_TEXT,
    )
    related: tuple[KebabId, ...] = Field(
        default=(), description="Ids of related cards; each must exist."
    )


class ConceptFront(CardFront):
    """A question answered in words, self-graded against key points."""

    kind: Literal["concept"] = Field(description="Card kind.")
    key_points: tuple[
        Annotated[
            str, Field(min_length=1, max_length=200, json_schema_extra=SHOWN_TEXT), WrittenText
        ],
        ...,
    ] = Field(
        min_length=1,
        max_length=7,
        description=(
            "3-7 short points: the self-grading rubric (1-2 when the Answer is at most two "
            "sentences; lint checks that against the body)."
        ),
    )


class ChoiceFront(CardFront):
    """A multiple-choice question that grades itself."""

    model_config = ConfigDict(json_schema_extra=_indexes_within_choices)

    kind: Literal["choice"] = Field(description="Card kind.")
    choices: tuple[
        Annotated[str, Field(min_length=1, json_schema_extra=SHOWN_TEXT), WrittenText], ...
    ] = Field(
        min_length=MIN_CHOICES,
        max_length=MAX_CHOICES,
        description=f"{MIN_CHOICES}-{MAX_CHOICES} options, shown in this order.",
    )
    answer: Annotated[
        Annotated[int, Field(ge=0)]
        | Annotated[tuple[Annotated[int, Field(ge=0)], ...], Field(min_length=1)],
        WrittenNumber,
    ] = Field(
        description=(
            "Zero-based index of the right choice, or a list of them (each once); "
            "each below the number of choices."
        ),
        json_schema_extra=_unique_indexes,
    )

    @field_validator("choices")
    @classmethod
    def _choices_differ(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        repeated = repeated_choice(value)
        if repeated is not None:
            raise ValueError(choice_repeated_words(value, repeated))
        return value

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


class Tolerance(_Strict):
    """How close a typed number must be: give exactly one of `absolute` or `relative`."""

    model_config = ConfigDict(json_schema_extra=_one_tolerance)

    # Finite: `.inf` accepted every typed number, and `.nan` none.
    absolute: Annotated[float | None, WrittenNumber] = Field(
        default=None, ge=0, allow_inf_nan=False, description="Allowed |given - answer|."
    )
    relative: Annotated[float | None, WrittenNumber] = Field(
        default=None, ge=0, allow_inf_nan=False, description="Allowed |given - answer| / |answer|."
    )

    @model_validator(mode="after")
    def _exactly_one(self) -> Tolerance:
        if (self.absolute is None) == (self.relative is None):
            raise ValueError("give exactly one of 'absolute' or 'relative'")
        return self


def _unit_written(value: Any) -> Any:
    """A unit as written: `unit: ''` (or `unit:` with nothing, or spaces) was taken and
    showed as no unit, though a card with none leaves the key out (SPEC: an optional
    unit), so the slip went unsaid."""
    if value is None or (isinstance(value, str) and not value.strip()):
        raise ValueError("empty: write the unit (e.g. unit: ms) or remove the key")
    return value


def _unit_schema(schema: dict[str, Any]) -> None:
    """In the printed schema, `_unit_written`'s rule: when given, a unit is non-blank text."""
    schema.pop("anyOf", None)
    schema.update({"type": "string", "minLength": 1, **SHOWN_TEXT})


class NumericFront(CardFront):
    """A question answered with a number, graded within a tolerance."""

    kind: Literal["numeric"] = Field(description="Card kind.")
    answer: Annotated[float, WrittenNumber] = Field(
        allow_inf_nan=False, description="The right number."
    )
    tolerance: Tolerance = Field(description="{absolute: x} or {relative: x}.")
    unit: Annotated[str | None, WrittenText, BeforeValidator(_unit_written)] = Field(
        default=None,
        description="Unit shown after the input, if any (leave the key out for none).",
        json_schema_extra=_unit_schema,
    )


class CodingFront(CardFront):
    """A NumPy drill graded by a checker of the hidden reference engine."""

    kind: Literal["coding"] = Field(description="Card kind.")
    entry: tuple[Annotated[str, Field(pattern=IDENTIFIER)], ...] = Field(
        min_length=1,
        description="Function name(s) the person writes.",
        json_schema_extra=_name_or_names,
    )
    checker: str = Field(
        pattern=DOTTED, description="Dotted name in engine.checkers, e.g. 'nn.optim.adam_step'."
    )
    params: dict[ParamName, ParamValue] = Field(
        default_factory=dict,
        max_length=32,
        json_schema_extra={"propertyNames": {"pattern": IDENTIFIER, "maxLength": 64}},
        description="Parameters for the checker: numbers, flags, short strings or short lists.",
    )

    @field_validator("entry", mode="before")
    @classmethod
    def _single_entry(cls, value: Any) -> Any:
        return (value,) if isinstance(value, str) else value

    @field_validator("params", mode="before")
    @classmethod
    def _numbers_as_written(cls, value: Any) -> Any:
        """An integer too large for a float's exact range is refused, not rounded to a float;
        an exponent written without quotes (`eps: 1e-5`, text to PyYAML) is the number an
        editor reads, not the text "1e-5" handed to the checker."""
        if not isinstance(value, dict):
            return value
        for item in value.values():
            for number in item if isinstance(item, list) else [item]:
                if type(number) is int and abs(number) > MAX_PARAM_INT:
                    raise ValueError(f"integer {number} is beyond ±2**53")
        return {name: _exponents_as_floats(item) for name, item in value.items()}


def _exponents_as_floats(item: Any) -> Any:
    """A parameter (or list of them) with each unquoted exponent as its float."""
    if isinstance(item, list):
        return [_exponents_as_floats(one) for one in item]
    return float(item) if isinstance(item, PlainExponent) else item


FrontMatter = Annotated[
    ConceptFront | ChoiceFront | NumericFront | CodingFront, Field(discriminator="kind")
]
FRONT_MATTER: TypeAdapter[FrontMatter] = TypeAdapter(FrontMatter)


class PackInfo(_Strict):
    """A pack's `pack.yaml`."""

    title: Annotated[str, WrittenText] = Field(
        min_length=1, description="Display name of the pack."
    )
    description: Annotated[str, WrittenText] = Field(
        min_length=1, description="One or two sentences."
    )
    version: str = Field(pattern=r"^\d+\.\d+\.\d+$", description="Semantic version, e.g. 1.0.0.")
    after: list[Annotated[str, Field(min_length=1)]] = Field(
        default_factory=list,
        description="Packs this one builds on: when they are loaded too, their cards are "
        "introduced first. A pack that is not loaded is ignored.",
    )
    order: list[KebabId] = Field(
        default_factory=list,
        description="Card ids of this pack in the order new cards are introduced (basics "
        "before what builds on them); the pack's other cards follow in file order.",
    )

    @field_validator("after", "order")
    @classmethod
    def _no_repeats(cls, value: list[str]) -> list[str]:
        repeated = sorted({name for name in value if value.count(name) > 1})
        if repeated:
            raise ValueError(f"listed more than once: {', '.join(repeated)}")
        return value


def plain_front(model: FrontMatter) -> models.FrontMatter:
    """The plain front the app holds for a validated model (the same fields, the same values)."""
    common: dict[str, Any] = {
        "id": model.id,
        "title": model.title,
        "topic": model.topic,
        "tags": model.tags,
        "difficulty": model.difficulty,
        "source": model.source,
        "related": model.related,
    }
    if isinstance(model, ConceptFront):
        return models.ConceptFront(**common, key_points=model.key_points)
    if isinstance(model, ChoiceFront):
        return models.ChoiceFront(**common, choices=model.choices, answer=model.answer)
    if isinstance(model, NumericFront):
        tolerance = models.Tolerance(
            absolute=model.tolerance.absolute, relative=model.tolerance.relative
        )
        return models.NumericFront(
            **common, answer=model.answer, tolerance=tolerance, unit=model.unit
        )
    return models.CodingFront(
        **common, entry=model.entry, checker=model.checker, params=dict(model.params)
    )


def validate_front(data: Any) -> models.FrontMatter:
    """Front matter's data validated (pydantic's ValidationError when it is not valid), as
    the plain front the app holds."""
    return plain_front(FRONT_MATTER.validate_python(data))


def plain_pack_info(model: PackInfo) -> models.PackInfo:
    """The plain pack info the app holds for a validated pack.yaml."""
    return models.PackInfo(
        title=model.title,
        description=model.description,
        version=model.version,
        after=tuple(model.after),
        order=tuple(model.order),
    )


def validate_pack_info(data: Any) -> models.PackInfo:
    """A pack.yaml's data validated (pydantic's ValidationError when it is not valid), as
    the plain pack info the app holds."""
    return plain_pack_info(PackInfo.model_validate(data))
