"""Lint warning: a code block whose fence names a language misspelt (```pyhton).

The fence's language picks the highlighting of the Anki export and says what the code is;
a misspelt one is taken for a language nobody knows, and the code shows as plain text.
In a drill's Starter the block is not found at all (an error, which names the language
meant). Only a name close to a common language is told: a fence naming a language of its
own (```mermaid) or one Pygments knows is as the author meant it.
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from functools import lru_cache
from typing import Final

from quiz.bank.markdown import code_blocks
from quiz.bank.models import Card
from quiz.bank.problems import Problem

__all__ = ["fence_language_warnings", "meant_language"]

COMMON_LANGUAGES: Final = (
    "python",
    "pycon",
    "text",
    "bash",
    "shell",
    "console",
    "json",
    "yaml",
    "toml",
    "latex",
    "cpp",
    "java",
    "javascript",
    "typescript",
    "sql",
    "julia",
    "markdown",
    "diff",
    "html",
)
"""The languages a card's code is written in, what a misspelt name is compared with."""


@lru_cache(maxsize=256)
def _pygments_knows(language: str) -> bool:
    from pygments.lexers import find_lexer_class_by_name  # type: ignore[import-untyped]
    from pygments.util import ClassNotFound  # type: ignore[import-untyped]

    try:
        find_lexer_class_by_name(language)
    except ClassNotFound:
        return False
    return True


def meant_language(language: str) -> str | None:
    """The common language a fence's language is a misspelling of (`pyhton`: `python`),
    or None when it is one, names a language Pygments knows, or is close to none."""
    if not language or language in COMMON_LANGUAGES or _pygments_knows(language):
        return None
    close = difflib.get_close_matches(language, COMMON_LANGUAGES, n=1, cutoff=0.75)
    return close[0] if close else None


def fence_language_warnings(cards: Sequence[Card]) -> list[Problem]:
    """A `code-language` warning at the opening fence of each block whose language is a
    misspelling, with the language meant."""
    problems: list[Problem] = []
    for card in cards:
        for name, section in card.sections.items():
            for block in code_blocks(section.text):
                meant = meant_language(block.language) if block.fenced else None
                if meant is not None:
                    problems.append(
                        Problem(
                            card.path,
                            section.line + block.first_line,
                            1,
                            "code-language",
                            f"## {name}: the code block's language '{block.language}' is no "
                            f"language (did you mean '{meant}'?): write ```{meant}, or its "
                            "code is shown as plain text",
                            severity="warning",
                        )
                    )
    return problems
