"""A notebook's cells from its JSON (nbformat 4), or why it cannot be read.

Only what import needs is taken: each cell's kind and source, how many outputs a code
cell holds and the names of a cell's attachments, for the report's left-out parts.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

from quiz.jsonshown import shown

READ_KINDS = ("markdown", "code", "raw")
"""The cell types of nbformat 4."""
_LANGUAGE = re.compile(r"[a-z][a-z0-9_+-]*")


class NotebookRefused(ValueError):
    """A notebook import cannot read: `reason` names what (and where, as a JSON path or a
    line and column of the file)."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True, slots=True)
class Cell:
    """One cell as Jupyter shows it: its 1-based number among all the cells."""

    number: int
    kind: str
    source: str
    outputs: int = 0
    attachments: tuple[str, ...] = ()


@dataclass(frozen=True)
class Notebook:
    """The cells of a notebook and the language its code cells are in."""

    cells: tuple[Cell, ...]
    language: str = "python"


def read_cells(raw: str) -> Notebook:
    """The notebook in `raw` (the file's text). NotebookRefused for bad JSON (at its line
    and column), an nbformat 3 notebook (`worksheets`) or a newer one than 4, or a cell
    whose shape is not nbformat's (named by its JSON path)."""
    try:
        data = json.loads(raw.removeprefix("\ufeff"))  # a byte-order mark is no JSON
    except RecursionError as exc:  # `[[[[...` thousands deep: no notebook is
        raise NotebookRefused(
            "not a notebook: its JSON is nested thousands of levels deep"
        ) from exc
    except json.JSONDecodeError as exc:
        raise NotebookRefused(
            f"not valid JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}; a notebook "
            "cut short or edited by hand: open it in Jupyter, or fix that place"
        ) from exc
    if not isinstance(data, dict):
        raise NotebookRefused(f"not a notebook: its JSON is {shown(data)}, not an object")
    version = data.get("nbformat")
    if "worksheets" in data or (isinstance(version, int) and version < 4):
        written = version if isinstance(version, int) else 3
        raise NotebookRefused(
            f"a notebook of nbformat {written} (its cells in 'worksheets'), which import does "
            "not read: open it in Jupyter and save it, which writes nbformat 4, then import it"
        )
    if isinstance(version, int) and version > 4:
        raise NotebookRefused(f"a notebook of nbformat {version}; import reads nbformat 4")
    cells = data.get("cells")
    if not isinstance(cells, list):
        raise NotebookRefused(
            "not a notebook: no 'cells' list"
            if cells is None
            else f"'cells' is {shown(cells)}, not a list"
        )
    return Notebook(
        tuple(_cell(number, cell) for number, cell in enumerate(cells, 1)),
        _language(data.get("metadata")),
    )


def _cell(number: int, cell: Any) -> Cell:
    """One cell checked: a kind not of nbformat 4 is kept (and left out by the join, named
    in the report); a source that is no text is refused at its JSON path."""
    path = f"cells[{number - 1}]"
    if not isinstance(cell, dict):
        raise NotebookRefused(f"{path} (cell {number}) is {shown(cell)}, not an object")
    kind = cell.get("cell_type")
    if not isinstance(kind, str):
        raise NotebookRefused(f"{path}.cell_type (cell {number}) is missing or not text")
    source = cell.get("source", "")
    if isinstance(source, list):
        odd = next((i for i, part in enumerate(source) if not isinstance(part, str)), None)
        if odd is not None:
            raise NotebookRefused(
                f"{path}.source[{odd}] (cell {number}) is {shown(source[odd])}, not a line of text"
            )
        source = "".join(source)
    if not isinstance(source, str):
        raise NotebookRefused(
            f"{path}.source (cell {number}) is {shown(source)}, not text or a list of lines"
        )
    outputs = cell.get("outputs")
    attachments = cell.get("attachments")
    return Cell(
        number,
        kind,
        source,
        len(outputs) if isinstance(outputs, list) else 0,
        tuple(attachments) if isinstance(attachments, dict) else (),
    )


def _language(metadata: Any) -> str:
    """The code cells' language as a fence names it (`python` unless the notebook says)."""
    if isinstance(metadata, dict):
        for key, field in (("language_info", "name"), ("kernelspec", "language")):
            part = metadata.get(key)
            name = part.get(field) if isinstance(part, dict) else None
            if isinstance(name, str) and _LANGUAGE.fullmatch(name.lower()):
                return name.lower()
    return "python"
