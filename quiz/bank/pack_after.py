"""Lint's warnings at a pack's `after`: a name of a pack the bank does not have, and a name
that leads back to the pack itself (a cycle).

A pack comes after the loaded packs its `after` names, and a name of no loaded pack is
passed over without a word (a pack may build on one a learner has not installed). So a
typo there, or a pack renamed (its folder moved in a commit), left the teaching order
quietly as if the name were not there; linting the pack alone then said to name in
`after` the pack it did name. A pack naming itself, or one that comes after it in turn
(`a` after `b`, `b` after `a`), was passed over too: in a cycle the load order decides
which comes first, whatever `after` says. Warnings, not errors: the app loads the pack
either way.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path

from quiz.bank.loader import PACK_FILE
from quiz.bank.models import Pack
from quiz.bank.pack_title import top_key_line
from quiz.bank.problems import Problem

__all__ = ["after_cycle_warnings", "unknown_after_warnings"]


def unknown_after_warnings(
    packs: Mapping[str, Pack], checked: Callable[[Path], bool]
) -> list[Problem]:
    """A warning at the `after:` line of each checked pack for each name in it that no
    pack of `packs` (the bank lint loaded, as the app loads it) has."""
    warnings: list[Problem] = []
    for pack in packs.values():
        pack_yaml = pack.path / PACK_FILE
        unknown = [name for name in pack.info.after if name not in packs]
        if not unknown or not checked(pack_yaml):
            continue
        line = top_key_line(pack_yaml, "after")
        for name in unknown:
            warnings.append(
                Problem(
                    pack_yaml,
                    line,
                    1,
                    "unknown-after",
                    f"after: no pack named {name!r} is loaded with this one (a typo, or a"
                    " pack renamed or removed?), so it does not come first: name a pack by"
                    " its folder's name",
                    severity="warning",
                )
            )
    return warnings


def _path_back(packs: Mapping[str, Pack], start: str, goal: str) -> list[str] | None:
    """The names from `start` to `goal` along loaded packs' `after`, if `goal` is reached."""
    came_from: dict[str, str] = {}
    todo, seen = [start], {start}
    while todo:
        name = todo.pop(0)
        if name == goal:
            path = [name]
            while path[-1] != start:
                path.append(came_from[path[-1]])
            return path[::-1]
        for after in packs[name].info.after:
            if after in packs and after not in seen:
                seen.add(after)
                came_from[after] = name
                todo.append(after)
    return None


def after_cycle_warnings(
    packs: Mapping[str, Pack], checked: Callable[[Path], bool]
) -> list[Problem]:
    """A warning at the `after:` line of each checked pack for each name in it that leads
    back to the pack (itself, or a pack that comes after it in turn)."""
    warnings: list[Problem] = []
    for pack in packs.values():
        pack_yaml = pack.path / PACK_FILE
        if not checked(pack_yaml):
            continue
        for name in pack.info.after:
            if name == pack.name:
                why = "names this pack itself, which cannot come before itself: delete it"
            elif name in packs and (back := _path_back(packs, name, pack.name)) is not None:
                cycle = " -> ".join([pack.name, *back])
                why = (
                    f"{name!r} comes after this pack too ({cycle}, each 'after' the next): in "
                    "a cycle the load order decides which comes first; delete one of them"
                )
            else:
                continue
            warnings.append(
                Problem(
                    pack_yaml,
                    top_key_line(pack_yaml, "after"),
                    1,
                    "after-cycle",
                    f"after: {why}",
                    severity="warning",
                )
            )
    return warnings
