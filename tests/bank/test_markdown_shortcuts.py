"""The Markdown reader's shortcuts give what markdown-it gives without them: plain inline
text as one text token (no inline parse), block and inline rules asked only about lines and
positions that start with their character, line endings rewritten only when there is a `\\r`
or a NUL, no code block where no line could hold one."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from hypothesis import example, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.dollarmath import dollarmath_plugin

from quiz.bank.markdown import (
    _latex_delimited,
    code_blocks,
    inline_children,
    normalize,
    parse,
    parse_blocks,
    parse_inline,
    plain_children,
)

WORDS = ["a", "bc", "Z9", " ", "x y", ".", ":", "(", ")"] * 4
MARKS = [
    *"-+=#|'\"{}%^é😀\n\t$\\`~*_[]!<>&",
    "  \n",
    "\r\n",
    "\r",
    "\0",
    "\n\n",
    "\\(",
    "\\)",
    "$$",
    "**",
    "~~",
    "&amp;",
    "<b>",
    "](x)",
    "\n- ",
    "\n* ",
    "\n+ ",
    "\n1. ",
    "\n2) ",
    "\n# ",
    "\n> ",
    "\n***\n",
    "\n```\n",
    "\n~~~\n",
    "\n$$\n",
    "\n[r]: /u\n",
    "\n<div>\n",
    "    ",
    "\n|a|b|\n|-|-|\n",
]
PIECES = WORDS + MARKS
EXAMPLES = [
    "*a*",
    "a **b** c_d_ e",
    "- a\n- b\n\n1. c\n+ d",
    "***\n---\n___\n* * *",
    "# h\n## h2 ##\n> q",
    "```\nx\n```\n~~~\ny\n~~~",
    "$$\nx\n$$\n$y$ and $$z$$",
    "<div>\nx\n</div>\n\n<b>a</b> <http://a.b>",
    "[a]: /b\n\n[a] ![i](u) [l](v)",
    "`c` ~~s~~ &amp; \\* a  \nb",
    "p\n- interrupts\n\np\n2. does not",
    "\\(a\\) and \\[b\\]",
    "a\nb\n===\nc\n---\n\nd\n\n    code\n\n- e\n  f\n  ---",
    "x | y\n--|--\n1 | 2\n\n> q\n> ---\n\n    a | b\n    - | -",
    "p\n    lazy\n=\n\n- i\n\n      code in item\n  q\n  ===",
    "> a\n> - b\n>   > c\n> # d\n> ```\n> e",
    "- a\n  > b\n  ```\n  c\n  ```\n- [r]: /u\n  <div>\n  $$\n  x\n  $$",
    "> p\n> ***\n> p\n> 1. i\n\n[r]: /u\n# h\n[s]: /v\n***",
]
TEXTS = st.lists(st.sampled_from(PIECES), max_size=40).map("".join)


def _examples(test: Callable[[str], None]) -> Callable[[str], None]:
    for text in reversed(EXAMPLES):
        test = example(text)(test)
    return test


def _reference(latex_delimiters: bool) -> MarkdownIt:
    """markdown-it as `make_markdown` configures it, without the reader's own rule wrappers
    and shortcuts (token `meta`, where those wrappers note source ranges, is not compared)."""
    md = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])
    dollarmath_plugin(
        md,
        allow_labels=False,
        allow_space=False,
        allow_digits=False,
        allow_blank_lines=False,
        double_inline=True,
    )
    if latex_delimiters:
        md.inline.ruler.before("escape", "latex_math", _latex_delimited)
    return md


def _fields(tokens: list[Token]) -> list[tuple[object, ...]]:
    return [
        (
            t.type,
            t.tag,
            t.nesting,
            t.attrs,
            t.map,
            t.level,
            t.content,
            t.markup,
            t.info,
            t.block,
            t.hidden,
            _fields(t.children) if t.children is not None else None,
        )
        for t in tokens
    ]


PLAIN = _reference(latex_delimiters=False)
LATEX = _reference(latex_delimiters=True)
ROOT = Path(__file__).resolve().parents[2]


def test_real_texts_parse_as_markdown_it_parses_them() -> None:
    """The bundled cards and the notes fixtures: every block and inline rule at work."""
    texts = [
        *sorted((ROOT / "content").rglob("*.md")),
        *sorted((ROOT / "tests" / "data" / "notes").glob("*.md")),
    ]
    assert len(texts) > 100
    for path in texts:
        text = path.read_text(encoding="utf-8")
        for latex, reference in ((False, PLAIN), (True, LATEX)):
            expected = _fields(reference.parse(normalize(text)))
            assert _fields(parse(text, latex_delimiters=latex)) == expected, path


@settings(max_examples=150, deadline=None)
@given(TEXTS)
@_examples
def test_parse_with_the_plain_text_shortcut_is_markdown_its_parse(text: str) -> None:
    for latex, reference in ((False, PLAIN), (True, LATEX)):
        expected = reference.parse(normalize(text))
        assert _fields(parse(text, latex_delimiters=latex)) == _fields(expected)
        inline = reference.parseInline(normalize(text))
        assert _fields(parse_inline(text, latex_delimiters=latex)) == _fields(inline)


@settings(max_examples=100, deadline=None)
@given(TEXTS)
@_examples
def test_inline_children_of_plain_text_are_those_of_a_full_parse(text: str) -> None:
    env: dict[str, object] = {}
    blocks = parse_blocks(text, env=env)
    full = PLAIN.parse(normalize(text))
    for block, whole in zip(blocks, full, strict=True):
        if block.type == "inline":
            assert _fields(inline_children(block, env)) == _fields(whole.children or [])


def test_plain_children_only_for_text_no_rule_acts_on() -> None:
    assert plain_children("A plain sentence: x = y + 1 (a-b), 50% #tag.") is not None
    assert plain_children("") == []
    for marked in ("a *b*", "a\nb", "$x$", "a `b`", "[a](b)", "a &amp; b", "a\\b", "~~a~~"):
        assert plain_children(marked) is None


@settings(max_examples=150, deadline=None)
@given(TEXTS)
@_examples
def test_code_blocks_shortcut_finds_every_block_the_parser_finds(text: str) -> None:
    expected = [
        token.map[0] + 1
        for token in parse_blocks(text)
        if token.type in ("fence", "code_block") and token.map is not None
    ]
    assert [block.first_line for block in code_blocks(text)] == expected
