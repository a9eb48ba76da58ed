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
import threading
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from stat import S_ISLNK
from typing import TYPE_CHECKING, NamedTuple

from quiz.bank import cachefile
from quiz.errors import InputFileError
from quiz.gcpause import gc_paused
from quiz.textsafe import read_regular

if TYPE_CHECKING:
    from quiz.bank.loader import Bank
    from quiz.bank.models import Card

PACK_FILE = "pack.yaml"  # quiz.bank.loader.PACK_FILE, not imported: it pulls in the models
FORMAT = 3
"""Bumped when what is remembered changes shape (the card cache's stamp covers the loader)."""
FIELD, TAG = "\x1f", "\x1e"
"""The refs are remembered as one string: each card's six fields end with FIELD, its tags
are joined by TAG. Split in C, that reads in half the time of a JSON list per card (10,000
cards: 10-15 ms against 17-29 ms); an index whose text holds either character is not
remembered."""
INDEX_LIMIT = 64 * 1024 * 1024
"""A remembered index larger than this is ignored (10,000 cards take about 2 MB)."""


class CardRef(NamedTuple):
    """What identifies a card and where it belongs; fits quiz.study's StudyCard.

    A named tuple: 10,000 of them are built at every start, three times faster than
    a frozen dataclass.
    """

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
    walk: Sequence[str] = field(default=(), compare=False, repr=False)
    """A remembered index's stat walk (`_pack_inputs`' records): every card file's key as
    it was when the full load found it clean. Empty for the index of a load."""

    def card_path(self, ref: CardRef) -> Path:
        """The file a card of this index was loaded from (ids equal file names)."""
        return self.pack_dirs[ref.pack] / ref.topic / f"{ref.id}.md"

    def vouched_key(self, path: Path) -> cachefile.Key | None:
        """The key (size, mtime, ctime, inode) the card file at `path` had when it loaded
        with no problem under this code, when this index was remembered from that load;
        else None. A file with this key now is that same clean file."""
        walk = self.walk
        pack, prefix = str(path.parent.parent), f"card\0{path.parent.name}\0{path.name}\0"
        current, at, count = "", 0, len(walk)
        while at < count:  # the records `_root_inputs` and `_pack_inputs` write, in order
            record = walk[at]
            if record == "pack":
                current = walk[at + 1]
                at += 7
            elif record == "root" or record == "missing":
                at += 2
            else:
                if current == pack and record.startswith(prefix):
                    size, mtime, ctime, inode = record[len(prefix) :].split("\0")
                    return (int(size), int(mtime), int(ctime), int(inode))
                at += 1
        return None


def card_index(roots: Sequence[Path]) -> tuple[CardRef, ...]:
    """The cards `load_bank(roots)` would keep, in its order, without building them."""
    return bank_index(roots)[0].refs


def bank_index(roots: Sequence[Path]) -> tuple[BankIndex, Bank | None]:
    """The index of `load_bank(roots)`, and the bank itself when it had to be loaded.

    The remembered index answers while every input is unchanged (no card model is
    built, pydantic is not even imported); otherwise the bank is loaded and returned
    with its index, which is remembered for next time.
    """
    return _index_of_inputs(roots, _inputs(roots) if cachefile.enabled() else None)


class IndexWalk:
    """`bank_index(roots)` whose stat walk has begun in a thread.

    The walk is one `lstat` per card file (10,000 for a large bank), system calls that
    release the GIL: begun before the caller opens the store and starts its screens, it
    runs beside them on another core, and `result` waits only for what is left of it.
    The answer is the one `bank_index` gives: the remembered index only when every file
    is as it was, else a full load (here, in the caller's thread).
    """

    def __init__(self, roots: Sequence[Path]) -> None:
        self.roots = tuple(roots)
        self._inputs: _Inputs | None = None
        self._error: Exception | None = None
        self._thread: threading.Thread | None = None
        if cachefile.enabled():
            self._thread = threading.Thread(target=self._walk, name="card-index-walk", daemon=True)
            self._thread.start()

    def _walk(self) -> None:
        try:
            self._inputs = _inputs(self.roots)  # None for anything it cannot vouch for
        except Exception as error:  # noqa: BLE001 (raised again by `result`, in the caller)
            self._error = error

    def result(self) -> tuple[BankIndex, Bank | None]:
        """The index (and the bank, when it had to be loaded), as `bank_index` gives them."""
        if self._thread is not None:
            self._thread.join()
        if self._error is not None:
            raise self._error  # as `bank_index` would have raised it
        return _index_of_inputs(self.roots, self._inputs)


def _index_of_inputs(
    roots: Sequence[Path], inputs: _Inputs | None
) -> tuple[BankIndex, Bank | None]:
    """`bank_index` once the walk is done (`inputs` None: the cache is off or cannot vouch)."""
    if inputs is not None:
        with gc_paused():  # 10,000 refs: no collection passes while they are built
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
    return cachefile.cache_dir() / f"index-{hashlib.sha256(named.encode()).hexdigest()[:24]}.json"


class _Unsafe(Exception):
    """Something the walk cannot vouch for (a symbolic link, a folder that vanished)."""


@dataclass(frozen=True, slots=True)
class _Inputs:
    """Everything a load of some roots reads, as one digest, and its newest change (ns)."""

    digest: str
    newest_ns: int
    fields: Sequence[str] = field(default=(), compare=False, repr=False)
    """The walk's records the digest is of (kept to vouch for one card file later)."""


