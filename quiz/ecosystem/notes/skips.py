"""The text of the notes that no question takes, named with its lines and why: text after
an answer that ends with its item, quote or a rule, introductions, list items with no answer.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import replace

from quiz.ecosystem.callouts import BOX_KINDS
from quiz.ecosystem.linenames import line_said, span_said
from quiz.ecosystem.noteimages import image_only, line_images
from quiz.ecosystem.notes.blocks import Block, first_after
from quiz.ecosystem.notes.candidate import Candidate
from quiz.ecosystem.notes.found import RULE, Ignored
from quiz.ecosystem.titles import (
    clean_title,
)

_TITLE_ROW = re.compile(r"^[ \t]*(?:[-*+][ \t]+)?#{1,6}[ \t]+\S")
"""A line that is a heading, in a list item too (Logseq's `- ## Normalization` block): it
titles what follows, and loses no text."""


def trailing_text(
    trailing: list[tuple[Candidate, int, int, int | None]],
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
            row for row in texts if not (RULE.match(lines[row]) or _TITLE_ROW.match(lines[row]))
        ]
        if not texts:
            continue
        reported.append((end, whole))
        quiet.update(range(end, whole))
        what = {"callout": _callout_name(cand), "item": "list item question"}.get(
            cand.kind, "list item question" if cand.block.item_start is not None else "question"
        )
        whose = (
            "which holds its own answer"
            if cand.kind == "callout"
            else {"list item question": "whose answer is its item"}.get(
                what, "whose answer ends with its quote"
            )
        )
        span = f" ({span_said(texts[0] + 1, texts[-1] + 1)})" if len(texts) > 1 else ""
        after = (
            f"after the rule ({line_said(rule + 1)}) that ends the answer of '{cand.parts.title}' "
            f"({line_said(cand.block.start + 1)}), not imported; delete the rule to keep it in "
            "that answer"
            if rule is not None
            else f"after the {what} '{cand.parts.title}' ({line_said(cand.block.start + 1)}), "
            f"{whose}, not imported"
        )
        found.append(
            Ignored(
                texts[0] + 1,
                snippet(lines[texts[0]]),
                f"text{span} {after}",
                None if rule is None else rule + 1,
                texts[-1] + 1 if len(texts) > 1 else None,
            )
        )
    return found


def _callout_name(cand: Candidate) -> str:
    """A callout question named by what it is in the file: `<details>` or `<aside>`
    question for an HTML box read as one (`htmlboxes`), else callout question."""
    kind = cand.block.callout.kind if cand.block.callout is not None else ""
    return f"{BOX_KINDS[kind]} question" if kind in BOX_KINDS else "callout question"


def unanswered_item(cand: Candidate) -> str:
    """How a report names a list item that would ask, had it an answer: by what makes it
    ask (a `#card` block was "a list item ending in '?'", which it does not)."""
    if cand.block.card:
        return "a list item tagged #card"
    if cand.parts.title.endswith("?"):
        return "a list item ending in '?'"
    if cand.parts.style == "tag":
        return "a list item tagged [E], [M] or [H]"
    return "a list item question"


def group_labels(blocks: list[Block], starts: list[int], asking: set[int]) -> list[int]:
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


def untitled(plain: str) -> str:
    """Why a heading that is only a question's numbering (`number_only`) is no question."""
    number = "number" if any(c.isdigit() for c in plain) else "prefix"
    q = "Q " if plain.lstrip()[:1] in ("Q", "q") else ""
    return f"its {q}{number} has no title"


_COMMENT = re.compile(r"^\s*<!--.*-->\s*$", re.DOTALL)


SNIPPET_CHARS = 50
"""Characters of skipped text shown to name it."""


def snippet(line: str) -> str:
    """A line of skipped text, short enough to name it."""
    text = " ".join(line.split())
    return text if len(text) <= SNIPPET_CHARS else text[: SNIPPET_CHARS - 1].rstrip() + "…"


def quiet_rows(
    blocks: list[Block], lines: list[str], reported: list[tuple[int, int]], first_line: int = 0
) -> set[int]:
    """Rows an introduction's report leaves out: headings, HTML comments, rules, blank
    lines and rows some other part already names as not imported."""
    quiet: set[int] = {row for start, end in reported for row in range(start, end)}
    for block in blocks:
        if block.kind == "heading" or (block.kind == "html" and _COMMENT.match(block.raw)):
            quiet.update(range(block.start, block.end))
    rows = enumerate(lines[first_line:], first_line)  # not the blank rows before a piece
    quiet.update(row for row, line in rows if not line.strip() or RULE.match(line))
    return quiet


def _intro(rows: list[int], lines: list[str], where: str) -> Ignored:
    """The report of an introduction's text rows (not empty): its first line, its span."""
    span = f" ({span_said(rows[0] + 1, rows[-1] + 1)})" if len(rows) > 1 else ""
    last = rows[-1] + 1 if len(rows) > 1 else None  # its images are looked for to there
    return Ignored(rows[0] + 1, snippet(lines[rows[0]]), f"text{span} {where}", last=last)


def section_intros(sections: list[Candidate], quiet: set[int], lines: list[str]) -> list[Ignored]:
    """Text between a section's heading and its first question, which no question takes
    (its answer would not be its own, and a card's answer cannot be made up), listed so that
    it is not lost without a word (`quiet_rows` are left out)."""
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
                    f"under the section '{title}' ({line_said(section.block.start + 1)}) "
                    f"before its first question ({line_said(first + 1)}), not imported",
                )
            )
    return found


