"""How many sentences an answer's prose holds, read with the bank's Markdown reader.

A concept card needs 3-7 key points, except when its answer is short (at most
`SHORT_ANSWER` sentences, no code block, table, display formula or HTML block): then
1-2 points are all the answer holds (issue 14). Lint and the notes importer both ask
this module, so a card the importer writes under that rule is one lint accepts.
"""

from __future__ import annotations

import re

from markdown_it.token import Token

from quiz.bank.markdown import parse
from quiz.plural import counted

SHORT_ANSWER = 2
"""An answer of at most this many sentences may carry 1-2 key points."""
MIN_POINTS = 3
MAX_POINTS = 7
SHORT_MAX_POINTS = 2

_NOT_PROSE = frozenset({"fence", "code_block", "table_open", "math_block", "html_block"})
"""Blocks that make an answer more than a sentence or two, whatever its prose."""
_PLACEHOLDER = frozenset({"code_inline", "math_inline"})
"""Inline spans read as one word (a `.` inside `$0.5$` or `` `np.dot` `` ends nothing)."""
_BREAKS = frozenset({"softbreak", "hardbreak"})
_END = re.compile(r"[.!?]+[\"')\]]*\s+(?=[^\s])")
_WORD = re.compile(r"[A-Za-z0-9]")
_ABBREVIATIONS = frozenset(
    "e.g i.e vs etc cf approx fig figs eq eqs dr mr ms mrs prof resp al ca"
    " ch chap sec sect pp vol eqn thm alg".split()
)
"""Words whose period ends no sentence (a citation's "ESL ch. 7" or "pp. 12-14" among them)."""


def count_sentences(markdown: str, tokens: list[Token] | None = None) -> int | None:
    """Sentences of the text's prose (paragraphs, list items, headings, quotes); None when
    it holds a code block, a table, a display formula or an HTML block. `tokens`: the
    text's full parse, when the caller has it."""
    count = 0
    for token in parse(markdown) if tokens is None else tokens:
        if token.type in _NOT_PROSE:
            return None
        if token.type == "inline":
            text = _prose(token.children or [])
            if text is None:
                return None
            count += _sentences_in(text)
    return count


def is_short_answer(markdown: str, tokens: list[Token] | None = None) -> bool:
    """True for an answer of at most `SHORT_ANSWER` sentences and nothing but prose."""
    count = count_sentences(markdown, tokens)
    return count is not None and count <= SHORT_ANSWER


def _prose(children: list[Token]) -> str | None:
    """An inline token's words (code and math as one word each); None for display math."""
    pieces: list[str] = []
    for child in children:
        if child.type == "math_inline_double":
            return None
        if child.type in ("text", "text_special"):
            pieces.append(child.content)
        elif child.type in _PLACEHOLDER:
            pieces.append("x")
        elif child.type in _BREAKS:
            pieces.append(" ")
    return "".join(pieces)


def _sentences_in(text: str) -> int:
    """Sentences of one block's text: a `.`, `!` or `?` before a space ends one, unless it
    ends an abbreviation ("e.g.") or an initial, or a lowercase word follows it."""
    text = text.strip()
    if not _WORD.search(text):
        return 0
    count = 1
    for match in _END.finditer(text):
        following = text[match.end()]
        if following.islower() or ends_abbreviation(text, match.start()):
            continue
        if _WORD.search(text[match.end() :]):
            count += 1
    return count


def ends_abbreviation(text: str, dot: int) -> bool:
    """True when the period at `dot` ends an abbreviation ("e.g.", "vs.") or a one-letter
    initial; lint's sentence count and the importer's sentence split both ask this."""
    start = dot
    while start > 0 and not text[start - 1].isspace() and text[start - 1] not in "(\"'":
        start -= 1
    word = text[start:dot]
    return text[dot] == "." and (
        word.lower() in _ABBREVIATIONS or (len(word) == 1 and word.isupper())
    )


def key_points_problem(given: int, answer: str | None) -> str | None:
    """Why `given` key points do not suit a card with this Answer section, or None."""
    if MIN_POINTS <= given <= MAX_POINTS:
        return None
    if 1 <= given <= SHORT_MAX_POINTS and answer is not None and is_short_answer(answer):
        return None
    message = key_points_rule(given)
    if 1 <= given <= SHORT_MAX_POINTS and answer is not None:
        count = count_sentences(answer)
        found = (
            "a code block, table, display formula or HTML block"
            if count is None
            else counted(count, "sentence")
        )
        message += f"; this Answer holds {found}"
    return message


def key_points_rule(given: int) -> str:
    """The message for a wrong number of key points: it states both rules."""
    return (
        f"key_points: {given} given; {MIN_POINTS}-{MAX_POINTS} needed "
        f"(1-{SHORT_MAX_POINTS} only when the answer is at most {_WORDS[SHORT_ANSWER]} "
        "sentences)"
    )


_WORDS = {1: "one", 2: "two", 3: "three"}
