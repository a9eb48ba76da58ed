"""The LaTeX-to-Unicode rules: `Renderer` walks pylatexenc's nodes of one formula and
writes each construct (fractions, roots, scripts, `\\left`/`\\right`, accents, fonts)
as text, or raises `Unconvertible` where no text form is faithful.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Callable, Sequence
from typing import Any, Final

from pylatexenc import latexwalker as _lw

from quiz.bank.mathsymbols import (
    ACCENTS,
    BIG_OPERATORS,
    BOLD,
    BOLD_FONTS,
    CLOSERS,
    CLOSING_DELIMITERS,
    FUNCTIONS,
    INVISIBLE,
    LETTER_FONTS,
    MATH_CHARS,
    OPENERS,
    OPENING_DELIMITERS,
    PLAIN_FONTS,
    PREFIX,
    SCRIPT,
    SPACING,
    SUB,
    SUP,
    SYMBOLS,
    TEXT_MACROS,
    VULGAR,
)
from quiz.bank.mathtext.layout import Buffer, ends_operand, parenthesized, script, single_symbol

SIGNS: Final = frozenset({"pm", "mp"})
"""Macros that are a sign when they start a term (±10³) and an operator between two (a ± b)."""


class Unconvertible(Exception):
    """A formula, or part of it, that has no faithful plain-text form."""

    def __init__(self, pos: int, message: str) -> None:
        super().__init__(message)
        self.pos = pos
        self.message = message


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


class Renderer:
    """Walks pylatexenc nodes of one formula and writes Unicode."""

    def render(self, nodes: Sequence[Any], math: bool) -> str:
        items = _items(nodes)
        if math:
            chooses = [k for k, (_, node, _) in enumerate(items) if _is_macro(node, "choose")]
            if chooses:
                return self._choose(items, chooses)
        out = Buffer()
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
            if node.isNodeType(_lw.LatexMacroNode) and node.macroname in _SIZERS:
                if node.macroname == "left":
                    open_lefts.append(pos)
                elif node.macroname == "right":
                    if not open_lefts:
                        raise Unconvertible(pos, "\\right without a matching \\left")
                    open_lefts.pop()
                i = self._delimiter(items, i + 1, out, opening=node.macroname in _LEFT_SIZERS)
                continue
            self._node(node, math, out)
            i += 1
        if open_lefts:
            raise Unconvertible(open_lefts[0], "\\left without a matching \\right")
        return out.text()

    def _delimiter(self, items: list[_Item], i: int, out: Buffer, opening: bool) -> int:
        """The delimiter after ``\\left``/``\\bigl`` (or ``\\right``/``\\bigr``), tight
        against what it encloses as a bracket is: ``\\left\\| x \\right\\|`` is ``‖x‖``.
        Returns the index after it; ``.`` is the invisible delimiter."""
        while i < len(items) and items[i][0] is not None and str(items[i][0]).isspace():
            i += 1
        if i >= len(items):
            return i
        ch, node, _ = items[i]
        if ch == ".":
            return i + 1
        if ch is not None:
            text = MATH_CHARS.get(ch, ch)
        elif node.isNodeType(_lw.LatexMacroNode):
            text = self.render([node], True)
        else:
            return i  # \bigl before a group: sizing that changes nothing
        if opening:
            out.open(text)
        else:
            out.close(text)
        return i + 1

    def _choose(self, items: list[_Item], at: list[int]) -> str:
        """``{n \\choose k}``, plain TeX's infix form of ``\\binom{n}{k}``: the whole group
        on each side of it, written as ``\\binom`` writes it, ``(n choose k)``."""
        if len(at) > 1:
            raise Unconvertible(
                items[at[1]][2], "two \\choose in one group: write each as \\binom{n}{k}"
            )
        top, bottom = self._render_items(items[: at[0]]), self._render_items(items[at[0] + 1 :])
        if not top or not bottom:
            raise Unconvertible(items[at[0]][2], "\\choose needs a term on each side")
        return f"({top} choose {bottom})"

    def _required(self, args: list[Any], k: int, pos: int, math: bool = True) -> str:
        """Argument ``k``, which must be present (pylatexenc leaves it out after a bare macro
        used as an argument, as in ``\\frac\\hat{x}{y}``)."""
        if k >= len(args) or args[k] is None:
            raise Unconvertible(pos, "a macro is missing its argument")
        return self._arg(args[k], math)

    def _arg(self, node: Any, math: bool) -> str:
        if node is None:
            return ""
        if node.isNodeType(_lw.LatexGroupNode):
            return self._group(node.nodelist, math)
        return self.render([node], math)

    def _group(self, nodes: Sequence[Any], math: bool) -> str:
        """A ``{...}`` group; a font switch that opens it is the group's font, as its
        ``\\mathrm{...}`` would be: ``\\mathop{\\rm arg\\,max}`` is ``\\operatorname{arg\\,max}``."""
        first = next((k for k, n in enumerate(nodes) if not _blank(n)), None)
        if first is None or not _is_macro(nodes[first], *FONT_SWITCHES):
            return self.render(nodes, math)
        switch = nodes[first]
        body = self.render(nodes[first + 1 :], math)
        return _restyle(body, FONT_SWITCHES[switch.macroname], switch.pos)

    def _scripts(self, items: list[_Item], i: int, out: Buffer) -> int:
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
                raise Unconvertible(items[j][2], f"double {kind}: use braces")
            k = j + 1
            while k < n and items[k][0] is not None and str(items[k][0]).isspace():
                k += 1
            if k >= n or items[k][0] in ("_", "^"):
                raise Unconvertible(items[j][2], f"'{mark}' has nothing to apply to")
            ch, node, _ = items[k]
            if ch is not None:
                scripts[mark] = MATH_CHARS.get(ch, ch)
            else:
                scripts[mark] = self._arg(node, True)
            i = k + 1
        rendered = {
            mark: script(body, SUB if mark == "_" else SUP, mark) for mark, body in scripts.items()
        }
        # Unicode scripts read best as xᵢ² whatever the source order; written-out ones
        # keep the author's order: dZ^[2]_(:, j) for dZ^{[2]}_{:, j}
        written_out = any(fallback for _, fallback in rendered.values())
        order = list(scripts) if written_out else [m for m in ("_", "^") if m in scripts]
        result = "".join(rendered[m][0] for m in order)
        fallback = rendered[order[-1]][1]
        out.attach(result)
        if fallback and result[-1:].isalnum():
            out.want_space = out.after_script = True  # x_c y, not x_cy
        return i

    def _node(self, node: Any, math: bool, out: Buffer) -> None:
        if node.isNodeType(_lw.LatexMacroNode):
            self._macro(node, math, out)
        elif node.isNodeType(_lw.LatexGroupNode):
            out.add(self._group(node.nodelist, math))
        elif node.isNodeType(_lw.LatexMathNode) and not math:
            out.add(self.render(node.nodelist, True))
        elif node.isNodeType(_lw.LatexCommentNode):
            raise Unconvertible(node.pos, "'%' starts a LaTeX comment; write \\% for percent")
        elif node.isNodeType(_lw.LatexEnvironmentNode):
            out.add(self._environment(node))
        else:
            raise Unconvertible(node.pos, "math inside math")

    def _macro(self, node: Any, math: bool, out: Buffer) -> None:
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
            if name in ("operatorname", "mathop") or (
                name == "not" and args and getattr(args[0], "macro_post_space", False)
            ):
                out.want_space = True  # \not\in B: ∉ B
            return
        if name in OPENING_DELIMITERS or name in CLOSING_DELIMITERS:
            text = SYMBOLS[name]
            if name in OPENING_DELIMITERS:
                out.open(text)
            else:
                out.close(text)
                if post_space:
                    out.space()  # \rVert b: ‖ b
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
            if name in FUNCTIONS and out.parts and ends_operand(out.parts[-1]):
                out.space()  # x \log y -> "x log y", \partial \log -> "∂ log"
            out.add(SYMBOLS[name])
            out.want_space = True
            if post_space:
                out.space()
            return
        symbol = SYMBOLS.get(name)
        if symbol is None:
            raise Unconvertible(node.pos, unknown_macro(name))
        unary = name in SIGNS and out.starts_term()
        out.add(symbol)
        if post_space and name not in PREFIX and not unary:
            out.space()  # \pm 10^3 is ±10³, as -10^3 is −10³; a \pm b keeps its spaces

    # -- macros with arguments ------------------------------------------------

    def frac(self, pos: int, args: list[Any]) -> str:
        num, den = self._required(args, 0, pos), self._required(args, 1, pos)
        if not num or not den:
            raise Unconvertible(pos, "\\frac needs a numerator and a denominator")
        vulgar = VULGAR.get((num, den))
        if vulgar is not None:
            return vulgar
        bottom = parenthesized(den)
        if bottom == den and _PRODUCT.search(den):
            bottom = f"({den})"  # λ/2m could be (λ/2)m: write λ/(2m)
        return f"{parenthesized(num)}/{bottom}"

    def sqrt(self, pos: int, args: list[Any]) -> str:
        index = self._arg(args[0], True) if args else ""
        radicand = self._required(args, 1, pos)
        if not radicand:
            raise Unconvertible(pos, "\\sqrt of nothing")
        root = {"": "√", "2": "√", "3": "∛", "4": "∜"}.get(index)
        if root is None:
            prefix, fallback = script(index, SUP, "^")
            if fallback:
                raise Unconvertible(pos, f"no plain-text form for a root of index {index}")
            root = prefix + "√"
        body = parenthesized(radicand)
        if body == radicand and ("^" in radicand or any(c in _SUPERSCRIPTS for c in radicand)):
            body = f"({radicand})"  # √g² could be (√g)²: write √(g²)
        return root + body

    def binom(self, pos: int, args: list[Any]) -> str:
        """``(n choose k)``: the words say which is on top, and ``C(n, k)`` could be a
        function C of the formula's own."""
        top, bottom = self._required(args, 0, pos), self._required(args, 1, pos)
        if not top or not bottom:
            raise Unconvertible(pos, "\\binom needs two arguments")
        return f"({top} choose {bottom})"

    def labelled_arrow(self, pos: int, args: list[Any], right: bool) -> str:
        """``─f→`` / ``←f─``: the label on the arrow's shaft, read as written over it,
        bracketed when more than one term."""
        if len(args) > 0 and args[0] is not None:
            raise Unconvertible(pos, "an arrow with a label under it has no text form")
        label = self._required(args, 1, pos)
        if not label:
            return "→" if right else "←"
        label = parenthesized(label)  # ─(n + 1)→: the label, not an arrow between sums
        return f"─{label}→" if right else f"←{label}─"

    def brace(self, pos: int, args: list[Any], mark: str) -> str:
        """The content, bracketed when more than one term, and the brace, which the
        following ``_{label}``/``^{label}`` attaches to as any script: ``(a + b)⏟ₙ``,
        ``‖w‖²⏟_penalty``."""
        body = self._required(args, 0, pos)
        if not body:
            raise Unconvertible(pos, "a brace over nothing")
        return parenthesized(body) + mark

    def stacked(self, pos: int, args: list[Any], table: dict[str, str], mark: str) -> str:
        """``\\overset{a}{b}`` and ``\\stackrel{a}{b}`` as b with a superscript,
        ``\\underset`` with a subscript, as the scripts rule writes them (``argmaxₓ``,
        ``⟶^(x → 0)``); an equals sign with ``def`` or ``?`` over it is its own Unicode
        character (≝, ≟)."""
        label, base = self._required(args, 0, pos), self._required(args, 1, pos)
        if not label or not base:
            raise Unconvertible(pos, "a stacked symbol needs a label and a base")
        if mark == "^" and base == "=" and label in STACKED_EQUALS:
            return STACKED_EQUALS[label]
        text, _ = script(label, table, mark)
        return base + text

    def _environment(self, node: Any) -> str:
        """A matrix as its rows, ``[[a, b], [c, d]]`` (as NumPy prints one), and ``cases``
        as ``{1 if x > 0; 0 otherwise}``; any other environment has no one-line form."""
        name = str(node.environmentname)
        if name not in MATRICES and name != "cases":
            raise Unconvertible(node.pos, f"environment '{name}' cannot be shown as text")
        if node.nodeargd and any(a is not None for a in node.nodeargd.argnlist):
            raise Unconvertible(node.pos, f"environment '{name}' with arguments has no text form")
        rows = self._rows(_items(node.nodelist), node.pos)
        if not rows:
            raise Unconvertible(node.pos, f"an empty '{name}'")
        separator = ";" if name == "cases" else ","
        if any(_outside_brackets(separator, cell) for row in rows for cell in row):
            raise Unconvertible(  # [[a, b, c]] would hide that "a, b" was one entry
                node.pos, f"a '{separator}' in an entry of '{name}' would read as a new entry"
            )
        if name == "cases":
            return "{" + "; ".join(self._case(row, node.pos) for row in rows) + "}"
        widths = {len(row) for row in rows}
        if len(widths) != 1:
            raise Unconvertible(node.pos, "a matrix whose rows differ in length")
        for row in rows:
            if any(not cell for cell in row):
                raise Unconvertible(node.pos, "a matrix with an empty entry")
        return "[" + ", ".join("[" + ", ".join(row) + "]" for row in rows) + "]"

    def _rows(self, items: list[_Item], pos: int) -> list[list[str]]:
        """The cells of an environment's body, split at ``&`` and ``\\\\``; a trailing
        ``\\\\`` ends the last row and makes none."""
        rows: list[list[str]] = []
        cells: list[str] = []
        cell: list[_Item] = []
        for item in [*items, ("\\", None, pos)]:
            ch, node, _ = item
            end_row = ch == "\\" or (
                node is not None and node.isNodeType(_lw.LatexMacroNode) and node.macroname == "\\"
            )
            if ch == "&" or end_row:
                cells.append(self._render_items(cell))
                cell = []
                if end_row:
                    if any(cells):
                        rows.append(cells)
                    elif len(cells) > 1:
                        raise Unconvertible(pos, "an empty row")
                    cells = []
                continue
            if node is not None and node.isNodeType(_lw.LatexMacroNode):
                if node.macroname == "hline":
                    raise Unconvertible(node.pos, "a rule in an array has no text form")
            cell.append(item)
        return rows

    def _render_items(self, items: list[_Item]) -> str:
        nodes: list[Any] = []
        for ch, node, pos in items:
            nodes.append(node if node is not None else _CharNode(str(ch), pos))
        return self.render(nodes, math=True).strip() if nodes else ""

    def _case(self, row: list[str], pos: int) -> str:
        if len(row) != 2 or not row[0] or not row[1]:
            raise Unconvertible(pos, "a case is a value and its condition: 'value & condition'")
        condition = row[1]
        if condition.split(" ", 1)[0] in CASE_WORDS or condition.startswith(","):
            return f"{row[0]} {condition.lstrip(', ')}"
        return f"{row[0]} if {condition}"

    def negated(self, pos: int, args: list[Any]) -> str:
        """``\\not`` and the relation after it as Unicode's one negated character (``\\not=``
        is ≠, ``\\not\\in`` ∉, ``\\not<`` ≮); a relation Unicode has no negation of is not
        shown with a stroke that may land anywhere."""
        relation = self._required(args, 0, pos).strip()
        negated = unicodedata.normalize("NFC", relation + "\u0338") if relation else ""
        if len(negated) != 1:
            raise Unconvertible(
                pos,
                f"\\not {relation or 'of nothing'} has no Unicode character: write \\neq, \\notin ...",
            )
        return negated

    def operatorname(self, pos: int, args: list[Any]) -> str:
        return self._required(args, 1, pos, math=False)

    def mathop(self, pos: int, args: list[Any]) -> str:
        """``\\mathop{...}``, its argument made one operator (``\\mathop{\\mathrm{sgn}} x``,
        ``\\mathop{argmax}_x``): written as it is, spaced from its operand as a name is."""
        body = self._required(args, 0, pos).strip()
        if not body:
            raise Unconvertible(pos, "\\mathop of nothing")
        return body

    def over_arrow(self, pos: int, args: list[Any], mark: str, arrow: str) -> str:
        """``\\overrightarrow{x}`` as ``\\vec{x}`` is, ``x⃗``; over more than one symbol, the
        arrow as a script of the bracketed content, ``(AB)^→``, as ``\\overset`` writes
        a label (a combining arrow after a bracket would sit over the bracket alone)."""
        body = self._required(args, 0, pos)
        if not body:
            raise Unconvertible(pos, "an arrow over nothing")
        if single_symbol(body):
            return unicodedata.normalize("NFC", body + mark)
        return f"({body})^{arrow}"

    def overline(self, pos: int, args: list[Any]) -> str:
        body = self._required(args, 0, pos)
        return "".join(c + "\u0305" for c in body)

    def underline(self, pos: int, args: list[Any]) -> str:
        body = self._required(args, 0, pos)
        return "".join(c + "\u0332" for c in body)


