"""Reading a backup: a file (gzip or not) or a decoded document streamed row by row,
each row validated into its model with the JSON path of its first problem.

The rows go to a `Sink` one by one while the file is valid: the import's merger
(`quiz.store.backup`), or a collector for a whole `ProgressFile` (`read_progress`,
`parse_progress`, `parse_progress_bytes`). Memory is bounded by `MAX_ITEM_BYTES`, not the
file. The format tag and version are judged before every other problem, wherever they
stand in the file, and a newer version's file is refused as such.
"""

from __future__ import annotations

import gzip
import io
import json
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from quiz.errors import DrillbitError
from quiz.jsonshown import shown
from quiz.store.backup_format import FORMAT, VERSION
from quiz.store.backup_fsrs import FSRS_CHECKED, CheckedTexts, FsrsCardError
from quiz.store.backup_models import ROW_MODELS, ProgressFile, Row
from quiz.store.backup_problems import problems
from quiz.store.backup_safety import (
    MAX_DEPTH,
    deep_path,
    json_path,
    parse_constant,
    parse_int,
    unsafe_value,
)
from quiz.store.backup_sniff import EXPECTED, not_a_backup
from quiz.store.backup_values import BOUNDS, Bounds
from quiz.store.jsonstream import (
    GZIP_MAGIC,
    Member,
    Readable,
    StreamError,
    TooDeep,
    members,
    open_regular,
)
from quiz.textsafe import MIB

READABLE_VERSIONS = (1, 2, 3, 4)
"""Version 4 added the settings (`settings`); version 3 the drill hints seen (`hints_seen`); version 2 the interview plan
(`plan`) and suspended or buried cards (`card_flags`). An older file is a newer one
without what came after it."""
READS = f"{FORMAT} versions {READABLE_VERSIONS[0]} to {VERSION}"
"""What this drillbit reads, as an unknown field's message says it."""
CAME_IN = {"card_flags": 2, "plan": 2, "hints_seen": 3, "settings": 4}
"""The version each later part of the file came in: an older file holding one is refused."""


class ProgressFormatError(DrillbitError):
    """The file is not a progress backup this drillbit can read; nothing was imported."""

    def __init__(self, message: str) -> None:
        super().__init__(message, title="import-progress")


MAX_ITEM_BYTES = 64 * MIB
"""The largest single value of a backup (a row of a list, or a top-level value) read.

Memory is bounded by this, not by the file: rows are read, checked and merged one at a
time. 64 MiB holds the longest row a backup can have (a 4 Mi-character verdict, escaped)."""
MAX_TEXT_BYTES = 4096 * MIB
"""The most JSON text (after gzip) read: over 6 million reviews; it only bounds the time."""

_FIELD_RANK = {field: rank for rank, field in enumerate(ProgressFile.model_fields)}


class Sink:
    """Where the rows of a backup go once each is valid (nowhere: only checked)."""

    def add(self, key: str, row: Row) -> None:
        """One valid row of the list `key`."""

    def finish(self, header: ProgressFile) -> None:
        """The whole file was valid (`header`: its fields, lists empty)."""


