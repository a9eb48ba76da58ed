"""LaTeX math in card Markdown -> readable Unicode for the terminal, plus a checker for lint.

Textual's Markdown widget shows ``$...$`` raw, so cards pass through :func:`render_math`
before display. pylatexenc parses the LaTeX (macros, arguments, groups) and supplies its
large symbol table; this module adds what a plain-text rendering needs on top: fractions,
roots, sub/superscripts, blackboard/calligraphic letters, accents, spacing around
function names. Anything it cannot render faithfully is shown as raw LaTeX in inline code
and reported by :func:`find_math_problems`, which ``drillbit lint`` uses.

Where the formulas are is decided by `quiz.bank.markdown.scan_math` (the one Markdown
reader); the Unicode tables live in `quiz.bank.mathsymbols`. Rendering rules that keep the
text unambiguous: a fraction with a factor beside it is bracketed, ``(1/m) dZ Xᵀ``; a
numerator, denominator or radicand of more than one term is bracketed, including factors
side by side, ``(σ(z) − y)/(σ(z)(1 − σ(z)))`` (a name applied to its argument, ``σ(z)``,
is one term, and so is a probability given a condition, ``P(A|B)/P(B)``); a radicand
with a superscript is bracketed, ``√(g²)``; written-out scripts keep the source order, ``dZ^[2]_(:, j)``; a subscript that is a word is written as the code beside it
names it, ``d_model`` (an expression keeps its brackets, ``z_(0:n)``); no zero-width
characters are emitted. The amsmath forms: ``\\binom{n}{k}`` is ``(n choose k)``; a labelled
arrow, ``─f→``; a brace, its content with the label as the brace's script, ``(a + b)⏟ₙ``;
``\\overset``/``\\stackrel``/``\\underset``, the label as a script of the base (``argmaxₓ``;
``=`` with ``def``, ``?``, ``Δ`` or ``⋅`` over it is ≝, ≟, ≜ or ≐; a relation with a label
Unicode cannot raise has it bracketed after it, ``a =(!) b``); ``\\not=`` Unicode's negated
character, ≠; a matrix its rows, ``[[a, b], [c, d]]``, also a bare ``matrix`` in
``\\left( ... \\right)`` (the brackets are the matrix's, as a pmatrix's are; in bars it
stays code, as a vmatrix does); ``cases``, ``{1 if x > 0; 0 otherwise}``. Anything
else of these kinds (a label under an arrow, ragged rows, a determinant) stays code.
Plain TeX's ``{n \\choose k}`` is ``\\binom``'s ``(n choose k)``; ``\\mathop{sgn}`` a name as
``\\operatorname`` writes one; ``\\overrightarrow{x}`` is ``\\vec``'s ``x⃗``, and over more than
one symbol the arrow is a script of the bracketed content, ``(AB)^→``. A delimiter that
names its side (``\\lVert``, ``\\langle``, one after ``\\left``/``\\right`` or
``\\bigl``/``\\bigr``) is tight against what it encloses as a bracket is: ``\\lVert x \\rVert``,
``\\left\\| x \\right\\|`` and ``\\|x\\|`` are all ``‖x‖``; a bare ``|`` or ``\\|`` names no
side and keeps the spaces written around it (``\\| x \\|`` is ``‖ x ‖``). A font switch that opens a
group is that group's font, ``{\\rm d}x`` as ``\\mathrm{d}x`` (``\\mathop{\\rm arg\\,max}`` is
``arg max``); ``\\over``, ``\\atop`` and a font switch anywhere else stay code, and lint says
what to write. A pair of bars is one term, as a bracket is: ``‖x − y‖²/(2σ²)``. Aligned
equations are one line, a row that starts with a relation chained to the one above
(``L = a = b``), any other after a ``;``; a raised ``\\top`` is the transpose, ``Wᵀ``.

The modules, one job each: `convert` (one formula: checked, parsed, remembered), `walker`
(the walk over its nodes), `constructs` (the rule of each macro with arguments), `fonts`
(accents and fonts), `decorations` (colour, boxes, tags: their content), `environments`
(matrices, ``cases``, aligned equations), `unknown_macros` (what to write
instead of a macro it does not know), `nodes` (pylatexenc's nodes as the rules read them),
`unconvertible` (the error a rule raises), `layout` (brackets, spaces and scripts that
keep the text unambiguous), `problems` (what lint reports, at its line and column; past
ten of one kind in one text, one more line counts the rest) and
`render` (a card's Markdown with its formulas as Unicode). The names below are re-exported
here, so a reader asks `quiz.bank.mathtext` and not where each one lives.
"""

from __future__ import annotations

from quiz.bank.mathtext.convert import latex_to_unicode
from quiz.bank.mathtext.problems import MathProblem, find_math_problems, math_problem_offsets
from quiz.bank.mathtext.render import DISPLAY_PREFIX, render_math

__all__ = [
    "DISPLAY_PREFIX",
    "MathProblem",
    "find_math_problems",
    "latex_to_unicode",
    "math_problem_offsets",
    "render_math",
]
