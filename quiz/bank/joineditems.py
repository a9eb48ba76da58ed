"""A `- ` item indented deeper than its list's: YAML joins it to the item above.

In a block list, a line indented past the item above is that item's continuation, so

    key_points:
      - The derivative is 1 for z > 0
       - Dead units get no gradient

is one key point, "The derivative is 1 for z > 0 - Dead units get no gradient", and the
card loads with a point fewer and no error. Lint reports the joined line when its dash
stands left of the item's text (a line at the text's column or past it may be the item
wrapped on purpose, as yaml's dumper wraps a long one, and is left be). Only lint looks
(the app shows what YAML read), and a front matter whose `- ` lines all stand at one
indent per list is passed by a text scan before any YAML is composed.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

from quiz.bank.safeyaml import nodes

_DASH = re.compile(r"^( *)-[ \t]", re.MULTILINE)


def _may_join(text: str) -> bool:
    """False when no `- ` line stands deeper than an earlier one (nothing to join)."""
    shallowest: int | None = None
    for match in _DASH.finditer(text):
        indent = len(match.group(1))
        if shallowest is not None and indent > shallowest:
            return True
        shallowest = indent if shallowest is None else min(shallowest, indent)
    return False


def joined_items(text: str, first_line: int) -> list[tuple[int, int, str]]:
    """(file line, column, message) of each `- ` line that YAML read as the continuation of
    the plain item above it, in a document starting at file line `first_line`. A document
    that does not parse has none here (its YAML error is reported where it is read)."""
    if not _may_join(text):
        return []
    root = nodes(text)
    if root is None:
        return []
    found: list[tuple[int, int, str]] = []
    stack: list[Any] = [root]
    while stack:
        node = stack.pop()
        if isinstance(node, yaml.MappingNode):
            stack.extend(value for _, value in node.value)
        elif isinstance(node, yaml.SequenceNode):
            for index, item in enumerate(node.value, start=1):
                if isinstance(item, yaml.ScalarNode) and not item.style:  # plain: None or ""
                    found.extend(_joined_lines(text, item, index, first_line))
                else:
                    stack.append(item)
    found.sort()
    return found


def _joined_lines(
    text: str, item: yaml.ScalarNode, index: int, first_line: int
) -> list[tuple[int, int, str]]:
    """The continuation lines of one plain item that begin with `- `."""
    start, end = item.start_mark, item.end_mark
    if end.line == start.line:
        return []
    lines = text[start.index : end.index].split("\n")[1:]
    found = []
    for offset, line in enumerate(lines, start=1):
        stripped = line.lstrip(" ")
        indent = len(line) - len(stripped)
        # left of the item's text, right of its dash: a slip. At the text's column or past
        # it the line may be the item wrapped (yaml's dumper wraps a long item so): left be.
        if indent < start.column and (stripped.startswith("- ") or stripped == "-"):
            found.append(
                (
                    first_line + start.line + offset,
                    indent + 1,
                    f"this '- ' line is indented deeper than item {index} above, so YAML "
                    "reads it as that item's continuation: the two are one item and the "
                    "list has one fewer; indent it as the other items (or put the item "
                    "in quotes if the dash is its text)",
                )
            )
    return found
