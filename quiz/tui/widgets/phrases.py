"""Phrases joined by a separator, broken between phrases, never inside one."""

from __future__ import annotations

from collections.abc import Sequence

from rich.cells import cell_len
from rich.text import Text

SEPARATOR = " · "
CLAUSE = "; "
"""Where a phrase too wide for the line breaks: between its clauses."""

COUNT_STYLES = ("bold yellow", "cyan", "")
"""The count of today's parts: what `d` studies, then the new cards (or fsrs's due count
beside a plan's), then the fsrs backlog's note (the stats screen's line too)."""


def break_between(phrases: Sequence[str], width: int, separator: str = SEPARATOR) -> str:
    """The phrases on as few lines of `width` cells as fit whole phrases: where a line would
    overflow the next phrase starts the next line, and the separator between them is left
    out (a line never ends or starts with a "·": "21 planned today ·" at 80 columns read
    as a line cut short, a phrase lost after its dot).

    Home's plan line ("12 days left · readiness … · today: 34 reviews + 12 new, about 25
    min") is longer than 80 columns; wrapped at any space it splits "+ 12 / new". A phrase
    wider than `width` alone breaks after its clauses' semicolons ("today: … at the
    default pace;" then "1 card waits for tomorrow": wrapped at a space, it left
    "tomorrow ·" alone on a line), and one with none is left whole for the widget to wrap.
    """
    lines: list[str] = []
    current = ""
    for phrase in phrases:
        pieces = phrase.split(CLAUSE) if cell_len(phrase) > width else [phrase]
        for index, piece in enumerate(pieces):
            between = separator if index == 0 else CLAUSE
            joined = piece if not current else current + between + piece
            semicolon = index < len(pieces) - 1  # room for the ";" a break after it leaves
            if current and cell_len(joined) + semicolon > width:
                lines.append(current + (CLAUSE.rstrip() if between == CLAUSE else ""))
                current = piece
            else:
                current = joined
    lines.append(current)
    return "\n".join(lines)


def count_line(parts: Sequence[tuple[str, str]], breakdown: str, width: int) -> Text:
    """Home's and the stats screen's count of today, then the cards' breakdown:
    "12 due · 20 new today  |  144 new + … = 10144 cards" on one line when it fits.

    `parts` are (text, style); one that would overflow starts the next line (Home's note
    of the fsrs backlog, " (9,991 due by fsrs; …)", goes under "200 due · 20 new today"),
    and the breakdown goes whole on a line of its own, never "= 144" and then "cards"
    (its note of buried cards, after a " · ", on the next one if it does not fit). A part
    that begins with the separator starts the next line without it, as the plan's line
    does (`break_between`): "20 planned today", then "1 due by fsrs, …" (the next line
    began "· 1 due by fsrs", and later "20 planned today ·" ended a line with a dot)."""
    text = parts_line(parts, width)
    used = cell_len(text.plain.rsplit("\n", 1)[-1])
    fits = used + cell_len(f"  |  {breakdown}") <= width
    # on a line of its own, a breakdown too wide breaks before its buried cards
    text.append(
        "  |  " + breakdown if fits else "\n" + break_between(breakdown.split(SEPARATOR), width)
    )
    return text


def parts_line(parts: Sequence[tuple[str, str]], width: int) -> Text:
    """`parts` (text, style) one after another, a part that would overflow `width` cells
    starting the next line, without the separator it begins with: the stats screen's
    "reviews 4 · cards seen 4 · accuracy 75% · true retention 88%*", which the widget
    wrapped at any space, leaving a "·" to end a line or start one at 60 columns."""
    text = Text()
    used = 0
    for index, (part, style) in enumerate(parts):
        if index and used + cell_len(part) > width:
            text.append("\n")
            part = part.removeprefix(SEPARATOR).lstrip()
            used = 0
        text.append(part, style=style)
        used += cell_len(part)
    return text
