"""Display formulas written inline at the end of the sentence that introduces them.

"The gradient is:" over `$$...$$` and one more sentence is a derivation's usual note: the
formula keeps the answer long to lint (three key points) while its words make two, and
the note was skipped as "too short for 3 key points (found 2)". Inline, the answer is two
sentences and its two points suffice (`cardplan` asks this only then).
"""

from __future__ import annotations

import re

from quiz.bank.markdown import parse
from quiz.ecosystem.keypoints_formulas import formula_text

_INLINE_INTRODUCED = re.compile(r":[ \t]*\n[ \t]*\$\$([^$]+)\$\$(?=[ \t]*(?:\n|$))")
"""A `$$...$$` on the line after one ending in ':' in a paragraph (a Logseq block's)."""
_INLINE_THROUGH = re.compile(r"(?<=[^\s.!?:;])[ \t]*\n[ \t]*\$\$([^$]+)\$\$[ \t]*\n(?=[ \t]*[a-z])")
"""A `$$...$$` on lines of its own inside a sentence: "The gradient is" over it and
"which is zero at the optimum." under it, one paragraph."""


def introduced_inline(answer: str) -> str | None:
    """The answer with each display formula that ends the sentence introducing it written
    inline at that sentence's end, or None when it holds no such formula: a paragraph
    ending in ':' right above it, a Logseq block ending in ':' over a block that is only
    the formula, or a sentence that runs through it ("The gradient is" / `\\[...\\]` /
    "which is zero at the optimum."). "The gradient is:" over `$$...$$` and one more
    sentence, a derivation's usual note, gave two points ("The gradient is: $...$" and
    the sentence) where a display formula asks three; inline, the answer is two
    sentences, as lint reads it, and its two points suffice. The caller uses it only then."""
    tokens = parse(answer)  # its own lines: a caller's tokens may be the card body's
    lines = answer.split("\n")
    joins: list[tuple[int, int, str, str]] = []
    for at, token in enumerate(tokens[:-1]):
        if token.type != "paragraph_close":
            continue
        inline = tokens[at - 1]
        intro = inline.content.rstrip()
        kinds = [t.type for t in tokens[at + 1 : at + 5]]
        formula, rest = None, ""
        after = (
            tokens[at + 3].content.lstrip() if kinds[1:3] == ["paragraph_open", "inline"] else ""
        )
        if kinds[:1] == ["math_block"] and intro.endswith(":"):
            formula = tokens[at + 1]  # with its "where ..." when one follows
            rest = after if after[:1].islower() else ""
        elif kinds == [*_FORMULA_BLOCK] and intro.endswith(":"):
            formula = tokens[at + 3]  # "- The gradient is:" over "- $$...$$"
        elif kinds[:1] == ["math_block"] and after[:1].islower():
            if intro[-1:] not in ".!?;":
                formula, rest = tokens[at + 1], after
        if formula is None or inline.map is None or formula.map is None:
            continue
        flat = formula_text(formula.content)
        if flat and "$" not in flat:
            end = formula.map[1]
            if rest:  # the sentence's rest, up to its paragraph's end, on the same line
                closing = tokens[at + 2].map
                if closing is None:
                    continue
                end, rest = closing[1], " ".join(rest.split())
            joins.append((inline.map[1] - 1, end, flat, rest))
    for last, end, flat, rest in reversed(joins):
        lines[last:end] = [f"{lines[last].rstrip()} ${flat}$" + (f" {rest}" if rest else "")]
    joined = "\n".join(lines)
    if any(token.type in ("fence", "code_block") for token in tokens):
        return joined if joins else None  # a `:` over `$$` in code is code
    joined = _INLINE_INTRODUCED.sub(lambda m: f": ${formula_text(m.group(1))}$", joined)
    joined = _INLINE_THROUGH.sub(lambda m: f" ${formula_text(m.group(1))}$\n", joined)
    return joined if joined != answer else None


_FORMULA_BLOCK = ("list_item_close", "list_item_open", "math_block", "list_item_close")
"""The next Logseq block (a sibling list item) holding only a display formula."""
