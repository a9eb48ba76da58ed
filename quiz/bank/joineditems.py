"""A `- ` item indented deeper than its list's: YAML joins it to the item above.

In a block list, a line indented past the item above is that item's continuation, so

    key_points:
      - The derivative is 1 for z > 0
       - Dead units get no gradient
        - Cheap to compute

is one key point, "The derivative is 1 for z > 0 - Dead units get no gradient - Cheap to
compute", and the card loads with two points fewer and no error. Lint reports each joined
`- ` line: one left of the item's text (a slip of a space), and one at its text's column or
past it (meant as a new item, or as a point under the one above: YAML nests a list only
under an item with no text). The one line left be is one `drillbit import` wrapped: its
dumper breaks an item longer than `IMPORT_WIDTH` at a space, and the next word may be a
dash; it reads back whole. Only lint looks (the app shows what YAML read), and a front
matter whose `- ` lines all stand at one indent per list is passed by a text scan
(`may_join`) before any YAML is composed (`yamlslips` composes it once for both checks).
"""

from __future__ import annotations

import re
from typing import Any

import yaml

IMPORT_WIDTH = 1000
"""The width `drillbit import` writes front matter at (`quiz.ecosystem.frontyaml`): a line
longer than this ended where its dumper wrapped a long item, not where an author did."""

_DASH = re.compile(r"^( *)-[ \t]", re.MULTILINE)


def may_join(text: str) -> bool:
    """False when no `- ` line stands deeper than an earlier one (nothing to join)."""
    shallowest: int | None = None
    for match in _DASH.finditer(text):
        indent = len(match.group(1))
        if shallowest is not None and indent > shallowest:
            return True
        shallowest = indent if shallowest is None else min(shallowest, indent)
    return False


Joined = tuple[int, int, str, tuple[int, int]]
"""(file line, column, message, (file line, column) of the item it was read into)."""


def joined_items(text: str, root: yaml.Node, first_line: int) -> list[Joined]:
    """Each `- ` line that YAML read as the continuation of the plain item above it, in the
    node tree `root` of `text`, a YAML document starting at file line `first_line`, with the
    place of that item (where a schema error about the joined value is told)."""
    found: list[Joined] = []
    stack: list[Any] = [root]
    while stack:
        node = stack.pop()
        if isinstance(node, yaml.MappingNode):
            stack.extend(value for _, value in node.value)
        elif isinstance(node, yaml.SequenceNode):
            dash = node.start_mark.column + 1
            for index, item in enumerate(node.value, start=1):
                if isinstance(item, yaml.ScalarNode) and not item.style:  # plain: None or ""
                    found.extend(_joined_lines(text, item, (index, dash), first_line))
                else:
                    stack.append(item)
    found.sort()
    return found


def _joined_lines(
    text: str, item: yaml.ScalarNode, place: tuple[int, int], first_line: int
) -> list[Joined]:
    """The continuation lines of one plain item (its number and its list's dash column in
    `place`) that begin with `- `."""
    start, end = item.start_mark, item.end_mark
    if end.line == start.line:
        return []
    index, dash = place
    lines = text[start.index : end.index].split("\n")
    found: list[Joined] = []
    at = (first_line + start.line, start.column + 1)
    for offset, line in enumerate(lines[1:], start=1):
        stripped = line.lstrip(" ")
        if not (stripped.startswith("- ") or stripped == "-"):
            continue
        indent = len(line) - len(stripped)
        before = lines[offset - 1] if offset > 1 else text.split("\n")[start.line]
        if indent >= start.column and len(before) > IMPORT_WIDTH:
            continue  # `drillbit import` wrapped a long item here: it reads back whole
        slip, read = (
            (f"is indented deeper than item {index} above, left of its text", "")
            if indent < start.column
            else (f"stands under the text of item {index} above", " (no new item, no sublist)")
        )
        found.append(
            (
                first_line + start.line + offset,
                indent + 1,
                f"this '- ' line {slip}, so YAML reads it as that item's continuation{read}: "
                "the two are one item and the list has one fewer; indent it as the other items (its "
                f"dash at column {dash}), or put the item in quotes if the dash is its text",
                at,
            )
        )
    return found
