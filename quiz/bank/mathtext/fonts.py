"""Letters restyled: an accent over one symbol (``\\hat{y}``, ŷ), the font macros
(``\\mathbb``, ``\\mathbf``; ``\\mathrm`` and its kin are shown as written) and plain
TeX's font switches where one opens a group (``{\\rm d}x``)."""

from __future__ import annotations

import unicodedata
from typing import Any, Final

from quiz.bank.mathsymbols import BOLD, SCRIPT
from quiz.bank.mathtext.layout import single_symbol
from quiz.bank.mathtext.nodes import Handler, Walk
from quiz.bank.mathtext.unconvertible import Unconvertible

Font = tuple[dict[str, str], bool] | None
"""A letter font: its table and whether a letter it lacks is an error; None is upright."""


def accent(mark: str) -> Handler:
    """The rule of an accent macro: its combining `mark` over one symbol."""

    def render(r: Walk, pos: int, args: list[Any]) -> str:
        body = r.required(args, 0, pos)
        if not single_symbol(body):
            raise Unconvertible(pos, "an accent over more than one symbol has no text form")
        return unicodedata.normalize("NFC", body + mark)  # y + U+0302 -> ŷ

    return render


def letter_font(table: dict[str, str], strict: bool) -> Handler:
    """The rule of a letter font macro (``\\mathbb``, ``\\mathbf``): see `restyle`."""

    def render(r: Walk, pos: int, args: list[Any]) -> str:
        return restyle(r.required(args, 0, pos), (table, strict), pos)

    return render


def plain_font(r: Walk, pos: int, args: list[Any]) -> str:
    """``\\mathrm`` and its kin: the terminal has one font, so the letters as written."""
    return r.required(args, 0, pos)


def restyle(body: str, font: Font, pos: int) -> str:
    """`body` in a letter font (a table, and whether a letter it lacks is an error);
    None is the upright font, which the terminal shows as written."""
    if font is None:
        return body
    table, strict = font
    if strict and not all(c in table or c.isspace() for c in body):
        raise Unconvertible(pos, f"no Unicode letters for {body!r} in this font")
    return "".join(table.get(c, c) for c in body if not c.isspace())


FONT_SWITCHES: Final[dict[str, Font]] = {
    "rm": None,
    "it": None,
    "sf": None,
    "tt": None,
    "bf": (BOLD, False),
    "cal": (SCRIPT, True),
}
"""Plain TeX's font switches, rendered where one opens a group (``{\\rm d}x``) as the
font macro of the same name (``\\mathrm``, ``\\mathbf``, ``\\mathcal``)."""
