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
is one term); a radicand with a superscript is bracketed, ``√(g²)``; written-out scripts keep the source
order, ``dZ^[2]_(:, j)``; no zero-width characters are emitted.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Final

from markdown_it.token import Token
from pylatexenc import latexwalker as _lw
from pylatexenc.macrospec import LatexContextDb, MacroSpec

from quiz.bank.markdown import MathScan, MathSpan, scan_math, scan_math_in
from quiz.bank.mathsymbols import (
    ACCENTS,
    BIG_OPERATORS,
    BOLD,
    BOLD_FONTS,
    CLOSERS,
    FUNCTIONS,
    INVISIBLE,
    LETTER_FONTS,
    MATH_CHARS,
    NO_SPACE_BEFORE,
    OPENERS,
    OPERATOR_CHARS,
    PLAIN_FONTS,
    PREFIX,
    SPACING,
    SUB,
    SUP,
    SYMBOLS,
    TEXT_MACROS,
    VULGAR,
)

__all__ = [
    "DISPLAY_PREFIX",
    "MathProblem",
    "find_math_problems",
    "latex_to_unicode",
    "math_problem_offsets",
    "render_math",
]

# What starts a display formula's own paragraph. Empty: indenting it would need an
# invisible non-space anchor (Markdown strips leading Unicode spaces from a paragraph),
# and such a character travels with text copied from the terminal.
DISPLAY_PREFIX: Final = ""

SIGNS: Final = frozenset({"pm", "mp"})
"""Macros that are a sign when they start a term (±10³) and an operator between two (a ± b)."""


@dataclass(frozen=True)
class MathProblem:
    """One math problem in a Markdown text, at a 1-based line and column of that text."""

    line: int
    col: int
    message: str


@lru_cache(maxsize=1)
def _walker_db() -> LatexContextDb:
    """pylatexenc's parsing context without specials (``~``, ``--``, quotes are plain chars in
    math) and with argument specs for every macro we render. Built when a formula first needs
    parsing: plain ones ("z > 0") and cards with no math never do."""
    base = _lw.get_default_latex_context_db()
    ours: list[MacroSpec] = [
        MacroSpec(name, "{{") for name in ("frac", "dfrac", "tfrac", "cfrac", "binom")
    ]
    ours.append(MacroSpec("sqrt", "[{"))
    ours.append(MacroSpec("operatorname", "*{"))
    ours.append(MacroSpec("overline", "{"))
    ours.append(MacroSpec("underline", "{"))
    for names in (ACCENTS, TEXT_MACROS, PLAIN_FONTS, LETTER_FONTS, BOLD_FONTS):
        ours.extend(MacroSpec(name, "{") for name in names)
    db = LatexContextDb()
    db.add_context_category(
        "drillbit-math",
        macros=ours,
        environments=list(base.iter_environment_specs()),
        specials=[],
    )
    db.add_context_category("pylatexenc", macros=list(base.iter_macro_specs()), specials=[])
    return db


# ---------------------------------------------------------------------------
# One formula
# ---------------------------------------------------------------------------


class _Unconvertible(Exception):
    """A formula, or part of it, that has no faithful plain-text form."""

    def __init__(self, pos: int, message: str) -> None:
        super().__init__(message)
        self.pos = pos
        self.message = message


@dataclass(frozen=True)
class _Conversion:
    text: str | None
    pos: int
    message: str


