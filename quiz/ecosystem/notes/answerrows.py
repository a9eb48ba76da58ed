"""A question's rows of the notes made its answer: trimmed, moved left out of a list item,
parted at the answer marker (`A:`, `**Answer**`, `<details>`), and ended at a rule.
"""

from __future__ import annotations

import bisect
import re

from quiz.ecosystem.notes.candidate import Candidate
from quiz.ecosystem.notes.found import DETAILS, LIST_MARK, RULE, SUMMARY, answer_marker


def trim_rows(rows: list[str]) -> str:
    """Lines joined, without blank lines and rules (`---`) at either end."""
    while rows and (not rows[0].strip() or RULE.match(rows[0])):
        rows = rows[1:]
    while rows and (not rows[-1].strip() or RULE.match(rows[-1])):
        rows = rows[:-1]
    return "\n".join(row.rstrip() for row in rows)


def dedent_rows(rows: list[str]) -> list[str]:
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


def split_answer(
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
                body_rows = dedent_rows(body_rows)
            return rows[:index], [rest, *body_rows], True, first_row + index
    return [], rows, False, first_row


def ending_rule(cand: Candidate, rule_starts: list[int], stop: int, lines: list[str]) -> int | None:
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
