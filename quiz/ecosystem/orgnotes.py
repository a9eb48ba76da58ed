"""Org-mode notes (Emacs's `.org`, or Markdown written as org) read as the Markdown they mean.

Org writes a heading as stars (`** What is bagging?`), its task word and tags on the same
line (`** TODO What is X? :ml:trees:`), its dates and drawers under it (`SCHEDULED: <...>`,
`:PROPERTIES:` ... `:END:`), the file's title and tags as keywords (`#+TITLE: Trees`,
`#+FILETAGS: :ml:trees:`), a comment as `# text`, code as `=x=` or `~x~` and a link as
`[[url][text]]`. Read as Markdown a heading was a list item and a keyword a heading: an org
file gave "no questions found", its text named as one block before any question.

Here such notes are rewritten line for line (every line keeps its number): a heading
becomes `#` per star (a task word and a priority taken off, its tags the card's, written
`#ml #trees` after it as Obsidian tags a heading), the title the notes' `# title`, the
file tags a tag line (every card's tags), other keywords, comments, drawers and planning
lines empty, `=x=` and `~x~` code spans, `*x*` bold, a described link its text. Source
blocks (`#+BEGIN_SRC`, `#+begin_src`) are `logseqorg`'s, their markers in capitals. A
file is read so when its suffix is `.org`, or when its first line of text is an org keyword
(`#+TITLE: ...`) and a line starts with stars: a Markdown file never starts so.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_MARKER = re.compile(r"#\+(?:begin|end)_[A-Za-z]+", re.IGNORECASE)
"""A block's marker, written in capitals as `logseqorg` reads it (`#+begin_src` as Emacs
writes it since org 9.2: its code was read as prose, and was a key point)."""
_KEYWORD = re.compile(r"^[ \t]*#\+(?P<key>[A-Za-z_]+):[ \t]*(?P<value>.*?)[ \t]*\r?$")
_HEADING = re.compile(
    r"^(?P<stars>\*+)[ \t]+(?:(?:TODO|DONE|NEXT|WAITING|HOLD|CANCELED|CANCELLED)[ \t]+)?"
    r"(?:\[#[A-Z]\][ \t]+)?(?P<title>.*?)(?:[ \t]+(?P<tags>:(?:[\w@#%]+:)+))?[ \t]*\r?$"
)
_ANY_HEADING = re.compile(r"^\*+[ \t]+\S", re.MULTILINE)
_COMMENT = re.compile(r"^[ \t]*#(?:[ \t].*)?\r?$")
_DRAWER = re.compile(r"^[ \t]*:(?P<name>[A-Za-z_-]+):[ \t]*\r?$")
_PLANNING = re.compile(
    r"^[ \t]*(?:(?:SCHEDULED|DEADLINE|CLOSED):[ \t]*[<\[][^>\]\n]*[>\]][ \t]*)+\r?$"
)
_CODE = re.compile(r"(?<![\w=~`])([=~])(?=\S)([^\n]*?\S)\1(?![\w=~])")
_BOLD = re.compile(r"(?<![\w*])\*(?=[^\s*])([^*\n]*?[^\s*])\*(?![\w*])")
_LINK = re.compile(r"\[\[(?P<target>[^\[\]\n]+)\]\[(?P<text>[^\[\]\n]+)\]\]")
_TABLE_RULE = re.compile(r"^(?P<lead>[ \t]*)\|(?P<rule>[-+:|]+)\|?[ \t]*\r?$")


@dataclass(frozen=True)
class OrgNotes:
    """The notes as Markdown, and what was read or left out, for the report."""

    text: str
    headings: int = 0
    unused: tuple[str, ...] = ()
    """The keywords (`AUTHOR`, `DATE`...) left out: the notes' metadata, no card's text."""

    def note(self) -> str | None:
        """One line for the import's report, or None when the notes are no org file."""
        if not self.headings:
            return None
        said = f"{self.headings} headings (`*`) read as Markdown's (`#`), keywords and drawers left out"
        if self.unused:
            said += f"; keywords {', '.join(self.unused)} are not used"
        return said


