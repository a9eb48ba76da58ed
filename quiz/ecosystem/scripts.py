"""HTML subscripts and superscripts (`<sub>`, `<sup>`) as plain text that keeps their grouping.

Notes copied from the web or from Anki write `m<sub>t-1</sub>` and `x<sup>2k</sup>`. With
the tags dropped they were `mt-1` and `x2k` (Markdown notes) or `m_t-1` and `x^2k` (an
Anki export), read as m-sub-t minus one and x squared times k. A script is `_` or `^`
before its text, bracketed when that is more than one character (`m_(t-1)`, `x^(2k)`),
as the math renderer writes a script it cannot show; one character stays bare (`β_1`).
"""

from __future__ import annotations

import html
import re

from quiz.ecosystem.fences import in_code_span, outside_fences

__all__ = ["SCRIPT", "script_text", "write_scripts"]

SCRIPT = re.compile(r"<(sup|sub)\b[^>]*>(.*?)</\1\s*>", re.IGNORECASE | re.DOTALL)
"""A `<sub>` or `<sup>` element and its text."""
_OPEN = re.compile(r"<su[bp]\b", re.IGNORECASE)
"""Where a script may start: the notes are looked at no further without one."""
_TAG = re.compile(r"</?[A-Za-z][\w-]*(?:\s[^<>]*)?/?>")


def script_text(match: re.Match[str]) -> str:
    """A `SCRIPT` match as `_`/`^` and its text (tags inside dropped, entities kept as
    written), bracketed when that text is more than one character."""
    mark = "^" if match.group(1).lower() == "sup" else "_"
    inner = _TAG.sub("", match.group(2)).strip()
    shown = html.unescape(inner)
    if len(shown) <= 1 or (shown.startswith("(") and shown.endswith(")")):
        return mark + inner
    return f"{mark}({inner})"


def write_scripts(text: str) -> str:
    """Markdown notes with each script on one line written so, outside fenced code and
    code spans; lines keep their numbers."""
    if _OPEN.search(text) is None:
        return text  # the very text: nothing is copied (`<summary>` is no script)
    rows = text.split("\n")
    changed = False
    for index in outside_fences(rows, in_items=True):
        row = rows[index]
        if _OPEN.search(row) is not None:
            rows[index] = _scripts_of(row)
            changed = changed or rows[index] != row
    return "\n".join(rows) if changed else text


def _scripts_of(row: str) -> str:
    """One line with its scripts written so, those in a code span left as written."""

    def written(match: re.Match[str]) -> str:
        return match.group(0) if in_code_span(row, match.start()) else script_text(match)

    return SCRIPT.sub(written, row)
