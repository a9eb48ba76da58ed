"""The environments a line can show: a matrix as its rows, ``[[a, b], [c, d]]`` (as NumPy
prints one), ``cases`` as ``{1 if x > 0; 0 otherwise}``, and the aligned equations of
``aligned``, ``align*``, ``gathered`` and their kin as one chain, ``L = a = b; c = d``;
any other stays code."""

from __future__ import annotations

from typing import Any, Final

from pylatexenc import latexwalker as _lw

from quiz.bank.mathsymbols import CLOSERS, OPENERS
from quiz.bank.mathtext.nodes import Item, Walk, as_items
from quiz.bank.mathtext.unconvertible import Unconvertible

MATRICES: Final = frozenset({"matrix", "pmatrix", "bmatrix", "Bmatrix", "smallmatrix"})
"""Matrices shown as their rows, whatever brackets they are drawn in; a determinant
(vmatrix) or a norm (Vmatrix) is not one."""

ALIGNED: Final = frozenset(
    {
        "aligned",
        "align",
        "align*",
        "gathered",
        "gather",
        "gather*",
        "split",
        "eqnarray",
        "eqnarray*",
        "multline",
        "multline*",
    }
)
"""Equations one under another, aligned or not: shown as one line (see `aligned`)."""

RELATIONS: Final = frozenset("=<>≤≥≈≠≡∝~∼≃≅→←⇒⟹⟸⟺↦≔≕⊂⊆∈")
"""A row of aligned equations that starts with one of these continues the row above."""

_VERTICAL_PLACES: Final = frozenset({"[t]", "[b]", "[c]"})


CASE_WORDS: Final = frozenset({"if", "otherwise", "else", "for", "when", "where", "elsewhere"})
"""A condition beginning with one of these words is kept as written (``0 otherwise``);
any other gets ``if`` before it (``1 if x > 0``)."""


def environment(r: Walk, node: Any) -> str:
    """A matrix as its rows, ``[[a, b], [c, d]]`` (as NumPy prints one), and ``cases``
    as ``{1 if x > 0; 0 otherwise}``; any other environment has no one-line form."""
    name = str(node.environmentname)
    if name in ALIGNED:
        return aligned(r, node, name)
    if name not in MATRICES and name != "cases":
        if name == "array":  # \left\{ \begin{array}{ll} ... \right. is cases, or a matrix
            raise Unconvertible(
                node.pos,
                "an array has no one-line form: write cases as \\begin{cases} ... "
                "\\end{cases} and a matrix as \\begin{bmatrix} ... \\end{bmatrix}",
            )
        raise Unconvertible(node.pos, f"environment '{name}' cannot be shown as text")
    if node.nodeargd and any(a is not None for a in node.nodeargd.argnlist):
        raise Unconvertible(node.pos, f"environment '{name}' with arguments has no text form")
    table = rows(r, as_items(node.nodelist), node.pos)
    if not table:
        raise Unconvertible(node.pos, f"an empty '{name}'")
    separator = ";" if name == "cases" else ","
    if any(outside_brackets(separator, cell) for row in table for cell in row):
        raise Unconvertible(  # [[a, b, c]] would hide that "a, b" was one entry
            node.pos, f"a '{separator}' in an entry of '{name}' would read as a new entry"
        )
    if name == "cases":
        return "{" + "; ".join(case(row, node.pos) for row in table) + "}"
    widths = {len(row) for row in table}
    if len(widths) != 1:
        raise Unconvertible(node.pos, "a matrix whose rows differ in length")
    for row in table:
        if any(not cell for cell in row):
            raise Unconvertible(node.pos, "a matrix with an empty entry")
    return "[" + ", ".join("[" + ", ".join(row) + "]" for row in table) + "]"


