"""The card index: id, pack, topic, kind, title and tags of every card a load would give.

`drillbit stats` and the app's Home need no more than that (plus each pack's title and
folder and the count of card files that do not load), yet a full load of
a 10,000-card bank rebuilds every card model (0.5 s of CPU with the card cache warm, and
reading that cache is 0.16 s of it). So the index of a full load is remembered, next to
the card cache, together with everything the load read: the content roots, each pack
folder, and the size, times and inode of its pack.yaml and of every card file. While all
of those are unchanged (and the code is: the card cache's code stamp), a load would
give the same cards, and the remembered index is returned after one `stat` per file.
Anything else (a changed, added or removed file, a broken symbolic link or a link loop,
the cache turned off) means a load; a symbolic link that resolves is walked as its
own key, where it resolves and its target's key. Beside the index, what the checks across
files read of every card that loaded clean is remembered per file (`card_facts`, the
`facts-*.marshal` file): after one card file changed, the load takes every other file
whose key is as it was from those facts and reads only the changed ones, then makes the
checks across files on them all with the load's own code (`loader.load_parts`). The card cache's own rules apply: a file changed in the last
`RACY_SECONDS` is not trusted, and a damaged or foreign index file is a miss.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import marshal
import os
import signal
import stat
import sys
import threading
import time
import weakref
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from itertools import repeat
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from quiz import cores
from quiz.bank import cachefile, statwalk
from quiz.bank.statwalk import PACK_FILE as PACK_FILE  # the loader's name, without its models
from quiz.errors import InputFileError
from quiz.gcpause import gc_paused
from quiz.textsafe import read_regular

if TYPE_CHECKING:
    from quiz.bank.card_facts import CardFacts, CardLike, KnownFiles, Place, Record
    from quiz.bank.loader import Bank, Loaded
    from quiz.bank.models import Card

FORMAT = 5
"""Bumped when what is remembered changes shape (the card cache's stamp covers the loader)."""
INDEX_LIMIT = 64 * 1024 * 1024
"""A remembered index larger than this is ignored (10,000 cards take about 0.7 MB)."""
FACTS_FORMAT = 1
"""Bumped when the remembered card facts change shape."""


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
    summary: str | None = field(default=None, compare=False)
    """The load's `Bank.problem_summary()`: what `drillbit cards` warns of without loading
    the bank (it is the same load's while the inputs are unchanged)."""
    walk: str = field(default="", compare=False, repr=False)
    """A remembered index's stat walk (`quiz.bank.statwalk`'s records): every card file's
    key as it was when the full load found it clean. Empty for the index of a load."""
    seen: str = field(default="", compare=False, repr=False)
    """The stat walk of the files this index was made from (remembered or loaded; empty
    when the walk could not vouch for them): a walk that differs now means a file was
    edited, added or removed since (`LazyBank.refresh`)."""
    _card_keys: dict[tuple[str, str, str], tuple[str, ...]] = field(
        default_factory=dict, init=False, compare=False, repr=False
    )
    """The walk's card keys by file, read from it once, when a card file is first parsed."""

    def card_path(self, ref: CardRef) -> Path:
        """The file a card of this index was loaded from (ids equal file names)."""
        return self.pack_dirs[ref.pack] / ref.topic / f"{ref.id}.md"

    def vouched_key(self, path: Path) -> cachefile.Key | None:
        """The key (size, mtime, ctime, inode) the card file at `path` had when it loaded
        with no problem under this code, when this index was remembered from that load;
        else None. A file with this key now is that same clean file."""
        keys = self._card_keys
        if not keys and self.walk:  # read from the walk at the first file parsed
            keys.update(_card_keys(self.walk))
        found = keys.get((str(path.parent.parent), path.parent.name, path.name))
        if found is None:
            return None
        size, mtime, ctime, inode = found
        return (int(size), int(mtime), int(ctime), int(inode))


def _card_keys(walk: str) -> dict[tuple[str, str, str], tuple[str, ...]]:
    """Every card file's key fields in a walk, by (pack folder, topic, file name): one pass
    over the records `statwalk` writes, each kind its count of fields (the first record of
    a file wins, as a scan from the start would find it)."""
    fields = walk.split("\0")
    keys: dict[tuple[str, str, str], tuple[str, ...]] = {}
    current, at, count = "", 0, len(fields)
    while at < count:
        record = fields[at]
        if record == "pack":
            current = fields[at + 1]
            at += 7
        elif record == "below":  # a folder or `.md` file not at `<topic>/<id>.md`: no card
            at += 7
        elif record == "link":  # a symbolic link: its key is not its target's, never vouched
            at += 12
        elif record == "card":
            keys.setdefault(
                (current, fields[at + 1], fields[at + 2]), tuple(fields[at + 3 : at + 7])
            )
            at += 7
        else:  # root, missing
            at += 2
    return keys


def card_index(roots: Sequence[Path]) -> tuple[CardRef, ...]:
    """The cards `load_bank(roots)` would keep, in its order, without building them."""
    return bank_index(roots)[0].refs


def bank_index(roots: Sequence[Path], *, whole: bool = False) -> tuple[BankIndex, Bank | None]:
    """The index of `load_bank(roots)`, and the bank itself when it had to be loaded.

    The remembered index answers while every input is unchanged (no card model is
    built, pydantic is not even imported); otherwise the files that changed are loaded,
    the others taken from their remembered facts, and no bank is returned (the bank when
    no fact was kept, or with `whole`: a caller that needs the bank next gets it from the
    one load), and the index is remembered for next time.
    """
    inputs = _inputs(roots) if cachefile.enabled() else None
    return _index_of_inputs(roots, inputs, whole=whole)


class IndexWalk:
    """`bank_index(roots)` whose stat walk has begun beside the caller.

    The walk is one `lstat` per card file (10,000 for a large bank). Begun before the
    caller opens the store and starts its screens, it runs on another core, and `result`
    waits only for what is left of it. A large bank's walk runs in a helper process
    (`quiz.bank.statwalk` as a script) when a core is free: it needs no GIL, where a
    thread asks for the app's back after every `lstat`. Otherwise it runs in a thread,
    which yields to the app (a helper with no core of its own would share the app's). The
    answer is the one `bank_index` gives: the remembered index only when every file is as
    it was, else a full load (here, in the caller's thread).
    """

    def __init__(self, roots: Sequence[Path]) -> None:
        self.roots = tuple(roots)
        self._inputs: _Inputs | None = None
        self._error: Exception | None = None
        self._thread: threading.Thread | None = None
        self._helper: _WalkHelper | None = None
        if cachefile.enabled():
            self._helper = _WalkHelper.start(self.roots)
            if self._helper is None:
                self._thread = threading.Thread(
                    target=self._walk, name="card-index-walk", daemon=True
                )
                self._thread.start()

    def _walk(self) -> None:
        try:
            self._inputs = _inputs(self.roots)  # None for anything it cannot vouch for
        except Exception as error:  # noqa: BLE001 (raised again by `result`, in the caller)
            self._error = error

    def ready(self) -> bool:
        """Whether the walk is done (`result` then waits for nothing but the index read)."""
        if self._helper is not None:
            return self._helper.done()
        return self._thread is None or not self._thread.is_alive()

    def result(self) -> tuple[BankIndex, Bank | None]:
        """The index (and the bank, when it had to be loaded), as `bank_index` gives them."""
        if self._helper is not None:
            helper, self._helper = self._helper, None
            try:
                found = helper.answer()
            except _NoAnswer:  # walk here, as `bank_index` would
                self._walk()
            else:
                self._inputs = None if found is None else _inputs_of(*found)
        if self._thread is not None:
            self._thread.join()
        if self._error is not None:
            raise self._error  # as `bank_index` would have raised it
        return _index_of_inputs(self.roots, self._inputs)


HELPER_MIN_BYTES = 256 * 1024
"""A walk runs in a helper process when the remembered index is at least this large (about
2,500 cards): a fresh interpreter's start (10-20 ms of CPU) is then less than the walk."""


class _NoAnswer(Exception):
    """The helper did not answer: it could not start, was killed, or wrote something else."""


class _WalkHelper:
    """`python -I -S statwalk.py ROOT...` begun with `posix_spawn`, writing to a memory file."""

    def __init__(self, pid: int, output: int) -> None:
        self._pid, self._output = pid, output
        self._status: int | None = None
        """The exit status, once the helper was waited for."""
        self._running = [pid]
        """Emptied once waited for: the finalizer must not wait for a reused pid."""
        self._done = weakref.finalize(self, _reap, self._running, output)

    @classmethod
    def start(cls, roots: Sequence[Path]) -> _WalkHelper | None:
        """The helper, or None when a walk here is the better choice (a small or new bank,
        no free core, no `posix_spawn` or memory files, no interpreter to start)."""
        if not (
            hasattr(os, "posix_spawn")
            and hasattr(os, "memfd_create")
            and hasattr(os, "sched_getaffinity")
            and sys.executable
            and cores.idle_cpus() >= 1
        ):
            return None
        try:
            if os.stat(index_path(roots)).st_size < HELPER_MIN_BYTES:
                return None
        except OSError:
            return None
        output = os.memfd_create("drillbit-index-walk", os.MFD_CLOEXEC)
        args = [sys.executable, "-I", "-S", statwalk.__file__, *map(str, roots)]
        try:
            pid = os.posix_spawn(
                sys.executable,
                args,
                os.environ,
                file_actions=[
                    (os.POSIX_SPAWN_OPEN, 0, os.devnull, os.O_RDONLY, 0),
                    (os.POSIX_SPAWN_DUP2, output, 1),
                    (os.POSIX_SPAWN_OPEN, 2, os.devnull, os.O_WRONLY, 0),
                ],
            )
        except (OSError, ValueError):
            os.close(output)
            return None
        return cls(pid, output)

    def done(self) -> bool:
        """Whether the helper has ended (its answer is then read without waiting)."""
        if self._status is None:
            try:
                pid, status = os.waitpid(self._pid, os.WNOHANG)
            except OSError:
                return True  # `answer` says what became of it
            if pid:
                self._status = status
                self._running.clear()
        return self._status is not None

    def answer(self) -> tuple[int, str] | None:
        """The walk's (newest, records), or None when it cannot vouch (as `statwalk.walk`).

        _NoAnswer when the helper gave none."""
        try:
            if self._status is None:
                self._status = os.waitpid(self._pid, 0)[1]
                self._running.clear()
            status = self._status
            size = os.fstat(self._output).st_size
            data = os.pread(self._output, size, 0)
            if status != 0 or len(data) != size:
                raise _NoAnswer(status)
            return statwalk.read_answer(data)
        except (OSError, ValueError) as error:
            raise _NoAnswer(error) from error
        finally:
            self._done.detach()
            os.close(self._output)


def _reap(running: list[int], output: int) -> None:
    """A helper never asked for its answer: end it if it still runs (nobody waits for its
    walk, and an exit must not wait for it either), reap it (no zombie), free its output."""
    with contextlib.suppress(OSError):
        os.close(output)
    for pid in running:
        with contextlib.suppress(OSError):
            if os.waitpid(pid, os.WNOHANG) == (0, 0):
                os.kill(pid, signal.SIGKILL)
                os.waitpid(pid, 0)


def _index_of_inputs(
    roots: Sequence[Path], inputs: _Inputs | None, *, whole: bool = False
) -> tuple[BankIndex, Bank | None]:
    """`bank_index` once the walk is done (`inputs` None: the cache is off or cannot vouch)."""
    if inputs is not None:
        with gc_paused():  # 10,000 refs: no collection passes while they are built
            remembered = _read(roots, inputs)
        if remembered is not None:
            return remembered, None
    from quiz.bank import loader

    known = None
    if inputs is not None and not whole:
        with gc_paused():  # 10,000 records: no collection passes while they are built
            known = _read_facts(roots, inputs)
    clean: list[Card | CardFacts] = []
    bank: Bank | None = None
    if known is None:  # every card read, and the bank kept
        bank = loader.load_bank(roots, clean=clean)
        index = index_of(bank)
    else:  # the files unchanged since they loaded clean are taken from their facts
        index = _index_of_loaded(loader.load_parts(roots, known, clean))
    if inputs is not None and not _racy(inputs, time.time()) and _inputs(roots) == inputs:
        _write(roots, inputs, index)  # unchanged while loading: the index is those inputs'
        _write_facts(roots, clean, known)
    if inputs is not None:  # a file changed while loading: it differs from these, read again
        index = replace(index, seen=inputs.records)
    return index, bank


def ref_of(card: CardLike) -> CardRef:
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
        bank.problem_summary(),
    )


