"""One-line questions written one under another (`Q: What is X? A: It is Y.` on each line).

Markdown reads lines with no blank line between as one paragraph, so a run of such lines
was one question whose title ran over every line (and "no answer"), or one card whose key
points mixed the other questions' text in. The Spaced Repetition plugin's
`Question::Answer` lines, rewritten into `Q: ... **A:** ...` (`srcards.py`), and
RemNote's `Front >> Back` lines (`remnote.py`) are such runs too. Each line of a run is
made a list item (`- Q: ...`) in place, so every line keeps its number and is read as a
question of its own, as a list of `- Q:` items is.
"""

from __future__ import annotations

import re

from quiz.ecosystem.fences import outside_fences

__all__ = ["split_question_lines"]

_ONE_LINE = re.compile(
    r"^(?:[-*+][ \t]+)?(?:\*\*|__)?Q\d*(?:\.\d+)*[ \t]*:(?:\*\*|__)?[ \t]+\S.*?"
    r"(?:[ \t](?:\*\*|__)A(?:nswer)?[ \t]*:[ \t]*(?:\*\*|__)|\?[ \t]+(?:A|Answer):)[ \t]+\S"
)
"""A `Q:` line with its answer on it (`**A:**` anywhere, or a plain `A:` after the `?`)."""


def split_question_lines(text: str) -> tuple[str, tuple[int, ...]]:
    """(the text with each one-line question of a run made a list item, the 1-based lines
    so made). A line is made an item when the line after it is blank, ends the notes or is
    made one too, or is an item: an item would take a following line of text in as its own
    (a lazy continuation), so a run with other text after it is left as it was. A line
    right under such a question written as an item (`- Q: ... A: ...`) is made one too: it
    ran into that item's answer."""
    if "Q" not in text:
        return text, ()
    rows = text.split("\n")
    one_line = {i for i in outside_fences(rows) if _ONE_LINE.match(rows[i].rstrip("\r"))}
    if len(one_line) < 2:
        return text, ()  # a `Q:` line alone asks as it is
    items = {i for i in one_line if rows[i][:1] in "-*+"}  # `- Q: ...`: an item already
    made: list[int] = []
    for index in sorted(one_line - items, reverse=True):
        after = rows[index + 1].strip() if index + 1 < len(rows) else ""
        run = index - 1 in one_line or index + 1 in one_line
        ends = not after or index + 1 in items or (bool(made) and made[-1] == index + 1)
        if run and ends:
            made.append(index)
    if not made:
        return text, ()
    for index in made:
        rows[index] = "- " + rows[index]
    return "\n".join(rows), tuple(sorted(i + 1 for i in made))
