"""The one Markdown reader: markdown-it-py (CommonMark + tables) with `$` math from dollarmath.

Every part of drillbit that needs the structure of a Markdown text asks this module:
card sections and code blocks (`bank.parse`), math spans and `$` problems (lint and the
terminal's math rendering in `bank.mathtext`), the notes importer, and the Anki export.
Keeping one parser means one answer to "is this `$` math?" and "is this `#` a heading
or a comment in a code block?".

The API:

- `normalize(text)`: the text with `\\r\\n`/`\\r` turned into `\\n` (what the parser sees).
- `parse(text)` / `parse_blocks(text)`: the token stream (full, or block structure only
  with inline tokens left unparsed, which is several times faster); `parse_inline(text)`
  for one line of inline Markdown.
- `headings(text)`, `code_blocks(text)`: headings and fenced/indented code, with lines;
  `section_starts(text)`: the rows and titles of the top-level `## ` headings alone (a
  card's sections), for most texts without running the parser;
  `code_spans(text)`: the offsets of inline code; `escape_offsets(text)`: the backslashes
  that escape punctuation (`\\_`), and `unescape(text)`: the text without them.
- `scan_math(text)`: every math span (`$..$`, `$$..$$`, and with `latex_delimiters=True`
  also `\\(..\\)`/`\\[..\\]`) with its offsets, plus every `$` that opens nothing.
- `make_markdown(...)`: a configured `MarkdownIt` for renderers (the Anki export).

Math rules (pandoc's and dollarmath's): no space just inside `$...$`, no digit right
after the closing `$` or right before the opening one (so "$5 and $10" is not math),
no blank line inside `$$...$$`. A `$` in code, in a link or escaped as `\\$` is text.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Literal

from markdown_it import MarkdownIt
from markdown_it.common.utils import isMdAsciiPunct, isPunctChar, isWhiteSpace
from markdown_it.rules_block import StateBlock
from markdown_it.rules_core import StateCore, text_join
from markdown_it.rules_core import normalize as markdown_normalize
from markdown_it.rules_inline import (
    StateInline,
    autolink,
    backtick,
    escape,
    html_inline,
    image,
    link,
)
from markdown_it.token import Token
from mdit_py_plugins.dollarmath import dollarmath_plugin
from mdit_py_plugins.dollarmath.index import math_inline_dollar

__all__ = [
    "CodeBlock",
    "DollarProblem",
    "Heading",
    "MathScan",
    "MathSpan",
    "code_blocks",
    "code_spans",
    "escape_offsets",
    "unescape",
    "without_offsets",
    "headings",
    "section_starts",
    "inline_children",
    "make_markdown",
    "normalize",
    "parse",
    "parse_blocks",
    "parse_inline",
    "plain_children",
    "bold_children",
    "math_children",
    "simple_children",
    "scan_math",
    "scan_math_in",
]

_MATH_TYPES = frozenset({"math_inline", "math_inline_double", "math_block"})
_DOLLAR_HINT = " (write \\$ for a literal dollar sign)"


def normalize(text: str) -> str:
    """Line endings as `\\n` (what markdown-it does first), so offsets agree with the parser."""
    if "\r" not in text:
        return text
    return text.replace("\r\n", "\n").replace("\r", "\n")


# ---------------------------------------------------------------------------
# Parsers
# ---------------------------------------------------------------------------


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


def _latex_delimited(state: StateInline, silent: bool) -> bool:
    """`\\(..\\)` as inline math and `\\[..\\]` as display math (notes written for MathJax)."""
    src, pos = state.src, state.pos
    opener = src[pos : pos + 2]
    if opener not in ("\\(", "\\["):
        return False
    closer = "\\)" if opener == "\\(" else "\\]"
    end = src.find(closer, pos + 2)
    if end < 0 or not src[pos + 2 : end].strip():
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
    md.inline.ruler.at("math_inline", _recording(math_inline_dollar(False, False, True), "$"))
    md.inline.ruler.at("backticks", _recording(backtick, "`"))
    md.inline.ruler.at("link", _recording(link, "["))
    md.inline.ruler.at("image", _recording(image, "!"))
    md.inline.ruler.at("autolink", _recording(autolink, "<"))
    md.inline.ruler.at("html_inline", _recording(html_inline, "<"))
    md.inline.ruler.at("escape", _recording(escape, "\\"))
    if latex_delimiters:
        md.inline.ruler.before("escape", "latex_math", _latex_delimited)
    return md


_RULE_STARTS = re.compile(r"[\n$\\`~*_\[!<&]")
"""Every character at which an inline rule of `make_markdown`'s parser can act (line
breaks, math, escapes and `\\(`, code, strikethrough, emphasis, links, images, autolinks
and HTML, entities): a text without any of them parses as one text token."""
_KNOWN_INLINE_RULES = frozenset(
    "text newline math_inline latex_math escape backticks strikethrough emphasis link image "
    "autolink html_inline entity".split()
)


def plain_children(content: str) -> list[Token] | None:
    """What the inline parser gives for a text with no character any of its rules acts on
    (one text token; none for an empty text), or None when the text needs the parser."""
    if _RULE_STARTS.search(content):
        return None
    if not content:
        return []
    token = _token("text", "", 0)
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
        text = _token("text", "", 0)
        text.content = content[done:start]
        text.level = 0 if opening else 1
        mark = _token("strong_open" if opening else "strong_close", "strong", 1 if opening else -1)
        mark.markup = "**"
        children += (text, mark)
        done = end
    text = _token("text", "", 0)
    text.content = content[done:]
    children.append(text)
    return children


def _dollar_escaped(text: str, at: int) -> bool:
    """dollarmath's `is_escaped` for the `$` at `at`: an odd run of backslashes before it
    (the run read as the plugin reads it, which for `at == 0` looks at the last character)."""
    backslashes = 0
    back = at
    while back >= 0:
        back -= 1
        if text[back] == "\\":
            backslashes += 1
        else:
            break
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
            or content[
                start - 1
            ].isdigit()  # for start == 0: the last character, as the rule reads it
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
            text = _token("text", "", 0)
            text.content = content[done:start]
            children.append(text)
        math = _token("math_inline", "math", 0)
        math.content = content[start + 1 : end]
        math.markup = "$"
        math.meta = {"span": (start, end + 1)}
        children.append(math)
        done = end + 1
    if not children or _RULE_STARTS.search(content, done):
        return None
    if done < size:
        text = _token("text", "", 0)
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


def _inline_plain_first(state: StateCore) -> None:
    """The core `inline` rule, with inline tokens of plain text (most answer lines) or plain
    bold runs given their tokens directly (`simple_children`), without the inline parser."""
    _inline_simple_first(state, join=False)


def _inline_then_join(state: StateCore) -> None:
    """`_inline_plain_first`, then markdown-it's `text_join` (the core rule that follows it)
    on the tokens the inline parser made: the children `simple_children` gives have no
    escaped text and no two texts in a row, so joining them changes nothing."""
    _inline_simple_first(state, join=True)


def _inline_simple_first(state: StateCore, *, join: bool) -> None:
    """Each inline token's children: `simple_children` where they do, else the inline
    parser's (then `text_join` on them when `join`)."""
    md = state.md
    for token in state.tokens:
        if token.type != "inline":
            continue
        if token.children is None:
            token.children = []
        plain = simple_children(token.content)
        if plain is not None:
            token.children.extend(plain)
            continue
        md.inline.parse(token.content, md, state.env, token.children)
        if join:
            text_join(StateCore("", md, state.env, [token]))


