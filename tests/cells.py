"""How many columns a terminal gives a character, by Unicode's own tables (UAX #11), apart
from Rich's: the two must agree on every character a card shows, or a line's end and a
box's right border move in the terminal while Textual lays them out where they belong."""

from __future__ import annotations

import unicodedata
from typing import Final

AMBIGUOUS_KEPT: Final = frozenset(
    # Greek letters: the math's variables, no other form in every font
    "ΑΒΓΔΕΖΗΘΙΚΛΜΝΞΟΠΡΣΤΥΦΧΨΩαβγδεζηθικλμνξοπρστυφχψω"
    # numbers' forms: scripts, fractions, degrees
    "¹²³⁴ⁿ₁₂₃₄¼½¾⅓⅔⅛°"
    # operators and relations, arrows, the norm's bars
    "±×÷∀∂∃∇∈∋∏∑√∝∞∧∨∩∪∫∴∵∼≈≌≒≠≡≤≥≦≧≪≫⊂⊃⊆⊇⊕⊙⊥ℓ←↑→↓↔⇒⇔∣∥‖"
    # negated relations (\not<, \nless), as ≠: "not <" in words would change the formula
    "≮≯"
    # a labelled arrow's shaft, \xrightarrow{f} as ─f→: a hyphen there reads as minus f
    "─"
)
"""East Asian Ambiguous characters a card may show: the math needs them and Unicode has no
form of the same meaning one column wide everywhere (a terminal set to draw ambiguous
characters wide still moves a line holding one; nothing but leaving the symbol out would
help). One that has such a form is in `quiz.bank.mathsymbols.NARROW_FORMS` instead."""


def zero_width(char: str) -> bool:
    """A combining mark, a variation selector, a joiner or another format character."""
    return bool(unicodedata.combining(char)) or unicodedata.category(char) in {"Mn", "Me", "Cf"}


def terminal_cells(char: str) -> int:
    """The columns a terminal that draws ambiguous characters narrow (the default, and
    Windows Terminal's only choice) gives `char`: 0, 1 or 2."""
    if zero_width(char):
        return 0
    return 2 if unicodedata.east_asian_width(char) in {"W", "F"} else 1


def terminal_width(text: str) -> int:
    """`terminal_cells` summed over a line."""
    return sum(terminal_cells(char) for char in text)
