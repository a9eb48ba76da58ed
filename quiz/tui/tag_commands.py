"""The command palette's study by tag: "Study tag: X" opens a due session of the cards
tagged X, "Cram tag: X" all of them, as `drillbit study --tag X` does."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content

from quiz.tags_view import read_tag_choices

if TYPE_CHECKING:
    from quiz.overview import StudyRequest
    from quiz.workspace import Workspace

ASKING_WORDS = frozenset({"study", "cram", "tag"})
"""Words of a query that asks for the tag sessions themselves ("tag adam", "cram tag adam",
as docs/study.md says to type): the whole "Study tag: X" is matched then, and it leads."""

AFTER_CARDS = 0.01
"""The most a tag session scores for a query of plain words: below the cards found for them.
Textual's fuzzy scores run to 20 and a card's to 1, so "adam" listed eight tag sessions,
"Study tag: downsampling" among them (its letters a, d, a, m spread over "Study tag:" and
the tag), before any card: at 80x24 no card about Adam was on the screen."""


def asks_for_tags(query: str) -> bool:
    """Whether the query names the tag sessions ("tag adam"), not only a card's words."""
    return any(word.strip(":").lower() in ASKING_WORDS for word in query.split())


class TagCommands(Provider):
    """A due and a cram session for every tag of the bank, as palette commands."""

    def _choices(self) -> list[tuple[str, str, str, Callable[[], object]]]:
        """Each session's text, its tag, its help and what starts it."""
        workspace: Workspace = self.app.workspace  # type: ignore[attr-defined]
        start: Callable[[StudyRequest], bool] = self.app.start_study  # type: ignore[attr-defined]
        return [
            (choice.text, choice.request.tag or "", choice.help, partial(start, choice.request))
            for choice in read_tag_choices(workspace)  # under a plan: today's planned counted
        ]

    async def discover(self) -> Hits:
        """With an empty query: every tag's sessions, after the cards (content order)."""
        for text, _tag, help_text, command in self._choices():
            yield DiscoveryHit(text, command, text=text, help=help_text)

    async def search(self, query: str) -> Hits:
        """The tag sessions the query finds (Textual's fuzzy matcher). A query that names
        them ("tag adam") matches their whole text and they lead; plain words ("adam") look
        for a card first, so they match the tag's name alone and come after the cards."""
        matcher = self.matcher(query)
        whole = asks_for_tags(query)
        for text, tag, help_text, command in self._choices():
            if whole:
                score = matcher.match(text)
                shown = matcher.highlight(text)
            else:
                score = matcher.match(tag)
                score = AFTER_CARDS * score / (score + 1)
                shown = Content(text[: len(text) - len(tag)]) + matcher.highlight(tag)
            if score > 0:
                yield Hit(score, shown, command, text=text, help=help_text)