def _index_of_loaded(loaded: Loaded) -> BankIndex:
    """The index of a load some of whose cards are facts: `index_of`'s fields."""
    from quiz.bank.loader import problem_summary

    last = {}  # each pack's last card: `index_of`'s folders, without 10,000 `parent`s
    for card in loaded.cards:
        last[card.pack] = card
    return BankIndex(
        tuple(ref_of(card) for card in loaded.cards),
        {name: pack.info.title for name, pack in loaded.packs.items()},
        {name: card.path.parent.parent for name, card in last.items()},
        tuple(sorted(loaded.broken)),
        problem_summary(loaded.problems, loaded.broken),
    )


def index_path(roots: Sequence[Path]) -> Path:
    """Where the index of these content roots is remembered (in the card cache's folder)."""
    named = json.dumps([str(root) for root in roots])
    digest = hashlib.sha256(named.encode()).hexdigest()[:24]
    return cachefile.cache_dir() / f"index-{digest}.marshal"


def facts_path(roots: Sequence[Path]) -> Path:
    """Where the card facts of a load of these roots are remembered, beside their index."""
    index = index_path(roots)
    return index.with_name("facts-" + index.name.removeprefix("index-"))


def _unsealed(path: Path) -> memoryview | None:
    """A remembered file's body when this code wrote it whole, else None (absent, a link,
    too large, cut short or another code's): the index and the card facts are read alike."""
    try:
        raw = read_regular(path, limit=INDEX_LIMIT, follow_symlinks=False)
    except InputFileError:
        return None
    return cachefile.unseal(raw)


