"""Read Markdown interview notes into questions and answers, deciding block by block.

The notes are parsed once by the bank's Markdown reader (`quiz.bank.markdown`), so a
`#` in a code block is never a heading and a list is a list however it is indented.
A question can be:

- a heading of any level: `## Q1: title`, `### Q1.1: title`, `## Q 2 . title`,
  `#### 12) title`, `### Q: title`, `## 3. title`, or any heading ending in `?`;
- a bold paragraph: `**What is linear regression?**`, or a paragraph (or list item) whose
  first line is one (the lines after it, with no blank line between, start its answer);
- a `Q:` paragraph or line: `Q: title`, `**Q:** title`, `**Q3.** title` (a first line
  ending in `?` is the whole title when no answer marker follows: its answer may start on
  the next line);
- a list item: `1. **How do you ...?**`, `* **Q: ...**`, `1. [E] question` (a list item
  that only ends in `?` counts when an answer comes with it).
- an Obsidian question callout, `> [!faq]- What is X?` (`quiz.ecosystem.callouts`);
- a prompt that sets a task (`Derive the gradient of softmax`): a Notion toggle (a
  one-line list item over its indented answer) or a bold line over its answer, where no
  question's answer holds it (`_placed_prompts`).

Its answer is everything that follows up to the next question, or the next top-level
heading at the same or a higher level (a heading in a list item or quote is text), or a
top-level rule (`---`) after its text (`_ending_rule`).
`Answer:`, `**Answer**`, `A:`, `*A:*`, `Ans.`, an `Answer` heading and `<details>` mark
where the answer starts and are removed; text between the question and the marker is
part of the question. A heading whose extent holds other questions is a section, not a
question (a numbered one names the questions' topic). Nothing is dropped silently: every question-like block that gives no question is
listed in `ParsedNotes.ignored` with its line and the reason.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import Any

from markdown_it.token import Token

from quiz.bank.markdown import inline_children, normalize, parse_blocks, parse_inline
from quiz.ecosystem.callouts import Callout, callout_of, header_text, unquote
from quiz.ecosystem.highlights import bold_highlights, plain_highlights
from quiz.ecosystem.titles import (
    TitleParts,
    clean_title,
    number_only,
    opens_with_asking_verb,
    plain_inline,
    split_title,
    strip_emoji,
)
from quiz.ecosystem.wikilinks import plain_links
from quiz.plural import counted, plural

_ANSWER = re.compile(
    r"^\s*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+)?"  # a list marker before it: "- *A:* ..."
    r"(?P<open>\*\*|__|\*|_)?(?P<word>Answer|Ans|A)\b(?P<dot>\.)?(?P<c1>\s*:)?"
    r"(?P<close>\*\*|__|\*|_)?(?P<c2>\s*:)?(?:[ \t]+(?P<rest>.*)|[ \t]*$)",
    re.IGNORECASE,
)
_DETAILS = re.compile(r"^\s*<details\b[^>]*>", re.IGNORECASE)
_SUMMARY = re.compile(r"<summary\b[^>]*>.*?</summary\s*>", re.IGNORECASE | re.DOTALL)
_RULE = re.compile(r"^\s*(?:-{3,}|\*{3,}|_{3,})\s*$")
_ITEM_MARKS = ("?", "[", "&", "<", "(")
"""Characters without which a list item's paragraph is no question (see `_needs_inline`)."""
_LIST_MARK = re.compile(r"^(\s*)(?:[-*+]|\d{1,9}[.)])([ \t]+|$)")
_INLINE_ANSWER = re.compile(r"\s(?:\*\*|__)A(?:nswer)?\s*:\s*(?:\*\*|__)\s*")


@dataclass(frozen=True)
class NoteQuestion:
    """One question found in the notes, with its answer Markdown as written."""

    ordinal: int
    """1-based position among the questions of the file."""
    number: str | None
    """The number the notes gave it (`Q4` -> '4', `Q1.2` -> '1.2'), if any."""
    title: str
    """Plain text: no markup, links, emoji or numbering."""
    prompt: str
    """Extra question text between the title and the answer marker (often empty)."""
    answer: str
    line: int
    """1-based line of the question in the notes file."""
    marker: bool
    """False when no answer marker was found and the whole text below was taken."""
    answer_line: int = 0
    """1-based line where the answer starts (to name lines in notes)."""
    section: str | None = None
    """Title of the numbered section the question is in, if any."""
    subquestions: int = 0
    """How many questions are nested in this one's list item (it is their context)."""
    context: str = ""
    """The title of the question this one is nested in, when that one has no answer."""
    tags: tuple[str, ...] = ()
    """Its own tags, kebab-case (an Anki note's), added to the import's `--tag`s."""
    cloze: int = 0
    """The cloze number this card asks (`c2` -> 2) of an Anki cloze note with several
    numbers, one card per number as Anki makes them; 0 for any other question."""
    whole: NoteQuestion | None = None
    """For a card of a cloze number: its note asked as one card, every deletion hidden,
    as imports made it before cards per number (such a card already imported is kept)."""
    images: tuple[str, ...] = ()
    """The images an Anki note shows (`<img src>`), which import leaves out: said in a note."""
    reverse: bool = False
    """An Anki note that also makes a reversed card (Basic (and reversed card)): import
    makes the forward card only, and says so in a note."""
    sounds: tuple[str, ...] = ()
    """The sound files an Anki note plays (`[sound:cat.mp3]`), left out and named in a note:
    a card that asked what a word sounds like no longer plays it."""
    embeds: tuple[str, ...] = ()
    """What the notes embed in the question or its answer (`![[plot.png]]`, `![[Note]]`):
    files import does not read, left out and named in a note."""
    id_title: str | None = None
    """The text its card's id is made from when that is not its title: an Anki cloze
    note's first line with every deletion as `[...]`, its hints too (`[which]` in the title
    would put the hint's words in the id, and mending a hint would move the card away from
    its reviews)."""
    card_id: str | None = None
    """The card an Anki note of drillbit's own export was made from (its CardId field):
    a card the bank already has is not imported again, as Anki keeps one note per GUID."""


@dataclass(frozen=True)
class Ignored:
    """A question-like part of the notes that gives no question, and why."""

    line: int
    text: str
    reason: str


@dataclass(frozen=True)
class ParsedNotes:
    """Everything read from one notes file."""

    title: str | None
    """The document's `# title`, if any (used to name a new pack)."""
    questions: tuple[NoteQuestion, ...]
    ignored: tuple[Ignored, ...]
    sections: tuple[Ignored, ...] = ()
    """Headings read as sections (they hold questions), with what they hold."""


def answer_marker(line: str) -> str | None:
    """The text after an answer marker on this line (maybe ''), or None when it is not one."""
    match = _ANSWER.match(line)
    if match is None:
        return None
    opened, closed = match.group("open"), match.group("close")
    if (opened or closed) and opened != closed:
        return None
    colon = bool(match.group("c1") or match.group("c2"))
    rest = (match.group("rest") or "").strip()
    word = match.group("word").lower()
    if word == "a":
        if match.group("word") != "A" or not colon or match.group("dot"):
            return None
    elif word == "ans":
        if not (colon or match.group("dot")):
            return None
    elif match.group("dot") or not (colon or opened or not rest):
        return None
    return rest


# ---------------------------------------------------------------------------
# Blocks
# ---------------------------------------------------------------------------


@dataclass
class _Block:
    kind: str
    """heading, paragraph, fence, code, table, html, math, hr."""
    start: int
    """0-based first line."""
    end: int
    """0-based line past the block."""
    level: int = 0
    """Heading level (1-6), 0 otherwise."""
    children: list[Token] | None = None
    raw: str = ""
    whole_bold: bool = False
    item_start: int | None = None
    """For the first paragraph or heading of a list item: the item's first line."""
    container_end: int = 0
    """Line past the innermost list item or quote holding the block (the end of the text)."""
    outer_end: int = 0
    """Line past the container around that one (the end of the text)."""
    nested: bool = False
    callout: Callout | None = None
    """For a quote's first paragraph: the callout that quote is (`> [!tip] title`)."""
    card: bool = False
    """Its first line ended in Logseq's `#card` tag (taken off): it asks, as Logseq asks
    it, whatever its words (`- LayerNorm vs BatchNorm #card`)."""

    @cached_property
    def plain(self) -> str:
        """The heading's or paragraph's text without markup."""
        return plain_inline(self.children)


_SENTENCE_ENDS = (".", "!", ";")


def _text_over_rule(text: str) -> bool:
    """True when a `---` right under text is a rule after it, not its heading underline
    (Markdown's setext heading): the text is a sentence, ends like one or runs over lines,
    as an answer's last line does (`Units are zeroed at random.` then `---`). Read as a
    heading, the answer was "not a question, its text was not imported" and its question
    had "no answer"; a short title (`Summary`, `What is X?`) stays a heading."""
    return "\n" in text or text.rstrip(" *_").endswith(_SENTENCE_ENDS) or len(text.split()) > 12


def _whole_bold(children: list[Token] | None) -> bool:
    """True when the paragraph is one bold run (emoji and spaces around it aside)."""
    children = children or []
    if not any(c.type == "strong_open" for c in children[:2]):
        return False
    items = [
        c
        for c in children
        if not (c.type == "text" and not strip_emoji(c.content).strip())
        and c.type not in ("softbreak",)
    ]
    if len(items) < 3 or items[0].type != "strong_open" or items[-1].type != "strong_close":
        return False
    depth = 0
    for index, child in enumerate(items):
        if child.type == "strong_open":
            depth += 1
        elif child.type == "strong_close":
            depth -= 1
            if depth == 0 and index != len(items) - 1:
                return False
    return True


def _bold_head(children: list[Token] | None) -> tuple[list[Token], int] | None:
    """(tokens, line count) of a paragraph's first line when that line is one bold run and
    more text follows on the next lines, else None. `**What is X?**` with its answer on the
    next line and no blank line between is one paragraph (a soft break joins them), yet the
    bold run is the question, as it is when a blank line parts them."""
    if not children:
        return None
    depth = 0
    breaks = 0
    for index, child in enumerate(children):
        kind = child.type
        if kind == "strong_open":
            depth += 1
        elif kind == "strong_close":
            depth -= 1
        elif kind in ("softbreak", "hardbreak"):
            if depth > 0:
                breaks += 1  # a bold run over two lines: still the first line's
                continue
            head = children[:index]
            if index + 1 < len(children) and _whole_bold(head):
                return head, breaks + 1
            return None
    return None


def _needs_inline(heading: bool, in_item: bool, raw: str) -> bool:
    """True when a heading's or paragraph's inline markup can matter: it could be a question
    (a heading, a `Q` line, a bold paragraph or one whose first line is bold, a list item
    whose text has a `?`, a `[tag]` or starts with `Q`) or a bold line that ends an answer.
    Other paragraphs are answer text, read later from the lines, so their markup is not
    parsed. Every test here is looser than the one `_candidate`, `_whole_bold` and
    `_bold_head` make on the parsed text (an `&` may be an entity, a `<` a tag around the
    `Q`, `[]`/`()` an empty link)."""
    if heading or raw.lstrip("*_ ")[:1] in ("Q", "q"):
        return True
    if raw[:2] in ("**", "__") and ("?**" in raw or "?__" in raw):
        return True  # it may open with a bold question, its answer run in after it
    if ("**" in raw or "__" in raw) and (
        "&" in raw or strip_emoji(raw).rstrip().endswith(("**", "__"))
    ):
        return True  # it may be one bold run
    if "\n" in raw and ("**" in raw or "__" in raw):
        first = raw.split("\n", 1)[0]  # a bold question, then its answer (`**Answer:**` no)
        asks = "?" in first or in_item or opens_with_asking_verb(first)
        if asks and strip_emoji(first).rstrip().endswith(("**", "__")):
            return True
    if not in_item:
        return False
    return (
        any(mark in raw for mark in _ITEM_MARKS)
        or strip_emoji(raw).lstrip("*_~ ")[:1] in ("Q", "q")
        or opens_with_asking_verb(raw)  # a toggle that sets a task (`- Derive ...`)
    )


_SIMPLE_BLOCKS = {
    "fence": "fence",
    "code_block": "code",
    "html_block": "html",
    "math_block": "math",
    "hr": "hr",
    "table_open": "table",
}
"""Block tokens read as one block each, by the kind of block they become."""


_PASSED = frozenset({"inline", "paragraph_close", "heading_close"})
"""Tokens `_blocks` has nothing to do with (a block's inline token is read at its opening):
most of a notes file's tokens, let through first."""


def _blocks(
    tokens: list[Token], line_count: int, env: dict[str, Any], card_rows: frozenset[int]
) -> list[_Block]:
    """The blocks of a notes file's block tokens, which it takes: the list is emptied as it
    is read, so each token is freed once read (the whole file's tokens, about twenty times
    the text, are never alive beside all its blocks)."""
    blocks: list[_Block] = []
    ends: list[int] = []  # end line of each open list item or quote, innermost last
    item_open: int | None = None
    skip_until: str | None = None
    callout: Callout | None = None  # of the quote just opened, for its first paragraph
    simple = _SIMPLE_BLOCKS
    tokens.reverse()  # the next token is the last: popped in O(1), freed when done with
    while tokens:
        token = tokens.pop()
        kind = token.type
        if skip_until is not None:
            if kind == skip_until:
                skip_until = None
            continue
        if kind in _PASSED:
            continue
        if kind == "list_item_open" or kind == "blockquote_open":
            if token.map:
                ends.append(token.map[1])
                if kind == "list_item_open":
                    item_open = token.map[0]
                elif tokens[-1].type == "paragraph_open" and tokens[-2].content.startswith("[!"):
                    first = tokens[-2].content.split("\n", 1)[0]
                    callout = callout_of(first, token.map[0], token.map[1])
                continue
        elif kind == "list_item_close" or kind == "blockquote_close":
            if ends:
                ends.pop()
            item_open = None
            continue
        if token.map is None:
            continue
        start, end = token.map
        container_end = ends[-1] if ends else line_count
        outer_end = ends[-2] if len(ends) > 1 else line_count
        heading = kind == "heading_open"
        underline = heading and token.markup == "-" and _text_over_rule(tokens[-1].content)
        if underline:  # an answer's last line with a rule under it: text, then a rule
            heading, end = False, end - 1
        if heading or underline or kind == "paragraph_open":
            inline = tokens[-1]
            card = start in card_rows
            children = (
                inline_children(inline, env, latex_delimiters=True)
                if card or _needs_inline(heading, item_open is not None, inline.content)
                else None
            )
            blocks.append(
                _Block(
                    "heading" if heading else "paragraph",
                    start,
                    end,
                    level=int(token.tag[1]) if heading else 0,
                    children=children,
                    raw=inline.content,
                    card=card,
                    whole_bold=children is not None and _whole_bold(children),
                    item_start=item_open,
                    container_end=container_end,
                    outer_end=outer_end,
                    nested=bool(ends),
                    callout=callout if callout is not None and callout.start == start else None,
                )
            )
            item_open = None
            callout = None
            if underline:
                blocks.append(
                    _Block(
                        "hr",
                        end,
                        end + 1,
                        raw="---",
                        container_end=container_end,
                        outer_end=outer_end,
                        nested=bool(ends),
                    )
                )
        elif kind in simple:
            blocks.append(
                _Block(
                    simple[kind],
                    start,
                    end,
                    raw=token.content,
                    container_end=container_end,
                    outer_end=outer_end,
                    nested=bool(ends),
                )
            )
            item_open = None
            if kind == "table_open":
                skip_until = "table_close"
        elif kind.endswith("_open"):
            item_open = None
    return blocks


