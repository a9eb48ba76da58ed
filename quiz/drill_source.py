"""A drill's source as the app takes it: the most it may be, and text a UTF-8 store holds.

The drill editor, the drafts, `drillbit grade` and `watch` all hold a drill's source to
SOURCE_LIMIT. Cheap to import (no imports at all): the drill screen's module needs it, and
it is loaded before its first frame.
"""

from __future__ import annotations

SOURCE_LIMIT = 64 * 1024
"""The most UTF-8 bytes a drill's source may have, wherever it comes from (the app's editor,
a draft, `drillbit grade` and `watch`).

A real answer is a few KiB. The drill editor took 4 s to take a 1 MiB paste and 47 s for
5 MiB (560 MB of memory), and a drill opened on a 1 MiB draft in 6 s: past this size a
source is refused before it reaches the editor or the sandbox."""


def source_size(source: str) -> int:
    """The bytes `source` takes in UTF-8 (a lone surrogate counted as the 3 bytes it would)."""
    return len(source.encode("utf-8", "surrogatepass"))


def is_oversized(source: str) -> bool:
    """Whether `source` is over SOURCE_LIMIT (its length alone settles most huge texts)."""
    return len(source) > SOURCE_LIMIT or source_size(source) > SOURCE_LIMIT


def without_lone_surrogates(text: str) -> str:
    """`text` with each lone surrogate (half of a UTF-16 pair, which a browser's paste can
    bring) as U+FFFD, and a pair split in two joined again: no UTF-8 file or store holds
    one, and the drill editor raised UnicodeEncodeError on it, ending the app."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
    return text
