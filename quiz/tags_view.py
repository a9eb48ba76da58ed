"""The tags a session can be started by in the TUI (the command palette's "Study tag"),
as `drillbit study --tag` starts one on the command line."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from quiz.overview import StudyRequest
from quiz.plural import counted

if TYPE_CHECKING:
    from quiz.bank.index import CardRef

__all__ = ["TagChoice", "tag_choices"]


@dataclass(frozen=True, slots=True)
class TagChoice:
    """One way to study a tag: the palette's text and help, and the session it opens."""

    text: str
    """"Study tag: attention" (due) or "Cram tag: attention"."""
    help: str
    """How many cards carry the tag, and what the session does with them."""
    request: StudyRequest


def tag_choices(refs: Iterable[CardRef]) -> list[TagChoice]:
    """A due and a cram session for every tag of the bank, tags in alphabetical order."""
    cards = Counter(tag for ref in refs for tag in ref.tags)
    choices: list[TagChoice] = []
    for tag in sorted(cards):
        tagged = counted(cards[tag], "card")
        choices.append(
            TagChoice(
                f"Study tag: {tag}",
                f"{tagged} · the due ones (drillbit study --tag {tag})",
                StudyRequest(mode="due", tag=tag),
            )
        )
        choices.append(
            TagChoice(
                f"Cram tag: {tag}",
                f"{tagged} · all of them, the schedule kept (drillbit study --mode cram --tag {tag})",
                StudyRequest(mode="cram", tag=tag),
            )
        )
    return choices