# ---------------------------------------------------------------------------
# Questions
# ---------------------------------------------------------------------------


@dataclass
class _Candidate:
    block: _Block
    parts: TitleParts
    head_end: int
    """0-based line where the text after the question's title starts."""
    kind: str
    """heading, q-line, bold, item."""
    weak: bool = False
    inline_answer: str | None = None
    imperative: bool = False
    """It sets a task without a '?' ("Derive the gradient of softmax"): a question only
    where the notes' shape makes it a prompt (`_placed_prompts`)."""
    section_of: list[_Candidate] = field(default_factory=list)


def _candidate(block: _Block, lines: list[str]) -> _Candidate | None:
    """The block as a question candidate, or None when it does not look like a question."""
    if block.kind == "heading":
        parts = split_title(block.plain)
        if (parts.question_like or parts.asks or block.card) and parts.title:
            # in a list item or quote it is that item's text: a question only with an
            # answer in the item or right below it, as a list item's question
            return _Candidate(block, parts, block.end, "heading", weak=block.nested)
        return None
    if block.kind != "paragraph":
        return None
    if block.callout is not None:
        return _callout_question(block, block.callout, lines)
    in_item = block.item_start is not None
    if block.card and not in_item:
        return _card_paragraph(block)
    head = None if block.whole_bold else _bold_head(block.children)
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
        parts = split_title(plain_inline(tokens))
        if parts.style == "q":
            return _Candidate(block, parts, block.start + rows, "q-line")
        if parts.title.endswith("?") or (in_item and parts.style in {".", ")", "tag"}):
            return _Candidate(block, parts, block.start + rows, "bold")
        if _prompt(parts, plain_inline(tokens)):
            return _Candidate(block, parts, block.start + rows, "bold", imperative=True)
    parts = split_title(block.plain)
    if parts.style == "q":
        return _q_line(block, lines)
    if block.whole_bold:
        if parts.title.endswith("?") or (in_item and parts.style in {".", ")", "tag"}):
            return _Candidate(block, parts, block.end, "bold")
        if _prompt(parts, block.plain):
            return _Candidate(block, parts, block.end, "bold", imperative=True)
        return None
    if in_item and (parts.style == "tag" or parts.title.endswith("?") or block.card):
        return _Candidate(block, parts, block.end, "item", weak=True)
    if in_item and block.end - block.start == 1 and _prompt(parts, block.plain):
        return _Candidate(block, parts, block.end, "item", weak=True, imperative=True)
    return None


def _prompt(parts: TitleParts, plain: str) -> bool:
    """True when a title sets a task ("Explain why batch norm helps"), so that a toggle or
    a bold line followed by its answer asks it. A line ending in ':' introduces what
    follows ("**Compare the two:**" above a list): no prompt."""
    return parts.asks and not plain.rstrip(" *_").endswith(":")


def _card_paragraph(block: _Block) -> _Candidate | None:
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
    return _Candidate(block, parts, block.start + 1, "bold")


_RUN_IN_QUESTION = re.compile(r"^(?:\*\*|__)(?P<title>[^*_\n]*\?)(?:\*\*|__)[ \t]+(?P<rest>\S.*)$")
"""`**What is X?** Its answer...` on one line (after a list marker): no nested repetition."""


def _run_in_question(block: _Block, lines: list[str]) -> _Candidate | None:
    """A paragraph opened by a bold question with its answer after it on the same line
    (`- **What is label smoothing?** It mixes...`): the bold run asks, the rest answers.
    It was no question: in a list after an answer it was a key point of that answer, and
    alone it was "no questions found"."""
    if block.children is None or block.start >= len(lines):
        return None
    first = _LIST_MARK.sub("", lines[block.start], count=1).strip()
    match = _RUN_IN_QUESTION.match(first)
    if match is None or answer_marker(first) is not None:
        return None
    parts = split_title(match.group("title"))
    if not parts.title:
        return None
    return _Candidate(block, parts, block.start + 1, "bold", inline_answer=match.group("rest"))


def _callout_question(block: _Block, callout: Callout, lines: list[str]) -> _Candidate | None:
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
    return _Candidate(block, parts, head_end, "callout")


def _boxed(cand: _Candidate, lines: list[str]) -> bool:
    """Whether a question callout's body (after its title) holds text."""
    end = cand.block.container_end
    return any(unquote(lines[row]).strip() for row in range(cand.head_end, end))


def _callout_end(
    cand: _Candidate, stop: int, lines: list[str], by_start: dict[int, Callout]
) -> int:
    """Line past a question callout's answer: its own quote when its body holds text (with
    the answer, note or tip callouts right after it), else `stop`, as for a bold question
    (its answer follows it, in an answer callout or as text)."""
    block = cand.block
    callout = block.callout
    assert callout is not None
    if not _boxed(cand, lines):
        return min(stop, block.outer_end)
    end = callout.end
    while True:
        row = end
        while row < stop and not lines[row].strip():
            row += 1
        after = by_start.get(row)
        if row >= stop or after is None or after.asks:
            return end
        end = after.end


def _callout_view(lines: list[str], callouts: list[Callout], asked: set[int]) -> list[str]:
    """The notes' lines as answers are cut from them: the quote marks of question and answer
    callouts taken off (their text is the question's), an answer callout's header an answer
    marker, another callout's header a bold run-in heading (`> **Tip: title.**`)."""
    view = list(lines)
    unwraps: dict[int, int] = {}
    for callout in callouts:
        if callout.start in asked or callout.answers:
            for row in range(callout.start, min(callout.end, len(lines))):
                unwraps[row] = unwraps.get(row, 0) + 1
    for row, times in unwraps.items():
        view[row] = unquote(lines[row], times)
    for callout in callouts:
        if callout.start not in asked and callout.start < len(lines):
            view[callout.start] = header_text(view[callout.start], callout)
    return view


def _left_out_callouts(
    callouts: list[Callout],
    asked: set[int],
    extents: list[tuple[int, int]],
    reported: list[tuple[int, int]],
) -> list[Ignored]:
    """Callouts in no question's answer, each named (outermost only): a `[!note]` in a
    file's introduction or between cards was dropped without a word. Adds what it names
    to `reported`."""
    covered = [*extents, *reported]
    found: list[Ignored] = []
    outer_end = -1
    for callout in sorted(callouts, key=lambda c: c.start):
        if callout.start < outer_end:
            continue  # inside a callout already named or asked
        outer_end = callout.end
        if callout.start in asked or any(a <= callout.start < b for a, b in covered):
            continue
        reported.append((callout.start, callout.end))
        found.append(
            Ignored(
                callout.start + 1,
                callout.name,
                "a callout in no question's answer, not imported (a [!question] or [!faq] "
                "callout with an answer makes a card, and a callout under a question's "
                "answer is part of it)",
            )
        )
    return found


def _q_line(block: _Block, lines: list[str]) -> _Candidate:
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
    head = _LIST_MARK.sub("", head, count=1)
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
    return _Candidate(block, parts, marker_row, "q-line", inline_answer=inline_answer)


def _section_topic(parts: TitleParts) -> str | None:
    return (
        parts.title
        if parts.number is not None and parts.style in {".", "dotted", ")", ":"}
        else None
    )


