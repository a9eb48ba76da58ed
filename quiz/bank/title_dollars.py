"""A card title's dollar signs: the one place their rules live (lint-only checks).

A title is shown as written (lists, headings, the Anki export), never rendered, so:
- math in it (`$x$`, or a lone `$` that opens math, `Bias $b`) is an error, `title-math`:
  write it in Unicode (√dₖ, 3×3, σ′);
- a `$` before a digit, a space or the end is a price or the sign itself (`Is $5 a lot?`),
  shown as written and read as such: it passes;
- an escaped dollar (`\\$`), a literal dollar in a body, shows its backslash in a title: a
  warning, `title-escape`, whose fix is the sign alone.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from quiz.bank.markdown import scan_math
from quiz.bank.markdown.mathscan import DOLLAR_HINT
from quiz.bank.models import Card
from quiz.bank.problems import Problem

__all__ = ["SHOWN_AS_WRITTEN", "title_escape_warnings", "title_math_problems"]

SHOWN_AS_WRITTEN = "a title is shown as written (lists, headings, the Anki export)"
"""Why a title's marks are slips: said by every title rule (`title_markup` too)."""


def title_math_problems(title: str, path: Path, line: int) -> list[Problem]:
    """The `title-math` errors of a title written at `line`, each at column 1 (its column in
    the title is in the message): the parser's lint-only check, as the body's math is."""
    if "$" not in title:
        return []
    problems: list[Problem] = []
    if scan_math(title).spans:
        problems.append(
            Problem(
                path,
                line,
                1,
                "title-math",
                f"{SHOWN_AS_WRITTEN}: write its math in Unicode (√dₖ, 3×3, σ′), not as $...$",
            )
        )
    problems.extend(_lone_dollars(title, path, line))
    return problems


def title_escape_warnings(cards: Sequence[Card]) -> list[Problem]:
    """A `title-escape` warning at the title's line of each loaded card whose title has
    `\\$` (the first one's column named): lint's, once the bank is loaded, as a warning
    never keeps a card from loading."""
    problems: list[Problem] = []
    for card in cards:
        column = card.title.find("\\$") + 1
        if column:
            problems.append(
                Problem(
                    card.path,
                    card.lines.get("title", 1),
                    1,
                    "title-escape",
                    f"title: '\\$' (column {column} of the title) shows its backslash: "
                    f"{SHOWN_AS_WRITTEN}, never rendered: write the sign alone ($5)",
                    severity="warning",
                )
            )
    return problems


def _plain_dollar(title: str, col: int) -> bool:
    """True when the `$` at 1-based `col` stands before a digit, a space or the end: a
    price or the sign itself, which a title shows as written and no one reads as math."""
    after = title[col : col + 1]
    return title[col - 1 : col] == "$" and (not after or after.isdigit() or after.isspace())


def _lone_dollars(title: str, path: Path, line: int) -> list[Problem]:
    """A lone `$` that opens math (`Bias $b`), as the body's math check tells one, with a
    title's fix. A price (`Is $5 a lot?`) passes."""
    from quiz.bank.mathtext import find_math_problems

    problems = []
    for problem in find_math_problems(title):
        if _plain_dollar(title, problem.col):
            continue
        what = problem.message.removesuffix(DOLLAR_HINT)
        problems.append(
            Problem(
                path,
                line,
                1,
                "title-math",
                f"title: {what} (column {problem.col} of the title): {SHOWN_AS_WRITTEN}: "
                "write its math in Unicode (√dₖ, 3×3, σ′)",
            )
        )
    return problems
