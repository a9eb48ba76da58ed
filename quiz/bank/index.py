"""The card index: id, pack, topic, kind, title and tags of every card a load would give.

`drillbit stats` and the app's Home need no more than that (plus each pack's title and
folder and the count of card files that do not load), yet a full load of
a 10,000-card bank rebuilds every card model (0.5 s of CPU with the card cache warm, and
reading that cache is 0.16 s of it). So the index of a full load is remembered, next to
the card cache, together with everything the load read: the content roots, each pack
folder, and the size, times and inode of its pack.yaml and of every card file. While all
of those are unchanged (and the code is: the card cache's code stamp), a load would
give the same cards, and the remembered index is returned after one `stat` per file.
Anything else (a changed, added or removed file, a symbolic link, the cache turned off)
means a full load. The card cache's own rules apply: a file changed in the last
`RACY_SECONDS` is not trusted, and a damaged or foreign index file is a miss.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import tempfile
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from quiz.bank import cache as card_cache
from quiz.errors import InputFileError
from quiz.textsafe import read_regular

if TYPE_CHECKING:
    from quiz.bank.loader import Bank
    from quiz.bank.models import Card

PACK_FILE = "pack.yaml"  # quiz.bank.loader.PACK_FILE, not imported: it pulls in the models
FORMAT = 2
"""Bumped when what is remembered changes shape (the card cache's stamp covers the loader)."""
INDEX_LIMIT = 64 * 1024 * 1024
"""A remembered index larger than this is ignored (10,000 cards take about 2 MB)."""

Inputs = list[Any]
"""What a load reads, as JSON-ready lists: equal inputs, equal cards."""


@dataclass(frozen=True, slots=True)
class CardRef:
    """What identifies a card and where it belongs; fits quiz.study's StudyCard."""

    id: str
    pack: str
    topic: str
    kind: str
    title: str
    tags: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class BankIndex:
    """What a load of some content roots gives, short of the card models."""

    refs: tuple[CardRef, ...]
    pack_titles: Mapping[str, str]
    """The title of every pack whose pack.yaml is valid (as `Bank.packs`)."""
    pack_dirs: Mapping[str, Path]
    """The folder of every pack that has a card: a card is `<folder>/<topic>/<id>.md`."""
    broken: tuple[Path, ...]
    """Card files that do not load (as `Bank.broken_files`, sorted)."""

    def card_path(self, ref: CardRef) -> Path:
        """The file a card of this index was loaded from (ids equal file names)."""
        return self.pack_dirs[ref.pack] / ref.topic / f"{ref.id}.md"


def card_index(roots: Sequence[Path]) -> tuple[CardRef, ...]:
    """The cards `load_bank(roots)` would keep, in its order, without building them."""
    return bank_index(roots)[0].refs


def bank_index(roots: Sequence[Path]) -> tuple[BankIndex, Bank | None]:
    """The index of `load_bank(roots)`, and the bank itself when it had to be loaded.

    The remembered index answers while every input is unchanged (no card model is
    built, pydantic is not even imported); otherwise the bank is loaded and returned
    with its index, which is remembered for next time.
    """
    inputs = _inputs(roots) if card_cache.enabled() else None
    if inputs is not None:
        remembered = _read(roots, inputs)
        if remembered is not None:
            return remembered, None
    from quiz.bank.loader import load_bank

    bank = load_bank(roots)
    index = index_of(bank)
    if inputs is not None and not _racy(inputs, time.time()) and _inputs(roots) == inputs:
        _write(roots, inputs, index)  # unchanged while loading: the index is those inputs'
    return index, bank


def ref_of(card: Card) -> CardRef:
    """A card's ref."""
    return CardRef(card.id, card.pack, card.topic, card.kind, card.title, tuple(card.tags))


def refs_of(bank: Bank) -> tuple[CardRef, ...]:
    """The card refs of a loaded bank."""
    return tuple(ref_of(card) for card in bank.cards)


def index_of(bank: Bank) -> BankIndex:
    """The index of a loaded bank."""
    return BankIndex(
        refs_of(bank),
        {name: pack.info.title for name, pack in bank.packs.items()},
        {card.pack: card.path.parent.parent for card in bank.cards},
        tuple(sorted(bank.broken_files)),
    )


def index_path(roots: Sequence[Path]) -> Path:
    """Where the index of these content roots is remembered (in the card cache's folder)."""
    named = json.dumps([str(root) for root in roots])
    return card_cache.cache_dir() / f"index-{hashlib.sha256(named.encode()).hexdigest()[:24]}.json"


class _Unsafe(Exception):
    """Something the walk cannot vouch for (a symbolic link, a folder that vanished)."""


def _inputs(roots: Sequence[Path]) -> Inputs | None:
    """Every input of a load of `roots`, or None when one cannot be told from a stat."""
    if os.name != "posix":
        return None
    try:
        return [_root_inputs(root) for root in roots]
    except (_Unsafe, OSError):
        return None


def _key(stat: os.stat_result) -> list[int]:
    return list(card_cache.file_key(stat))


def _root_inputs(root: Path) -> Inputs:
    if not root.is_dir():
        return [str(root), False]
    if (root / PACK_FILE).is_file():
        pack_dirs = [root]
    else:
        pack_dirs = sorted(p for p in root.iterdir() if p.is_dir() and (p / PACK_FILE).is_file())
    return [str(root), True, [_pack_inputs(pack_dir) for pack_dir in pack_dirs]]


def _pack_inputs(pack_dir: Path) -> Inputs:
    """The pack folder (and where it resolves), its pack.yaml's key, every card file's key.

    Card files are the non-hidden `*.md` entries two levels down (`<topic>/<id>.md`), as
    the loader finds them; files elsewhere only ever add problems, never cards.
    """
    pack_file = pack_dir / PACK_FILE
    if pack_file.is_symlink():
        raise _Unsafe(pack_file)
    files: list[list[Any]] = []
    with os.scandir(pack_dir) as entries:
        topics = sorted(
            (entry.name, entry.path)
            for entry in entries
            if not entry.name.startswith(".") and entry.is_dir(follow_symlinks=False)
        )
    for topic, folder in topics:
        with os.scandir(folder) as entries:
            for entry in sorted(entries, key=lambda e: e.name):
                name = entry.name
                if name.startswith(".") or not name.endswith(".md"):
                    continue
                if entry.is_symlink():
                    raise _Unsafe(entry.path)
                files.append([topic, name, *_key(entry.stat(follow_symlinks=False))])
    return [str(pack_dir), str(pack_dir.resolve()), _key(os.stat(pack_file)), files]


def _racy(inputs: Inputs, now: float) -> bool:
    """Whether a file was changed so recently that a second same-tick write could hide."""
    limit = (now - card_cache.RACY_SECONDS) * 1e9

    def recent(key: list[int]) -> bool:
        return max(key[1], key[2]) > limit

    for root in inputs:
        for _, _, pack_key, files in root[2] if root[1] else ():
            if recent(pack_key) or any(recent(entry[2:]) for entry in files):
                return True
    return False


def _read(roots: Sequence[Path], inputs: Inputs) -> BankIndex | None:
    """The remembered index when it was made from exactly these inputs, else None."""
    try:
        raw = read_regular(index_path(roots), limit=INDEX_LIMIT, follow_symlinks=False)
    except InputFileError:
        return None
    data = card_cache.decode_file(raw)
    if (
        not isinstance(data, dict)
        or data.get("format") != FORMAT
        or data.get("stamp") != card_cache.code_stamp()
        or data.get("inputs") != inputs
    ):
        return None
    try:
        return BankIndex(
            tuple(
                CardRef(str(i), str(p), str(t), str(k), str(title), tuple(map(str, tags)))
                for i, p, t, k, title, tags in data["refs"]
            ),
            {str(name): str(title) for name, title in data["titles"].items()},
            {str(name): Path(folder) for name, folder in data["dirs"].items()},
            tuple(Path(path) for path in data["broken"]),
        )
    except (AttributeError, KeyError, TypeError, ValueError):
        return None


def _write(roots: Sequence[Path], inputs: Inputs, index: BankIndex) -> None:
    """Remember the index (written whole, then renamed into place); failures are ignored."""
    payload = {
        "format": FORMAT,
        "stamp": card_cache.code_stamp(),
        "inputs": inputs,
        "refs": [[r.id, r.pack, r.topic, r.kind, r.title, list(r.tags)] for r in index.refs],
        "titles": dict(index.pack_titles),
        "dirs": {name: str(folder) for name, folder in index.pack_dirs.items()},
        "broken": [str(path) for path in index.broken],
    }
    path = index_path(roots)
    with contextlib.suppress(OSError):
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".index-", suffix=".tmp", dir=path.parent)
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(card_cache.encode_file(payload))
            os.replace(tmp, path)
        except OSError:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise
