"""The loaded card and pack as the app holds them: plain frozen classes, no pydantic.

A card's front matter is validated by the pydantic schema in `quiz.bank.schema` (lint,
a card file read the first time, every error with its place). What the app holds and
shows is these plain classes with the same attribute names: building one is a few
attribute stores, and importing them costs nothing, so showing the first card of a due
session never imports pydantic (about 200 ms of CPU at start). `front_of_valid` builds a
front straight from front matter that validated before (a card cache record, a file the
card index vouches for), or declines, and then the schema validates.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final, Literal

from quiz.bank.numbers import NumericResult, format_number
from quiz.bank.numbers import parse_number as parse_number  # typed answers are parsed here

KEBAB = r"^[a-z0-9]+(-[a-z0-9]+)*$"
DOTTED = r"^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)+$"
IDENTIFIER = r"^[A-Za-z_][A-Za-z0-9_]*$"
MIN_CHOICES = 2
MAX_CHOICES = 8
"""How many options a choice card has: fewer is no choice, more is not read at a glance."""

MAX_PARAM_INT = 2**53
"""The largest magnitude of an integer checker parameter (a float's exact range)."""

REQUIRED_SECTIONS: dict[str, tuple[str, ...]] = {
    "concept": ("Question", "Answer"),
    "choice": ("Question", "Explanation"),
    "numeric": ("Question", "Explanation"),
    "coding": ("Task", "Starter", "Hints", "Explanation"),
}


@dataclass(frozen=True, slots=True, kw_only=True)
class CardFront:
    """Fields every card has (see `quiz.bank.schema.CardFront` for what each may hold)."""

    id: str
    """Kebab-case id, unique across the bank; equals the file name."""
    title: str
    """Short title shown in lists."""
    topic: str
    """The topic folder the card lives in."""
    tags: tuple[str, ...] = ()
    """Kebab-case tags for filtering."""
    difficulty: int
    """1 (warm-up) to 5 (hard)."""
    source: str
    """Where the card comes from, e.g. 'Day 6 Q4'."""
    related: tuple[str, ...] = ()
    """Ids of related cards."""


@dataclass(frozen=True, slots=True, kw_only=True)
class ConceptFront(CardFront):
    """A question answered in words, self-graded against key points."""

    kind: Literal["concept"] = "concept"
    key_points: tuple[str, ...]
    """The self-grading rubric."""


@dataclass(frozen=True, slots=True, kw_only=True)
class ChoiceFront(CardFront):
    """A multiple-choice question that grades itself."""

    kind: Literal["choice"] = "choice"
    choices: tuple[str, ...]
    """The options, shown in this order."""
    answer: int | tuple[int, ...]
    """Zero-based index of the right choice, or a tuple of them."""

    @property
    def correct(self) -> frozenset[int]:
        """The set of right indexes."""
        return frozenset((self.answer,) if isinstance(self.answer, int) else self.answer)

    def check_choice(self, picked: Iterable[int]) -> bool:
        """True when exactly the right options (indexes into `choices`) were picked."""
        return frozenset(picked) == self.correct


@dataclass(frozen=True, slots=True, kw_only=True)
class Tolerance:
    """How close a typed number must be: exactly one of `absolute` or `relative` is set."""

    absolute: float | None = None
    """Allowed |given - answer|."""
    relative: float | None = None
    """Allowed |given - answer| / |answer|."""

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
            return f"± {format_number(self.absolute)}"
        assert self.relative is not None
        return f"± {self.relative * 100:g}%"

    def around(self, answer: str, unit: str | None = None) -> str:
        """The answer with its tolerance and unit: '0.25 ± 0.001 s' (the unit is the
        tolerance's too), '1024 MiB ± 0.1%' (a percentage has no unit)."""
        shown_unit = f" {unit}" if unit else ""
        if self.absolute is not None:
            return f"{answer} {self.describe()}{shown_unit}"
        return f"{answer}{shown_unit} {self.describe()}"

    def bounds(self, answer: float) -> tuple[float, float]:
        """The lowest and highest numbers `accepts` takes."""
        margin = self.absolute if self.absolute is not None else (self.relative or 0) * abs(answer)
        return answer - margin, answer + margin


@dataclass(frozen=True, slots=True, kw_only=True)
class NumericFront(CardFront):
    """A question answered with a number, graded within a tolerance."""

    kind: Literal["numeric"] = "numeric"
    answer: float
    """The right number."""
    tolerance: Tolerance
    """How close a typed number must be."""
    unit: str | None = None
    """Unit shown after the input, if any."""

    @property
    def expected(self) -> str:
        """The answer as the feedback says it: '0.25 ± 0.001'."""
        return self.tolerance.around(format_number(self.answer), self.unit)

    def check_numeric(self, value: float) -> NumericResult:
        """Judge a typed number against the answer and tolerance."""
        return NumericResult(
            correct=self.tolerance.accepts(self.answer, value), value=value, expected=self.expected
        )


ParamScalar = bool | int | float | str
ParamValue = ParamScalar | list[ParamScalar]


@dataclass(frozen=True, slots=True, kw_only=True)
class CodingFront(CardFront):
    """A NumPy drill graded by a checker of the hidden reference engine."""

    kind: Literal["coding"] = "coding"
    entry: tuple[str, ...]
    """Function name(s) the person writes."""
    checker: str
    """Dotted name in engine.checkers, e.g. 'nn.optim.adam_step'."""
    params: dict[str, ParamValue] = field(default_factory=dict)
    """Parameters for the checker: numbers, flags, short strings or short lists."""


FrontMatter = ConceptFront | ChoiceFront | NumericFront | CodingFront
FRONT_CLASSES: dict[str, type[FrontMatter]] = {
    "concept": ConceptFront,
    "choice": ChoiceFront,
    "numeric": NumericFront,
    "coding": CodingFront,
}


def front_fields(kind: str) -> frozenset[str]:
    """The front-matter keys a card of this kind may have (those of the schema's model)."""
    cls = FRONT_CLASSES[kind]
    return frozenset(cls.__dataclass_fields__)


@dataclass(frozen=True, slots=True, kw_only=True)
class PackInfo:
    """A pack's `pack.yaml` (see `quiz.bank.schema.PackInfo`)."""

    title: str
    """Display name of the pack."""
    description: str
    """One or two sentences."""
    version: str
    """Semantic version, e.g. 1.0.0."""
    after: tuple[str, ...] = ()
    """Packs this one builds on: loaded together, their cards come first."""
    order: tuple[str, ...] = ()
    """Card ids in the order they are introduced; the pack's other cards follow in file order."""


class _NotPlain(Exception):
    """The data is not in the form `front_of_valid` builds from without the validator."""


def _text(value: Any) -> str:
    # A string the validator would strip (its idea of whitespace may differ) is declined.
    if type(value) is not str or value != value.strip():
        raise _NotPlain
    return value


def _texts(value: Any) -> tuple[str, ...]:
    if type(value) is not list:
        raise _NotPlain
    return tuple([_text(item) for item in value])


def _integer(value: Any) -> int:
    if type(value) is not int:  # not a bool, not a float
        raise _NotPlain
    return value


def _number(value: Any) -> float:
    kind = type(value)
    if kind is float or kind is int:  # not a bool
        return float(value)
    raise _NotPlain


def _optional(value: Any, read: Callable[[Any], Any]) -> Any:
    return None if value is None else read(value)


def _param(value: Any) -> ParamScalar:
    kind = type(value)
    if kind is bool or kind is int or kind is float:
        return value  # type: ignore[no-any-return]
    return _text(value)


def _params(value: Any) -> dict[str, ParamValue]:
    if type(value) is not dict:
        raise _NotPlain
    out: dict[str, ParamValue] = {}
    for name, item in value.items():
        out[_text(name)] = [_param(v) for v in item] if type(item) is list else _param(item)
    return out


def _entry(value: Any) -> tuple[str, ...]:
    return (_text(value),) if type(value) is str else _texts(value)


def _answer(value: Any) -> int | tuple[int, ...]:
    if type(value) is list:
        return tuple([_integer(item) for item in value])
    return _integer(value)


def _tolerance(value: Any) -> Tolerance:
    if type(value) is not dict or not value.keys() <= {"absolute", "relative"}:
        raise _NotPlain
    return Tolerance(
        absolute=_optional(value.get("absolute"), _number),
        relative=_optional(value.get("relative"), _number),
    )


_COMMON = frozenset({"id", "title", "topic", "tags", "difficulty", "source", "related"})
_OWN: dict[str, dict[str, Callable[[Any], Any]]] = {
    "concept": {"key_points": _texts},
    "choice": {"choices": _texts, "answer": _answer},
    "numeric": {"answer": _number, "tolerance": _tolerance, "unit": lambda v: _optional(v, _text)},
    "coding": {"entry": _entry, "checker": _text, "params": _params},
}
_REQUIRED = {"concept": {"key_points"}, "choice": {"choices", "answer"}}
_REQUIRED |= {"numeric": {"answer", "tolerance"}, "coding": {"entry", "checker"}}
_BASE_REQUIRED = frozenset({"kind", "id", "title", "topic", "difficulty", "source"})


def front_of_valid(data: Any) -> FrontMatter | None:
    """The front that validating `data` gives, built without the validator, or None.

    Only for front matter that validated before under this code (a card cache record,
    a card file the index vouches for unchanged): the constraints (patterns, lengths,
    ranges) are not checked again. The data must be in the plain form YAML gives a
    valid card (exact str, int, float, list and dict, strings with no surrounding
    whitespace); anything else (a bool where an int goes, a string to strip, an unknown
    key) gives None, and the caller validates with the schema, which decides.
    `tests/bank/test_plain_front.py` holds this equal to the schema's answer.
    """
    if type(data) is not dict:
        return None
    kind = data.get("kind")
    if type(kind) is not str or kind not in _OWN:
        return None
    own = _OWN[kind]
    keys = data.keys()
    if not _BASE_REQUIRED <= keys or not _REQUIRED[kind] <= keys:
        return None
    try:
        values: dict[str, Any] = {}
        for key, value in data.items():
            if key == "kind":
                continue
            read = own.get(key)
            if read is not None:
                values[key] = read(value)
            elif key in ("tags", "related"):
                values[key] = _texts(value)
            elif key == "difficulty":
                values[key] = _integer(value)
            elif key in _COMMON:
                values[key] = _text(value)
            else:
                return None  # a key the schema forbids: let it say so
    except _NotPlain:
        return None
    front: FrontMatter = FRONT_CLASSES[kind](**values)
    return front


_PACK_KEYS: Final = frozenset({"title", "description", "version"})
_PACK_LISTS: Final = frozenset({"after", "order"})


def pack_info_of_valid(data: Any) -> PackInfo | None:
    """A pack.yaml's info from data that validated before, or None (as `front_of_valid`)."""
    if type(data) is not dict or not _PACK_KEYS <= data.keys() <= _PACK_KEYS | _PACK_LISTS:
        return None
    try:
        return PackInfo(
            title=_text(data["title"]),
            description=_text(data["description"]),
            version=_text(data["version"]),
            after=_texts(data.get("after", [])),
            order=_texts(data.get("order", [])),
        )
    except _NotPlain:
        return None


NO_MATH_SECTIONS = frozenset({"Starter"})
"""Sections shown as code, never as math: every other section's math must render."""


def shown_front_texts(front: FrontMatter) -> Iterator[tuple[str, int, str]]:
    """(field, index, text) of the front matter's texts shown with the card (key points,
    choices): their math must render too."""
    if isinstance(front, ConceptFront):
        for index, text in enumerate(front.key_points):
            yield "key_points", index, text
    elif isinstance(front, ChoiceFront):
        for index, text in enumerate(front.choices):
            yield "choices", index, text


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
