"""A persistent cache of the cards that loaded cleanly, so a large bank opens fast.

Parsing a card (YAML front matter, sections, math checks) costs about half a
millisecond; a 10,000-card bank would take seconds at every start. The cache
keeps, per pack folder, one JSON file with the parsed parts of every *clean*
card (and of a valid pack.yaml), keyed by the file's size, mtime, ctime and inode. On a hit YAML
parsing and the math checks are skipped, which is safe because that exact file
content passed them before with the same code. The front matter is validated
again from its JSON form (pydantic's validator is faster than `model_construct`
here), and a record is only written when that gives an equal model.

Correctness rules:
- a file with any problem is never cached, so its problems are found again on
  every load (nothing is hidden);
- a changed, added or removed file misses (or drops out of) the cache;
- a change to the parsing code or its libraries changes `code_stamp()` and
  discards every entry;
- a file changed within the last `RACY_SECONDS` is not stored, since a second
  write in the same timestamp tick could keep size and times unchanged;
- the cache is only an accelerator: unreadable, corrupt or unwritable cache
  files are ignored;
- only a regular file this code wrote is read: it is written to a temporary file
  and renamed into place, its first line holds a digest of the rest, and anything
  else at the cache path (an edited record, a FIFO, a symlink) is a miss.

The folder is `$DRILLBIT_HOME/cache` when set, else the platform user cache
dir. `DRILLBIT_CACHE=0` turns the cache off.
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import json
import os
import sys
import tempfile
import time
from collections.abc import Iterator
from functools import cache
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING, Any

from quiz.errors import InputFileError
from quiz.paths import HOME_ENV
from quiz.textsafe import read_regular

if TYPE_CHECKING:
    # The models (pydantic) are imported when a card is built: the card index and the
    # app's Home read this module's file helpers without them.
    from quiz.bank.models import Card, FrontMatter, PackInfo

CACHE_ENV = "DRILLBIT_CACHE"
"""Set to 0 (or off, no, false) to load every card from scratch."""

RACY_SECONDS = 2.0
"""Files changed more recently than this are not cached (same-tick rewrites are invisible)."""

FORMAT = 1
_STAMPED_SOURCES = (
    "models.py",
    "parse.py",
    "markdown.py",
    "mathtext.py",
    "loader.py",
    "cache.py",
    "safeyaml.py",
)
_STAMPED_DISTS = (
    "pydantic",
    "pydantic-core",
    "pyyaml",
    "pylatexenc",
    "python-frontmatter",
    "markdown-it-py",
    "mdit-py-plugins",
)

Key = tuple[int, int, int, int]

CACHE_LIMIT = 256 * 1024 * 1024
"""A cache file larger than this is ignored (a 10,000-card pack needs about a tenth)."""
_MAGIC = b"drillbit-card-cache "
# What a record of the wrong shape raises while being rebuilt (pydantic's
# ValidationError is a ValueError); anything else is a bug and propagates.
_DAMAGED = (KeyError, IndexError, TypeError, ValueError)


def _header(body: bytes) -> bytes:
    """The first line of a cache file: a tag and the BLAKE2b digest of the JSON after it."""
    return _MAGIC + hashlib.blake2b(body, digest_size=20).hexdigest().encode()


def encode_file(payload: dict[str, Any]) -> bytes:
    """A cache file's bytes: the digest line, then the payload as compact JSON."""
    body = json.dumps(payload, separators=(",", ":")).encode()
    return _header(body) + b"\n" + body


def decode_file(raw: bytes) -> Any:
    """The payload of a cache file's bytes, or {} when the digest line does not match."""
    header, newline, body = raw.partition(b"\n")
    if not newline or header != _header(body):
        return {}  # not written by this code, cut short or edited
    try:
        return json.loads(body)
    except ValueError:
        return {}


def enabled() -> bool:
    """False when DRILLBIT_CACHE turns the cache off."""
    return os.environ.get(CACHE_ENV, "").strip().lower() not in {"0", "off", "no", "false"}


