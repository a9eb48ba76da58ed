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
top-level rule (`---`) after its text (`ending_rule`).
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

from quiz.bank.markdown import normalize, parse_blocks
from quiz.ecosystem.highlights import bold_highlights, plain_highlights
from quiz.ecosystem.noteimages import has_html_image, plain_images
from quiz.ecosystem.notes.answerrows import dedent_rows, ending_rule, split_answer, trim_rows
from quiz.ecosystem.notes.asking import candidate_of
from quiz.ecosystem.notes.blockprops import card_tags, take_properties
from quiz.ecosystem.notes.blocks import blocks_of, first_after, heading_ends
from quiz.ecosystem.notes.callouts import boxed, callout_end, callout_view, left_out_callouts
from quiz.ecosystem.notes.candidate import Candidate
from quiz.ecosystem.notes.cut import NotesPart, merge_parts, parts_agree, piece_cuts
from quiz.ecosystem.notes.endtags import take_end_tags
from quiz.ecosystem.notes.forms import ruled_questions
from quiz.ecosystem.notes.found import RULE, Ignored, NoteQuestion, ParsedNotes
from quiz.ecosystem.notes.placing import drop_weak, is_section, placed_prompts, section_topic
from quiz.ecosystem.notes.plainview import plain_view
from quiz.ecosystem.notes.runon import RUN_ON, closed_block, unclosed_fence
from quiz.ecosystem.notes.skips import (
    group_labels,
    named_images,
    quiet_rows,
    section_intros,
    top_intros,
    trailing_text,
    unanswered_item,
)
from quiz.ecosystem.notes.unasked import not_questions
from quiz.ecosystem.titles import clean_title, split_title
from quiz.ecosystem.wikilinks import plain_links
from quiz.plural import counted


def _was_title(cand: Candidate) -> str | None:
    """The candidate's title as the forty-second round read it, as its title is read
    (`NoteQuestion.was_title`), or None when that is its title."""
    if cand.was_title is None:
        return None
    return plain_highlights(plain_links(cand.was_title, []))


def _tags_of(
    own: tuple[str, ...], tagged_at: dict[int, tuple[str, ...]], start: int, stop: int
) -> tuple[str, ...]:
    """A question's tags: its title's, then those ending its lines' sentences (`endtags`)."""
    if not tagged_at:
        return own
    found = (tag for row in sorted(tagged_at) if start <= row < stop for tag in tagged_at[row])
    return tuple(dict.fromkeys([*own, *found]))


def parse_notes(text: str) -> ParsedNotes:
    """Questions and answers of a notes file, plus what gave no question and why."""
    return read_part(text).parsed


PIECE_BYTES = 256 * 1024
"""About how much of the notes `read_part` parses at a time (see its docstring)."""


_BLANK_LINES = re.compile(r"\n*")


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


def _read_piece(text: str, first_line: int) -> NotesPart:
    """`read_part` of a normalized text that starts at line `first_line` (0-based) of the
    notes: parsed alone, its lines and tokens placed at their lines in the notes."""
    text, card_rows, cited_at, property_rows = take_properties(text, first_line)
    text, tagged_at = take_end_tags(text, first_line)
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
        if token.type in RUN_ON and token.map[1] >= line_max and not closed_block(token, lines):
            runs_to_end = True
            unclosed = unclosed_fence(token, lines, line_max)
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
    view, embeds_at = plain_view(text, lines, view, first_line, code_rows)  # embeds left out
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
        rule = ending_rule(cand, rule_starts, stop, lines) if rule_starts else None
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
            rows = dedent_rows(rows[:item_rows]) + rows[item_rows:]
        elif cand.head_end < block.end:
            # the question paragraph's next lines (`Q: What is X?` then its answer): their
            # indent means nothing to Markdown there, and kept, four spaces made a code block
            joined = min(block.end, stop) - cand.head_end
            rows = [row.lstrip(" \t") for row in rows[:joined]] + rows[joined:]
        prompt_rows, answer_rows, marker, answer_row = split_answer(rows, cand.head_end, code_rows)
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
            prompt="\n\n".join(
                part for part in (cand.body.strip(), trim_rows(prompt_rows)) if part
            ),
            was_title=_was_title(cand),
            answer=trim_rows(answer_rows),
            line=block.start + 1,
            marker=marker,
            answer_line=answer_row + 1,
            section=topic_of.get(block.start, (0, None))[1],
            subquestions=max(subquestions, 0),
            context=context,
            embeds=tuple(embeds),
            tags=_tags_of(card_tags(cand.parts.tags), tagged_at, block.start, stop),
            cited="; ".join(cited_at[r] for r in sorted(cited_at) if cand.head_end <= r < stop),
        )
        if question.subquestions and not question.answer:
            groups.append((block.start, block.container_end, question.title))
        found.append(question)
    reported: list[tuple[int, int]] = []  # lines the parts below name as not imported
    for extent, unasked in not_questions(
        [*all_headings, *breaks],
        asking=candidate_blocks,
        starts=starts,
        extents=extents,
        heading_end=heading_end,
        heading_starts=heading_starts,
        lines=lines,
        code_rows=code_rows,
    ):
        reported.append(extent)
        ignored.append(unasked)
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
        ParsedNotes(title, tuple(found), tuple(ignored), section_notes, property_rows),
        references=bool(env.get("references")),
        runs_to_end=runs_to_end,
        open_level=open_level,
        first_heading=(
            (first.start, first.level)
            if first and first.kind == "heading" and not first.nested
            else None
        ),
    )
