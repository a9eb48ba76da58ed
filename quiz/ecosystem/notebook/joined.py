"""A notebook's cells as one Markdown text, and where each of its lines came from.

A markdown cell is the Markdown it holds, a code cell a fenced block in the notebook's
language in its place (so a question over it keeps its code in the answer, as a fenced
block in notes does), cells parted by a blank line, a code block a cell leaves open
closed at its end; raw cells, outputs and cells of an
unknown type are left out, counted for the report. The joined text's lines are not the
notebook's, so `CellLines` maps each back to its cell and its line in that cell.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from quiz.bank.markdown.rules import normalize
from quiz.bank.open_fence import unclosed_fence
from quiz.ecosystem.notebook.cells import READ_KINDS, Notebook

_TICKS = re.compile(r"^[ \t]*(`{3,}|~{3,})", re.MULTILINE)


@dataclass(frozen=True)
class CellLines:
    """Where the joined text's lines come from: block `i` (a cell read) starts at joined
    line `firsts[i]` (a code cell's at its opening fence), its cell's own line 1 at
    `starts[i]`, and holds `counts[i]` of the cell's lines."""

    firsts: tuple[int, ...]
    starts: tuple[int, ...]
    cells: tuple[int, ...]
    counts: tuple[int, ...]

    def at(self, line: int) -> tuple[int, int]:
        """(cell number, 1-based line in that cell) of a joined line. A fence or the
        blank line after a cell is placed at the cell's nearest line."""
        if not self.firsts:
            return 1, 1
        block = max(bisect_right(self.firsts, line) - 1, 0)
        own = line - self.starts[block] + 1
        return self.cells[block], min(max(own, 1), max(self.counts[block], 1))


@dataclass(frozen=True)
class Joined:
    """The notebook as Markdown notes, with its line map and what was left out."""

    text: str
    lines: CellLines
    markdown_cells: int
    code_cells: int
    raw_cells: tuple[int, ...]
    """Numbers of the raw cells (left out: Jupyter renders them as nothing)."""
    outputs: int
    """Outputs of code cells, left out: what ran, not what the notes say."""
    unknown: tuple[tuple[int, str], ...]
    """(number, cell_type) of cells of a type nbformat 4 has not."""


def join_cells(notebook: Notebook) -> Joined:
    """The cells read as one Markdown text (see the module's docstring)."""
    parts: list[str] = []
    firsts: list[int] = []
    starts: list[int] = []
    numbers: list[int] = []
    counts: list[int] = []
    line = 1  # the joined line the next block starts at
    raw: list[int] = []
    unknown: list[tuple[int, str]] = []
    kinds = {"markdown": 0, "code": 0}
    outputs = 0
    for cell in notebook.cells:
        outputs += cell.outputs
        if cell.kind == "raw":
            raw.append(cell.number)
        if cell.kind not in READ_KINDS:
            unknown.append((cell.number, cell.kind))
        if cell.kind not in kinds:
            continue
        kinds[cell.kind] += 1
        source = normalize(cell.source).rstrip("\n")
        if not source.strip():
            continue
        count = source.count("\n") + 1
        firsts.append(line)
        numbers.append(cell.number)
        counts.append(count)
        if cell.kind == "code":
            fence = _fence_for(source)
            starts.append(line + 1)
            parts.append(f"{fence}{notebook.language}\n{source}\n{fence}")
            line += count + 3  # two fences and the blank line after
        else:
            starts.append(line)
            # Jupyter renders each cell alone: a block the cell leaves open ends with it,
            # where joined it ran on as code through every cell after it
            opened = unclosed_fence(source)
            parts.append(source if opened is None else f"{source}\n{opened.marker}")
            line += count + 1 + (opened is not None)
    return Joined(
        "\n\n".join(parts) + "\n" if parts else "",
        CellLines(tuple(firsts), tuple(starts), tuple(numbers), tuple(counts)),
        kinds["markdown"],
        kinds["code"],
        tuple(raw),
        outputs,
        tuple(unknown),
    )


def _fence_for(code: str) -> str:
    """A backtick fence longer than any fence inside the code (a cell's docstring may
    hold a Markdown example), so the code cannot close it."""
    longest = max((len(mark) for mark in _TICKS.findall(code) if mark[0] == "`"), default=2)
    return "`" * max(3, longest + 1)