def aligned(r: Walk, node: Any, name: str) -> str:
    """Aligned equations as one line: the ``&`` that aligns them dropped, a row that starts
    with a relation chained to the row above (``L &= a \\\\ &= b`` is ``L = a = b``, as
    the derivation reads) and any other after a ``;`` (``a = 1; b = 2``)."""
    if node.nodeargd and any(a is not None for a in node.nodeargd.argnlist):
        raise Unconvertible(node.pos, f"environment '{name}' with arguments has no text form")
    body = as_items(node.nodelist)
    if "".join(str(ch) for ch, _, _ in body[:3]) in _VERTICAL_PLACES:
        body = body[3:]  # \begin{aligned}[t]: where it sits on the line, nothing to show
    lines = [" ".join(cell for cell in row if cell) for row in rows(r, body, node.pos)]
    if not lines:
        raise Unconvertible(node.pos, f"an empty '{name}'")
    if any(outside_brackets(";", line) for line in lines):
        raise Unconvertible(  # a = 1; b = 2; c would hide where a row ends
            node.pos, f"a ';' in a row of '{name}' would read as a new row"
        )
    text = lines[0]
    for line in lines[1:]:
        text += (" " if line[0] in RELATIONS else "; ") + line
    return text


def substack(r: Walk, pos: int, args: list[Any]) -> str:
    """``\\substack{i < j \\\\ i \\ne k}``, the conditions under a sum one per row: in a
    line, one after another, ``i < j, i ≠ k``."""
    if not args or args[0] is None:
        raise Unconvertible(pos, "a macro is missing its argument")
    group = args[0]
    nodes = group.nodelist if group.isNodeType(_lw.LatexGroupNode) else [group]
    lines = [" ".join(cell for cell in row if cell) for row in rows(r, as_items(nodes), pos)]
    if not lines:
        raise Unconvertible(pos, "an empty \\substack")
    return ", ".join(lines)


def rows(r: Walk, body: list[Item], pos: int) -> list[list[str]]:
    """The cells of an environment's body, split at ``&`` and ``\\\\``; a trailing
    ``\\\\`` ends the last row and makes none."""
    found: list[list[str]] = []
    cells: list[str] = []
    cell: list[Item] = []
    for item in [*body, ("\\", None, pos)]:
        ch, node, _ = item
        end_row = ch == "\\" or (
            node is not None and node.isNodeType(_lw.LatexMacroNode) and node.macroname == "\\"
        )
        if ch == "&" or end_row:
            cells.append(r.render_items(cell))
            cell = []
            if end_row:
                if any(cells):
                    found.append(cells)
                elif len(cells) > 1:
                    raise Unconvertible(pos, "an empty row")
                cells = []
            continue
        if node is not None and node.isNodeType(_lw.LatexMacroNode):
            if node.macroname == "hline":
                raise Unconvertible(node.pos, "a rule in an array has no text form")
        cell.append(item)
    return found


def case(row: list[str], pos: int) -> str:
    """One row of ``cases``: its value, then its condition after ``if`` (kept as written
    when it starts with a word of `CASE_WORDS`)."""
    if len(row) != 2 or not row[0] or not row[1]:
        raise Unconvertible(pos, "a case is a value and its condition: 'value & condition'")
    condition = row[1]
    if condition.split(" ", 1)[0] in CASE_WORDS or condition.startswith(","):
        return f"{row[0]} {condition.lstrip(', ')}"
    return f"{row[0]} if {condition}"


def outside_every_bracket(text: str) -> str:
    """The text outside every bracket: a product inside one, √(2πσ²), is the bracket's own
    (1/√(2πσ²) needs no brackets of its own; λ/2m does)."""
    kept: list[str] = []
    depth = 0
    for c in text:
        if c in OPENERS:
            depth += 1
        elif c in CLOSERS:
            depth = max(0, depth - 1)
        elif depth == 0:
            kept.append(c)
    return "".join(kept)


def outside_brackets(char: str, text: str) -> bool:
    """Whether `char` occurs in `text` outside every bracket pair."""
    return char in outside_every_bracket(text)