def _trim(rows: list[str]) -> str:
    """Lines joined, without blank lines and rules (`---`) at either end."""
    while rows and (not rows[0].strip() or _RULE.match(rows[0])):
        rows = rows[1:]
    while rows and (not rows[-1].strip() or _RULE.match(rows[-1])):
        rows = rows[:-1]
    return "\n".join(row.rstrip() for row in rows)


def _dedent(rows: list[str]) -> list[str]:
    """Rows moved left by their common indentation (list item bodies become top level). A
    tab in the indentation is read as Markdown reads it, to the next multiple of four
    columns: an item's body indented by tabs (Logseq's outlines, many editors' lists) kept
    them, and an answer indented by a tab is a code block to Markdown."""
    if any(r[:1] == "\t" or r.lstrip(" ")[:1] == "\t" for r in rows):
        rows = [_expand_indent(r) for r in rows]
    widths = [len(r) - len(r.lstrip(" ")) for r in rows if r.strip()]
    cut = min(widths, default=0)
    return [r[cut:] if len(r) >= cut else r.lstrip(" ") for r in rows]


def _expand_indent(row: str) -> str:
    """The row with the tabs of its indentation as spaces (to the next multiple of four)."""
    body = row.lstrip(" \t")
    return row[: len(row) - len(body)].expandtabs(4) + body


CARD_TAG = re.compile(r"[ \t]#(?:card|flashcard|\[\[card\]\])[ \t]*$", re.MULTILINE | re.I)
"""Logseq's flashcard tag at the end of a block's first line (`- What is X? #card`). One
space before it, not a run: `[ \t]+#` tried again at each space of a long run took 2 minutes
on 200 KB of spaces."""
_PROPERTY = re.compile(r"^[ \t]*(?:[-*+][ \t]+)?[A-Za-z][\w-]*:: .*$", re.MULTILINE)
"""A Logseq block property (`id:: 64f1...`, `collapsed:: true`): metadata, not text. Under
a question's first line it made the question's paragraph end without '?' (the question and
its answer dropped without a word); as an item it was a key point."""


def _split_answer(
    rows: list[str], first_row: int, code_rows: set[int]
) -> tuple[list[str], list[str], bool, int]:
    """(prompt rows, answer rows, marker found, 0-based line the answer starts); rows are
    the notes' lines from `first_row`, and `code_rows` the notes' lines that are code."""
    for index, raw in enumerate(rows):
        if first_row + index in code_rows:
            continue
        stripped = raw.strip()
        rest = answer_marker(raw)
        if rest is None and re.match(r"^#{1,6}\s+\**answer\**\s*:?\s*$", stripped, re.I):
            rest = ""
        if rest is None and _DETAILS.match(raw):
            body = _SUMMARY.sub("", raw[_DETAILS.match(raw).end() :])  # type: ignore[union-attr]
            tail = rows[index + 1 :]
            joined = "\n".join([body, *tail])
            if "<summary" in joined.lower() and "</summary" in joined.lower():
                joined = _SUMMARY.sub("", joined, count=1)
                return rows[:index], joined.split("\n"), True, first_row + index
            return rows[:index], [body, *tail], True, first_row + index
        if rest is not None:
            marker = _LIST_MARK.match(raw)
            body_rows = rows[index + 1 :]
            if marker is not None:
                body_rows = _dedent(body_rows)
            return rows[:index], [rest, *body_rows], True, first_row + index
    return [], rows, False, first_row


def _heading_ends(headings: list[_Block], line_count: int) -> dict[int, int]:
    """Line past each heading's extent (the next heading at the same or a higher level),
    keyed by the heading's line; one pass with a stack."""
    ends: dict[int, int] = {}
    open_: list[_Block] = []
    for heading in headings:
        while open_ and open_[-1].level >= heading.level:
            ends[open_.pop().start] = heading.start
        open_.append(heading)
    for heading in open_:
        ends[heading.start] = line_count
    return ends


def _first_after(starts: list[int], line: int) -> int | None:
    """Index of the first start strictly after `line` in a sorted list, or None."""
    index = bisect.bisect_right(starts, line)
    return index if index < len(starts) else None


def parse_notes(text: str) -> ParsedNotes:
    """Questions and answers of a notes file, plus what gave no question and why."""
    return read_part(text).parsed


@dataclass(frozen=True)
class NotesPart:
    """`parse_notes` of a part of the notes (see `cut_notes`), with what tells whether the
    part reads as it does in the whole file."""

    parsed: ParsedNotes
    references: bool
    """It defines link references (another part's inline markup may use them)."""
    runs_to_end: bool
    """A fence, math, HTML or indented code block reaches its end (it may go on past it)."""
    open_level: int
    """The lowest level of a question-like heading whose extent reaches its end (7: none)."""
    first_heading: tuple[int, int] | None
    """(line, level) of its first block when that is a heading."""


PIECE_BYTES = 256 * 1024
"""About how much of the notes `read_part` parses at a time (see its docstring)."""
_BLANK_LINES = re.compile(r"\n*")
_RUN_ON = frozenset({"fence", "math_block", "html_block"})
"""Blocks that can run on past the end of a part of the notes (an unclosed fence does)."""
_HTML_ENDS = (
    (
        re.compile(r"<(?:script|pre|style|textarea)(?:\s|>|$)", re.IGNORECASE),
        re.compile(r"</(?:script|pre|style|textarea)>", re.IGNORECASE),
    ),
    (re.compile(r"<!--"), re.compile(r"-->")),
    (re.compile(r"<\?"), re.compile(r"\?>")),
    (re.compile(r"<![A-Z]"), re.compile(r">")),
    (re.compile(r"<!\[CDATA\["), re.compile(r"\]\]>")),
)
"""markdown-it's HTML blocks that end at a closing mark rather than at a blank line:
(how one starts, what ends it)."""


def _closed(token: Token, lines: list[str]) -> bool:
    """True when a fence, math or HTML block that reaches the end of a text was closed by
    its own last line (so it ends there in a longer text too); False when it may run on."""
    assert token.map is not None
    first, last = token.map[0], token.map[1] - 1
    if token.type == "fence":
        mark = token.markup
        closing = lines[last].strip()
        return last > first and len(closing) >= len(mark) and closing == mark[0] * len(closing)
    if token.type == "math_block":
        return last > first and lines[last].rstrip().endswith("$$")
    opening = lines[first].lstrip()
    for starts, ends in _HTML_ENDS:
        if starts.match(opening):
            return ends.search(lines[last]) is not None
    return True  # an HTML block that ends at a blank line (or the end) ends so anyway


_QUESTION_LINE = re.compile(r"^ {0,3}(?:#{1,6}[ \t]+(?P<heading>.*\S)|\*\*(?P<bold>.*\?)\*\*\s*$)")
"""A line that would be a question outside a code block: a heading, or a bold line
ending in `?`."""


def _unclosed(token: Token, lines: list[str], line_max: int) -> Ignored | None:
    """What an unclosed code fence at the top level costs: everything after it, to the end
    of the notes, is its code (a question in it is no question), said with the first
    question-like line it swallowed; None for another block (a fence in a list item or
    quote ends with its item; an HTML block's text stays in its answer)."""
    assert token.map is not None
    if token.level != 0 or token.type != "fence":
        return None
    first = token.map[0]
    last = min(line_max, len(lines))
    swallowed: list[tuple[int, str]] = []
    for row in range(first + 1, last):
        match = _QUESTION_LINE.match(lines[row])
        if match is None:
            continue
        title = clean_title(match.group("heading") or match.group("bold"))
        if match.group("bold") is not None or split_title(title).question_like:
            swallowed.append((row + 1, title))
    reason = (
        f"this code fence is never closed, so the rest of the file (lines {first + 1}-{last}) "
        f"was read as its text"
    )
    if swallowed:
        row, title = swallowed[0]
        more = f" and {len(swallowed) - 1} more" if len(swallowed) > 1 else ""
        reason += (
            f", with {len(swallowed)} "
            + plural(
                len(swallowed),
                "question-like line in it that is no question ",
                "question-like lines in it that are no questions ",
            )
            + f"(line {row} '{title}'{more})"
        )
    shown = lines[first].strip()
    shown = shown if len(shown) <= _SNIPPET else shown[: _SNIPPET - 1] + "…"
    return Ignored(first + 1, shown, f"{reason}; close it with a '{token.markup}' line")


