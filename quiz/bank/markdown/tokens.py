"""Tokens made as markdown-it makes them, without its dataclass `__init__`: a parse makes
one for every block opened and closed, and the shortcuts make the inline ones.
"""

from __future__ import annotations

from markdown_it.token import Token

_NEW_TOKEN = Token.__new__


def new_token(kind: str, tag: str, nesting: int) -> Token:
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
