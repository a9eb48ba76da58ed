"""Display formulas written inline at the end of the sentence that introduces them.

"The gradient is:" over `$$...$$` and one more sentence is a derivation's usual note: the
formula keeps the answer long to lint (three key points) while its words make two, and
the note was skipped as "too short for 3 key points (found 2)". Inline, the answer is two
sentences and its two points suffice (`cardplan` asks this only then).
"""

from __future__ import annotations

import re

from quiz.bank.markdown import parse
from quiz.ecosystem.keypoints import formula_text

_INLINE_INTRODUCED = re.compile(r":[ \t]*\n[ \t]*\$\$([^$]+)\$\$(?=[ \t]*(?:\n|$))")
"""A `$$...$$` on the line after one ending in ':' in a paragraph (a Logseq block's)."""


def introduced_inline(answer: str) -> str | None:
    """The answer with each display formula that ends the sentence introducing it (a
    paragraph ending in ':' right above it) written inline at that sentence's end, or
    None when it holds no such formula. "The gradient is:" over `$$...$$` and one more
    sentence, a derivation's usual note, gave two points ("The gradient is: $...$" and
    the sentence) where a display formula asks three; inline, the answer is two
    sentences, as lint reads it, and its two points suffice. The caller uses it only then."""
    tokens = parse(answer)  # its own lines: a caller's tokens may be the card body's
    lines = answer.split("\n")
    joins: list[tuple[int, int, str]] = []
    for at, token in enumerate(tokens[:-1]):
        after = tokens[at + 1]
        if token.type != "paragraph_close" or after.type != "math_block":
            continue
        inline = tokens[at - 1]
        flat = formula_text(after.content)
        if not inline.content.rstrip().endswith(":") or not flat or "$" in flat:
            continue
        if inline.map is None or after.map is None:
            continue
        joins.append((inline.map[1] - 1, after.map[1], flat))
    for last, end, flat in reversed(joins):
        lines[last:end] = [f"{lines[last].rstrip()} ${flat}$"]
    joined = "\n".join(lines)
    if any(token.type in ("fence", "code_block") for token in tokens):
        return joined if joins else None  # a `:` over `$$` in code is code
    joined = _INLINE_INTRODUCED.sub(lambda m: f": ${formula_text(m.group(1))}$", joined)
    return joined if joined != answer else None
