"""Card text folded to the terminal's width: `drillbit show --answer` printed an explanation
paragraph as one line of 300-500 columns, which the terminal broke mid-word. Prose lines
(paragraphs, list items, quotes) fold at spaces under their own indent; code blocks,
tables and headings stay as written, as a pipe gets every line (`row_width` is None)."""

from __future__ import annotations

import re
import textwrap

_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_PREFIX = re.compile(r"^(\s*(?:>\s?)*)((?:[-*+]|\d{1,9}[.)])\s+)?")
_CODE_SPAN = re.compile(r"(`+)(.+?)\1")
_KEPT_SPACE = "\ue000"
"""Stands for a space inside a code span while a line is folded, so `(n_q, d_k)` is not
cut in two (a private-use character: card text does not hold one)."""


def wrap_markdown(text: str, width: int | None) -> str:
    """`text` (Markdown, as `quiz.cardtext.card_as_text` gives it) with each prose line
    folded to `width` columns; unchanged when `width` is None (a pipe or a file)."""
    if width is None:
        return text
    folded: list[str] = []
    fence: str | None = None
    after_blank = True
    in_list = False
    for line in text.split("\n"):
        opened = _FENCE.match(line)
        if fence is not None:  # inside a fenced block: as written, up to its closing fence
            if opened and opened.group(1)[0] == fence[0] and len(opened.group(1)) >= len(fence):
                fence = None
            folded.append(line)
            continue
        if opened:
            fence = opened.group(1)
            folded.append(line)
            continue
        prefix, marker = _prefix(line)
        in_list = bool(marker) or (in_list and not (after_blank and not prefix))
        indented_code = line.startswith(("    ", "\t")) and after_blank and not in_list
        after_blank = not line.strip()
        if indented_code or _kept(line, width):
            folded.append(line)
            continue
        folded.extend(_folded(line, width, prefix + marker))
    return "\n".join(folded)


def _prefix(line: str) -> tuple[str, str]:
    """What comes before a line's text: its indent and quote marks, and its list marker
    ("- ", "2. "; empty when the line is no list item)."""
    found = _PREFIX.match(line)
    if found is None:  # the pattern matches every line, if only its empty start
        return "", ""
    return found.group(1), found.group(2) or ""


def _kept(line: str, width: int) -> bool:
    """A line printed as written: short enough, a table row, a heading or blank."""
    stripped = line.strip()
    return len(line) <= width or stripped.startswith(("|", "#")) or not stripped


def _folded(line: str, width: int, prefix: str) -> list[str]:
    """`line` folded at spaces (never inside a code span) to `width`, each further line
    indented under the text after `prefix` (a list item's marker, a quote's `>`)."""
    body = _CODE_SPAN.sub(lambda span: span.group(0).replace(" ", _KEPT_SPACE), line[len(prefix) :])
    hang = re.sub(r"[^>\s]", " ", prefix)  # a quote's `>` stays; a marker becomes spaces
    lines = textwrap.wrap(
        body,
        width,
        initial_indent=prefix,
        subsequent_indent=hang,
        break_long_words=False,
        break_on_hyphens=False,
    )
    return [folded.replace(_KEPT_SPACE, " ") for folded in lines] or [line]
