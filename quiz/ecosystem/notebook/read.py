"""A notebook file's text as the Markdown notes import reads, or the error that says why
not (bad JSON at its place, nbformat 3, a cell of no text, no markdown cell at all)."""

from __future__ import annotations

from pathlib import Path

from quiz.ecosystem.notebook.cells import NotebookRefused, read_cells
from quiz.ecosystem.notebook.joined import Joined, join_cells
from quiz.errors import InputFileError
from quiz.plural import counted


def read_notebook(notes: Path, raw: str, *, title: str = "import") -> Joined:
    """The notebook in `raw` joined into Markdown; InputFileError naming `notes` when it
    cannot be read or holds no markdown cell (its code alone asks nothing)."""
    try:
        joined = join_cells(read_cells(raw))
    except NotebookRefused as refused:
        raise InputFileError(notes, title=title, reason=refused.reason) from refused
    if not joined.markdown_cells:
        kinds = (("code cell", joined.code_cells), ("raw cell", len(joined.raw_cells)))
        held = [counted(count, kind) for kind, count in kinds if count]
        raise InputFileError(
            notes,
            title=title,
            reason=f"no markdown cells: nothing to import (it holds {' and '.join(held) or 'no cell'}); "
            "import reads questions and answers from markdown cells, with the code cells "
            "between them",
        )
    return joined
