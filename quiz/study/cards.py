"""What the study layer needs from a card, as a Protocol: the bank's models fit it as they are."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal, Protocol

Kind = Literal["concept", "choice", "numeric", "coding"]
KINDS: tuple[Kind, ...] = ("concept", "choice", "numeric", "coding")


class StudyCard(Protocol):
    """The few card facts scheduling, sessions and stats use (read-only).

    An optional `pack: str` attribute, when present, feeds the per-pack counts.
    """

    @property
    def id(self) -> str: ...

    @property
    def kind(self) -> str: ...

    @property
    def topic(self) -> str: ...

    @property
    def title(self) -> str: ...

    @property
    def tags(self) -> Sequence[str]: ...


def pack_of(card: StudyCard) -> str:
    """The card's pack name, or '' when the card type does not carry one."""
    pack = getattr(card, "pack", "")
    return pack if isinstance(pack, str) else ""


@dataclass(frozen=True)
class Filters:
    """A selection of cards; None means "any". All given conditions must hold."""

    topic: str | None = None
    tag: str | None = None
    kind: str | None = None
    pack: str | None = None
    """A pack's name (its folder): Home's pack rows, and a topic within one pack."""

    def matches(self, card: StudyCard) -> bool:
        """True when the card belongs to this selection."""
        return (
            (self.pack is None or pack_of(card) == self.pack)
            and (self.topic is None or card.topic == self.topic)
            and (self.tag is None or self.tag in card.tags)
            and (self.kind is None or card.kind == self.kind)
        )

    @property
    def selects_all(self) -> bool:
        """True when no condition is set: every card matches."""
        return all(value is None for value in (self.pack, self.topic, self.tag, self.kind))

    def as_dict(self) -> dict[str, str]:
        """The conditions that are set, e.g. for logging a session."""
        found = {"pack": self.pack, "topic": self.topic, "tag": self.tag, "kind": self.kind}
        return {key: value for key, value in found.items() if value is not None}
