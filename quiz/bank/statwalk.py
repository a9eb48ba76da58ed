"""The card index's stat walk: what a load of some content roots reads, one `lstat` per file.

Standard library only (no pathlib either): `quiz.bank.index` runs it in a thread of its
own process, or, for a large bank when a core is free, as a script in a helper process
(`python -I -S statwalk.py ROOT...`), whose 10,000 system calls then run beside the app's
start without asking the app's GIL back after each of them.

The walk is one string: kind-tagged records of NUL-separated fields, each kind with a
fixed count of fields (no path holds a NUL), so equal strings mean equal walks.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from errno import EBADF, ELOOP, ENOENT, ENOTDIR
from stat import S_ISDIR, S_ISLNK, S_ISREG

PACK_FILE = "pack.yaml"  # quiz.bank.loader.PACK_FILE, not imported: the helper imports nothing
UNSAFE = b"-\n"
"""The helper's whole answer when the walk cannot vouch for the roots (`walk` is None)."""
_MISNAMED = (".md", ".markdown", ".mdown", ".mkd", ".txt", ".text")
"""Suffixes a card saved under another name has (`x.MD`, `x.txt`, `x.md.txt`): the load
reads only `.md` and warns at the rest that look like cards
(quiz.bank.card_names.MISNAMED_SUFFIXES, not imported: the helper imports nothing)."""


class Unsafe(Exception):
    """Something the walk cannot vouch for (a broken link or a link loop, a folder that
    vanished)."""


def walk(roots: Sequence[str]) -> tuple[int, str] | None:
    """(the newest mtime or ctime seen in ns, the walk's records), or None when a file
    cannot be told from its stat. `roots` are the content roots as `str(Path)` gives them."""
    fields: list[str] = []
    try:
        newest = max((_root(root, fields) for root in roots), default=0)
    except (Unsafe, OSError):
        return None
    return newest, "\0".join(fields)


def _join(folder: str, name: str) -> str:
    """`str(Path(folder) / name)` for a folder as `str(Path)` writes it and a plain name."""
    if folder == ".":
        return name
    return folder + name if folder.endswith("/") else f"{folder}/{name}"


def _mode(path: str, *, follow: bool = True) -> int:
    """The file's mode, 0 when it is not there; `Path.is_dir` and its kin's errors
    (a folder that cannot be read raises, as it does for them)."""
    try:
        return (os.stat if follow else os.lstat)(path).st_mode
    except OSError as error:
        if error.errno in (ENOENT, ENOTDIR, EBADF, ELOOP):
            return 0
        raise
    except ValueError:
        return 0


def _root(root: str, fields: list[str]) -> int:
    if not S_ISDIR(_mode(root)):
        fields += ("missing", root)
        return 0
    if S_ISREG(_mode(_join(root, PACK_FILE))):
        pack_dirs = [root]
    else:
        pack_dirs = [
            path
            for path in (_join(root, name) for name in sorted(os.listdir(root)))
            if S_ISDIR(_mode(path)) and S_ISREG(_mode(_join(path, PACK_FILE)))
        ]
    fields += ("root", root)
    return max((_pack(pack_dir, fields) for pack_dir in pack_dirs), default=0)


def _pack(pack_dir: str, fields: list[str]) -> int:
    """The pack folder (and where it resolves), its pack.yaml's key, every card file's key.

    Card files are the non-hidden `*.md` entries two levels down (`<topic>/<id>.md`), as
    the loader finds them; `.md` files elsewhere (beside pack.yaml, below a topic folder)
    only ever add problems, never cards, and are recorded as `below`. Returns the newest
    mtime or ctime seen.
    """
    pack_file = _join(pack_dir, PACK_FILE)
    linked_pack_file = S_ISLNK(_mode(pack_file, follow=False))
    topics: list[tuple[str, str]] = []
    loose: list[str] = []  # `.md` files beside pack.yaml: a card-like one is `misplaced`
    with os.scandir(pack_dir) as entries:
        for entry in entries:
            if entry.name[:1] == ".":
                continue
            if entry.is_dir(follow_symlinks=False):
                topics.append((entry.name, entry.path))
            elif entry.name[-3:] == ".md":
                loose.append(entry.name)
    topics.sort()
    stat = os.stat(pack_file)
    newest = max(stat.st_mtime_ns, stat.st_ctime_ns)
    key = (stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns, stat.st_ino)  # cachefile.file_key
    fields += ("pack", pack_dir, os.path.realpath(pack_dir), *map(str, key))
    if linked_pack_file:  # the key above is its target's
        newest = max(newest, _link(pack_file, PACK_FILE, fields))
    for name in sorted(loose):  # rare (a README.md): one lstat each, no listing more
        newest = max(newest, _loose(_join(pack_dir, name), name, fields))
    add = fields.append
    lstat = os.lstat
    for topic, folder in topics:
        # Listed through an open folder, each file's lstat is relative to it (fstatat):
        # the kernel looks up one name, not the whole path, a third of the walk's CPU.
        # Names, not DirEntry objects: the lstat says whether it is a link, and per file
        # this loop is most of the walk's user time.
        folder_fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
        try:
            names = os.listdir(folder_fd)
            names.sort()
            for name in names:
                if name[:1] == ".":
                    continue
                if name[-3:] != ".md":  # rare: a folder below (the load lists it too)
                    stat = lstat(name, dir_fd=folder_fd)
                    if S_ISDIR(stat.st_mode):
                        below = _below(f"{folder}/{name}", f"{topic}/{name}", stat, fields)
                        newest = max(newest, below)
                    elif name.lower().endswith(_MISNAMED):  # `x.MD`, `x.txt`: the load may warn
                        _record("below", f"{topic}/{name}", stat, fields)
                        newest = max(newest, stat.st_mtime_ns, stat.st_ctime_ns)
                    continue
                stat = lstat(name, dir_fd=folder_fd)
                if S_ISLNK(stat.st_mode):  # rare: recorded apart, never vouched for
                    newest = max(newest, _link(f"{folder}/{name}", f"{topic}/{name}", fields))
                    continue
                mtime, ctime = stat.st_mtime_ns, stat.st_ctime_ns
                add(f"card\0{topic}\0{name}\0{stat.st_size}\0{mtime}\0{ctime}\0{stat.st_ino}")
                if mtime > newest:
                    newest = mtime
                if ctime > newest:
                    newest = ctime
        finally:
            os.close(folder_fd)
    return newest