def read_part(text: str, *, piece_bytes: int = PIECE_BYTES) -> NotesPart:
    """`parse_notes` of a text, with the facts `cut_notes`'s parts are checked by.

    Notes longer than twice `piece_bytes` are read in pieces of about that size, cut at
    headings (`_piece_cuts`), each alone, when every two neighbours agree (`parts_agree`)
    as `cut_notes`'s two parts must: then only one piece's block tokens (about twenty
    times its text) are alive at a time, where the whole file's were. When two do not
    agree the notes are read whole, so the reading is always the whole file's."""
    text = normalize(text.lstrip("\ufeff"))
    padding = _BLANK_LINES.match(text).end()  # type: ignore[union-attr]  # `cut_notes`'s
    first_line = text.count("\n", 0, padding)
    cuts = _piece_cuts(text, padding, piece_bytes) if len(text) > 2 * piece_bytes else []
    if not cuts:
        return _read_piece(text[padding:] if padding else text, first_line)
    parts: list[NotesPart] = []
    starts = [(padding, first_line, 0), *cuts]
    ends = [offset - 1 for offset, _line, _level in cuts] + [len(text)]  # a blank line before
    for (start, line, level), end in zip(starts, ends, strict=True):
        part = _read_piece(text[start:end], line)
        if parts and not parts_agree(parts[-1], part, line, level):
            return _read_piece(text[padding:], first_line)  # a cut did not hold: read whole
        parts.append(part)
    return NotesPart(
        merge_parts(*(part.parsed for part in parts)),
        references=any(part.references for part in parts),
        runs_to_end=parts[-1].runs_to_end,
        open_level=parts[-1].open_level,
        first_heading=parts[0].first_heading,
    )


def _tagged_rows(text: str, first_line: int) -> frozenset[int]:
    """The rows (0-based, in the notes) of the text's lines that end in a `#card` tag."""
    rows: list[int] = []
    row, counted_to = first_line, 0
    for match in CARD_TAG.finditer(text):
        row += text.count("\n", counted_to, match.start())
        counted_to = match.start()
        rows.append(row)
    return frozenset(rows)


