"""The values no backup holds, found before any model sees them, with their JSON paths.

Nesting deeper than `MAX_DEPTH`, integers beyond 64 bits and NaN or infinities could break
the store or a later merge; the stream reader hands integer literals and JSON's
non-standard constants to `parse_int` and `parse_constant`, which mark the bad ones for
`unsafe_value` to name.
"""

from __future__ import annotations

import math
from typing import Any

from quiz.store.backup_values import INT64

MAX_DEPTH = 8
"""Deepest JSON nesting accepted; the format itself needs 5 (file, list, row, filters, list)."""


class _TooLong(int):
    """An integer literal with too many digits to be a 64-bit value (kept as its length)."""


def parse_int(text: str) -> int:
    digits = len(text.lstrip("-"))
    return _TooLong(digits) if digits > 19 else int(text)


class _NonFinite(float):
    """NaN or an infinity written as JSON's non-standard constants."""


def parse_constant(name: str) -> float:
    return _NonFinite(float(name.replace("Infinity", "inf")))


def json_path(loc: tuple[int | str, ...] | list[int | str]) -> str:
    """A JSON path in dotted form, `reviews.3.duration_ms`; `(top level)` for the root."""
    return ".".join(str(part) for part in loc) or "(top level)"


def unsafe_value(
    value: Any, where: tuple[int | str, ...]
) -> tuple[tuple[int | str, ...], str] | None:
    """The first value no valid backup holds, with its path, or None (iterative, any depth)."""
    if _plainly_safe(value, len(where)):
        return None
    todo: list[tuple[Any, tuple[int | str, ...]]] = [(value, where)]
    while todo:
        item, at = todo.pop()
        if isinstance(item, dict | list) and len(at) >= MAX_DEPTH:
            return at, f"nested deeper than {MAX_DEPTH} levels"
        if isinstance(item, _TooLong):
            return at, f"an integer of {int(item)} digits, beyond 64 bits"
        if isinstance(item, bool):
            continue
        if isinstance(item, int):
            if not -INT64 - 1 <= item <= INT64:
                return at, f"the integer {item} is beyond 64 bits"
        elif isinstance(item, float):
            if not math.isfinite(item):
                return at, f"{item} is not a finite number (JSON has no NaN or Infinity)"
            if abs(item) > INT64:
                return at, f"the number {item:g} is beyond 64 bits"
        elif isinstance(item, dict):
            todo.extend((child, (*at, key)) for key, child in reversed(item.items()))
        elif isinstance(item, list):
            todo.extend((child, (*at, index)) for index, child in reversed(list(enumerate(item))))
    return None


def _plainly_safe(value: Any, depth: int) -> bool:
    """True when `unsafe_value` would find nothing, by a walk that builds no paths.

    Only plain JSON values are judged here (str, bool, None, int and float as `json.loads`
    makes them, dicts and lists); anything else (a `_TooLong`, a `_NonFinite`, a value from
    outside JSON) answers False, and so does any problem: the walk with paths then names it.
    """
    if type(value) is not dict and type(value) is not list:
        return False
    todo: list[tuple[Any, int]] = [(value, depth)]
    low, high = -INT64 - 1, INT64
    while todo:
        item, level = todo.pop()
        if level >= MAX_DEPTH:
            return False
        for child in item.values() if type(item) is dict else item:
            kind = type(child)
            if kind is str or kind is bool or child is None:
                continue
            if kind is int:
                if not low <= child <= high:
                    return False
            elif kind is float:
                if not -INT64 <= child <= INT64:  # NaN and the infinities fail it too
                    return False
            elif kind is dict or kind is list:
                todo.append((child, level + 1))
            else:
                return False
    return True


def deep_path(text: str, where: tuple[int | str, ...] = ()) -> str:
    """The path at which `text`, a value at `where`, first nests deeper than MAX_DEPTH."""
    stack: list[list[Any]] = []  # [kind, the current key or index]
    in_string = escaped = False
    token: list[str] = []
    last_string = ""
    for char in text:
        if in_string:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
                last_string = "".join(token)
            else:
                token.append(char)
            continue
        if char == '"':
            in_string, token = True, []
        elif char in "[{":
            if len(stack) + len(where) == MAX_DEPTH:
                return json_path([*where, *(entry[1] for entry in stack)])
            stack.append(["list", 0] if char == "[" else ["dict", ""])
        elif char in "]}":
            if stack:
                stack.pop()
        elif char == ":" and stack and stack[-1][0] == "dict":
            stack[-1][1] = last_string
        elif char == "," and stack and stack[-1][0] == "list":
            stack[-1][1] += 1
    return json_path([*where, *(entry[1] for entry in stack)])
