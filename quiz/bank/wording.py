"""Wording lint: what a card's text must not say, because its reader cannot follow it.

Two checks, both lint-only (a card that says such a thing is still shown):

- **Author notes** (`author-note`): a card stands alone. "The seed" (the question list a
  pack was first written from), "correction to the seed" or "Interview connection (Q4)"
  mean something to the author and nothing to a user. Random seeds are a different
  thing: "the seed" in a sentence about random numbers (a generator, `rng`, reproducible
  draws, shuffling) is not reported, and neither is "the same seed".
- **Option positions** (`option-position`): a multiple-choice card's options are shown
  shuffled, so its explanation names an option by its text, never by place ("the first
  option", "option B", "(c)") and never as a bare "Correct:" / "Wrong:" label.

Code (blocks and inline spans) and math are read past: `np.random.seed` is code, and
`(a)` inside a formula is math. Both use the bank's one Markdown reader.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Final

from quiz.bank.markdown import code_blocks, code_spans, normalize, scan_math

__all__ = ["WordingProblem", "author_note_problems", "option_position_problems"]


@dataclass(frozen=True)
class WordingProblem:
    """One problem at a 1-based line and column of the checked text."""

    line: int
    col: int
    message: str


_NOTE_HINT: Final = (
    "the reader never saw the list the card was written from: say what is meant "
    "(e.g. 'a common claim is ...; precisely, ...') and cite it in `source`"
)
_ALWAYS: Final = (
    re.compile(r"\bcorrection to the seed\b", re.IGNORECASE),
    re.compile(r"\binterview connection\s*\(\s*Q\d+[^)\n]*\)?", re.IGNORECASE),
    re.compile(r"\bseed (?:question|list|file|text|notes?)s?\b", re.IGNORECASE),
    re.compile(r"\((?:Day \d+,? )?Q\d+(?:\s*(?:,|and|-|–)\s*Q?\d+)*\)"),
    re.compile(r"\bDay \d+,? Q\d+\b"),
)
"""Author notes in any context: a seed question's number, 'Correction to the seed'."""
_QUESTION_NUMBER: Final = re.compile(r"Q\d")
_THE_SEED: Final = re.compile(r"\b(?:the|this|our) seed(?:'s|’s)?(?![\w-])", re.IGNORECASE)
_RANDOM_WORDS: Final = re.compile(
    r"random|rng|generator|reproduc|replay|shuffl|determinis|draws?\b|sampl|--seed",
    re.IGNORECASE,
)
"""A sentence with one of these is about random numbers: its 'the seed' is a random seed."""
_SENTENCE_END: Final = re.compile(r"[.!?;:](?=\s)|\n\s*\n")

_POSITION_HINT: Final = "options are shown shuffled: name the option by its text, not by its place"
_ORDINAL: Final = (
    r"first|second|third|fourth|fifth|sixth|seventh|eighth|last|next|previous|former|latter"
)
_POSITIONS: Final = (
    re.compile(
        rf"\b(?:{_ORDINAL})\s+(?:two\s+|three\s+)?(?:options?|choices?|statements?|answers?)\b",
        re.IGNORECASE,
    ),
    re.compile(
        r"\b(?:options?|choices?|statements?)\s*(?:[A-H]|[1-8]|\([a-hA-H1-8]\))(?![\w.])",
        re.IGNORECASE,
    ),
    re.compile(r"\banswers?\s+(?:[A-H]|\([a-hA-H]\))(?![\w.])"),
    re.compile(r"(?:^|(?<=\s))\([a-h]\)(?=[\s,.:;]|$)", re.MULTILINE),
    re.compile(r"\b(?:options?|choices?|statements?)\s+(?:above|below)\b", re.IGNORECASE),
    re.compile(
        r"^[ \t]*(?:[-*+]|\d+[.)])[ \t]+(?:\*\*|__)?(?:correct|wrong|incorrect|right|true|false)"
        r"\s*[:.]?\s*(?:\*\*|__)?\s*[:.]",
        re.IGNORECASE | re.MULTILINE,
    ),
)
"""An option named by its place, or a list item that is only a right/wrong label."""
_OTHERS_BY_PLACE: Final = re.compile(
    r"\b(?:all|none|both|either|neither) of the (?:above|below)\b", re.IGNORECASE
)
"""An option that means the others by their place: "none of the above" may be shown first."""


