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

The modules, one job each: `rules` (the configured parser and its `$` rules), `parser`
(the parsers, made fast by `blockstate`, `dispatch`, `shortcuts` and `tokens`), `blocks`
(headings, code, sections), `mathscan` (formulas and stray `$`), `inlinemarks` (code spans
and escapes), `sourcemap` (inline positions back to the text). The names above are
re-exported here, so a reader asks `quiz.bank.markdown` and not where each one lives.

Math rules (pandoc's and dollarmath's): no space just inside `$...$`, no digit right
after the closing `$` or right before the opening one (so "$5 and $10" is not math;
nothing is before a text's first `$`), no blank line inside `$$...$$`. A table cell is
its own text, read after its `\\|` became `|`. A `$` in code, in a link or escaped as
`\\$` is text.
"""

from __future__ import annotations

from quiz.bank.markdown.blocks import (
    CodeBlock,
    Heading,
    code_blocks,
    headings,
    section_starts,
)
from quiz.bank.markdown.inlinemarks import (
    code_spans,
    escape_offsets,
    unescape,
    without_offsets,
)
from quiz.bank.markdown.mathscan import (
    DollarProblem,
    MathScan,
    MathSpan,
    scan_math,
    scan_math_in,
)
from quiz.bank.markdown.parser import (
    inline_children,
    parse,
    parse_blocks,
    parse_inline,
)
from quiz.bank.markdown.rules import make_markdown, normalize
from quiz.bank.markdown.shortcuts import (
    bold_children,
    math_children,
    plain_children,
    simple_children,
)
from quiz.bank.markdown.tokens import new_token

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
    "new_token",
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