def is_org(text: str, suffix: str) -> bool:
    """True for org notes: a `.org` file, or one whose first text line is an org keyword
    and that has a heading of stars."""
    if suffix.lower() == ".org":
        return True
    first = next((line for line in text.split("\n", 20)[:20] if line.strip()), "")
    return (
        _KEYWORD.match(first.lstrip("\ufeff")) is not None and _ANY_HEADING.search(text) is not None
    )


def read_org(text: str, suffix: str) -> OrgNotes:
    """The notes as Markdown when they are org's (see the module's docstring), else as given."""
    if not is_org(text, suffix):
        return OrgNotes(text)
    text = text.removeprefix("\ufeff")  # a BOM before `#+TITLE:` made it no keyword: text
    rows = text.split("\n")
    headings = 0
    unused: list[str] = []
    drawer = False
    block = False  # inside `#+BEGIN_...`/`#+END_...`: left for `logseqorg`, as written
    for index, row in enumerate(rows):
        body = row.rstrip("\r")
        ending = row[len(body) :]
        upper = body.strip().upper()
        if upper.startswith(("#+BEGIN_", "#+END_")):  # Emacs writes `#+begin_src`: as Logseq
            block = upper.startswith("#+BEGIN_")
            rows[index] = _MARKER.sub(lambda m: m.group(0).upper(), row, count=1)
            continue
        if block:
            continue
        if drawer:
            closing = _DRAWER.match(body)
            drawer = closing is None or closing["name"].upper() != "END"
            rows[index] = ending
            continue
        if (keyword := _KEYWORD.match(body)) is not None:
            rows[index] = _keyword_line(keyword["key"].upper(), keyword["value"], unused) + ending
        elif (heading := _HEADING.match(body)) is not None and heading["title"]:
            headings += 1
            level = min(len(heading["stars"]), 6)
            tags = " ".join(f"#{tag}" for tag in (heading["tags"] or "").split(":") if tag)
            title = _inline(heading["title"])
            rows[index] = f"{'#' * level} {title}{' ' + tags if tags else ''}{ending}"
        elif _DRAWER.match(body) is not None:
            drawer = True
            rows[index] = ending
        elif _COMMENT.match(body) or _PLANNING.match(body):
            rows[index] = ending
        elif (rule := _TABLE_RULE.match(body)) is not None and "-" in rule["rule"]:
            cells = rule["rule"].replace("+", "|").strip("|").split("|")
            rows[index] = f"{rule['lead']}|{'|'.join('---' for _ in cells)}|{ending}"
        else:
            rows[index] = _inline(body) + ending
    if drawer:  # never closed: no drawer, its lines are text
        return OrgNotes(text)
    return OrgNotes("\n".join(rows), headings, tuple(dict.fromkeys(unused)))


def _keyword_line(key: str, value: str, unused: list[str]) -> str:
    """A keyword's line as Markdown: the title a `# title`, the tags a tag line, any other
    keyword nothing (named in the report)."""
    if key == "TITLE" and value:
        return f"# {_inline(value)}"
    if key == "FILETAGS" and value.strip(":"):
        return " ".join(f"#{tag}" for tag in value.split(":") if tag.strip())
    if value:
        unused.append(key)
    return ""


def _inline(text: str) -> str:
    """Org's inline code, bold and described links as Markdown's."""
    if "[[" in text:
        text = _LINK.sub(_link, text)
    if "=" in text or "~" in text:
        text = _CODE.sub(lambda m: f"`{m.group(2)}`", text)
    if "*" in text:
        text = _BOLD.sub(lambda m: f"**{m.group(1)}**", text)
    return text


def _link(match: re.Match[str]) -> str:
    """A described link: a Markdown link to a web address, else its text (a file's or a
    heading's link leads nowhere on a card)."""
    target, said = match["target"], match["text"]
    return f"[{said}]({target})" if re.match(r"https?://", target) else said
