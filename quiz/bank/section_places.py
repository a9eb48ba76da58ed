"""Where a section the loader looks for is written in the wrong form, or would go.

A card's sections are `## ` headings in a fixed set; an author writes `# Question`,
`##Answer` or `**Hints**`, or leaves one out. These helpers name the line to fix, or the
section to add the missing one beside, instead of "missing section" at the body's top.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from quiz.bank.models import Section

_HEADING_LIKE = re.compile(r"(?:#{1,6}[ \t]*|\*\*|__)?([A-Za-z][A-Za-z ]*?)(?:\*\*|__|:)?")
"""A line that names a section in the wrong form: `# Question`, `**Answer**`, `Answer:`."""


def heading_meant(line: str, missing: list[str]) -> str | None:
    """The missing section a stray text's first line names in the wrong form, if any."""
    match = _HEADING_LIKE.fullmatch(line)
    if match is None or line == match.group(1):  # a bare word is text, not a heading
        return None
    name = match.group(1).strip().lower()
    return next((title for title in missing if title.lower() == name), None)


_FENCE_LINE = re.compile(r"[ ]{0,3}(```|~~~)")


def missing_section(
    title: str,
    required: Sequence[str],
    sections: Mapping[str, Section],
    body: str,
    body_line: int,
) -> tuple[int, str]:
    """Where a missing section is and what to write: the line that names it in the wrong
    form (`##Answer`, `### Answer`, `**Answer**` inside another section), or the section
    to add it after (or before). "missing section '## Hints'" said neither."""
    in_code = False
    for row, raw in enumerate(body.split("\n")):
        if _FENCE_LINE.match(raw):
            in_code = not in_code
            continue
        first = raw.strip()
        if first == f"## {title}":
            continue  # written right, read otherwise (an open HTML block): not this slip
        if not in_code and first and heading_meant(first, [title]) == title:
            return body_line + row, (
                f"'{first}' is not a section heading: a section starts with '## ', write"
                f" '## {title}'"
            )
    place = required.index(title)
    before = [t for t in required[:place] if t in sections]
    after = [t for t in required[place + 1 :] if t in sections]
    where = ""
    if before:
        where = f": add it after the '## {before[-1]}' section (line {sections[before[-1]].line})"
    elif after:
        where = f": add it before '## {after[0]}' (line {sections[after[0]].line})"
    return body_line, f"missing section '## {title}'{where}"
