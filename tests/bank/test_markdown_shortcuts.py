"""The Markdown reader's shortcuts give what markdown-it gives without them: plain inline
text as one text token (no inline parse), and no code block where no line could hold one."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from quiz.bank.markdown import (
    code_blocks,
    inline_children,
    make_markdown,
    normalize,
    parse,
    parse_blocks,
    parse_inline,
    plain_children,
)

PIECES = [
    *"ab Z9.:-+=#|()'\"{}%^é😀",
    *"\n\t$\\`~*_[]!<>&",
    "  \n",
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
    "\n1. ",
    "\n# ",
    "\n> ",
    "\n```\n",
    "\n~~~\n",
    "    ",
    "\n|a|b|\n|-|-|\n",
]
TEXTS = st.lists(st.sampled_from(PIECES), max_size=40).map("".join)
PLAIN = make_markdown(latex_delimiters=False)
LATEX = make_markdown(latex_delimiters=True)


@settings(max_examples=150, deadline=None)
@given(TEXTS)
def test_parse_with_the_plain_text_shortcut_is_markdown_its_parse(text: str) -> None:
    for latex, reference in ((False, PLAIN), (True, LATEX)):
        assert parse(text, latex_delimiters=latex) == reference.parse(normalize(text))
        assert parse_inline(text, latex_delimiters=latex) == reference.parseInline(
            normalize(text)
        )


@settings(max_examples=100, deadline=None)
@given(TEXTS)
def test_inline_children_of_plain_text_are_those_of_a_full_parse(text: str) -> None:
    env: dict[str, object] = {}
    blocks = parse_blocks(text, env=env)
    full = PLAIN.parse(normalize(text))
    for block, whole in zip(blocks, full, strict=True):
        if block.type == "inline":
            assert inline_children(block, env) == whole.children


def test_plain_children_only_for_text_no_rule_acts_on() -> None:
    assert plain_children("A plain sentence: x = y + 1 (a-b), 50% #tag.") is not None
    assert plain_children("") == []
    for marked in ("a *b*", "a\nb", "$x$", "a `b`", "[a](b)", "a &amp; b", "a\\b", "~~a~~"):
        assert plain_children(marked) is None


@settings(max_examples=150, deadline=None)
@given(TEXTS)
def test_code_blocks_shortcut_finds_every_block_the_parser_finds(text: str) -> None:
    expected = [
        token.map[0] + 1
        for token in parse_blocks(text)
        if token.type in ("fence", "code_block") and token.map is not None
    ]
    assert [block.first_line for block in code_blocks(text)] == expected
