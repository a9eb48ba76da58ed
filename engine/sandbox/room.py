"""Telling a person what to do when grading fails for want of room on their disk."""

from __future__ import annotations

_NO_ROOM = ("No usable temporary directory", "No space left on device", "Disk quota exceeded")


def room_hint(message: str) -> str:
    """What to do when the grader failed for want of a writable temporary folder, or "".

    Each run gets a work folder in the temporary folder; on a full disk Python's own words
    ("No usable temporary directory found in [...]") said neither what was wrong nor what to do."""
    if not any(words in message for words in _NO_ROOM):
        return ""
    return (
        "the temporary folder has no room or cannot be written (each grading makes a work"
        " folder there): free some space in it, or point TMPDIR at a folder that has room"
        " (`export TMPDIR=/a/folder/with/room`)"
    )
