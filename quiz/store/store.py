"""The SQLite store: every answer, attempt and draft, committed the moment it is given.

`Store` is the store's jobs together, each a module of its own over `StoreBase`
(`quiz.store.base`: the connection, its transactions, going on in memory; opening a file
is `quiz.store.opening`): reviews and sessions (`reviews`), card schedules
(`schedules`), drill attempts and hints (`drills`), the counts stats asks (`tallies`),
suspended and buried cards (`flags`), drafts and half-typed answers (`drafts`) and the
interview plan (`plans`).

Durability: WAL journal with `synchronous=FULL`. With WAL, NORMAL already survives a
killed process (kill -9) because committed frames sit in the WAL file; FULL also fsyncs
the WAL on every commit so an OS crash or power cut keeps them too. Writes here are one
small transaction per answer, so the extra fsync costs nothing a person can notice.

Thread-safety: one connection (`check_same_thread=False`) guarded by one re-entrant lock;
every public method takes the lock, so the TUI may call a Store from the UI thread and
from worker threads alike. Each write method is its own transaction. Do not share one
Store across processes: open one per process (SQLite's file locks then apply); a
read-modify-write (a review's rescheduling) happens inside one BEGIN IMMEDIATE, so
processes serialize on it instead of overwriting each other.

Unwritable disks: a database that cannot be written at open (read-only folder or file
system, full disk) is opened as an in-memory copy (`saving` is False, a notice says so).
A write that fails later is rolled back and raises NotSavedError; the app instead asks
the store to go on in memory (`keep_going_in_memory`) and tells the person.
"""

from __future__ import annotations

from quiz.store.drafts import Drafts
from quiz.store.drills import DrillLog
from quiz.store.flags import Flags
from quiz.store.plans import Plans
from quiz.store.reviews import ReviewLog
from quiz.store.schedules import Schedules
from quiz.store.tallies import Tallies


class Store(ReviewLog, Schedules, DrillLog, Tallies, Flags, Drafts, Plans):
    """drillbit's persistent state. Build with `Store.open`; read `notices` after opening."""
