"""What to write instead of a macro the renderer has no rule or symbol for: the macro
meant when a known name is close (``\\lamda``), plain TeX's own advice (``\\over``), or
a name set upright. Lint shows it at the macro."""

from __future__ import annotations

import difflib
from typing import Final

from quiz.bank.mathsymbols import INVISIBLE, SPACING, SYMBOLS, TEXT_MACROS
from quiz.bank.mathtext.constructs import CONSTRUCTS

_PLAIN_TEX: Final = {
    "over": "write \\frac{a}{b}",
    "atop": "a stack with no bar has no one-line form",
    "rm": "outside a group's start its font runs to the group's end; write \\mathrm{...}",
    "it": "outside a group's start its font runs to the group's end; write \\mathit{...}",
    "sf": "outside a group's start its font runs to the group's end; write \\mathsf{...}",
    "tt": "outside a group's start its font runs to the group's end; write \\mathtt{...}",
    "bf": "outside a group's start its font runs to the group's end; write \\mathbf{...}",
    "cal": "outside a group's start its font runs to the group's end; write \\mathcal{...}",
}
"""Plain TeX's infix and font switches other than \\choose: what to write instead (a
close name, \\over's \\vert, would mislead)."""


_PREAMBLE: Final = {
    "R": "\\mathbb{R}",
    "N": "\\mathbb{N}",
    "Z": "\\mathbb{Z}",
    "Q": "\\mathbb{Q}",
    "C": "\\mathbb{C}",
    "E": "\\mathbb{E}",
    "eps": "\\epsilon",
    "norm": "\\lVert x \\rVert",
    "abs": "\\lvert x \\rvert",
    "floor": "\\lfloor x \\rfloor",
    "ceil": "\\lceil x \\rceil",
    "dv": "\\frac{d f}{d x}",
    "pdv": "\\frac{\\partial f}{\\partial x}",
    "diag": "\\operatorname{diag}",
    "bra": "\\langle x \\rvert",
    "ket": "\\lvert x \\rangle",
    "qty": "\\left( x \\right)",
}
"""Macros a notes app's preamble or the physics package defines (Obsidian and Anki users
carry them over), which no card has: what to write instead. A close name of LaTeX's own
would mislead (\\floor is not \\rfloor, \\bra not the zodiac's \\libra)."""


def unknown_macro(name: str) -> str:
    """What to write instead of a macro the renderer does not know: the one it was meant
    to be when a known name is close (`\\lamda`), else a name set upright, which the
    terminal shows as written (`\\relu` as `\\operatorname{relu}`)."""
    if name == "\\":
        return (
            "\\\\ breaks a line only inside an environment: write the rows in "
            "\\begin{aligned} ... \\end{aligned}, or one formula each"
        )
    if name in _PREAMBLE:
        return (
            f"\\{name} is not LaTeX's own (a notes preamble or the physics package defines "
            f"it, and a card has neither): write {_PREAMBLE[name]}"
        )
    if name in _PLAIN_TEX:
        return f"plain TeX's \\{name} is not rendered: {_PLAIN_TEX[name]}"
    known = sorted({*SYMBOLS, *CONSTRUCTS, *TEXT_MACROS, *SPACING, *INVISIBLE} - {name})
    close = difflib.get_close_matches(name, known, n=1, cutoff=0.75)
    if close:
        return f"unknown macro \\{name} (did you mean \\{close[0]}?)"
    return (
        f"unknown macro \\{name}: the terminal has no symbol for it; write a name as "
        f"\\operatorname{{{name}}} or \\text{{{name}}}"
    )