def _accent(mark: str) -> Callable[[Renderer, int, list[Any]], str]:
    def render(self: Renderer, pos: int, args: list[Any]) -> str:
        body = self._required(args, 0, pos)
        if not single_symbol(body):
            raise Unconvertible(pos, "an accent over more than one symbol has no text form")
        return unicodedata.normalize("NFC", body + mark)  # y + U+0302 -> ŷ

    return render


def _letter_font(table: dict[str, str], strict: bool) -> Callable[[Renderer, int, list[Any]], str]:
    def render(self: Renderer, pos: int, args: list[Any]) -> str:
        return _restyle(self._required(args, 0, pos), (table, strict), pos)

    return render


def _restyle(body: str, font: tuple[dict[str, str], bool] | None, pos: int) -> str:
    """`body` in a letter font (a table, and whether a letter it lacks is an error);
    None is the upright font, which the terminal shows as written."""
    if font is None:
        return body
    table, strict = font
    if strict and not all(c in table or c.isspace() for c in body):
        raise Unconvertible(pos, f"no Unicode letters for {body!r} in this font")
    return "".join(table.get(c, c) for c in body if not c.isspace())


def _blank(node: Any) -> bool:
    """Whitespace only: what may stand before a group's font switch."""
    return node is not None and node.isNodeType(_lw.LatexCharsNode) and not node.chars.strip()


