"""Lint's check of a coding card's `params` against what its checker reads.

A card's `params` reach only the checker's `make_cases`, which reads the ones it knows
and leaves the rest be: a misspelt one (`epsilon` for `eps`, `tolerence`) linted clean
and the drill was graded with the checker's default. Nothing declares which params a
checker takes (a pack's own checkers included), so lint asks the checker itself: it runs
`make_cases` once on the card's params through a mapping that notes each name looked up
(`params["eps"]`, `params.get("eps", 1e-5)`, `"eps" in params`). A param never looked up
is an error, as an unknown front-matter key is, at its own line, with a did-you-mean from
the names it did look up. A checker that lists the params (iterates, copies them whole)
may read any name: then nothing is said. A pack's checker is asked only where lint runs
drills, in a child process it can stop (`lint_drills`): it is its author's code.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator, Mapping
from typing import Any

from quiz.bank.models import Card, CodingFront
from quiz.bank.problems import Problem

__all__ = ["CODE", "names_read", "unread_params", "unread_problems"]

CODE = "unknown-param"


class _Noting(Mapping[str, Any]):
    """The card's params, noting each name looked up and whether they were listed."""

    def __init__(self, params: Mapping[str, Any]) -> None:
        self._params = params
        self.asked: set[str] = set()
        self.listed = False

    def __getitem__(self, key: str) -> Any:
        self.asked.add(key)
        return self._params[key]

    def __iter__(self) -> Iterator[str]:
        self.listed = True
        return iter(self._params)

    def __len__(self) -> int:
        self.listed = True
        return len(self._params)


def names_read(checker: Any, params: Mapping[str, Any], seed: int) -> set[str] | None:
    """The names `checker.make_cases` looks up in `params` (with grading's generator for
    `seed`); None when it cannot be told: it listed them, or it raised (the drill checks
    report a checker that fails)."""
    from engine.cases import case_seed_rng

    noting = _Noting(params)
    try:
        checker.make_cases(case_seed_rng(seed), noting)
    except (Exception, SystemExit):  # a pack's checker may fail anyhow: its drill check says so
        return None
    return None if noting.listed else noting.asked


def unread_params(card: Card, checker: Any, seed: int) -> list[Problem]:
    """An `unknown-param` error at each of the card's params its checker never reads."""
    front = card.front
    assert isinstance(front, CodingFront)
    if not front.params:
        return []
    return unread_problems(card, names_read(checker, front.params, seed))


def unread_problems(card: Card, read: set[str] | None) -> list[Problem]:
    """`unread_params` from the names the checker was seen to read (None: nothing said),
    found in lint's process or in the child that runs a pack's checker."""
    front = card.front
    assert isinstance(front, CodingFront)
    if read is None or not front.params:
        return []
    offered = sorted(read - set(front.params))
    problems: list[Problem] = []
    for name in front.params:
        if name in read:
            continue
        close = difflib.get_close_matches(name, offered, n=1)
        if close:
            hint = f" (did you mean '{close[0]}'?)"
        elif read:
            hint = f" (it reads {', '.join(sorted(read))})"
        else:
            hint = " (it reads none: delete it)"
        line, col = _place(card, name)
        problems.append(
            Problem(
                card.path,
                line,
                col,
                CODE,
                f"unknown param '{name}'{hint}: checker '{front.checker}' never reads it, "
                "so the drill is graded with the checker's default instead",
            )
        )
    return problems


def _place(card: Card, name: str) -> tuple[int, int]:
    """The line and column of param `name` in the card's file (else the `params` line)."""
    from quiz.bank.loader import CARD_LIMIT
    from quiz.bank.parse import file_node_position

    place = file_node_position(card.path, ("params", name), CARD_LIMIT)
    return place or (card.lines.get("params", 1), 1)
