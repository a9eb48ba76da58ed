"""Read and plan a large notes file in two processes from the start.

`quiz.bank.parallel.map_split` shares the cards' planning with a helper, but only once
the notes are read, and reading 1 MB of notes (markdown-it's block parse, the questions)
is a third of the plan. Here the helper is forked first: the notes are cut at a heading
near their middle (`notes.cut.cut_notes`), this process reads the first part while the
helper reads the second, the helper hands its part over, and when the two parts read as
the whole file does (`notes.cut.parts_agree`: the cut is at a heading no block runs over and
no question's extent crosses), both go on to plan the cards, claiming chunks of questions
from either end as `map_split` does. When they do not agree the helper is told to stop
and the caller reads the notes in one piece: the answer is always the one-process one.
"""

from __future__ import annotations

import contextlib
import mmap
import os
import pickle
import signal
import sys
import tempfile
from collections.abc import Callable
from typing import IO, NoReturn, TypeVar

from quiz.bank import parallel
from quiz.ecosystem.notes.cut import NotesPart, merge_parts, parts_agree
from quiz.ecosystem.notes.found import ParsedNotes
from quiz.ecosystem.notes.read import read_part

Result = TypeVar("Result")

Prepare = Callable[[ParsedNotes], tuple[Callable[[int], Result], parallel.Handover]]
"""From the notes read, (the work for item i, how its result is handed over): run the same
way in both processes, so that item i means the same in each. One item per question."""


def _as_is(parsed: ParsedNotes) -> ParsedNotes:
    """The notes as the reader read them."""
    return parsed


def read_and_plan(
    first_text: str,
    second_text: str,
    line: int,
    level: int,
    prepare: Prepare[Result],
    read: Callable[[ParsedNotes], ParsedNotes] = _as_is,
) -> tuple[ParsedNotes, list[Result]] | None:
    """(the notes read, every item's result), read and worked out by this process and a
    forked helper, the notes cut at the heading `line` of `level` into these two parts
    (`notes.cut.cut_notes`); None when the two parts do not read as the whole file (or no
    helper could be made): then nothing was done. `read` turns the whole notes read into
    their questions (a cloze note's into one per deletion) in both processes alike, before
    the items are counted."""
    with contextlib.ExitStack() as stack:
        fds: list[int] = []
        try:  # shared counters, a lock file, the helper's output file, two pipes; the fork
            counters = stack.enter_context(parallel.new_counters())
            lock = stack.enter_context(tempfile.TemporaryFile())
            out = stack.enter_context(tempfile.TemporaryFile())
            up_read, up_write = os.pipe()  # the helper's part, to this process
            fds += (up_read, up_write)
            down_read, down_write = os.pipe()  # this process's part (or nothing: stop)
            fds += (down_read, down_write)
            sys.stdout.flush()
            sys.stderr.flush()
            pid = os.fork()
        except OSError:
            for fd in fds:
                os.close(fd)
            return None
        if pid == 0:
            os.close(up_read)
            os.close(down_write)
            _helper(second_text, prepare, read, counters, lock, out, up_write, down_read)
        os.close(up_write)
        os.close(down_read)
        up = stack.enter_context(os.fdopen(up_read, "rb"))
        down = stack.enter_context(os.fdopen(down_write, "wb"))
        try:
            return _here(first_text, line, level, prepare, read, pid, counters, lock, out, up, down)
        except BaseException:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)  # interrupted: no one will read its results
            parallel.reap(pid)
            raise


def _here(
    first_text: str,
    line: int,
    level: int,
    prepare: Prepare[Result],
    read: Callable[[ParsedNotes], ParsedNotes],
    pid: int,
    counters: mmap.mmap,
    lock: IO[bytes],
    out: IO[bytes],
    up: IO[bytes],
    down: IO[bytes],
) -> tuple[ParsedNotes, list[Result]] | None:
    """This process's side: read the first part, take the helper's, check they agree, then
    plan from the front and collect what the helper planned from the back."""
    first = read_part(first_text)
    second: NotesPart | None = None
    with contextlib.suppress(Exception):  # nothing or a cut record: the helper died
        second = pickle.load(up)
    if second is None or not parts_agree(first, second, line, level):
        up.close()  # a helper still writing its part gets an error instead of waiting
        down.close()  # the helper reads no go and exits
        parallel.reap(pid)
        return None
    parsed = read(merge_parts(first.parsed, second.parsed))
    # The helper gets the first part (and may claim items) before this process prepares
    # its own work: one item per question.
    parallel.set_items(counters, len(parsed.questions))
    with contextlib.suppress(OSError):  # a helper gone by now claims nothing
        pickle.dump(first.parsed, down, protocol=5)
        down.close()
    work, (_pack, unpack) = prepare(parsed)
    count = len(parsed.questions)
    return parsed, parallel.work_from_front(work, count, pid, counters, lock, out, unpack)


def _helper(
    second_text: str,
    prepare: Prepare[Result],
    read: Callable[[ParsedNotes], ParsedNotes],
    counters: mmap.mmap,
    lock: IO[bytes],
    out: IO[bytes],
    up: int,
    down: int,
) -> NoReturn:
    """The forked child's whole life: read the second part, hand it over, wait for the
    first (or for nothing: stop), then plan chunks from the back until none is left."""
    code = 1
    try:
        signal.signal(signal.SIGINT, signal.SIG_DFL)  # Ctrl-C ends it with its parent
        second = read_part(second_text)
        with os.fdopen(up, "wb") as pipe:
            pickle.dump(second, pipe, protocol=5)
        with os.fdopen(down, "rb") as pipe:
            first: ParsedNotes | None = None
            with contextlib.suppress(EOFError):  # no go: the parts do not agree
                first = pickle.load(pipe)
        if first is not None:
            work, (pack, _unpack) = prepare(read(merge_parts(first, second.parsed)))
            parallel.work_from_back(work, counters, lock, out, pack)
        code = 0
    finally:
        with contextlib.suppress(BaseException):
            out.flush()
        os._exit(code)  # never run the parent's cleanup (atexit, buffered output) twice
