"""markdown-it's rule chains asked by the line's first character: each block chain and
the inline chain become one rule that asks only the rules that can act there. The
loop they replace asked every rule at every line and markup character.
"""

from __future__ import annotations

from collections.abc import Callable

from markdown_it import MarkdownIt
from markdown_it.rules_block import StateBlock
from markdown_it.rules_inline import (
    StateInline,
)

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


def gate_block_rules(md: MarkdownIt) -> None:
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


def dispatch_inline_rules(md: MarkdownIt) -> None:
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
