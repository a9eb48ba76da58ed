"""The parsers every reader of a card uses (`parse`, `parse_blocks`, `parse_inline`,
`inline_children`), built once per setting from `make_markdown` with the faster block
state, the dispatchers and the inline shortcuts: same tokens, a fraction of the time.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore, text_join
from markdown_it.rules_core import normalize as markdown_normalize
from markdown_it.token import Token

from quiz.bank.markdown.blockstate import block_core
from quiz.bank.markdown.dispatch import dispatch_inline_rules, gate_block_rules
from quiz.bank.markdown.rules import make_markdown, normalize
from quiz.bank.markdown.shortcuts import simple_children

_KNOWN_INLINE_RULES = frozenset(
    "text newline math_inline latex_math escape backticks strikethrough emphasis link image "
    "autolink html_inline entity".split()
)


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


def _normalize_when_needed(state: StateCore) -> None:
    """markdown-it's first core rule (line endings as `\\n`, NUL as U+FFFD), run only on
    a text that has a `\\r` or a NUL: it rewrites every newline of any other text to
    itself."""
    if "\r" in state.src or "\0" in state.src:
        markdown_normalize(state)


@lru_cache(maxsize=4)
def parser_for(latex_delimiters: bool, blocks_only: bool) -> MarkdownIt:
    """The parser for a setting, built once: `make_markdown`'s rules run through the faster
    block state, the dispatchers and, where the inline rules are the known ones, the inline
    shortcuts (same tokens, checked by tests/bank/test_markdown_shortcuts.py)."""
    md = make_markdown(latex_delimiters=latex_delimiters)
    md.core.ruler.at("normalize", _normalize_when_needed)
    md.core.ruler.at("block", block_core)
    gate_block_rules(md)
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
        dispatch_inline_rules(md)
    return md


def parse(
    text: str, *, latex_delimiters: bool = False, env: dict[str, Any] | None = None
) -> list[Token]:
    """The full token stream of a normalized text (inline tokens have their children).
    `env`, when given, receives what the parse collected (link `references`)."""
    return parser_for(latex_delimiters, False).parse(normalize(text), env)


def parse_inline(text: str, *, latex_delimiters: bool = False) -> list[Token]:
    """One line of inline Markdown (a title, a label) as a single `inline` token: no block
    structure is looked for, so it is cheap."""
    return parser_for(latex_delimiters, False).parseInline(normalize(text))


def parse_blocks(text: str, *, env: dict[str, Any] | None = None) -> list[Token]:
    """Block tokens only (inline tokens keep their raw `content`, no children): fast.
    `env` receives the link `references` that `inline_children` needs."""
    return parser_for(False, True).parse(normalize(text), env)


def inline_children(
    token: Token, env: dict[str, Any], *, latex_delimiters: bool = False
) -> list[Token]:
    """The children a full `parse` gives an inline token of a `parse_blocks` stream (same
    inline rules, same references, text runs joined), for a caller that needs only some
    blocks' inline markup: parsing inline markup is most of a full parse's cost."""
    plain = simple_children(token.content)
    if plain is not None:
        return plain
    md = parser_for(latex_delimiters, False)
    children: list[Token] = []
    md.inline.parse(token.content, md, env, children)
    holder = Token("inline", "", 0, content=token.content, children=children)
    text_join(StateCore("", md, env, [holder]))  # the core rule a full parse runs next
    return holder.children or []
