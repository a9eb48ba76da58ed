"""A pack title or topic as one part of an Anki deck name, and lint's error for a title
that is not one.

The Anki export files a pack's cards under `drillbit::<pack title>::<topic>`, and Anki
splits a deck name at every `::`: a title `ML::Basics` became two decks, `ML` and
`Basics` below it, and the deck `ML`, made by Anki, had none of the export's options.
The export writes such a name as `anki_deck_part` does (`ML:Basics`); lint says so at
the title's line, so the author picks the name the learner sees. The app still loads
the pack: nothing else reads `::` in a title.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from pathlib import Path

from quiz.bank.loader import CARD_LIMIT, PACK_FILE
from quiz.bank.models import Pack
from quiz.bank.problems import Problem
from quiz.errors import InputFileError
from quiz.textsafe import read_regular_text

__all__ = ["anki_deck_part", "pack_title_problems", "top_key_line"]

_COLONS = re.compile(r":{2,}")


def anki_deck_part(name: str) -> str:
    """`name` as one level of an Anki deck name: a run of colons becomes one, and a colon
    at either end goes (it would make a `::` with the separator beside it). '' when
    nothing is left."""
    return _COLONS.sub(":", name).strip(":")


def top_key_line(pack_yaml: Path, key: str) -> int:
    """The 1-based line of the top-level `key:` of a pack.yaml, 1 when it cannot be told."""
    try:
        text = read_regular_text(pack_yaml, limit=CARD_LIMIT)
    except InputFileError:
        return 1
    match = re.search(rf"^{re.escape(key)}\s*:", text, re.MULTILINE)
    return 1 if match is None else text.count("\n", 0, match.start()) + 1


def pack_title_problems(packs: Iterable[Pack], checked: Callable[[Path], bool]) -> list[Problem]:
    """An error at the `title:` line of each checked pack whose title Anki would split."""
    problems: list[Problem] = []
    for pack in packs:
        pack_yaml = pack.path / PACK_FILE
        title = pack.info.title
        written = anki_deck_part(title)
        if written == title or not checked(pack_yaml):
            continue
        problems.append(
            Problem(
                pack_yaml,
                top_key_line(pack_yaml, "title"),
                1,
                "title-deck-separator",
                f"Anki splits deck names at '::', so title {title!r} would not stay one"
                f" deck: the Anki export writes it as {written or pack.name!r}; write the"
                " title without '::' or a colon at either end",
            )
        )
    return problems
