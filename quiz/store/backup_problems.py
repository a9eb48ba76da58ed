"""A backup row's validation errors as JSON paths and plain words (`quiz.store.backup_read`).

pydantic names a union's branches inside an error's location: a session filter that is
an object was refused as `sessions.0.filters.topic.bool: Input should be a valid
boolean (and 7 more)`, a path that is not in the file and eight errors for one value.
Here each filter's errors become one problem at its JSON path (`filters.topic`, or
`filters.topic.1` for an element of its list), and a value of the wrong JSON type says
what it is (`Input should be a valid integer, not a string ("3")`).
"""

from __future__ import annotations

from typing import Any, get_args

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from quiz.jsonshown import SHOWN_CHARS, shown

FILTERS = "filters"
"""The one field of the format whose values are a union (see `FilterValue`)."""


def problems(
    exc: ValidationError, model: type[BaseModel], reads: str
) -> list[tuple[list[int | str], str, ErrorDetails]]:
    """Each problem of `exc` once: its JSON path (relative to the validated value), what
    is wrong, and the pydantic error it comes from, in pydantic's order.

    `model` is what was validated and `reads` the versions this drillbit reads: a field
    no row holds is named with the fields that object does hold there, in our words."""
    found: list[tuple[list[int | str], str, ErrorDetails]] = []
    filters: dict[tuple[int | str, ...], list[ErrorDetails]] = {}
    for error in exc.errors():
        loc = list(error["loc"])
        if len(loc) > 2 and loc[0] == FILTERS:  # (filters, name, branch[, index, branch])
            key = tuple(loc[:2])
            if key not in filters:
                filters[key] = []
                found.append((loc[:2], "", error))  # its words once all are seen
            filters[key].append(error)
        elif error["type"] == "extra_forbidden":
            found.append((loc, _unknown(loc, model, reads), error))
        else:
            found.append((loc, _words(error), error))
    return [
        _filter_problem(filters[tuple(loc)]) if not words else (loc, words, error)
        for loc, words, error in found
    ]


def _filter_problem(errors: list[ErrorDetails]) -> tuple[list[int | str], str, ErrorDetails]:
    """One filter's errors (one per branch of the union, or of its list's element) as one
    problem, at the deepest JSON path they reach."""
    located = [([part for part in e["loc"] if isinstance(part, int)], e) for e in errors]
    depth = max(len(ints) for ints, _ in located)
    deepest = [(ints, e) for ints, e in located if len(ints) == depth]
    ints, error = deepest[0]
    path: list[int | str] = [*error["loc"][:2], *ints]
    for _, each in deepest:  # a branch that took the type and refused the value says why
        if not _wrong_type(each):
            return path, _words(each), each
    what = (
        "a filter's list holds null, true or false, numbers and strings"
        if depth
        else "a filter is null, true or false, a number, a string or a list of those"
    )
    return path, f"{what}, not {shown(error['input'])}", error


def _unknown(loc: list[int | str], model: type[BaseModel], reads: str) -> str:
    """`unknown field 'x'`, with the fields the object holding it has in the format."""
    holder: type[BaseModel] | None = model
    for part in loc[:-1]:  # down the nested models to the object that holds the field
        if holder is None or isinstance(part, int):
            continue
        field = holder.model_fields.get(part)
        holder = _model_in(field.annotation) if field is not None else None
    name = str(loc[-1])[:SHOWN_CHARS]
    said = f"unknown field {name!r}"
    if holder is None:
        return said
    return f"{said}; this drillbit reads {reads}, whose fields here are {', '.join(holder.model_fields)}"


def _model_in(annotation: Any) -> type[BaseModel] | None:
    """The model a field's annotation holds (`PlanRow | None`, `list[ReviewRow]`), if any."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in get_args(annotation):
        found = _model_in(arg)
        if found is not None:
            return found
    return None


def _wrong_type(error: ErrorDetails) -> bool:
    return error["type"].endswith("_type") or error["type"] == "none_required"


def _words(error: ErrorDetails) -> str:
    """pydantic's message, with what was found when it was of the wrong JSON type."""
    message = str(error["msg"]).removeprefix("Value error, ")
    if error["type"] == "model_type":  # `… or instance of ReviewRow`: a name from the code
        message = "Input should be an object"
    if error["type"].endswith("_type") or error["type"] == "literal_error":
        return f"{message}, not {shown(error['input'])}"
    return message
