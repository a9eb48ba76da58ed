"""A persistent cache of the cards that loaded cleanly, so a large bank opens fast.

Parsing a card (YAML front matter, sections, math checks) costs about half a
millisecond; a 10,000-card bank would take seconds at every start. The cache
keeps, per pack folder, one JSON file with the parsed parts of every *clean*
card (and of a valid pack.yaml), keyed by the file's size, mtime, ctime and inode. On a hit YAML
parsing and the math checks are skipped, which is safe because that exact file
content passed them before with the same code. A record keeps the front matter's
data as YAML loaded it (data JSON would not give back exactly, such as a YAML date, is
not stored); a hit builds the plain front from it without the validator
(`models.front_of_valid`: the data validated when stored, and the digest line vouches
that this code wrote it), so a warm load never imports pydantic. Data not in the plain
form that builder takes is validated again by the schema: the same input to the same
validator, so the same front.

Correctness rules:
- a file with any problem is never cached, so its problems are found again on
  every load (nothing is hidden);
- a record says whether its card was also checked for what only lint reports (its
  math): the app's load stores records without that check, and lint counts only
  records with it as hits, so a warm `drillbit lint` finds every problem a cold one does;
- a changed, added or removed file misses (or drops out of) the cache;
- a change to the parsing code or its libraries changes `code_stamp()` and
  discards every entry;
- a file changed within the last `cachefile.RACY_SECONDS` is not stored, since a second
  write in the same timestamp tick could keep size and times unchanged;
- the cache is only an accelerator: unreadable, corrupt or unwritable cache
  files are ignored;
- only a regular file this code wrote is read: it is written to a temporary file
  and renamed into place, its first line holds a digest of the rest, and anything
  else at the cache path (an edited record, a FIFO, a symlink) is a miss.

The folder is `$DRILLBIT_HOME/cache` when set, else the platform user cache
dir. `DRILLBIT_CACHE=0` turns the cache off. The file format, the folder and the code
stamp live in `quiz.bank.cachefile`, which the card index shares without the models.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import math
import os
import tempfile
import time
from pathlib import Path
from typing import Any

from quiz.bank import cachefile
from quiz.bank.cachefile import Key, cache_dir, code_stamp, decode_file, encode_file, file_key
from quiz.bank.models import Card, PackInfo, Section, front_of_valid, pack_info_of_valid
from quiz.errors import InputFileError
from quiz.textsafe import read_regular

__all__ = ["CACHE_LIMIT", "PackCache", "pack_cache_path", "small_pack_cache"]

CACHE_LIMIT = 256 * 1024 * 1024
"""A cache file larger than this is ignored (a 10,000-card pack needs about a tenth)."""
# What a record of the wrong shape raises while being rebuilt (pydantic's
# ValidationError, when the schema validates it again, is a ValueError); anything else
# is a bug and propagates.
_DAMAGED = (KeyError, IndexError, TypeError, ValueError)


def _json_exact(value: Any) -> bool:
    """True when JSON gives back exactly this value: strings, ints, bools, None, finite
    floats, lists and string-keyed mappings of them (YAML can also give dates, sets,
    other keys, which are not stored)."""
    todo = [value]
    while todo:
        item = todo.pop()
        kind = type(item)
        if kind is str or kind is int or kind is bool or item is None:
            continue
        if kind is float:
            if not math.isfinite(item):
                return False
        elif kind is list:
            todo.extend(item)
        elif kind is dict:
            if any(type(key) is not str for key in item):
                return False
            todo.extend(item.values())
        else:
            return False
    return True


def card_parts(card: Card) -> tuple[list[list[Any]], list[str], str, dict[str, int]]:
    """A card's plain parts besides its front matter: sections as [title, text, line],
    hints, starter, lines (what the cache stores and the forked helper hands over)."""
    sections = [[s.title, s.text, s.line] for s in card.sections.values()]
    return sections, list(card.hints), card.starter, card.lines


def card_from_parts(
    data: Any,
    parts: tuple[list[list[Any]], list[str], str, dict[str, int]],
    path: Path,
    pack: str,
) -> Card:
    """The card again from its front matter's data (which validated when the card was parsed:
    built as `models.front_of_valid` builds it, else validated again) and `card_parts`."""
    sections, hints, starter, lines = parts
    front = front_of_valid(data)
    if front is None:
        from quiz.bank.schema import validate_front

        front = validate_front(data)
    built = {title: Section(title, text, line) for title, text, line in sections}
    return Card(front, built, path, pack, hints=tuple(hints), starter=starter, lines=dict(lines))


def _card_record(card: Card, key: Key, data: Any, linted: bool) -> dict[str, Any] | None:
    """The JSON-ready parts of a clean card, or None when its front matter's data would
    not come back from JSON exactly."""
    if not _json_exact(data):
        return None
    sections, hints, starter, lines = card_parts(card)
    return {
        "key": list(key),
        "data": data,
        "sections": sections,
        "hints": hints,
        "starter": starter,
        "lines": lines,
        "linted": linted,
    }


def pack_cache_path(pack_dir: Path, directory: Path | None = None) -> Path:
    """Where the cache file of this pack folder lives."""
    name = hashlib.sha256(str(pack_dir.resolve()).encode()).hexdigest()[:24]
    return (directory or cache_dir()) / f"pack-{name}.json"


def small_pack_cache(pack_dir: Path, limit: int) -> PackCache | None:
    """The pack's cache when its file holds at most `limit` bytes, else None.

    For looking up a card or two: reading a large pack's cache file (5.4 MB for 10,000
    generated cards) costs more than parsing one card, a small one much less.
    """
    try:
        size = os.stat(pack_cache_path(pack_dir)).st_size
    except OSError:
        return None
    return PackCache(pack_dir) if size <= limit else None


class PackCache:
    """The cache file of one pack folder: look cards up by relative path and key, store clean ones."""

    def __init__(self, pack_dir: Path, *, directory: Path | None = None) -> None:
        self.pack_dir = pack_dir.resolve()
        self.path = pack_cache_path(pack_dir, directory)
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
        record = self._old_info
        try:
            if record is None or tuple(record["key"]) != key:
                return None
            info = pack_info_of_valid(record["info"])
            if info is None:
                from quiz.bank.schema import PackInfo as PackSchema
                from quiz.bank.schema import plain_pack_info

                info = plain_pack_info(PackSchema.model_validate(record["info"]))
        except _DAMAGED:  # a record of the wrong shape is a miss
            return None
        self._new_info = record
        return info

    def store_info(self, stat: os.stat_result, info: PackInfo) -> None:
        """Remember a pack.yaml that validated (unless the file changed just now)."""
        if max(stat.st_mtime, stat.st_ctime) > time.time() - cachefile.RACY_SECONDS:
            return
        dumped = {"title": info.title, "description": info.description, "version": info.version}
        if pack_info_of_valid(json.loads(json.dumps(dumped))) == info:
            self._new_info = {"key": list(file_key(stat)), "info": dumped}
            self._changed = True

    def lookup(
        self, relative: str, key: Key, path: Path, pack: str, *, linted: bool = False
    ) -> Card | None:
        """The cached card for this exact file version, rebuilt and validated; None on a miss.
        With `linted`, only a card that also passed lint's own checks is a hit."""
        record = self._old.get(relative)
        if record is None:
            return None
        try:
            if tuple(record["key"]) != key or (linted and record["linted"] is not True):
                return None
            parts = (record["sections"], record["hints"], record["starter"], record["lines"])
            card = card_from_parts(record["data"], parts, path, pack)
        except _DAMAGED:  # a record of the wrong shape is a miss
            return None
        self._new[relative] = record
        return card

    def store(
        self, relative: str, stat: os.stat_result, card: Card, data: Any, *, linted: bool = False
    ) -> None:
        """Remember a card that loaded with no problem (unless the file changed just now);
        `data`: its front matter as YAML loaded it (`parse.parse_card_data`), which validates
        to this card's front; `linted`: it was also checked for what only lint reports."""
        newest = max(stat.st_mtime, stat.st_ctime)
        if newest > time.time() - cachefile.RACY_SECONDS:
            return
        record = _card_record(card, file_key(stat), data, linted)
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
