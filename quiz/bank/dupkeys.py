"""Keys written twice in one YAML mapping: the later value silently wins.

PyYAML (and the loader, `safeyaml`) keeps the last of two equal keys, as YAML 1.1
readers do, though the YAML spec calls such a document invalid. An author who adds
`difficulty: 3` below a forgotten `difficulty: 2`, or edits the first of two `answer:`
lines, sees the card ignore the edit without a word, so lint reports the later key at
its line. Only lint looks (the app shows the card the value the reader kept), and most
front matters are passed by a cheap text scan (`may_repeat`) before any YAML is composed;
`yamlslips` composes the tree once for this check and `joineditems`.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

_TOP_KEY = re.compile(r"^([A-Za-z_][A-Za-z0-9_-]*)[ \t]*:", re.MULTILINE)
_NESTED_KEY = re.compile(
    r"^[ \t]+(?:-[ \t]+)?[A-Za-z_][A-Za-z0-9_-]*[ \t]*:(?:[ \t]|$)", re.MULTILINE
)
"""An indented `key:` line (a nested block mapping): it may repeat a key of its own."""
_QUOTED_KEY = re.compile(r"^[\"']", re.MULTILINE)
"""A top-level key in quotes (`"id": a`), which the plain-key scan does not read."""


def may_repeat(text: str) -> bool:
    """False when no mapping of `text` can hold a key twice: the top-level keys differ and
    there is no nested mapping (flow `{...}` or an indented `key:` line)."""
    names = _TOP_KEY.findall(text)
    if len(names) != len(set(names)) or _QUOTED_KEY.search(text):
        return True
    return "{" in text or _NESTED_KEY.search(text) is not None


def duplicate_keys(root: yaml.Node, first_line: int) -> list[tuple[int, int, str]]:
    """(file line, column, message) of each key that repeats an earlier key of its mapping,
    in the node tree `root` of a YAML document starting at file line `first_line`."""
    found: list[tuple[int, int, str]] = []
    stack: list[tuple[Any, str]] = [(root, "")]
    while stack:
        node, prefix = stack.pop()
        if isinstance(node, yaml.SequenceNode):
            stack.extend((item, f"{prefix}[{index}]") for index, item in enumerate(node.value))
        elif isinstance(node, yaml.MappingNode):
            seen: dict[str, int] = {}
            for key_node, value_node in node.value:
                if not isinstance(key_node, yaml.ScalarNode):
                    continue
                name = f"{prefix}.{key_node.value}" if prefix else key_node.value
                line = first_line + key_node.start_mark.line
                earlier = seen.get(key_node.value)
                if earlier is None:
                    seen[key_node.value] = line
                else:
                    where = f"line {earlier}" if earlier != line else "the same line"
                    found.append(
                        (
                            line,
                            key_node.start_mark.column + 1,
                            f"key '{name}' is written twice (first at {where}): YAML keeps "
                            "only this later value and drops the first without a word; "
                            "delete one",
                        )
                    )
                stack.append((value_node, name))
    found.sort()
    return found
