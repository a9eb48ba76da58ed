"""An HTML table in the notes as a Markdown table: its rows and cells kept apart.

Notes kept for GitHub, and Notion pages exported with an inline database, write a table as
`<table><tr><th>Metric</th><th>Formula</th></tr>...</table>`. Its tags were stripped like
any other and the cells ran together: a card read "MetricFormula", "PrecisionTP / (TP +
FP)", and so did the key point made of it. Here each such table outside code becomes a
pipe table (its first row the header), which the card shows as a table and the key points
read row by row. A table inside a cell, or one never closed, is left for the tags' removal.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from quiz.bank.markdown import code_blocks, code_spans

_TABLE = re.compile(r"<table\b[^>]*>.*?</table\s*>[ \t]*", re.IGNORECASE | re.DOTALL)
_OPEN = re.compile(r"<table\b", re.IGNORECASE)
_PIPE = re.compile(r"(?<!\\)\|")
"""A `|` in a cell's text not escaped yet (a `\\|` in a formula, a norm, is already)."""
_TAG_LIKE = re.compile(r"<(?=[A-Za-z/!?])")
"""A `<` in a cell's text that the tags' removal after this would take for a tag's start."""


class _Cells(HTMLParser):
    """The text of each cell of each row (`<tr>`, `<th>`, `<td>`); None when a table is
    nested in the table (its cells would run into the outer one's)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.rows: list[list[str]] = []
        self.cell: list[str] | None = None
        self.depth = 0
        self.nested = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "table":
            self.depth += 1
            self.nested = self.nested or self.depth > 1
        elif tag == "tr":
            self._close_cell()
            self.rows.append([])
        elif tag in ("td", "th"):
            self._close_cell()
            if not self.rows:
                self.rows.append([])
            self.cell = []
        elif tag == "br" and self.cell is not None:
            self.cell.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th", "tr"):
            self._close_cell()
        elif tag == "table":
            self._close_cell()
            self.depth -= 1

    def handle_data(self, data: str) -> None:
        if self.cell is not None:
            self.cell.append(data)

    def _close_cell(self) -> None:
        if self.cell is not None:
            text = " ".join("".join(self.cell).split())
            text = _TAG_LIKE.sub("&lt;", _PIPE.sub(r"\\|", text))  # `&lt;b&gt;` stays text
            self.rows[-1].append(text)
            self.cell = None


def _pipe_rows(table: str) -> list[str] | None:
    """The table's rows as pipe-table lines (the first row the header, every row as wide
    as the widest), or None when it holds no cell or a table in a cell."""
    cells = _Cells()
    cells.feed(table)
    cells.close()
    cells._close_cell()
    rows = [row for row in cells.rows if any(row)]
    if cells.nested or not rows:
        return None
    width = max(len(row) for row in rows)
    rows = [row + [""] * (width - len(row)) for row in rows]
    lines = [_line(rows[0]), _line(["---"] * width)]
    lines.extend(_line(row) for row in rows[1:])
    return lines


def _line(cells: list[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def pipe_tables(markdown: str) -> str:
    """The text with each HTML table outside code written as a Markdown table, a blank
    line before and after it, at the indent of the line it opened on."""
    if _OPEN.search(markdown) is None:
        return markdown
    code = _code_ranges(markdown)

    def written(match: re.Match[str]) -> str:
        if any(start < match.end() and match.start() < end for start, end in code):
            return match.group(0)
        lines = _pipe_rows(match.group(0))
        if lines is None:
            return match.group(0)
        line_start = markdown.rfind("\n", 0, match.start()) + 1
        before = markdown[line_start : match.start()]
        indent = before[: len(before) - len(before.lstrip(" \t"))]
        table = ("\n" + indent).join(lines)  # its first line follows the indent written
        return (
            _blank_before(markdown, line_start, before, indent)
            + table
            + _blank_after(markdown, match.end(), indent)
        )

    return _TABLE.sub(written, markdown)


def _code_ranges(markdown: str) -> list[tuple[int, int]]:
    """(start, end) offsets of the text's code blocks and code spans."""
    starts = [0, *(m.end() for m in re.finditer("\n", markdown))]
    ranges = [
        (
            starts[b.first_line - 1],
            starts[b.end_line - 1] if b.end_line <= len(starts) else len(markdown),
        )
        for b in code_blocks(markdown)
    ]
    return [*ranges, *code_spans(markdown)]


def _blank_before(markdown: str, line_start: int, before: str, indent: str) -> str:
    """What goes before a table for a blank line to stand above it (none after one)."""
    if before.strip():  # text before it on its line
        return "\n\n" + indent
    above = markdown[markdown.rfind("\n", 0, max(line_start - 1, 0)) + 1 : max(line_start - 1, 0)]
    return "" if line_start == 0 or not above.strip() else "\n" + indent


def _blank_after(markdown: str, end: int, indent: str) -> str:
    """What goes after a table for a blank line to stand below it (none before one)."""
    line_end = markdown.find("\n", end)
    rest = markdown[end:] if line_end < 0 else markdown[end:line_end]
    if rest.strip():  # text after it on its line
        return "\n\n" + indent
    if line_end < 0:
        return ""
    below_end = markdown.find("\n", line_end + 1)
    below = markdown[line_end + 1 :] if below_end < 0 else markdown[line_end + 1 : below_end]
    return "" if not below.strip() else "\n"
