"""Watch a file and call back when a save has settled, like rustlings' watch mode.

Polling the path (not a file descriptor) works with editors that save by writing a
temp file and renaming it over the original: the inode changes and we notice.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from pathlib import Path

Signature = tuple[int, int, int] | None


def file_signature(path: Path) -> Signature:
    """(mtime_ns, size, inode), or None while the file does not exist (mid-rename)."""
    try:
        stat = os.stat(path)
    except OSError:
        return None
    return (stat.st_mtime_ns, stat.st_size, stat.st_ino)


def watch_file(
    path: Path,
    on_change: Callable[[str], None],
    stop: threading.Event,
    *,
    poll_seconds: float = 0.1,
    settle_seconds: float = 0.15,
    graded: Signature = None,
) -> None:
    """Call `on_change(text)` once per settled save until `stop` is set.

    A save has settled when the file exists and its signature stayed the same for
    `settle_seconds`: a burst of writes (or unlink + rename) grades once, not many times.
    `graded` is the signature of the text the caller already graded, taken before it read
    that text; a save made while that grading ran then still counts. None: read it now.
    """
    last_graded = graded if graded is not None else file_signature(path)
    while not stop.wait(poll_seconds):
        current = file_signature(path)
        if current is None or current == last_graded:
            continue
        # debounce: wait until the signature stops changing
        while not stop.wait(settle_seconds):
            settled = file_signature(path)
            if settled == current:
                break
            current = settled
        if stop.is_set() or current is None:
            continue
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue
        last_graded = current
        on_change(text)
