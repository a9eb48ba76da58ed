"""A note of drillbit's own choice or numeric note type read back as that kind of card.

`drillbit export anki` writes a choice card as a `drillbit choice` note (Question,
Choices, Answer with each right choice marked `✓`, Explanation) and a numeric card as a
`drillbit numeric` note (Question with `Answer in UNIT.` after it, Answer `0.25 UNIT` over
`accepted: 0.249 to 0.251 UNIT (± 0.001)`, Explanation). Read as any note, each came back
as a concept card; these fields say all the card was, so it is made again as it was.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from quiz.ecosystem.notes.found import OwnKind

__all__ = ["own_kind"]

_CHOICE = "drillbit choice"
_NUMERIC = "drillbit numeric"
_ITEM = re.compile(r"^- (✓ )?(.*)$")
_NUMBER = re.compile(r"^([-+]?[0-9][0-9._]*(?:[eE][-+]?[0-9]+)?)(?: (.+))?$")
_ACCEPTED = re.compile(r"^accepted: .*\(± ([0-9.eE+-]+)(%?)\)$")


def own_kind(kind: str | None, texts: list[str]) -> OwnKind | None:
    """The choice or numeric card of a note of drillbit's own type, from its fields as
    Markdown; None for any other note, or one whose fields no longer read as the export
    wrote them (edited in Anki, exported without HTML): it is then read as a concept card."""
    if kind == _CHOICE and len(texts) >= 4:
        return _choice(texts)
    if kind == _NUMERIC and len(texts) >= 3:
        return _numeric(texts)
    return None


def _choice(texts: list[str]) -> OwnKind | None:
    """A choice card: its choices in order from the Answer field, the right ones marked."""
    choices: list[str] = []
    correct: list[int] = []
    for line in texts[2].split("\n"):
        item = _ITEM.match(line)
        if item is None or not item.group(2).strip():
            return None  # not the list the export wrote: no choices to trust
        if item.group(1):
            correct.append(len(choices))
        choices.append(item.group(2).strip())
    if len(choices) < 2 or not correct:
        return None
    return OwnKind("choice", texts[0], texts[3], choices=tuple(choices), correct=tuple(correct))


def _numeric(texts: list[str]) -> OwnKind | None:
    """A numeric card: its number and unit from the Answer field's first line, its
    tolerance from the `accepted:` line, the `Answer in UNIT.` line taken off the question."""
    lines = texts[1].split("\n")
    number = _NUMBER.match(lines[0].strip())
    accepted = _ACCEPTED.match(lines[1].strip()) if len(lines) == 2 else None
    if number is None or accepted is None:
        return None
    try:
        value = float(number.group(1))
        allowed = Decimal(accepted.group(1))
    except (ValueError, InvalidOperation):
        return None
    unit = number.group(2)
    question = texts[0]
    if unit is not None:
        question = question.removesuffix(f"Answer in {unit}.").rstrip()
    tolerance = (
        ("relative", float(allowed / 100)) if accepted.group(2) else ("absolute", float(allowed))
    )
    return OwnKind("numeric", question, texts[2], number=value, tolerance=tolerance, unit=unit)
