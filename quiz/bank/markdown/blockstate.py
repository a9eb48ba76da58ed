"""markdown-it's block state made faster where a parse spends on every line: its line
marks read with string methods, and `push` with `new_token`.
"""

from __future__ import annotations

from typing import Any, Literal

from markdown_it import MarkdownIt
from markdown_it.rules_block import StateBlock
from markdown_it.rules_core import StateCore
from markdown_it.token import Token

from quiz.bank.markdown.tokens import new_token


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
        counts = [indent_width(line[:shift]) for line, shift in zip(lines, shifts, strict=True)]
    else:
        counts = shifts.copy()
    length = len(src)
    return [*begins, length], [*ends, length], [*shifts, 0], [*counts, 0]


def indent_width(indent: str) -> int:
    """Columns of a run of spaces and tabs, a tab reaching the next multiple of four."""
    width = 0
    for character in indent:
        width += 4 - width % 4 if character == "\t" else 1
    return width


class _BlockState(StateBlock):
    """markdown-it's block state, made faster where a parse spends on every line and every
    token: its line marks (`_line_marks`) and `push` (`new_token`). Everything else is
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
        token = new_token(ttype, tag, nesting)
        token.block = True
        if nesting < 0:
            self.level -= 1
        token.level = self.level
        if nesting > 0:
            self.level += 1
        self.tokens.append(token)
        return token


def block_core(state: StateCore) -> None:
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
