"""The walk over one formula's nodes: `Renderer` writes characters, scripts,
``\\left``/``\\right`` delimiters, groups and argument-free macros itself, and hands a
macro with arguments to its rule in `constructs`, an environment to `environments`;
it raises `Unconvertible` where no text form is faithful.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Final

from pylatexenc import latexwalker as _lw

from quiz.bank.mathsymbols import (
    BIG_OPERATORS,
    CLOSING_DELIMITERS,
    FUNCTIONS,
    INVISIBLE,
    MATH_CHARS,
    OPENING_DELIMITERS,
    OPERATOR_CHARS,
    PREFIX,
    SPACING,
    SUB,
    SUP,
    SYMBOLS,
    TEXT_MACROS,
)
from quiz.bank.mathtext.constructs import CONSTRUCTS, FRACTIONS, choose
from quiz.bank.mathtext.environments import environment
from quiz.bank.mathtext.fonts import FONT_SWITCHES, restyle
from quiz.bank.mathtext.layout import Buffer, ends_operand, script
from quiz.bank.mathtext.nodes import CharNode, Item, as_items, blank, is_macro
from quiz.bank.mathtext.unconvertible import Unconvertible
from quiz.bank.mathtext.unknown_macros import unknown_macro

SIGNS: Final = frozenset({"pm", "mp"})
"""Macros that are a sign when they start a term (±10³) and an operator between two (a ± b)."""


_LEFT_SIZERS: Final = frozenset({"left", "bigl", "Bigl", "biggl", "Biggl"})
_SIZERS: Final = _LEFT_SIZERS | {"right", "bigr", "Bigr", "biggr", "Biggr"}
"""Macros before a delimiter that say its side (``\\left`` also needs its ``\\right``)."""


def _between_operands(symbol: str, out: Buffer) -> bool:
    """An operator written against its left operand, ``x\\sim p``: the space that ends
    the macro's name is not the author's, so it is ``x~p`` as ``x+p`` is, not ``x~ p``."""
    last = out.parts[-1][-1:] if out.parts else ""
    return bool(symbol) and all(c in OPERATOR_CHARS for c in symbol) and ends_operand(last)


def _operand_follows(items: list[Item], i: int) -> bool:
    """Past the spaces from item `i`, an operand: a letter, a digit, a macro or a group
    (not a bracket, a comma or an operator, which sit against a script as written)."""
    while i < len(items) and items[i][0] is not None and str(items[i][0]).isspace():
        i += 1
    if i >= len(items):
        return False
    ch = items[i][0]
    return ch is None or str(ch).isalnum()


_RIGHT_SIZERS: Final = _SIZERS - _LEFT_SIZERS

_BARE_MATRICES: Final = frozenset({"matrix", "smallmatrix"})
"""Matrices drawn without brackets: those written around one are its own."""

_MATRIX_BRACKETS: Final = frozenset({("(", ")"), ("[", "]"), ("{", "}")})
_BAR_PAIRS: Final = frozenset({("|", "|"), ("‖", "‖")})


def _skip_spaces(items: list[Item], i: int) -> int:
    """The index of the first item from `i` on that is not a space."""
    while i < len(items) and items[i][0] is not None and str(items[i][0]).isspace():
        i += 1
    return i


def _is_environment(node: Any, names: frozenset[str]) -> bool:
    """An environment node named one of `names`."""
    return (
        node is not None
        and node.isNodeType(_lw.LatexEnvironmentNode)
        and str(node.environmentname) in names
    )


class Renderer:
    """Walks pylatexenc nodes of one formula and writes Unicode."""

    def render(self, nodes: Sequence[Any], math: bool) -> str:
        items = as_items(nodes)
        if math:
            chooses = [k for k, (_, node, _) in enumerate(items) if is_macro(node, "choose")]
            if chooses:
                return choose(self, items, chooses)
        out = Buffer()
        open_lefts: list[int] = []
        i = 0
        while i < len(items):
            ch, node, pos = items[i]
            if ch is not None:
                if math and ch in "_^":
                    prefixed = i > 0 and is_macro(items[i - 1][1], *PREFIX)
                    i = self._scripts(items, i, out)
                    while prefixed and i < len(items) and str(items[i][0]).isspace():
                        i += 1  # \partial^2 f is ∂²f, as \partial f is ∂f: one term
                    continue
                if ch.isspace() or (math and ch == "~"):
                    out.space()
                elif math:
                    out.add(MATH_CHARS.get(ch, ch))
                else:
                    out.add(ch)
                i += 1
                continue
            if node.isNodeType(_lw.LatexMacroNode) and node.macroname in _LEFT_SIZERS:
                matrix = self._delimited_matrix(items, i)
                if matrix is not None:
                    out.add(matrix[0])
                    i = matrix[1]
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

    def _delimited_matrix(self, items: list[Item], i: int) -> tuple[str, int] | None:
        """``\\left( \\begin{matrix} ... \\end{matrix} \\right)`` is a pmatrix written
        out: its rows, ``[[a], [b]]``, as a pmatrix shows, not in a second pair of brackets
        (``([[a], [b]])``); the matrix in bars is a determinant, which a vmatrix has no
        text form for either. The text and the index after ``\\right``'s delimiter, or
        None when item `i` does not open such a matrix."""
        opener, j = self._delimiter_text(items, i + 1)
        k = _skip_spaces(items, j)
        if k >= len(items) or not _is_environment(items[k][1], _BARE_MATRICES):
            return None
        right = _skip_spaces(items, k + 1)
        if right >= len(items) or not is_macro(items[right][1], *_RIGHT_SIZERS):
            return None
        closer, end = self._delimiter_text(items, right + 1)
        if (opener, closer) in _BAR_PAIRS:
            raise Unconvertible(  # as a vmatrix or Vmatrix is
                items[i][2], "a matrix in bars (a determinant or a norm) has no one-line form"
            )
        if (opener, closer) not in _MATRIX_BRACKETS:
            return None
        return environment(self, items[k][1]), end

    def _delimiter_text(self, items: list[Item], i: int) -> tuple[str | None, int]:
        """The delimiter from item `i` on (past spaces) and the index after it: "" for the
        invisible ``.``, None when a group follows instead (``\\bigl{...}``)."""
        i = _skip_spaces(items, i)
        if i >= len(items):
            return None, i
        ch, node, _ = items[i]
        if ch == ".":
            return "", i + 1
        if ch is not None:
            return MATH_CHARS.get(ch, ch), i + 1
        if node.isNodeType(_lw.LatexMacroNode):
            return self.render([node], True), i + 1
        return None, i

    def _delimiter(self, items: list[Item], i: int, out: Buffer, opening: bool) -> int:
        """The delimiter after ``\\left``/``\\bigl`` (or ``\\right``/``\\bigr``), tight
        against what it encloses as a bracket is: ``\\left\\| x \\right\\|`` is ``‖x‖``.
        Returns the index after it; ``.`` is the invisible delimiter."""
        text, after = self._delimiter_text(items, i)
        if not text:
            return after  # "." shows nothing; \bigl before a group: sizing that changes nothing
        if opening:
            out.open(text)
        else:
            out.close(text)
        return after

    def required(self, args: list[Any], k: int, pos: int, math: bool = True) -> str:
        """Argument ``k``, which must be present (pylatexenc leaves it out after a bare macro
        used as an argument, as in ``\\frac\\hat{x}{y}``)."""
        if k >= len(args) or args[k] is None:
            raise Unconvertible(pos, "a macro is missing its argument")
        return self.arg(args[k], math)

    def arg(self, node: Any, math: bool) -> str:
        """One argument, a group or a single node; an optional one left out is empty."""
        if node is None:
            return ""
        if node.isNodeType(_lw.LatexGroupNode):
            return self._group(node.nodelist, math)
        return self.render([node], math)

    def _group(self, nodes: Sequence[Any], math: bool) -> str:
        """A ``{...}`` group; a font switch that opens it is the group's font, as its
        ``\\mathrm{...}`` would be: ``\\mathop{\\rm arg\\,max}`` is ``\\operatorname{arg\\,max}``."""
        first = next((k for k, n in enumerate(nodes) if not blank(n)), None)
        if first is None or not is_macro(nodes[first], *FONT_SWITCHES):
            return self.render(nodes, math)
        switch = nodes[first]
        body = self.render(nodes[first + 1 :], math)
        return restyle(body, FONT_SWITCHES[switch.macroname], switch.pos)

    def render_items(self, items: list[Item]) -> str:
        """A run of items (a cell of a matrix, a side of ``\\choose``) rendered as math."""
        nodes: list[Any] = []
        for ch, node, pos in items:
            nodes.append(node if node is not None else CharNode(str(ch), pos))
        return self.render(nodes, math=True).strip() if nodes else ""

    def _scripts(self, items: list[Item], i: int, out: Buffer) -> int:
        """The ``_``/``^`` scripts from item `i` on, attached to what `out` holds last;
        returns the index after them."""
        scripts: dict[str, str] = {}
        spaced = False
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
                scripts[mark] = self.arg(node, True)
            spaced = node is not None and bool(getattr(node, "macro_post_space", ""))
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
        elif spaced and _operand_follows(items, i):
            out.space()  # W^\top x is Wᵀ x, as W^T x is; σ^\prime (z) stays σ′(z)
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
            out.add(environment(self, node))
        else:
            raise Unconvertible(node.pos, "math inside math")

    def _macro(self, node: Any, math: bool, out: Buffer) -> None:
        name = str(node.macroname)
        args: list[Any] = list(node.nodeargd.argnlist) if node.nodeargd else []
        post_space = bool(node.macro_post_space)
        handler = CONSTRUCTS.get(name)
        if handler is not None:
            text = handler(self, node.pos, args)
            if name in FRACTIONS:
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
            out.add(self.required(args, 0, node.pos, math=False))
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
        tight = _between_operands(symbol, out)
        out.add(symbol)
        if post_space and name not in PREFIX and not unary and not tight:
            out.space()  # \pm 10^3 is ±10³, as -10^3 is −10³; a \pm b keeps its spaces
