"""The tags a session can be started by in the TUI (the command palette's "Study tag"),
as `drillbit study --tag` starts one on the command line."""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from quiz.overview import StudyRequest
from quiz.plural import counted

if TYPE_CHECKING:
    from quiz.bank.index import CardRef
    from quiz.workspace import Workspace

__all__ = ["TagChoice", "read_tag_choices", "tag_choices"]


@dataclass(frozen=True, slots=True)
class TagChoice:
    """One way to study a tag: the palette's text and help, and the session it opens."""

    text: str
    """"Study tag: attention" (due) or "Cram tag: attention"."""
    help: str
    """How many cards carry the tag, and what the session does with them."""
    request: StudyRequest


def read_tag_choices(workspace: Workspace) -> list[TagChoice]:
    """The palette's tag sessions for the workspace's cards (the index: no card loaded),
    counting under a running interview plan the cards it studies today (`tag_choices`)."""
    status = workspace.plan_status()
    planned = status.offered if status is not None and status.today is not None else None
    return tag_choices(workspace.content.refs, planned)


def tag_choices(refs: Iterable[CardRef], planned: Collection[str] | None = None) -> list[TagChoice]:
    """A due and a cram session for every tag of the bank, tags in alphabetical order.
    Under a running interview plan (`planned`: the cards a session studies now, Home's
    "today") a tag's due session studies its planned cards, and its help counts those:
    "the due ones" promised cards fsrs called due that the plan leaves for another day."""
    cards = Counter(tag for ref in refs for tag in ref.tags)
    today: Counter[str] = Counter()
    if planned is not None:
        wanted = set(planned)
        today.update(tag for ref in refs if ref.id in wanted for tag in ref.tags)
    choices: list[TagChoice] = []
    for tag in sorted(cards):
        tagged = counted(cards[tag], "card")
        if planned is None:
            studied = "the due ones"
        else:
            studied = f"{today[tag]} planned today" if today[tag] else "none planned today"
        choices.append(
            TagChoice(
                f"Study tag: {tag}",
                f"{tagged} · {studied} (drillbit study --tag {tag})",
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
