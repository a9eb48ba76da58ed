"""Plain-text notes whose paragraphs open with a question line: what to write instead.

An Apple Notes or a plain text export marks no question: a title, then paragraphs whose
first line asks (`What does Adam keep per weight?`) over their answer's lines. The reader
never guesses a question Markdown does not mark, so such notes give "no questions found";
this names the first such paragraphs and the mark to add, so the refusal says how to fix
them rather than only what the reader expects.
"""

from __future__ import annotations

from quiz.ecosystem.linenames import line_said

__all__ = ["question_paragraphs_hint"]

_NAMED = 2
"""How many such paragraphs the hint names by line; the rest are counted."""
_SNIPPET = 50


def question_paragraphs_hint(text: str) -> str:
    """The end of the "no questions found" line for notes with paragraphs that open with
    a line ending in `?` over lines of answer, or "" when there are none."""
    found: list[tuple[int, str]] = []
    lines = text.split("\n")
    for at, line in enumerate(lines):
        asked = line.strip()
        starts = at == 0 or not lines[at - 1].strip()
        answered = at + 1 < len(lines) and lines[at + 1].strip()
        if starts and answered and asked.endswith("?") and not asked.startswith(("#", ">")):
            found.append((at + 1, asked))
    if not found:
        return ""
    named = ", ".join(f"{line_said(line)} '{_snippet(asked)}'" for line, asked in found[:_NAMED])
    more = f" and {len(found) - _NAMED} more" if len(found) > _NAMED else ""
    return (
        f"; {len(found)} paragraphs open with a question line over their answer ({named}"
        f"{more}), which plain text does not mark as questions: make each question a"
        " heading ('## What is X?') or a 'Q:' line, its answer under it, and import it again"
    )


def _snippet(text: str) -> str:
    return text if len(text) <= _SNIPPET else text[: _SNIPPET - 1] + "…"
