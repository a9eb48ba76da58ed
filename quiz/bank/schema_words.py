"""A value of the wrong type or form, told in an author's words.

pydantic's own messages are a programmer's ("Input should be a valid dictionary or instance
of Tolerance", "String should match pattern '^[A-Za-z_]...'"): they name neither what was
written nor what to write. These say both, for a card's front matter and a pack.yaml.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

_NUMBER_TYPES = frozenset(
    {"int_type", "int_parsing", "int_from_float", "float_type", "float_parsing"}
)
_MAPPING_TYPES = frozenset({"dict_type", "model_type", "dataclass_type", "model_attributes_type"})

MAPPING_EXAMPLES = {
    "tolerance": "tolerance: {absolute: 0.01} (or {relative: 0.01})",
    "params": "params: {eps: 1.0e-5}",
}
"""A line that writes each mapping a card may hold."""

_FORMS = {
    "entry": "a Python function name (letters, digits, '_'), e.g. entry: [softmax]",
    "checker": "the checker's dotted name under engine/checkers, e.g. "
    "checker: arch.conv.conv2d_forward",
}
"""What a text field with a pattern other than kebab-case must be, and a line that writes it."""


def what_yaml_read(value: Any) -> str:
    """What YAML made of a value, in an author's words ('a list', 'the number 7')."""
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return f"the flag {str(value).lower()}"
    if isinstance(value, int | float):
        return f"the number {value!r}"
    if isinstance(value, list | tuple):
        return "a list"
    if isinstance(value, dict):
        return "a mapping ('key: value' lines)"
    return f"the text {value!r}"


def kebab_fix(given: Any) -> str:
    """Why an id-like text is refused, with the id to write when one can be made."""
    message = "must be kebab-case (lowercase letters and digits joined by '-')"
    if not isinstance(given, str):
        return message
    # é is e and a full-width ｆ is f: dropping them made 'rélu' 'r-lu'
    plain = "".join(c for c in unicodedata.normalize("NFKD", given) if not unicodedata.combining(c))
    suggested = re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")
    fix = f": write '{suggested}'" if suggested and suggested != given else ""
    return f"{given!r} {message}{fix}"


def type_words(
    etype: str, loc: tuple[Any, ...], given: Any, example: str | None, *, pack: bool = False
) -> str | None:
    """The message (without the key's name in front) for one pydantic error of a value's
    type or form, or None when the caller's own wording applies. `example` is a line that
    writes the key ("e.g. difficulty: 2"), when one is known; `pack`: a pack.yaml's."""
    key = str(loc[-1]) if loc and isinstance(loc[-1], str) else None
    field = str(loc[0]) if loc else ""
    if not loc and etype in _MAPPING_TYPES:
        keys = "title:, description:, version:" if pack else "id:, kind:, title:, ..."
        found = what_yaml_read(given)
        return f"{found} where 'key: value' lines go: write one per line ({keys})"
    if etype in _NUMBER_TYPES and not isinstance(given, str):
        shown = f", {example}" if example else ""
        if etype == "int_from_float":
            return f"{given!r} is not a whole number: write one{shown}"
        if given is None:
            return f"empty: write a number after '{key or field}:'{shown}"
        return f"{what_yaml_read(given)} where one number goes: write the number{shown}"
    if etype == "finite_number":  # pydantic: "Input should be a finite number"
        shown = f", {example}" if example else ""
        return (
            f"{given!r} is not a finite number (YAML reads .inf, .nan as infinity, not a "
            f"number): write the number{shown}"
        )
    if etype in _MAPPING_TYPES:
        line = MAPPING_EXAMPLES.get(field)
        shown = f", e.g. {line}" if line else ""
        return f"{what_yaml_read(given)} where a mapping goes: write 'name: value' pairs{shown}"
    if etype == "string_type" and given is not None and not isinstance(given, list):
        if isinstance(given, dict):
            return (
                "YAML read 'text: more text' as a mapping, where a text goes: put the text "
                "in quotes"
            )
        return f"YAML reads {what_yaml_read(given)} here, where a text goes: put it in quotes"
    if etype == "string_pattern_mismatch" and field in ("order", "id", "topic", "tags", "related"):
        return kebab_fix(given)
    if etype == "string_pattern_mismatch" and field in _FORMS:
        return f"{given!r} is not {_FORMS[field]}"
    return None


_TOO_LONG_FIXES = {
    "title": "a title names the card in lists and headings; the question itself goes in "
    "'## Question'",
}
"""What to do about a text over its length, beyond shortening it, by key."""


def length_words(etype: str, loc: tuple[Any, ...], given: Any, limit: Any) -> str | None:
    """The message (without the key's name in front) for a text under or over its length
    (pydantic says "String should have at most 120 characters", not how long it is), or
    None for another error."""
    if not isinstance(given, str) or not isinstance(limit, int):
        return None
    item = bool(loc) and isinstance(loc[-1], int)
    if etype == "string_too_short" and not given:
        if item:
            return "an empty item: write its text or delete it"
        key = str(loc[-1]) if loc else "the key"
        return f"empty: write its text after '{key}:'"
    if etype == "string_too_long":
        field = str(loc[0]) if loc else ""
        fix = _TOO_LONG_FIXES.get(field) if len(loc) == 1 else None
        return f"{len(given)} characters, over the {limit} allowed: shorten it" + (
            f" ({fix})" if fix else ""
        )
    return None
