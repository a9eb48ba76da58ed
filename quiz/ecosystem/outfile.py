"""Where an export may write: a name with the right extension, and no file of the user's lost.

`export anki` and `export progress` replaced whatever was at their path: a mistyped name
(the user's notes.json, a backup they meant to keep) was gone, and `export anki x.json`
wrote a package Anki's import dialog does not list. Now a name must end as the format
does; a file already there is replaced only when drillbit wrote it (a daily backup to the
same name goes on working) or with `--force`; anything else is refused, one line naming
`--force`. The check is made again just before the new file is renamed into place, so a
file that appeared meanwhile is not lost either.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from quiz.errors import DrillbitError, UsageError
from quiz.plural import plural
from quiz.textsafe import file_kind


@dataclass(frozen=True)
class ExportKind:
    """One export's file: its names and how a file it wrote is told from others."""

    title: str
    what: str
    """The file, as the messages name it ('an Anki package')."""
    suffixes: tuple[str, ...]
    """The endings a name may have (lower case), the first one suggested."""
    why: str
    """Why the name must end so, for the refusal."""
    ours: Callable[[Path], bool]


def anki_kind() -> ExportKind:
    from quiz.ecosystem.anki import is_drillbit_package

    return ExportKind(
        title="export anki",
        what="an Anki package drillbit wrote",
        suffixes=(".apkg",),
        why="Anki imports a deck from an .apkg file",
        ours=is_drillbit_package,
    )


def progress_kind() -> ExportKind:
    from quiz.store.backup_sniff import is_progress_backup

    return ExportKind(
        title="export progress",
        what="a drillbit progress backup",
        suffixes=(".json", ".json.gz"),
        why="a progress backup is JSON, gzip-compressed when .json.gz",
        ours=is_progress_backup,
    )


def suggested_name(name: str, kind: ExportKind) -> str:
    """`name` with the kind's ending in place of its own (`x.json` to `x.apkg`; a `.gz`
    progress name keeps its compression: `x.gz` to `x.json.gz`)."""
    lower = name.lower()
    for ending in (".json.gz", ".json", ".apkg", ".colpkg", ".gz"):
        if lower.endswith(ending) and len(name) > len(ending):
            stem = name[: -len(ending)]
            if ending.endswith(".gz") and ".json.gz" in kind.suffixes:
                return stem + ".json.gz"
            return stem + kind.suffixes[0]
    stem, dot, _ = name.rpartition(".")
    return (stem if dot and stem else name) + kind.suffixes[0]


def check_name(path: Path, kind: ExportKind) -> None:
    """UsageError, with the right name, when `path` does not end as the kind's files do."""
    if path.name.lower().endswith(kind.suffixes):
        return
    better = path.with_name(suggested_name(path.name, kind))
    endings = " or ".join(kind.suffixes)
    raise UsageError(
        f"{path}: the name must end in {endings}, as {kind.why} (did you mean {better}?)",
        title=kind.title,
    )


_Seen = tuple[int, int, int, int, int] | None
"""What is at a path: (device, inode, mode, size, modification time), None for nothing."""


def _seen(path: Path) -> _Seen:
    try:
        found = os.lstat(path)
    except OSError:  # nothing there, or a folder on the way missing or shut: the writer says
        return None
    return (found.st_dev, found.st_ino, found.st_mode, found.st_size, found.st_mtime_ns)


@dataclass
class Target:
    """An export's path, once allowed: what it replaces, and the check before the rename."""

    path: Path
    kind: ExportKind
    force: bool
    seen: _Seen
    replaces: str | None
    """None when no file is there; else what it replaces (or `--force`), for the output."""

    def recheck(self) -> None:
        """Just before the rename: a file put at the path since the first check is judged
        as it was (refused unless drillbit's own or `--force`)."""
        if _seen(self.path) != self.seen:
            again = export_target(self.path, self.kind, force=self.force)
            self.seen, self.replaces = again.seen, again.replaces


def export_target(path: Path, kind: ExportKind, *, force: bool) -> Target:
    """The export's path checked: its name, and the file already there (DrillbitError when
    it is not drillbit's and `force` is not given; nothing is written then)."""
    check_name(path, kind)
    seen = _seen(path)
    if seen is None:
        return Target(path, kind, force, None, None)
    if kind.ours(path):
        return Target(path, kind, force, seen, kind.what)
    if force:
        return Target(path, kind, force, seen, "--force")
    raise DrillbitError(
        f"{path} already exists and is not {kind.what} ({_what_is_there(path)}); "
        "choose another name, or add --force to replace it",
        title=kind.title,
    )


def _what_is_there(path: Path) -> str:
    """A few words on the file in the way, so the user knows what --force would lose."""
    try:
        found = os.stat(path)
    except OSError:
        return "a link to nothing" if path.is_symlink() else "it cannot be read"
    if not stat.S_ISREG(found.st_mode):
        return file_kind(found.st_mode)
    size = found.st_size
    return "an empty file" if size == 0 else f"a file of {size:,} {plural(size, 'byte')}"
