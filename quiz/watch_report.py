"""What `drillbit watch` prints for one save: one verdict, wrapped to the terminal.

Unlike `drillbit grade` (the full case table, for scripts and CI), a watch screen says
each thing once: the headline, then either the first failure explained or, on a pass,
the explanation with math as Unicode.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from quiz.cardtext import section_text
from quiz.verdict_text import (
    failure_lines,
    headline,
    isolation_lines,
    isolation_warnings,
    not_written,
    not_written_line,
    outcome,
    output_tail,
    seed_and_time,
)
from quiz.wrapping import wrap_markdown

if TYPE_CHECKING:
    from engine.verdict import CaseResult, Verdict
    from quiz.bank.models import Card

CLEAR = "\x1b[2J\x1b[H"
"""Clears the terminal and homes the cursor (printed before each save, on a terminal)."""


def _wrap(text: str, width: int, indent: str = "") -> list[str]:
    """Markdown text folded to `width` (`quiz.wrapping`), as `drillbit show` folds a card."""
    return wrap_markdown(text, width, indent).split("\n")


def _failure(case: CaseResult, width: int) -> list[str]:
    return [f"First problem: {case.name}", *_wrap("\n".join(failure_lines(case)), width, "  ")]


def watch_report(verdict: Verdict, card: Card, *, stamp: str, file: str, width: int) -> str:
    """The text for one graded save."""
    lines = [f"{stamp} · {file}", "", f"{headline(verdict)}: {outcome(verdict)}"]
    failure = verdict.first_failure
    if not_written(verdict):  # the starter as handed out: one line, no "problem"
        lines += ["", *_wrap(not_written_line(verdict), width)]
    elif failure is not None:
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
    lines.append("")
    if verdict.isolation:  # every verdict states its layers, as `grade` ends (SPEC)
        lines += isolation_lines(verdict, width)
    lines.append(f"{seed_and_time(verdict)} · save to grade again")
    return "\n".join(lines)
