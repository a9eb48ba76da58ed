"""LaTeX display environments written without `$$` (`\\begin{equation}` ... `\\end{equation}`).

Notes from Jupyter, Typora or a LaTeX habit write a display formula as a bare environment,
which MathJax there renders. Read as Markdown it was text: the card showed the raw
`\\begin{equation}` lines, and a key point began with them ("\\begin{equation}
\\text{score}(q, k) = ... \\end{equation} The dot product measures..."). Each such
environment, opening a line outside fences and formulas, is now a display formula: an
`equation` (`equation*`, `displaymath`) is its content between `$$` lines, one that aligns
or numbers rows (`align`, `gather`, `multline`...) keeps its `\\begin`/`\\end` inside `$$`,
as a `$$` formula of the notes would. Every line keeps its number: the marks replace the
`\\begin`/`\\end` words or join them on their lines.
"""

from __future__ import annotations

import bisect
import re

from quiz.ecosystem.fences import outside_fences

_BEGIN = re.compile(r"^(\s*)\\begin\{([a-z]+\*?)\}")
_PLAIN = frozenset({"equation", "equation*", "displaymath"})
"""Environments that only display: their content alone is the formula."""
_ROWS = frozenset(
    f"{name}{star}"
    for name in ("align", "alignat", "flalign", "gather", "multline", "eqnarray")
    for star in ("", "*")
)
"""Environments of several rows: kept whole inside `$$`."""


def _toggles(row: str) -> bool:
    """True when the row opens or closes a `$$` or `\\[ \\]` formula left open across lines."""
    return (row.count("$$") + row.count("\\[") + row.count("\\]")) % 2 == 1


def _end_rows(rows: list[str], walk: list[int], end_mark: str) -> list[int]:
    """The positions in `walk` of the rows holding `end_mark`, in order: looked for once per
    environment's name, so a `\\begin` never closed costs no walk to the end of the notes
    (thousands of them took minutes, each looking through every row after it)."""
    return [position for position, row in enumerate(walk) if end_mark in rows[row]]


def delimit_environments(text: str) -> str:
    """The notes with each bare display environment made a `$$` formula (see the module's
    docstring); the text itself when it holds none (not a copy: the notes' text is held
    while they are read, and a `\\begin{aligned}` inside `$$` is common)."""
    if "\\begin{" not in text:
        return text
    rows = text.split("\n")
    walk = list(outside_fences(rows))
    in_formula = False
    ends: dict[str, list[int]] = {}  # per environment, the walk's rows holding its `\end`
    changed = False
    at = 0
    while at < len(walk):
        index = walk[at]
        row = rows[index]
        begin = None if in_formula else _BEGIN.match(row)
        name = begin.group(2) if begin else ""
        if begin is None or name not in _PLAIN | _ROWS:
            in_formula ^= _toggles(row)
            at += 1
            continue
        end_mark = f"\\end{{{name}}}"
        if name not in ends:  # rows from `at` on are still as written: only earlier ones change
            ends[name] = _end_rows(rows, walk, end_mark)
        found = bisect.bisect_left(ends[name], at)
        if found == len(ends[name]):  # never closed
            at += 1
            continue
        close = ends[name][found]
        last = walk[close]
        if name in _PLAIN:
            opened = begin.group(1) + "$$" + row[begin.end() :]
            rows[index] = opened
            rows[last] = rows[last].replace(end_mark, "$$", 1)
        else:
            rows[index] = f"{begin.group(1)}$${row[len(begin.group(1)) :]}"
            rows[last] = rows[last].replace(end_mark, end_mark + "$$", 1)
        at = close + 1
        changed = True
    return "\n".join(rows) if changed else text
