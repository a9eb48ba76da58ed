"""Which blocks of the notes ask, in each shape people write questions in: a heading, a bold
line, a list item read here, and the other forms handed to their readers (`forms`): a `Q:`
line, a callout, a run-in question, a `#card` paragraph. Which candidates stay is `placing`'s.
"""

from __future__ import annotations

import re

from quiz.ecosystem.keypoints_labels import TASK_MARK
from quiz.ecosystem.notes.blocks import Block, bold_head
from quiz.ecosystem.notes.candidate import Candidate
from quiz.ecosystem.notes.forms import (
    callout_question,
    card_paragraph,
    q_line,
    run_in_question,
    sets_task,
)
from quiz.ecosystem.notes.found import LIST_MARK, answer_marker
from quiz.ecosystem.notes.linebreaks import broken_parts
from quiz.ecosystem.titles import plain_inline, split_title


def candidate_of(block: Block, lines: list[str]) -> Candidate | None:
    """The block as a question candidate, or None when it does not look like a question."""
    if block.kind == "heading":
        parts, body, was = broken_parts(block.children)
        if (parts.question_like or parts.asks or block.card) and parts.title:
            # in a list item or quote it is that item's text: a question only with an
            # answer in the item or right below it, as a list item's question
            return Candidate(
                block, parts, block.end, "heading", weak=block.nested, body=body, was_title=was
            )
        return None
    if block.kind != "paragraph":
        return None
    if block.callout is not None:
        return callout_question(block, block.callout, lines)
    in_item = block.item_start is not None
    if block.card and not in_item:
        return card_paragraph(block)
    head = None if block.whole_bold else bold_head(block.children)
    if not (
        in_item or block.whole_bold or head is not None or block.raw.lstrip("*_ ")[:1] in ("Q", "q")
    ):
        return run_in_question(block, lines)  # a plain paragraph: only `Q:` or bold asks
    first_raw = lines[block.start] if block.start < len(lines) else ""
    if answer_marker(first_raw) is not None:
        return None
    if head is None and not block.whole_bold and (run_in := run_in_question(block, lines)):
        return run_in
    if head is not None:
        # The bold first line is the question, the lines after it start the answer, as
        # they would with a blank line between (so `**Q1: title**` ends the title too).
        tokens, rows = head
        parts, body, was = broken_parts(tokens)
        if parts.style == "q":
            return Candidate(block, parts, block.start + rows, "q-line", body=body, was_title=was)
        if parts.title.endswith("?") or (in_item and parts.style in {".", ")", "tag"}):
            return Candidate(block, parts, block.start + rows, "bold", body=body, was_title=was)
        if sets_task(parts, plain_inline(tokens)):
            return Candidate(
                block, parts, block.start + rows, "bold", imperative=True, body=body, was_title=was
            )
    parts = split_title(block.plain)
    if parts.style == "q":
        return q_line(block, lines)
    parts, body, was = broken_parts(block.children, parts)
    if block.whole_bold:
        if parts.title.endswith("?") or (in_item and parts.style in {".", ")", "tag"}):
            return Candidate(block, parts, block.end, "bold", body=body, was_title=was)
        if sets_task(parts, block.plain):
            return Candidate(
                block, parts, block.end, "bold", imperative=True, body=body, was_title=was
            )
        return None
    if in_item and (parts.style == "tag" or parts.title.endswith("?") or block.card):
        return Candidate(block, parts, block.end, "item", weak=True, body=body, was_title=was)
    if in_item and (asked := _first_line_question(block, lines)) is not None:
        return asked
    if in_item and (asked := _plain_run_in(block, lines)) is not None:
        return asked
    if in_item and block.end - block.start == 1 and sets_task(parts, block.plain):
        return Candidate(
            block, parts, block.end, "item", weak=True, imperative=True, body=body, was_title=was
        )
    return None


def _first_line_question(block: Block, lines: list[str]) -> Candidate | None:
    """A list item whose first line is a plain question and whose next lines, in the same
    paragraph, answer it (`- What is X?` over `  It is Y.`), as outliners and Anki-like
    notes wrap a card: the whole item read as one title did not end in '?', so the item
    was text "not imported", or a key point of the question above it. An answer marker
    opening the next line (`  A: It is Y.`) is taken off as under any question."""
    children = block.children or []
    cut = next((i for i, c in enumerate(children) if c.type in ("softbreak", "hardbreak")), None)
    if cut is None or cut + 1 >= len(children) or block.start + 1 >= len(lines):
        return None
    parts = split_title(plain_inline(children[:cut]))
    if not parts.title.endswith("?"):
        return None
    # placed as a task-worded prompt is: under a question heading or in a bold or `Q:`
    # question's list, such an item is that answer's text ("Why does it help?" over why)
    return Candidate(block, parts, block.start + 1, "item", imperative=True)


_PLAIN_RUN_IN = re.compile(
    r"^(?P<title>[A-Za-z][^?`$*_\[\]<>|\n]{2,}\?)[ \t]+(?P<rest>[A-Z0-9(\"'`$*_].*)$"
)
"""`What is X? It is Y.` on one line: a question sentence, then a sentence after it."""
_ASKING_WORDS = frozenset(
    "what why how when where which who whom whose is are does do did can could should "
    "would will".split()
)
"""The words a plain run-in question opens with: a question, not a remark ending in '?'."""


def _plain_run_in(block: Block, lines: list[str]) -> Candidate | None:
    """A list item asking in its first sentence and answering after it on the same line
    (`- What is bagging? Training models on bootstrap samples ...`), as a glossary of
    questions is written without bold: read whole it did not end in '?', so a list of them
    was "no questions found". Only a sentence opening with a question word asks (`- Why?
    Unclear.` too short, `- Really? ...` no word); placed as a task item is, so under a
    question heading or in a question's list it stays that answer's text."""
    if block.start >= len(lines):
        return None
    first = LIST_MARK.sub("", lines[block.start], count=1).strip()
    if (task := TASK_MARK.match(first)) is not None:
        first = first[task.end() :]
    match = _PLAIN_RUN_IN.match(first)
    if match is None or answer_marker(first) is not None:
        return None
    written = match["title"]
    if written.split(None, 1)[0].lower() not in _ASKING_WORDS:
        return None
    parts = split_title(written)
    if not parts.title.endswith("?"):
        return None
    return Candidate(
        block, parts, block.start + 1, "item", inline_answer=match["rest"], imperative=True
    )