def _read_piece(text: str, first_line: int) -> NotesPart:
    """`read_part` of a normalized text that starts at line `first_line` (0-based) of the
    notes: parsed alone, its lines and tokens placed at their lines in the notes."""
    card_rows: frozenset[int] = frozenset()
    if "#card" in text or "#flashcard" in text or "#[[card]]" in text:
        card_rows = _tagged_rows(text, first_line)
        text = CARD_TAG.sub("", text)  # the tag says it asks: the question is what is left
    if ":: " in text:
        text = _PROPERTY.sub("", text)  # a blank line in its place: every line keeps its number
    lines = text.split("\n")
    if first_line:
        lines[:0] = [""] * first_line  # the lines before it, blank: rows are the notes' lines
    count = len(lines)
    env: dict[str, Any] = {}
    tokens = parse_blocks(text, env=env)
    if first_line:
        for token in tokens:
            if token.map is not None:
                token.map = [token.map[0] + first_line, token.map[1] + first_line]
    runs_to_end = False
    unclosed: Ignored | None = None
    line_max = first_line + text.count("\n") + (0 if text.endswith("\n") or not text else 1)
    for token in reversed(tokens):  # the last top-level block and what it holds
        if token.map is None:
            continue
        if token.type in _RUN_ON and token.map[1] >= line_max and not _closed(token, lines):
            runs_to_end = True
            unclosed = _unclosed(token, lines, line_max)
            break
        if token.level == 0 and token.nesting != -1:
            break
    blocks = _blocks(tokens, count, env, card_rows)  # takes the tokens: freed as they are read
    all_headings = [b for b in blocks if b.kind == "heading"]
    # Only a heading at the top level ends an answer or a section: one in a list item or
    # a quote (`2. # Normalize it`) is part of the text it is in, and reaches its end.
    headings = [h for h in all_headings if not h.nested]
    heading_starts = [h.start for h in headings]
    code_rows = {
        row for b in blocks if b.kind in ("fence", "code") for row in range(b.start, b.end)
    }
    heading_end = _heading_ends(headings, count)
    heading_end.update((h.start, h.container_end) for h in all_headings if h.nested)
    title = next(
        (clean_title(b.plain) for b in headings if b.level == 1 and not split_title(b.plain).style),
        None,
    )
    candidates = [c for b in blocks if (c := _candidate(b, lines)) is not None]
    all_candidates = [c for c in candidates if not c.imperative]
    candidates = _drop_weak(candidates, blocks, lines)
    if any(c.imperative for c in candidates):  # some set a task: kept where they ask
        candidates = _placed_prompts(candidates, blocks, heading_end)
    candidate_starts = [c.block.start for c in candidates]

    # A heading is a section when its extent holds other questions.
    sections: list[_Candidate] = []
    questions: list[_Candidate] = []
    topic_of: dict[int, tuple[int, str]] = {}
    for position, cand in enumerate(candidates):
        if cand.kind != "heading":
            questions.append(cand)
            continue
        end = heading_end[cand.block.start]
        last = bisect.bisect_left(candidate_starts, end)
        inner = candidates[position + 1 : last]
        if inner and _is_section(cand, inner[0], lines):
            cand.section_of = inner
            sections.append(cand)
            topic = _section_topic(cand.parts)
            if topic:  # later (inner) sections overwrite: the innermost wins
                for member in inner:
                    topic_of[member.block.start] = (cand.block.start, topic)
        else:
            questions.append(cand)
    starts = [c.block.start for c in questions]
    section_starts = [c.block.start for c in sections]
    candidate_blocks = {id(c.block) for c in candidates}

    # A bold line that is no question (`**Summary**`) ends a bold question's answer.
    breaks = [
        b
        for b in blocks
        if b.kind == "paragraph"
        and b.whole_bold
        and not b.nested
        and id(b) not in candidate_blocks
        and not clean_title(b.plain).endswith(":")
    ]
    break_starts = [b.start for b in breaks]
    callouts = [b.callout for b in blocks if b.callout is not None]
    callout_starts = {c.start: c for c in callouts}
    asked = {c.block.start for c in questions if c.kind == "callout"}
    view = _callout_view(lines, callouts, asked) if callouts else lines
    embeds_at: dict[int, list[str]] = {}  # rows' embeds (`![[plot.png]]`), left out
    if "[[" in text:
        view = view if callouts else list(lines)
        for row, line in enumerate(view[first_line:], first_line):  # not the blank rows before
            if "[[" in line and row not in code_rows:
                view[row] = plain_links(line, embeds_at.setdefault(row, []))
    if "==" in text:  # Obsidian's `==highlights==`: bold, as the card reader shows emphasis
        view = list(view) if view is lines else view
        for row, line in enumerate(view[first_line:], first_line):
            if "==" in line and row not in code_rows:
                view[row] = bold_highlights(line)
    trailing: list[tuple[_Candidate, int, int, int | None]] = []  # what follows answers
    rule_starts = [b.start for b in blocks if b.kind == "hr" and not b.nested]
    found: list[NoteQuestion] = []
    ignored: list[Ignored] = []
    extents: list[tuple[int, int]] = []
    groups: list[tuple[int, int, str]] = []  # (start, end, title) of answerless parents
    for position, cand in enumerate(questions):
        block = cand.block
        stop = starts[position + 1] if position + 1 < len(starts) else count
        index = bisect.bisect_right(heading_starts, block.start)
        while index < len(headings) and headings[index].start < stop:
            if cand.kind != "heading" or headings[index].level <= block.level:
                stop = headings[index].start
                break
            index += 1
        for others in (section_starts, break_starts if cand.kind == "bold" else []):
            after = _first_after(others, block.start)
            if after is not None:
                stop = min(stop, others[after])
        whole = stop
        if cand.kind == "callout":
            stop = _callout_end(cand, stop, lines, callout_starts)
        elif block.item_start is not None:
            # `- Q: ... **A:** ...` on one line is a card whole (a Logseq cloze card's
            # rewrite among them): the item's answer is its own, siblings are not in it
            one_line = cand.kind == "q-line" and cand.inline_answer is not None
            own = one_line or any(row.strip() for row in lines[cand.head_end : block.container_end])
            stop = min(stop, block.container_end if own else block.outer_end)
        elif block.nested:
            stop = min(stop, block.container_end)
        rule = _ending_rule(cand, rule_starts, stop, lines) if rule_starts else None
        stop = rule if rule is not None else stop
        # its answer ends with its box, item, quote or a rule: the rest is no one's
        if stop < whole:
            trailing.append((cand, stop, whole, rule))
        extents.append((block.start, stop))
        rows = view[cand.head_end : stop]
        if cand.kind == "callout":
            pass
        elif block.item_start is not None:
            item_rows = max(0, min(block.container_end, stop) - cand.head_end)
            rows = _dedent(rows[:item_rows]) + rows[item_rows:]
        elif cand.head_end < block.end:
            # the question paragraph's next lines (`Q: What is X?` then its answer): their
            # indent means nothing to Markdown there, and kept, four spaces made a code block
            joined = min(block.end, stop) - cand.head_end
            rows = [row.lstrip(" \t") for row in rows[:joined]] + rows[joined:]
        prompt_rows, answer_rows, marker, answer_row = _split_answer(rows, cand.head_end, code_rows)
        if cand.kind == "callout" and stop >= cand.block.container_end and not marker:
            marker = _boxed(cand, lines)  # the box holds the answer: no marker is needed
        if cand.inline_answer is not None:
            answer_rows, marker, answer_row = [cand.inline_answer, *rows], True, block.start
            prompt_rows = []
        subquestions = 0
        if block.item_start is not None:
            subquestions = bisect.bisect_left(starts, block.container_end) - position - 1
        while groups and groups[-1][1] <= block.start:
            groups.pop()
        context = groups[-1][2] if groups and groups[-1][0] < block.start else ""
        embeds = [e for row in range(cand.head_end, stop) for e in embeds_at.get(row, ())]
        question = NoteQuestion(
            ordinal=len(found) + 1,
            number=cand.parts.number,
            title=plain_highlights(plain_links(cand.parts.title, embeds)),
            prompt=_trim(prompt_rows),
            answer=_trim(answer_rows),
            line=block.start + 1,
            marker=marker,
            answer_line=answer_row + 1,
            section=topic_of.get(block.start, (0, None))[1],
            subquestions=max(subquestions, 0),
            context=context,
            embeds=tuple(embeds),
        )
        if question.subquestions and not question.answer:
            groups.append((block.start, block.container_end, question.title))
        found.append(question)
    reported: list[tuple[int, int]] = []  # lines the parts below name as not imported
    for part in [*all_headings, *breaks]:
        if id(part) in candidate_blocks or part.level == 1:
            continue
        before = bisect.bisect_left(starts, part.start) - 1
        if before >= 0 and extents[before][0] < part.start < extents[before][1]:
            continue
        end = heading_end[part.start] if part.kind == "heading" else count
        for others in (starts, heading_starts):
            after = _first_after(others, part.start)
            if after is not None:
                end = min(end, others[after])
        if any(row.strip() for row in lines[part.end : end]):
            reported.append((part.start, end))
            if part.kind != "heading":
                what = "a bold line without '?'"
            elif number_only(part.plain):  # `## Q5: ---`: numbered, and nothing to ask
                what = _untitled(part.plain)
            else:
                what = "no Q number, no number, no '?', no asking verb such as 'Explain'"
            ignored.append(
                Ignored(
                    part.start + 1,
                    clean_title(part.plain),
                    f"not a question ({what}), its text was not imported",
                )
            )
    kept = {id(c) for c in candidates}
    for cand in all_candidates:  # a list item ending in '?' that no answer holds
        if id(cand) in kept:
            continue
        before = bisect.bisect_left(starts, cand.block.start) - 1
        if before >= 0 and extents[before][0] < cand.block.start < extents[before][1]:
            continue  # part of that question's answer
        reported.append((cand.block.start, cand.block.end))
        ignored.append(
            Ignored(
                cand.block.start + 1,
                cand.parts.title,
                f"{_unanswered_item(cand)} with no answer in it or right below it",
            )
        )
    # a toggle that only titles the questions nested in it is quiet, as a heading is
    reported.extend((row, row + 1) for row in _group_labels(blocks, starts, candidate_blocks))
    ignored.extend(_trailing_text(trailing, lines, reported))
    if callouts:
        ignored.extend(_left_out_callouts(callouts, asked, extents, reported))
    quiet = _quiet_rows(blocks, lines, reported, first_line)
    ignored.extend(_section_intros(sections, quiet, lines))
    stops = sorted({*starts, *section_starts, *heading_starts})
    asking = {*starts, *section_starts}
    titles = [h for h in headings if h.level == 1 and h.start not in asking]
    ignored.extend(_top_intros(titles, stops, quiet, lines, first_line))
    if unclosed is not None:
        ignored.append(unclosed)
    ignored.sort(key=lambda item: item.line)
    section_notes = tuple(
        Ignored(
            s.block.start + 1,
            clean_title(s.block.plain),
            f"a section holding {counted(len(s.section_of), 'question')}, not a question itself",
        )
        for s in sections
    )
    open_level = min(
        (
            c.block.level
            for c in candidates
            if c.kind == "heading" and heading_end[c.block.start] >= count
        ),
        default=7,
    )
    first = blocks[0] if blocks else None
    return NotesPart(
        ParsedNotes(title, tuple(found), tuple(ignored), section_notes),
        references=bool(env.get("references")),
        runs_to_end=runs_to_end,
        open_level=open_level,
        first_heading=(
            (first.start, first.level)
            if first and first.kind == "heading" and not first.nested
            else None
        ),
    )


_TITLE_ROW = re.compile(r"^[ \t]*(?:[-*+][ \t]+)?#{1,6}[ \t]+\S")
"""A line that is a heading, in a list item too (Logseq's `- ## Normalization` block): it
titles what follows, and loses no text."""


def _ending_rule(
    cand: _Candidate, rule_starts: list[int], stop: int, lines: list[str]
) -> int | None:
    """The line of the rule (`---`, `***`, `___` at the top level) that ends a question's
    answer before `stop`, as a heading would, or None. A rule after the answer's text ends
    it: what follows was run into the card (a reading list, the next note's text). A rule
    right under the question, before any answer, is a slide break (Marp, Obsidian's
    slides: the answer on the next slide) and ends nothing."""
    index = bisect.bisect_left(rule_starts, cand.head_end)
    row = cand.head_end
    answered = cand.inline_answer is not None
    while index < len(rule_starts) and rule_starts[index] < stop:
        rule = rule_starts[index]
        if answered or any(
            lines[r].strip() and not _RULE.match(lines[r]) for r in range(row, rule)
        ):
            return rule
        row, index = rule + 1, index + 1
    return None


