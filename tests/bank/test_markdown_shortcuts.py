"""The Markdown reader's shortcuts give what markdown-it gives without them: plain inline
text as one text token (no inline parse), block and inline rules asked only about lines and
positions that start with their character, line endings rewritten only when there is a `\\r`
or a NUL, no code block where no line could hold one."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from markdown_it.rules_block import StateBlock
from markdown_it.token import Token
from mdit_py_plugins.dollarmath import dollarmath_plugin
from mdit_py_plugins.dollarmath.index import math_inline_dollar

from quiz.bank.markdown import (
    bold_children,
    code_blocks,
    headings,
    inline_children,
    math_children,
    normalize,
    parse,
    parse_blocks,
    parse_inline,
    plain_children,
    section_starts,
)
from quiz.bank.markdown.blocks import _plain_section_starts
from quiz.bank.markdown.blockstate import _BlockState
from quiz.bank.markdown.parser import parser_for
from quiz.bank.markdown.rules import from_the_start, latex_delimited
from quiz.bank.parse import split_front_matter
from tests.conftest import DATA, REPO

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
    # shapes a throwaway fuzzer mixed in (HTML block kinds, tabs before markers, escaped
    # pipes, non-breaking space, BOM, numeric entities, digits after '$')
    "\n<script>\n",
    "\n<!--\n",
    "\n<?x\n",
    "\n<![CDATA[\n",
    "\n<!DOCTYPE html>\n",
    "\n</pre>\n",
    "\n\t- ",
    "\n   > ",
    "\n10. ",
    "\n-\t## x\n",
    "\\|",
    "\u00a0",
    "\ufeff",
    "&#35;",
    "$5",
    "\n[r]: <a b> 'x\n",
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
    and shortcuts (token `meta`, where those wrappers note source ranges, is not compared),
    but with its `$` rule reading nothing before a text's start (`from_the_start`)."""
    md = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])
    dollarmath_plugin(
        md,
        allow_labels=False,
        allow_space=False,
        allow_digits=False,
        allow_blank_lines=False,
        double_inline=True,
    )
    md.inline.ruler.at("math_inline", from_the_start(math_inline_dollar(False, False, True)))
    if latex_delimiters:
        md.inline.ruler.before("escape", "latex_math", latex_delimited)
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


def _same_block_state(text: str) -> None:
    ours = vars(_BlockState(text, PLAIN, {}, []))
    theirs = vars(StateBlock(text, PLAIN, {}, []))
    assert ours == theirs


BLANKS = st.lists(st.sampled_from(["a", " ", "\t", "\n", "  \t ", "b c", ">"]), max_size=30)


@settings(max_examples=300, deadline=None)
@given(st.one_of(TEXTS, BLANKS.map("".join)))
@_examples
@example("")
@example("\n")
@example("a\n  ")
@example("  ")
@example("\t a\n \t\tb\n\t")
def test_block_state_marks_lines_as_markdown_it_does(text: str) -> None:
    _same_block_state(normalize(text))


def test_block_state_of_real_texts_is_markdown_its() -> None:
    for path in [*(ROOT / "content").rglob("*.md"), *(ROOT / "tests/data/notes").glob("*.md")]:
        _same_block_state(normalize(path.read_text(encoding="utf-8")))


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


BOLD_PIECES = ["**", "*", "***", " ", "a", "Bc", ":", "?", ".", "(", ")", "'", "-", "é", "😀"]
BOLD_PIECES += ["\u00a0", "\u2002", "\t", "_", "$", "\n"]
BOLD_TEXTS = st.lists(st.sampled_from(BOLD_PIECES), max_size=14).map("".join)


@settings(max_examples=400, deadline=None)
@given(BOLD_TEXTS)
@example("**Answer:**")
@example("**Q:** What is it?")
@example("a **b** c **d**")
@example("**x**y")
@example("x**y**")
@example("(**a**)")
@example("**a** **b**:")
@example("** a**")
@example("**a **")
@example("**a**:**b**")
def test_bold_children_are_the_inline_parsers(text: str) -> None:
    """Where the bold shortcut answers, it answers what the inline parser gives."""
    children = bold_children(text)
    if children is not None:
        for reference in (PLAIN, LATEX):
            assert _fields(children) == _fields(reference.parseInline(text)[0].children or [])


def test_bold_children_read_the_bold_of_notes() -> None:
    """The shapes it is for are read without the parser; anything else is left to it."""
    for text in ("**Answer:**", "**Bad initialization:** weights too large", "**What is X? 👶**"):
        assert bold_children(text) is not None, text
    for text in ("*a*", "***a***", "**a**b**", "** a**", "__a__", "**a** and $x$", "a\n**b**"):
        assert bold_children(text) is None, text


MATH_PIECES = ["$", "$$", "a", "Bc", " ", "1", "\\", "\\\\", "_", "^", "x^2", "(", ".", "*", "`"]
MATH_PIECES += ["\u00a0", "\t", "é", "\n", "{", "}"]
MATH_TEXTS = st.lists(st.sampled_from(MATH_PIECES), max_size=14).map("".join)


@settings(max_examples=500, deadline=None)
@given(MATH_TEXTS)
@example("the slope $w$ of $y = wx + b$")
@example("$x$")
@example("$x$1")
@example("1$x$")
@example("$a$b$")
@example("$a\\$b$")
@example("$a\\\\$ b")
@example("$x$ and 5\\")
@example("$x$ is 0")
@example("\\\\$x$ a\\")
@example("$ x$")
@example("$x $")
@example("a $x_1^2$ b")
def test_math_children_are_the_inline_parsers(text: str) -> None:
    """Where the formula shortcut answers, it answers what the inline parser gives, the
    source spans the reader records included."""
    children = math_children(text)
    if children is not None:
        for latex, reference in ((False, PLAIN), (True, LATEX)):
            assert _fields(children) == _fields(reference.parseInline(text)[0].children or [])
            ours = parser_for(latex, False)
            parsed: list[Token] = []
            ours.inline.parse(text, ours, {}, parsed)
            assert [c.meta for c in children] == [c.meta for c in parsed]


def test_math_children_read_plain_formulas() -> None:
    for text in ("the slope $w$ of $y = wx + b$", "$\\frac{a}{b}$ is a ratio", "$x_1$"):
        assert math_children(text) is not None, text
    for text in ("costs $5", "$x$ and **b**", "$$x$$", "$ x$", "a\n$x$", "\\$x$", "$x$2"):
        assert math_children(text) is None, text


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


SECTION_LINES = [
    *["## A", "##", "## B ##", "## C #", "##\tD", "## #", "##  E  \\#", "## Question"],
    *["### E", "# F", "  ## G", "   ## H", "    ## I", "\t## J", " \t## K", "## L | M"],
    *["a | b", "--|--", "|-|", ":-", "- x | y", "```", "```py", "``` a`b", "````", "~~~"],
    *["~~~~ x", "  ```", "   ~~~", "    ```", " \t```", "```  ", "$$", "$$x$$", "$$ a $$ b"],
    *["$$$", "x$$", "  $$", "- $$", "> $$", "1. $$", "$$ y", "- a", "  - b", "1. c", "> q"],
    *["<div>", "<!--", "-->", "</div>", "text", "", " ", "\t", "    code", "===", "---"],
    *["***", "[r]: /u", "[r]: /u 'title", "a $x$", "\\## not", "## x\r", "\0", "## é"],
    *["-\t## x", "<script>", "<!-- a", "<?x", "</pre>", "\u00a0## x", "##\u00a0x", "$$\u00a0"],
    *["\u00a0", "## x $$", "x $$", "```a`", "~~~ a`b", " \t```", "\t```", "```\t", "'", "a|b|c"],
    *["| --- |", "\ufeff## x", "## x \\#", "## ##", "##\t#", "$$$$", "$$ $$", "```` ", "~~~~~~"],
]
SECTION_TEXTS = st.one_of(
    st.lists(st.sampled_from(SECTION_LINES), max_size=30).map("\n".join), TEXTS
)
SECTION_EXAMPLES = [
    "## Question\n\nWhy?\n\n## Answer\n\n$$\nx\n## not\n$$\n\n## Hints\n\n- a\n",
    "## Task\n\n```python\n## a comment\n```\n\n## Starter\n\n````\n```\n## x\n````\n",
    "- a\n\n  ```\n## x\n  ```\n## y",
    "- a\n$$\n## b\n$$",
    "p\n$$\n## c\n$$",
    "$$\n\n## d\n$$",
    "## e | f\n--|--",
    "<div>\n## g\n</div>",
    "- $$\n## h\n$$",
]


def _expected_sections(text: str) -> list[tuple[int, str]]:
    """(0-based row, title) of the level-2, top-level `#` headings markdown-it itself (no
    shortcuts) finds."""
    tokens = PLAIN.parse(normalize(text))
    return [
        (h.line - 1, h.title)
        for h in headings(text, tokens)
        if h.level == 2 and h.atx and not h.nested
    ]


@settings(max_examples=400, deadline=None)
@given(SECTION_TEXTS)
def test_section_starts_are_the_parse_headings_rows_and_titles(text: str) -> None:
    expected = _expected_sections(text)
    assert section_starts(text) == expected
    assert section_starts(text, text.split("\n")) == expected


@pytest.mark.parametrize("text", SECTION_EXAMPLES)
def test_section_starts_of_tricky_bodies(text: str) -> None:
    assert section_starts(text) == _expected_sections(text)


def test_section_starts_of_every_real_card_and_note() -> None:
    files = sorted((REPO / "content").glob("*/*/*.md")) + sorted(DATA.rglob("*.md"))
    shortcut = 0
    for path in files:
        text = path.read_text(encoding="utf-8")
        split = split_front_matter(text)
        body = split[2] if split else text
        assert section_starts(body) == _expected_sections(body), path
        shortcut += _plain_section_starts(body) is not None
    # the shortcut serves real cards (lists, fences, display math), not only plain ones
    assert shortcut >= 0.9 * len(files)
