"""Obsidian and Logseq wikilinks in notes: `[[Page]]` as the text it shows, embeds left out.

`[[Batch Norm]]` shows "Batch Norm", `[[Layer Norm|LN]]` "LN", `[[Optimization#Learning
rate]]` "Optimization > Learning rate" (as Obsidian shows them); a card printed them with
their brackets, and a key point read "See also [[Optimization#Learning rate]].". An embed,
`![[plot.png]]` or `![[Other note]]`, shows another file, which import does not read: it is
left out and named in a note (kept as its title inside a sentence). Code (fences, indented blocks, inline code) is left alone:
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


IMAGE_SUFFIXES = frozenset(
    ".png .jpg .jpeg .gif .svg .webp .bmp .avif .tif .tiff .heic .excalidraw".split()
)
"""What an embed (`![[...]]`) of an image ends with; `![[note]]` embeds a note."""
_SIZE = re.compile(r"\d+(?:x\d+)?")
"""An image embed's alias that is its size (`![[plot.png|300]]`), no words to show."""
_SENTENCE_END = re.compile(r"[.!?:;](?:\s|$)")
_EMBED = re.compile(r"!\[\[[^\[\]\n]*\]\]")


def in_sentence(match: re.Match[str], pattern: re.Pattern[str]) -> bool:
    """Whether an embed (a match of `pattern`) has words of its sentence around it on its
    line (`See ![[adam]] and ![[sgd]] for more.`), rather than standing alone or after its
    sentence's end (`... showed. ![[plot.png]]`); other matches of `pattern` on the line
    are no words. The notes' images (`noteimages`) are read the same way."""
    line = match.string
    before = line[: match.start()]
    ends = list(_SENTENCE_END.finditer(before))
    before = before[ends[-1].end() :] if ends else before
    after = line[match.end() :]
    end = _SENTENCE_END.search(after)
    after = after[: end.start()] if end else after
    return any(re.search(r"\w", pattern.sub("", part)) for part in (before, after))


def _embed_title(match: re.Match[str]) -> str:
    """What an embed inside a sentence is read as: what its link would show, its page's
    or file's name where its alias is an image's size."""
    alias = match.group(3)
    if alias is not None and _SIZE.fullmatch(alias.strip()):
        return match.group(2).partition("#")[0].strip()
    return shown(match)


def plain_links(line: str, embeds: list[str]) -> str:
    """The line with its wikilinks as their text and its embeds (each added to `embeds`)
    removed, outside inline code. An embed inside a sentence is kept as its title: taken
    out, `See ![[adam-notes]] and ![[sgd]] for more.` read "See  and  for more."."""
    if "[[" not in line:
        return line

    def replace(match: re.Match[str]) -> str:
        if match.group(1):
            embeds.append(match.group(2).strip())
            return _embed_title(match) if in_sentence(match, _EMBED) else ""
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
