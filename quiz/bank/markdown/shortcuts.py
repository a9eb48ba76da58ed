"""The inline parser's answer for the commonest lines without running it: plain text,
plain `**bold**` runs, plain `$...$` formulas (`simple_children`); None sends a line
to the parser. tests/bank/test_markdown_shortcuts.py compares them with the parser.
"""

from __future__ import annotations

import re

from markdown_it.common.utils import isMdAsciiPunct, isPunctChar, isWhiteSpace
from markdown_it.token import Token

from quiz.bank.markdown.tokens import new_token

_RULE_STARTS = re.compile(r"[\n$\\`~*_\[!<&]")
"""Every character at which an inline rule of `make_markdown`'s parser can act (line
breaks, math, escapes and `\\(`, code, strikethrough, emphasis, links, images, autolinks
and HTML, entities): a text without any of them parses as one text token."""


def plain_children(content: str) -> list[Token] | None:
    """What the inline parser gives for a text with no character any of its rules acts on
    (one text token; none for an empty text), or None when the text needs the parser."""
    if _RULE_STARTS.search(content):
        return None
    if not content:
        return []
    token = new_token("text", "", 0)
    token.content = content
    return [token]


_NOT_BOLD_ONLY = re.compile(r"[\n$\\`~_\[!<&]")
"""Characters of inline rules other than emphasis with `*` (see `bold_children`)."""


_STAR_RUNS = re.compile(r"\*+")


def _flanking(before: str, after: str) -> tuple[bool, bool]:
    """(left-flanking, right-flanking) of a delimiter run between these two characters (a
    space standing for the start or end of the text): markdown-it's `scanDelims` test."""
    before_punct = isMdAsciiPunct(ord(before)) or isPunctChar(before)
    after_punct = isMdAsciiPunct(ord(after)) or isPunctChar(after)
    before_space = isWhiteSpace(ord(before))
    after_space = isWhiteSpace(ord(after))
    left = not (after_space or (after_punct and not (before_space or before_punct)))
    right = not (before_space or (before_punct and not (after_space or after_punct)))
    return left, right


def bold_children(content: str) -> list[Token] | None:
    """What the inline parser gives for one line of text whose only markup is `**bold**`
    runs that plainly open and close in turn (`**Answer:**`, `**Term:** text`, `**What is
    X?**`: most of the markup in notes and answers), or None when the text needs the parser.

    Each `*` run must be two stars, the odd ones able to open and not close, the even ones
    able to close and not open (markdown-it's flanking rules, `*` may split words): then
    each pair is one strong run, text tokens around them, as emphasis and its pairing give."""
    if "*" not in content or _NOT_BOLD_ONLY.search(content):
        return None
    runs = [match.span() for match in _STAR_RUNS.finditer(content)]
    if len(runs) % 2:
        return None
    children: list[Token] = []
    done = 0
    size = len(content)
    for number, (start, end) in enumerate(runs):
        if end - start != 2:
            return None
        opening = number % 2 == 0
        side = _flanking(content[start - 1] if start else " ", content[end] if end < size else " ")
        if side != ((True, False) if opening else (False, True)):
            return None
        text = new_token("text", "", 0)
        text.content = content[done:start]
        text.level = 0 if opening else 1
        mark = new_token(
            "strong_open" if opening else "strong_close", "strong", 1 if opening else -1
        )
        mark.markup = "**"
        children += (text, mark)
        done = end
    text = new_token("text", "", 0)
    text.content = content[done:]
    children.append(text)
    return children


def _dollar_escaped(text: str, at: int) -> bool:
    """dollarmath's `is_escaped` for the `$` at `at`: an odd run of backslashes before it
    (nothing is before `at == 0`, as `from_the_start` has the rule read it)."""
    backslashes = 0
    back = at - 1
    while back >= 0 and text[back] == "\\":
        backslashes += 1
        back -= 1
    return backslashes % 2 == 1


def math_children(content: str) -> list[Token] | None:
    """What the inline parser gives for one line of plain text with `$...$` formulas in it
    (`the slope $w$ of $y = wx + b$`), or None when the text needs the parser.

    Outside the formulas no inline rule may act (`_RULE_STARTS`); each `$` pair must be
    one the `$` rule takes as it is (its checks of spaces, digits and backslashes around
    the signs, made here the way the plugin makes them), with no `$$` anywhere. The
    tokens are those the rule and its recording wrapper push: a `math_inline` token with
    the formula, markup `$` and the source span, text tokens between."""
    if "$$" in content or "\n" in content:
        return None
    children: list[Token] = []
    size = len(content)
    done = 0
    while True:
        start = content.find("$", done)
        if start < 0:
            break
        if _RULE_STARTS.search(content, done, start):
            return None
        if (
            start + 1 >= size
            or isWhiteSpace(ord(content[start + 1]))
            or (start > 0 and content[start - 1].isdigit())
            or _dollar_escaped(content, start)
        ):
            return None
        end = content.find("$", start + 1)
        if (
            end < 0
            or _dollar_escaped(content, end)
            or isWhiteSpace(ord(content[end - 1]))
            or (end + 1 < size and content[end + 1].isdigit())
        ):
            return None
        if done < start:
            text = new_token("text", "", 0)
            text.content = content[done:start]
            children.append(text)
        math = new_token("math_inline", "math", 0)
        math.content = content[start + 1 : end]
        math.markup = "$"
        math.meta = {"span": (start, end + 1)}
        children.append(math)
        done = end + 1
    if not children or _RULE_STARTS.search(content, done):
        return None
    if done < size:
        text = new_token("text", "", 0)
        text.content = content[done:]
        children.append(text)
    return children


def simple_children(content: str) -> list[Token] | None:
    """`plain_children`, `bold_children` or `math_children`: the inline parser's children
    for a text without markup, with only plain bold runs or only plain `$` formulas, or
    None when the text needs the parser."""
    plain = plain_children(content)
    if plain is not None:
        return plain
    if "$" in content:
        return math_children(content)
    return bold_children(content)