def _inputs(roots: Sequence[Path]) -> _Inputs | None:
    """The inputs of a load of `roots`, or None when one cannot be told from a stat.

    Records are kind-tagged runs of NUL-separated fields of a fixed count (no path
    holds a NUL), so equal digests mean equal walks.
    """
    if os.name != "posix":
        return None
    fields: list[str] = []
    try:
        newest = max((_root_inputs(root, fields) for root in roots), default=0)
    except (_Unsafe, OSError):
        return None
    digest = hashlib.blake2b("\0".join(fields).encode(), digest_size=20).hexdigest()
    return _Inputs(digest, newest, fields)


def _root_inputs(root: Path, fields: list[str]) -> int:
    if not root.is_dir():
        fields += ("missing", str(root))
        return 0
    if (root / PACK_FILE).is_file():
        pack_dirs = [root]
    else:
        pack_dirs = sorted(p for p in root.iterdir() if p.is_dir() and (p / PACK_FILE).is_file())
    fields += ("root", str(root))
    return max((_pack_inputs(pack_dir, fields) for pack_dir in pack_dirs), default=0)


def _pack_inputs(pack_dir: Path, fields: list[str]) -> int:
    """The pack folder (and where it resolves), its pack.yaml's key, every card file's key.

    Card files are the non-hidden `*.md` entries two levels down (`<topic>/<id>.md`), as
    the loader finds them; files elsewhere only ever add problems, never cards. Returns
    the newest mtime or ctime seen.
    """
    pack_file = pack_dir / PACK_FILE
    if pack_file.is_symlink():
        raise _Unsafe(pack_file)
    with os.scandir(pack_dir) as entries:
        topics = sorted(
            (entry.name, entry.path)
            for entry in entries
            if not entry.name.startswith(".") and entry.is_dir(follow_symlinks=False)
        )
    stat = os.stat(pack_file)
    newest = max(stat.st_mtime_ns, stat.st_ctime_ns)
    fields += ("pack", str(pack_dir), str(pack_dir.resolve()), *map(str, _key(stat)))
    add = fields.append
    lstat = os.lstat
    for topic, folder in topics:
        # Listed through an open folder, each file's lstat is relative to it (fstatat):
        # the kernel looks up one name, not the whole path, a third of the walk's CPU.
        # Names, not DirEntry objects: the lstat says whether it is a link, and per file
        # this loop is most of the walk's user time.
        folder_fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
        try:
            names = os.listdir(folder_fd)
            names.sort()
            for name in names:
                if name[:1] == "." or name[-3:] != ".md":
                    continue
                stat = lstat(name, dir_fd=folder_fd)
                if S_ISLNK(stat.st_mode):
                    raise _Unsafe(os.path.join(folder, name))
                mtime, ctime = stat.st_mtime_ns, stat.st_ctime_ns
                add(f"card\0{topic}\0{name}\0{stat.st_size}\0{mtime}\0{ctime}\0{stat.st_ino}")
                if mtime > newest:
                    newest = mtime
                if ctime > newest:
                    newest = ctime
        finally:
            os.close(folder_fd)
    return newest


def _key(stat: os.stat_result) -> tuple[int, ...]:
    return tuple(cachefile.file_key(stat))


def _racy(inputs: _Inputs, now: float) -> bool:
    """Whether a file was changed so recently that a second same-tick write could hide."""
    return inputs.newest_ns > (now - cachefile.RACY_SECONDS) * 1e9


def _read(roots: Sequence[Path], inputs: _Inputs) -> BankIndex | None:
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
        or data.get("inputs") != inputs.digest
    ):
        return None
    try:
        # The digest line vouches that this code wrote the file: no per-field type checks.
        return BankIndex(
            _refs_of_text(data["refs"]),
            {str(name): str(title) for name, title in data["titles"].items()},
            {str(name): Path(folder) for name, folder in data["dirs"].items()},
            tuple(Path(path) for path in data["broken"]),
            inputs.fields,
        )
    except (AttributeError, KeyError, TypeError, ValueError):
        return None


def _refs_text(refs: Sequence[CardRef]) -> str | None:
    """The refs as one string (see FIELD), or None when a field holds FIELD, or a tag is
    empty or holds TAG (it would not read back the same)."""
    fields = [
        field
        for ref in refs
        for field in (ref.id, ref.pack, ref.topic, ref.kind, ref.title, TAG.join(ref.tags))
    ]
    text = "".join(field + FIELD for field in fields)
    if text.count(FIELD) != len(fields) or any(
        not tag or TAG in tag for ref in refs for tag in ref.tags
    ):
        return None
    return text


def _refs_of_text(text: str) -> tuple[CardRef, ...]:
    """The refs `_refs_text` wrote, in order (the same tags tuple for equal tags)."""
    fields = iter(text.split(FIELD)[:-1])
    build = tuple.__new__  # CardRef's own __new__ is Python code: a third of the time
    tag_tuples: dict[str, tuple[str, ...]] = {"": ()}
    refs = []
    for card_id, pack, topic, kind, title, tags in zip(*[fields] * 6, strict=True):
        found = tag_tuples.get(tags)
        if found is None:
            found = tag_tuples[tags] = tuple(tags.split(TAG))
        refs.append(build(CardRef, (card_id, pack, topic, kind, title, found)))
    return tuple(refs)


def _write(roots: Sequence[Path], inputs: _Inputs, index: BankIndex) -> None:
    """Remember the index (written whole, then renamed into place); failures are ignored."""
    refs = _refs_text(index.refs)
    if refs is None:
        return  # a field holds a separator: not remembered, every start loads the bank
    payload = {
        "format": FORMAT,
        "stamp": cachefile.code_stamp(),
        "inputs": inputs.digest,
        "refs": refs,
        "titles": dict(index.pack_titles),
        "dirs": {name: str(folder) for name, folder in index.pack_dirs.items()},
        "broken": [str(path) for path in index.broken],
    }
    import tempfile  # only when writing: reading the index (every stats) does not need it

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
