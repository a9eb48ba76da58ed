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

from quiz.bank.markdown import MathScan
from quiz.bank.mathtext import find_math_problems, math_problem_offsets
from quiz.bank.models import KEBAB, REQUIRED_SECTIONS
from quiz.bank.sentences import MAX_POINTS as RULE_MAX_POINTS
from quiz.bank.sentences import MIN_POINTS, key_points_problem

_KEBAB_WHOLE = re.compile(KEBAB.removeprefix("^").removesuffix("$"))
"""KEBAB for the whole string: pydantic's `$` is the end of the text, re's `$` also
matches before a final newline."""
MAX_ID_CHARS = 80
MAX_TITLE_CHARS = 120
MAX_POINT_CHARS = 200
MAX_POINTS = 7
DIFFICULTIES = range(1, 6)
"""The limits of `ConceptFront` (id, topic and tags; title; each key point; key points;
difficulty), held equal to the model's by a test."""
CONCEPT_SECTIONS = REQUIRED_SECTIONS["concept"]
"""The concept card's sections, in the order the importer writes them."""
_KEYS = frozenset({"id", "kind", "title", "topic", "tags", "difficulty", "source", "key_points"})


def _text(value: object, most: int) -> bool:
    """A string pydantic keeps as it is (nothing to strip: Python strips a superset of
    what pydantic does) and finds 1 to `most` characters long."""
    return type(value) is str and 0 < len(value) <= most and value == value.strip()


def _kebab(value: object) -> bool:
    """A kebab-case name of at most 80 characters (ids, topics, tags)."""
    return (
        type(value) is str
        and len(value) <= MAX_ID_CHARS
        and _KEBAB_WHOLE.fullmatch(value) is not None  # (so nothing to strip, not empty)
    )


def _front_plainly_valid(data: Mapping[str, Any]) -> bool:
    """True when `ConceptFront` surely accepts the data unchanged."""
    if data.keys() != _KEYS or data["kind"] != "concept":
        return False
    tags, points, difficulty, source = (
        data["tags"],
        data["key_points"],
        data["difficulty"],
        data["source"],
    )
    return (
        _kebab(data["id"])
        and _kebab(data["topic"])
        and _text(data["title"], MAX_TITLE_CHARS)
        and type(source) is str
        and source != ""
        and source == source.strip()
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
    # The sections, as `split_sections` finds them in the parsed body: its top-level
    # `## ` headings (`headings` with level 2, atx and not nested) that have a title.
    starts: list[tuple[int, str]] = []
    for index, token in enumerate(tokens):
        if (
            token.type == "heading_open"
            and token.tag == "h2"
            and token.level == 0
            and token.map is not None
            and token.markup.startswith("#")
        ):
            title = tokens[index + 1].content.strip()
            if title:
                starts.append((token.map[0], title))
    if len(starts) != 2 or (starts[0][1], starts[1][1]) != CONCEPT_SECTIONS:
        return False  # missing, unknown or repeated sections
    lines = body.split("\n")
    (question_row, _), (answer_row, _) = starts
    if any(raw.strip() for raw in lines[:question_row]):
        return False  # stray text before the first section
    if not any(raw.strip() for raw in lines[question_row + 1 : answer_row]):
        return False  # an empty question
    if not any(raw.strip() for raw in lines[answer_row + 1 :]):
        return False  # an empty answer
    # Only the sections and the lines before them can hold a `$`, and the titles do not.
    if "$" in body and math_problem_offsets(
        body, tokens, inline_parsed=inline_parsed, scan=math_scan
    ):
        return False  # a formula that does not render, or a stray `$`
    points = data["key_points"]
    if any("$" in point and find_math_problems(point) for point in points):
        return False
    if MIN_POINTS <= len(points) <= RULE_MAX_POINTS:  # what key_points_problem allows
        return True
    answer = "\n".join(lines[answer_row + 1 :]).rstrip()  # the Answer section's text
    return key_points_problem(len(points), answer) is None
