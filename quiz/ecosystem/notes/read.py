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
  question's answer holds it (`placed_prompts`).

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
from typing import Any

from markdown_it.token import Token

from quiz.bank.markdown import normalize, parse_blocks
from quiz.ecosystem.highlights import bold_highlights, plain_highlights
from quiz.ecosystem.idwords import card_tag
from quiz.ecosystem.noteimages import has_html_image, plain_images
from quiz.ecosystem.notes.asking import candidate_of
from quiz.ecosystem.notes.blocks import blocks_of, first_after, heading_ends
from quiz.ecosystem.notes.callouts import boxed, callout_end, callout_view, left_out_callouts
from quiz.ecosystem.notes.candidate import Candidate
from quiz.ecosystem.notes.cut import NotesPart, merge_parts, parts_agree, piece_cuts
from quiz.ecosystem.notes.forms import ruled_questions
from quiz.ecosystem.notes.found import (
    DETAILS,
    LIST_MARK,
    RULE,
    SUMMARY,
    Ignored,
    NoteQuestion,
    ParsedNotes,
    answer_marker,
)
from quiz.ecosystem.notes.placing import drop_weak, is_section, placed_prompts, section_topic
from quiz.ecosystem.notes.skips import (
    SNIPPET_CHARS,
    group_labels,
    named_images,
    quiet_rows,
    section_intros,
    top_intros,
    trailing_text,
    unanswered_item,
    untitled,
)
from quiz.ecosystem.titles import (
    clean_title,
    number_only,
    split_title,
)
from quiz.ecosystem.wikilinks import plain_links
from quiz.plural import counted, plural


def _trim(rows: list[str]) -> str:
    """Lines joined, without blank lines and rules (`---`) at either end."""
    while rows and (not rows[0].strip() or RULE.match(rows[0])):
        rows = rows[1:]
    while rows and (not rows[-1].strip() or RULE.match(rows[-1])):
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


_SOURCE_PROPERTY = re.compile(
    r"^[ \t]*(?:[-*+][ \t]+)?(?:source|sources|reference|ref):: (?P<cite>.*\S)[ \t]*$",
    re.MULTILINE | re.IGNORECASE,
)
"""A `source:: Goodfellow 7.12` property under an answer: the card's `source`, where it
was left out as metadata and the citation lost."""
_PROPERTY = re.compile(r"^[ \t]*(?:[-*+][ \t]+)?[A-Za-z][\w-]*:: .*$", re.MULTILINE)
"""A Logseq block property (`id:: 64f1...`, `collapsed:: true`): metadata, not text. Under
a question's first line it made the question's paragraph end without '?' (the question and
its answer dropped without a word); as an item it was a key point."""


def _was_title(cand: Candidate) -> str | None:
    """The candidate's title as the forty-second round read it, as its title is read
    (`NoteQuestion.was_title`), or None when that is its title."""
    if cand.was_title is None:
        return None
    return plain_highlights(plain_links(cand.was_title, []))


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
        if rest is None and DETAILS.match(raw):
            body = SUMMARY.sub("", raw[DETAILS.match(raw).end() :])  # type: ignore[union-attr]
            tail = rows[index + 1 :]
            joined = "\n".join([body, *tail])
            if "<summary" in joined.lower() and "</summary" in joined.lower():
                joined = SUMMARY.sub("", joined, count=1)
                return rows[:index], joined.split("\n"), True, first_row + index
            return rows[:index], [body, *tail], True, first_row + index
        if rest is not None:
            marker = LIST_MARK.match(raw)
            body_rows = rows[index + 1 :]
            if marker is not None:
                body_rows = _dedent(body_rows)
            return rows[:index], [rest, *body_rows], True, first_row + index
    return [], rows, False, first_row


def parse_notes(text: str) -> ParsedNotes:
    """Questions and answers of a notes file, plus what gave no question and why."""
    return read_part(text).parsed


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
    shown = shown if len(shown) <= SNIPPET_CHARS else shown[: SNIPPET_CHARS - 1] + "…"
    return Ignored(first + 1, shown, f"{reason}; close it with a '{token.markup}' line")


