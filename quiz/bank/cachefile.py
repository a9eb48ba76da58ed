"""The card cache's files without the card models: their format, folder and code stamp.

`quiz.bank.cache` (cards) and `quiz.bank.index` (the card index that `drillbit stats`
reads) both write these files. Kept apart from the models so that reading the index
imports no pydantic.
"""

from __future__ import annotations

import contextlib
import hashlib
import itertools
import json
import os
import sys
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import IO, Any

from quiz.bank import dists
from quiz.errors import InputFileError
from quiz.paths import HOME_ENV
from quiz.textsafe import read_regular

__all__ = [
    "CACHE_ENV",
    "RACY_SECONDS",
    "Key",
    "cache_dir",
    "code_stamp",
    "decode_file",
    "enabled",
    "encode_file",
    "file_key",
    "read_file",
    "seal",
    "unseal",
    "write_sealed",
]

CACHE_ENV = "DRILLBIT_CACHE"
"""Set to 0 (or off, no, false) to load every card from scratch."""

RACY_SECONDS = 2.0
"""Files changed more recently than this are not cached (same-tick rewrites are invisible)."""

FORMAT = 2
"""Bumped when a cache file changes shape."""
_STAMPED_SOURCES = (
    "models.py",
    "schema.py",
    "schema_words.py",
    "parse.py",
    "markdown",
    "mathtext",
    "loader.py",
    "card_facts.py",
    "cache.py",
    "cachefile.py",
    "safeyaml.py",
    "dupkeys.py",
    "joineditems.py",
    "yamlslips.py",
    "yamlerrors.py",
    "latexdelims.py",
    "order.py",
    "wording.py",
    "mathsymbols.py",
    "numbers.py",
    "problems.py",
    "sentences.py",
    "invisible.py",
    "title_dollars.py",
    "open_fence.py",
    "choice_repeats.py",
    "section_places.py",
    "card_names.py",
    "id_fixes.py",
    "fence_language.py",
)
"""The sources that decide what a clean card parses to: a module, or a package (every module
in it, so a change to any of them discards the cached cards)."""
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

_MAGIC = b"drillbit-card-cache "


def _header(body: bytes | memoryview) -> bytes:
    """The first line of a cache file: a tag and the BLAKE2b digest of the JSON after it."""
    return _MAGIC + hashlib.blake2b(body, digest_size=20).hexdigest().encode()


_HEADER_BYTES = len(_MAGIC) + 40
"""The digest line's length without its newline (a 20-byte digest is 40 hex digits)."""


def seal(body: bytes) -> bytes:
    """A cache file's bytes: the digest line, then the body."""
    return _header(body) + b"\n" + body


def unseal(raw: bytes) -> memoryview | None:
    """The body of a cache file's bytes (a view, not a copy), or None when the digest line
    does not match."""
    newline = raw.find(b"\n")
    if newline < 0:
        return None
    body = memoryview(raw)[newline + 1 :]
    if raw[:newline] != _header(body):
        return None  # not written by this code, cut short or edited
    return body


def encode_file(payload: dict[str, Any]) -> bytes:
    """A cache file's bytes: the digest line, then the payload as compact JSON."""
    return seal(json.dumps(payload, separators=(",", ":")).encode())


_COMPACT = json.JSONEncoder(separators=(",", ":"))
"""`json.dumps(..., separators=(",", ":"))` without building an encoder a call."""

_GATHER = 64 * 1024
"""Characters of JSON encoded, hashed and written at a time while the values are small."""

_MOST_AT_ONCE = 64
"""The most values of the spread dict encoded in one call."""


