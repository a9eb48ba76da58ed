"""An import plan's places as a notebook's: `lecture.ipynb: cell 12, line 3`.

The readers place everything by the line of the text they read, here the notebook joined
into Markdown (`joined`); no reader knows of notebooks. Once the plan is made, each place
and each line a message names (`line 12`, `lines 3-5`, `lines 3, 9`) is said in cells
through the join's line map, and the parts the join left out are told at the top. What a
message quotes (`'Why does line 5 of the loop fail?'`) is the notes' own text, left as
written: rewritten, a question's title named a cell it never held.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import Path

from quiz.ecosystem.importplan import ImportPlan, Notice, Skipped
from quiz.ecosystem.notebook.joined import CellLines, Joined
from quiz.errors import escape_path
from quiz.plural import counted

_ITEM = r"\d+(?:-\d+)?"
_LINES = rf"\blines? (?P<lines>{_ITEM}(?:(?:, | and ){_ITEM}(?! more))*)"
"""`line 12`, `lines 3-5`, `lines 3, 9 and 12`: lines a message names (not `and 4 more`)."""
_PIECE = re.compile(rf"(, | and )?({_ITEM})")
_QUOTED = r"(?<![\w'])'(?:[^'\n]|(?<=\w)'(?=\w))*'(?!\w)|(?<!\w)\"(?:[^\"\\\n]|\\.)*\""
"""A quoted title or snippet: `'...'` as the readers quote (an apostrophe between letters,
as in `doesn't`, is no end), or `"..."` as `repr` quotes text holding a `'`. A quote's
scan stops at its first other `'`: a message of many unclosed `'` is read in linear time
(letting any `'` before a letter go on, 12,000 characters of ` 'a` took 2.2 s)."""
_CELL_PLACE = r"cell \d+, lines? \d+(?:-\d+)?"


@dataclass(frozen=True)
class CellPlaces:
    """Places in a notebook, from the joined text's lines."""

    notes: Path
    lines: CellLines

    def place(self, line: int) -> str:
        """`lecture.ipynb: cell 12, line 3` (the path as given)."""
        return f"{escape_path(self.notes)}: {self.cell_line(line)}"

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

    def retold(self, text: str) -> str:
        """`text` with each line it names said as a cell's line (`(line 12)` is
        `(cell 4, line 3)`), and each place of the notes (`lecture.ipynb:12`) as a cell's;
        what it quotes (a question's title) as written."""

        def said(found: re.Match[str]) -> str:
            if found.group("place") is not None:
                return self.place(int(found.group("place")))
            if found.group("lines") is not None:
                return self._listed(found.group("lines"))
            return found.group(0)  # quoted: the notes' own words

        return _said_pattern(self.notes).sub(said, text)

    def _listed(self, listed: str) -> str:
        """Lines and spans (`3, 9-11`), grouped by cell: `cell 1, line 3; cell 2, lines 1-3`."""
        groups: list[tuple[int, list[str]]] = []
        for _, item in _PIECE.findall(listed):
            first, _, last = item.partition("-")
            cell, own = self.lines.at(int(first))
            shown = str(own)
            if last:
                end_cell, end = self.lines.at(int(last))
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
        return "; ".join(said)


def _said_pattern(notes: Path) -> re.Pattern[str]:
    """A place of the notes (`lecture.ipynb:12`), a quote, or lines a message names, in
    one pass: a place's path may hold `line 5`, a quote `line 5` or a place, and a place
    said in cells holds `line N` of its cell."""
    path = re.escape(escape_path(notes))
    return re.compile(rf"{path}:(?P<place>\d+)\b|{_QUOTED}|{_LINES}")


def in_cells(plan: ImportPlan, joined: Joined) -> ImportPlan:
    """The plan with every place and named line a notebook's, and what the join left out
    told first."""
    places = CellPlaces(plan.notes, joined.lines)

    def skip(s: Skipped) -> Skipped:
        return replace(s, reason=places.retold(s.reason), place=places.retold(s.place))

    def notice(n: Notice) -> Notice:
        return replace(
            n,
            message=places.retold(n.message),
            place=places.retold(n.place),
            item=places.retold(n.item),
        )

    left = left_out(joined)
    told = (
        () if left is None else (Notice(0, "Jupyter notebook", left, "notebook", str(plan.notes)),)
    )
    return replace(
        plan,
        skipped=tuple(skip(s) for s in plan.skipped),
        sections=tuple(skip(s) for s in plan.sections),
        notices=(*told, *(notice(n) for n in plan.notices)),
    )


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
