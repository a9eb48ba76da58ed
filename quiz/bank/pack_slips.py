"""A pack.yaml written as lint reads a card's front matter: a key written twice
(`duplicate-key`: YAML keeps the later `title:` and drops the first without a word) and an
`order` entry joined to the one above (`joined-item`), each at its line.

The load reads pack.yaml for its values (and caches them), so these are looked for here,
by lint, in the text of each linted pack's file, through the same `yamlslips` check as
front matter.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from quiz.bank.loader import CARD_LIMIT, PACK_FILE
from quiz.bank.problems import Problem
from quiz.bank.yamlslips import yaml_slips
from quiz.errors import InputFileError
from quiz.textsafe import read_regular_text


def pack_yaml_slips(packs: Iterable[Path], checked: Callable[[Path], bool]) -> list[Problem]:
    """The slips of each checked pack folder's pack.yaml (one that cannot be read or does
    not parse has none here: the load reports it)."""
    problems: list[Problem] = []
    for pack in packs:
        path = pack / PACK_FILE
        if not checked(path):
            continue
        try:
            text = read_regular_text(path, limit=CARD_LIMIT).removeprefix("\ufeff")
        except InputFileError:
            continue
        for line, col, code, message in yaml_slips(text, 1):
            problems.append(Problem(path, line, col, code, message))
    return problems
