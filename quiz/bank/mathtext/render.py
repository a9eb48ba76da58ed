"""A card's Markdown with each formula replaced by its Unicode (`render_math`), for the
terminal and the TUI, whose Markdown shows `$...$` raw; a formula that cannot be
shown faithfully stays as LaTeX in inline code.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Final

from quiz.bank.markdown import scan_math
from quiz.bank.mathtext.convert import latex_to_unicode

# What starts a display formula's own paragraph. Empty: indenting it would need an
# invisible non-space anchor (Markdown strips leading Unicode spaces from a paragraph),
# and such a character travels with text copied from the terminal.
DISPLAY_PREFIX: Final = ""


_ESCAPE: Final = str.maketrans({c: "\\" + c for c in "\\`*_[]<>|~$&"})


_CONTAINER = re.compile(r"((?:[ \t]*>[ ]?)*)([ \t]*)((?:[-+*]|\d{1,9}[.)])[ \t]+)?")


_ORDERED_START = re.compile(r"\d+(?=[.)])")


def _escape(text: str, at_line_start: bool) -> str:
    """Unicode math as Markdown that displays literally (no emphasis, links, tables)."""
    out = text.translate(_ESCAPE)
    if at_line_start:
        if out[:1] in ("#", "+", "-", "="):
            out = "\\" + out
        digits = _ORDERED_START.match(out)
        if digits is not None:
            out = out[: digits.end()] + "\\" + out[digits.end() :]
    return out


def _code_span(latex: str) -> str:
    """Raw LaTeX as inline code, fenced with more backticks than it contains."""
    raw = " ".join(latex.split())
    longest = max((len(m.group()) for m in re.finditer("`+", raw)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if raw.startswith("`") or raw.endswith("`") else ""
    return f"{fence}{pad}{raw}{pad}{fence}"


def _line_bounds(text: str, offset: int) -> tuple[int, int]:
    start = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    return start, len(text) if end < 0 else end


def _end_paragraph(out: str, separator: str) -> str:
    """Make ``out`` end with a blank line so what follows starts a new paragraph."""
    out = out.rstrip(" \t")
    if not out:
        return out
    if not out.endswith("\n"):
        out += "\n"
    last_line = out[:-1].rsplit("\n", 1)[-1]
    if last_line.strip(" \t>") != "":
        out += separator + "\n"
    return out


@lru_cache(maxsize=1024)
def render_math(markdown: str) -> str:
    """A card's Markdown with every ``$...$`` and ``$$...$$`` turned into readable Unicode.

    Code (fenced, indented, inline) is untouched and ``\\$`` stays a literal dollar. Display
    math becomes its own indented paragraph (inline inside a table row). A formula with no
    faithful text form is shown as raw LaTeX in inline code.
    """
    spans = scan_math(markdown).spans
    if not spans:
        return markdown
    out = ""
    pos = 0
    for span in spans:
        latex = span.latex
        converted = latex_to_unicode(latex)
        line_start, line_end = _line_bounds(markdown, span.start)
        line = markdown[line_start:line_end]
        before = markdown[pos : span.start]
        if not span.display or line.lstrip().startswith("|"):
            at_start = markdown[line_start : span.start].strip(" \t>") == ""
            out += before
            if converted is None:
                out += _code_span(latex)
            else:
                out += _escape(converted, at_start)
            pos = span.end
            continue
        container = _CONTAINER.match(line)
        quote = container.group(1) if container else ""
        width = len((container.group(2) or "").expandtabs(4)) if container else 0
        width += len(container.group(3) or "") if container else 0
        separator = quote.rstrip()
        indent = quote + " " * width
        body = _code_span(latex) if converted is None else _escape(converted, False)
        out = _end_paragraph(out + before, separator)
        if body:
            out += indent + DISPLAY_PREFIX + body + "\n"
        j = span.end
        while j < len(markdown) and markdown[j] in " \t\r":
            j += 1
        if j >= len(markdown):
            pos = j
            continue
        if markdown[j] == "\n":
            j += 1
            next_end = markdown.find("\n", j)
            next_line = markdown[j : len(markdown) if next_end < 0 else next_end]
            if body and next_line.strip(" \t>") != "":
                out += separator + "\n"
        else:
            if body:
                out += separator + "\n"
            out += indent
        pos = j
    return out + markdown[pos:]