def _read_facts(roots: Sequence[Path], inputs: _Inputs) -> KnownFiles | None:
    """The remembered card facts of these roots, or None (none kept, damaged, another
    code's or format's: then every card is read). Each fact answers only for the file
    with the key it was remembered with, so facts of an older load are never wrong."""
    from quiz.bank.card_facts import KnownFiles

    body = _unsealed(facts_path(roots))
    if body is None:
        return None
    try:
        kept, stamp, records = marshal.loads(body)
    except (EOFError, TypeError, ValueError):  # not marshal data, or of another shape
        return None
    if (kept, stamp) != (FACTS_FORMAT, cachefile.code_stamp()) or not isinstance(records, dict):
        return None
    return KnownFiles(records, _card_keys(inputs.records)) if records else None


def _write_facts(
    roots: Sequence[Path], clean: Sequence[CardLike], known: KnownFiles | None
) -> None:
    """Remember the facts of every card of a load that loaded clean (`clean`) from a plain
    file: a fact that answered (`known.used`) as it was, a card read under its file's key.
    Called once the walk after the load found every file as the walk before it did: a key
    read between the two is theirs (a ctime never goes back), so the file the load read."""
    from quiz.bank.card_facts import CardFacts, place_of, record_of

    records: dict[Place, Record] = {} if known is None else known.used
    shared: dict[str, str] = {}
    for card in clean:
        if isinstance(card, CardFacts):
            continue  # its record is in `known.used`
        try:
            found = os.lstat(card.path)
        except OSError:
            continue
        if stat.S_ISREG(found.st_mode):  # a link's key is not its target's: never remembered
            place = place_of(card.path, shared)
            records[place] = record_of(card, cachefile.file_key(found), shared)
    data = (FACTS_FORMAT, cachefile.code_stamp(), records)
    _write_sealed(facts_path(roots), cachefile.seal(marshal.dumps(data)))