def _pieces(payload: dict[str, Any], spread: str) -> Iterator[str]:
    """`json.dumps(payload, separators=(",", ":"))` in pieces: the dict at key `spread` a
    few entries at a time (as many as made about `_GATHER` characters before, one while
    they are large), so a piece holds a handful of small values or one large one."""
    yield "{"
    for number, (key, value) in enumerate(payload.items()):
        yield ("," if number else "") + _COMPACT.encode(key) + ":"
        if key != spread or not isinstance(value, dict):
            yield _COMPACT.encode(value)
            continue
        entries = iter(value.items())
        count, first = 1, True
        while group := dict(itertools.islice(entries, count)):
            text = _COMPACT.encode(group)
            yield ("{" if first else ",") + text[1:-1]
            first = False
            count = max(1, min(_MOST_AT_ONCE, _GATHER * len(group) // len(text)))
        yield "{}" if first else "}"
    yield "}"


def write_sealed(handle: IO[bytes], payload: dict[str, Any], *, spread: str, limit: int) -> bool:
    """Write `encode_file(payload)` to `handle` (a new, seekable file) without holding it
    whole: the JSON is encoded, hashed and written a few values of `payload[spread]` at a
    time, and the digest line written last over a placeholder of its length.

    False, with the file left unfinished, once it would pass `limit` bytes: a reader with
    that limit would refuse it, so writing the rest would only cost memory and disk.
    """
    digest = hashlib.blake2b(digest_size=20)
    handle.write(b" " * _HEADER_BYTES + b"\n")
    written = _HEADER_BYTES + 1
    for piece in _pieces(payload, spread):
        data = piece.encode()
        written += len(data)
        if written > limit:
            return False
        digest.update(data)
        handle.write(data)
    handle.seek(0)
    handle.write(_MAGIC + digest.hexdigest().encode())
    return True


def write_sealed_file(path: Path, payload: dict[str, Any], *, spread: str, limit: int) -> None:
    """Write `payload` sealed to `path` through a temporary file renamed into place, so a
    reader never sees half a file; nothing is written past `limit` (`write_sealed`), and a
    failure (a read-only folder, a full disk) is ignored: a cache only saves work."""
    import tempfile  # here: a command that only reads the cache (`stats --json`) never loads it

    with contextlib.suppress(OSError):
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.stem}-", suffix=".tmp", dir=path.parent)
        try:
            with os.fdopen(fd, "wb") as handle:
                whole = write_sealed(handle, payload, spread=spread, limit=limit)
            if whole:
                os.replace(tmp, path)
            else:
                os.unlink(tmp)
        except OSError:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise


def decode_file(raw: bytes) -> Any:
    """The payload of a cache file's bytes, or {} when the digest line does not match."""
    body = unseal(raw)
    if body is None:
        return {}
    return _parsed(str(body, "utf-8", "replace"))


def read_file(path: Path, limit: int) -> Any:
    """The payload of the cache file at `path`, or {} unless it is a regular file of at
    most `limit` bytes that this code wrote whole. Its bytes are let go before its JSON is
    parsed, so a large file is held twice at most (bytes, then text and what it parses to)."""
    try:
        raw = read_regular(path, limit=limit, follow_symlinks=False)
    except InputFileError:
        return {}  # missing, not a regular file (a FIFO, a link), or too big: a miss
    body = unseal(raw)
    if body is None:
        return {}
    text = str(body, "utf-8", "replace")
    body.release()
    del raw
    return _parsed(text)


def _parsed(text: str) -> Any:
    try:
        return json.loads(text)
    except ValueError:
        return {}


def enabled() -> bool:
    """False when DRILLBIT_CACHE turns the cache off."""
    return os.environ.get(CACHE_ENV, "").strip().lower() not in {"0", "off", "no", "false"}


def cache_dir() -> Path:
    """`$DRILLBIT_HOME/cache`, else the platform user cache dir (not created here)."""
    override = os.environ.get(HOME_ENV, "").strip()
    if override:
        return Path(override).expanduser() / "cache"
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("drillbit", False))


def stamped_files() -> list[Path]:
    """The files of `_STAMPED_SOURCES`, a package's modules in name order."""
    here = Path(__file__).resolve().parent
    files: list[Path] = []
    for name in _STAMPED_SOURCES:
        source = here / name
        files.extend(sorted(source.glob("*.py")) if source.is_dir() else [source])
    return files


@cache
def code_stamp() -> str:
    """A digest of the code and library versions that decide what a clean card parses to."""
    digest = hashlib.sha256(f"{FORMAT}|{sys.version}".encode())
    for path in stamped_files():
        digest.update(path.read_bytes())
    installed = dists.scan()
    for dist in _STAMPED_DISTS:
        version = installed.versions.get(dists.normalize(dist)) if installed else None
        digest.update(f"|{dist}={version or _metadata_version(dist)}".encode())
    return digest.hexdigest()


def _metadata_version(dist: str) -> str:
    """A version the metadata folder names could not tell (importlib.metadata is slow to load)."""
    from importlib import metadata

    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return "-"


def file_key(stat: os.stat_result) -> Key:
    """What identifies one version of a file: size, mtime, ctime and inode."""
    return (stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns, stat.st_ino)