def _loose(path: str, name: str, fields: list[str]) -> int:
    """A `.md` file directly in a pack folder: the load reads its front matter and reports
    a card there as `misplaced`, so its mode and times are part of the walk (the walk
    skipped it: adding or removing one stayed hidden until something else changed)."""
    found = os.lstat(path)
    if S_ISLNK(found.st_mode):
        return _link(path, name, fields)
    _record("below", name, found, fields)
    return max(found.st_mtime_ns, found.st_ctime_ns)


def _below(path: str, relative: str, stat: os.stat_result, fields: list[str]) -> int:
    """A folder below a topic folder (`relative` to the pack folder): the load lists it too
    (a card file in it is `misplaced`, a listing refused `unreadable`), so its mode and
    times are part of the walk, and so are its own folders and `.md` files. A listing
    refused fails the walk (a full load tells it), and a chmod changes the folder's ctime:
    a remembered index never outlives a change of its readability."""
    _record("below", relative, stat, fields)
    newest = max(stat.st_mtime_ns, stat.st_ctime_ns)
    with os.scandir(path) as entries:
        names = sorted(entry.name for entry in entries if entry.name[:1] != ".")
    for name in names:
        found = os.lstat(f"{path}/{name}")
        if S_ISDIR(found.st_mode):
            newest = max(newest, _below(f"{path}/{name}", f"{relative}/{name}", found, fields))
        elif name[-3:] == ".md":
            if S_ISLNK(found.st_mode):
                newest = max(newest, _link(f"{path}/{name}", f"{relative}/{name}", fields))
                continue
            _record("below", f"{relative}/{name}", found, fields)
            newest = max(newest, found.st_mtime_ns, found.st_ctime_ns)
    return newest


def _link(path: str, relative: str, fields: list[str]) -> int:
    """A symbolic link the load reads through (a card, a `.md` file beside pack.yaml or
    below a topic, pack.yaml itself; `relative` to the pack folder): the link's own key,
    where it resolves and its target's key, 12 fields. What the load makes of it (read,
    or `link-outside`) depends on nothing else, so the walk vouches for it: a link there
    made every start a full load. A broken link or a loop cannot be told from a stat
    (`Unsafe`: a full load, which reports it)."""
    own = os.lstat(path)
    try:
        target = os.stat(path)
    except OSError as error:
        raise Unsafe(path) from error
    _record("link", relative, own, fields)
    fields += (os.path.realpath(path), *map(str, _key(target)))
    return max(own.st_mtime_ns, own.st_ctime_ns, target.st_mtime_ns, target.st_ctime_ns)


def _key(stat: os.stat_result) -> tuple[int, int, int, int]:
    """`cachefile.file_key`: size, mtime, ctime, inode."""
    return (stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns, stat.st_ino)


def _record(kind: str, relative: str, stat: os.stat_result, fields: list[str]) -> None:
    """A record of 7 fields, as every `card` and `pack` record has (`index._card_keys`)."""
    key = (stat.st_mode, stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns, stat.st_ino)
    fields += (kind, relative, *map(str, key))


def answer(roots: Sequence[str]) -> bytes:
    """The helper's output: the newest time on its own line, then the records (UTF-8)."""
    found = walk(roots)
    if found is None:
        return UNSAFE
    newest, records = found
    return f"{newest}\n".encode() + records.encode()


def read_answer(data: bytes) -> tuple[int, str] | None:
    """What `walk` returned in the helper, from its output. ValueError when it is not an
    answer (cut short, or something else was written)."""
    if data == UNSAFE:
        return None
    head, newline, records = data.partition(b"\n")
    if not newline or not head.isdigit():
        raise ValueError("not a stat walk's answer")
    return int(head), records.decode()


if __name__ == "__main__":
    sys.stdout.buffer.write(answer(sys.argv[1:]))
