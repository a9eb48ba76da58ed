"""A new database made all or nothing, for a step that must leave no trace when it fails.

`drillbit import-progress` into a home without a database used to open (so create) the
database first, then refuse the file: the person was left with an empty, initialised
home, as if the import had half worked. `build_new` instead builds the database under a
hidden temporary name beside it and gives it its real name only once the step has
succeeded:

- a refused step (or any error) deletes the temporary file, its -wal and -shm, and the
  folders made for it: the home is as it was;
- a crash mid-step leaves only the hidden `.drillbit.db.new-*` file, which nothing
  opens: the home still has no database;
- another drillbit that opens the home meanwhile creates its own database, which is never
  overwritten (the finished file is hard-linked into place, and a link does not replace
  a file): `build_new` then answers None and the caller does the step again on that
  database, as on any existing one.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import sqlite3
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TypeVar

from quiz.errors import DataDirError
from quiz.paths import ensure_dir
from quiz.store.errors import NotSavedError
from quiz.store.recovery import SIDECARS
from quiz.store.store import Store, checked_path

_T = TypeVar("_T")

NEW_PREFIX = ".{name}.new-"
"""The temporary file's name before its random part (`.drillbit.db.new-3f9a…`)."""


def build_new(
    target: Path, build: Callable[[Store], _T], *, now: datetime | None = None
) -> _T | None:
    """`build` run on a new database that appears at `target` only if it returns.

    None, with nothing done, when this cannot be done here: a database (or anything) is
    at `target` already or appeared there meanwhile, or its folder cannot be made or
    written. The caller then runs the step on `Store.open(target)`, whose own messages
    say what is wrong; a step run in one transaction leaves an existing database as it was.
    An error raised by `build` is raised again once everything made for it is removed.
    """
    if os.path.lexists(target):
        return None
    made = _missing_folders(target.parent)
    try:
        ensure_dir(target.parent, "the database folder")
    except DataDirError:
        return None  # Store.open raises it again, with the home's own wording
    staged = target.with_name(f"{NEW_PREFIX.format(name=target.name)}{secrets.token_hex(8)}")
    done = False
    try:
        store = Store.open(staged, now=now)
        try:
            if not store.saving:  # an unwritable folder: Store.open(target) says so itself
                return None
            result = build(store)
        finally:
            store.close()
        _self_contained(staged)
        if not _publish(staged, target):
            return None
        done = True
    finally:
        _remove(staged)  # after a success only its name goes: the file is `target` now
        if not done:
            _remove_folders(made)
    return result


def _missing_folders(folder: Path) -> list[Path]:
    """`folder` and those of its parents that do not exist yet, deepest first."""
    missing: list[Path] = []
    for each in (folder, *folder.parents):
        if os.path.lexists(each):
            break
        missing.append(each)
    return missing


def _remove_folders(made: list[Path]) -> None:
    """Remove the folders `build_new` made, deepest first, each only while it is empty."""
    for folder in made:
        try:
            folder.rmdir()
        except OSError:  # something else was put there meanwhile: keep it and its parents
            return


def _remove(staged: Path) -> None:
    """The temporary database, its sidecars and its checked stamp, whichever exist."""
    for path in (
        staged,
        *(staged.with_name(staged.name + suffix) for suffix in (*SIDECARS, "-journal")),
        checked_path(staged),
    ):
        with contextlib.suppress(FileNotFoundError):
            path.unlink()


def _self_contained(staged: Path) -> None:
    """Everything the closed store wrote moved into the file itself (no -wal left beside it).

    Closing the last connection already copies the write-ahead log into the file and
    removes it; a checkpoint on a connection of its own makes sure of it, and the file
    stays in WAL mode, as every open leaves it (the next open does not rewrite it).
    """
    log = staged.with_name(staged.name + SIDECARS[0])
    try:
        conn = sqlite3.connect(str(staged), isolation_level=None)
        try:
            busy = conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]
        finally:
            conn.close()
        left = log.stat().st_size if log.exists() else 0
    except (sqlite3.Error, OSError) as error:
        raise NotSavedError(f"could not save to {staged}: {error}") from error
    if busy or left:
        raise NotSavedError(f"could not save to {staged}: its write-ahead log stayed beside it")


def _publish(staged: Path, target: Path) -> bool:
    """Give the finished file its real name; False when a database got there first."""
    try:
        os.link(staged, target)  # never replaces: a database made meanwhile is kept
    except FileExistsError:
        return False
    except OSError as error:  # a file system without hard links: a rename, checked first
        if os.path.lexists(target):
            return False
        try:
            os.rename(staged, target)
        except OSError as again:
            raise NotSavedError(f"could not save to {target}: {again.strerror or again}") from error
    _sync_folder(target.parent)
    return True


def _sync_folder(folder: Path) -> None:
    """Make the new name survive a power cut (best effort: not every system can)."""
    try:
        handle = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(handle)
    except OSError:
        pass
    finally:
        os.close(handle)
