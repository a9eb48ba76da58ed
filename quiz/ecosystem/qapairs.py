"""Questions written `Q:` over `A:`, one pair under another with no blank line between.

`Q: What is X?` / `A: It is Y.` / `Q: What is Z?` / `A: It is W.` is one Markdown
paragraph, so the reader saw one question, "What is X?", whose answer ran on through every
other pair: each later question was lost in the first one's answer without a word. So are
a Spaced Repetition note's `Term::Definition` line and the `?` card under it
(`srcards.py` writes both as `Q:` lines). Here each `Q:` line of such a run is made a list
item in place (`- Q: ...`), as `qalines.py` does for one-line questions: the lines under
it are its item's lazily, so its answer is its own, and every line keeps its number. A run
holding any line Markdown may read as another block (a list item, a quote, a heading,
a fence, a table, display math, an indented line) is left as it was.
"""

from __future__ import annotations

import re

from quiz.ecosystem.fences import outside_fences

__all__ = ["split_question_pairs"]

_OPENER = re.compile(r"^(?:\*\*|__)?Q\d*(?:\.\d+)*[ \t]*:(?:\*\*|__)?[ \t]+\S")
"""A `Q:` line (`**Q:**`, `Q1:`, `Q2.1:` too) at a line's start."""
_OTHER_BLOCK = re.compile(r"^(?:[ \t]|[-*+](?:[ \t]|$)|[>#|]|\d{1,9}[.)]|```|~~~|\$\$|<)")
"""How a line opens that Markdown may read as a block of its own, or part of one."""


def split_question_pairs(text: str) -> tuple[str, tuple[int, ...]]:
    """(the text with each `Q:` line of a run of two or more made a list item, the 1-based
    lines so made); a run is lines with no blank between, its first a `Q:` line."""
    if "Q" not in text:
        return text, ()
    rows = text.split("\n")
    plain = set(outside_fences(rows))
    made: list[int] = []
    index = 0
    while index < len(rows):
        if not rows[index].strip():
            index += 1
            continue
        end = index
        while end < len(rows) and rows[end].strip():
            end += 1
        run = range(index, end)
        openers = [i for i in run if _OPENER.match(rows[i])]
        if (
            len(openers) > 1
            and openers[0] == index
            and all(i in plain and not _OTHER_BLOCK.match(rows[i]) for i in run)
        ):
            made += openers
        index = end
    if not made:
        return text, ()
    for at in made:
        rows[at] = "- " + rows[at]
    return "\n".join(rows), tuple(at + 1 for at in made)
