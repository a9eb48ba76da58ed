"""How a `<br>` in a question's line is read: as an Anki note's front is, the title up to
where its sentence ends and the rest the prompt's start, keeping the title an older round
gave it so its card keeps its id. Its own module: a `Q:` line, a heading, a bold line, a
list item and a run-in question all read their breaks the same way."""

from __future__ import annotations

import re

from markdown_it.token import Token

from quiz.bank.markdown import parse_inline
from quiz.ecosystem.clozefront import title_sentence
from quiz.ecosystem.titles import TitleParts, plain_inline, split_title

LINE_BREAK = re.compile(r"[ \t]*<br\s*/?>[ \t]*", re.IGNORECASE)
"""An HTML line break in a `Q:` line, and the blanks around it."""
BREAK_TAG = re.compile(r"<br\s*/?>", re.IGNORECASE)
"""The `<br>` tag alone, as an html token of a parsed line holds it."""


def broken_parts(
    children: list[Token] | None, whole: TitleParts | None = None
) -> tuple[TitleParts, str, str | None]:
    """A heading's, bold line's or list item's question read at its `<br>`s as a `Q:` line's
    is (`broken_head`) and an Anki note's front: the title up to where its sentence ends,
    what is under it (the prompt's start), and its title before this round (a `<br>` read
    as a space: "What is dropout? Explain why it helps.") when that differs, so its card
    keeps its id. A `<br>` in code or math is text, no break (no html token). `whole`:
    the title read with its breaks as spaces, when the caller has it."""
    whole = whole if whole is not None else split_title(plain_inline(children))
    rows: list[list[Token]] = [[]]
    for child in children or ():
        if child.type == "html_inline" and BREAK_TAG.fullmatch(child.content.strip()):
            rows.append([])
        else:
            rows[-1].append(child)
    if len(rows) == 1:
        return whole, "", None
    front = "\n".join(" ".join(plain_inline(row).split()) for row in rows)
    title, _, body = title_sentence(front).partition("\n")
    parts = split_title(title)
    return parts, body, whole.title if whole.title != parts.title else None


def broken_head(head: str) -> tuple[str, str, str | None]:
    """A `Q:` line read at its `<br>`s as an Anki note's front is (`title_sentence`): the
    line up to where its sentence ends, what is under it (the prompt's start), and the
    title the forty-second round gave it (the tags dropped). A `<br>` in code or math is
    its text: the line is then read whole, as before."""
    if "<" not in head or not LINE_BREAK.search(head):
        return head, "", None
    tokens = parse_inline(head, latex_delimiters=True)
    tags = sum(
        1
        for child in (tokens[0].children or () if tokens else ())
        if child.type == "html_inline" and BREAK_TAG.fullmatch(child.content.strip())
    )
    if tags != len(BREAK_TAG.findall(head)):
        return head, "", None
    dropped = BREAK_TAG.sub("", head)  # as the forty-second round read it
    was = split_title(plain_inline(parse_inline(dropped, latex_delimiters=True)[0].children))
    title, _, body = title_sentence(LINE_BREAK.sub("\n", head)).partition("\n")
    return title, body, was.title