def _plain_font(self: Renderer, pos: int, args: list[Any]) -> str:
    return self._required(args, 0, pos)


_FRACTIONS: Final = frozenset({"frac", "dfrac", "tfrac", "cfrac"})


_LEFT_SIZERS: Final = frozenset({"left", "bigl", "Bigl", "biggl", "Biggl"})
_SIZERS: Final = _LEFT_SIZERS | {"right", "bigr", "Bigr", "biggr", "Biggr"}
"""Macros before a delimiter that say its side (``\\left`` also needs its ``\\right``)."""


def _is_macro(node: Any, *names: str) -> bool:
    return node is not None and node.isNodeType(_lw.LatexMacroNode) and node.macroname in names


FONT_SWITCHES: Final[dict[str, tuple[dict[str, str], bool] | None]] = {
    "rm": None,
    "it": None,
    "sf": None,
    "tt": None,
    "bf": (BOLD, False),
    "cal": (SCRIPT, True),
}
"""Plain TeX's font switches, rendered where one opens a group (``{\\rm d}x``) as the
font macro of the same name (``\\mathrm``, ``\\mathbf``, ``\\mathcal``)."""


_PRODUCT: Final = re.compile(
    r"\d(?=[A-Za-zα-ωϵϑϕ])|[α-ωϵϑϕ](?=[A-Za-zα-ωϵϑϕ])|[A-Za-z](?=[α-ωϵϑϕ])"
)
"""Juxtaposed factors (2m, 2π, ατ): a product, bracketed as a denominator. Latin letters
side by side are left alone: they are as often one name (dz, step) as a product."""