def _join_block_text(state: StateCore) -> None:
    """`text_join` after a block-only parse: the inline tokens' children are the empty
    lists the block rules gave them, so only a token that has some is joined."""
    for token in state.tokens:
        if token.type == "inline":
            if token.children:
                text_join(StateCore("", state.md, state.env, [token]))
            elif token.children is None:
                token.children = []


_BLOCK_STARTS = {
    "math_block": "$",
    "fence": "`~",
    "blockquote": ">",
    "hr": "*-_",
    "list": "*-+0123456789",
    "reference": "[",
    "html_block": "<",
    "heading": "#",
}
"""The first character (after the indentation) a line must have for each of these block
rules to match it; each rule returns False, having changed nothing, on any other."""


def _table_gate(rule: Callable[..., bool]) -> Callable[..., bool]:
    """The table rule, asked only when the next line starts with `|`, `-` or `:` (a table
    needs a delimiter row under its first line: the rule's own first checks)."""

    def gate(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
        below = start_line + 1
        if below + 1 > end_line:
            return False
        pos = state.bMarks[below] + state.tShift[below]
        if pos >= state.eMarks[below] or state.src[pos] not in "|-:":
            return False
        return rule(state, start_line, end_line, silent)

    return gate


def _code_gate(rule: Callable[..., bool]) -> Callable[..., bool]:
    """The indented-code rule, asked only about a line indented four columns past the block."""

    def gate(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
        if state.sCount[start_line] - state.blkIndent < 4:
            return False
        return rule(state, start_line, end_line, silent)

    return gate


def _lheading_gate(rule: Callable[..., bool]) -> Callable[..., bool]:
    """The setext-heading rule, asked only when a non-empty line follows (an underline is
    looked for below the first line, up to an empty one). Where the rule would give up
    after its code-block check it leaves `parentType` as "paragraph"; so does the gate."""

    def gate(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
        below = start_line + 1
        if below < end_line and not state.isEmpty(below):
            return rule(state, start_line, end_line, silent)
        if not state.is_code_block(start_line):
            state.parentType = "paragraph"
        return False

    return gate


_GATES: dict[str, Callable[[Callable[..., bool]], Callable[..., bool]]] = {
    "table": _table_gate,
    "code": _code_gate,
    "lheading": _lheading_gate,
}
"""Block rules whose first checks look at more than the line's first character."""


_CHAINS = ("", "paragraph", "reference", "blockquote", "list")
"""The block ruler's chains: the main one, and those a paragraph, a reference, a quote and
a list ask (can this line end me?)."""


def _dispatch(rules: list[tuple[Callable[..., bool], str | None]]) -> Callable[..., bool]:
    """One rule standing for a chain of them: it asks, in the chain's order, only those
    rules whose first character (`_BLOCK_STARTS`) the line starts with, and the rules that
    look further. The chain's loop would ask all of them: each of the others returns
    False at once, having changed nothing, so the answer and the state are the same."""
    others = tuple(rule for rule, starts in rules if starts is None)
    characters = {c for _rule, starts in rules if starts is not None for c in starts}
    by_character = {
        c: tuple(rule for rule, starts in rules if starts is None or c in starts)
        for c in characters
    }

    def dispatch(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
        pos = state.bMarks[start_line] + state.tShift[start_line]
        src = state.src
        asked = by_character.get(src[pos], others) if pos < len(src) else others
        for rule in asked:
            if rule(state, start_line, end_line, silent):
                return True
        return False

    return dispatch


def _gate_block_rules(md: MarkdownIt) -> None:
    """Each chain of block rules asked through one `_dispatch` rule.

    The chains are compiled from the rules as they are now; every rule is then disabled
    but `code` (a parse asks whether it is active, to tell indented code), which stays
    behind the main dispatcher and is never reached: the main chain ends with `paragraph`,
    which takes any line. The chain dispatchers come after it in the main chain, unreached
    too, and alone in their own chains."""
    ruler = md.block.ruler
    active = [rule for rule in ruler.__rules__ if rule.enabled]
    names = [rule.name for rule in active]
    for chain in _CHAINS:
        members: list[tuple[Callable[..., bool], str | None]] = []
        for rule in active:
            if chain and chain not in rule.alt:
                continue
            starts = _BLOCK_STARTS.get(rule.name)
            if starts is None and rule.name in _GATES:
                members.append((_GATES[rule.name](rule.fn), None))
            else:
                members.append((rule.fn, starts))
        if chain:
            ruler.push(f"dispatch_{chain}", _dispatch(members), {"alt": [chain]})
        else:
            ruler.before(names[0], "dispatch", _dispatch(members), {"alt": []})
    ruler.disable([name for name in names if name != "code"])


_INLINE_STARTS = {
    "newline": "\n",
    "escape": "\\",
    "latex_math": "\\",
    "backticks": "`",
    "strikethrough": "~",
    "emphasis": "*_",
    "link": "[",
    "image": "!",
    "autolink": "<",
    "html_inline": "<",
    "entity": "&",
    "math_inline": "$",
}
"""The character each inline rule but `text` needs at the position (it returns False at
once, having changed nothing, on any other)."""


def _dispatch_inline_rules(md: MarkdownIt) -> None:
    """The inline rules asked through one rule: `text` first (it takes a run of characters
    no rule acts on), then, in the chain's order, only the rules that act on the character
    at the position. Where `text` stops (at `:`, `-`, `(`... as well as at markup) the
    parser's loop asked every rule, nearly all failing on the first character."""
    ruler = md.inline.ruler
    active = [rule for rule in ruler.__rules__ if rule.enabled]
    if not active or active[0].name != "text":
        return
    text = active[0].fn
    by_character: dict[str, tuple[Callable[[StateInline, bool], bool], ...]] = {}
    for character in {c for rule in active for c in _INLINE_STARTS.get(rule.name, "")}:
        by_character[character] = tuple(
            rule.fn for rule in active if character in _INLINE_STARTS.get(rule.name, "")
        )

    def dispatch(state: StateInline, silent: bool) -> bool:
        if text(state, silent):
            return True
        pos = state.pos
        src = state.src
        for rule in by_character.get(src[pos], ()) if pos < len(src) else ():
            if rule(state, silent):
                return True
        return False

    ruler.before(active[0].name, "dispatch", dispatch)
    ruler.disable([rule.name for rule in active])


def _normalize_when_needed(state: StateCore) -> None:
    """markdown-it's first core rule (line endings as `\\n`, NUL as U+FFFD), run only on
    a text that has a `\\r` or a NUL: it rewrites every newline of any other text to
    itself."""
    if "\r" in state.src or "\0" in state.src:
        markdown_normalize(state)


def _line_marks(src: str) -> tuple[list[int], list[int], list[int], list[int]]:
    """Where each line of `src` begins and ends, its leading spaces and tabs, and their
    width with tabs expanded (markdown-it's `bMarks`, `eMarks`, `tShift`, `sCount`, the
    final entry it adds included): what `StateBlock`'s own loop finds, read with string
    methods a line at a time instead of a Python step per character."""
    lines = src.split("\n")
    if src.endswith("\n") or not lines[-1].strip(" \t"):
        lines.pop()  # nothing after the last line break, or a last line of blanks: no line
    begins: list[int] = []
    position = 0
    for line in lines:
        begins.append(position)
        position += len(line) + 1
    ends = [begin + len(line) for begin, line in zip(begins, lines, strict=True)]
    shifts = [len(line) - len(line.lstrip(" \t")) for line in lines]
    if "\t" in src:
        counts = [_indent_width(line[:shift]) for line, shift in zip(lines, shifts, strict=True)]
    else:
        counts = shifts.copy()
    length = len(src)
    return [*begins, length], [*ends, length], [*shifts, 0], [*counts, 0]


def _indent_width(indent: str) -> int:
    """Columns of a run of spaces and tabs, a tab reaching the next multiple of four."""
    width = 0
    for character in indent:
        width += 4 - width % 4 if character == "\t" else 1
    return width


_NEW_TOKEN = Token.__new__


def new_token(kind: str, tag: str, nesting: int) -> Token:
    """A token as markdown-it makes one (`Token(kind, tag, nesting)`), made quickly: for a
    caller that builds tokens a parse would give (see `_token`)."""
    return _token(kind, tag, nesting)


def _token(kind: str, tag: str, nesting: int) -> Token:
    """`Token(kind, tag, nesting)` with every other field at its default, set directly:
    the dataclass's own `__init__` (default factories, then `__post_init__`) costs twice
    as much, and a parse makes a token for every block opened and closed."""
    token = _NEW_TOKEN(Token)
    token.type = kind
    token.tag = tag
    token.nesting = nesting  # type: ignore[assignment]
    token.attrs = {}
    token.map = None
    token.level = 0
    token.children = None
    token.content = ""
    token.markup = ""
    token.info = ""
    token.meta = {}
    token.block = False
    token.hidden = False
    return token


class _BlockState(StateBlock):
    """markdown-it's block state, made faster where a parse spends on every line and every
    token: its line marks (`_line_marks`) and `push` (`_token`). Everything else is
    `StateBlock`'s; a test compares the two states' attributes and the tokens they give."""

    def __init__(self, src: str, md: MarkdownIt, env: Any, tokens: list[Token]) -> None:
        # StateBlock.__init__ is not called: its marks loop is what this replaces; the
        # attributes it sets are set here with the same values
        self.src = src
        self.md = md
        self.env = env
        self.tokens = tokens
        self.bMarks, self.eMarks, self.tShift, self.sCount = _line_marks(src)
        self.bsCount = [0] * len(self.bMarks)
        self.blkIndent = 0
        self.line = 0
        self.lineMax = len(self.bMarks) - 1
        self.tight = False
        self.ddIndent = -1
        self.listIndent = -1
        self.parentType = "root"
        self.level = 0
        self.result = ""
        self._code_enabled = "code" in md.block.ruler.get_active_rules()

    def push(self, ttype: str, tag: str, nesting: Literal[-1, 0, 1]) -> Token:
        token = _token(ttype, tag, nesting)
        token.block = True
        if nesting < 0:
            self.level -= 1
        token.level = self.level
        if nesting > 0:
            self.level += 1
        self.tokens.append(token)
        return token


def _block_core(state: StateCore) -> None:
    """markdown-it's core `block` rule, parsing with `_BlockState`."""
    if state.inlineMode:
        token = Token("inline", "", 0)
        token.content = state.src
        token.map = [0, 1]
        token.children = []
        state.tokens.append(token)
    elif state.src:
        md = state.md
        block = _BlockState(state.src, md, state.env, state.tokens)
        md.block.tokenize(block, block.line, block.lineMax)


@lru_cache(maxsize=4)
def _parser(latex_delimiters: bool, blocks_only: bool) -> MarkdownIt:
    md = make_markdown(latex_delimiters=latex_delimiters)
    md.core.ruler.at("normalize", _normalize_when_needed)
    md.core.ruler.at("block", _block_core)
    _gate_block_rules(md)
    known = {rule.name for rule in md.inline.ruler.__rules__ if rule.enabled} <= _KNOWN_INLINE_RULES
    core = [rule.name for rule in md.core.ruler.__rules__ if rule.enabled]
    joined_last = core[-2:] == ["inline", "text_join"]  # no core rule between the two
    if blocks_only:
        md.disable("inline")
        if joined_last:
            md.core.ruler.at("text_join", _join_block_text)
    elif known and joined_last:
        md.core.ruler.at("inline", _inline_then_join)
        md.core.ruler.disable("text_join")
    elif known:
        md.core.ruler.at("inline", _inline_plain_first)
    if known:
        _dispatch_inline_rules(md)
    return md


def parse(
    text: str, *, latex_delimiters: bool = False, env: dict[str, Any] | None = None
) -> list[Token]:
    """The full token stream of a normalized text (inline tokens have their children).
    `env`, when given, receives what the parse collected (link `references`)."""
    return _parser(latex_delimiters, False).parse(normalize(text), env)


def parse_inline(text: str, *, latex_delimiters: bool = False) -> list[Token]:
    """One line of inline Markdown (a title, a label) as a single `inline` token: no block
    structure is looked for, so it is cheap."""
    return _parser(latex_delimiters, False).parseInline(normalize(text))


def parse_blocks(text: str, *, env: dict[str, Any] | None = None) -> list[Token]:
    """Block tokens only (inline tokens keep their raw `content`, no children): fast.
    `env` receives the link `references` that `inline_children` needs."""
    return _parser(False, True).parse(normalize(text), env)


def inline_children(
    token: Token, env: dict[str, Any], *, latex_delimiters: bool = False
) -> list[Token]:
    """The children a full `parse` gives an inline token of a `parse_blocks` stream (same
    inline rules, same references, text runs joined), for a caller that needs only some
    blocks' inline markup: parsing inline markup is most of a full parse's cost."""
    plain = simple_children(token.content)
    if plain is not None:
        return plain
    md = _parser(latex_delimiters, False)
    children: list[Token] = []
    md.inline.parse(token.content, md, env, children)
    holder = Token("inline", "", 0, content=token.content, children=children)
    text_join(StateCore("", md, env, [holder]))  # the core rule a full parse runs next
    return holder.children or []


# ---------------------------------------------------------------------------
# Block structure
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Heading:
    """A heading outside code: `## Title` (or a setext heading)."""

    level: int
    title: str
    """The heading's raw inline text (markup such as `**` kept)."""
    line: int
    """1-based line of the heading."""
    nested: bool
    """True inside a list item or block quote."""
    atx: bool
    """True for `#` headings, False for underlined (setext) ones."""


@dataclass(frozen=True)
class CodeBlock:
    """A fenced or indented code block."""

    language: str
    """The fence's first info word, lowercased ('' when none or indented)."""
    code: str
    first_line: int
    """1-based line of the opening fence (of the first code line when indented)."""
    end_line: int
    """1-based line just past the block (past the closing fence)."""
    fenced: bool
    closed: bool
    """False for a fence that runs to the end of the text without its closing line."""


def headings(text: str, tokens: list[Token] | None = None) -> list[Heading]:
    """Every heading outside code, in order. `tokens`: the text's tokens when the caller
    already has them (a full parse holds the same block tokens), so it is not parsed again."""
    found: list[Heading] = []
    if tokens is None:
        tokens = parse_blocks(text)
    for index, token in enumerate(tokens):
        if token.type == "heading_open" and token.map is not None:
            inline = tokens[index + 1]
            found.append(
                Heading(
                    level=int(token.tag[1]),
                    title=inline.content.strip(),
                    line=token.map[0] + 1,
                    nested=token.level > 0,
                    atx=token.markup.startswith("#"),
                )
            )
    return found


_UNSURE_LINE = re.compile(
    r"^(?: {1,3}(?:##(?:[ \t]|$)|`{3}|~{3})|[ \t>*+\-0-9.)]+\$\$|[ \t>*+\-0-9.)]*<)", re.MULTILINE
)
"""Lines after which the top-level `## ` headings are no longer plain to see without the
parser: an indented heading or fence (top level, or inside a list item?), `$$` after
indentation or a container mark (dollarmath's math block does not stop where its list
item does), and anything that may open an HTML block."""


_OPENS_AT_START = re.compile(r"^(?:`{3}|~{3}|\$\$)", re.MULTILINE)
"""A line that may open a fence or a `$$` block at column 0."""


def section_starts(text: str, lines: list[str] | None = None) -> list[tuple[int, str]]:
    """(0-based row, title) of each heading `[h for h in headings(text) if h.level == 2 and
    h.atx and not h.nested]` gives, without parsing when it is plain to see: a card's
    sections are all a load needs, and a block parse is most of a card's cost. `lines`,
    when given, is `text.split("\n")` (the caller's, not split again).

    In a text with no `_UNSURE_LINE`, no `\\r` and no NUL, a top-level `## ` heading is a line
    that starts with `## ` and is not inside a fence or `$$` block opened at column 0: such a
    heading ends any paragraph, list, quote, table or reference before it, and indented code
    ends at any unindented line. Fences are followed as the parser follows them; a `$$` that
    would open a block anywhere but after a blank line, a heading or a closed block, or a
    line that might head a table (the table rule is tried first), sends it to the parser.
    tests/bank/test_markdown_shortcuts.py compares the two on generated and real texts."""
    found = _plain_section_starts(text, lines)
    if found is None:
        return [
            (h.line - 1, h.title) for h in headings(text) if h.level == 2 and h.atx and not h.nested
        ]
    return found


def _plain_section_starts(
    text: str, lines: list[str] | None = None
) -> list[tuple[int, str]] | None:
    """`section_starts` without the parser, or None when the text needs it."""
    if "\r" in text or "\0" in text or _UNSURE_LINE.search(text):
        return None
    if lines is None:
        lines = text.split("\n")
    found: list[tuple[int, str]] = []
    if not _OPENS_AT_START.search(text):  # no fence or $$ block: every `## ` line is one
        for row, line in enumerate(lines):
            if line.startswith("##") and (len(line) == 2 or line[2] in " \t"):
                if _table_head(lines, row):
                    return None
                found.append((row, _atx_title(line)))
        return found
    fresh = True  # a block may start here (the text's start, after a blank line or a block)
    row, count = 0, len(lines)
    while row < count:
        line = lines[row]
        head = line[:1]
        if head == "#" and line.startswith("##") and (len(line) == 2 or line[2] in " \t"):
            if _table_head(lines, row):
                return None
            found.append((row, _atx_title(line)))
            row, fresh = row + 1, True
        elif head in "`~" and head and line.startswith(head * 3):
            mark = len(line) - len(line.lstrip(head))
            if head == "`" and "`" in line[mark:]:  # not a fence: paragraph text
                row, fresh = row + 1, False
                continue
            if _table_head(lines, row):
                return None
            row = _fence_end(lines, row, head, mark)
            fresh = True
        elif head == "$" and line.startswith("$$"):
            if not fresh or _table_head(lines, row):
                return None
            end = _math_block_end(lines, row)
            row, fresh = (row + 1, False) if end is None else (end, True)
        else:
            row, fresh = row + 1, not line.strip(" \t")
    return found


def _table_head(lines: list[str], row: int) -> bool:
    """True when the table rule, which markdown-it tries before any other, might take this
    line as a table's head: it has a `|` and the next line starts like a delimiter row."""
    below = lines[row + 1].lstrip(" \t")[:1] if row + 1 < len(lines) else ""
    return "|" in lines[row] and below in ("|", "-", ":")


def _atx_title(line: str) -> str:
    """The title markdown-it's heading rule reads from a `## ` line (closing #s dropped)."""
    end = len(line)
    while end > 2 and line[end - 1] in " \t":
        end -= 1
    cut = end
    while cut > 2 and line[cut - 1] == "#":
        cut -= 1
    if cut > 2 and line[cut - 1] in " \t":
        end = cut
    return line[2:end].strip()


def _columns(line: str) -> tuple[int, int]:
    """(characters, columns) of the line's leading spaces and tabs, tabs to the next stop of 4."""
    chars = len(line) - len(line.lstrip(" \t"))
    return chars, _indent_width(line[:chars])


def _fence_end(lines: list[str], row: int, mark: str, length: int) -> int:
    """The row after the fence opened at `row` (markdown-it's fence rule, at top level)."""
    for below in range(row + 1, len(lines)):
        line = lines[below]
        chars, columns = _columns(line)
        if columns >= 4 or not line.startswith(mark, chars):
            continue
        run = len(line) - chars - len(line[chars:].lstrip(mark))
        if run >= length and not line[chars + run :].strip(" \t"):
            return below + 1
    return len(lines)


def _math_block_end(lines: list[str], row: int) -> int | None:
    """The row after the `$$` block opened at column 0 of `row`, or None when dollarmath's
    block rule does not take it (then it is paragraph text)."""
    first = lines[row].strip()
    if len(first) > 3:
        if first.endswith("$$"):
            return row + 1
        if "$$" in lines[row][2:]:
            return None
    for below in range(row + 1, len(lines)):
        stripped = lines[below].strip()
        if stripped.endswith("$$"):
            return below + 1
        if stripped == "":
            return None
    return None


def _fence_closed(token: Token, lines: list[str]) -> bool:
    """True when the fence's last line is a closing fence (markdown-it runs an unclosed one
    to the end of its container)."""
    assert token.map is not None
    if token.type != "fence" or token.map[1] - token.map[0] < 2:
        return token.type != "fence"
    last = lines[token.map[1] - 1].strip(" \t>") if token.map[1] - 1 < len(lines) else ""
    mark = token.markup[0]
    return len(last) >= len(token.markup) and last == mark * len(last)


def code_blocks(text: str) -> list[CodeBlock]:
    """Every fenced and indented code block, in order."""
    if "```" not in text and "~~~" not in text and "    " not in text and "\t" not in text:
        return []  # no fence and no indentation of four columns: no code block can be there
    blocks: list[CodeBlock] = []
    lines = normalize(text).split("\n")
    for token in parse_blocks(text):
        if token.type in ("fence", "code_block") and token.map is not None:
            language = token.info.strip().split(" ", 1)[0].lower() if token.info else ""
            blocks.append(
                CodeBlock(
                    language=language,
                    code=token.content,
                    first_line=token.map[0] + 1,
                    end_line=token.map[1] + 1,
                    fenced=token.type == "fence",
                    closed=_fence_closed(token, lines),
                )
            )
    return blocks


# ---------------------------------------------------------------------------
# Math
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class MathSpan:
    """One formula: offsets of the whole span (delimiters included) and of its LaTeX."""

    start: int
    end: int
    content_start: int
    content_end: int
    display: bool
    """True for `$$..$$` and `\\[..\\]` (shown on its own line)."""
    delimiter: str
    """The opening delimiter: `$`, `$$`, `\\(` or `\\[`."""
    latex: str
    """The formula; for a block in a quote or list, without the container's prefixes."""


@dataclass(frozen=True)
class DollarProblem:
    """A `$` that opens no math, at an offset of the normalized text."""

    offset: int
    message: str


@dataclass(frozen=True)
class MathScan:
    """The formulas of a text and the `$` signs that pair with nothing."""

    spans: tuple[MathSpan, ...]
    problems: tuple[DollarProblem, ...]


_EMPTY = MathScan((), ())


class _LineIndex:
    """Line number <-> offset for one text."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.starts = [0]
        position = text.find("\n")
        while position >= 0:
            self.starts.append(position + 1)
            position = text.find("\n", position + 1)

    def line(self, row: int) -> tuple[int, str]:
        """(offset of its first character, its text) for a 0-based line number."""
        start = self.starts[row]
        end = self.starts[row + 1] - 1 if row + 1 < len(self.starts) else len(self.text)
        return start, self.text[start:end]


def _inline_offsets(token: Token, lines: _LineIndex, cursors: dict[int, int]) -> list[int]:
    """Offset in the text of each line of an inline token's content (-1 when not found)."""
    assert token.map is not None
    origins: list[int] = []
    for k, piece in enumerate(token.content.split("\n")):
        row = token.map[0] + k
        if row >= len(lines.starts):
            origins.append(-1)
            continue
        line_start, raw = lines.line(row)
        bare = piece.lstrip(" \t")
        found = raw.find(bare, cursors.get(row, 0)) if bare else -1
        if found < 0:
            origins.append(-1)
            continue
        cursors[row] = found + len(bare)  # table cells of one row are found left to right
        origins.append(line_start + found - (len(piece) - len(bare)))
    return origins


def _locate(content: str, origins: list[int], position: int) -> int:
    """Offset in the text of a position in an inline token's content."""
    starts = [0]
    for piece in content.split("\n")[:-1]:
        starts.append(starts[-1] + len(piece) + 1)
    row = bisect.bisect_right(starts, position) - 1
    origin = origins[row] if row < len(origins) else -1
    return -1 if origin < 0 else origin + position - starts[row]


def _escaped(text: str, position: int) -> bool:
    """True when an odd number of backslashes precede the position."""
    count = 0
    while position - count - 1 >= 0 and text[position - count - 1] == "\\":
        count += 1
    return count % 2 == 1


def _walk_inline(
    token: Token,
    children: list[Token],
    lines: _LineIndex,
    cursors: dict[int, int],
    spans: list[MathSpan],
    problems: list[DollarProblem],
) -> None:
    content = token.content
    origins = _inline_offsets(token, lines, cursors)
    covered: list[tuple[int, int]] = []
    for child in children:
        span = child.meta.get("span") if child.meta else None
        if span is None:
            continue
        start, end = span
        covered.append((start, end))
        if child.type not in _MATH_TYPES:
            continue
        width = len(child.markup)
        source_start = _locate(content, origins, start)
        source_end = _locate(content, origins, end - 1) + 1
        if source_start < 0 or source_end <= 0:
            continue
        spans.append(
            MathSpan(
                start=source_start,
                end=source_end,
                content_start=source_start + width,
                content_end=source_end - width,
                display=child.type == "math_inline_double",
                delimiter=child.markup,
                latex=child.content,
            )
        )
    position = content.find("$")
    while position >= 0:
        step = 1
        inside = any(start <= position < end for start, end in covered)
        if not inside and not _escaped(content, position):
            double = content.startswith("$$", position)
            step = 2 if double else 1
            offset = _locate(content, origins, position)
            after = content[position + 1 : position + 2]
            if double:
                message = "unclosed display math: '$$' has no closing '$$'"
            elif not after or after.isspace():
                message = "stray '$': math must not start with a space" + _DOLLAR_HINT
            else:
                message = "unclosed inline math: '$' has no closing '$'" + _DOLLAR_HINT
            if offset >= 0:
                problems.append(DollarProblem(offset, message))
        position = content.find("$", position + step)


def _block_span(token: Token, lines: _LineIndex) -> MathSpan | None:
    """A `$$` block on its own lines: the first `$$` of its first line to the last of its last."""
    assert token.map is not None
    first_start, first = lines.line(token.map[0])
    last_start, last = lines.line(token.map[1] - 1)
    opening, closing = first.find("$$"), last.rfind("$$")
    if opening < 0 or closing < 0:
        return None
    start, end = first_start + opening, last_start + closing + 2
    if end - start < 4:
        return None
    return MathSpan(start, end, start + 2, end - 2, True, "$$", token.content)


@lru_cache(maxsize=2048)
def scan_math(text: str, *, latex_delimiters: bool = False) -> MathScan:
    """Every formula outside code, and every `$` that pairs with nothing, in text order.

    Offsets refer to `text` as given (`\\r\\n` line endings included). A `$` that opens
    nothing never swallows the text up to a later `$`: "costs $5 and $10" has no formula
    and two problems.
    """
    if "$" not in text and not (latex_delimiters and ("\\(" in text or "\\[" in text)):
        return _EMPTY
    if "\r" in text:
        return _restore_offsets(text, scan_math(normalize(text), latex_delimiters=latex_delimiters))
    return _scan(text, _parser(latex_delimiters, True).parse(text), latex_delimiters)


def scan_math_in(text: str, tokens: list[Token], *, inline_parsed: bool = False) -> MathScan:
    """`scan_math(text)` from the text's block tokens (`parse_blocks(text)`, or a full `parse`),
    so a caller that has parsed the text already does not parse its blocks again.
    `inline_parsed`: the tokens are a full `parse` of the text that found no link
    references, so their inline children are what parsing each inline afresh gives
    (then they are read instead).

    The tokens are only read. The text must have `\\n` line endings (as `normalize` gives).
    """
    if "$" not in text:
        return _EMPTY
    if "\r" in text:
        raise ValueError("scan_math_in needs a normalized text (no \\r)")
    return _scan(text, tokens, False, inline_parsed)


def _scan(
    text: str, tokens: list[Token], latex_delimiters: bool, inline_parsed: bool = False
) -> MathScan:
    lines = _LineIndex(text)
    cursors: dict[int, int] = {}
    spans: list[MathSpan] = []
    problems: list[DollarProblem] = []
    md = _parser(latex_delimiters, False)
    marks = ("$", "\\(", "\\[") if latex_delimiters else ("$",)
    for token in tokens:
        if token.type == "inline" and token.map is not None:
            if not any(mark in token.content for mark in marks):
                continue  # parsing inline markup is most of the cost: only where math can be
            # parsed afresh with no references (a full parse's children may have used some)
            children: list[Token] = []
            if inline_parsed and token.children is not None:
                children = token.children
            else:
                md.inline.parse(token.content, md, {}, children)
            _walk_inline(token, children, lines, cursors, spans, problems)
        elif token.type == "math_block" and token.map is not None:
            block = _block_span(token, lines)
            if block is not None:
                spans.append(block)
    spans.sort(key=lambda s: s.start)
    problems.sort(key=lambda p: p.offset)
    return MathScan(tuple(spans), tuple(problems))


def _original_offset(original: str) -> Callable[[int], int]:
    """Maps an offset of `normalize(original)` back onto `original`."""
    where: list[int] = []
    index = 0
    while index < len(original):
        where.append(index)
        index += 2 if original.startswith("\r\n", index) else 1
    where.append(len(original))

    def at(offset: int) -> int:
        return where[min(offset, len(where) - 1)]

    return at


def code_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every inline code span (its backticks included), outside code blocks;
    offsets refer to `text` as given."""
    if "`" not in text:
        return []
    normal = normalize(text)
    at = _original_offset(text) if normal is not text else (lambda offset: offset)
    lines = _LineIndex(normal)
    cursors: dict[int, int] = {}
    md = _parser(False, False)
    found: list[tuple[int, int]] = []
    for token in _parser(False, True).parse(normal):
        if token.type != "inline" or token.map is None or "`" not in token.content:
            continue
        token.children = []
        md.inline.parse(token.content, md, {}, token.children)
        origins = _inline_offsets(token, lines, cursors)
        for child in token.children:
            span = child.meta.get("span") if child.meta else None
            if child.type == "code_inline" and span is not None:
                start = _locate(token.content, origins, span[0])
                end = _locate(token.content, origins, span[1] - 1) + 1
                if start >= 0 and end > 0:
                    found.append((at(start), at(end)))
    return found


_ESCAPE_PAIR = re.compile(r"\\[!-/:-@\[-`{-~]")
"""A backslash and an ASCII punctuation character: what an escape needs to be one."""


def escape_offsets(text: str) -> list[int]:
    """Offset of every backslash that escapes an ASCII punctuation character (CommonMark's
    backslash escapes, `\\_` `\\[` `\\$`...), as the parser reads them: one in a code
    span or code block, in math, in an autolink or raw HTML is text, not an escape, and is
    not listed. Offsets refer to `text` as given."""
    if "\\" not in text or not _ESCAPE_PAIR.search(text):
        return []  # no backslash before punctuation (`\\frac` is none): no parse needed
    normal = normalize(text)
    at = _original_offset(text) if normal is not text else (lambda offset: offset)
    lines = _LineIndex(normal)
    cursors: dict[int, int] = {}
    md = _parser(False, False)
    found: list[int] = []
    for token in _parser(False, True).parse(normal):
        if token.type != "inline" or token.map is None:
            continue
        origins = _inline_offsets(token, lines, cursors)  # every inline: cursors of table rows
        if "\\" not in token.content:
            continue
        children: list[Token] = []
        md.inline.parse(token.content, md, {}, children)
        for child in children:  # not an image's alt text: its tokens are read from the alt alone
            span = child.meta.get("span") if child.meta else None
            # an escape of a character that is not ASCII punctuation keeps its backslash
            if child.type == "text_special" and child.info == "escape" and span is not None:
                if child.content != child.markup:
                    offset = _locate(token.content, origins, span[0])
                    if offset >= 0 and normal[offset] == "\\":
                        found.append(at(offset))
    return found


def unescape(text: str) -> str:
    """The text with its Markdown backslash escapes read (`\\_` as `_`), what a reader sees;
    code, math, autolinks and raw HTML keep their backslashes. The rest of the Markdown
    (emphasis, headings, lists) is left as written."""
    offsets = escape_offsets(text)
    return without_offsets(text, offsets) if offsets else text


def without_offsets(
    text: str, offsets: Sequence[int], start: int = 0, end: int | None = None
) -> str:
    """`text[start:end]` without the characters at `offsets` (ascending; those outside the
    range are ignored): a text with its escapes' backslashes taken out."""
    stop = len(text) if end is None else end
    pieces, last = [], start
    for offset in offsets:
        if start <= offset < stop:
            pieces.append(text[last:offset])
            last = offset + 1
    pieces.append(text[last:stop])
    return "".join(pieces)


def _restore_offsets(original: str, scan: MathScan) -> MathScan:
    """A scan of the normalized text with offsets moved back onto the original text."""
    at = _original_offset(original)

    spans = tuple(
        MathSpan(
            at(s.start),
            at(s.end),
            at(s.content_start),
            at(s.content_end),
            s.display,
            s.delimiter,
            s.latex,
        )
        for s in scan.spans
    )
    problems = tuple(DollarProblem(at(p.offset), p.message) for p in scan.problems)
    return MathScan(spans, problems)