class _Check:
    """The validation of one backup as its members stream past (see `parse_progress`).

    The first value no backup holds is refused at once (it comes first in the file). Other
    problems are counted, and the one pydantic would name first for the whole file (its
    fields in order, a list's rows by index) is kept for the end, after the format tag and
    version are known: those come first in the message, wherever they stand in the file.
    """

    def __init__(self, name: str, now: datetime) -> None:
        self.name = name
        self.context: dict[str, Any] = {
            "now": now,
            BOUNDS: Bounds.at(now),
            FSRS_CHECKED: CheckedTexts(),
        }
        self.header: dict[str, Any] = {}
        self.root: Any = None
        self.whole = False
        """Whether the document is no object (`root` holds it, even when it is null)."""
        self.lists: set[str] = set()
        self.filled: set[str] = set()
        """The lists with at least one row (an older version's file may not hold some)."""
        self.first: tuple[tuple[int, int, int], str] | None = None
        self.errors = 0

    def value(self, key: str, value: Any) -> None:
        """A whole top-level value (`key` "": the whole document, not an object)."""
        where: tuple[int | str, ...] = (key,) if key else ()
        self._safe(value, where)
        if key:
            self.header[key] = value
        else:
            self.root = value
            self.whole = True

    def row(self, key: str, index: int, value: Any) -> Row | None:
        """One row of the list `key`: the validated row, or None when it is not valid."""
        self._safe(value, (key, index))
        self.filled.add(key)
        model = ROW_MODELS.get(key)
        if model is None:  # not a list of the format: the key is refused at the end
            return None
        try:
            return model.model_validate(value, context=self.context)
        except ValidationError as exc:
            self._note(exc, (key, index), model)
            return None

    def _safe(self, value: Any, where: tuple[int | str, ...]) -> None:
        problem = unsafe_value(value, where)
        if problem is not None:
            self.refuse_newer()
            at, what = problem
            raise ProgressFormatError(f"{self.name}: {json_path(at)}: {what}")

    def refuse_newer(self, damage: str = "") -> None:
        """Refuse the file as a newer version's when its header (read so far) says so.

        A value refused at once (too deep, an integer beyond 64 bits) in a file a newer
        drillbit wrote is that version's to read: "update drillbit" is the message that
        helps, not the value's, as it is for every other problem (`finish`). `damage` is
        what no drillbit can read (a file cut short, not JSON): said after the version,
        since updating alone will not import it."""
        version = self.header.get("version")
        if self.header.get("format") == FORMAT and _newer(version):
            also = f"; the file is also damaged: {damage}" if damage else ""
            raise ProgressFormatError(_version_problem(self.name, version) + also)

    def _note(self, exc: ValidationError, where: tuple[int | str, ...], model: type[Row]) -> None:
        found = problems(exc, model, READS)
        self.errors += len(found)
        at, message, first = found[0]
        loc = [*where, *at]
        rank = (
            _FIELD_RANK.get(str(loc[0]), len(_FIELD_RANK)),
            loc[1] if len(where) == 2 and isinstance(loc[1], int) else -1,
            self.errors,
        )
        if self.first is not None and self.first[0] <= rank:
            return
        cause = first.get("ctx", {}).get("error")
        if isinstance(cause, FsrsCardError) and cause.key is not None:
            loc.append(cause.key)  # into the fsrs JSON text: `card_states.0.fsrs_card.state`
        self.first = (rank, f"{json_path(loc)}: {message}")

    @property
    def failed(self) -> bool:
        return self.first is not None

    def finish(self) -> ProgressFile:
        """The file's fields (lists empty), or ProgressFormatError for its first problem."""
        name = self.name
        data = self.root if self.whole else self.header
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise ProgressFormatError(
                f"{name} is not a drillbit progress file ({_other_json(data)}); {EXPECTED}"
            )
        if "version" not in data:
            raise ProgressFormatError(
                f"{name}: version: missing (a {FORMAT} file names its version; this drillbit "
                f"reads versions {READABLE_VERSIONS[0]} to {VERSION})"
            )
        version = data.get("version")
        if type(version) is not int or version not in READABLE_VERSIONS:  # not true, 3.0
            raise ProgressFormatError(_version_problem(name, version))
        for field, came_in in CAME_IN.items():
            present = data.get(field) if field not in ROW_MODELS else field in self.filled
            if present and version < came_in:
                raise ProgressFormatError(
                    f"{name}: {field}: not part of version {version} (it came in version {came_in})"
                )
        header: ProgressFile | None = None
        try:
            header = ProgressFile.model_validate(
                {**data, **dict.fromkeys(self.lists, [])}, context=self.context
            )
        except ValidationError as exc:
            self._note(exc, (), ProgressFile)
        if self.first is not None or header is None:
            more = f" (and {self.errors - 1} more)" if self.errors > 1 else ""
            problem = self.first[1] if self.first is not None else "not valid"
            raise ProgressFormatError(f"{name}: {problem}{more}")
        return header


def intake(members_of: Iterable[Member], name: str, now: datetime, sink: Sink) -> ProgressFile:
    """Check every member of a backup, handing each valid row to `sink` while all are."""
    check = _Check(name, now)
    try:
        for member in members_of:
            if member.place is None:
                check.value(member.key, member.value)
            elif member.place < 0:
                check.lists.add(member.key)
            else:
                row = check.row(member.key, member.place, member.value)
                if row is not None and not check.failed:
                    sink.add(member.key, row)
    except TooDeep as exc:
        check.refuse_newer()
        raise ProgressFormatError(
            f"{name}: {deep_path(exc.text, exc.path)}: nested deeper than {MAX_DEPTH} levels"
        ) from None
    except StreamError as exc:
        where = f"{json_path(exc.path)}: " if exc.path else ""
        check.refuse_newer(f"{where}{exc.message}")
        raise ProgressFormatError(f"{name}: {where}{exc.message}") from exc
    header = check.finish()
    sink.finish(header)
    return header


