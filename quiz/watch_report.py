"""What `drillbit watch` prints for one save: one verdict, wrapped to the terminal.

Unlike `drillbit grade` (the full case table, for scripts and CI), a watch screen says
each thing once: the headline, then either the first failure explained or, on a pass,
the explanation with math as Unicode.
"""

from __future__ import annotations

import textwrap
from typing import TYPE_CHECKING

from quiz.bank.markdown import code_blocks
from quiz.cardtext import section_text
from quiz.verdict_text import HEADLINE, failure_lines, isolation_warnings, outcome, output_tail

if TYPE_CHECKING:
    from engine.verdict import CaseResult, Verdict
    from quiz.bank.models import Card

CLEAR = "\x1b[2J\x1b[H"
"""Clears the terminal and homes the cursor (printed before each save, on a terminal)."""


def _wrap(text: str, width: int, indent: str = "") -> list[str]:
    """Markdown text re-flowed to `width`; code blocks (the bank's reader finds them) and
    indented lines are kept as written."""
    code = {n for block in code_blocks(text) for n in range(block.first_line, block.end_line)}
    lines: list[str] = []
    for number, paragraph in enumerate(text.splitlines() or [""], 1):
        if not paragraph.strip():
            lines.append("")
            continue
        if number in code or paragraph.startswith(("    ", "\t")):  # never re-flowed
            lines.append(indent + paragraph)
            continue
        lines += textwrap.wrap(
            paragraph,
            width=max(20, width),
            initial_indent=indent,
            subsequent_indent=indent,
            break_long_words=False,
            break_on_hyphens=False,
        ) or [indent]
    return lines


def _failure(case: CaseResult, width: int) -> list[str]:
    return [f"First problem: {case.name}", *_wrap("\n".join(failure_lines(case)), width, "  ")]


def watch_report(verdict: Verdict, card: Card, *, stamp: str, file: str, width: int) -> str:
    """The text for one graded save."""
    lines = [f"{stamp} · {file}", "", f"{HEADLINE[verdict.status]}: {outcome(verdict)}"]
    failure = verdict.first_failure
    if failure is not None:
        lines += ["", *_failure(failure, width)]
    elif not verdict.passed and verdict.summary:
        lines += _wrap(verdict.summary, width)
    output = (verdict.stdout + verdict.stderr).rstrip()
    if output:
        lines += ["", "Your output (last lines):"]
        lines += [f"  {line}" for line in output_tail(output, 10)]
    if verdict.passed:
        explanation = section_text(card, "Explanation").strip()
        if explanation:
            lines += ["", "Why it works:", *_wrap(explanation, width)]
    warnings = isolation_warnings(verdict)
    if warnings:
        lines += ["", *warnings]
    lines += ["", f"case seed {verdict.seed} · {verdict.duration_ms:.0f} ms · save to grade again"]
    return "\n".join(lines)
