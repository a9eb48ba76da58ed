"""drillbit's Markdown: CommonMark with tables, strikethrough and the `$` math rules
(`make_markdown`), each inline rule noting the source range it read, which is how
offsets are mapped back onto the text; and `normalize`, the line endings the parser sees.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.rules_inline import (
    StateInline,
    autolink,
    backtick,
    escape,
    html_inline,
    image,
    link,
)
from mdit_py_plugins.dollarmath import dollarmath_plugin
from mdit_py_plugins.dollarmath.index import math_inline_dollar


def normalize(text: str) -> str:
    """Line endings as `\\n` (what markdown-it does first), so offsets agree with the parser."""
    if "\r" not in text:
        return text
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _recording(
    rule: Callable[[StateInline, bool], bool], first: str
) -> Callable[[StateInline, bool], bool]:
    """An inline rule that also notes, on the last token it pushed, the source range it read.
    `first`: the character the rule needs at the position (it fails at once on any other,
    so it is not asked: the parser tries every rule at every markup character)."""

    def wrapped(state: StateInline, silent: bool) -> bool:
        if state.src[state.pos] != first:
            return False
        start, pushed = state.pos, len(state.tokens)
        if not rule(state, silent):
            return False
        # a rule may succeed without a token (an unclosed backtick becomes text): then the
        # last token is an earlier one, whose range must stay as it was
        if not silent and len(state.tokens) > pushed:
            state.tokens[-1].meta = {**state.tokens[-1].meta, "span": (start, state.pos)}
        return True

    return wrapped


def from_the_start(
    rule: Callable[[StateInline, bool], bool],
) -> Callable[[StateInline, bool], bool]:
    """dollarmath's `$` rule with nothing before the first character of a text. For a `$`
    at position 0 (or after only backslashes) the rule reads `src[-1]`, the text's last
    character, as one before it: "$x$ is 0" (a digit, so currency) or "$x$ a\\" (a
    backslash, so an escape) had no formula, in any table cell, list item, quote, heading
    or paragraph that starts with `$`. There the rule is given the source with a newline
    added, which is neither; it reads past the end only where the source as it is raises
    IndexError, and it answers a newline there as it answers that error."""

    def wrapped(state: StateInline, silent: bool) -> bool:
        src = state.src
        last = src[-1:]
        if not (last.isdigit() or last == "\\") or src[: state.pos].strip("\\"):
            return rule(state, silent)
        state.src = src + "\n"
        try:
            return rule(state, silent)
        finally:
            state.src = src

    return wrapped


def latex_delimited(state: StateInline, silent: bool) -> bool:
    """`\\(..\\)` as inline math and `\\[..\\]` as display math (notes written for MathJax)."""
    src, pos = state.src, state.pos
    opener = src[pos : pos + 2]
    if opener not in ("\\(", "\\["):
        return False
    closer = "\\)" if opener == "\\(" else "\\]"
    # No closer after one opener is none after any later one: searched once, not once per
    # opener (a paragraph of 100,000 `\\(` took lint minutes).
    unclosed: dict[str, int] = state.__dict__.setdefault("drillbit_unclosed", {})
    if pos + 2 >= unclosed.get(closer, len(src) + 1):
        return False
    end = src.find(closer, pos + 2)
    if end < 0:
        unclosed[closer] = min(pos + 2, unclosed.get(closer, pos + 2))
        return False
    if not src[pos + 2 : end].strip():
        return False
    if not silent:
        token = state.push("math_inline" if opener == "\\(" else "math_inline_double", "math", 0)
        token.content = src[pos + 2 : end]
        token.markup = opener
        token.meta = {"span": (pos, end + 2)}
    state.pos = end + 2
    return True


def make_markdown(
    *,
    html: bool = True,
    latex_delimiters: bool = False,
    renderer: Callable[[str, dict[str, Any]], str] | None = None,
    highlight: Callable[[str, str, Any], str] | None = None,
) -> MarkdownIt:
    """CommonMark with tables, strikethrough and drillbit's `$` math rules.

    Inline math, code spans, links, raw HTML and backslash escapes carry `meta["span"]`:
    the range of the inline source they were read from, which `scan_math`, `code_spans`
    and `escape_offsets` map back to offsets.
    """
    options: dict[str, Any] = {"html": html}
    if highlight is not None:
        options["highlight"] = highlight
    md = MarkdownIt("commonmark", options).enable(["table", "strikethrough"])
    dollarmath_plugin(
        md,
        allow_labels=False,
        allow_space=False,
        allow_digits=False,
        allow_blank_lines=False,
        double_inline=True,
        renderer=renderer,
    )
    md.inline.ruler.at(
        "math_inline", _recording(from_the_start(math_inline_dollar(False, False, True)), "$")
    )
    md.inline.ruler.at("backticks", _recording(backtick, "`"))
    md.inline.ruler.at("link", _recording(link, "["))
    md.inline.ruler.at("image", _recording(image, "!"))
    md.inline.ruler.at("autolink", _recording(autolink, "<"))
    md.inline.ruler.at("html_inline", _recording(html_inline, "<"))
    md.inline.ruler.at("escape", _recording(escape, "\\"))
    if latex_delimiters:
        md.inline.ruler.before("escape", "latex_math", latex_delimited)
    return md
