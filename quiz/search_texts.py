"""The search index's Markdown-parsed texts, kept beside the card cache between starts.

Building the card browser's index (`quiz.search.SearchIndex`) spent 80% of its half second
on a heavy bank in `plain_text`: a Markdown parse of each text with a `$` or a backslash,
to pair its dollars as lint does. What it returns depends only on the text and the code,
so each result is kept under the text's BLAKE2b digest (the content hash: an edited card's
text has another digest, and is parsed again) in one sealed file of the card cache's
folder, stamped with the parser's code (`cachefile.code_stamp`) and this module's,
`quiz.cardtext`'s and `quiz.search`'s sources. A file that is missing, corrupt, written by
other code or not JSON of this shape is a miss: the texts are parsed, and the file written
again. `DRILLBIT_CACHE=0` turns it off with the card cache.
"""

from __future__ import annotations

import hashlib
from functools import cache
from pathlib import Path
from typing import Any

from quiz.bank import cachefile
from quiz.cardtext import plain_text

FORMAT = 1
"""Bumped when the file changes shape."""

FILE_NAME = "search-texts.json"
"""The file's name in the card cache's folder (`cachefile.cache_dir`)."""

LIMIT = 64 * 1024 * 1024
"""A larger file is neither read nor written (a heavy bank's is a few MB)."""

_SOURCES = ("search_texts.py", "cardtext.py", "search.py")
"""This package's modules that decide a kept text, besides the card parser's."""


@cache
def stamp() -> str:
    """What a kept text was made by: the card parser's stamp and `_SOURCES`' bytes."""
    digest = hashlib.sha256(f"{FORMAT}|{cachefile.code_stamp()}".encode())
    here = Path(__file__).resolve().parent
    for name in _SOURCES:
        digest.update((here / name).read_bytes())
    return digest.hexdigest()


def cache_path() -> Path:
    """Where the kept texts are: beside the card cache."""
    return cachefile.cache_dir() / FILE_NAME


def text_key(text: str) -> str:
    """A text's content hash, the key it is kept under."""
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


class PlainTexts:
    """`plain_text` remembered: the texts kept from the last build, then each text asked
    for, parsed only when it was not kept. `save` writes the texts this build asked for
    (so the file holds the current cards' texts, not every text ever indexed)."""

    def __init__(self, kept: dict[str, str] | None = None, *, path: Path | None = None) -> None:
        self._kept = kept if kept is not None else {}
        self._used: dict[str, str] = {}
        self._path = path
        self.parsed = 0
        """How many texts were parsed (not found kept): the work a warm build avoids."""

    @classmethod
    def load(cls) -> PlainTexts:
        """The texts kept in the cache folder (none when the card cache is off, or the file
        is missing or damaged: then every text is parsed and the file written again)."""
        if not cachefile.enabled():
            return cls()
        path = cache_path()
        return cls(_read(path), path=path)

    def __call__(self, text: str) -> str:
        """`plain_text(text)`, from the kept texts when there."""
        if "$" not in text and "\\" not in text:
            return text  # `plain_text`'s own short cut: nothing to keep
        key = text_key(text)
        found = self._kept.get(key)
        if found is None:
            found = plain_text(text)
            self.parsed += 1
        self._used[key] = found
        return found

    @property
    def changed(self) -> bool:
        """Whether the file would differ from what was read: a text parsed or one gone."""
        return self.parsed > 0 or self._used.keys() != self._kept.keys()

    def save(self) -> None:
        """Write this build's texts when they changed (a failure only costs the next start
        the parse)."""
        if self._path is not None and self.changed:
            _write(self._path, {"stamp": stamp(), "texts": self._used})
            self._kept = dict(self._used)
            self.parsed = 0


def _read(path: Path) -> dict[str, str]:
    """The kept texts of the file at `path`, or none unless this code wrote it whole."""
    data: Any = cachefile.read_file(path, LIMIT)
    if not isinstance(data, dict) or data.get("stamp") != stamp():
        return {}
    texts = data.get("texts")
    if not isinstance(texts, dict):
        return {}
    return {key: value for key, value in texts.items() if isinstance(value, str)}


def _write(path: Path, payload: dict[str, Any]) -> None:
    """Write the file whole (`cachefile.write_sealed_file`); failures are ignored."""
    cachefile.write_sealed_file(path, payload, spread="texts", limit=LIMIT)
