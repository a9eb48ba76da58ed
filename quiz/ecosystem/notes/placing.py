"""Which question candidates stay, by where the notes place them: a list item that only ends
in `?` with no answer, a task-worded prompt inside another question's answer, and a
question-like heading that holds questions (a section, and the topic a numbered one names).
"""

from __future__ import annotations

import bisect

from quiz.ecosystem.notes.blocks import Block
from quiz.ecosystem.notes.candidate import Candidate
from quiz.ecosystem.notes.found import DETAILS, answer_marker
from quiz.ecosystem.titles import TitleParts


def section_topic(parts: TitleParts) -> str | None:
    return (
        parts.title
        if parts.number is not None and parts.style in {".", "dotted", ")", ":"}
        else None
    )


def drop_weak(
    candidates: list[Candidate], blocks: list[Block], lines: list[str]
) -> list[Candidate]:
    """Keep a list item that only ends in '?' when an answer comes with it (nested text or
    an answer marker right below it); otherwise it is part of some answer."""
    kept: list[Candidate] = []
    block_starts = [b.start for b in blocks]
    for cand in candidates:
        if not cand.weak:
            kept.append(cand)
            continue
        block = cand.block
        inside = block.container_end > block.end and any(
            line.strip() for line in lines[block.end : block.container_end]
        )
        after = bisect.bisect_left(block_starts, block.end)
        following = blocks[after] if after < len(blocks) else None
        marked = following is not None and answer_marker(lines[following.start]) is not None
        if inside or marked:
            kept.append(cand)
    return kept


def placed_prompts(
    candidates: list[Candidate], blocks: list[Block], heading_end: dict[int, int]
) -> list[Candidate]:
    """The candidates without the task-worded ones (`Candidate.imperative`) the notes'
    shape does not make prompts. A toggle (`- Derive the gradient of softmax` over its
    indented answer) or a bold line over its answer asks, as a Notion page of toggles or
    a page of bold prompts is written; the same words inside a question's answer are its
    text: under a question heading, in a question's list item or callout, or a list item
    after a bold or `Q:` question (its answer's bullets). A bold line with nothing but a
    heading, a rule or another question after it asks nothing either."""
    kept: list[Candidate] = []
    starts = [b.start for b in blocks]
    asking = {c.block.start for c in candidates}
    firm = [c.block.start for c in candidates if not c.imperative]
    open_: list[tuple[int, bool]] = []  # (end, asks) of each kept heading open here
    for cand in candidates:
        start = cand.block.start
        while open_ and open_[-1][0] <= start:
            open_.pop()
        if cand.imperative and (
            any(asks for _end, asks in open_)  # under a question heading: its answer's text
            or not _answered_below(cand, blocks, starts, asking)
            or _in_answer(cand, kept[-1] if kept else None, blocks, starts)
        ):
            continue
        if cand.kind == "heading":
            end = heading_end.get(start, start)
            inner = bisect.bisect_right(firm, start)  # a heading holding questions is a section
            open_.append((end, not (inner < len(firm) and firm[inner] < end)))
        kept.append(cand)
    return kept


def _answered_below(
    cand: Candidate, blocks: list[Block], starts: list[int], asking: set[int]
) -> bool:
    """Whether a prompt has its answer: the rest of its paragraph or item (a bold line
    with its answer under it, a toggle's indented body) or a block right after it that is
    no heading, rule, bold line or question."""
    block = cand.block
    if cand.head_end < block.end or cand.kind == "item":
        return True  # the answer is in its paragraph, or (`drop_weak`) in its item
    after = bisect.bisect_left(starts, block.end)
    if after >= len(blocks):
        return False
    following = blocks[after]
    return not (
        following.kind in ("heading", "hr") or following.whole_bold or following.start in asking
    )


def _in_answer(
    cand: Candidate, before: Candidate | None, blocks: list[Block], starts: list[int]
) -> bool:
    """Whether a prompt lies in the answer of the question kept before it: inside its
    list item or callout, or, for a list item, after a bold or `Q:` question with no
    heading or rule between (that question's answer is a list)."""
    if before is None:
        return False
    block, above = cand.block, before.block
    if before.kind != "heading" and (above.item_start is not None or above.callout is not None):
        return block.start < above.container_end
    if before.kind == "heading" or cand.kind != "item":
        return False
    between = blocks[
        bisect.bisect_right(starts, above.start) : bisect.bisect_left(starts, block.start)
    ]
    return not any(b.kind in ("heading", "hr") and not b.nested for b in between)


def is_section(cand: Candidate, first_inner: Candidate, lines: list[str]) -> bool:
    """A question-like heading holding questions: a section unless it is a question written
    one level too high (same numbering as the questions inside, with its own answer), or
    one tagged `#card` with text before the first (the tag says it asks)."""
    between = lines[cand.block.end : first_inner.block.start]
    has_text = any(row.strip() for row in between)
    if not has_text:
        return True
    if any(answer_marker(row) is not None or DETAILS.match(row) for row in between):
        return False
    same_style = first_inner.kind == "heading" and first_inner.parts.style == cand.parts.style
    asks = cand.parts.title.endswith("?") or cand.parts.style == "q" or cand.block.card
    return not (same_style or asks)