@dataclass(frozen=True, slots=True)
class _Inputs:
    """Everything a load of some roots reads, as one digest, and its newest change (ns)."""

    digest: str
    newest_ns: int
    records: str = field(default="", compare=False, repr=False)
    """The walk the digest is of (kept to vouch for one card file later)."""


def _inputs(roots: Sequence[Path]) -> _Inputs | None:
    """The inputs of a load of `roots`, or None when one cannot be told from a stat."""
    if os.name != "posix":
        return None
    found = statwalk.walk([str(root) for root in roots])
    return None if found is None else _inputs_of(*found)


def _inputs_of(newest: int, records: str) -> _Inputs:
    # A file name that is not UTF-8 is in the records as Python decodes it, its bytes as
    # surrogates: encoded back to those bytes (`list` with `caf\xe9.png` in a pack was
    # UnicodeEncodeError's traceback for every command that loads the bank)
    digest = hashlib.blake2b(records.encode("utf-8", "surrogateescape"), digest_size=20).hexdigest()
    return _Inputs(digest, newest, records)


def _racy(inputs: _Inputs, now: float) -> bool:
    """Whether a file was changed so recently that a second same-tick write could hide."""
    return inputs.newest_ns > (now - cachefile.RACY_SECONDS) * 1e9


def _read(roots: Sequence[Path], inputs: _Inputs) -> BankIndex | None:
    """The remembered index when it was made from exactly these inputs, else None.

    The file is `marshal` data (Python's own format for its compiled files) behind the
    card cache's digest line: the refs come back as tuples built in C, with the pack,
    topic and tag strings shared. For 10,000 cards that reads in a third of the time of
    the JSON it was (the split fields and 10,000 tuples built in Python: 18-20 ms of CPU
    against 5-8, at load 6). The digest line vouches that this code wrote the file whole;
    the code stamp covers the Python version (whose marshal wrote it)."""
    body = _unsealed(index_path(roots))
    if body is None:
        return None
    try:
        data = marshal.loads(body)
        kept, stamp, digest, refs, titles, dirs, broken, summary = data
        if (kept, stamp, digest) != (FORMAT, cachefile.code_stamp(), inputs.digest):
            return None
        # The digest line vouches that this code wrote the file: no per-field type checks.
        return BankIndex(
            tuple(map(tuple.__new__, repeat(CardRef), refs)),  # CardRef's __new__ is Python
            dict(titles),
            {name: Path(folder) for name, folder in dirs},
            tuple(map(Path, broken)),
            summary,
            inputs.records,
            inputs.records,
        )
    except (EOFError, TypeError, ValueError):  # not marshal data, or of another shape
        return None


def _write(roots: Sequence[Path], inputs: _Inputs, index: BankIndex) -> None:
    """Remember the index (written whole, then renamed into place); failures are ignored."""
    data = (
        FORMAT,
        cachefile.code_stamp(),
        inputs.digest,
        tuple((r.id, r.pack, r.topic, r.kind, r.title, r.tags) for r in index.refs),
        tuple(index.pack_titles.items()),
        tuple((name, str(folder)) for name, folder in index.pack_dirs.items()),
        tuple(map(str, index.broken)),
        index.summary,
    )
    path = index_path(roots)
    if _write_sealed(path, cachefile.seal(marshal.dumps(data))):
        with contextlib.suppress(OSError):
            os.unlink(path.with_suffix(".json"))  # the JSON the third format wrote


def _write_sealed(path: Path, sealed: bytes) -> bool:
    """Write a file whole (a temporary file renamed into place); False when it failed."""
    import tempfile  # only when writing: reading the index (every stats) does not need it

    with contextlib.suppress(OSError):
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".index-", suffix=".tmp", dir=path.parent)
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(sealed)
            os.replace(tmp, path)
        except OSError:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise
        return True
    return False