def _masked(text: str) -> str:
    """The text with code and math blanked out (same length, same line breaks)."""
    text = normalize(text)
    chars = list(text)

    def blank(start: int, end: int) -> None:
        for k in range(max(0, start), min(end, len(chars))):
            if chars[k] != "\n":
                chars[k] = " "

    if "`" in text or "~~~" in text or "    " in text or "\t" in text:
        lines = text.split("\n")
        starts = [0]
        for line in lines:
            starts.append(starts[-1] + len(line) + 1)
        for block in code_blocks(text):
            first = block.first_line - 1
            last = min(block.end_line - 1, len(lines))
            blank(starts[first], starts[last])
        for start, end in code_spans(text):
            blank(start, end)
    for span in scan_math(text).spans:
        blank(span.start, span.end)
    return "".join(chars)


def _placer(text: str) -> Callable[[int], tuple[int, int]]:
    """The 1-based (line, column) of an offset of `text`, from its line starts found once
    (counting the lines before each problem took minutes for a card of many)."""
    starts = [0, *(m.end() for m in re.finditer("\n", text))]

    def place(offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(starts, offset)
        return line, offset - starts[line - 1] + 1

    return place


def _random_sentences(text: str) -> Callable[[int], bool]:
    """Whether the sentence around an offset (ends: . ! ? ; : before a space, or a blank
    line) is about random numbers; each sentence found and read once (for each "the seed"
    the text was scanned from its start: minutes for a card that says it thousands of
    times)."""
    ends = [(m.start(), m.end()) for m in _SENTENCE_END.finditer(text)]
    starts = [0, *(end for _, end in ends)]
    said: dict[int, bool] = {}

    def about_random(offset: int) -> bool:
        k = bisect.bisect_right(starts, offset) - 1
        if k not in said:
            stop = ends[k][0] if k < len(ends) else len(text)
            said[k] = _RANDOM_WORDS.search(text, starts[k], stop) is not None
        return said[k]

    return about_random


def author_note_problems(text: str) -> list[WordingProblem]:
    """Places where the text speaks of the seed question list instead of to its reader."""
    if "seed" not in text.lower() and not _QUESTION_NUMBER.search(text):
        return []  # most texts: nothing to look for
    plain = _masked(text)
    found = [m for pattern in _ALWAYS for m in pattern.finditer(plain)]
    seeds = list(_THE_SEED.finditer(plain))
    if seeds:
        about_random = _random_sentences(plain)
        found += [m for m in seeds if not about_random(m.start())]
    place = _placer(plain)
    return [
        WordingProblem(*place(start), f"author's note '{words}': {_NOTE_HINT}")
        for start, words in _first_of_overlaps(found)
    ]


def option_position_problems(text: str, *, choice: bool = False) -> list[WordingProblem]:
    """Places where a choice card's explanation (or, with `choice`, one of its options)
    names options by their place in the file. An option's own text is only checked for
    "all / none of the above": its words are its own ("option 2 of the config")."""
    plain = _masked(text)
    patterns = () if choice else _POSITIONS
    found = [m for pattern in (*patterns, _OTHERS_BY_PLACE) for m in pattern.finditer(plain)]
    place = _placer(plain)
    return [
        WordingProblem(*place(start), f"'{words}': {_POSITION_HINT}")
        for start, words in _first_of_overlaps(found)
    ]


def _first_of_overlaps(matches: list[re.Match[str]]) -> list[tuple[int, str]]:
    """(start, words) of each match in text order, leaving out one that overlaps an earlier
    one ('Interview connection (Q9' and '(Q9)' are one note); leading space is skipped."""
    kept: list[tuple[int, str]] = []
    end = -1
    for match in sorted(matches, key=lambda m: (m.start(), -m.end())):
        if match.start() < end:
            continue
        end = match.end()
        words = match.group()
        lead = len(words) - len(words.lstrip())
        kept.append((match.start() + lead, words.strip().lstrip("-*+").strip()))
    return kept
