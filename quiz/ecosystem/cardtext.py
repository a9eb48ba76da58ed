"""A card's Markdown made ready from the notes' text: HTML stripped, `\\(..\\)` math
converted (a formula the terminal cannot show kept as code), headings demoted below the
card's `##` sections, stray `$` escaped; and the checks that say a text needs none of it.
"""

from __future__ import annotations

import re

from markdown_it.token import Token

from quiz.bank.markdown import MathScan, headings, scan_math, scan_math_in
from quiz.bank.mathtext import latex_to_unicode
from quiz.ecosystem.htmlstrip import strip_html

_MAYBE_HEADING = re.compile(r"^[ \t]{0,3}#", re.MULTILINE)


_ATX = re.compile(r"^([ \t]{0,3})(#{1,6})([ \t]+.*)?$")


def demote_headings(markdown: str, shallowest: int = 3) -> str:
    """Headings inside an answer moved down (to `###` and deeper) so none is a `## ` section."""
    if not _MAYBE_HEADING.search(markdown):  # no line starts like a heading: nothing to parse
        return markdown
    found = [h for h in headings(markdown) if h.atx]
    if not found or min(h.level for h in found) >= shallowest:
        return markdown
    shift = shallowest - min(h.level for h in found)
    lines = markdown.split("\n")
    for heading in found:
        row = heading.line - 1
        match = _ATX.match(lines[row])
        if match is None:  # a heading in a list item or quote: leave it
            continue
        level = min(len(match.group(2)) + shift, 6)
        lines[row] = f"{match.group(1)}{'#' * level}{match.group(3) or ''}"
    return "\n".join(lines)


def escape_stray_dollars(markdown: str) -> tuple[str, int]:
    """Escape `$` signs that open no math (prices, shell variables); returns (text, how many)."""
    problems = scan_math(markdown).problems
    for problem in reversed(problems):
        at = problem.offset
        width = 2 if markdown.startswith("$$", at) else 1
        markdown = markdown[:at] + "\\$" * width + markdown[at + width :]
    return markdown, sum(2 if "'$$'" in p.message else 1 for p in problems)


def convert_math(markdown: str) -> tuple[str, list[str]]:
    """`\\(..\\)` and `\\[..\\]` as `$..$` and `$$..$$`; a formula the terminal cannot show
    kept as raw LaTeX in code (the card still loads). Returns (text, formulas kept raw)."""
    kept: list[str] = []
    delimited = "\\(" in markdown or "\\[" in markdown
    if "$" not in markdown and not delimited:
        return markdown, kept
    # Without \( or \[ the plain reader finds the same formulas, and its scan is the one
    # escape_stray_dollars reuses (cached) next.
    scan = scan_math(markdown, latex_delimiters=delimited)
    for span in reversed(scan.spans):
        latex = span.latex
        if latex_to_unicode(latex) is None:
            kept.append(latex.strip())
            raw = " ".join(latex.split())
            ticks = "`" * (max((len(m) for m in re.findall("`+", raw)), default=0) + 1)
            if span.delimiter == "$$" and "\n" in markdown[span.start : span.end]:
                line_start = markdown.rfind("\n", 0, span.start) + 1
                indent = markdown[line_start : span.start]
                indent = indent if not indent.strip() else " " * len(indent)
                body = "\n".join(
                    indent + row.strip() for row in latex.strip().split("\n") if row.strip()
                )
                replacement = f"```latex\n{body}\n{indent}```"
            else:
                replacement = f"{ticks}{raw}{ticks}"
        elif span.delimiter == "\\(":
            replacement = f"${latex.strip()}$"
        elif span.delimiter == "\\[":
            replacement = f"$${latex.strip()}$$"
        else:
            continue
        markdown = markdown[: span.start] + replacement + markdown[span.end :]
    kept.reverse()
    return markdown, kept


def card_ready(markdown: str) -> tuple[str, list[str], int]:
    """Markdown of the notes made card-ready: HTML stripped, math converted, headings
    below `##`, stray `$` escaped. Returns (text, formulas kept raw, dollars escaped)."""
    return card_ready_math(strip_html(markdown))


def card_ready_math(markdown: str, *, demote: bool = True) -> tuple[str, list[str], int]:
    """`card_ready` of a text without HTML (`demote=False`: its headings left as they are)."""
    text, raw = convert_math(markdown)
    text, escaped = escape_stray_dollars(demote_headings(text) if demote else text)
    return text.strip("\n"), raw, escaped


def no_high_headings(answer: str, answer_tokens: list[Token] | None) -> bool:
    """True when `demote_headings` leaves the answer as it is: no line starts like a
    heading, or its tokens (`_answer_tokens`) hold no `#` or `##` heading."""
    if not _MAYBE_HEADING.search(answer):
        return True
    if answer_tokens is None:
        return False
    return not any(
        t.type == "heading_open" and t.tag in ("h1", "h2") and t.markup.startswith("#")
        for t in answer_tokens
    )


def math_as_is(
    body: str, tokens: list[Token], answer_tokens: list[Token] | None
) -> MathScan | None:
    """The parsed card body's math scan when it has no `$` that opens nothing and no
    formula the terminal cannot show (then `card_ready` leaves its answer's math as it is,
    and the lint check reads the same scan), else None. Needs the answer's own tokens
    (`_answer_tokens`), so that the answer reads as it does alone."""
    if answer_tokens is None:
        return None
    scan = scan_math_in(body, tokens, inline_parsed=True)
    if scan.problems or any(latex_to_unicode(s.latex) is None for s in scan.spans):
        return None
    return scan
