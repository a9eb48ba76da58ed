"""Lint warnings: an answer or explanation too long to read in about a minute, a question
longer than one asked in a breath, or an answer of code alone, with no words.

A card comes up in review again and again, so its `## Answer` (`## Explanation`) is read
every time: the bundled bank keeps each to `MAX_ANSWER_WORDS` (a test holds it there), and
lint tells an author's pack the same, as a warning (a limit of how a pack teaches, not a
broken card), at the section's heading. Derivations and asides belong in a card or a drill
of their own.

A concept card's `## Answer` (a choice or numeric card's `## Explanation`) that is a code
block and nothing else, not even a comment in it, shows the code but never says what it does or why: the words are
what a reader recalls and an interviewer asks for (`answer-only-code`, at the section's
heading). A coding card's explanation follows a drill whose task said it all, so its code
alone passes.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

from quiz.bank.markdown import code_blocks
from quiz.bank.models import Card
from quiz.bank.open_fence import first_sentence_inside, unclosed_fence
from quiz.bank.problems import Problem

__all__ = [
    "ANSWER_SECTIONS",
    "MAX_ANSWER_WORDS",
    "MAX_QUESTION_WORDS",
    "code_only_answer_warnings",
    "long_answer_warnings",
    "long_question_warnings",
    "word_count",
]

MAX_ANSWER_WORDS: Final = 400
"""About a minute and a half of reading, formulas included."""

MAX_QUESTION_WORDS: Final = 150
"""A question an interviewer asks in a breath; the bundled bank's longest has 64 words."""

ANSWER_SECTIONS: Final = ("Answer", "Explanation")

# A word has a letter or a digit: table pipes and rules ("|", "---") are layout, not reading.
_WORD_CHARACTER: Final = re.compile(r"[^\W_]")
_COMMENT: Final = re.compile(r"(?:^|\s)(?:#|//)(.*)$", re.MULTILINE)
"""A line comment in code (Python's `#`, C's and JavaScript's `//`): the text after it."""


def word_count(text: str) -> int:
    """Words a reader reads in `text`; a formula such as $O(T^2 d)$ counts as its pieces.
    Each run between spaces is tested once: a pattern for a whole word (`\\S*[^\\W_]\\S*`)
    backtracked over a long run without one (`[[[...`), minutes for a card's 100 KB."""
    return sum(1 for run in text.split() if _WORD_CHARACTER.search(run))


def long_answer_warnings(cards: Sequence[Card]) -> list[Problem]:
    """An `answer-too-long` warning at each answer or explanation over `MAX_ANSWER_WORDS`."""
    return [
        Problem(
            card.path,
            section.line,
            1,
            "answer-too-long",
            f"## {name} has {count} words, read at every review: keep it to "
            f"{MAX_ANSWER_WORDS} (about a minute) and move derivations and asides to a "
            "card or drill of their own",
            severity="warning",
        )
        for card in cards
        for name, section in card.sections.items()
        if name in ANSWER_SECTIONS and (count := word_count(section.text)) > MAX_ANSWER_WORDS
    ]


def long_question_warnings(cards: Sequence[Card]) -> list[Problem]:
    """A `question-too-long` warning at each `## Question` over `MAX_QUESTION_WORDS`: a
    question is asked, and recalled, in a breath; a page of setting is a worked example
    read at every review (a drill's `## Task` is a specification: not held to it)."""
    return [
        Problem(
            card.path,
            section.line,
            1,
            "question-too-long",
            f"## Question has {count} words, read at every review: keep it to "
            f"{MAX_QUESTION_WORDS} (what an interviewer asks in a breath) and move the setting "
            "into the answer, or split the card",
            severity="warning",
        )
        for card in cards
        if (section := card.sections.get("Question")) is not None
        and (count := word_count(section.text)) > MAX_QUESTION_WORDS
    ]


def code_only_answer_warnings(cards: Sequence[Card]) -> list[Problem]:
    """An `answer-only-code` warning at each answer or explanation of a concept, choice or
    numeric card that holds a code block and not one word outside it."""
    problems: list[Problem] = []
    for card in cards:
        if card.kind == "coding":
            continue
        for name, section in card.sections.items():
            if name in ANSWER_SECTIONS and _code_alone(section.text):
                problems.append(
                    Problem(
                        card.path,
                        section.line,
                        1,
                        "answer-only-code",
                        f"## {name} is a code block with no words (nor a comment in it): say in a sentence or "
                        "two what the code does and why, before or after it (the words are "
                        "what a reader recalls and an interviewer asks for)",
                        severity="warning",
                    )
                )
    return problems


def _code_alone(text: str) -> bool:
    """True when `text` has a fenced code block and no word outside its code blocks, nor in
    a comment inside one (`# every parameter moves`: a comment says what the code does, and
    `drillbit import` takes it as the card's key point). An indented block is left to the
    `indented-code` warning: one cause, one problem. A block never closed that holds the words
    written after it is `open-fence`'s."""
    fence = unclosed_fence(text)
    if fence is not None and first_sentence_inside(text, fence) is not None:
        return False
    blocks = code_blocks(text)  # none, at once, where no fence or indent can be
    if not blocks or any(not b.fenced for b in blocks):
        return False  # an indented block is a paragraph meant as words: `indented-code`'s
    if any(word_count(" ".join(_COMMENT.findall(b.code))) for b in blocks):
        return False
    lines = text.splitlines()
    for block in blocks:  # 1-based lines, from the fence to just past its end
        lines[block.first_line - 1 : block.end_line - 1] = [""] * (
            block.end_line - block.first_line
        )
    return word_count("\n".join(lines)) == 0