def read_part(text: str, *, piece_bytes: int = PIECE_BYTES) -> NotesPart:
    """`parse_notes` of a text, with the facts `cut_notes`'s parts are checked by.

    Notes longer than twice `piece_bytes` are read in pieces of about that size, cut at
    headings (`piece_cuts`), each alone, when every two neighbours agree (`parts_agree`)
    as `cut_notes`'s two parts must: then only one piece's block tokens (about twenty
    times its text) are alive at a time, where the whole file's were. When two do not
    agree the notes are read whole, so the reading is always the whole file's."""
    text = normalize(text.lstrip("\ufeff"))
    padding = _BLANK_LINES.match(text).end()  # type: ignore[union-attr]  # `cut_notes`'s
    first_line = text.count("\n", 0, padding)
    cuts = piece_cuts(text, padding, piece_bytes) if len(text) > 2 * piece_bytes else []
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
    cited_at: dict[int, str] = {}  # rows of `source:: ...` properties: a card's source
    if ":: " in text:
        cited_at = {
            first_line + text.count("\n", 0, m.start()): " ".join(m["cite"].split())
            for m in _SOURCE_PROPERTY.finditer(text)
        }
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
    blocks = blocks_of(tokens, count, env, card_rows)  # takes the tokens: freed as they are read
    all_headings = [b for b in blocks if b.kind == "heading"]
    # Only a heading at the top level ends an answer or a section: one in a list item or
    # a quote (`2. # Normalize it`) is part of the text it is in, and reaches its end.
    headings = [h for h in all_headings if not h.nested]
    heading_starts = [h.start for h in headings]
    code_rows = {
        row for b in blocks if b.kind in ("fence", "code") for row in range(b.start, b.end)
    }
    heading_end = heading_ends(headings, count)
    heading_end.update((h.start, h.container_end) for h in all_headings if h.nested)
    title = next(
        (clean_title(b.plain) for b in headings if b.level == 1 and not split_title(b.plain).style),
        None,
    )
    candidates = [c for b in blocks if (c := candidate_of(b, lines)) is not None]
    candidates = ruled_questions(blocks, candidates)  # `Front?`, `---`, its back (Mochi)
    all_candidates = [c for c in candidates if not c.imperative]
    candidates = drop_weak(candidates, blocks, lines)
    if any(c.imperative for c in candidates):  # some set a task: kept where they ask
        candidates = placed_prompts(candidates, blocks, heading_end)
    candidate_starts = [c.block.start for c in candidates]

    # A heading is a section when its extent holds other questions.
    sections: list[Candidate] = []
    questions: list[Candidate] = []
    topic_of: dict[int, tuple[int, str]] = {}
    for position, cand in enumerate(candidates):
        if cand.kind != "heading":
            questions.append(cand)
            continue
        end = heading_end[cand.block.start]
        last = bisect.bisect_left(candidate_starts, end)
        inner = candidates[position + 1 : last]
        if inner and is_section(cand, inner[0], lines):
            cand.section_of = inner
            sections.append(cand)
            topic = section_topic(cand.parts)
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
    view = callout_view(lines, callouts, asked) if callouts else lines
    embeds_at: dict[int, list[str]] = {}  # rows' embeds (`![[plot.png]]`), left out
    if "[[" in text:
        view = view if callouts else list(lines)
        for row, line in enumerate(view[first_line:], first_line):  # not the blank rows before
            if "[[" in line and row not in code_rows:
                view[row] = _no_bare_mark(plain_links(line, embeds_at.setdefault(row, [])))
    if "![" in text or has_html_image(text):  # images of files beside the notes (Logseq's)
        view = list(view) if view is lines else view
        for row, line in enumerate(view[first_line:], first_line):
            if ("![" in line or has_html_image(line)) and row not in code_rows:
                view[row] = _no_bare_mark(plain_images(line, embeds_at.setdefault(row, [])))
    if "==" in text:  # Obsidian's `==highlights==`: bold, as the card reader shows emphasis
        view = list(view) if view is lines else view
        for row, line in enumerate(view[first_line:], first_line):
            if "==" in line and row not in code_rows:
                view[row] = bold_highlights(line)
    trailing: list[tuple[Candidate, int, int, int | None]] = []  # what follows answers
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
            after = first_after(others, block.start)
            if after is not None:
                stop = min(stop, others[after])
        whole = stop
        if cand.kind == "callout":
            stop = callout_end(cand, stop, lines, callout_starts)
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
            marker = boxed(cand, lines)  # the box holds the answer: no marker is needed
        if block.card and block.item_start is not None and stop <= block.container_end:
            marker = True  # a Logseq `#card` block: its child blocks are its answer
        if not marker and RULE.match(next((r for r in answer_rows if r.strip()), "")):
            marker = True  # a rule under it parts front from back (Mochi's, a slide's)
        inline_embeds: list[str] = []
        if cand.inline_answer is not None:
            # `- Q: ... **A:** the [[chain rule]]`, a RemNote `Front >> [[Back]]`, `- **Why?**
            # ==It ...==`: its line is the question's, whose links, images and highlights
            # the rows' reading above passes over
            said = plain_links(cand.inline_answer, inline_embeds)
            if "![" in said or has_html_image(said):
                said = plain_images(said, inline_embeds)
            said = bold_highlights(said)
            answer_rows, marker, answer_row = [said, *rows], True, block.start
            prompt_rows = []
        subquestions = 0
        if block.item_start is not None:
            subquestions = bisect.bisect_left(starts, block.container_end) - position - 1
        while groups and groups[-1][1] <= block.start:
            groups.pop()
        context = groups[-1][2] if groups and groups[-1][0] < block.start else ""
        embeds = [e for row in range(cand.head_end, stop) for e in embeds_at.get(row, ())]
        embeds = [*inline_embeds, *embeds]
        question = NoteQuestion(
            ordinal=len(found) + 1,
            number=cand.parts.number,
            title=plain_highlights(plain_links(cand.parts.title, embeds)),
            prompt="\n\n".join(part for part in (cand.body.strip(), _trim(prompt_rows)) if part),
            was_title=_was_title(cand),
            answer=_trim(answer_rows),
            line=block.start + 1,
            marker=marker,
            answer_line=answer_row + 1,
            section=topic_of.get(block.start, (0, None))[1],
            subquestions=max(subquestions, 0),
            context=context,
            embeds=tuple(embeds),
            tags=_card_tags(cand.parts.tags),
            cited="; ".join(cited_at[r] for r in sorted(cited_at) if cand.head_end <= r < stop),
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
            after = first_after(others, part.start)
            if after is not None:
                end = min(end, others[after])
        if any(row.strip() for row in lines[part.end : end]):
            reported.append((part.start, end))
            if part.kind != "heading":
                what = "a bold line without '?'"
            elif number_only(part.plain):  # `## Q5: ---`: numbered, and nothing to ask
                what = untitled(part.plain)
            else:
                what = "no Q number, no number, no '?', no asking verb such as 'Explain'"
            said = f"not a question ({what}), its text was not imported"
            asks = _plain_question_row(lines, part.end, end, code_rows)
            if asks is not None:  # `## Parameters` over `How many ...?` and its answer
                said += (
                    f"; line {asks + 1} ends in '?' but a plain line asks nothing: make it a"
                    " heading ('## ...?'), bold ('**...?**') or a 'Q:' line to import it"
                )
            ignored.append(Ignored(part.start + 1, clean_title(part.plain), said))
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
                f"{unanswered_item(cand)} with no answer in it or right below it",
            )
        )
    # a toggle that only titles the questions nested in it is quiet, as a heading is
    reported.extend((row, row + 1) for row in group_labels(blocks, starts, candidate_blocks))
    ignored.extend(trailing_text(trailing, lines, reported))
    if callouts:
        ignored.extend(left_out_callouts(callouts, asked, extents, reported))
    quiet = quiet_rows(blocks, lines, reported, first_line)
    ignored.extend(section_intros(sections, quiet, lines))
    stops = sorted({*starts, *section_starts, *heading_starts})
    asking = {*starts, *section_starts}
    titles = [h for h in headings if h.level == 1 and h.start not in asking]
    ignored.extend(top_intros(titles, stops, quiet, lines, first_line))
    if unclosed is not None:
        ignored.append(unclosed)
    ignored = named_images(ignored, lines)  # `- ![](x.png)`: an image, not text
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