_SUPERSCRIPTS: Final = frozenset(SUP.values())


_Handler = Callable[[Renderer, int, list[Any]], str]


MATRICES: Final = frozenset({"matrix", "pmatrix", "bmatrix"})
"""Matrices shown as their rows; a determinant (vmatrix) or a norm (Vmatrix) is not one."""

CASE_WORDS: Final = frozenset({"if", "otherwise", "else", "for", "when", "where", "elsewhere"})
"""A condition beginning with one of these words is kept as written (``0 otherwise``);
any other gets ``if`` before it (``1 if x > 0``)."""

STACKED_EQUALS: Final = {"def": "≝", "?": "≟"}
"""An equals sign with these over it is one Unicode character."""


def _outside_brackets(char: str, text: str) -> bool:
    """Whether `char` occurs in `text` outside every bracket pair."""
    depth = 0
    for c in text:
        if c in OPENERS:
            depth += 1
        elif c in CLOSERS:
            depth = max(0, depth - 1)
        elif c == char and depth == 0:
            return True
    return False


class _CharNode:
    """One character of a chars node, rendered again as a node (a cell of an array)."""

    def __init__(self, chars: str, pos: int) -> None:
        self.chars = chars
        self.pos = pos

    def isNodeType(self, kind: type) -> bool:  # noqa: N802 - pylatexenc's name
        return kind is _lw.LatexCharsNode


