"""The readers of the question forms that are more than a heading's or a bold line's title:
a `Q:` paragraph, a run-in bold question, a question callout, a `#card` paragraph, a question
over a rule; and which title sets a task (`sets_task`). `asking.candidate_of` picks the reader.
"""

from __future__ import annotations

import re

from quiz.bank.markdown import parse_inline
from quiz.ecosystem.callouts import Callout, unquote
from quiz.ecosystem.keypoints_labels import TASK_MARK
from quiz.ecosystem.notes.blocks import Block
from quiz.ecosystem.notes.candidate import Candidate
from quiz.ecosystem.notes.found import LIST_MARK, answer_marker
from quiz.ecosystem.notes.linebreaks import broken_head
from quiz.ecosystem.titles import TitleParts, plain_inline, split_title

_INLINE_ANSWER = re.compile(
    r"\s(?:\*\*|__)A(?:nswer)?\s*:\s*(?:\*\*|__)\s*|(?<=\?)[ \t]+(?:A|Answer):[ \t]+(?=\S)"
)
"""An answer marker inside a `Q:` line: bold (`**A:**`) anywhere, or plain right after the
question's `?` (`Q: What is X? A: It is Y.`, a flash-card line: it was "no answer")."""


def sets_task(parts: TitleParts, plain: str) -> bool:
    """True when a title sets a task ("Explain why batch norm helps"), so that a toggle or
    a bold line followed by its answer asks it. A line ending in ':' introduces what
    follows ("**Compare the two:**" above a list): no prompt."""
    return parts.asks and not plain.rstrip(" *_").endswith(":")


def card_paragraph(block: Block) -> Candidate | None:
    """A paragraph outside a list whose first line ends in `#card` (the tag taken off) asks
    with that line, whatever its words, and the lines after it, with no blank line between,
    start its answer, as a bold question's do. Logseq reads such a paragraph as a block and
    its tag as a card, as it does the list form (`- Term #card`, a question before), and
    Obsidian's Flashcards plugin, whose tag is `#card` too, takes a line or heading ending
    in it as the front and the next lines as the back. It was text, "not imported"."""
    children = block.children or []
    first_line = next(
        (i for i, child in enumerate(children) if child.type in ("softbreak", "hardbreak")),
        len(children),
    )
    parts = split_title(plain_inline(children[:first_line]))
    if not parts.title:
        return None
    return Candidate(block, parts, block.start + 1, "bold")


_RUN_IN_QUESTION = re.compile(r"^(?:\*\*|__)(?P<title>[^*_\n]*\?)(?:\*\*|__)[ \t]+(?P<rest>\S.*)$")
"""`**What is X?** Its answer...` on one line (after a list marker): no nested repetition."""


def run_in_question(block: Block, lines: list[str]) -> Candidate | None:
    """A paragraph opened by a bold question with its answer after it on the same line
    (`- **What is label smoothing?** It mixes...`): the bold run asks, the rest answers.
    It was no question: in a list after an answer it was a key point of that answer, and
    alone it was "no questions found". An item's checkbox goes first (`- [x] **Why ...?**
    Because ...`): Obsidian and GitHub write a checked-off question so, and it was none."""
    if block.children is None or block.start >= len(lines):
        return None
    first = LIST_MARK.sub("", lines[block.start], count=1).strip()
    task = TASK_MARK.match(first) if block.item_start is not None else None
    if task is not None:
        first = first[task.end() :]
    match = _RUN_IN_QUESTION.match(first)
    if match is None or answer_marker(first) is not None:
        return None
    written = match.group("title")
    head, body, _ = broken_head(written)  # `<br>` as in a `Q:` line: it was kept as text
    parts = split_title(head)
    if not parts.title:
        return None
    was = split_title(written).title
    return Candidate(
        block,
        parts,
        block.start + 1,
        "bold",
        inline_answer=match.group("rest"),
        body=body,
        was_title=was if was != parts.title else None,
    )


