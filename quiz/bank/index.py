"""The card index: id, pack, topic, kind, title and tags of every card a load would give.

`drillbit stats` needs no more than that to group a history by topic, yet a full load of
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
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from quiz.bank import cachefile
from quiz.errors import InputFileError
from quiz.textsafe import read_regular

if TYPE_CHECKING:
    from quiz.bank.loader import Bank

PACK_FILE = "pack.yaml"  # quiz.bank.loader.PACK_FILE, not imported: it pulls in the models
FORMAT = 1
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


def card_index(roots: Sequence[Path]) -> tuple[CardRef, ...]:
    """The cards `load_bank(roots)` would keep, in its order, without building them."""
    inputs = _inputs(roots) if cachefile.enabled() else None
    if inputs is not None:
        remembered = _read(roots, inputs)
        if remembered is not None:
            return remembered
    from quiz.bank.loader import load_bank

    refs = refs_of(load_bank(roots))
    if inputs is not None and not _racy(inputs, time.time()) and _inputs(roots) == inputs:
        _write(roots, inputs, refs)  # unchanged while loading: the refs are those inputs'
    return refs


def refs_of(bank: Bank) -> tuple[CardRef, ...]:
    """The index of a loaded bank."""
    return tuple(
        CardRef(card.id, card.pack, card.topic, card.kind, card.title, tuple(card.tags))
        for card in bank.cards
    )


def index_path(roots: Sequence[Path]) -> Path:
    """Where the index of these content roots is remembered (in the card cache's folder)."""
    named = json.dumps([str(root) for root in roots])
    return cachefile.cache_dir() / f"index-{hashlib.sha256(named.encode()).hexdigest()[:24]}.json"


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
    return list(cachefile.file_key(stat))


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
    limit = (now - cachefile.RACY_SECONDS) * 1e9

    def recent(key: list[int]) -> bool:
        return max(key[1], key[2]) > limit

    for root in inputs:
        for _, _, pack_key, files in root[2] if root[1] else ():
            if recent(pack_key) or any(recent(entry[2:]) for entry in files):
                return True
    return False


def _read(roots: Sequence[Path], inputs: Inputs) -> tuple[CardRef, ...] | None:
    """The remembered index when it was made from exactly these inputs, else None."""
    try:
        raw = read_regular(index_path(roots), limit=INDEX_LIMIT, follow_symlinks=False)
    except InputFileError:
        return None
    data = cachefile.decode_file(raw)
    if (
        not isinstance(data, dict)
        or data.get("format") != FORMAT
        or data.get("stamp") != cachefile.code_stamp()
        or data.get("inputs") != inputs
    ):
        return None
    try:
        return tuple(
            CardRef(str(i), str(p), str(t), str(k), str(title), tuple(map(str, tags)))
            for i, p, t, k, title, tags in data["refs"]
        )
    except (KeyError, TypeError, ValueError):
        return None


def _write(roots: Sequence[Path], inputs: Inputs, refs: Sequence[CardRef]) -> None:
    """Remember the index (written whole, then renamed into place); failures are ignored."""
    payload = {
        "format": FORMAT,
        "stamp": cachefile.code_stamp(),
        "inputs": inputs,
        "refs": [[r.id, r.pack, r.topic, r.kind, r.title, list(r.tags)] for r in refs],
    }
    path = index_path(roots)
    with contextlib.suppress(OSError):
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".index-", suffix=".tmp", dir=path.parent)
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(cachefile.encode_file(payload))
            os.replace(tmp, path)
        except OSError:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise
