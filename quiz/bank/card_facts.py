"""What the checks across card files read of one card, kept per file between loads.

A load's checks that span files (one id in two files, a `related` id no card has, the
ids a fix would take, the teaching order) read a card's id, pack, file, the lines of its
`id` and `related` keys and its `related` ids, no more; the card index adds its topic,
kind, title and tags. `CardFacts` is those, for a card file that loaded with no problem
of its own: the index remembers them per file with the file's key (size, mtime, ctime,
inode), and after a card file changes a load takes every file whose key is as it was
from them (`loader.load_parts`'s `known`) and parses only the rest. The checks across
files then run, with the load's own code, on the facts and the new cards together.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any, NamedTuple, Protocol, TypeVar

from quiz.bank import cachefile

_LINES = ("id", "related")
"""The keys whose lines the checks across files read (`duplicate-id`, `unknown-related`)."""


class _Related(Protocol):
    @property
    def related(self) -> tuple[str, ...]: ...


class CardFields(Protocol):
    """What names a card and where it belongs: a card model, the card index's ref
    (`quiz.bank.index.CardRef`) or its remembered facts; the card browser's rows read no
    more, so the app lists cards without building any model."""

    @property
    def id(self) -> str: ...
    @property
    def pack(self) -> str: ...
    @property
    def topic(self) -> str: ...
    @property
    def kind(self) -> str: ...
    @property
    def title(self) -> str: ...
    @property
    def tags(self) -> tuple[str, ...]: ...


class CardLike(CardFields, Protocol):
    """What the checks across files and the card index read of a card (a `Card` is one)."""

    @property
    def path(self) -> Path: ...
    @property
    def lines(self) -> Mapping[str, int]: ...
    @property
    def front(self) -> _Related: ...


CardT = TypeVar("CardT", bound=CardLike)
"""A card a step across files gives back as it took it: a model, or its remembered facts."""


class FactsFront(NamedTuple):
    """The part of a card's front matter the checks across files read."""

    related: tuple[str, ...]


class CardFacts(NamedTuple):
    """A card as the checks across files and the card index see it (no model built)."""

    id: str
    pack: str
    topic: str
    kind: str
    title: str
    tags: tuple[str, ...]
    path: Path
    lines: Mapping[str, int]
    front: FactsFront


Record = tuple[Any, ...]
"""One file's facts as remembered: (key, id, pack, topic, kind, title, tags, lines, related),
the key as the stat walk writes it (`quiz.bank.statwalk`: size, mtime, ctime, inode)."""
Place = tuple[str, str, str]
"""A card file as the stat walk names it: (its pack folder, its topic folder, its name)."""


def record_of(card: CardLike, key: cachefile.Key, shared: dict[str, str]) -> Record:
    """What is remembered of a card that loaded clean from a file with this key. `shared`:
    one string object for each repeated text (pack, topic, kind, tag), which marshal then
    writes once and reads back as one object."""
    lines = {name: card.lines[name] for name in _LINES if name in card.lines}
    one = shared.setdefault
    return (
        tuple(map(str, key)),
        card.id,
        one(card.pack, card.pack),
        one(card.topic, card.topic),
        one(card.kind, card.kind),
        card.title,
        tuple(one(tag, tag) for tag in card.tags),
        lines,
        tuple(card.front.related),
    )


def place_of(path: Path, shared: dict[str, str]) -> Place:
    """A card file's place (`<pack>/<topic>/<name>`), its folder names shared."""
    folder, topic = str(path.parent.parent), path.parent.name
    return (shared.setdefault(folder, folder), shared.setdefault(topic, topic), path.name)


class KnownFiles:
    """Remembered facts by file: a file's facts while the stat walk of this load found it
    with the key they were remembered under (as the remembered index trusts that walk)."""

    def __init__(self, records: Mapping[Place, Record], walked: Mapping[Place, Any]) -> None:
        self._records = records
        self._walked = walked
        """Every plain card file's key in this load's walk (`index._card_keys`)."""
        self.used: dict[Place, Record] = {}
        """The records that answered (their files unchanged): remembered again as they are."""

    def __len__(self) -> int:
        return len(self._records)

    def __call__(self, folder: str, topic: str, path: Path) -> CardFacts | None:
        """The facts of the card file at `path` (`<folder>/<topic>/<name>`) when the walk
        found it as the plain file they were remembered from, else None (it is read)."""
        place = (folder, topic, path.name)
        record = self._records.get(place)
        if record is None or self._walked.get(place) != record[0]:
            return None  # a link is never in `walked`: read, as the load reads it
        try:
            _, card_id, pack, topic_name, kind, title, tags, lines, related = record
        except (TypeError, ValueError):  # a record of another shape: read the file
            return None
        self.used[place] = record
        return CardFacts(
            card_id, pack, topic_name, kind, title, tags, path, lines, FactsFront(related)
        )
