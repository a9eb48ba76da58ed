"""A card's body (its `## Question` and `## Answer` sections) and its parse, made once and
shared by the checks, the key points and the math scan; a one-line question's part of the
parse is built rather than parsed, since it is always the same nine tokens.
"""

from __future__ import annotations

import re
from typing import Any

from markdown_it.token import Token

from quiz.bank.markdown import inline_children, new_token, parse


def card_body(question: str, answer: str) -> str:
    """The card's text after its front matter (what `parse_card` reads as the body)."""
    return f"\n## Question\n\n{question}\n\n## Answer\n\n{answer}\n"


_ONE_LINE_QUESTION = re.compile(r"[A-Za-z](?:[^\n\r\x00]*\S)?")
"""A question text that is one paragraph line of the card body: it starts with a letter (no
block syntax opens so) and ends without space (nothing for the paragraph to strip)."""


_HEAD_ROWS = 6
"""Lines of a card body before its answer: "", "## Question", "", the question, "",
"## Answer"."""


def parse_body(question: str, answer: str, env: dict[str, Any]) -> list[Token]:
    """`parse(card_body(question, answer), env=env)`: the tokens of a card body.

    For a one-line question the part before the answer is always the same nine tokens
    (two `##` headings and the question's paragraph): they are made here, and only the
    answer is parsed, its line numbers moved down to where it stands in the body. That
    part was about a quarter of each body's parse. The `## Answer` heading closes every
    block before it, so the answer parses alone as it does in the body, and the question's
    inline markup is read as the parse reads it, with the references the answer defines.
    `env` is a new dict (it receives the link `references`, placed in the body). A test
    holds the tokens and references equal to the whole body's parse."""
    if env or _ONE_LINE_QUESTION.fullmatch(question) is None:
        return parse(card_body(question, answer), env=env)
    tail = parse(f"\n{answer}\n", env=env)
    for token in tail:
        if token.map is not None:
            token.map = [token.map[0] + _HEAD_ROWS, token.map[1] + _HEAD_ROWS]
    for reference in env.get("references", {}).values():  # where each was defined
        if reference.get("map") is not None:
            reference["map"] = [reference["map"][0] + _HEAD_ROWS, reference["map"][1] + _HEAD_ROWS]
    head = [
        *_heading_tokens("Question", 1),
        new_token("paragraph_open", "p", 1),
        _inline_token(question, 3),
        new_token("paragraph_close", "p", -1),
        *_heading_tokens("Answer", 5),
    ]
    head[3].map = [3, 4]
    head[4].children = inline_children(head[4], env)
    for token in head:
        token.block = True
    return head + tail


def _heading_tokens(title: str, row: int) -> list[Token]:
    """The tokens of a `## title` line at this row of a parsed text."""
    opening, closing = new_token("heading_open", "h2", 1), new_token("heading_close", "h2", -1)
    opening.markup = closing.markup = "##"
    opening.map = [row, row + 1]
    inline = _inline_token(title, row)
    text = new_token("text", "", 0)
    text.content = title
    inline.children = [text]
    return [opening, inline, closing]


def _inline_token(content: str, row: int) -> Token:
    """A block's inline token (level 1, inside its opening token), children not set."""
    inline = new_token("inline", "", 0)
    inline.content = content
    inline.map = [row, row + 1]
    inline.level = 1
    inline.children = []
    return inline


def parsed_body(
    question: str, answer: str
) -> tuple[str, dict[str, Any], list[Token], list[Token] | None]:
    """A card's body, its parse's env (link references), its tokens and its answer's."""
    body = card_body(question, answer)
    env: dict[str, Any] = {}
    tokens = parse_body(question, answer, env)
    return body, env, tokens, _answer_tokens(question, tokens, env)


def _answer_tokens(question: str, tokens: list[Token], env: dict[str, Any]) -> list[Token] | None:
    """The answer's tokens out of the parsed card body: what parsing the answer alone gives
    (the `## Answer` heading closes every block before it), or None when the question
    defines link references or left a block open over the heading (then parse the answer)."""
    if env.get("references"):
        return None
    row = question.count("\n") + 5  # "", "## Question", "", question..., "", "## Answer"
    for index, token in enumerate(tokens):
        if token.type == "heading_open" and token.map is not None and token.map[0] >= row:
            if token.map[0] == row and token.level == 0 and tokens[index + 1].content == "Answer":
                return tokens[index + 3 :]
            return None
    return None
