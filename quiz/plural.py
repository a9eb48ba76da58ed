"""A count and its noun in proper English: '1 card', '2 cards', '0 cards'.

The one place drillbit picks a singular or plural noun for a number it prints. Lines
said "1 card(s)", "1 review(s)" or "(1 attempts)" before; every count is worded here.
"""

from __future__ import annotations

__all__ = ["counted", "plural"]


def plural(count: int, noun: str, many: str | None = None) -> str:
    """`noun` for exactly one, else its plural: `many`, or `noun` with an s.

    Only one is singular: "0 cards", "1 card", "2 cards". `many` is for nouns whose
    plural is not an added s ("1 entry", "2 entries") and for phrases whose verb agrees
    ("card waits", "cards wait").
    """
    if count == 1:
        return noun
    return many if many is not None else f"{noun}s"


def counted(count: int, noun: str, many: str | None = None) -> str:
    """The count followed by `noun` in agreement with it: '1 card', '3 card files'."""
    return f"{count} {plural(count, noun, many)}"
