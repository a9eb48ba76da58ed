"""Which file names are cards, and which are a card saved under another name.

Only `<id>.md` is read as a card. An author's editor saves one as `x.MD`, `x.markdown`,
`x.txt` or `x.md.txt` (Windows' Notepad adds `.txt` to whatever is typed), and the load
left it out without a word; these names, when the file looks like a card, are warned of
(`not-read`) with the name to give it. `quiz.bank.statwalk` keeps a copy of the suffixes
(it imports nothing) and the pre-commit hook's `files` pattern matches them too.
"""

from __future__ import annotations

import re

MISNAMED_SUFFIXES = (".md", ".markdown", ".mdown", ".mkd", ".txt", ".text")
"""Suffixes (in any case) of a card saved under another name than `<id>.md`."""
MARKDOWN_SUFFIXES = MISNAMED_SUFFIXES[:4]
"""Of them, Markdown's own: a file so named is Markdown, a `.txt` only when it looks it."""

_ID_NAME = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")
"""A card id (kebab-case), as a file name it needs."""

_CARD_START = re.compile(
    r"\A\ufeff?(?:---[ \t]*\r?\n(?:[ \t]*#.*\r?\n|[ \t]*\r?\n)*(?:id|kind|title)[ \t]*:"
    r"|(?:.*\r?\n)*?##[ \t]*(?:Question|Task)[ \t]*\r?$)",
    re.MULTILINE,
)
"""A card's start: YAML front matter whose first key is a card's (`id`, `kind`, `title`),
or a body with a card's first heading (`## Question`, `## Task`)."""


def is_misnamed(name: str) -> bool:
    """Whether a file name is a card's under another name (`x.MD`, `x.markdown`, `x.txt`,
    `x.md.txt`): only `.md` is read as a card."""
    return not name.endswith(".md") and name.lower().endswith(MISNAMED_SUFFIXES)


def is_markdown_name(name: str) -> bool:
    """Whether a misnamed file is Markdown by its name (`x.MD`, `x.markdown`)."""
    return name.lower().endswith(MARKDOWN_SUFFIXES)


def misnamed_stem(name: str) -> str:
    """The id a misnamed card's name gives: `Relu.MD` and `relu.md.txt` are `relu`. Lower
    case when it is then an id (ids are), else as written."""
    stem = name
    while True:
        lower = stem.lower()
        suffix = next((s for s in MISNAMED_SUFFIXES if lower.endswith(s)), None)
        if suffix is None or len(stem) == len(suffix):
            break
        stem = stem[: -len(suffix)]
    return stem.lower() if _ID_NAME.fullmatch(stem.lower()) else stem


def reads_as_card(text: str) -> bool:
    """Whether a text file's start is a card's: front matter opening with a card's key, or
    a card's first section heading (a `.txt` note or README is neither)."""
    return _CARD_START.match(text) is not None
