"""Markdown card text folded to a terminal's width, for `drillbit show`, `hint` and `watch`.

`drillbit show --answer` printed an explanation paragraph as one line of 300-500 columns,
which the terminal broke mid-word. Prose lines (paragraphs, list items, quotes) fold at
spaces under their own indent, a code span kept whole; code blocks (as the bank's reader
finds them), tables and headings stay as written.
"""

from __future__ import annotations

import re
import textwrap

from quiz.bank.markdown import code_blocks, code_spans

_PREFIX = re.compile(r"\s*(?:>\s?)*")
_MARKER = re.compile(r"(?:[-*+]|\d{1,9}[.)])\s+")
_KEPT_SPACE = "\ue000"
"""Stands for a space inside a code span while a line is folded, so `(n_q, d_k)` is not
cut in two unless it is wider than a line (a private-use character: card text holds none)."""


def wrap_markdown(text: str, width: int | None, indent: str = "") -> str:
    """`text` with each prose line folded to `width` columns, `indent` before every line
    (counted in the width); unchanged when `width` is None (a pipe or a file)."""
    if width is None:
        return text
    code = {n for block in code_blocks(text) for n in range(block.first_line, block.end_line)}
    room = max(20, width - len(indent))  # a tiny terminal still gets words, not letters
    folded: list[str] = []
    for number, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            folded.append("")
        elif number in code or _kept(line, room):
            folded.append(indent + line)
        else:
            folded.extend(indent + part for part in _folded(line, room))
    return "\n".join(folded)


def _kept(line: str, width: int) -> bool:
    """A line printed as written: short enough, a table row, a heading, blank, or indented
    four columns and no list item (code in a message: a traceback's, a file's lines)."""
    stripped = line.strip()
    indented = line.startswith(("    ", "\t")) and _MARKER.match(stripped) is None
    return len(line) <= width or stripped.startswith(("|", "#")) or not stripped or indented


def _folded(line: str, width: int) -> list[str]:
    """`line` folded at spaces (never inside a code span) to `width`, each further line
    indented under its text: after a list item's marker, after a quote's `>`."""
    quoted = _PREFIX.match(line)  # it matches every line, if only its empty start
    prefix = quoted.group(0) if quoted is not None else ""
    marker = _MARKER.match(line, len(prefix))
    if marker is not None:
        prefix += marker.group(0)
    hang = re.sub(r"[^>\s]", " ", prefix)  # a quote's `>` stays; a marker becomes spaces
    room = width - len(hang)

    body = line[len(prefix) :]
    for start, end in code_spans(body):  # a span wider than a line folds as prose
        if end - start <= room:
            body = body[:start] + body[start:end].replace(" ", _KEPT_SPACE) + body[end:]
    lines = textwrap.wrap(
        body,
        width,
        initial_indent=prefix,
        subsequent_indent=hang,
        break_long_words=False,
        break_on_hyphens=False,
    )
    return [part.replace(_KEPT_SPACE, " ") for part in lines] or [line]