def _trailing_text(
    trailing: list[tuple[_Candidate, int, int, int | None]],
    lines: list[str],
    reported: list[tuple[int, int]],
) -> list[Ignored]:
    """Text after a question whose answer ends with its callout, list item, quote or a
    rule, up to the next question or heading: no question's answer, named (it was dropped
    silently, as a paragraph after a list of bold questions was, or run into the answer
    above a rule). Lines another part already names are left out. Adds what it names to
    `reported`."""
    quiet = {row for start, end in reported for row in range(start, end)}
    found: list[Ignored] = []
    for cand, end, whole, rule in trailing:
        texts = [row for row in range(end, whole) if row not in quiet and lines[row].strip()]
        texts = [
            row for row in texts if not (_RULE.match(lines[row]) or _TITLE_ROW.match(lines[row]))
        ]
        if not texts:
            continue
        reported.append((end, whole))
        quiet.update(range(end, whole))
        what = {"callout": "callout question", "item": "list item question"}.get(
            cand.kind, "list item question" if cand.block.item_start is not None else "question"
        )
        whose = {
            "callout question": "which holds its own answer",
            "list item question": "whose answer is its item",
        }.get(what, "whose answer ends with its quote")
        span = f" (lines {texts[0] + 1}-{texts[-1] + 1})" if len(texts) > 1 else ""
        after = (
            f"after the rule (line {rule + 1}) that ends the answer of '{cand.parts.title}' "
            f"(line {cand.block.start + 1}), not imported; delete the rule to keep it in "
            "that answer"
            if rule is not None
            else f"after the {what} '{cand.parts.title}' (line {cand.block.start + 1}), "
            f"{whose}, not imported"
        )
        found.append(Ignored(texts[0] + 1, _snippet(lines[texts[0]]), f"text{span} {after}"))
    return found


def _unanswered_item(cand: _Candidate) -> str:
    """How a report names a list item that would ask, had it an answer: by what makes it
    ask (a `#card` block was "a list item ending in '?'", which it does not)."""
    if cand.block.card:
        return "a list item tagged #card"
    if cand.parts.title.endswith("?"):
        return "a list item ending in '?'"
    if cand.parts.style == "tag":
        return "a list item tagged [E], [M] or [H]"
    return "a list item question"


def _group_labels(blocks: list[_Block], starts: list[int], asking: set[int]) -> list[int]:
    """Rows of one-line list items that ask nothing and hold questions nested under them
    (a Notion toggle "Optimisation" around toggles that ask): they title the questions as
    a heading does, and were named as text not imported."""
    rows: list[int] = []
    for block in blocks:
        if (
            block.kind == "paragraph"
            and block.item_start == block.start
            and block.end - block.start == 1
            and id(block) not in asking
        ):
            inner = bisect.bisect_left(starts, block.end)
            if inner < len(starts) and starts[inner] < block.container_end:
                rows.append(block.start)
    return rows


def _untitled(plain: str) -> str:
    """Why a heading that is only a question's numbering (`number_only`) is no question."""
    number = "number" if any(c.isdigit() for c in plain) else "prefix"
    q = "Q " if plain.lstrip()[:1] in ("Q", "q") else ""
    return f"its {q}{number} has no title"


_COMMENT = re.compile(r"^\s*<!--.*-->\s*$", re.DOTALL)
_SNIPPET = 50
"""Characters of skipped text shown to name it."""


def _snippet(line: str) -> str:
    """A line of skipped text, short enough to name it."""
    text = " ".join(line.split())
    return text if len(text) <= _SNIPPET else text[: _SNIPPET - 1].rstrip() + "…"


def _quiet_rows(
    blocks: list[_Block], lines: list[str], reported: list[tuple[int, int]], first_line: int = 0
) -> set[int]:
    """Rows an introduction's report leaves out: headings, HTML comments, rules, blank
    lines and rows some other part already names as not imported."""
    quiet: set[int] = {row for start, end in reported for row in range(start, end)}
    for block in blocks:
        if block.kind == "heading" or (block.kind == "html" and _COMMENT.match(block.raw)):
            quiet.update(range(block.start, block.end))
    rows = enumerate(lines[first_line:], first_line)  # not the blank rows before a piece
    quiet.update(row for row, line in rows if not line.strip() or _RULE.match(line))
    return quiet


def _intro(rows: list[int], lines: list[str], where: str) -> Ignored:
    """The report of an introduction's text rows (not empty): its first line, its span."""
    span = f" (lines {rows[0] + 1}-{rows[-1] + 1})" if len(rows) > 1 else ""
    return Ignored(rows[0] + 1, _snippet(lines[rows[0]]), f"text{span} {where}")


def _section_intros(sections: list[_Candidate], quiet: set[int], lines: list[str]) -> list[Ignored]:
    """Text between a section's heading and its first question, which no question takes
    (its answer would not be its own, and a card's answer cannot be made up), listed so that
    it is not lost without a word (`_quiet_rows` are left out)."""
    found: list[Ignored] = []
    for section in sections:
        first = section.section_of[0].block.start
        rows = [row for row in range(section.block.end, first) if row not in quiet]
        if rows:
            title = clean_title(section.block.plain)
            found.append(
                _intro(
                    rows,
                    lines,
                    f"under the section '{title}' (line {section.block.start + 1}) "
                    f"before its first question (line {first + 1}), not imported",
                )
            )
    return found


def _top_intros(
    titles: list[_Block], stops: list[int], quiet: set[int], lines: list[str], top: int = 0
) -> list[Ignored]:
    """Text at the top of the notes, or under a top-level `# title` that is no question
    (`titles`), up to the next question, section or heading (`stops`, sorted): no
    question's answer, named. An introduction under a note's title was dropped without a
    word, where a section's was named (`_section_intros`). The notes' text starts at row
    `top` (a piece of them: the rows before it are blank, and none of its text)."""
    found: list[Ignored] = []
    starts: list[tuple[int, _Block | None]] = [(top, None), *((b.end, b) for b in titles)]
    for start, heading in starts:
        after = _first_after(stops, start - 1)
        end = stops[after] if after is not None else len(lines)
        rows = [row for row in range(start, end) if row not in quiet]
        if not rows:
            continue
        if heading is None:
            where = "at the top of the notes, before any question, in no question's"
        else:
            title = clean_title(heading.plain)
            where = f"under the title '{title}', in no question's"
        found.append(_intro(rows, lines, f"{where} answer, not imported"))
    return found


def _drop_weak(
    candidates: list[_Candidate], blocks: list[_Block], lines: list[str]
) -> list[_Candidate]:
    """Keep a list item that only ends in '?' when an answer comes with it (nested text or
    an answer marker right below it); otherwise it is part of some answer."""
    kept: list[_Candidate] = []
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


def _placed_prompts(
    candidates: list[_Candidate], blocks: list[_Block], heading_end: dict[int, int]
) -> list[_Candidate]:
    """The candidates without the task-worded ones (`_Candidate.imperative`) the notes'
    shape does not make prompts. A toggle (`- Derive the gradient of softmax` over its
    indented answer) or a bold line over its answer asks, as a Notion page of toggles or
    a page of bold prompts is written; the same words inside a question's answer are its
    text: under a question heading, in a question's list item or callout, or a list item
    after a bold or `Q:` question (its answer's bullets). A bold line with nothing but a
    heading, a rule or another question after it asks nothing either."""
    kept: list[_Candidate] = []
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
    cand: _Candidate, blocks: list[_Block], starts: list[int], asking: set[int]
) -> bool:
    """Whether a prompt has its answer: the rest of its paragraph or item (a bold line
    with its answer under it, a toggle's indented body) or a block right after it that is
    no heading, rule, bold line or question."""
    block = cand.block
    if cand.head_end < block.end or cand.kind == "item":
        return True  # the answer is in its paragraph, or (`_drop_weak`) in its item
    after = bisect.bisect_left(starts, block.end)
    if after >= len(blocks):
        return False
    following = blocks[after]
    return not (
        following.kind in ("heading", "hr") or following.whole_bold or following.start in asking
    )