def file_members(source: Readable, item_limit: int) -> Iterator[Member]:
    return members(
        source,
        item_limit=item_limit,
        total_limit=MAX_TEXT_BYTES,
        parse_int=parse_int,
        parse_constant=parse_constant,
    )


def _decoded_members(data: Any) -> Iterator[Member]:
    """The members of an already decoded document, as `members` gives a file's."""
    if not isinstance(data, dict):
        yield Member("", None, data)
        return
    for key, value in data.items():
        if isinstance(value, list):
            yield Member(key, -1, None)
            for index, item in enumerate(value):
                yield Member(key, index, item)
        else:
            yield Member(key, None, value)


@contextmanager
def opened(path: Path) -> Iterator[Readable]:
    """The backup at `path` opened for streaming (gzip or not); ProgressFormatError if not,
    or if its first bytes show it is something else (an Anki package, a binary file)."""
    if (instead := not_a_backup(path)) is not None:
        raise ProgressFormatError(instead)
    try:
        with open_regular(path) as source:
            yield source
    except ValueError as exc:
        raise ProgressFormatError(f"{path}: {exc}, not a regular file") from exc
    except OSError as exc:
        raise ProgressFormatError(f"{path}: cannot read it: {exc.strerror or exc}") from exc


class _Collect(Sink):
    """Every valid row kept, for a whole `ProgressFile` in memory."""

    def __init__(self) -> None:
        self.lists: dict[str, list[Row]] = {key: [] for key in ROW_MODELS}

    def add(self, key: str, row: Row) -> None:
        self.lists[key].append(row)

    def backup(self, header: ProgressFile) -> ProgressFile:
        return header.model_copy(update=self.lists)


def read_progress(
    path: Path, *, now: datetime | None = None, item_limit: int = MAX_ITEM_BYTES
) -> ProgressFile:
    """Read and validate a backup file whole into memory (`import_progress` streams it)."""
    moment = now if now is not None else datetime.now(UTC)
    collect = _Collect()
    with opened(path) as source:
        header = intake(file_members(source, item_limit), str(path), moment, collect)
    return collect.backup(header)


def parse_progress_bytes(
    raw: bytes,
    name: str = "the file",
    *,
    now: datetime | None = None,
    item_limit: int = MAX_ITEM_BYTES,
) -> ProgressFile:
    """Decode JSON text (gzip or not) and validate it (see `parse_progress`)."""
    moment = now if now is not None else datetime.now(UTC)
    collect = _Collect()
    source: Readable = io.BytesIO(raw)
    if raw.startswith(GZIP_MAGIC):
        source = gzip.GzipFile(fileobj=io.BytesIO(raw), mode="rb")
    header = intake(file_members(source, item_limit), name, moment, collect)
    return collect.backup(header)


def parse_progress(
    data: Any, name: str = "the file", *, now: datetime | None = None
) -> ProgressFile:
    """Validate a decoded backup document (format tag and version first, then every row)."""
    moment = now if now is not None else datetime.now(UTC)
    collect = _Collect()
    header = intake(_decoded_members(data), name, moment, collect)
    return collect.backup(header)


def _other_json(data: Any) -> str:
    """What a JSON document that is no backup holds instead, to tell the file apart."""
    if not isinstance(data, dict):
        return f'it holds {shown(data)}, not an object with "format": "{FORMAT}"'
    if "format" in data:
        return f'its "format" is {shown(data["format"])}, not "{FORMAT}"'
    keys = ", ".join(json.dumps(key[:40], ensure_ascii=False) for key in list(data)[:4])
    more = ", ..." if len(data) > 4 else ""
    found = f"its keys are {keys}{more}" if data else "it is an empty object"
    return f'no "format": "{FORMAT}"; {found}'


def _version_problem(name: str, version: object) -> str:
    """Why a file of this `version` is refused, the version as the file writes it (`true`,
    `"3"`, `3.0`: Python's `True` and `'3'` named no value of the file)."""
    try:
        shown = json.dumps(version)
    except (TypeError, ValueError):
        shown = repr(version)
    return (
        f"{name} is drillbit-progress version {shown}; this drillbit reads versions "
        f"{READABLE_VERSIONS[0]} to {VERSION}"
        + (" (update drillbit to import it)" if _newer(version) else "")
    )


def _newer(version: object) -> bool:
    return isinstance(version, int) and not isinstance(version, bool) and version > VERSION


# -- merging -----------------------------------------------------------------------
