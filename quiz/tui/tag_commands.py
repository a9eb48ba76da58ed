"""The command palette's study by tag: "Study tag: X" opens a due session of the cards
tagged X, "Cram tag: X" all of them, as `drillbit study --tag X` does."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from textual.command import DiscoveryHit, Hit, Hits, Provider

from quiz.tags_view import read_tag_choices

if TYPE_CHECKING:
    from quiz.overview import StudyRequest
    from quiz.workspace import Workspace


class TagCommands(Provider):
    """A due and a cram session for every tag of the bank, as palette commands."""

    def _choices(self) -> list[tuple[str, str, Callable[[], object]]]:
        workspace: Workspace = self.app.workspace  # type: ignore[attr-defined]
        start: Callable[[StudyRequest], bool] = self.app.start_study  # type: ignore[attr-defined]
        return [
            (choice.text, choice.help, partial(start, choice.request))
            for choice in read_tag_choices(workspace)  # under a plan: today's planned counted
        ]

    async def discover(self) -> Hits:
        """With an empty query: every tag's sessions, after the cards (content order)."""
        for text, help_text, command in self._choices():
            yield DiscoveryHit(text, command, text=text, help=help_text)

    async def search(self, query: str) -> Hits:
        """The tag sessions whose text matches the query (Textual's fuzzy matcher)."""
        matcher = self.matcher(query)
        for text, help_text, command in self._choices():
            score = matcher.match(text)
            if score > 0:
                yield Hit(score, matcher.highlight(text), command, text=text, help=help_text)
