"""MkDocs, HackMD and Docusaurus admonitions read as the Obsidian callouts they are.

Interview notes published with MkDocs Material hide each answer in a collapsible
admonition (`??? question "What is dropout?"` over its indented answer), and HackMD and
Docusaurus notes in a container (`:::spoiler What is X?` ... `:::`). Read as Markdown the
marker line was a paragraph and the indented answer a code block: a file of them gave "no
questions found", its text named as one block under its title. Here each is rewritten line
for line (every line keeps its number) as an Obsidian callout, which the notes reader asks
and answers as it does any: `??? kind "title"` as `> [!kind]- title` (folded: a title
ending in `?` asks), `???+` as `> [!kind]+`, `!!!` as `> [!kind]`, `:::kind title` as
`> [!kind] title` and `:::spoiler title` as `> [!spoiler]- title`; the body, moved left out
of its indent, is quoted, and a container's closing `:::` left empty. Code fences are left
as written, and so is a container never closed.
"""

from __future__ import annotations

import re

from quiz.ecosystem.fences import outside_fences

_MKDOCS = re.compile(
    r"^(?P<mark>\?\?\?\+?|!!!)[ \t]+(?P<kind>[A-Za-z][\w-]*)"
    r"(?:[ \t]+(?:\"(?P<quoted>[^\"]*)\"|'(?P<single>[^']*)'))?[ \t]*(?P<end>\r?)$"
)
_CONTAINER = re.compile(
    r"^:::[ \t]*(?P<kind>[A-Za-z][\w-]*)(?:[ \t]+(?P<title>.*?))?[ \t]*(?P<end>\r?)$"
)
_CLOSE = re.compile(r"^:::[ \t]*\r?$")
_FOLD = {"???": "-", "???+": "+", "!!!": ""}


def read_admonitions(text: str) -> str:
    """The notes with their admonitions as Obsidian callouts (see the module's docstring)."""
    if "???" not in text and "!!!" not in text and ":::" not in text:
        return text  # the common case: no copy of a large file
    rows = text.split("\n")
    outside = list(outside_fences(rows))
    code = set(range(len(rows))) - set(outside)
    for index in outside:
        row = rows[index]
        if (mkdocs := _MKDOCS.match(row)) is not None:
            _indented_box(rows, index, mkdocs, code)
        elif (container := _CONTAINER.match(row)) is not None:
            _container_box(rows, index, container, code)
    return "\n".join(rows)


def _indented_box(rows: list[str], first: int, mark: re.Match[str], code: set[int]) -> None:
    """A MkDocs admonition at `first` and its body (the lines indented under it) as a
    callout; nothing when no indented text follows it."""
    title = mark.group("quoted") or mark.group("single") or ""
    last = first
    row = first + 1
    while row < len(rows) and row not in code:
        line = rows[row].rstrip("\r")
        if line.strip() and not (line.startswith("    ") or line.startswith("\t")):
            break
        if line.strip():
            last = row
        row += 1
    if last == first:
        return
    header = f"> [!{mark.group('kind')}]{_FOLD[mark.group('mark')]} {title}".rstrip()
    rows[first] = header + mark.group("end")
    for index in range(first + 1, last + 1):
        body = rows[index].rstrip("\r")
        ending = rows[index][len(body) :]
        inner = body[1:] if body.startswith("\t") else body[4:]
        rows[index] = (f"> {inner}" if inner.strip() else ">") + ending


def _container_box(rows: list[str], first: int, mark: re.Match[str], code: set[int]) -> None:
    """A `:::kind title` container at `first`, up to its closing `:::`, as a callout;
    nothing when it is never closed (or a fence opens in it)."""
    close = next(
        (row for row in range(first + 1, len(rows)) if row in code or _CLOSE.match(rows[row])),
        None,
    )
    if close is None or close in code:
        return
    kind = mark.group("kind")
    fold = "-" if kind.lower() == "spoiler" else ""
    header = f"> [!{kind}]{fold} {mark.group('title') or ''}".rstrip()
    rows[first] = header + mark.group("end")
    for index in range(first + 1, close):
        body = rows[index].rstrip("\r")
        ending = rows[index][len(body) :]
        rows[index] = (f"> {body}" if body.strip() else ">") + ending
    rows[close] = rows[close][len(rows[close].rstrip("\r")) :]