def _in_answer(
    cand: _Candidate, before: _Candidate | None, blocks: list[_Block], starts: list[int]
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


def _is_section(cand: _Candidate, first_inner: _Candidate, lines: list[str]) -> bool:
    """A question-like heading holding questions: a section unless it is a question written
    one level too high (same numbering as the questions inside, with its own answer), or
    one tagged `#card` with text before the first (the tag says it asks)."""
    between = lines[cand.block.end : first_inner.block.start]
    has_text = any(row.strip() for row in between)
    if not has_text:
        return True
    if any(answer_marker(row) is not None or _DETAILS.match(row) for row in between):
        return False
    same_style = first_inner.kind == "heading" and first_inner.parts.style == cand.parts.style
    asks = cand.parts.title.endswith("?") or cand.parts.style == "q" or cand.block.card
    return not (same_style or asks)


# ---------------------------------------------------------------------------
# Parts read apart
# ---------------------------------------------------------------------------

_REFERENCE_LIKE = re.compile(r"^[ \t>*+\-\d.)]*\[[^\]\n]+\]:", re.MULTILINE)
"""A line that may define a link reference (in a list or quote too)."""
_SPLIT_WINDOW = (0.3, 0.7)
"""Where in the text (as fractions of its length) a split line is looked for."""


def cut_notes(text: str) -> tuple[str, str, int, int] | None:
    """The notes cut in two at a heading near their middle: (first part, second part, the
    heading's line, its level), or None. The second part starts with blank lines for the
    first's, so that every line keeps its number.

    The heading starts its line and follows a blank line, outside the fences a line scan
    sees, and among such headings it has the lowest level (a question's or section's
    extent ends at a heading of its level or higher) and then is nearest the middle. This
    is a guess made without parsing: `parts_agree` tells from the two parts' reading
    whether it held (no block runs on over it, no question-like heading above its level
    is open there, no link references). Notes with a line that may define a link
    reference get None: their parts would be refused. Made from the heading's offset (no
    list of the lines)."""
    text = normalize(text.lstrip("\ufeff"))
    cut = _cut(text)
    if cut is None:
        return None
    offset, line, level = cut
    # The line before the heading is blank: the first part ends at its newline.
    return text[: offset - 1], "\n" * line + text[offset:], line, level


def _cut(text: str) -> tuple[int, int, int] | None:
    """(offset, line, level) of `cut_notes`'s heading in a normalized text."""
    low, high = (int(len(text) * f) for f in _SPLIT_WINDOW)
    if "\n\n#" not in text[low:high] or ("]:" in text and _REFERENCE_LIKE.search(text)):
        return None  # no heading to cut at; or link references, which the parts would refuse
    middle = len(text) // 2
    best = min(
        ((level, abs(at - middle), at) for at, level in _cut_headings(text, low, high)),
        default=None,
    )  # the lowest level, then the nearest the middle
    if best is None:
        return None
    return best[2], text.count("\n", 0, best[2]), best[0]


def _cut_headings(text: str, low: int, high: int) -> list[tuple[int, int]]:
    """(offset, level) of each heading a normalized text may be cut at, in order: a `#`
    heading starting a line after a blank line, between offsets `low` and `high`, outside
    the fences a line scan sees (a `# comment` in code is none)."""
    fences: list[tuple[int, bool]] = []  # (offset, inside a fence after it)
    opened: str | None = None
    for at, mark, rest in _fence_lines(text, high):
        if opened is None:
            if not (mark[0] == "`" and "`" in rest):
                opened = mark
                fences.append((at, True))
        elif mark[0] == opened[0] and len(mark) >= len(opened) and not rest.strip():
            opened = None
            fences.append((at, False))
    starts = [offset for offset, _ in fences]
    found: list[tuple[int, int]] = []
    at = text.find("\n\n#", max(low - 2, 0), high) + 2
    while at >= 2:
        level = 1
        while level < 7 and text.startswith("#", at + level):
            level += 1
        if level <= 6 and text[at + level : at + level + 1] in (" ", "\t", "\n"):
            before = bisect.bisect_right(starts, at) - 1
            if not (before >= 0 and fences[before][1]):  # not a comment line in code
                found.append((at, level))
        at = text.find("\n\n#", at, high) + 2
    return found


def _fence_lines(text: str, end: int) -> list[tuple[int, str, str]]:
    """(line start, fence mark, rest of the line) of each line before `end` that starts, after
    at most three spaces, with three or more backticks or tildes; in order. Found with
    `str.find`: a regex anchored at every line start walks the whole text."""
    found: list[tuple[int, str, str]] = []
    for mark in ("```", "~~~"):
        at = text.find(mark, 0, end)
        while at >= 0:
            run_end = at + 3
            while text.startswith(mark[0], run_end):
                run_end += 1
            line_start = text.rfind("\n", 0, at) + 1
            if at - line_start <= 3 and text[line_start:at] == " " * (at - line_start):
                line_end = text.find("\n", run_end)
                rest = text[run_end : line_end if line_end >= 0 else len(text)]
                found.append((line_start, text[at:run_end], rest))
            at = text.find(mark, run_end, end)
    found.sort()
    return found


def parts_agree(first: NotesPart, second: NotesPart, line: int, level: int) -> bool:
    """True when two parts cut at a heading (`cut_notes`) read as the whole file does:
    nothing in the first runs on past its end, no question-like heading of a higher level
    than the split's is open at it (its extent would go on into the second), the second
    starts with that heading, and neither defines link references (the other's inline
    markup could use them)."""
    return (
        not first.runs_to_end
        and not first.references
        and not second.references
        and first.open_level >= level
        and second.first_heading == (line, level)
    )


def merge_parts(*parts: ParsedNotes) -> ParsedNotes:
    """The notes read as agreeing parts, in order, as one: each part's questions numbered
    after those of the parts before it."""
    questions: list[NoteQuestion] = []
    for part in parts:
        offset = len(questions)
        questions.extend(
            replace(q, ordinal=q.ordinal + offset) if offset else q for q in part.questions
        )
    return ParsedNotes(
        next((part.title for part in parts if part.title is not None), None),
        tuple(questions),
        tuple(item for part in parts for item in part.ignored),
        tuple(item for part in parts for item in part.sections),
    )


def _piece_cuts(text: str, start: int, piece_bytes: int) -> list[tuple[int, int, int]]:
    """Where `read_part` cuts a long normalized text, from offset `start` on: (offset,
    line, level) of a heading about every `piece_bytes`, each as `cut_notes` picks one
    (at a line start after a blank line, outside fences; the lowest level in the second
    half of a piece, the latest of those). None for notes with a line that may define a
    link reference: their pieces would be refused."""
    if "]:" in text and _REFERENCE_LIKE.search(text):
        return []
    headings = _cut_headings(text, start, len(text))
    offsets = [offset for offset, _level in headings]
    cuts: list[tuple[int, int, int]] = []
    line, counted_to = text.count("\n", 0, start), start
    at = start
    while len(text) - at > piece_bytes:
        low = bisect.bisect_right(offsets, at + piece_bytes // 2)
        high = bisect.bisect_right(offsets, at + piece_bytes)
        window = headings[low:high] or headings[low : low + 1]
        if not window:
            break
        offset, level = min(window, key=lambda heading: (heading[1], -heading[0]))
        line += text.count("\n", counted_to, offset)
        counted_to = at = offset
        cuts.append((offset, line, level))
    return cuts