def callout_question(block: Block, callout: Callout, lines: list[str]) -> Candidate | None:
    """A question callout (`> [!faq]- What is X?`) as a question: its title asks; without
    one, its first paragraph does. None for another callout (it is text)."""
    if not callout.asks:
        return None
    title, head_end = callout.title, block.start + 1
    if not title.strip():
        rows = [unquote(lines[row]).strip() for row in range(block.start + 1, callout.end)]
        first = next((index for index, row in enumerate(rows) if row), None)
        if first is None:
            return None
        # the paragraph ends at a blank line or a nested quote (`> > [!success]- Answer`,
        # the answer's own callout: it was read into the title, and the card had no answer)
        last = next(
            (i for i in range(first + 1, len(rows)) if not rows[i] or rows[i][0] == ">"),
            len(rows),
        )
        title, head_end = " ".join(rows[first:last]), block.start + 1 + last
    tokens = parse_inline(title, latex_delimiters=True)
    parts = split_title(plain_inline(tokens[0].children) if tokens else title)
    if not parts.title:
        return None
    return Candidate(block, parts, head_end, "callout")


def q_line(block: Block, lines: list[str]) -> Candidate:
    """A `Q:` paragraph: the title runs up to an answer marker line in the same paragraph;
    without one, a first line that ends in `?` is the title and the lines after it start
    the answer (`Q: What is X?` then its answer with no blank line between), as a bold
    question's are. The whole paragraph was the title, and the question had no answer."""
    marker_row = next(
        (
            row
            for row in range(block.start + 1, block.end)
            if row < len(lines) and answer_marker(lines[row]) is not None
        ),
        block.end,
    )
    if marker_row == block.end and block.end - block.start > 1 and block.start < len(lines):
        first = lines[block.start]
        if first.rstrip().rstrip("*_ \t").endswith("?") and not _INLINE_ANSWER.search(first):
            marker_row = block.start + 1
    head = " ".join(lines[block.start : marker_row])
    inline_answer = None
    split = _INLINE_ANSWER.split(head, maxsplit=1)
    if len(split) == 2:
        head, inline_answer = split
    head = LIST_MARK.sub("", head, count=1)
    if block.item_start is not None:  # `- [x] Q: ...`: the box is no word of the question
        head = TASK_MARK.sub("", head, count=1)
    head, body, was_title = broken_head(head)
    if head == block.raw and block.children is not None and "[" not in head:
        # the paragraph's one line, read as is: its markup is parsed already (and
        # without a `[` no link reference of the notes can make it read otherwise)
        plain = block.plain
    else:
        plain = (
            plain_inline(parse_inline(head, latex_delimiters=True)[0].children)
            if head.strip()
            else ""
        )
    parts = split_title(plain)
    was_title = was_title if was_title != parts.title else None
    return Candidate(
        block,
        parts,
        marker_row,
        "q-line",
        inline_answer=inline_answer,
        body=body,
        was_title=was_title,
    )


def ruled_questions(blocks: list[Block], candidates: list[Candidate]) -> list[Candidate]:
    """The candidates with each plain paragraph that ends in `?` over a rule and its answer
    (`What is early stopping?`, `---`, `Training stops when ...`) made a question, in
    order: the rule parts a card's front from its back, as in Mochi's Markdown and a slide
    deck's. It was text "after the rule that ends the answer" above it, not imported (one
    right over its rule, with no blank line between, is a heading already)."""
    asking = {c.block.start for c in candidates}
    found: list[Candidate] = []
    for at in range(len(blocks) - 2):
        block, rule, after = blocks[at], blocks[at + 1], blocks[at + 2]
        if (
            block.kind != "paragraph"
            or rule.kind != "hr"
            or after.kind not in ("paragraph", "math", "fence", "code", "table")
            or block.nested
            or rule.nested
            or block.item_start is not None
            or block.callout is not None
            or block.start in asking
            or after.start in asking
            or not block.raw.rstrip().rstrip("*_ \t").endswith("?")
        ):
            continue
        tokens = block.children or parse_inline(block.raw, latex_delimiters=True)[0].children
        parts = split_title(" ".join(plain_inline(tokens).split()))
        if parts.title:
            found.append(Candidate(block, parts, block.end, "bold"))
    if not found:
        return candidates
    return sorted([*candidates, *found], key=lambda c: c.block.start)
