"""An import's places as a notebook's: `lecture.ipynb: cell 12, line 3`.

The readers place everything by the line of the text they read, here the notebook joined
into Markdown (`joined`); no reader knows of notebooks. `CellPlaces` is the namer
(`linenames`) a notebook's plan is made with: each place and each line a message names
(`line 12`, `lines 3-5`, `lines 3, 9`) is built in cells from the numbers, through the
join's line map, when the message is made. What a message quotes (`'Why does line 5 of
the loop fail?'`) is never read again: the notes' own words stay as written.
`told_left_out` tells the parts the join left out at the top of the plan's notes.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from quiz.ecosystem.importplan import ImportPlan, Notice
from quiz.ecosystem.linenames import LineNames, Span
from quiz.ecosystem.notebook.joined import CellLines, Joined
from quiz.errors import escape_path
from quiz.plural import counted

_CELL_PLACE = r"cell \d+, lines? \d+(?:-\d+)?"


@dataclass(frozen=True)
class CellPlaces(LineNames):
    """Places in a notebook, from the joined text's lines."""

    notes: Path
    lines: CellLines

    def place(self, notes: Path, line: int) -> str:
        """`lecture.ipynb: cell 12, line 3` (the path as given)."""
        return f"{escape_path(notes)}: {self.cell_line(line)}"

    def at(self, line: int) -> str:
        """This notebook's place of a joined line, as a card's line names its question."""
        return self.place(self.notes, line)

    def cell_line(self, line: int) -> str:
        """`cell 12, line 3`."""
        cell, own = self.lines.at(line)
        return f"cell {cell}, line {own}"

    @property
    def unbroken(self) -> tuple[re.Pattern[str], ...]:
        """A place, `lecture.ipynb: cell 12, line 3`, and a cell's line a message names,
        `cell 12, line 3`, for the report's folding to keep whole: cut at its spaces, a
        narrow terminal showed `cell 12,` on one line and `line 3` on the next."""
        path = re.escape(escape_path(self.notes))
        return re.compile(rf"{path}: {_CELL_PLACE}"), re.compile(rf"\b{_CELL_PLACE}")

    def listed(self, spans: Sequence[Span], more: int = 0) -> str:
        """Lines and spans grouped by cell: `cell 1, line 3; cell 2, lines 1-3`, and `and 4
        more` past those listed."""
        groups: list[tuple[int, list[str]]] = []
        for first, last in spans:
            cell, own = self.lines.at(first)
            shown = str(own)
            if last != first:
                end_cell, end = self.lines.at(last)
                if end_cell != cell:
                    groups.append((cell, [f"{own} to cell {end_cell}, line {end}"]))
                    continue
                shown = f"{own}-{end}" if end != own else shown
            if groups and groups[-1][0] == cell:
                groups[-1][1].append(shown)
            else:
                groups.append((cell, [shown]))
        said = []
        for cell, items in groups:
            word = "lines" if len(items) > 1 or "-" in items[0] else "line"
            said.append(f"cell {cell}, {word} {', '.join(items)}")
        return "; ".join(said) + (f" and {more} more" if more else "")


def told_left_out(plan: ImportPlan, joined: Joined) -> ImportPlan:
    """The plan with what the join left out of the notebook told first."""
    left = left_out(joined)
    if left is None:
        return plan
    told = Notice(0, "Jupyter notebook", left, "notebook", str(plan.notes))
    return replace(plan, notices=(told, *plan.notices))


def left_out(joined: Joined) -> str | None:
    """What of the notebook import did not read, counted and named by cell: raw cells,
    code cells' outputs, cells of a type it does not know. None when it read everything."""
    parts = []
    if joined.raw_cells:
        parts.append(f"{counted(len(joined.raw_cells), 'raw cell')} ({_cells(joined.raw_cells)})")
    if joined.outputs:
        parts.append(counted(joined.outputs, "code cell output"))
    for number, kind in joined.unknown:
        parts.append(f"cell {number} of cell_type {kind!r}, which nbformat 4 has not")
    if not parts:
        return None
    read = counted(joined.markdown_cells, "markdown cell")
    if joined.code_cells:
        read += f" and {counted(joined.code_cells, 'code cell')} (as fenced blocks)"
    return f"read its {read}; left out: {', '.join(parts)}"


def _cells(numbers: tuple[int, ...], shown: int = 5) -> str:
    """`cell 4`, `cells 4, 9, 10`, with how many more past `shown`."""
    listed = ", ".join(map(str, numbers[:shown]))
    if len(numbers) > shown:
        listed += f" and {len(numbers) - shown} more"
    return f"{'cell' if len(numbers) == 1 else 'cells'} {listed}"
