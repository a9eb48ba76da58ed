"""A table's rows and a code block's comments as candidate key points (`keypoints_reading`
reads the rest of an answer): a row is a statement, code never is, its author's words about
it may be."""

from __future__ import annotations

import re

from markdown_it.token import Token

from quiz.ecosystem.keypoints_candidate import PointCollector, inline_as_line

__all__ = ["code_points", "table_points"]

_DOCSTRING = re.compile(r'^\s*(?:"""|\'\'\')(.+?)(?:"""|\'\'\')\s*$')
_COMMENT = re.compile(r"(?:^|\s)(?:#|//)\s*(.+)$")
_ASKS = re.compile(r"\?\W*$|^(?:Q\d*\s*[:.]|(?:TODO|FIXME|XXX)\b)", re.IGNORECASE)
"""A comment that asks or is a to-do (`# why subtract the max?`, `# Q: ...`, `# TODO: vectorize`)."""
_CODE_LIKE = re.compile(r"[=(){}\[\];]|\w\.\w|^\s*(?:import|from|return|def|class)\b")


def table_points(tokens: list[Token], start: int, out: PointCollector) -> int:
    """Rows of the table opening at `start` as points; returns the index past it."""
    rows: list[list[str]] = []
    index = start
    while index < len(tokens) and tokens[index].type != "table_close":
        token = tokens[index]
        if token.type == "tr_open":
            rows.append([])
        elif token.type == "inline" and rows:
            rows[-1].append(inline_as_line(token))
        index += 1
    if len(rows) < 2:
        return index + 1
    header = rows[0]
    out.new_group()
    for values in rows[1:]:
        if len(values) < 2 or not values[0]:
            continue
        if len(values) == 2:
            out.add(f"{values[0]}: {values[1]}", 0)
            continue
        pairs = [
            f"{name} {value}" if name else value
            for name, value in zip(header[1:], values[1:], strict=False)
            if value
        ]
        out.add(f"{values[0]}: {'; '.join(pairs)}", 0)
    return index + 1


def code_points(code: str, language: str, out: PointCollector) -> None:
    """The author's words about the code (docstrings, comments of two words or more that
    are not code commented out): never a line of the code itself, nor a comment that asks
    (`# Q: why subtract the max?`, a note to self: the rubric read it as a fact)."""
    for raw in code.split("\n"):
        docstring = _DOCSTRING.match(raw)
        if docstring:
            out.add(docstring.group(1), 3)
        comment = _COMMENT.search(raw) if language in {"", "python", "py", "bash", "sh"} else None
        if language in {"c", "cpp", "java", "js", "javascript", "ts", "typescript", "go", "rust"}:
            comment = re.search(r"//\s*(.+)$", raw)
        if comment is None:
            continue
        words = comment.group(1).strip()
        if _ASKS.search(words):
            continue
        if len(re.findall(r"[A-Za-z]{2,}", words)) >= 2 and not _CODE_LIKE.search(words):
            out.add(words, 3)
