"""How a formula's text is laid out so that it reads one way only: spaces collapsed and
function names spaced from their operands (`Buffer`), what is one term and needs no
brackets (`_atomic`), and sub/superscripts in Unicode or written out (`script`).
"""

from __future__ import annotations

import unicodedata
from typing import Final

from quiz.bank.mathsymbols import (
    CLOSERS,
    NO_SPACE_BEFORE,
    OPENERS,
    OPERATOR_CHARS,
)


class Buffer:
    """Output under construction: collapses spaces, spaces function names from operands."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.want_space = False
        self.after_script = False
        """`want_space` was set by a written-out script: a letter after it is spaced off
        (x_c y), a slash is not (d_model/n_heads, not d_model /n_heads)."""
        self.fractions: list[int] = []
        """Indexes in `parts` of inline fractions (a/b), bracketed if something multiplies them."""
        self.opened = False
        """An opening delimiter was added last (``\\lVert``, ``\\left|``): spaces are dropped."""

    def open(self, text: str) -> None:
        """Add an opening delimiter: what follows sits tight against it, ``‖x``."""
        self.add(text)
        self.opened = True

    def close(self, text: str) -> None:
        """Add a closing delimiter tight against what it closes, ``x‖``."""
        while self.parts and self.parts[-1] == " ":
            self.parts.pop()
        self.want_space = False
        self.add(text)

    def add_fraction(self, text: str) -> None:
        """Add `a/b`, remembering it so `text()` can bracket it when it is a factor."""
        self.add(text)
        if "/" in text:
            self.fractions.append(len(self.parts) - 1)

    def add(self, text: str) -> None:
        if not text or (text == " " and self.parts and self.parts[-1][-1:].isspace()):
            return  # "x \, y" has one space, not two
        if self.opened and text.isspace():
            return
        self.opened = False
        if text[0] in CLOSERS and self.parts and self.parts[-1] == " ":
            self.parts.pop()  # "( x )" -> "(x)": spaces in math source are not output
        if self.want_space and self.parts:
            first = text[0]
            slash = self.after_script and first == "/"
            if not first.isspace() and first not in NO_SPACE_BEFORE and not slash:
                self.parts.append(" ")
        self.want_space = self.after_script = False
        self.parts.append(text)

    def starts_term(self) -> bool:
        """Nothing yet, or an opening bracket or an operator last: what comes next begins
        a term (a sign put here is unary: "(±1)", "x = ±1")."""
        shown = "".join(self.parts).rstrip()
        return not shown or shown[-1] in OPENERS or shown[-1] in OPERATOR_CHARS

    def space(self) -> None:
        self.want_space = False
        if self.opened:
            return
        if self.parts and not self.parts[-1].endswith(" ") and self.parts[-1][-1] not in OPENERS:
            self.parts.append(" ")

    def attach(self, script: str) -> None:
        """Append a sub/superscript to the last symbol (spaces before ``_``/``^`` vanish)."""
        while self.parts and self.parts[-1].endswith(" ") and self.parts[-1].strip() == "":
            self.parts.pop()
        if script:
            self.parts.append(script)

    def _neighbour(self, k: int, step: int) -> str:
        """The nearest non-blank part before (step -1) or after (step 1) part k."""
        k += step
        while 0 <= k < len(self.parts):
            if self.parts[k].strip():
                return self.parts[k].strip()
            k += step
        return ""

    def text(self) -> str:
        # "1/m dZ Xᵀ" reads as 1/(m dZ Xᵀ): a fraction with a factor beside it is bracketed
        for k in self.fractions:
            before, after = self._neighbour(k, -1), self._neighbour(k, 1)
            if (before and _ends_factor(before[-1])) or (after and _starts_factor(after[0])):
                self.parts[k] = f"({self.parts[k]})"
        return "".join(self.parts).strip()


def single_symbol(text: str) -> bool:
    """One visible character, possibly with combining accents (x, ŷ, θ)."""
    return bool(text) and not any(unicodedata.combining(c) == 0 for c in text[1:])


def bracket_groups(text: str) -> bool:
    """True when the text is bracket groups side by side and nothing else: (a+b), [l-1], [1](i)."""
    if not text or text[0] not in OPENERS:
        return False
    depth = 0
    for c in text:
        if c in OPENERS:
            depth += 1
        elif c in CLOSERS:
            depth -= 1
            if depth < 0:
                return False
        elif depth == 0:
            return False
    return depth == 0


_FACTOR_START: Final = frozenset("([{⟨√∛∜∑∏∫∂∇|‖⋅·×⊙")


_FACTOR_END: Final = frozenset(")]}⟩|‖′'⁾₎⋅·×⊙")


def _starts_factor(c: str) -> bool:
    """A part starting with c multiplies what stands before it (x, (a+b), √v, ∑, ⋅ y)."""
    return c.isalnum() or c in _FACTOR_START


def _ends_factor(c: str) -> bool:
    """A part ending with c multiplies what stands after it (x, xᵢ, (a+b), |x|, x ⋅)."""
    return c.isalnum() or c in _FACTOR_END


def _atomic(text: str) -> bool:
    """One term: safe as a numerator, denominator, radicand, base.

    Not one term: a space or an operator outside brackets (a + b, a b), or factors side by
    side that a bracket group makes plain: a group right after another, σ(z)(1 − σ(z)),
    after a digit, 2(x + 1), or after a single letter when the group holds more than one
    term, p(1 − p). A name applied to its argument is one term: σ(z), f(x), max(a, b),
    and so is a probability given a condition, P(A|B): the bar is no product's.
    A norm or an absolute value is a bracket group too, ‖x − y‖²; bars that do not pair
    up (a | b) are an operator.
    """
    opened = 0  # where the outermost open group starts
    groups: list[str] = []  # the open groups' opening characters, innermost last
    for k, c in enumerate(text):
        if c in _BARS:  # a bar inside a bracket is left to that bracket's content
            if groups and groups[-1] == c:
                c = ")"
            elif all(g in _BARS for g in groups):
                c = "("
        if c in OPENERS:
            if not groups:
                opened = k
                before = text[k - 1] if k else ""
                if before and (before in CLOSERS or before in _BARS or before.isdigit()):
                    return False
            groups.append(text[k])
        elif c in CLOSERS:
            if groups:
                groups.pop()
            if not groups and _single_letter_before(text, opened):
                inside = text[opened + 1 : k]
                if not _atomic(inside) and not _conditioned(inside):
                    return False  # p(1 − p) is a product: p times (1 − p)
        elif not groups and (c.isspace() or c in OPERATOR_CHARS):
            return False
    return not any(g in _BARS for g in groups)  # an unpaired bar is an operator


def _conditioned(text: str) -> bool:
    """One bar outside every bracket with something on each side, ``A|B``, ``x ∣ y``: the
    argument of a conditional probability, not a factor (a pair of bars is a norm)."""
    depth = 0
    bars: list[int] = []
    for k, c in enumerate(text):
        if c in OPENERS:
            depth += 1
        elif c in CLOSERS:
            depth = max(0, depth - 1)
        elif depth == 0 and c in _CONDITION_BARS:
            bars.append(k)
    return len(bars) == 1 and bool(text[: bars[0]].strip()) and bool(text[bars[0] + 1 :].strip())


_CONDITION_BARS: Final = "|∣"


_BARS: Final = "|‖"
"""Delimiters with no side: the first opens a group, the same bar again closes it."""


def _single_letter_before(text: str, k: int) -> bool:
    """The character before position k is a letter that starts the text or follows a non-letter."""
    return k >= 1 and text[k - 1].isalpha() and (k == 1 or not text[k - 2].isalpha())


def script(text: str, table: dict[str, str], mark: str) -> tuple[str, bool]:
    """Unicode script when every character has one, else ``_x``/``_(...)``; and whether the
    readable fallback was used."""
    compact = "".join(text.split())
    if all(c in table for c in compact):
        return "".join(table[c] for c in compact), False
    text = text.strip()
    if single_symbol(text) or bracket_groups(text) or (mark == "_" and _word(text)):
        return mark + text, True
    return f"{mark}({text})", True


def _word(text: str) -> bool:
    """A subscript that is a name, ``model`` of ``d_{model}``: two or more letters, none a
    script form (``idₜ`` stays bracketed). It reads as the code beside it, ``d_model``;
    ``d_(model)`` looked like a call. ``m_(t-1)`` keeps its brackets: an expression."""
    return len(text) >= 2 and all(unicodedata.category(c) in ("Lu", "Ll") for c in text)


def ends_operand(text: str) -> bool:
    return bool(text) and (text[-1].isalnum() or text[-1] in "∂∇)]′'")


def parenthesized(text: str) -> str:
    return text if _atomic(text) and text else f"({text})"
