"""What a failed SQLite write says to a person: our words for the errors a disk gives.

SQLite's own messages are written for programmers ("database or disk is full", "attempt to
write a readonly database", "disk I/O error"): the first leaves open which of the two it
means, the second names a database where a person has a file. The error's name
(`sqlite_errorname`, Python 3.11+) says which it is, so the message a person reads is
chosen from it; an error without a name we know keeps SQLite's words.
"""

from __future__ import annotations

import sqlite3

__all__ = ["plain_reason"]

_WORDS = (
    ("SQLITE_FULL", "the disk is full"),
    ("SQLITE_READONLY", "the file or its folder is read-only"),
    ("SQLITE_IOERR", "the disk reported a read or write error"),
    ("SQLITE_CANTOPEN", "the file cannot be opened for writing"),
    ("SQLITE_PERM", "permission to write it was refused"),
    ("SQLITE_BUSY", "another program, maybe another drillbit, kept it locked"),
    ("SQLITE_LOCKED", "another program, maybe another drillbit, kept it locked"),
)
"""Error-name prefixes (extended codes such as SQLITE_IOERR_WRITE included) and their words."""


def plain_reason(error: sqlite3.Error) -> str:
    """Why the write failed, in a person's words when the error's name is one a disk
    gives; SQLite's message otherwise."""
    name = getattr(error, "sqlite_errorname", "") or ""
    for prefix, words in _WORDS:
        if name == prefix or name.startswith(prefix + "_"):
            return words
    return str(error)
