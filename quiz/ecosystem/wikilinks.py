"""Obsidian and Logseq wikilinks in notes: `[[Page]]` as the text it shows, embeds left out.

`[[Batch Norm]]` shows "Batch Norm", `[[Layer Norm|LN]]` "LN", `[[Optimization#Learning
rate]]` "Optimization > Learning rate" (as Obsidian shows them); a card printed them with
their brackets, and a key point read "See also [[Optimization#Learning rate]].". An embed,
`![[plot.png]]` or `![[Other note]]`, shows another file, which import does not read: it is
left out and named in a note. Code (fences, indented blocks, inline code) is left alone:
`x[[0, 1]]` is NumPy.
"""

from __future__ import annotations

import re
from collections.abc import Callable

WIKILINK = re.compile(r"(!?)\[\[([^\[\]\n|]*)(?:\|([^\[\]\n]*))?\]\]")
_CODE_SPAN = re.compile(r"(`+)(?:.+?)\1")


def shown(match: re.Match[str]) -> str:
    """What a wikilink shows: its alias, else its page (and heading, `Page > Heading`)."""
    target, alias = match.group(2), match.group(3)
    if alias is not None and alias.strip():
        return alias.strip()
    page, _, heading = target.partition("#")
    page, heading = page.strip(), heading.strip()
    if heading.startswith("^"):  # a block reference: the page is what a reader knows
        heading = ""
    return f"{page} > {heading}" if page and heading else page or heading


def plain_links(line: str, embeds: list[str]) -> str:
    """The line with its wikilinks as their text and its embeds removed (each added to
    `embeds`), outside inline code."""
    if "[[" not in line:
        return line

    def replace(match: re.Match[str]) -> str:
        if match.group(1):
            embeds.append(match.group(2).strip())
            return ""
        return shown(match)

    return sub_outside_code(WIKILINK, replace, line)


def links_as_text(text: str) -> str:
    """The text with its wikilinks as the text they show, its embeds as written (left for
    the reader to name): how a title is read (`[[2024-03-01]] review`, a daily note's
    heading, is "2024-03-01 review")."""
    if "[[" not in text:
        return text
    return sub_outside_code(WIKILINK, lambda m: m.group(0) if m.group(1) else shown(m), text)


def sub_outside_code(
    pattern: re.Pattern[str], replace: Callable[[re.Match[str]], str], line: str
) -> str:
    """`pattern.sub(replace, line)` outside the line's inline code spans, which are kept
    as written (`x[[0, 1]]` is NumPy, not a link): wikilinks and Logseq's block
    references alike."""
    out: list[str] = []
    at = 0
    for code in _CODE_SPAN.finditer(line):
        out.append(pattern.sub(replace, line[at : code.start()]))
        out.append(code.group(0))
        at = code.end()
    out.append(pattern.sub(replace, line[at:]))
    return "".join(out)
