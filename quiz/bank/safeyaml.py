"""YAML for content files, without aliases: what a person writes, never an expansion bomb.

A YAML alias (`*name`) repeats an anchored node by reference. Nine nested levels of
nine aliases each are a 1 KiB file that expands to hundreds of millions of values once
anything walks it (validation, the card cache, the grader's wire). Cards and pack.yaml
have no use for them, so they are refused with the alias's place; anchors alone are
harmless and allowed.
"""

from __future__ import annotations

from typing import Any

import yaml

_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class AliasRefused(yaml.MarkedYAMLError):
    """The YAML uses an alias; `problem_mark` is where."""


def load(text: str) -> Any:
    """Parse YAML (safe tags only); AliasRefused (a yaml.YAMLError) when it uses an alias."""
    if "*" in text:  # no alias is possible without one; most files skip the event scan
        for event in yaml.parse(text, Loader=_LOADER):
            if isinstance(event, yaml.AliasEvent):
                raise AliasRefused(
                    problem=(
                        f"YAML aliases (*{event.anchor}) are not allowed here; "
                        "write the value out in full"
                    ),
                    problem_mark=_mark(event.start_mark),
                )
    return yaml.load(text, Loader=_LOADER)


def _mark(mark: Any) -> yaml.Mark:
    """A pure-Python Mark (line and column) from the C parser's or the Python parser's."""
    return yaml.Mark("<front matter>", mark.index, mark.line, mark.column, "", 0)
