"""An id lint tells an author to write that another card already has.

`Good-Card.md` with `id: good-card` is told "rename the file to good-card.md", and
`id: Good-Card` "write 'good-card'": good advice in a pack alone, but when another card of
the bank has that id, the author who follows it meets `duplicate-id` next, and that card
is left out. The fix names the card that has the id, so one edit does it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Final

from quiz.bank.problems import Problem

__all__ = ["taken_id_notes"]

_FIXES: Final = (
    ("id-file-name", re.compile(r"rename the file to ([a-z0-9]+(?:-[a-z0-9]+)*)\.md")),
    ("bad-value", re.compile(r"^id: .* write '([a-z0-9]+(?:-[a-z0-9]+)*)'$")),
)
"""The problems whose fix writes an id, and where the id is in their words."""


def _same_file(a: Path, b: Path) -> bool:
    """Whether two paths are one card file (a link to a card is its card: no other's id)."""
    try:
        return a == b or a.resolve() == b.resolve()
    except (OSError, RuntimeError):
        return a == b


def taken_id_notes(problems: Sequence[Problem], ids: Mapping[str, Path]) -> list[Problem]:
    """`problems`, each fix that writes an id of another card of the bank (`ids`: every
    loaded card's id and file) saying whose it is."""
    noted: list[Problem] = []
    for problem in problems:
        for code, fix in _FIXES:
            found = fix.search(problem.message) if problem.code == code else None
            other = ids.get(found.group(1)) if found else None
            if found and other is not None and not _same_file(other, problem.path):
                problem = replace(
                    problem,
                    message=f"{problem.message}; but '{found.group(1)}' is the id of {other} "
                    "already: give this card an id of its own, and its file the same name",
                )
                break
        noted.append(problem)
    return noted