_MACRO_HANDLERS: Final[dict[str, _Handler]] = {
    "frac": Renderer.frac,
    "dfrac": Renderer.frac,
    "tfrac": Renderer.frac,
    "cfrac": Renderer.frac,
    "sqrt": Renderer.sqrt,
    "operatorname": Renderer.operatorname,
    "not": Renderer.negated,
    "binom": Renderer.binom,
    "dbinom": Renderer.binom,
    "tbinom": Renderer.binom,
    "xrightarrow": lambda self, pos, args: self.labelled_arrow(pos, args, right=True),
    "xleftarrow": lambda self, pos, args: self.labelled_arrow(pos, args, right=False),
    "underbrace": lambda self, pos, args: self.brace(pos, args, "⏟"),
    "overbrace": lambda self, pos, args: self.brace(pos, args, "⏞"),
    "overset": lambda self, pos, args: self.stacked(pos, args, SUP, "^"),
    "stackrel": lambda self, pos, args: self.stacked(pos, args, SUP, "^"),
    "underset": lambda self, pos, args: self.stacked(pos, args, SUB, "_"),
    "mathop": Renderer.mathop,
    "overrightarrow": lambda self, pos, args: self.over_arrow(pos, args, "\u20d7", "→"),
    "overleftarrow": lambda self, pos, args: self.over_arrow(pos, args, "\u20d6", "←"),
    "overline": Renderer.overline,
    "underline": Renderer.underline,
    **{name: _accent(mark) for name, mark in ACCENTS.items()},
    **{name: _letter_font(table, strict=True) for name, table in LETTER_FONTS.items()},
    **{name: _letter_font(BOLD, strict=False) for name in BOLD_FONTS},
    **{name: _plain_font for name in PLAIN_FONTS},
}


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


def unknown_macro(name: str) -> str:
    """What to write instead of a macro the renderer does not know: the one it was meant
    to be when a known name is close (`\\lamda`), else a name set upright, which the
    terminal shows as written (`\\relu` as `\\operatorname{relu}`)."""
    if name in _PLAIN_TEX:
        return f"plain TeX's \\{name} is not rendered: {_PLAIN_TEX[name]}"
    known = sorted({*SYMBOLS, *_MACRO_HANDLERS, *TEXT_MACROS, *SPACING, *INVISIBLE} - {name})
    close = difflib.get_close_matches(name, known, n=1, cutoff=0.75)
    if close:
        return f"unknown macro \\{name} (did you mean \\{close[0]}?)"
    return (
        f"unknown macro \\{name}: the terminal has no symbol for it; write a name as "
        f"\\operatorname{{{name}}} or \\text{{{name}}}"
    )
