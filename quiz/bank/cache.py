"""A persistent cache of the cards that loaded cleanly, so a large bank opens fast.

Parsing a card (YAML front matter, sections, math checks) costs about half a
millisecond; a 10,000-card bank would take seconds at every start. The cache
keeps, per topic folder of a pack, one JSON file with the parsed parts of every *clean*
card (and per pack one small file with a valid pack.yaml and the topics that have a file;
a session showing one card of a large bank reads only that card's topic), keyed by the
file's size, mtime, ctime and inode. On a hit YAML
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
  files are ignored, and a topic's file that would pass `CACHE_LIMIT` is not written
  (a load would refuse to read it), so that topic's cards are parsed at every load;
- memory: a topic's file is written a few card records at a time and read with its
  bytes let go before their JSON is parsed, so neither holds the topic's text twice
  beside the cards (`cachefile.write_sealed`, `cachefile.read_file`);
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
import time
from pathlib import Path
from typing import Any

from quiz.bank import cachefile
from quiz.bank.cachefile import Key, cache_dir, code_stamp, file_key, read_file, write_sealed_file
from quiz.bank.models import Card, PackInfo, Section, front_of_valid, pack_info_of_valid

__all__ = ["CACHE_LIMIT", "PackCache", "pack_cache_path", "small_pack_cache"]

CACHE_LIMIT = 256 * 1024 * 1024
"""A cache file larger than this is ignored (a 10,000-card topic needs about a fiftieth)."""
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
    """Where the cache file of this pack folder lives (its pack.yaml and topic list)."""
    name = hashlib.sha256(str(pack_dir.resolve()).encode()).hexdigest()[:24]
    return (directory or cache_dir()) / f"pack-{name}.json"


def topic_cache_path(pack_file: Path, topic: str) -> Path:
    """Where the cards of one topic folder of a pack are cached, beside `pack_file`."""
    name = hashlib.sha256(topic.encode()).hexdigest()[:16]
    return pack_file.with_name(f"cards-{pack_file.stem.removeprefix('pack-')}-{name}.json")


def small_pack_cache(pack_dir: Path, limit: int) -> PackCache:
    """The pack's cache for looking up a card or two: a topic's file holding more than
    `limit` bytes is not read (a miss). Reading a large cache file costs more than
    parsing one card (a 10,000-card topic's is about 5 MB), a small one much less."""
    return PackCache(pack_dir, topic_limit=limit)


def _topic_of(relative: str) -> str:
    return relative.partition("/")[0]  # card files sit at <topic>/<name>


class PackCache:
    """The cache files of one pack folder: look cards up by relative path and key, store
    clean ones. One file per topic folder, read when a card of that topic is first looked
    up, so showing one card of a large bank reads only its topic's cards; one small file
    for the pack's own pack.yaml and the topics that have a file."""

    def __init__(
        self, pack_dir: Path, *, directory: Path | None = None, topic_limit: int = CACHE_LIMIT
    ) -> None:
        self.pack_dir = pack_dir.resolve()
        self.path = pack_cache_path(pack_dir, directory)
        self._topic_limit = min(topic_limit, CACHE_LIMIT)
        data = self._read(self.path, CACHE_LIMIT)
        if not isinstance(data.get("pack_info"), dict | None) or not isinstance(
            data.get("topics", []), list
        ):
            data = {}
        self._old_info: dict[str, Any] | None = data.get("pack_info")
        self._old_topics: list[Any] = data.get("topics", [])
        self._old: dict[str, dict[str, dict[str, Any]]] = {}
        """Per topic: the records of its cache file (read on first use)."""
        self._new: dict[str, dict[str, dict[str, Any]]] = {}
        """Per topic seen in this load: the records to keep."""
        self._new_info: dict[str, Any] | None = None
        self._changed: set[str] = set()
        self._info_changed = False

    def _read(self, path: Path, limit: int, topic: str | None = None) -> dict[str, Any]:
        """A cache file's content, or {} unless it is a regular file this code wrote whole,
        for this pack (and this topic)."""
        data = read_file(path, limit)
        if (
            not isinstance(data, dict)
            or data.get("stamp") != code_stamp()
            or data.get("pack") != str(self.pack_dir)
            or data.get("topic") != topic
            or (topic is not None and not isinstance(data.get("cards"), dict))
        ):
            return {}
        return data

    def _old_records(self, topic: str) -> dict[str, dict[str, Any]]:
        """The cached records of one topic folder (its file read once)."""
        found = self._old.get(topic)
        if found is None:
            data = self._read(topic_cache_path(self.path, topic), self._topic_limit, topic)
            found = self._old[topic] = data.get("cards", {})
        return found

    def lookup_info(self, key: Key) -> PackInfo | None:
        """The pack's cached pack.yaml for this exact file version, validated; None on a miss."""
        record = self._old_info
        try:
            if record is None or tuple(record["key"]) != key:
                return None
            info = pack_info_of_valid(record["info"])
            if info is None:
                from quiz.bank.schema import validate_pack_info

                info = validate_pack_info(record["info"])
        except _DAMAGED:  # a record of the wrong shape is a miss
            return None
        self._new_info = record
        return info

    def store_info(self, stat: os.stat_result, info: PackInfo) -> None:
        """Remember a pack.yaml that validated (unless the file changed just now)."""
        if max(stat.st_mtime, stat.st_ctime) > time.time() - cachefile.RACY_SECONDS:
            return
        dumped: dict[str, Any] = {
            "title": info.title,
            "description": info.description,
            "version": info.version,
        }
        if info.after:
            dumped["after"] = list(info.after)
        if info.order:
            dumped["order"] = list(info.order)
        if pack_info_of_valid(json.loads(json.dumps(dumped))) == info:
            self._new_info = {"key": list(file_key(stat)), "info": dumped}
            self._info_changed = True

    def lookup(
        self, relative: str, key: Key, path: Path, pack: str, *, linted: bool = False
    ) -> Card | None:
        """The cached card for this exact file version, rebuilt and validated; None on a miss.
        With `linted`, only a card that also passed lint's own checks is a hit."""
        topic = _topic_of(relative)
        record = self._old_records(topic).get(relative)
        if record is None:
            return None
        try:
            if tuple(record["key"]) != key or (linted and record["linted"] is not True):
                return None
            parts = (record["sections"], record["hints"], record["starter"], record["lines"])
            card = card_from_parts(record["data"], parts, path, pack)
        except _DAMAGED:  # a record of the wrong shape is a miss
            return None
        self._new.setdefault(topic, {})[relative] = record
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
            topic = _topic_of(relative)
            self._new.setdefault(topic, {})[relative] = record
            self._changed.add(topic)

    def save(self) -> None:
        """Write what this load saw (dropping removed or broken files, and the files of
        topics with no card left), each file only if it changed."""
        topics = sorted(self._new)
        for topic in topics:
            records = self._new[topic]
            if topic in self._changed or records.keys() != self._old_records(topic).keys():
                payload: dict[str, Any] = {
                    "stamp": code_stamp(),
                    "pack": str(self.pack_dir),
                    "topic": topic,
                    "cards": records,
                }
                self._write(topic_cache_path(self.path, topic), payload)
        gone = [t for t in self._old_topics if isinstance(t, str) and t not in self._new]
        for topic in gone:
            with contextlib.suppress(OSError):
                os.unlink(topic_cache_path(self.path, topic))
        if self._info_changed or self._new_info != self._old_info or topics != self._old_topics:
            info_payload: dict[str, Any] = {
                "stamp": code_stamp(),
                "pack": str(self.pack_dir),
                "topic": None,
                "pack_info": self._new_info,
                "topics": topics,
            }
            self._write(self.path, info_payload)

    @staticmethod
    def _write(path: Path, payload: dict[str, Any]) -> None:
        """Write one cache file (a temporary file renamed into place), a card record at a
        time; failures are ignored. A file that would pass `CACHE_LIMIT` is not written:
        it would never be read, and encoding it whole held two copies of its cards' text."""
        write_sealed_file(path, payload, spread="cards", limit=CACHE_LIMIT)
