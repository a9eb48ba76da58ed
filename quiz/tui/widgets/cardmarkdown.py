"""A card's Markdown (a question, an answer, an explanation), built as it is composed.

Textual's `Markdown` mounts empty, then parses its text in a worker thread and mounts the
blocks in a second pass, with a new markdown-it parser for every text. A card's section is
short and known when the widget is made, so this one parses it at once (one shared
parser) and composes the blocks with the widget: they are mounted, styled and laid out in
the same pass as the screen around them. What is drawn is Textual's Markdown, unchanged.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from textual.widgets import Markdown

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from textual import events
    from textual.app import ComposeResult


@cache
def _parser() -> MarkdownIt:
    """Textual's own ("gfm-like") parser, built once: parsing leaves it as it was."""
    from markdown_it import MarkdownIt

    return MarkdownIt("gfm-like")


class CardMarkdown(Markdown):
    """Markdown whose blocks are composed with it (see the module docstring)."""

    def __init__(self, markdown: str, *, id: str | None = None) -> None:  # noqa: A002 (Textual's name)
        super().__init__(None, id=id, parser_factory=_parser)
        self._card_text = markdown

    def compose(self) -> ComposeResult:
        """The text's blocks, as `Markdown.update` would mount them."""
        self._markdown = self._card_text
        self._theme = self.app.theme
        yield from self._build_from_source(self._card_text)

    async def _on_mount(self, event: events.Mount) -> None:  # type: ignore[override]  # (Markdown, Widget disagree)
        # Markdown's own mount handler would parse the text again (in a thread) and
        # replace the composed blocks with the same ones: it is skipped.
        event.prevent_default()