def top_intros(
    titles: list[Block], stops: list[int], quiet: set[int], lines: list[str], top: int = 0
) -> list[Ignored]:
    """Text at the top of the notes, or under a top-level `# title` that is no question
    (`titles`), up to the next question, section or heading (`stops`, sorted): no
    question's answer, named. An introduction under a note's title was dropped without a
    word, where a section's was named (`section_intros`). The notes' text starts at row
    `top` (a piece of them: the rows before it are blank, and none of its text)."""
    found: list[Ignored] = []
    starts: list[tuple[int, Block | None]] = [(top, None), *((b.end, b) for b in titles)]
    for start, heading in starts:
        after = first_after(stops, start - 1)
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


IMAGE_ONLY = "not imported: drillbit cards are text"
"""How the reason for an image that is all of a skipped text's lines ends (the report
counts it apart from text)."""


def _with_images(reason: str, names: list[str]) -> str:
    """A skipped text's reason naming the images beside its words (`text (lines 3-5, with
    an image: loss.png) under ...`): said to be text only, the image seemed kept, or never
    there. Its words go on being counted as text."""
    if not names:
        return reason
    files = list(dict.fromkeys(names))
    said = f"with {'images' if len(files) > 1 else 'an image'}: {', '.join(files)}"
    if reason.startswith("text ("):
        close = reason.index(")")
        return f"{reason[:close]}, {said}{reason[close:]}"
    return f"text ({said}){reason[len('text') :]}"


def named_images(found: list[Ignored], lines: list[str]) -> list[Ignored]:
    """`found` with each skipped text whose lines are only images (`- ![](x.png)`, `-
    ![[x.png]]`) said to be images: "text ... not imported" sent the user looking for
    words they had written. A card is text; what the image shows is kept in words."""
    named: list[Ignored] = []
    for item in found:
        rows = [row for row in lines[item.line - 1 : item.last or item.line] if row.strip()]
        shown = [image_only(row) for row in rows] if item.reason.startswith("text") else []
        if not shown or not all(shown):
            beside = [name for row in rows for name in line_images(row)] if shown else []
            named.append(replace(item, reason=_with_images(item.reason, beside)))
            continue
        files = ", ".join(dict.fromkeys(name for names in shown for name in names))
        what = "images" if len(files.split(", ")) > 1 else "an image"
        span = f"{span_said(item.line, item.last)}: " if item.last else ""
        said = (
            f"{what} ({span}{files}) in no question's answer, {IMAGE_ONLY}; to keep what"
            f" {'they show' if what == 'images' else 'it shows'}, write it in words in a"
            " question's answer (the file stays in your notes)"
        )
        named.append(replace(item, reason=said))
    return named
