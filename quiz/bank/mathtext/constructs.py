"""The rules of the macros that take arguments, one construct each: fractions, roots,
binomials, labelled arrows, braces, stacked labels, ``\\not``, names, arrows and bars over
a symbol; with the accents and fonts of `fonts`, the table the walker looks a macro up in
(`CONSTRUCTS`). Each rule returns its text or raises `Unconvertible`."""

from __future__ import annotations

import re
import unicodedata
from typing import Any, Final

from quiz.bank.mathsymbols import (
    ACCENTS,
    BOLD,
    BOLD_FONTS,
    LETTER_FONTS,
    PLAIN_FONTS,
    SUB,
    SUP,
    VULGAR,
)
from quiz.bank.mathtext.decorations import DECORATIONS
from quiz.bank.mathtext.environments import RELATIONS, outside_every_bracket, substack
from quiz.bank.mathtext.fonts import accent, letter_font, plain_font
from quiz.bank.mathtext.layout import bracket_groups, parenthesized, script, single_symbol
from quiz.bank.mathtext.nodes import Handler, Item, Walk
from quiz.bank.mathtext.unconvertible import Unconvertible

FRACTIONS: Final = frozenset({"frac", "dfrac", "tfrac", "cfrac"})
"""The fraction macros: the walker remembers where each stands, to bracket a factor's."""


def frac(r: Walk, pos: int, args: list[Any]) -> str:
    """``a/b``, each side bracketed when more than one term (and a denominator that is a
    product, ``λ/(2m)``); ``½`` where Unicode has the fraction as one character."""
    num, den = r.required(args, 0, pos), r.required(args, 1, pos)
    if not num or not den:
        raise Unconvertible(pos, "\\frac needs a numerator and a denominator")
    vulgar = VULGAR.get((num, den))
    if vulgar is not None:
        return vulgar
    bottom = parenthesized(den)
    if bottom == den and PRODUCT.search(outside_every_bracket(den)):
        bottom = f"({den})"  # λ/2m could be (λ/2)m: write λ/(2m)
    return f"{parenthesized(num)}/{bottom}"


def sqrt(r: Walk, pos: int, args: list[Any]) -> str:
    """``√x``, ``∛x``, ``ⁿ√x``: the radicand bracketed when more than one term or raised."""
    index = r.arg(args[0], True) if args else ""
    radicand = r.required(args, 1, pos)
    if not radicand:
        raise Unconvertible(pos, "\\sqrt of nothing")
    root = {"": "√", "2": "√", "3": "∛", "4": "∜"}.get(index)
    if root is None:
        prefix, fallback = script(index, SUP, "^")
        if fallback:
            raise Unconvertible(pos, f"no plain-text form for a root of index {index}")
        root = prefix + "√"
    body = parenthesized(radicand)
    if body == radicand and ("^" in radicand or any(c in SUPERSCRIPTS for c in radicand)):
        body = f"({radicand})"  # √g² could be (√g)²: write √(g²)
    elif body == radicand and PRODUCT.search(outside_every_bracket(radicand)):
        body = f"({radicand})"  # √2π could be (√2)π: write √(2π)
    return root + body


def binom(r: Walk, pos: int, args: list[Any]) -> str:
    """``(n choose k)``: the words say which is on top, and ``C(n, k)`` could be a
    function C of the formula's own."""
    top, bottom = r.required(args, 0, pos), r.required(args, 1, pos)
    if not top or not bottom:
        raise Unconvertible(pos, "\\binom needs two arguments")
    return f"({top} choose {bottom})"


def labelled_arrow(r: Walk, pos: int, args: list[Any], right: bool) -> str:
    """``─f→`` / ``←f─``: the label on the arrow's shaft, read as written over it,
    bracketed when more than one term."""
    if len(args) > 0 and args[0] is not None:
        raise Unconvertible(pos, "an arrow with a label under it has no text form")
    label = r.required(args, 1, pos)
    if not label:
        return "→" if right else "←"
    label = parenthesized(label)  # ─(n + 1)→: the label, not an arrow between sums
    return f"─{label}→" if right else f"←{label}─"


def brace(r: Walk, pos: int, args: list[Any], mark: str) -> str:
    """The content, bracketed when more than one term, and the brace, which the
    following ``_{label}``/``^{label}`` attaches to as any script: ``(a + b)⏟ₙ``,
    ``‖w‖²⏟_penalty``."""
    body = r.required(args, 0, pos)
    if not body:
        raise Unconvertible(pos, "a brace over nothing")
    return parenthesized(body) + mark


def stacked(r: Walk, pos: int, args: list[Any], table: dict[str, str], mark: str) -> str:
    """``\\overset{a}{b}`` and ``\\stackrel{a}{b}`` as b with a superscript,
    ``\\underset`` with a subscript, as the scripts rule writes them (``argmaxₓ``,
    ``⟶^(x → 0)``); an equals sign with ``def``, ``?``, ``Δ`` or ``⋅`` over it is its own
    Unicode character (≝, ≟, ≜, ≐). A relation with a label Unicode cannot raise has the
    label in brackets after it, ``a =(!) b``: ``=^!`` read as an operator ``=^`` and a
    factorial, where a bracket beside a sign reads as a note on it."""
    label, base = r.required(args, 0, pos), r.required(args, 1, pos)
    if not label or not base:
        raise Unconvertible(pos, "a stacked symbol needs a label and a base")
    if mark == "^" and base == "=" and label in STACKED_EQUALS:
        return STACKED_EQUALS[label]
    text, fallback = script(label, table, mark)
    if fallback and mark == "^" and base.strip() in RELATIONS:
        label = label.strip()
        return base.strip() + (label if bracket_groups(label) else f"({label})")
    return base + text