def _card_tags(written: tuple[str, ...]) -> tuple[str, ...]:
    """The card tags of the tags ending a question's title (`#ml/deep` -> `ml-deep`), each
    once: Obsidian tags a heading so, and they were words of its title."""
    return tuple(dict.fromkeys(tag for word in written if (tag := card_tag(word))))


def _ending_rule(
    cand: Candidate, rule_starts: list[int], stop: int, lines: list[str]
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
        if answered or any(lines[r].strip() and not RULE.match(lines[r]) for r in range(row, rule)):
            return rule
        row, index = rule + 1, index + 1
    return None


def _plain_question_row(lines: list[str], start: int, end: int, code: set[int]) -> int | None:
    """The first row in `start:end`, outside code, of plain text ending in `?` with text
    after it: a question the notes meant to ask, written as prose."""
    for row in range(start, end):
        text = lines[row].strip()
        if row in code or not text.endswith("?") or text.startswith(_NOT_PLAIN):
            continue
        if any(lines[r].strip() for r in range(row + 1, end)):
            return row
    return None


_NOT_PLAIN = ("#", ">", "|", "-", "*", "+", "<", "`", "~")
"""Starts of a line that is no plain paragraph's: a heading, quote, table, item, HTML, code."""

_BARE_MARK = re.compile(r"[ \t>]*(?:[-*+]|\d{1,9}[.)])[ \t]*\r?")
"""A line left with nothing but its list mark."""


def _no_bare_mark(line: str) -> str:
    """The line, or nothing when an embed or image was all its list item held: the card
    showed an empty bullet where `- ![[plot.png]]` was."""
    return "" if _BARE_MARK.fullmatch(line) else line