class _Buffer:
    """Output under construction: collapses spaces, spaces function names from operands."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.want_space = False
        self.fractions: list[int] = []
        """Indexes in `parts` of inline fractions (a/b), bracketed if something multiplies them."""

    def add_fraction(self, text: str) -> None:
        """Add `a/b`, remembering it so `text()` can bracket it when it is a factor."""
        self.add(text)
        if "/" in text:
            self.fractions.append(len(self.parts) - 1)

    def add(self, text: str) -> None:
        if not text or (text == " " and self.parts and self.parts[-1][-1:].isspace()):
            return  # "x \, y" has one space, not two
        if text[0] in CLOSERS and self.parts and self.parts[-1] == " ":
            self.parts.pop()  # "( x )" -> "(x)": spaces in math source are not output
        if self.want_space and self.parts:
            first = text[0]
            if not first.isspace() and first not in NO_SPACE_BEFORE:
                self.parts.append(" ")
        self.want_space = False
        self.parts.append(text)

    def starts_term(self) -> bool:
        """Nothing yet, or an opening bracket or an operator last: what comes next begins
        a term (a sign put here is unary: "(±1)", "x = ±1")."""
        shown = "".join(self.parts).rstrip()
        return not shown or shown[-1] in OPENERS or shown[-1] in OPERATOR_CHARS

    def space(self) -> None:
        self.want_space = False
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


# An item is a single character of a chars node (with its position) or a whole node.
_Item = tuple[str | None, Any, int]


def _items(nodes: Sequence[Any]) -> list[_Item]:
    items: list[_Item] = []
    for node in nodes:
        if node is None:
            continue
        if node.isNodeType(_lw.LatexCharsNode):
            items.extend((ch, None, node.pos + k) for k, ch in enumerate(node.chars))
        else:
            items.append((None, node, node.pos))
    return items


def _single_symbol(text: str) -> bool:
    """One visible character, possibly with combining accents (x, ŷ, θ)."""
    return bool(text) and not any(unicodedata.combining(c) == 0 for c in text[1:])


def _bracket_groups(text: str) -> bool:
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


_FACTOR_START: Final = frozenset("([{⟨√∛∜∑∏∫∂∇|‖·×⊙")
_FACTOR_END: Final = frozenset(")]}⟩|‖′'⁾₎·×⊙")


def _starts_factor(c: str) -> bool:
    """A part starting with c multiplies what stands before it (x, (a+b), √v, ∑, · y)."""
    return c.isalnum() or c in _FACTOR_START


def _ends_factor(c: str) -> bool:
    """A part ending with c multiplies what stands after it (x, xᵢ, (a+b), |x|, x ·)."""
    return c.isalnum() or c in _FACTOR_END


def _atomic(text: str) -> bool:
    """One term: safe as a numerator, denominator, radicand, base.

    Not one term: a space or an operator outside brackets (a + b, a b), or factors side by
    side that a bracket group makes plain: a group right after another, σ(z)(1 − σ(z)),
    after a digit, 2(x + 1), or after a single letter when the group holds more than one
    term, p(1 − p). A name applied to its argument is one term: σ(z), f(x), max(a, b).
    """
    depth = 0
    opened = 0  # where the outermost open group starts
    for k, c in enumerate(text):
        if c in OPENERS:
            if depth == 0:
                opened = k
                before = text[k - 1] if k else ""
                if before and (before in CLOSERS or before.isdigit()):
                    return False
            depth += 1
        elif c in CLOSERS:
            depth -= 1
            if depth == 0 and _single_letter_before(text, opened):
                if not _atomic(text[opened + 1 : k]):
                    return False  # p(1 − p) is a product: p times (1 − p)
        elif depth == 0 and (c.isspace() or c in OPERATOR_CHARS):
            return False
    return True


def _single_letter_before(text: str, k: int) -> bool:
    """The character before position k is a letter that starts the text or follows a non-letter."""
    return k >= 1 and text[k - 1].isalpha() and (k == 1 or not text[k - 2].isalpha())


def _script(text: str, table: dict[str, str], mark: str) -> tuple[str, bool]:
    """Unicode script when every character has one, else ``_x``/``_(...)``; and whether the
    readable fallback was used."""
    compact = "".join(text.split())
    if all(c in table for c in compact):
        return "".join(table[c] for c in compact), False
    text = text.strip()
    if _single_symbol(text) or _bracket_groups(text):
        return mark + text, True
    return f"{mark}({text})", True


def _ends_operand(text: str) -> bool:
    return bool(text) and (text[-1].isalnum() or text[-1] in "∂∇)]′'")


def _parenthesized(text: str) -> str:
    return text if _atomic(text) and text else f"({text})"


class _Renderer:
    """Walks pylatexenc nodes of one formula and writes Unicode."""

    def render(self, nodes: Sequence[Any], math: bool) -> str:
        items = _items(nodes)
        out = _Buffer()
        open_lefts: list[int] = []
        i = 0
        while i < len(items):
            ch, node, pos = items[i]
            if ch is not None:
                if math and ch in "_^":
                    i = self._scripts(items, i, out)
                    continue
                if ch.isspace() or (math and ch == "~"):
                    out.space()
                elif math:
                    out.add(MATH_CHARS.get(ch, ch))
                else:
                    out.add(ch)
                i += 1
                continue
            if node.isNodeType(_lw.LatexMacroNode) and node.macroname in ("left", "right"):
                if node.macroname == "left":
                    open_lefts.append(pos)
                elif open_lefts:
                    open_lefts.pop()
                else:
                    raise _Unconvertible(pos, "\\right without a matching \\left")
                i += 1
                if i < len(items) and items[i][0] == ".":
                    i += 1  # \left. and \right. are invisible delimiters
                continue
            self._node(node, math, out)
            i += 1
        if open_lefts:
            raise _Unconvertible(open_lefts[0], "\\left without a matching \\right")
        return out.text()

    def _required(self, args: list[Any], k: int, pos: int, math: bool = True) -> str:
        """Argument ``k``, which must be present (pylatexenc leaves it out after a bare macro
        used as an argument, as in ``\\frac\\hat{x}{y}``)."""
        if k >= len(args) or args[k] is None:
            raise _Unconvertible(pos, "a macro is missing its argument")
        return self._arg(args[k], math)

    def _arg(self, node: Any, math: bool) -> str:
        if node is None:
            return ""
        if node.isNodeType(_lw.LatexGroupNode):
            return self.render(node.nodelist, math)
        return self.render([node], math)

    def _scripts(self, items: list[_Item], i: int, out: _Buffer) -> int:
        scripts: dict[str, str] = {}
        n = len(items)
        while True:
            j = i
            while j < n and items[j][0] is not None and str(items[j][0]).isspace():
                j += 1
            if j >= n or items[j][0] not in ("_", "^"):
                break
            mark = str(items[j][0])
            if mark in scripts:
                kind = "subscript" if mark == "_" else "superscript"
                raise _Unconvertible(items[j][2], f"double {kind}: use braces")
            k = j + 1
            while k < n and items[k][0] is not None and str(items[k][0]).isspace():
                k += 1
            if k >= n or items[k][0] in ("_", "^"):
                raise _Unconvertible(items[j][2], f"'{mark}' has nothing to apply to")
            ch, node, _ = items[k]
            if ch is not None:
                scripts[mark] = MATH_CHARS.get(ch, ch)
            else:
                scripts[mark] = self._arg(node, True)
            i = k + 1
        rendered = {
            mark: _script(body, SUB if mark == "_" else SUP, mark) for mark, body in scripts.items()
        }
        # Unicode scripts read best as xᵢ² whatever the source order; written-out ones
        # keep the author's order: dZ^[2]_(:, j) for dZ^{[2]}_{:, j}
        written_out = any(fallback for _, fallback in rendered.values())
        order = list(scripts) if written_out else [m for m in ("_", "^") if m in scripts]
        result = "".join(rendered[m][0] for m in order)
        fallback = rendered[order[-1]][1]
        out.attach(result)
        if fallback and result[-1:].isalnum():
            out.want_space = True  # x_c y, not x_cy
        return i

    def _node(self, node: Any, math: bool, out: _Buffer) -> None:
        if node.isNodeType(_lw.LatexMacroNode):
            self._macro(node, math, out)
        elif node.isNodeType(_lw.LatexGroupNode):
            out.add(self.render(node.nodelist, math))
        elif node.isNodeType(_lw.LatexMathNode) and not math:
            out.add(self.render(node.nodelist, True))
        elif node.isNodeType(_lw.LatexCommentNode):
            raise _Unconvertible(node.pos, "'%' starts a LaTeX comment; write \\% for percent")
        elif node.isNodeType(_lw.LatexEnvironmentNode):
            raise _Unconvertible(
                node.pos, f"environment '{node.environmentname}' cannot be shown as text"
            )
        else:
            raise _Unconvertible(node.pos, "math inside math")

    def _macro(self, node: Any, math: bool, out: _Buffer) -> None:
        name = str(node.macroname)
        args: list[Any] = list(node.nodeargd.argnlist) if node.nodeargd else []
        post_space = bool(node.macro_post_space)
        handler = _MACRO_HANDLERS.get(name)
        if handler is not None:
            text = handler(self, node.pos, args)
            if name in _FRACTIONS:
                out.add_fraction(text)
            else:
                out.add(text)
            if name == "operatorname":
                out.want_space = True
            return
        if name in SPACING:
            out.add(SPACING[name])
            return
        if name in INVISIBLE:
            return
        if name in TEXT_MACROS:
            out.add(self._required(args, 0, node.pos, math=False))
            return
        if name in FUNCTIONS or name in BIG_OPERATORS:
            if name in FUNCTIONS and out.parts and _ends_operand(out.parts[-1]):
                out.space()  # x \log y -> "x log y", \partial \log -> "∂ log"
            out.add(SYMBOLS[name])
            out.want_space = True
            if post_space:
                out.space()
            return
        symbol = SYMBOLS.get(name)
        if symbol is None:
            raise _Unconvertible(node.pos, f"unknown macro \\{name}")
        unary = name in SIGNS and out.starts_term()
        out.add(symbol)
        if post_space and name not in PREFIX and not unary:
            out.space()  # \pm 10^3 is ±10³, as -10^3 is −10³; a \pm b keeps its spaces

    # -- macros with arguments ------------------------------------------------

    def frac(self, pos: int, args: list[Any]) -> str:
        num, den = self._required(args, 0, pos), self._required(args, 1, pos)
        if not num or not den:
            raise _Unconvertible(pos, "\\frac needs a numerator and a denominator")
        vulgar = VULGAR.get((num, den))
        if vulgar is not None:
            return vulgar
        bottom = _parenthesized(den)
        if bottom == den and _PRODUCT.search(den):
            bottom = f"({den})"  # λ/2m could be (λ/2)m: write λ/(2m)
        return f"{_parenthesized(num)}/{bottom}"

    def sqrt(self, pos: int, args: list[Any]) -> str:
        index = self._arg(args[0], True) if args else ""
        radicand = self._required(args, 1, pos)
        if not radicand:
            raise _Unconvertible(pos, "\\sqrt of nothing")
        root = {"": "√", "2": "√", "3": "∛", "4": "∜"}.get(index)
        if root is None:
            prefix, fallback = _script(index, SUP, "^")
            if fallback:
                raise _Unconvertible(pos, f"no plain-text form for a root of index {index}")
            root = prefix + "√"
        body = _parenthesized(radicand)
        if body == radicand and ("^" in radicand or any(c in _SUPERSCRIPTS for c in radicand)):
            body = f"({radicand})"  # √g² could be (√g)²: write √(g²)
        return root + body

    def operatorname(self, pos: int, args: list[Any]) -> str:
        return self._required(args, 1, pos, math=False)

    def overline(self, pos: int, args: list[Any]) -> str:
        body = self._required(args, 0, pos)
        return "".join(c + "\u0305" for c in body)

    def underline(self, pos: int, args: list[Any]) -> str:
        body = self._required(args, 0, pos)
        return "".join(c + "\u0332" for c in body)


def _accent(mark: str) -> Callable[[_Renderer, int, list[Any]], str]:
    def render(self: _Renderer, pos: int, args: list[Any]) -> str:
        body = self._required(args, 0, pos)
        if not _single_symbol(body):
            raise _Unconvertible(pos, "an accent over more than one symbol has no text form")
        return unicodedata.normalize("NFC", body + mark)  # y + U+0302 -> ŷ

    return render


def _letter_font(table: dict[str, str], strict: bool) -> Callable[[_Renderer, int, list[Any]], str]:
    def render(self: _Renderer, pos: int, args: list[Any]) -> str:
        body = self._required(args, 0, pos)
        if strict and not all(c in table or c.isspace() for c in body):
            raise _Unconvertible(pos, f"no Unicode letters for {body!r} in this font")
        return "".join(table.get(c, c) for c in body if not c.isspace())

    return render


def _plain_font(self: _Renderer, pos: int, args: list[Any]) -> str:
    return self._required(args, 0, pos)


_FRACTIONS: Final = frozenset({"frac", "dfrac", "tfrac", "cfrac"})
_PRODUCT: Final = re.compile(
    r"\d(?=[A-Za-zα-ωϵϑϕ])|[α-ωϵϑϕ](?=[A-Za-zα-ωϵϑϕ])|[A-Za-z](?=[α-ωϵϑϕ])"
)
"""Juxtaposed factors (2m, 2π, ατ): a product, bracketed as a denominator. Latin letters
side by side are left alone: they are as often one name (dz, step) as a product."""
_SUPERSCRIPTS: Final = frozenset(SUP.values())
_Handler = Callable[[_Renderer, int, list[Any]], str]
_MACRO_HANDLERS: Final[dict[str, _Handler]] = {
    "frac": _Renderer.frac,
    "dfrac": _Renderer.frac,
    "tfrac": _Renderer.frac,
    "cfrac": _Renderer.frac,
    "sqrt": _Renderer.sqrt,
    "operatorname": _Renderer.operatorname,
    "overline": _Renderer.overline,
    "underline": _Renderer.underline,
    **{name: _accent(mark) for name, mark in ACCENTS.items()},
    **{name: _letter_font(table, strict=True) for name, table in LETTER_FONTS.items()},
    **{name: _letter_font(BOLD, strict=False) for name in BOLD_FONTS},
    **{name: _plain_font for name in PLAIN_FONTS},
}


_LOST_BACKSLASH = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]|\t(?=[A-Za-z])")


def _source_problems(latex: str) -> list[tuple[int, str]]:
    """Unbalanced braces, a trailing lone backslash, and control characters (the trace of a
    backslash eaten by a string escape: ``"\\frac"`` written as ``"\frac"`` is a form feed),
    with their offsets."""
    problems: list[tuple[int, str]] = [
        (
            m.start(),
            f"control character U+{ord(m.group()):04X} in math: a backslash lost to a string "
            "escape (\\t, \\f, \\b, \\v)?",
        )
        for m in _LOST_BACKSLASH.finditer(latex)
    ]
    stack: list[int] = []
    i, n = 0, len(latex)
    while i < n:
        c = latex[i]
        if c == "\\":
            if i + 1 >= n:
                problems.append((i, "lone backslash at the end of the formula"))
            i += 2
            continue
        if c == "%":
            newline = latex.find("\n", i)
            i = n if newline < 0 else newline
            continue
        if c == "{":
            stack.append(i)
        elif c == "}":
            if stack:
                stack.pop()
            else:
                problems.append((i, "unbalanced braces: '}' without a matching '{'"))
        i += 1
    problems.extend((p, "unbalanced braces: '{' is never closed") for p in stack)
    problems.sort()
    return problems


_PLAIN_MATH: Final = re.compile(r"[^\\{}_^%]*")
_MATH_TRANSLATE: Final = str.maketrans(MATH_CHARS)
_BRACKET_SPACE: Final = re.compile(r"(?<=[(\[{⟨]) | (?=[)\]}⟩])")


@lru_cache(maxsize=8192)
def _convert(latex: str) -> _Conversion:
    """Convert one formula, or say where and why it cannot be converted."""
    if _PLAIN_MATH.fullmatch(latex) and not _LOST_BACKSLASH.search(
        latex
    ):  # "z > 0", "p": no need to parse
        text = " ".join(latex.translate(_MATH_TRANSLATE).split())
        return _Conversion(_BRACKET_SPACE.sub("", text), 0, "")
    problems = _source_problems(latex)
    if problems:
        pos, message = problems[0]
        return _Conversion(None, pos, message)
    try:
        walker = _lw.LatexWalker(latex, latex_context=_walker_db(), tolerant_parsing=False)
        nodes, _, _ = walker.get_latex_nodes(pos=0)
        text = _Renderer().render(nodes, math=True)
    except _Unconvertible as exc:
        return _Conversion(None, exc.pos, exc.message)
    except _lw.LatexWalkerParseError as exc:
        pos = exc.pos if isinstance(exc.pos, int) else 0
        return _Conversion(None, pos, f"LaTeX does not parse: {exc.msg}")
    except Exception as exc:  # pylatexenc or deep nesting: never crash a card
        return _Conversion(None, 0, f"LaTeX cannot be converted ({type(exc).__name__})")
    return _Conversion(text, 0, "")


def latex_to_unicode(latex: str) -> str | None:
    """One formula (no delimiters) as readable Unicode; None when it cannot be faithful."""
    return _convert(latex).text


# ---------------------------------------------------------------------------
# Math in Markdown (found by quiz.bank.markdown, the one Markdown reader)
# ---------------------------------------------------------------------------


def _source_offset(markdown: str, span: MathSpan, pos: int) -> int:
    """Where position `pos` of the span's LaTeX lies, counted from the span's content start.

    The LaTeX of a block in a quote or list has the container's prefixes removed, so it can
    be shorter than the source it came from: then the position is found line by line.
    """
    pos = min(pos, len(span.latex))
    source = markdown[span.content_start : span.content_end]
    if source == span.latex:
        return pos
    row = span.latex.count("\n", 0, pos)
    column = pos - (span.latex.rfind("\n", 0, pos) + 1)
    line_starts = [0] + [k + 1 for k, c in enumerate(source) if c == "\n"]
    if row >= len(line_starts):
        return pos
    line = source[line_starts[row] :].split("\n", 1)[0]
    text = span.latex.split("\n")[row]
    return line_starts[row] + max(0, len(line) - len(text)) + column


class _Lines:
    """Offset -> 1-based (line, column)."""

    def __init__(self, text: str) -> None:
        self.starts = [0] + [m.end() for m in re.finditer("\n", text)]

    def locate(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self.starts, offset)
        return line, offset - self.starts[line - 1] + 1


def find_math_problems(markdown: str) -> list[MathProblem]:
    """Every math problem in a card's Markdown, for lint: unbalanced delimiters or braces,
    \\left without \\right, unknown macros, formulas with no faithful text form."""
    if "$" not in markdown:  # no formula and no stray dollar (most key points and choices)
        return []
    found = _problem_offsets(markdown, scan_math(markdown))
    lines = _Lines(markdown)
    problems = [MathProblem(*lines.locate(offset), message) for offset, message in found]
    return sorted(problems, key=lambda p: (p.line, p.col))


def math_problem_offsets(
    markdown: str,
    tokens: list[Token],
    *,
    inline_parsed: bool = False,
    scan: MathScan | None = None,
) -> list[tuple[int, str]]:
    """(offset, message) of every math problem in a normalized text, found from its block
    tokens (see `scan_math_in`, also for `inline_parsed`): what `find_math_problems`
    finds, for a caller that has parsed the text already and places the problems itself.
    `scan`: that very `scan_math_in` result, when the caller has it already."""
    if scan is None:
        scan = scan_math_in(markdown, tokens, inline_parsed=inline_parsed)
    return _problem_offsets(markdown, scan)


def _problem_offsets(markdown: str, scan: MathScan) -> list[tuple[int, str]]:
    """The scan's stray `$` signs, then each formula's problems, as (offset, message)."""
    found: list[tuple[int, str]] = [(p.offset, p.message) for p in scan.problems]
    for span in scan.spans:
        lo, latex = span.content_start, span.latex
        result = _convert(latex)  # cached; a formula it converts has no source problem
        if result.text is not None:
            continue
        source = _source_problems(latex)
        if source:
            found.extend((lo + _source_offset(markdown, span, pos), m) for pos, m in source)
            continue
        found.append((lo + _source_offset(markdown, span, result.pos), result.message))
    return found


# ---------------------------------------------------------------------------
# Rendering Markdown
# ---------------------------------------------------------------------------

_ESCAPE: Final = str.maketrans({c: "\\" + c for c in "\\`*_[]<>|~$&"})
_CONTAINER = re.compile(r"((?:[ \t]*>[ ]?)*)([ \t]*)((?:[-+*]|\d{1,9}[.)])[ \t]+)?")
_ORDERED_START = re.compile(r"\d+(?=[.)])")


def _escape(text: str, at_line_start: bool) -> str:
    """Unicode math as Markdown that displays literally (no emphasis, links, tables)."""
    out = text.translate(_ESCAPE)
    if at_line_start:
        if out[:1] in ("#", "+", "-", "="):
            out = "\\" + out
        digits = _ORDERED_START.match(out)
        if digits is not None:
            out = out[: digits.end()] + "\\" + out[digits.end() :]
    return out


def _code_span(latex: str) -> str:
    """Raw LaTeX as inline code, fenced with more backticks than it contains."""
    raw = " ".join(latex.split())
    longest = max((len(m.group()) for m in re.finditer("`+", raw)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if raw.startswith("`") or raw.endswith("`") else ""
    return f"{fence}{pad}{raw}{pad}{fence}"


def _line_bounds(text: str, offset: int) -> tuple[int, int]:
    start = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    return start, len(text) if end < 0 else end


def _end_paragraph(out: str, separator: str) -> str:
    """Make ``out`` end with a blank line so what follows starts a new paragraph."""
    out = out.rstrip(" \t")
    if not out:
        return out
    if not out.endswith("\n"):
        out += "\n"
    last_line = out[:-1].rsplit("\n", 1)[-1]
    if last_line.strip(" \t>") != "":
        out += separator + "\n"
    return out


@lru_cache(maxsize=1024)
def render_math(markdown: str) -> str:
    """A card's Markdown with every ``$...$`` and ``$$...$$`` turned into readable Unicode.

    Code (fenced, indented, inline) is untouched and ``\\$`` stays a literal dollar. Display
    math becomes its own indented paragraph (inline inside a table row). A formula with no
    faithful text form is shown as raw LaTeX in inline code.
    """
    spans = scan_math(markdown).spans
    if not spans:
        return markdown
    out = ""
    pos = 0
    for span in spans:
        latex = span.latex
        converted = latex_to_unicode(latex)
        line_start, line_end = _line_bounds(markdown, span.start)
        line = markdown[line_start:line_end]
        before = markdown[pos : span.start]
        if not span.display or line.lstrip().startswith("|"):
            at_start = markdown[line_start : span.start].strip(" \t>") == ""
            out += before
            if converted is None:
                out += _code_span(latex)
            else:
                out += _escape(converted, at_start)
            pos = span.end
            continue
        container = _CONTAINER.match(line)
        quote = container.group(1) if container else ""
        width = len((container.group(2) or "").expandtabs(4)) if container else 0
        width += len(container.group(3) or "") if container else 0
        separator = quote.rstrip()
        indent = quote + " " * width
        body = _code_span(latex) if converted is None else _escape(converted, False)
        out = _end_paragraph(out + before, separator)
        if body:
            out += indent + DISPLAY_PREFIX + body + "\n"
        j = span.end
        while j < len(markdown) and markdown[j] in " \t\r":
            j += 1
        if j >= len(markdown):
            pos = j
            continue
        if markdown[j] == "\n":
            j += 1
            next_end = markdown.find("\n", j)
            next_line = markdown[j : len(markdown) if next_end < 0 else next_end]
            if body and next_line.strip(" \t>") != "":
                out += separator + "\n"
        else:
            if body:
                out += separator + "\n"
            out += indent
        pos = j
    return out + markdown[pos:]
