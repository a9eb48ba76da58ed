"""Which blocks of the notes ask, in each shape people write questions in: a
heading, a bold line, a `Q:` line, a list item, a callout, a run-in question, a prompt that
sets a task where the notes' shape makes it one; and which question-like heading is a section.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from markdown_it.token import Token

from quiz.bank.markdown import parse_inline
from quiz.ecosystem.callouts import Callout, unquote
from quiz.ecosystem.clozefront import title_sentence
from quiz.ecosystem.keypoints_labels import TASK_MARK
from quiz.ecosystem.notes.blocks import Block, bold_head
from quiz.ecosystem.notes.found import DETAILS, LIST_MARK, answer_marker
from quiz.ecosystem.titles import (
    TitleParts,
    plain_inline,
    split_title,
)

_LINE_BREAK = re.compile(r"[ \t]*<br\s*/?>[ \t]*", re.IGNORECASE)
"""An HTML line break in a `Q:` line, and the blanks around it."""
_BREAK_TAG = re.compile(r"<br\s*/?>", re.IGNORECASE)
_INLINE_ANSWER = re.compile(
    r"\s(?:\*\*|__)A(?:nswer)?\s*:\s*(?:\*\*|__)\s*|(?<=\?)[ \t]+(?:A|Answer):[ \t]+(?=\S)"
)
"""An answer marker inside a `Q:` line: bold (`**A:**`) anywhere, or plain right after the
question's `?` (`Q: What is X? A: It is Y.`, a flash-card line: it was "no answer")."""


@dataclass
class Candidate:
    block: Block
    parts: TitleParts
    head_end: int
    """0-based line where the text after the question's title starts."""
    kind: str
    """heading, q-line, bold, item."""
    weak: bool = False
    inline_answer: str | None = None
    imperative: bool = False
    """It sets a task without a '?' ("Derive the gradient of softmax"): a question only
    where the notes' shape makes it a prompt (`placed_prompts`)."""
    section_of: list[Candidate] = field(default_factory=list)
    body: str = ""
    """What a `<br>` in its `Q:` line put under the title (`Q: Softmax<br>$...$`), the
    start of its prompt, as an Anki note's front is read (`clozefront.title_sentence`)."""
    was_title: str | None = None
    """Its title before this round read a `<br>` in a `Q:` line (it was dropped: "What is
    thesoftmax function?"), when that differs: its card then keeps its id and reviews."""


def candidate_of(block: Block, lines: list[str]) -> Candidate | None:
    """The block as a question candidate, or None when it does not look like a question."""
    if block.kind == "heading":
        parts, body, was = _broken_parts(block.children)
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
        return _callout_question(block, block.callout, lines)
    in_item = block.item_start is not None
    if block.card and not in_item:
        return _card_paragraph(block)
    head = None if block.whole_bold else bold_head(block.children)
    if not (
        in_item or block.whole_bold or head is not None or block.raw.lstrip("*_ ")[:1] in ("Q", "q")
    ):
        return _run_in_question(block, lines)  # a plain paragraph: only `Q:` or bold asks
    first_raw = lines[block.start] if block.start < len(lines) else ""
    if answer_marker(first_raw) is not None:
        return None
    if head is None and not block.whole_bold and (run_in := _run_in_question(block, lines)):
        return run_in
    if head is not None:
        # The bold first line is the question, the lines after it start the answer, as
        # they would with a blank line between (so `**Q1: title**` ends the title too).
        tokens, rows = head
        parts, body, was = _broken_parts(tokens)
        if parts.style == "q":
            return Candidate(block, parts, block.start + rows, "q-line", body=body, was_title=was)
        if parts.title.endswith("?") or (in_item and parts.style in {".", ")", "tag"}):
            return Candidate(block, parts, block.start + rows, "bold", body=body, was_title=was)
        if _prompt(parts, plain_inline(tokens)):
            return Candidate(
                block, parts, block.start + rows, "bold", imperative=True, body=body, was_title=was
            )
    parts = split_title(block.plain)
    if parts.style == "q":
        return _q_line(block, lines)
    parts, body, was = _broken_parts(block.children, parts)
    if block.whole_bold:
        if parts.title.endswith("?") or (in_item and parts.style in {".", ")", "tag"}):
            return Candidate(block, parts, block.end, "bold", body=body, was_title=was)
        if _prompt(parts, block.plain):
            return Candidate(
                block, parts, block.end, "bold", imperative=True, body=body, was_title=was
            )
        return None
    if in_item and (parts.style == "tag" or parts.title.endswith("?") or block.card):
        return Candidate(block, parts, block.end, "item", weak=True, body=body, was_title=was)
    if in_item and block.end - block.start == 1 and _prompt(parts, block.plain):
        return Candidate(
            block, parts, block.end, "item", weak=True, imperative=True, body=body, was_title=was
        )
    return None