@contextlib.contextmanager
def gc_paused() -> Iterator[None]:
    """Hold the cyclic garbage collector while a bank loads.

    Loading builds tens of thousands of small acyclic objects; each allocation burst
    would trigger collections that walk everything alive (a third of a 10,000-card
    load). Reference counting still frees memory; collection resumes afterwards.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def cache_dir() -> Path:
    """`$DRILLBIT_HOME/cache`, else the platform user cache dir (not created here)."""
    override = os.environ.get(HOME_ENV, "").strip()
    if override:
        return Path(override).expanduser() / "cache"
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("drillbit", False))


@cache
def code_stamp() -> str:
    """A digest of the code and library versions that decide what a clean card parses to."""
    digest = hashlib.sha256(f"{FORMAT}|{sys.version}".encode())
    here = Path(__file__).resolve().parent
    for name in _STAMPED_SOURCES:
        digest.update((here / name).read_bytes())
    for dist in _STAMPED_DISTS:
        try:
            version = metadata.version(dist)
        except metadata.PackageNotFoundError:
            version = "-"
        digest.update(f"|{dist}={version}".encode())
    return digest.hexdigest()


def file_key(stat: os.stat_result) -> Key:
    """What identifies one version of a file: size, mtime, ctime and inode."""
    return (stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns, stat.st_ino)


def _same(a: FrontMatter, b: FrontMatter) -> bool:
    """Equal type, values and set fields: the rebuilt model is indistinguishable."""
    return type(a) is type(b) and a == b and a.model_fields_set == b.model_fields_set


def _card_record(card: Card, key: Key) -> dict[str, Any] | None:
    """The JSON-ready parts of a clean card, or None when they do not round-trip exactly."""
    from quiz.bank.models import FRONT_MATTER

    front = card.front.model_dump(mode="json", exclude_unset=True)
    try:
        back = json.loads(json.dumps(front, allow_nan=False))
        if not _same(FRONT_MATTER.validate_python(back), card.front):
            return None
    except (TypeError, ValueError):
        return None
    return {
        "key": list(key),
        "front": front,
        "sections": [[s.title, s.text, s.line] for s in card.sections.values()],
        "hints": list(card.hints),
        "starter": card.starter,
        "lines": card.lines,
    }


class PackCache:
    """The cache file of one pack folder: look cards up by relative path and key, store clean ones."""

    def __init__(self, pack_dir: Path, *, directory: Path | None = None) -> None:
        self.pack_dir = pack_dir.resolve()
        name = hashlib.sha256(str(self.pack_dir).encode()).hexdigest()[:24]
        self.path = (directory or cache_dir()) / f"pack-{name}.json"
        data = self._read()
        self._old: dict[str, dict[str, Any]] = data.get("cards", {})
        self._old_info: dict[str, Any] | None = data.get("pack_info")
        self._new: dict[str, dict[str, Any]] = {}
        self._new_info: dict[str, Any] | None = None
        self._changed = False

    def _read(self) -> dict[str, Any]:
        """The cache file's content, or {} unless it is a regular file this code wrote whole."""
        try:
            raw = read_regular(self.path, limit=CACHE_LIMIT, follow_symlinks=False)
        except InputFileError:
            return {}  # missing, not a regular file (a FIFO, a link), or too big: a miss
        data = decode_file(raw)
        if (
            not isinstance(data, dict)
            or data.get("stamp") != code_stamp()
            or data.get("pack") != str(self.pack_dir)
            or not isinstance(data.get("cards"), dict)
            or not isinstance(data.get("pack_info"), dict | None)
        ):
            return {}
        return data

    def lookup_info(self, key: Key) -> PackInfo | None:
        """The pack's cached pack.yaml for this exact file version, validated; None on a miss."""
        from quiz.bank.models import PackInfo

        record = self._old_info
        try:
            if record is None or tuple(record["key"]) != key:
                return None
            info = PackInfo.model_validate(record["info"])
        except _DAMAGED:  # a record of the wrong shape is a miss
            return None
        self._new_info = record
        return info

    def store_info(self, stat: os.stat_result, info: PackInfo) -> None:
        """Remember a pack.yaml that validated (unless the file changed just now)."""
        from quiz.bank.models import PackInfo

        if max(stat.st_mtime, stat.st_ctime) > time.time() - RACY_SECONDS:
            return
        dumped = info.model_dump(mode="json", exclude_unset=True)
        if PackInfo.model_validate(json.loads(json.dumps(dumped))) == info:
            self._new_info = {"key": list(file_key(stat)), "info": dumped}
            self._changed = True

    def lookup(self, relative: str, key: Key, path: Path, pack: str) -> Card | None:
        """The cached card for this exact file version, rebuilt and validated; None on a miss."""
        from quiz.bank.models import FRONT_MATTER, Card, Section

        record = self._old.get(relative)
        if record is None:
            return None
        try:
            if tuple(record["key"]) != key:
                return None
            front = FRONT_MATTER.validate_python(record["front"])
            sections = {
                title: Section(title, text, line) for title, text, line in record["sections"]
            }
            card = Card(
                front,
                sections,
                path,
                pack,
                hints=tuple(record["hints"]),
                starter=record["starter"],
                lines=dict(record["lines"]),
            )
        except _DAMAGED:  # a record of the wrong shape is a miss
            return None
        self._new[relative] = record
        return card

    def store(self, relative: str, stat: os.stat_result, card: Card) -> None:
        """Remember a card that loaded with no problem (unless the file changed just now)."""
        newest = max(stat.st_mtime, stat.st_ctime)
        if newest > time.time() - RACY_SECONDS:
            return
        record = _card_record(card, file_key(stat))
        if record is not None:
            self._new[relative] = record
            self._changed = True

    def save(self) -> None:
        """Write the cards seen in this load (dropping removed or broken files), if anything changed."""
        unchanged = self._new.keys() == self._old.keys() and self._new_info == self._old_info
        if not self._changed and unchanged:
            return
        payload = {
            "stamp": code_stamp(),
            "pack": str(self.pack_dir),
            "pack_info": self._new_info,
            "cards": self._new,
        }
        with contextlib.suppress(OSError):
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=".pack-", suffix=".tmp", dir=self.path.parent)
            try:
                with os.fdopen(fd, "wb") as handle:
                    handle.write(encode_file(payload))
                os.replace(tmp, self.path)
            except OSError:
                with contextlib.suppress(OSError):
                    os.unlink(tmp)
                raise
