"""Phrases joined by a separator, broken between phrases, never inside one."""

from __future__ import annotations

from collections.abc import Sequence

from rich.cells import cell_len

SEPARATOR = " · "


def break_between(phrases: Sequence[str], width: int, separator: str = SEPARATOR) -> str:
    """The phrases on as few lines of `width` cells as fit whole phrases: a line that would
    overflow ends after the separator's dot and the next phrase starts the next line.

    Home's plan line ("12 days left · readiness … · today: 34 reviews + 12 new, about 25
    min") is longer than 80 columns; wrapped at any space it splits "+ 12 / new". A phrase
    wider than `width` alone is left whole for the widget to wrap.
    """
    lines: list[str] = []
    current = ""
    for phrase in phrases:
        joined = phrase if not current else current + separator + phrase
        if current and cell_len(joined + separator.rstrip()) > width:
            lines.append(current + separator.rstrip())
            current = phrase
        else:
            current = joined
    lines.append(current)
    return "\n".join(lines)
