"""Lint's warning at a pack's `after` naming a pack the bank does not have.

A pack comes after the loaded packs its `after` names, and a name of no loaded pack is
passed over without a word (a pack may build on one a learner has not installed). So a
typo there, or a pack renamed (its folder moved in a commit), left the teaching order
quietly as if the name were not there; linting the pack alone then said to name in
`after` the pack it did name. A warning, not an error: the app loads the pack either way.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path

from quiz.bank.loader import PACK_FILE
from quiz.bank.models import Pack
from quiz.bank.pack_title import top_key_line
from quiz.bank.problems import Problem

__all__ = ["unknown_after_warnings"]


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
