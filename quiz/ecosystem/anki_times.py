"""When each note's content was first exported to Anki, kept per card and content hash.

Anki's importer updates a note only when the incoming modification time is newer than
the one in the collection. A note whose content did not change must therefore keep
its old time across exports (a user's later edit in Anki is newer and survives), and a
changed note must get a newer one. The times live in one small JSON file in the data
folder, written atomically; losing it makes the next export count every note as changed.
Each card's note type is kept there too: Anki never changes an imported note's type, so a
card whose kind changed is one the export must name.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

from quiz.errors import DrillbitError
from quiz.paths import data_dir

__all__ = ["FILE_NAME", "ContentTimes"]

FILE_NAME = "anki-export-times.json"


class ContentTimes:
    """card id -> (content hash, first export time of that content), loaded from `path`,
    and the note type each card was last exported as (kept since the Title field)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._times: dict[str, tuple[str, int]] = {}
        self._types: dict[str, int] = {}
        self._changed = False
        if path.is_file():
            self._times, self._types = _read(path)

    @classmethod
    def default(cls) -> ContentTimes:
        """The times of the user's data folder (`$DRILLBIT_HOME`)."""
        return cls(data_dir() / FILE_NAME)

    def stamp(self, card_id: str, digest: str, now: int) -> int:
        """The note's modification time: unchanged content keeps its time, new content gets `now`.

        A change within the second of the previous time still moves it forward by one.
        """
        known = self._times.get(card_id)
        if known is not None and known[0] == digest:
            return known[1]
        mod = now if known is None else max(now, known[1] + 1)
        self._times[card_id] = (digest, mod)
        self._changed = True
        return mod

    def retype(self, card_id: str, note_type: int) -> int | None:
        """Keep the card's note type; the other one an earlier export gave it, if any (a
        card whose kind changed: Anki never changes an imported note's type)."""
        before = self._types.get(card_id)
        if before == note_type:
            return None
        self._types[card_id] = note_type
        self._changed = True
        return before

    def differs(self, key: str, digest: str) -> bool:
        """Whether an earlier export kept times here under another `digest` for `key`, or
        under none (it came before `key` was kept): what it wrote has changed since."""
        known = self._times.get(key)
        return bool(self._times) and (known is None or known[0] != digest)

    def save(self) -> None:
        """Write the times if any changed (temp file + rename: never half a file)."""
        if not self._changed:
            return
        data: dict[str, dict[str, str | int]] = {}
        for key, (digest, mod) in sorted(self._times.items()):
            data[key] = {"hash": digest, "mod": mod}
            if key in self._types:
                data[key]["type"] = self._types[key]
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".anki-times-", dir=self.path.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                json.dump(data, handle, indent=1)
            os.replace(tmp, self.path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        self._changed = False


def _read(path: Path) -> tuple[dict[str, tuple[str, int]], dict[str, int]]:
    """The stored times and note types; a damaged file is one clear error naming it."""
    problem = f"{path} is not a drillbit Anki times file; delete it (the next export then stamps every note as changed)"
    try:
        raw = json.loads(path.read_text(encoding="utf-8-sig"))  # Notepad adds a BOM
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise DrillbitError(f"{problem}: {exc}", title="export anki") from exc
    if not isinstance(raw, dict):
        raise DrillbitError(problem, title="export anki")
    times: dict[str, tuple[str, int]] = {}
    types: dict[str, int] = {}
    for card_id, entry in raw.items():
        if (
            not isinstance(entry, dict)
            or not isinstance(entry.get("hash"), str)
            or type(entry.get("mod")) is not int
            or ("type" in entry and type(entry["type"]) is not int)
        ):
            raise DrillbitError(f"{problem} (entry {card_id!r})", title="export anki")
        times[card_id] = (entry["hash"], entry["mod"])
        if "type" in entry:
            types[card_id] = entry["type"]
    return times, types