def negated(r: Walk, pos: int, args: list[Any]) -> str:
    """``\\not`` and the relation after it as Unicode's one negated character (``\\not=``
    is ≠, ``\\not\\in`` ∉, ``\\not<`` ≮); a relation Unicode has no negation of is not
    shown with a stroke that may land anywhere."""
    relation = r.required(args, 0, pos).strip()
    character = unicodedata.normalize("NFC", relation + "\u0338") if relation else ""
    if len(character) != 1:
        raise Unconvertible(
            pos,
            f"\\not {relation or 'of nothing'} has no Unicode character: write \\neq, \\notin ...",
        )
    return character


def operatorname(r: Walk, pos: int, args: list[Any]) -> str:
    """A name set upright (``\\operatorname{relu}``, starred or not): written as it is."""
    return r.required(args, 1, pos, math=False)


def mathop(r: Walk, pos: int, args: list[Any]) -> str:
    """``\\mathop{...}``, its argument made one operator (``\\mathop{\\mathrm{sgn}} x``,
    ``\\mathop{argmax}_x``): written as it is, spaced from its operand as a name is."""
    body = r.required(args, 0, pos).strip()
    if not body:
        raise Unconvertible(pos, "\\mathop of nothing")
    return body


def over_arrow(r: Walk, pos: int, args: list[Any], mark: str, arrow: str) -> str:
    """``\\overrightarrow{x}`` as ``\\vec{x}`` is, ``x⃗``; over more than one symbol, the
    arrow as a script of the bracketed content, ``(AB)^→``, as ``\\overset`` writes
    a label (a combining arrow after a bracket would sit over the bracket alone)."""
    body = r.required(args, 0, pos)
    if not body:
        raise Unconvertible(pos, "an arrow over nothing")
    if single_symbol(body):
        return unicodedata.normalize("NFC", body + mark)
    return f"({body})^{arrow}"


def overline(r: Walk, pos: int, args: list[Any]) -> str:
    """A bar over each character, which reads as one line over them all."""
    body = r.required(args, 0, pos)
    return "".join(c + "\u0305" for c in body)


def underline(r: Walk, pos: int, args: list[Any]) -> str:
    """A line under each character, which reads as one line under them all."""
    body = r.required(args, 0, pos)
    return "".join(c + "\u0332" for c in body)


def choose(r: Walk, items: list[Item], at: list[int]) -> str:
    """``{n \\choose k}``, plain TeX's infix form of ``\\binom{n}{k}``: the whole group
    on each side of it, written as ``\\binom`` writes it, ``(n choose k)``."""
    if len(at) > 1:
        raise Unconvertible(
            items[at[1]][2], "two \\choose in one group: write each as \\binom{n}{k}"
        )
    top, bottom = r.render_items(items[: at[0]]), r.render_items(items[at[0] + 1 :])
    if not top or not bottom:
        raise Unconvertible(items[at[0]][2], "\\choose needs a term on each side")
    return f"({top} choose {bottom})"


PRODUCT: Final = re.compile(r"\d(?=[A-Za-zα-ωϵϑϕ])|[α-ωϵϑϕ](?=[A-Za-zα-ωϵϑϕ])|[A-Za-z](?=[α-ωϵϑϕ])")
"""Juxtaposed factors (2m, 2π, ατ): a product, bracketed as a denominator. Latin letters
side by side are left alone: they are as often one name (dz, step) as a product."""


SUPERSCRIPTS: Final = frozenset(SUP.values())
"""A radicand holding one of these is raised: bracketed, √(g²)."""


STACKED_EQUALS: Final = {"def": "≝", "?": "≟", "Δ": "≜", "⋅": "≐"}
"""An equals sign with these over it is one Unicode character."""


CONSTRUCTS: Final[dict[str, Handler]] = {
    "frac": frac,
    "dfrac": frac,
    "tfrac": frac,
    "cfrac": frac,
    "sqrt": sqrt,
    "operatorname": operatorname,
    "not": negated,
    "binom": binom,
    "dbinom": binom,
    "tbinom": binom,
    "xrightarrow": lambda r, pos, args: labelled_arrow(r, pos, args, right=True),
    "xleftarrow": lambda r, pos, args: labelled_arrow(r, pos, args, right=False),
    "underbrace": lambda r, pos, args: brace(r, pos, args, "⏟"),
    "overbrace": lambda r, pos, args: brace(r, pos, args, "⏞"),
    "overset": lambda r, pos, args: stacked(r, pos, args, SUP, "^"),
    "stackrel": lambda r, pos, args: stacked(r, pos, args, SUP, "^"),
    "underset": lambda r, pos, args: stacked(r, pos, args, SUB, "_"),
    "mathop": mathop,
    "overrightarrow": lambda r, pos, args: over_arrow(r, pos, args, "\u20d7", "→"),
    "overleftarrow": lambda r, pos, args: over_arrow(r, pos, args, "\u20d6", "←"),
    "overline": overline,
    "underline": underline,
    **{name: accent(mark) for name, mark in ACCENTS.items()},
    **{name: letter_font(table, strict=True) for name, table in LETTER_FONTS.items()},
    **{name: letter_font(BOLD, strict=False) for name in BOLD_FONTS},
    **{name: plain_font for name in PLAIN_FONTS},
    "substack": substack,
    **DECORATIONS,
}