def _broken_parts(
    children: list[Token] | None, whole: TitleParts | None = None
) -> tuple[TitleParts, str, str | None]:
    """A heading's, bold line's or list item's question read at its `<br>`s as a `Q:` line's
    is (`_broken_head`) and an Anki note's front: the title up to where its sentence ends,
    what is under it (the prompt's start), and its title before this round (a `<br>` read
    as a space: "What is dropout? Explain why it helps.") when that differs, so its card
    keeps its id. A `<br>` in code or math is text, no break (no html token). `whole`:
    the title read with its breaks as spaces, when the caller has it."""
    whole = whole if whole is not None else split_title(plain_inline(children))
    rows: list[list[Token]] = [[]]
    for child in children or ():
        if child.type == "html_inline" and _BREAK_TAG.fullmatch(child.content.strip()):
            rows.append([])
        else:
            rows[-1].append(child)
    if len(rows) == 1:
        return whole, "", None
    front = "\n".join(" ".join(plain_inline(row).split()) for row in rows)
    title, _, body = title_sentence(front).partition("\n")
    parts = split_title(title)
    return parts, body, whole.title if whole.title != parts.title else None


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


def _prompt(parts: TitleParts, plain: str) -> bool:
    """True when a title sets a task ("Explain why batch norm helps"), so that a toggle or
    a bold line followed by its answer asks it. A line ending in ':' introduces what
    follows ("**Compare the two:**" above a list): no prompt."""
    return parts.asks and not plain.rstrip(" *_").endswith(":")


def _card_paragraph(block: Block) -> Candidate | None:
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


def _run_in_question(block: Block, lines: list[str]) -> Candidate | None:
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
    head, body, _ = _broken_head(written)  # `<br>` as in a `Q:` line: it was kept as text
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


def _callout_question(block: Block, callout: Callout, lines: list[str]) -> Candidate | None:
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
        last = next((i for i in range(first, len(rows)) if not rows[i]), len(rows))
        title, head_end = " ".join(rows[first:last]), block.start + 1 + last
    tokens = parse_inline(title, latex_delimiters=True)
    parts = split_title(plain_inline(tokens[0].children) if tokens else title)
    if not parts.title:
        return None
    return Candidate(block, parts, head_end, "callout")


def _q_line(block: Block, lines: list[str]) -> Candidate:
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
    head, body, was_title = _broken_head(head)
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


def _broken_head(head: str) -> tuple[str, str, str | None]:
    """A `Q:` line read at its `<br>`s as an Anki note's front is (`title_sentence`): the
    line up to where its sentence ends, what is under it (the prompt's start), and the
    title the forty-second round gave it (the tags dropped). A `<br>` in code or math is
    its text: the line is then read whole, as before."""
    if "<" not in head or not _LINE_BREAK.search(head):
        return head, "", None
    tokens = parse_inline(head, latex_delimiters=True)
    tags = sum(
        1
        for child in (tokens[0].children or () if tokens else ())
        if child.type == "html_inline" and _BREAK_TAG.fullmatch(child.content.strip())
    )
    if tags != len(_BREAK_TAG.findall(head)):
        return head, "", None
    dropped = _BREAK_TAG.sub("", head)  # as the forty-second round read it
    was = split_title(plain_inline(parse_inline(dropped, latex_delimiters=True)[0].children))
    title, _, body = title_sentence(_LINE_BREAK.sub("\n", head)).partition("\n")
    return title, body, was.title


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
