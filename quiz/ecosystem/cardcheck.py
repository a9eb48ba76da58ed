"""A quick, pydantic-free proof that a concept card the importer built passes lint.

The importer checks every card it plans as `drillbit lint` would read the file
(`quiz.bank.parse.card_from_data`), which validates the front matter with the card
models, i.e. with pydantic: importing it and building the models is about a tenth of a
1 MB import, and the validation another few percent. The importer built the front
matter itself, from plain strings, lists and an int, so for nearly every card the
same rules can be read off the data directly. `plainly_clean` answers True only when
it is sure that `card_from_data` finds no problem; on any doubt it answers False and
the importer runs the full check, whose problems (and messages) are then the ones
reported. So a card is accepted or refused exactly as before.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from markdown_it.token import Token

from quiz.bank.markdown import MathScan, headings
from quiz.bank.mathtext import find_math_problems, math_problem_offsets
from quiz.bank.sentences import key_points_problem

KEBAB = r"^[a-z0-9]+(-[a-z0-9]+)*$"
"""`quiz.bank.models.KEBAB`, not imported from there: that module pulls in pydantic
(a test holds the two equal)."""
_KEBAB_WHOLE = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
"""KEBAB for the whole string (pydantic's `$` is the end of the text, re's `$` also
matches before a final newline)."""
MAX_ID_CHARS = 80
MAX_TITLE_CHARS = 120
MAX_POINT_CHARS = 200
MAX_POINTS = 7
DIFFICULTIES = range(1, 6)
"""The limits of `ConceptFront` (id, topic and tags; title; each key point; key points;
difficulty), held equal to the model's by a test."""
CONCEPT_SECTIONS = ("Question", "Answer")
"""`REQUIRED_SECTIONS["concept"]`, in the order the importer writes them."""
_KEYS = frozenset({"id", "kind", "title", "topic", "tags", "difficulty", "source", "key_points"})


def _text(value: object, most: int | None = None) -> bool:
    """A string pydantic keeps as it is (nothing to strip: Python strips a superset of
    what pydantic does) and finds 1 to `most` characters long."""
    return (
        type(value) is str
        and 0 < len(value) <= (most if most is not None else len(value))
        and value == value.strip()
    )


def _kebab(value: object) -> bool:
    """A kebab-case name of at most 80 characters (ids, topics, tags)."""
    return _text(value, MAX_ID_CHARS) and _KEBAB_WHOLE.fullmatch(str(value)) is not None


def _front_plainly_valid(data: Mapping[str, Any]) -> bool:
    """True when `ConceptFront` surely accepts the data unchanged."""
    if data.keys() != _KEYS or data["kind"] != "concept":
        return False
    tags, points, difficulty = data["tags"], data["key_points"], data["difficulty"]
    return (
        _kebab(data["id"])
        and _kebab(data["topic"])
        and _text(data["title"], MAX_TITLE_CHARS)
        and _text(data["source"])
        and type(difficulty) is int
        and difficulty in DIFFICULTIES
        and type(tags) is list
        and all(_kebab(tag) for tag in tags)
        and type(points) is list
        and 0 < len(points) <= MAX_POINTS
        and all(_text(point, MAX_POINT_CHARS) for point in points)
    )


def plainly_clean(
    data: Mapping[str, Any],
    body: str,
    tokens: list[Token],
    path: Path,
    topic_dir: str,
    *,
    inline_parsed: bool,
    math_scan: MathScan | None,
) -> bool:
    """True when `card_from_data(data, ..., body, path, pack, topic_dir, tokens=tokens,
    inline_parsed=..., math_scan=...)` surely returns a card and no problem; False when
    it may not (then ask it). `tokens` are the body's full parse."""
    if "\r" in body or not _front_plainly_valid(data):
        return False
    if data["id"] != path.stem or data["topic"] != topic_dir:
        return False
    # The sections, as `split_sections` finds them in the parsed body.
    lines = body.split("\n")
    starts = [
        (h.line - 1, h.title)
        for h in headings(body, tokens)
        if h.level == 2 and h.atx and not h.nested and h.title
    ]
    if tuple(title for _row, title in starts) != CONCEPT_SECTIONS:
        return False  # missing, unknown or repeated sections
    if any(raw.strip() for raw in lines[: starts[0][0]]):
        return False  # stray text before the first section
    texts = [
        "\n".join(lines[row + 1 : (starts[i + 1][0] if i + 1 < len(starts) else len(lines))])
        for i, (row, _title) in enumerate(starts)
    ]
    if not all(text.strip() for text in texts):
        return False  # an empty section
    if any("$" in text for text in texts) and math_problem_offsets(
        body, tokens, inline_parsed=inline_parsed, scan=math_scan
    ):
        return False  # a formula that does not render, or a stray `$`
    points = data["key_points"]
    if any(find_math_problems(point) for point in points):
        return False
    return key_points_problem(len(points), texts[1].rstrip()) is None
