"""A pack.yaml written as lint reads a card's front matter: a key written twice
(`duplicate-key`: YAML keeps the later `title:` and drops the first without a word) and an
`order` entry joined to the one above (`joined-item`), each at its line.

The load reads pack.yaml for its values (and caches them), so these are looked for here,
by lint, in the text of each linted pack's file, through the same `yamlslips` check as
front matter. An `order` entry a line was joined into is told once, by its `joined-item`
(which then says the pack does not load), not again by the load's schema error about the
joined text, as in a card (`parse._tell_joined_once`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from quiz.bank.loader import CARD_LIMIT, PACK_FILE
from quiz.bank.problems import Problem
from quiz.bank.yamlslips import slips_and_joined
from quiz.errors import InputFileError
from quiz.textsafe import read_regular_text


def pack_yaml_slips(
    packs: Iterable[Path], checked: Callable[[Path], bool], told: list[Problem]
) -> list[Problem]:
    """`told` (the problems so far) with the slips of each checked pack folder's pack.yaml
    (one that cannot be read or does not parse has none here: the load reports it), less
    a schema problem at an entry a line was joined into."""
    problems = list(told)
    for pack in packs:
        path = pack / PACK_FILE
        if not checked(path):
            continue
        try:
            text = read_regular_text(path, limit=CARD_LIMIT).removeprefix("\ufeff")
        except InputFileError:
            continue
        slips, joined = slips_and_joined(text, 1)
        items = {(path, line, col) for line, col in joined.values()}
        dropped = {(p.line, p.col) for p in problems if (p.path, p.line, p.col) in items}
        problems = [p for p in problems if (p.path, p.line, p.col) not in items]
        for line, col, code, message in slips:
            if code == "joined-item" and joined.get((line, col)) in dropped:
                message += "; until then the pack does not load (the joined text is no valid value)"
            problems.append(Problem(path, line, col, code, message))
    return problems
