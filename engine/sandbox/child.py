"""The sandbox child's runner, shipped as source text and exec'd by the launcher.

Phases: import and warm numpy (the warm worker stops here), install the audit
hooks, report ``ready``, block on the job, run the harness and compile the
user's code (while the parent still makes the cases), read the cases, exec
the user's code and run each case through the runtime's ``execute_case``,
streaming one result message per case over the dedicated result pipe, then ``done`` (with
the inputs found changed after their cases' checks, if any). Nothing here is trusted by
the parent: it re-validates every byte and decides every verdict itself.
It imports only numpy and the standard library.
"""

import _thread
import builtins as builtins_module
import errno
import functools
import gc
import json
import math
import operator
import os
import signal
import stat
import sys
import types
from collections.abc import Callable, Generator
from typing import Any, NoReturn

_write = os.write
_read = os.read
_exit = os._exit
_lstat = os.lstat
_stat = os.stat
_readlink = os.readlink
_fsdecode = os.fsdecode
_getpid = os.getpid
_times = os.times
_set_blocking = os.set_blocking
_S_ISLNK = stat.S_ISLNK
_S_ISDIR = stat.S_ISDIR
_S_ISCHR = stat.S_ISCHR
_S_ISBLK = stat.S_ISBLK
_S_ISFIFO = stat.S_ISFIFO
_WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_APPEND | os.O_CREAT | os.O_TRUNC

CODE_FROM_BYTES = ("code.__new__", "marshal.load", "marshal.loads")
"""Events that make a code object from bytes the code chose. CPython runs bytecode unchecked:
a `LOAD_CONST` whose index is past its constants read a pointer from beyond the tuple, a
SIGSEGV in case 1 in both modes, and the way to fake objects over any address (forty-seventh
round). `_imp.get_frozen_object(name, data)` unmarshals through the same event. Refused once
the code may run; its own lazy imports compile from source instead
(`compile` makes only valid bytecode), since the cached bytecode goes through `marshal.loads`
too (see `imports_from_source`)."""

REFUSED_EVENTS = {
    "subprocess.Popen": "starting processes",
    "os.system": "starting processes",
    "os.exec": "starting processes",
    "os.posix_spawn": "starting processes",
    "os.spawn": "starting processes",
    "os.fork": "fork",
    "os.forkpty": "fork",
    "pty.spawn": "starting processes",
    "os.killpg": "signalling other processes",
    "os.symlink": "creating links",
    "os.link": "creating links",
    "os.chdir": "changing directory",
    "os.chroot": "changing root",
    "resource.setrlimit": "changing the resource limits",
    "resource.prlimit": "changing the resource limits",
    "gc.get_objects": "inspecting the grader's objects",
    "gc.get_referrers": "inspecting the grader's objects",
    "gc.get_referents": "inspecting the grader's objects",
    "sys.setprofile": "profiling hooks",
    "sys.settrace": "tracing hooks",
    # Python 3.12+: a PY_RETURN callback is handed each function's return value, the grader's
    # too (execute_case's result, its list of floating-point events), and can empty it
    "sys.monitoring.register_callback": "monitoring hooks",
    # refused by seccomp as well, in the work dir too: Landlock does not cover them
    "os.chmod": "changing a file's mode",
    "os.chown": "changing a file's owner",
    "os.utime": "changing a file's times",
    "os.setxattr": "changing a file's extended attributes",
    "os.removexattr": "changing a file's extended attributes",
}
REFUSED_PREFIXES = {"socket.": "network sockets", "ctypes.": "ctypes"}
REFUSED_IMPORTS = {
    "_posixsubprocess",
    "subprocess",
    "multiprocessing",
    "_multiprocessing",
    "socket",
    "_socket",
    "ssl",
    "_ssl",
    "ctypes",
    "_ctypes",
    "pty",
    "mmap",
    "_xxsubinterpreters",
}
FILES_WITHOUT_AUDIT = {
    # POSIX shared memory (multiprocessing.shared_memory's C half): shm_open, shm_unlink
    "_posixshmem",
    # SQLite opens, creates and writes any file it is named (`ATTACH DATABASE` in SQL)
    "sqlite3",
    "_sqlite3",
    # the C databases behind dbm.gnu and dbm.ndbm
    "_dbm",
    "_gdbm",
    # read_history_file, write_history_file, append_history_file
    "readline",
    # /etc/shadow's entries (to an app run as root); the system log; a sound device; NIS
    "spwd",
    "syslog",
    "ossaudiodev",
    "nis",
    # a Tcl interpreter (tkinter's C half): Tcl's own `open`, `exec` and `socket` wrote files
    # outside the work dir, ran /bin/sh and reached a local port with no audit event
    # (forty-second round); `tkinter` names it too, so the refusal says the name imported
    "_tkinter",
    "tkinter",
}
"""C modules that open files (or the system log's socket) by a path of their own, with no
`open` audit event: the hooks' "writing outside the work directory" and "reading the
grader's files" never saw them (forty-first round). Without a kernel layer on files, where the
hooks are all there is, a submission read and wrote the app's progress database through SQLite,
wrote files through readline and listed /etc/shadow; under bubblewrap and Landlock the kernel
stopped each. A drill needs none of them."""
REFUSED_IMPORTS |= FILES_WITHOUT_AUDIT
GLIBC_LOAD_PATHS = {"GCONV_PATH", "LOCPATH"}
"""Environment variables glibc reads when it first needs them, not only at startup: the folder
of its charset conversion modules, which it `dlopen`s (native code past every hook), and of its
locales, whose binary tables it trusts as the system's. Set from `os.environ`, a locale of the
work dir's loaded in every mode (forty-third round); a planted module stayed unloaded here only
because the interpreter's start had read glibc's module cache already."""
TEST_AND_DEBUG_MODULES = {
    # raw C-API entry points: frames' globals and locals, refcounts, allocator failure
    # (set_nomemory), pending calls run in the grader's frames, eval_code_ex
    "_testcapi",
    "_testinternalcapi",
    "_testlimitedcapi",
    "_testclinic",
    "_testclinic_limited",
    # exporters of buffers with any shape, strides and offset over memory they describe
    "_testbuffer",
    # import-machinery tests: modules whose init does what no drill needs (one file, many)
    "_testimportmultiple",
    "_testmultiphase",
    "_testsinglephase",
    "_xxtestfuzz",
    # ctypes' C test library: functions taking and returning raw pointers
    "_ctypes_test",
    # CPython's example extension modules
    "xxsubtype",
    "xxlimited",
    "xxlimited_35",
    # sub-interpreters (3.13+ names): a new interpreter starts with no audit hook of ours
    "_interpreters",
    "_xxinterpchannels",
    "_interpchannels",
    "_interpqueues",
    "_xxinterpqueues",
    # reading another process's memory (3.13: _testexternalinspection, 3.14: _remote_debugging)
    "_testexternalinspection",
    "_remote_debugging",
}
"""CPython's test-only and debug C modules: a drill never needs one.

`_lsprof` (cProfile) is not among them: it only profiles through `sys.setprofile` (3.12+:
`sys.monitoring`), whose audit events are refused, so importing it gives nothing."""
REFUSED_IMPORTS |= TEST_AND_DEBUG_MODULES
PRIVATE_PACKAGES = {"engine", "quiz"}
OWNER_REQUESTS = frozenset({8, 10, 15, 0x8901, 0x8902})
"""fcntl's F_SETOWN, F_SETSIG and F_SETOWN_EX and ioctl's FIOSETOWN and SIOCSPGRP (Linux):
each makes a process a descriptor's owner, which the kernel signals (SIGIO, whose default
kills) when the descriptor is ready; seccomp refuses them too, where it is active."""
NETWORK_REQUESTS = frozenset({0x89, 0x8B})
"""ioctl requests by their high bytes: the sockets' (SIOCGIFCONF, SIOCGIFHWADDR...) and the
wireless extensions' (SIOCGIWESSID...). On the result channel, a socket the app made in the
machine's network namespace, they told a drill the machine's interfaces, IP and MAC addresses
in every mode, bubblewrap's included (forty-fourth round); seccomp refuses them too."""
FOLDER_WATCH = 1026
"""fcntl's F_NOTIFY (dnotify): the kernel sends SIGIO when a folder's files are read (DN_ACCESS)
or changed, by any process, and `signal.sigtimedwait` takes it with SIGIO blocked, no handler
needed. Under Landlock a drill opened numpy's folder in the bytecode cache relative to the
cache's inherited descriptor (the hooks judge such a path as the work dir's) and counted 36
reads while another drillbit's child started (forty-fourth round): when the user grades, as
the page cache's probe told before. inotify is refused already; seccomp refuses this too."""
TERMINALS = ("/dev/tty", "/dev/pts/", "/dev/console", "/dev/vcs")
"""Terminals by their paths (a prefix each: /dev/tty1, /dev/ttyS0): a drill reads and writes pipes
only. With the hooks alone (no seccomp, no kernel layer on files) a drill opened a terminal no
session held, for reading, which made it the drill's own, and typed `echo typed` and a newline
into its input with TIOCSTI, as if you had (forty-second round); `termios` changes a terminal
with no audit event at all. seccomp refuses both requests; the hooks now refuse the open."""
DEVICES = frozenset({"/dev/null", "/dev/zero", "/dev/full", "/dev/random", "/dev/urandom"})
"""The device files a drill may open; any other character or block device is refused. With
no kernel layer on files (the hooks and seccomp: a machine without bubblewrap and Landlock),
a drill opened `/dev/kvm` read-only and made a virtual machine and a vCPU by `fcntl.ioctl`
(kernel code a drill has no use for), read the hardware RNG, and opened `/dev/loop-control`
and `/dev/btrfs-control` (forty-fourth round, the app run as root); a user's session owns
more (its sound cards, cameras, input devices and security keys, by group or ACL), which a
drill could read the same way. bubblewrap mounts only these; Landlock allows `/dev/null`.
A FIFO (named pipe) is refused too, wherever it is: a drill makes none (`os.mkfifo` is
refused), and with no kernel layer on files one opened another program's, in /tmp, and read
the bytes written for that program."""
PATH_WRITE_EVENTS = {
    "os.remove",
    "os.rmdir",
    "os.mkdir",
    "os.rename",
    "os.truncate",
    "shutil.rmtree",
    "shutil.copyfile",
    "shutil.copymode",
    "shutil.copystat",
    "shutil.copytree",
    "shutil.move",
}
PATH_COPY_EVENTS = {"shutil.copyfile", "shutil.copymode", "shutil.copystat", "shutil.copytree"}
"""Write events whose first path is only read: judged as a write, a copy of numpy's own file
into the work dir was refused as "writing outside the work directory (<the source>)"
(forty-third round). The source is judged as a read (the grader's files stay refused), the
destination as a write; `shutil.move` and `os.rename` change both paths and stay writes."""
METADATA_EVENT = "drillbit.stat"
"""Raised by the stand-ins of `os.stat` and `os.lstat` (which raise no audit event of their
own) with the path, so the hooks judge it as a read: under Landlock, which does not judge
`stat`, a drill read the access times of the grader's files (the checkout is beside
`sys.executable`), which `relatime` moves on the first read of a day or after a change: which
checker modules the app had imported lately, so which drills were graded, and when
(forty-fourth round)."""
PATH_READ_EVENTS = {
    "os.listdir",
    "os.scandir",
    "os.listxattr",
    "os.getxattr",
    "glob.glob",
    METADATA_EVENT,
}


def _cpu_seconds() -> float:
    """User plus system CPU time of this process so far, in seconds (what RLIMIT_CPU counts)."""
    times = _times()
    return round(times.user + times.system, 3)


CHANNEL_LOST = 6
"""The exit status of a child whose result channel failed under it (the parent's
`wire.CHANNEL_LOST_STATUS`, which the parent words; a copy, as this runs before the wire
loads). The submission shares the channel's descriptor: closed in a call, the next frame's
write raised EBADF out of `main`, and the verdict said only "exited (code 1)" under the
grader's own traceback."""


def _send(fd: int, data: bytes) -> None:
    """Write one whole frame; a channel the submission broke ends the process as CHANNEL_LOST.

    Made non-blocking by the code (`os.set_blocking` on the shared descriptor), a write larger
    than the socket's buffer raised BlockingIOError out of `main`: the channel is made
    blocking again and the write goes on (the wall clock bounds a thread that keeps undoing it).
    """
    view = memoryview(data)
    while view:
        try:
            n = _write(fd, view)
        except BlockingIOError:
            try:
                _set_blocking(fd, True)
            except OSError:
                _exit(CHANNEL_LOST)
            continue
        except OSError:
            _exit(CHANNEL_LOST)
        view = view[n:]


FRAME_EVENTS = {"sys._getframe", "sys._current_frames", "sys._getframemodulename"}
FRAME_ATTRIBUTES = {"tb_frame", "gi_frame", "cr_frame", "ag_frame", "f_back"}
"""What leads from submitted code to the grader's frames (and so to its state and result pipe).

Refused with ValueError, what sys._getframe raises past the top of the stack, so the
stdlib's callers that look up their caller's module (namedtuple, typing) fall back."""


def loaded_extension_files() -> set[str]:
    """The real paths of the C extension modules loaded so far (numpy's core among them)."""
    from importlib.machinery import EXTENSION_SUFFIXES

    found = set()
    for module in list(sys.modules.values()):
        path = getattr(module, "__file__", None)
        if type(path) is str and path.endswith(tuple(EXTENSION_SUFFIXES)):
            found.add(os.path.realpath(path))
    return found


def _make_hook(
    cfg: dict[str, Any], guarded: list[bool] | None = None, known: list[Any] | None = None
) -> Callable[[str, tuple[Any, ...]], None]:
    """Build the audit hook: one function whose state lives only in keyword defaults.

    Submitted code can reach this module's globals (through frames) and can read
    the hook's frame from a traceback it caught. So the hook uses no globals, no
    closures and no builtins by name: every function and constant it needs is an
    immutable keyword default (replacing defaults is itself refused), and it
    never calls anything on the event's arguments except exact str/bytes/int
    values, so no submitted code runs inside it.
    """
    refused_events = tuple(sorted(REFUSED_EVENTS.items()))
    guard_state = guarded if guarded is not None else [False]
    known_functions = known if known is not None else []
    extensions = loaded_extension_files()

    def hook(
        event: str,
        args: tuple[Any, ...],
        *,
        _workdir: str = cfg["workdir"],
        _forbidden: tuple[str, ...] = tuple(r.rstrip("/") for r in cfg["forbidden"]),
        _data: tuple[str, ...] = tuple(r.rstrip("/") for r in cfg.get("data", ())),
        _allowed: tuple[str, ...] = tuple(r.rstrip("/") for r in cfg["allowed"]),
        _own_pid: int = _getpid(),
        _refused_names: frozenset[str] = frozenset(REFUSED_EVENTS),
        _refused_events: tuple[tuple[str, str], ...] = refused_events,
        _refused_prefixes: tuple[tuple[str, str], ...] = tuple(REFUSED_PREFIXES.items()),
        _refused_imports: frozenset[str] = frozenset(REFUSED_IMPORTS),
        _private: frozenset[str] = frozenset(PRIVATE_PACKAGES),
        _write_events: frozenset[str] = frozenset(PATH_WRITE_EVENTS),
        _path_events: frozenset[str] = frozenset(PATH_WRITE_EVENTS | PATH_READ_EVENTS),
        _copy_events: frozenset[str] = frozenset(PATH_COPY_EVENTS),
        _lstat: Callable[..., Any] = _lstat,
        _stat: Callable[..., Any] = _stat,
        _readlink: Callable[..., str] = _readlink,
        _is_link: Callable[[int], bool] = _S_ISLNK,
        _is_dir: Callable[[int], bool] = _S_ISDIR,
        _is_char: Callable[[int], bool] = _S_ISCHR,
        _is_block: Callable[[int], bool] = _S_ISBLK,
        _devices: frozenset[str] = DEVICES,
        _is_fifo: Callable[[int], bool] = _S_ISFIFO,
        _write_flags: int = _WRITE_FLAGS,
        _type: type[type] = type,
        _str: type[str] = str,
        _bytes: type[bytes] = bytes,
        _int: type[int] = int,
        _direntry: type[os.DirEntry[str]] = os.DirEntry,
        _len: Callable[[Any], int] = len,
        _denied: type[PermissionError] = PermissionError,
        _missing: type[ModuleNotFoundError] = ModuleNotFoundError,
        _oserror: type[OSError] = OSError,
        _valueerror: type[ValueError] = ValueError,
        _decode: Callable[[bytes, str, str], str] = bytes.decode,
        _guarded: list[bool] = guard_state,
        _ident: Callable[[], int] = _thread.get_ident,
        _walker: int = _thread.get_ident(),
        _frame_events: frozenset[str] = frozenset(FRAME_EVENTS),
        _code_events: frozenset[str] = frozenset(CODE_FROM_BYTES),
        _frame_attributes: frozenset[str] = frozenset(FRAME_ATTRIBUTES),
        _extensions: set[str] = extensions,
        _owner_requests: frozenset[int] = OWNER_REQUESTS,
        _folder_watch: int = FOLDER_WATCH,
        _network_requests: frozenset[int] = NETWORK_REQUESTS,
        _terminals: tuple[str, ...] = TERMINALS,
        _known: list[Any] = known_functions,
        _function: type = types.FunctionType,
        _id: Callable[[Any], int] = id,
        _glibc_paths: frozenset[str | bytes] = frozenset(
            GLIBC_LOAD_PATHS | {name.encode() for name in GLIBC_LOAD_PATHS}
        ),
    ) -> None:
        paths: tuple[Any, ...] = ()
        writing: Any = False
        source_read = False
        loading = False
        if event in _frame_events:
            if _guarded[0] or _ident() != _walker:
                raise _valueerror(
                    "drillbit sandbox: inspecting stack frames is not allowed in a drill"
                )
            return
        if event == "sys.addaudithook":
            # a hook of the code's would be handed the grader's own events, the traceback it
            # walks with its frame guard open among them; Python drops the hook silently
            raise _denied("drillbit sandbox: audit hooks are not allowed in a drill")
        if event == "object.__getattr__":
            if (
                (_guarded[0] or _ident() != _walker)
                and _len(args) > 1
                and (_type(args[1]) is not _str or args[1] in _frame_attributes)
            ):
                raise _valueerror(
                    "drillbit sandbox: inspecting stack frames is not allowed in a drill"
                )
            return
        if event == "open":
            path, mode, flags = args
            if _type(path) is _int:
                return
            paths = (path,)
            writing = (_type(flags) is _int and flags & _write_flags) or (
                _type(mode) is _str and ("w" in mode or "a" in mode or "x" in mode or "+" in mode)
            )
        elif event == "import":
            name = args[0]
            if _type(name) is not _str:  # a str subclass's methods would be the code's own
                raise _missing("drillbit sandbox: a module's name must be a plain str in a drill")
            top = name.partition(".")[0]
            if top in _private:
                raise _missing(
                    f"No module named {name!r}: the grader's code is not available in the sandbox"
                )
            if top in _refused_imports:
                raise _missing(
                    f"No module named {name!r}: the sandbox does not provide it to drills"
                )
            if _len(args) < 2 or args[1] is None:
                return
            # A C extension's file, about to be loaded. Its init function is named after the
            # name's last part: `_posixsubprocess` loaded as `x._posixsubprocess` started a
            # program with no audit event (nothing else refused it without seccomp).
            if name.rpartition(".")[2] in _refused_imports:
                raise _missing(
                    f"No module named {name!r}: the sandbox does not provide it to drills"
                )
            # A second copy of one already loaded (numpy's core, made again from its file)
            # holds makers the seal never replaced.
            paths = args[1:2]
            loading = True
        elif event in _code_events:
            if _guarded[0] or _ident() != _walker:
                raise _denied(
                    "drillbit sandbox: making code objects from bytes (code.replace,"
                    " types.CodeType, marshal) is not allowed in a drill"
                )
            return
        elif event == "gc.get_objects" and not _known and not _guarded[0] and _ident() == _walker:
            return  # once, the child's own count of the functions made before the submission
        elif event in _refused_names:
            for refused, what in _refused_events:
                if refused == event:
                    raise _denied(f"drillbit sandbox: {what} is not allowed in a drill")
        elif event == "os.putenv":
            name = args[0] if _len(args) > 0 else None
            if (_type(name) is _bytes or _type(name) is _str) and name in _glibc_paths:
                shown = _decode(name, "ascii", "replace") if _type(name) is _bytes else name
                raise _denied(
                    f"drillbit sandbox: setting {shown} (where glibc loads conversion modules"
                    " or locales from) is not allowed in a drill"
                )
            return
        elif event == "os.kill":
            if _type(args[0]) is not _int or args[0] != _own_pid:
                raise _denied(
                    "drillbit sandbox: signalling other processes is not allowed in a drill"
                )
            return
        elif event == "fcntl.fcntl" or event == "fcntl.ioctl":
            if _len(args) > 1 and args[1] in _owner_requests:
                raise _denied(
                    "drillbit sandbox: making another process a descriptor's owner (which the"
                    " kernel then signals) is not allowed in a drill"
                )
            if (
                event == "fcntl.ioctl"
                and _len(args) > 1
                and _type(args[1]) is _int
                and (args[1] >> 8) & 0xFFFFFF in _network_requests
            ):
                raise _denied(
                    "drillbit sandbox: asking a socket about the machine's network (its"
                    " interfaces and addresses) is not allowed in a drill"
                )
            if event == "fcntl.fcntl" and _len(args) > 1 and args[1] == _folder_watch:
                raise _denied(
                    "drillbit sandbox: watching a folder for other processes' reads and changes"
                    " (F_NOTIFY) is not allowed in a drill"
                )
            return
        elif event == "object.__setattr__":
            if _len(args) > 1 and (
                _type(args[1]) is not _str
                or args[1] in ("__code__", "__defaults__", "__kwdefaults__")
            ):
                # A function made after the count (`count_functions`) is the submission's own:
                # namedtuple(..., defaults=...) sets its new `__new__`'s defaults. The grader's,
                # the hook's and numpy's functions were all counted, and stay refused.
                if (
                    _known
                    and _type(args[0]) is _function
                    and _id(args[0]) not in _known[0]
                    and _id(args[0].__globals__) not in _known[2]
                ):
                    return
                raise _denied("drillbit sandbox: rewriting functions is not allowed in a drill")
            return
        elif event in _path_events:
            writing = event in _write_events
            # a read names one path: glob.glob's second argument is `recursive`, a bool,
            # which was refused as "paths must be plain str or bytes" for any glob in a drill
            paths = args[:2] if writing else args[:1]
            source_read = event in _copy_events
        else:
            for prefix, what in _refused_prefixes:
                if event.startswith(prefix):
                    raise _denied(f"drillbit sandbox: {what} is not allowed in a drill")
            return
        for raw in paths:
            writes = writing and not source_read
            source_read = False  # only the first path of a copy is its source
            if _type(raw) is _direntry:
                raw = raw.path  # a C type's own attribute: no submitted code runs (copytree's)
            if _type(raw) is _bytes:
                text = _decode(raw, "utf-8", "surrogateescape")
            elif _type(raw) is _str:
                text = raw
            elif _type(raw) is _int or raw is None:
                continue
            else:
                raise _denied("drillbit sandbox: paths must be plain str or bytes in a drill")
            if not text.startswith("/"):
                text = _workdir + "/" + text
            # Resolve every symlink with functions captured before any submitted code ran.
            pending = text.split("/")
            pending.reverse()
            out: list[str] = []
            links = 0
            via_proc = False
            while pending:
                part = pending.pop()
                if part == "" or part == ".":
                    continue
                if part == "..":
                    if out:
                        out.pop()
                    continue
                candidate = "/" + "/".join([*out, part])
                # /proc's links lead out of it (a descriptor's file, the cwd, the root): judged
                # only where they led, /proc/self/fd/N of a memfd loaded native code
                via_proc = via_proc or candidate == "/proc" or candidate.startswith("/proc/")
                try:
                    st_mode = _lstat(candidate).st_mode
                except (_oserror, _valueerror):
                    out.append(part)
                    continue
                if _is_link(st_mode) and links < 40:
                    links += 1
                    target = _readlink(candidate)
                    if target.startswith("/"):
                        out = []
                    pieces = target.split("/")
                    pieces.reverse()
                    pending.extend(pieces)
                else:
                    out.append(part)
            resolved = "/" + "/".join(out)
            reason = ""
            if writes:
                if not (
                    resolved == _workdir
                    or resolved.startswith(_workdir + "/")
                    or resolved == "/dev/null"
                ):
                    reason = "writing outside the work directory"
            else:
                exempt = False
                for root in _allowed:
                    if resolved == root or resolved.startswith(root + "/"):
                        exempt = True
                if not exempt:
                    if resolved == "/proc" or resolved.startswith("/proc/"):
                        reason = "reading /proc"
                    # the machine's memory per node, its CPUs' frequencies, its cgroups' use:
                    # a drill reads none (Landlock has no rule for /sys; bubblewrap mounts none)
                    if resolved == "/sys" or resolved.startswith("/sys/"):
                        reason = "reading /sys"
                    for root in _forbidden:
                        if resolved == root or resolved.startswith(root + "/"):
                            reason = "reading the grader's files"
                    # the app's progress database and notes: read by the hooks alone, with
                    # no kernel layer on files (fifty-sixth round); Landlock refused it
                    for root in _data:
                        if resolved == root or resolved.startswith(root + "/"):
                            reason = "reading the app's data folder"
            if not reason and loading:
                if resolved in _extensions:
                    reason = "loading a second copy of a module already loaded"
                elif resolved == _workdir or resolved.startswith(_workdir + "/"):
                    # bytes the code wrote (an ELF of its own, carried in its source) ran as
                    # native code, past every hook, in every mode (forty-second round)
                    reason = "loading a C extension from the work directory"
                _extensions.add(resolved)
            if not reason and via_proc:
                reason, resolved = "reaching a file through /proc", text
            if not reason and event == "open" and resolved.startswith(_terminals):
                reason = "opening a terminal"
            if not reason and event == "open":
                try:
                    mode = _stat(resolved).st_mode
                    if _is_dir(mode):
                        reason = "opening a directory"
                    elif (_is_char(mode) or _is_block(mode)) and resolved not in _devices:
                        reason = "opening a device"
                    elif _is_fifo(mode):
                        reason = "opening a FIFO"
                except (_oserror, _valueerror):
                    pass
            if reason:
                raise _denied(f"drillbit sandbox: {reason} ({resolved}) is not allowed in a drill")

    return hook


def guard_switches(guarded: list[bool]) -> tuple[Callable[[], None], Callable[[], None]]:
    """`guard` and `unguard` for the frame guard, which is open only while the grader walks a
    traceback of the submission's (in the thread that built the hook: other threads stay
    refused there). While it is open no submitted code may run in that thread either: with
    gc.set_threshold(1), a callback in gc.callbacks ran inside the walk and read the grader's
    frames through sys._getframe (format_user_error, execute_case, main: its result pipe and
    every global it calls), and a signal handler could as well. So `unguard` turns automatic
    collection off and blocks every signal (a call then runs any handler already pending,
    still guarded); `guard` puts both back. Its functions are taken here, before any submitted
    code runs: patching gc or signal changes nothing they do.
    """
    gc_on, gc_off, gc_enabled = gc.enable, gc.disable, gc.isenabled
    sigmask, block, setmask = signal.pthread_sigmask, signal.SIG_BLOCK, signal.SIG_SETMASK
    every = signal.valid_signals()
    saved: list[Any] = []

    def pending_handlers_run() -> None:
        """Nothing: calling it is a point where Python runs the handlers of pending signals."""

    def unguard() -> None:
        saved[:] = [gc_enabled(), sigmask(block, every)]
        gc_off()
        pending_handlers_run()
        guarded[0] = False

    def guard() -> None:
        guarded[0] = True
        if saved:
            collecting, mask = saved
            saved.clear()
            sigmask(setmask, mask)
            if collecting:
                gc_on()

    return guard, unguard


def detached(function: Callable[..., Any], name: str) -> Callable[..., Any]:
    """A copy of `function` with empty globals and no builtins, for one the child hands to
    submitted code (in a module it imports): its `__globals__` (which no audit event covers)
    would otherwise be the grader's private namespace, where the code replaced the `_send`
    `main` calls (`signal.signal.__globals__`) and blanked each result's overflow flag.
    `function` must take what it calls as defaults."""
    copy = types.FunctionType(
        function.__code__, {"__builtins__": {}}, name, function.__defaults__, function.__closure__
    )
    copy.__kwdefaults__ = function.__kwdefaults__
    copy.__qualname__ = name
    copy.__doc__ = function.__doc__
    return copy


def count_functions(known: list[Any], *namespaces: dict[str, Any]) -> None:
    """Count every function alive just before the submission loads, into the hook's `known`.

    The hook refuses rewriting the code or defaults of these (the grader's, the hook's own,
    numpy's), and of any function whose globals are one of the grader's `namespaces` (the
    harness makes some per case: gradcheck's `f`): a drill's correct answer with
    `namedtuple(..., defaults=...)` or `typing.NamedTuple` sets the defaults of a function
    made after, which it allows. The functions are kept alive, so no later one is given a
    counted function's id."""
    if known:
        return
    functions = [obj for obj in gc.get_objects() if type(obj) is types.FunctionType]
    known.append(frozenset(map(id, functions)))
    known.append(functions)
    known.append(frozenset(map(id, namespaces)))
    known.append(namespaces)  # alive as long as the ids are


def install_hooks(
    cfg: dict[str, Any], guarded: list[bool] | None = None, known: list[Any] | None = None
) -> None:
    """Refuse what a drill never needs; installed once numpy is imported.

    While `guarded[0]` is true (from the first line of submitted code on), frames
    cannot be reached: no sys._getframe, no tb_frame/gi_frame/f_back.
    """
    for name in list(sys.modules):
        if name.partition(".")[0] in REFUSED_IMPORTS:
            del sys.modules[name]
    _refuse_signal_handlers()
    _refuse_pidfds()
    _refuse_special_files()
    _refuse_disk_flushes()
    _refuse_machine_load()
    _refuse_fault_handlers()
    _refuse_coroutine_origins()
    _coroutines_without_new_code()
    _refuse_allocation_traces()
    _refuse_folder_descriptors()
    _seal_module_makers()
    sys.addaudithook(_make_hook(cfg, guarded, known))


def _refuse_signal_handlers() -> None:
    """`signal.signal` says in plain words that a drill installs no handler.

    No audit event covers it. A handler is called with the frame running when its signal
    comes, and a thread of the code's own can signal the process at any moment: between two
    calls that frame is the grader's (its locals, its globals, the job's token). seccomp is
    the barrier (it refuses a new action, however `signal` is reached); this is the words.
    """

    def refused(
        _signalnum: object,
        _handler: object,
        *,
        _denied: type[PermissionError] = PermissionError,
    ) -> NoReturn:
        raise _denied("drillbit sandbox: installing signal handlers is not allowed in a drill")

    for module in (signal, sys.modules["_signal"]):
        vars(module)["signal"] = detached(refused, "signal")


def _refuse_pidfds() -> None:
    """`os.pidfd_open` and `signal.pidfd_send_signal` refuse in plain words: no audit event
    covers either, and without seccomp (no libseccomp, no PID namespace) a drill opened a pidfd
    of the app that graded it and could have sent it SIGKILL. A second copy of `posix` or
    `_signal`, which would hold the originals, is refused where modules are made."""

    def refused(*_args: Any, _denied: type[PermissionError] = PermissionError, **_kw: Any) -> Any:
        raise _denied("drillbit sandbox: signalling other processes is not allowed in a drill")

    for module, name in (
        (os, "pidfd_open"),
        (sys.modules["posix"], "pidfd_open"),
        (signal, "pidfd_send_signal"),
        (sys.modules["_signal"], "pidfd_send_signal"),
    ):
        if name in vars(module):
            vars(module)[name] = detached(refused, name)


def _refuse_special_files() -> None:
    """`os.mkfifo` and `os.mknod` refuse in plain words: no audit event covers either, and with
    the hooks alone (no seccomp, which refuses `mknod` everywhere, and no kernel layer on files)
    a drill made a FIFO in /tmp, outside its work dir (forty-first round). A second copy of
    `posix`, which would hold the originals, is refused where modules are made."""

    def refused(*_args: Any, _denied: type[PermissionError] = PermissionError, **_kw: Any) -> Any:
        raise _denied("drillbit sandbox: making FIFOs and device nodes is not allowed in a drill")

    for module in (os, sys.modules["posix"]):
        for name in ("mkfifo", "mknod"):
            if name in vars(module):
                vars(module)[name] = detached(refused, name)


def _refuse_disk_flushes() -> None:
    """`os.sync` refuses in plain words: no audit event covers it, and it makes the kernel write
    every file system's pending data out, the machine's (a container's host's too: `sync` is not
    namespaced), not the drill's. A loop of it ran in every mode, about 200 a second, for as long
    as the wall clock allows (forty-second round). seccomp refuses the call too, but `sync`
    reports no error, so the code could not tell: this is the words."""

    def refused(*_args: Any, _denied: type[PermissionError] = PermissionError, **_kw: Any) -> Any:
        raise _denied("drillbit sandbox: flushing the machine's disks (os.sync) is not allowed")

    for module in (os, sys.modules["posix"]):
        if "sync" in vars(module):
            vars(module)["sync"] = detached(refused, "sync")


def _refuse_machine_load() -> None:
    """`os.getloadavg`, `os.sysconf` of the machine's memory pages and `os.statvfs` refuse in
    plain words: no audit event covers them, and glibc answers the first two with `sysinfo`,
    which no namespace changes, so they gave the machine's load and free memory in every mode
    (a side channel on what it does meanwhile, as `/proc/loadavg` was), and `statvfs` the free
    blocks of the disk under `/usr` (bubblewrap binds the host's) or the work dir (forty-third
    round). `os.posix_fadvise` dropped any readable file's pages from the machine's page cache,
    and `os.preadv` with RWF_NOWAIT then told whether another process had read them since.
    seccomp refuses `sysinfo`, `statfs`, `fadvise64` and that `preadv2` themselves; this is
    the words, and the barrier where there is no filter. A second copy of `posix`, which
    would hold the originals, is refused where modules are made."""

    def refused(*_args: Any, _denied: type[PermissionError] = PermissionError, **_kw: Any) -> Any:
        raise _denied("drillbit sandbox: reading the machine's load is not allowed in a drill")

    def no_disks(*_args: Any, _denied: type[PermissionError] = PermissionError, **_kw: Any) -> Any:
        raise _denied("drillbit sandbox: reading a disk's free space is not allowed in a drill")

    def no_page_cache(
        *_args: Any, _denied: type[PermissionError] = PermissionError, **_kw: Any
    ) -> Any:
        raise _denied("drillbit sandbox: advising the page cache is not allowed in a drill")

    posix = sys.modules["posix"]
    for module in (os, posix):
        if "getloadavg" in vars(module):
            vars(module)["getloadavg"] = detached(refused, "getloadavg")
        for name in ("statvfs", "fstatvfs"):  # shutil.disk_usage's too
            if name in vars(module):
                vars(module)[name] = detached(no_disks, name)
        if "posix_fadvise" in vars(module):
            vars(module)["posix_fadvise"] = detached(no_page_cache, "posix_fadvise")
    if "preadv" in vars(posix):
        stand_in = sealed(vars(posix)["preadv"], _vetted_preadv)
        vars(posix)["preadv"] = vars(os)["preadv"] = stand_in
    if "sysconf" in vars(posix):
        stand_in = sealed(vars(posix)["sysconf"], _vetted_sysconf)
        vars(posix)["sysconf"] = vars(os)["sysconf"] = stand_in


FOLDER_RELATIVE_CALLS = ("open", "mkdir", "rename", "replace", "unlink", "remove", "rmdir")
METADATA_CALLS = ("stat", "lstat")
"""The calls the hooks judge by a path that take a folder's descriptor (`dir_fd`, `src_dir_fd`,
`dst_dir_fd`): the `open` audit event carries no `dir_fd`, so the hooks judged such a path as
the work dir's. Under Landlock the bytecode cache's tree is inherited as a descriptor, and with
the hooks alone a thread renaming a file and a folder of the work dir in turn got an `open`
past the hooks' "opening a directory" (the folder was a file when they looked): from that
folder, `../../../../<name>` reached the temp dir's files while the hooks judged `/<name>`,
another program's FIFO there among them (forty-fourth round). The other calls with a
`dir_fd` (`os.stat`, `os.access`, `os.readlink`) raise no audit event: they tell what a path
does too. `os.fwalk` and `glob.glob(dir_fd=...)` open through `os.open`."""
FOLDER_DESCRIPTOR_WORDS = frozenset({"dir_fd", "src_dir_fd", "dst_dir_fd"})


def _refuse_folder_descriptors() -> None:
    """Each of `FOLDER_RELATIVE_CALLS` refuses a folder's descriptor in plain words, and runs as
    before without one. A drill never holds a folder's descriptor honestly: the hooks refuse
    opening a folder. `os.supports_dir_fd` and its siblings held the original functions, which
    gave back every function replaced here (`os.statvfs` among them): they hold the stand-ins
    now. A second copy of `posix`, which would hold the originals, is refused where modules
    are made."""
    posix = sys.modules["posix"]
    for name in FOLDER_RELATIVE_CALLS:
        if name in vars(posix):
            stand_in = sealed_keywords(vars(posix)[name], _vetted_folder_descriptor)
            vars(posix)[name] = vars(os)[name] = stand_in
    for name in METADATA_CALLS:
        if name in vars(posix):
            stand_in = sealed_keywords(vars(posix)[name], _vetted_metadata_read, path_first=True)
            vars(posix)[name] = vars(os)[name] = stand_in
    for listed in (
        "supports_dir_fd",
        "supports_fd",
        "supports_follow_symlinks",
        "supports_effective_ids",
    ):
        functions = vars(os).get(listed)
        if type(functions) is not set:
            continue
        for original in list(functions):
            label = getattr(original, "__name__", None)
            current = vars(posix).get(label) if type(label) is str else None
            if current is not None and current is not original:
                functions.discard(original)
                functions.add(current)


def _vetted_folder_descriptor(
    _args: tuple[Any, ...],
    keywords: dict[str, Any],
    *,
    _words: frozenset[str] = FOLDER_DESCRIPTOR_WORDS,
) -> None:
    """Nothing when no folder's descriptor is given (None, or the word absent); else the
    refusal. A key of a str subclass is refused unread: its `__eq__` would be the code's."""
    for key, value in keywords.items():
        if type(key) is not str:
            raise TypeError("drillbit sandbox: keyword names must be plain str in a drill")
        if key in _words and value is not None:
            raise PermissionError(
                "drillbit sandbox: a path relative to a folder's descriptor"
                f" ({key}) is not allowed in a drill"
            )


def _vetted_metadata_read(
    args: tuple[Any, ...],
    keywords: dict[str, Any],
    *,
    _folders: Callable[..., None] = _vetted_folder_descriptor,
    _audit: Callable[..., None] = sys.audit,
    _event: str = METADATA_EVENT,
    _int: type[int] = int,
) -> None:
    """`os.stat`'s and `os.lstat`'s path, judged by the hooks as a read (`METADATA_EVENT`); a
    descriptor's own `stat` (an int) is not judged, and a folder's descriptor is refused."""
    _folders(args, keywords)
    path = args[0] if args else keywords.get("path")
    if type(path) is not _int:
        _audit(_event, path)


def _refuse_fault_handlers() -> None:
    """`faulthandler.enable`, `register`, `dump_traceback_later`, `dump_traceback` and `disable`
    refuse in plain words.

    No audit event covers them. `enable` and `register` install handlers of C (seccomp refuses
    them as any new signal action, but with the hooks alone `register` took the code's own
    SIGUSR1 and printed the grader's stack), and `dump_traceback_later` starts a watchdog
    thread, which no kernel layer refuses: it printed the grader's stack in every mode, and
    with `exit=True` ends the process at a moment of the code's choosing. A drill needs none;
    a second copy of the module, which would hold the originals, is refused where modules
    are made."""
    import faulthandler

    def refused(*_args: Any, _denied: type[PermissionError] = PermissionError, **_kw: Any) -> Any:
        raise _denied(
            "drillbit sandbox: faulthandler's handlers, its watchdog and its stack dumps are not"
            " allowed in a drill"
        )

    # `dump_traceback` too (fifty-first round): at once, to a file of the work dir, it wrote
    # every thread's stack, the grader's frames in the job's thread ("drillbit/runtime.py",
    # line 549 in call ... "drillbit/child.py" ... in main), which the code read back
    # `disable` too (fifty-third round): under seccomp it cannot put the default action back
    # (the filter refuses a new one), so it only turned the launcher's handler into a no-op,
    # and the next fault's line, or the first signal the code raised itself, went untold
    for name in ("enable", "register", "dump_traceback_later", "dump_traceback", "disable"):
        vars(faulthandler)[name] = detached(refused, name)


def _refuse_coroutine_origins() -> None:
    """`sys.set_coroutine_origin_tracking_depth` refuses any depth but 0 (which it already is:
    the grader never sets one), and holds no original to be called around it.

    No audit event covers it, nor the `cr_origin` it fills: each coroutine made after it then
    carries the file, line and function of every frame that made it, the grader's too. A
    coroutine made in a call, or in a finalizer or weakref callback run as the grader drops an
    array, listed `drillbit/runtime.py:execute_case`, `harness/call.py:run_case`,
    `drillbit/child.py:main` and `drillbit/launcher.py:_graded`, which the code then put in its
    error's words and the verdict showed (fifty-first round). A second copy of `sys`, which
    would hold the original, is refused where modules are made."""

    def set_coroutine_origin_tracking_depth(
        depth: Any,
        *,
        _int: type[int] = int,
        _type: type[type] = type,
        _denied: type[PermissionError] = PermissionError,
    ) -> None:
        if _type(depth) is _int and depth == 0:
            return
        raise _denied(
            "drillbit sandbox: tracking where coroutines were made"
            " (sys.set_coroutine_origin_tracking_depth) is not allowed in a drill"
        )

    name = "set_coroutine_origin_tracking_depth"
    vars(sys)[name] = detached(set_coroutine_origin_tracking_depth, name)


def _coroutines_without_new_code() -> None:
    """`types.coroutine` on a generator function gives back a function whose calls' generators
    are wrapped to be awaited, instead of setting a flag on the function's code with
    `code.replace`: that made a code object, refused as the file loads like any code made
    from bytes, and a correct answer with `@types.coroutine` failed to load (fifty-sixth
    round). No door is opened to code objects: the wrapper holds no state the code could set,
    and the code's own `code.replace` is still refused. The generator function is handed to
    the original as a `functools.partial`, which takes its path for plain callables (each
    generator wrapped in `types._GeneratorWrapper`, which `await` and `yield from` take)."""

    def coroutine(
        func: Any,
        *,
        _original: Callable[[Any], Any] = types.coroutine,
        _partial: type[functools.partial[Any]] = functools.partial,
        _update: Callable[..., Any] = functools.update_wrapper,
        _function: type[types.FunctionType] = types.FunctionType,
        _type: type[type] = type,
    ) -> Any:
        if _type(func) is _function and func.__code__.co_flags & 0x20:  # a generator function
            return _update(_original(_partial(func)), func)
        return _original(func)

    vars(types)["coroutine"] = detached(coroutine, "coroutine")


def _refuse_allocation_traces() -> None:
    """`tracemalloc.start` (and `_tracemalloc`'s, which the module copies on import) refuses in
    plain words. No audit event covers it, nor the tracebacks it then keeps: a snapshot, or an
    input's `get_object_traceback`, listed the file and line of every frame of the grader's
    that allocated (`drillbit/child.py:2380`, `drillbit/runtime.py:125`, ...), which the code
    put in its error's words and the verdict showed (fifty-first round). A second copy of
    `_tracemalloc`, which would hold the original, is refused where modules are made."""
    import _tracemalloc

    def start(*_args: Any, _denied: type[PermissionError] = PermissionError) -> None:
        raise _denied(
            "drillbit sandbox: tracing where memory was allocated (tracemalloc.start) is not"
            " allowed in a drill"
        )

    stand_in = detached(start, "start")
    vars(_tracemalloc)["start"] = stand_in
    if "tracemalloc" in sys.modules:
        vars(sys.modules["tracemalloc"])["start"] = stand_in


FRESH_COPIES_REFUSED = frozenset(
    {"_signal", "gc", "posix", "_imp", "faulthandler", "sys", "_tracemalloc", "_thread"}
)
"""Built-in modules a drill may not make a second copy of: each holds a function the child
replaced (`_signal.signal`, `gc.set_debug`, `posix.pidfd_open`, `faulthandler.enable`,
`sys.set_coroutine_origin_tracking_depth` and `sys.setrecursionlimit`: a copy of `sys` is the
same module with its first functions put back, `_tracemalloc.start`, `_thread.stack_size`),
and `_imp` the maker of the copies."""


def _one_call(original: Callable[..., Any], vet: Callable[..., tuple[Any, ...]]) -> Any:
    """A generator that makes one call of `original`: sent the arguments, it yields (returned,
    value or error). `original` lives only in its frame, which `gi_frame` (refused) alone
    leads to: a function's defaults, closure and globals can all be read by the code."""
    args = yield None
    try:
        yield True, original(*vet(*args))
    except Exception as exc:  # noqa: BLE001 - raised in the caller, without this frame
        yield False, exc.with_traceback(None)


def _calls(original: Callable[..., Any], vet: Callable[..., tuple[Any, ...]]) -> Any:
    """One `_one_call` per call, so a call that leads to another (a module whose set-up
    imports another) still works."""
    while True:
        yield _one_call(original, vet)


def sealed(original: Callable[..., Any], vet: Callable[..., tuple[Any, ...]]) -> Callable[..., Any]:
    """`original`, called with what `vet` makes of the arguments (it raises to refuse them),
    and out of the submission's reach."""

    calls = _calls(original, vet)

    def call(*args: Any, _next: Callable[[Any], Any] = next, _calls: Any = calls) -> Any:
        one = _next(_calls)
        _next(one)
        returned, value = one.send(args)
        if returned:
            return value
        raise value

    call.__doc__ = original.__doc__
    return detached(call, getattr(original, "__name__", "call"))


def _one_keyword_call(original: Callable[..., Any], vet: Callable[..., None]) -> Any:
    """`_one_call` for a function taking keywords: sent (args, keywords), `vet` sees both (it
    raises to refuse them) and `original` gets both unchanged."""
    args, keywords = yield None
    try:
        vet(args, keywords)
        yield True, original(*args, **keywords)
    except Exception as exc:  # noqa: BLE001 - raised in the caller, without this frame
        yield False, exc.with_traceback(None)


def _keyword_calls(original: Callable[..., Any], vet: Callable[..., None]) -> Any:
    """One `_one_keyword_call` per call (a call may lead to another)."""
    while True:
        yield _one_keyword_call(original, vet)


def sealed_keywords(
    original: Callable[..., Any], vet: Callable[..., None], *, path_first: bool = False
) -> Callable[..., Any]:
    """`sealed` for a function whose keywords matter (`os.open`'s `dir_fd`): `vet` is handed
    the arguments and the keywords, which go to `original` as they came. With `path_first`,
    a first argument that is neither str, bytes nor int is made a path first (`os.fspath`,
    outside the sealed frame), so `pathlib.Path.exists` keeps working and the path judged is
    the path used."""

    calls = _keyword_calls(original, vet)

    def call(*args: Any, _next: Callable[[Any], Any] = next, _calls: Any = calls, **kw: Any) -> Any:
        one = _next(_calls)
        _next(one)
        returned, value = one.send((args, kw))
        if returned:
            return value
        raise value

    def call_with_path(
        path: Any,
        *args: Any,
        _next: Callable[[Any], Any] = next,
        _calls: Any = calls,
        _fspath: Callable[[Any], Any] = os.fspath,
        _plain: tuple[type, ...] = (str, bytes, int),
        _type: type[type] = type,
        **kw: Any,
    ) -> Any:
        if _type(path) not in _plain:
            path = _fspath(path)
        one = _next(_calls)
        _next(one)
        returned, value = one.send(((path, *args), kw))
        if returned:
            return value
        raise value

    chosen = call_with_path if path_first else call
    chosen.__doc__ = original.__doc__
    return detached(chosen, getattr(original, "__name__", "call"))


# The vets below take every constant as a keyword default, bound when the child starts: a
# module's attribute (`gc.DEBUG_SAVEALL`, `types.SimpleNamespace`, `os.getpid`) can be
# replaced by the code before a call, and the private namespace's copies of these functions
# (see `private_namespace`) are held only by the generators of `sealed`.


def _vetted_spec(
    spec: Any,
    *,
    _refused: frozenset[str] = FRESH_COPIES_REFUSED,
    _not_provided: frozenset[str] = frozenset(REFUSED_IMPORTS),
    _missing: type[ModuleNotFoundError] = ModuleNotFoundError,
    _spec: type[types.SimpleNamespace] = types.SimpleNamespace,
) -> tuple[Any]:
    """A spec of the child's own for `_imp.create_builtin`, unless it names a refused copy
    or a refused module (a built-in one, `xxsubtype`, is made here with no import event):
    the submission's could name another module on the next look-up."""
    name = spec.name
    if type(name) is not str:
        raise TypeError("a module spec's name must be a str")
    if name in _not_provided:
        raise _missing(f"No module named {name!r}: the sandbox does not provide it to drills")
    if name in _refused:
        raise PermissionError(
            f"drillbit sandbox: making a second copy of the {name} module is not allowed in a drill"
        )
    return (_spec(name=name),)


def _vetted_debug_flags(flags: Any, *, _saveall: int = gc.DEBUG_SAVEALL) -> tuple[int]:
    """`gc.set_debug`'s flags, without DEBUG_SAVEALL: what it keeps in `gc.garbage` are frame
    objects too, the grader's among them (no audit event covers that list)."""
    if type(flags) is not int:
        raise TypeError("gc.set_debug takes an int")
    if flags & _saveall:
        raise PermissionError(
            "drillbit sandbox: keeping the garbage collector's garbage (gc.DEBUG_SAVEALL)"
            " is not allowed in a drill"
        )
    return (flags,)


MACHINE_SYSCONF: frozenset[str | int] = frozenset(
    [key for key in ("SC_AVPHYS_PAGES", "SC_PHYS_PAGES") if key in os.sysconf_names]
    + [
        os.sysconf_names[key]
        for key in ("SC_AVPHYS_PAGES", "SC_PHYS_PAGES")
        if key in os.sysconf_names
    ]
)
"""`os.sysconf`'s names (and their numbers) that glibc answers with `sysinfo`."""


def _vetted_sysconf(name: Any, *, _machine: frozenset[str | int] = MACHINE_SYSCONF) -> tuple[Any]:
    """`os.sysconf`'s argument, unless it names the machine's memory pages (free or in all),
    which glibc reads with `sysinfo`, by name or by number; only an exact str or int (a
    subclass's `__eq__` and `__hash__` would be the code's). Any other name is passed on for
    sysconf to judge."""
    if type(name) is not str and type(name) is not int:
        raise TypeError("os.sysconf takes a str or an int in a drill")
    if name in _machine:
        raise PermissionError(
            "drillbit sandbox: reading the machine's memory is not allowed in a drill"
        )
    return (name,)


def _vetted_preadv(
    fd: Any,
    buffers: Any,
    offset: Any,
    flags: Any = 0,
    *,
    _nowait: int = getattr(os, "RWF_NOWAIT", 0),
) -> tuple[Any, ...]:
    """`os.preadv`'s arguments, without RWF_NOWAIT (only an exact int for the flags): a read
    that fails unless the page cache holds the pages tells whether another process read them
    (a side channel on what the machine's programs use)."""
    if type(flags) is not int:
        raise TypeError("os.preadv's flags must be an int in a drill")
    if flags & _nowait:
        raise PermissionError(
            "drillbit sandbox: probing the page cache (RWF_NOWAIT) is not allowed in a drill"
        )
    return (fd, buffers, offset, flags)


def _this_process(pid: Any, *, _own: int = os.getpid()) -> None:
    """Nothing when `pid` names this process (0 or its own pid); else the refusal."""
    if type(pid) is not int or pid not in (0, _own):
        raise PermissionError(
            "drillbit sandbox: changing another process's priority or scheduling is not allowed"
            " in a drill"
        )


def _own_priority(
    which: Any, who: Any, *rest: Any, _process: int = os.PRIO_PROCESS
) -> tuple[Any, ...]:
    """`os.setpriority`'s arguments when they name this process alone."""
    if type(which) is not int or which != _process:
        _this_process(None)
    _this_process(who)
    return (which, who, *rest)


def _own_scheduling(pid: Any, *rest: Any) -> tuple[Any, ...]:
    """A `sched_set*` call's arguments when they name this process."""
    _this_process(pid)
    return (pid, *rest)


SCHEDULING_CALLS = ("setpriority", "sched_setaffinity", "sched_setscheduler", "sched_setparam")
"""No audit event covers them, and without seccomp a drill could set the app that graded it
to the lowest priority, the idle scheduling class or one CPU, for the rest of its run."""


def _seal_module_makers() -> None:
    """`_imp.create_builtin` refuses a second copy of `_signal`, `gc` or `_imp`, and
    `gc.set_debug` refuses DEBUG_SAVEALL.

    Without seccomp nothing in the kernel refuses a signal handler, and a fresh `_signal`
    (`importlib.util.module_from_spec`, `_imp.create_builtin`, or `del sys.modules["_signal"]`
    then `import _signal`) held the real `signal`: its handler ran in the grader's frames and
    blanked the overflow flag, and a naive sigmoid passed. With DEBUG_SAVEALL, the frames of a
    grader's function that swallowed the code's exception (its stdout's `flush`) were kept in
    `gc.garbage`: the caller's frame, `main`'s, held the job's token, and a naive sigmoid sent
    results of its own and passed, in every mode. Every built-in module is made by
    `create_builtin`, so each copy is refused there.
    """
    import _imp

    vars(_imp)["create_builtin"] = sealed(_imp.create_builtin, _vetted_spec)
    vars(gc)["set_debug"] = sealed(gc.set_debug, _vetted_debug_flags)
    posix = sys.modules["posix"]
    for name in SCHEDULING_CALLS:
        # named here, not held in a module-level table: that would hold the original
        # namespace's functions, which the code can reach and change (see `private_namespace`)
        vet = _own_priority if name == "setpriority" else _own_scheduling
        if name in vars(posix):
            stand_in = sealed(vars(posix)[name], vet)
            vars(posix)[name] = vars(os)[name] = stand_in


def imports_from_source() -> None:
    """A module the code imports from here on is compiled from its source, not read from the
    bytecode cache: reading it goes through `marshal.loads`, which the hooks now refuse
    (`CODE_FROM_BYTES`). importlib's loader takes a `cache_from_source` that raises
    NotImplementedError as "no bytecode for this file" and compiles the source; the code may
    put the original back, and then its imports of cached modules are refused, nothing more."""
    external = sys.modules["_frozen_importlib_external"]

    def no_cache(*_args: Any, _none: type[NotImplementedError] = NotImplementedError) -> Any:
        raise _none("drillbit sandbox: the code's imports compile from source")

    vars(external)["cache_from_source"] = detached(no_cache, "cache_from_source")


def hooks_verified(cfg: dict[str, Any]) -> bool:
    """Probe that the hooks refuse harmless stand-ins for what they guard (no real harm if not)."""
    checks: list[bool] = []
    try:
        with open(cfg["probe"], "rb"):
            checks.append(False)
    except PermissionError as exc:
        checks.append("drillbit sandbox" in str(exc))
    except OSError:
        checks.append(False)
    try:
        __import__("engine")
        checks.append(False)
    except ModuleNotFoundError as exc:
        checks.append("sandbox" in str(exc))
    try:
        os.kill(os.getppid() or 1, 0)
        checks.append(False)
    except PermissionError as exc:
        checks.append("drillbit sandbox" in str(exc))
    except OSError:
        checks.append(False)
    return all(checks)


def _lenient_copies(shutil: Any) -> None:
    """Let `shutil.copy`, `copy2` and `copytree` copy in the work dir, leaving the copy's mode
    and times as they are.

    The sandbox refuses changing a file's mode and times everywhere (seccomp: Landlock does not
    cover chmod/utime, so the work dir cannot be told from the user's files), and
    `copymode`/`copystat` raised that refusal: a plain copy of a scratch file failed with
    "Operation not permitted". Only that refusal is passed over; any other error is raised."""
    for name in ("copymode", "copystat"):
        original = getattr(shutil, name)

        def kept_back(
            src: Any,
            dst: Any,
            *,
            follow_symlinks: bool = True,
            _original: Any = original,
            _denied: type[PermissionError] = PermissionError,
            _passed_over: tuple[Any, ...] = (None, errno.EPERM),  # None: the audit hook's
        ) -> None:
            try:
                _original(src, dst, follow_symlinks=follow_symlinks)
            except _denied as exc:
                if exc.errno not in _passed_over:
                    raise

        kept_back.__doc__ = original.__doc__
        setattr(shutil, name, detached(kept_back, name))


class _ShutilFinder:
    """Applies `_lenient_copies` to shutil when something first imports it: importing it up
    front cost every child's start about 2 ms, and most drills never copy a file."""

    @staticmethod
    def find_spec(name: str, path: Any = None, target: Any = None) -> Any:
        if name != "shutil":
            return None
        for finder in sys.meta_path:
            if finder is _ShutilFinder or not hasattr(finder, "find_spec"):
                continue
            spec = finder.find_spec(name, path, target)
            if spec is None:
                continue
            loader = spec.loader
            if loader is not None and hasattr(loader, "exec_module"):
                run = loader.exec_module

                def exec_module(module: Any, _run: Any = run) -> None:
                    _run(module)
                    _lenient_copies(module)

                setattr(loader, "exec_module", exec_module)  # noqa: B010 - an instance's, not its class's
            return spec
        return None


def private_namespace(namespace: dict[str, Any]) -> dict[str, Any]:
    """A copy of a module's namespace, with a copy of its builtins, whose functions are copies
    that look names up in it: what the grader calls once submitted code may run.

    Submitted code reaches a module's own namespace through any class it defines
    (`object.__subclasses__()`, then a method's `__globals__` or `__builtins__`, which no
    audit event covers) and could replace what the grader's functions call: a naive sigmoid
    whose code replaced the child's `_send`, the wire's `_dumps` or the builtins'
    `memoryview` blanked the overflow flag of each result and passed. The copies are held
    only by the grader's own frames, which the submission cannot reach.
    """
    private = dict(namespace)
    private["__builtins__"] = dict(namespace["__builtins__"])
    for name, value in namespace.items():
        if type(value) is types.FunctionType:
            copy = types.FunctionType(
                value.__code__, private, value.__name__, value.__defaults__, value.__closure__
            )
            # a dict of its own: the original's is reachable, and changed in place
            copy.__kwdefaults__ = (
                None if value.__kwdefaults__ is None else dict(value.__kwdefaults__)
            )
            private[name] = copy
    return private


def module_snapshot(
    module: types.ModuleType, taken: dict[str, types.ModuleType] | None = None
) -> types.ModuleType:
    """A copy of `module` as it is now, its public submodules (`np.random`) copied too.

    The grader's code (a harness, the wire) looks its numpy functions up on the module at
    every call, and a module is shared with the submission, which can replace its
    attributes: one that set `np.shares_memory` to a function answering False as it loaded
    returned the caller's own gradients from `clip_grad_norm` and passed the check that
    they are new arrays. Taken before the submission loads, a snapshot keeps the originals.
    """
    taken = {} if taken is None else taken
    name = module.__name__
    copy = taken.get(name)
    if copy is not None:
        return copy
    copy = types.ModuleType(name, module.__doc__)
    taken[name] = copy
    attributes = dict(vars(module))
    for key, value in attributes.items():
        if (
            type(value) is types.ModuleType
            and value.__name__.startswith(name + ".")
            and not key.startswith("_")  # numpy's private `_core` alone costs 0.4 ms
        ):
            attributes[key] = module_snapshot(value, taken)
    vars(copy).update(attributes)
    return copy


def snapshot_modules(namespace: dict[str, Any]) -> None:
    """Put a `module_snapshot` in place of each module a namespace of the grader's holds."""
    taken: dict[str, types.ModuleType] = {}
    for key, value in list(namespace.items()):
        if type(value) is types.ModuleType:
            namespace[key] = module_snapshot(value, taken)


THREAD_STACK = 8 << 20
"""Every thread's stack in the child, the least a thread of the code's may ask for and what
`threading.stack_size(0)` gives (`floor_thread_stacks`)."""


def _vetted_stack_size(*sizes: Any, _floor: int = THREAD_STACK) -> tuple[int, ...]:
    """`_thread.stack_size`'s argument, never one below `_floor`: 0 (the platform's default)
    is the floor itself, and a smaller size is refused in plain words; none asks the size."""
    if len(sizes) != 1:
        return sizes  # Python's own answer: the size, or its TypeError for two
    size = sizes[0]
    if type(size) is not int:
        raise TypeError("threading.stack_size takes an int, the size in bytes")
    if size == 0:
        return (_floor,)
    if 0 < size < _floor:
        raise ValueError(
            f"drillbit sandbox: a thread's stack of {size:,} bytes (threading.stack_size) is"
            f" not allowed in a drill, the least is {_floor:,} (8 MiB, or 0 for it): a thread"
            " that runs out of stack dies with no line of your code to tell"
        )
    return (size,)


def floor_thread_stacks() -> None:
    """Every thread the code starts gets a stack of at least THREAD_STACK (fifty-sixth round).

    A thread of the code's has no alternate signal stack (faulthandler sets one for the thread
    that enabled it, and Python cannot set one without ctypes), so a stack overflow there died
    of SIGSEGV with no dump and no line: a 32 KiB `threading.stack_size` and the repr of lists
    nested 900 deep. With 8 MiB (the repr holds 40,000 levels and more), Python's recursion
    limit is met first and the thread stops on RecursionError, whose traceback names the line
    (`thread_exception` in decide.py). The size is set here, so the platform's default (the
    stack limit's) does not matter, and the code's `stack_size` keeps it at least that."""
    original = _thread.stack_size
    original(THREAD_STACK)
    floored = sealed(original, _vetted_stack_size)
    vars(_thread)["stack_size"] = floored
    if "threading" in sys.modules:
        vars(sys.modules["threading"])["stack_size"] = floored


def keep_copies_working() -> None:
    """`_lenient_copies` for shutil, now if it is imported already, else at its import."""
    if "shutil" in sys.modules:
        _lenient_copies(sys.modules["shutil"])
    else:
        sys.meta_path.insert(0, _ShutilFinder)


def _warm(np: Any) -> None:
    """Touch what a typical drill touches so the first case pays no lazy-import cost."""
    # copy is the seeded harness's: an import after `ready` is paid by every grade. The rest
    # are what a drill's answer may import that numpy has not: once the code runs, a module
    # is compiled from its source (`imports_from_source`), 100 ms more for these than cached.
    import copy  # noqa: F401
    import dataclasses  # noqa: F401
    import decimal  # noqa: F401
    import fractions  # noqa: F401
    import heapq  # noqa: F401
    import statistics  # noqa: F401
    import string  # noqa: F401

    import numpy.fft  # noqa: F401
    import numpy.linalg  # noqa: F401
    import numpy.random

    rng = numpy.random.default_rng(0)
    a = rng.standard_normal((8, 4))
    b = (np.exp(-np.abs(a)) + np.maximum(a, 0)) @ np.ones((4, 3))
    with np.errstate(all="ignore"):
        np.log(np.where(b > 0, b, 1.0)).sum(axis=0, keepdims=True)
    np.array_equal(a, a.copy(), equal_nan=True)
    rng.binomial(1, 0.5, size=3)
    rng.permutation(5)


# numpy's array-interface door (forty-seventh round). numpy builds an array over whatever
# address an object's `__array_interface__` (or `__array_struct__`) names, so a submission read
# and wrote this process's memory: it set the grader's overflow counters back after a naive
# sigmoid (found from `np.geterrcall()`), which then passed the drill that checks for overflow.
# numpy finds those attributes by two interned names its C module keeps in one static struct;
# the child points both at strings of its own that no Python object holds, so numpy finds no
# interface on any object from then on. `as_strided` (and `sliding_window_view`, which calls it)
# built its view through that door, and past an array's end; it now builds it as numpy's
# constructor over the memory the array came from, which checks the view lies inside it.
INTERFACE_NAMES = ("__array_struct__", "__array_priority__", "__array_interface__")
"""Three of the names numpy's static struct holds side by side, in its order (numpy 2.x)."""


def _memory_words(np: Any, address: int, count: int, typestr: str = "<u8") -> Any:
    """`count` items of this process's memory from `address`: the door itself, used by the
    grader only before it closes it."""

    class At:
        __array_interface__ = {  # noqa: RUF012 - read once by numpy
            "shape": (count,),
            "typestr": typestr,
            "data": (address, False),
            "version": 3,
        }

    return np.asarray(At())


def _elf_sections(path: str, wanted: tuple[bytes, ...]) -> dict[bytes, tuple[int, int, int]]:
    """The sections named `wanted` (address, file offset, size) of a 64-bit little-endian ELF
    file; none when it is not one."""
    found: dict[bytes, tuple[int, int, int]] = {}
    with open(path, "rb") as file:
        head = file.read(64)
        if head[:6] != b"\x7fELF\x02\x01":
            return found
        shoff = int.from_bytes(head[40:48], "little")
        size, count, names_index = (int.from_bytes(head[i : i + 2], "little") for i in (58, 60, 62))
        file.seek(shoff)
        table = file.read(size * count)
        sections = [table[i * size : (i + 1) * size] for i in range(count)]
        if names_index >= len(sections):
            return found
        file.seek(int.from_bytes(sections[names_index][24:32], "little"))
        names = file.read(int.from_bytes(sections[names_index][32:40], "little"))
    for section in sections:
        start = int.from_bytes(section[0:4], "little")
        name = names[start : names.find(b"\0", start)]
        if name in wanted:
            found[name] = tuple(int.from_bytes(section[i : i + 8], "little") for i in (16, 24, 32))  # type: ignore[assignment]
    return found


def _interface_slots(np: Any) -> int | None:
    """The address of numpy's interned `__array_struct__` in its C module's static struct
    (`__array_interface__` is two words on), or None where the layout is not the one known.

    The module's load address is where `ndarray`'s `tp_name` points, less that string's
    address in the file's `.rodata`; the struct is looked for in the module's `.bss` only,
    memory that is mapped, so the search cannot fault. Run once, as the worker warms: 0.7 ms
    with the file in the page cache, 12 ms without (the whole 10 MB file read took 40 ms).
    """
    path = getattr(sys.modules["numpy._core._multiarray_umath"], "__file__", None)
    if np.dtype(np.uintp).itemsize != 8 or sys.byteorder != "little" or not path:
        return None
    sections = _elf_sections(path, (b".rodata", b".bss"))
    if len(sections) != 2:
        return None
    rodata_at, rodata_offset, rodata_size = sections[b".rodata"]
    bss_at, _, bss_size = sections[b".bss"]
    with open(path, "rb") as file:
        file.seek(rodata_offset)
        rodata = file.read(rodata_size)
    found = rodata.find(b"\0numpy.ndarray\0") + 1
    if found <= 0 or rodata.find(b"\0numpy.ndarray\0", found) != -1:
        return None
    name_at = int(_memory_words(np, id(np.ndarray) + 24, 1)[0])  # PyTypeObject.tp_name
    base = name_at - (rodata_at + found)
    if base % 4096 or bytes(_memory_words(np, name_at, 14, "|u1")) != b"numpy.ndarray\0":
        return None
    words = _memory_words(np, base + bss_at, bss_size // 8)
    wanted = [id(sys.intern(name)) for name in INTERFACE_NAMES]
    hits = [
        int(i)
        for i in np.flatnonzero(words[:-2] == wanted[0])
        if int(words[i + 1]) == wanted[1] and int(words[i + 2]) == wanted[2]
    ]
    return base + bss_at + 8 * hits[0] if len(hits) == 1 else None


def _vetted_resize(
    _args: tuple[Any, ...], keywords: dict[str, Any], *, _bool: type = bool, _type: type = type
) -> None:
    """`ndarray.resize` without `refcheck=False`: with it numpy moves the array's memory even
    while views of it live, and each view goes on reading and writing the freed block, which
    the next allocation of its size reuses (the grader's own among them)."""
    refcheck = keywords.get("refcheck", True)
    if _type(refcheck) is not _bool or not refcheck:
        raise ValueError(
            "drillbit sandbox: ndarray.resize(refcheck=False) is not allowed in a drill (views"
            " of the array would point at freed memory); np.resize returns a resized copy"
        )


def _vetted_setstate(
    args: tuple[Any, ...],
    _keywords: dict[str, Any],
    *,
    _nbytes: Callable[[Any], int],
    _error: type[ValueError],
) -> None:
    """`ndarray.__setstate__` on an empty array only, as unpickling makes one (numpy's
    `_reconstruct`): on one that holds data, numpy frees its block and takes a new one while
    views of the old one live (a SIGABRT of a poisoned free list, as with the resize)."""
    if args and _nbytes(args[0]) != 0:
        raise _error(
            "drillbit sandbox: ndarray.__setstate__ on an array that holds data is not allowed"
            " in a drill (views of the array would point at freed memory)"
        )


def _as_given(*args: Any) -> tuple[Any, ...]:
    """A vet that lets every call through as it came."""
    return args


def _strides_not_set(
    _array: Any, _strides: Any, *, _error: type[AttributeError] = AttributeError
) -> None:
    """`ndarray.strides = ...`, refused: numpy's check of the new strides multiplies in 64
    bits, and strides whose extent wrapped past 2**64 passed it and reached any address
    (forty-seventh round); numpy 2.4 deprecates the setter."""
    raise _error(
        "drillbit sandbox: setting an array's strides is not allowed in a drill;"
        " np.lib.stride_tricks.as_strided makes the view"
    )


def refuse_dangling_resize(np: Any) -> None:
    """Put sealed `ndarray.resize` and `ndarray.__setstate__` in numpy's type dict (a static
    type's attributes cannot be set, but its dict is an ordinary one), then drop the method
    caches that held the originals. Before the hooks are installed: it reads the dict with
    `gc.get_referents`. The array's size is read by ndarray's own getter (a subclass of the
    code's may answer `nbytes` as it likes)."""
    nbytes = np.ndarray.__dict__["nbytes"].__get__
    setstate = types.FunctionType(
        _vetted_setstate.__code__, {"__builtins__": {}}, "_vetted_setstate", None
    )
    setstate.__kwdefaults__ = {"_nbytes": nbytes, "_error": ValueError}
    for held in gc.get_referents(np.ndarray.__dict__):
        if type(held) is dict and "resize" in held and "__setstate__" in held:
            held["resize"] = sealed_keywords(held["resize"], _vetted_resize)
            held["__setstate__"] = sealed_keywords(held["__setstate__"], setstate)
            held["strides"] = property(
                sealed(held["strides"].__get__, _as_given),
                detached(_strides_not_set, "strides"),
                doc=held["strides"].__doc__,
            )
    sys._clear_type_cache()


def close_array_interface(np: Any, slots: int | None) -> bool:
    """Point numpy's names for `__array_struct__` and `__array_interface__` at strings no
    Python object holds (each kept alive by a reference counted in place), and give numpy's
    stride tricks a bounds-checked `as_strided`. True when an object's interface no longer
    reaches numpy (checked on one pointing at a real array)."""
    if slots is None:
        return False
    cells = _memory_words(np, slots, 3)
    for index in (0, 2):
        unheard = "".join((INTERFACE_NAMES[index], os.urandom(16).hex()))
        _memory_words(np, id(unheard), 1)[0] += 1  # numpy's reference, from now on its only one
        cells[index] = id(unheard)
        del unheard
    del cells
    stride_tricks: Any = sys.modules["numpy.lib._stride_tricks_impl"]
    bounded = _bounded_as_strided(np, stride_tricks._maybe_view_as_subclass)
    stride_tricks.as_strided = bounded
    public: Any = sys.modules["numpy.lib.stride_tricks"]
    public.as_strided = bounded
    probe = np.arange(2.0)

    class Probe:
        __array_interface__ = probe.__array_interface__  # noqa: RUF012

    return bool(np.asarray(Probe()).dtype == object)


def _bounded_as_strided(np: Any, as_subclass: Callable[[Any, Any], Any]) -> Callable[..., Any]:
    """numpy's `as_strided`, made by numpy's constructor over the bytes of the memory `x`
    views (its owning array's, or the buffer under it), so a view reaching past them is
    numpy's ValueError rather than a read or write of memory nobody handed the code.

    Both functions are `detached` (empty globals; what they call is in their closure): the
    code reaches this one as `np.lib.stride_tricks.as_strided`, and its `__globals__` were
    the grader's private namespace, where a submission replaced `_send` and blanked the
    overflow flag of each result (tests/sandbox/test_grader_in_reach.py)."""

    ndarray, uint8, array, frombuffer = np.ndarray, np.uint8, np.array, np.frombuffer
    _tuple, _len, _sum, _zip, _type, _isinstance = tuple, len, sum, zip, type, isinstance
    _index, _error = operator.index, ValueError

    def _inside(size: int, offset: int, shape: Any, strides: Any, x: Any) -> bool:
        """The view's first and last byte lie in the `size` bytes, reckoned in Python's
        integers: numpy's own check multiplies in 64 bits, and a stride whose multiple wraps
        past 2**64 (shape (2**60 + 1, 8), stride `d`: (2**60) * d wraps to 0) passed it and
        reached the address `d` bytes on."""
        if 0 in shape:
            return True
        low = _sum(s * (n - 1) for n, s in _zip(shape, strides) if s < 0)
        high = _sum(s * (n - 1) for n, s in _zip(shape, strides) if s > 0)
        return offset + low >= 0 and offset + high + x.dtype.itemsize <= size  # type: ignore[no-any-return]

    _inside = detached(_inside, "_inside")

    def as_strided(
        x: Any, shape: Any = None, strides: Any = None, subok: bool = False, writeable: bool = True
    ) -> Any:
        x = array(x, copy=None, subok=subok)
        owner = x
        while _type(owner.base) is ndarray or _isinstance(owner.base, ndarray):
            owner = owner.base
        memory = owner if owner.base is None else frombuffer(owner.base, dtype=uint8)
        flat = memory.ravel(order="K").view(uint8)
        start = flat.__array_interface__["data"][0]
        if start != memory.__array_interface__["data"][0] or flat.nbytes != memory.nbytes:
            raise _error("as_strided: the array's memory is not one contiguous block")
        shape = _tuple(_index(n) for n in (x.shape if shape is None else shape))
        strides = _tuple(_index(s) for s in (x.strides if strides is None else strides))
        offset = x.__array_interface__["data"][0] - start
        if _len(shape) != _len(strides) or not _inside(flat.nbytes, offset, shape, strides, x):
            raise _error("strides is incompatible with shape of requested array and size of buffer")
        view = ndarray(shape, dtype=x.dtype, buffer=flat, offset=offset, strides=strides)
        if not x.flags.writeable:
            view.flags.writeable = False
        view = as_subclass(x, view)
        if view.flags.writeable and not writeable:
            view.flags.writeable = False
        return view

    as_strided.__doc__ = np.lib.stride_tricks.as_strided.__doc__
    return detached(as_strided, "as_strided")


# numpy's constructor (forty-eighth round). `np.ndarray(shape, dtype, buffer, offset, strides)`
# checks that the view lies inside the buffer by multiplying in 64 bits, so strides whose extent
# wraps past 2**64 passed it and reached any address (the forty-seventh round's open row); and
# it releases the buffer it was handed, so a `bytearray` could be resized under the array it
# made, which went on reading and writing the freed block. Its C `tp_new` is reached without any
# attribute the child could replace (`type.__call__`, a subclass), so the child points ndarray's
# `tp_new` at CPython's slot function, which calls the `__new__` in the type's dict, and puts
# there a sealed `__new__` that checks the view in Python's integers and builds it over a buffer
# it holds exported, through a private subclass that keeps numpy's own `tp_new` and that no
# list of subclasses shows.
TYPE_SLOTS = {
    "tp_flags": 21,
    "tp_base": 32,
    "tp_new": 39,
    "tp_bases": 42,
    "tp_mro": 43,
    "tp_subclasses": 45,
}
"""Word offsets of the fields of CPython 3.11's `PyTypeObject` the child reads or writes."""
IMMUTABLE_TYPE, HEAP_TYPE, BASE_TYPE = 1 << 8, 1 << 9, 1 << 10
"""`Py_TPFLAGS_IMMUTABLETYPE`, `Py_TPFLAGS_HEAPTYPE` and `Py_TPFLAGS_BASETYPE`."""


def type_layout_known() -> bool:
    """Whether TYPE_SLOTS is this interpreter's layout: CPython 3.11 with 8-byte pointers,
    little-endian (the words are read as "<u8"). Where it is not, the child reads and writes
    no type object (its hollow guard, the constructor's slot, the grader's classes' flags)."""
    return (
        sys.implementation.name == "cpython"
        and sys.version_info[:2] == (3, 11)
        and sys.maxsize == 2**63 - 1
        and sys.byteorder == "little"
    )


def type_flags(np: Any, cls: type, known: Callable[[], bool] = type_layout_known) -> Any:
    """`cls`'s `tp_flags` word, one writable item, or None where the layout is not the known
    one or the word read at its place is not the class's own `__flags__`: the one place the
    child finds a type's flags in memory (its hollow guard, the grader's classes)."""
    if not known():
        return None
    word = _memory_words(np, id(cls) + 8 * TYPE_SLOTS["tp_flags"], 1)
    return word if int(word[0]) == type.__dict__["__flags__"].__get__(cls) else None


def seal_classes(np: Any, classes: list[Any], known: Callable[[], bool] = type_layout_known) -> int:
    """Each class (a heap type) marked immutable as CPython's built-in types are: how many.

    Setting, deleting or renaming a class's attribute raises no audit event, so the child
    found a grader class changed by the code and put it back (fifty-second round), and a
    method set there by a thread could run once in the grader's steps. CPython refuses every
    such change (`type.__setattr__`, `__bases__`, `__name__`, `__qualname__`, `__module__`,
    `__annotations__`: "cannot set ... attribute of immutable type") to a type flagged
    Py_TPFLAGS_IMMUTABLETYPE, which Python code cannot set: the flag is written through
    numpy's memory door before the child closes it (fifty-fourth round through the launcher's
    ctypes, fifty-fifth through `type_flags`), and only where the layout is the known one and
    the word is the class's heap-type flags (else nothing is written)."""
    sealed = 0
    for cls in classes:
        if not isinstance(cls, type):
            continue
        flags = type_flags(np, cls, known)
        if flags is None or not int(flags[0]) & HEAP_TYPE:
            continue
        flags[0] = int(flags[0]) | IMMUTABLE_TYPE
        sealed += 1
    return sealed


def _hollow_guard(np: Any) -> type:
    """A type with a C `tp_new` of its own (int's) to stand as `ndarray`'s `tp_base`.

    With ndarray's `tp_new` the slot function, CPython's check in `object.__new__(X)` walks X's
    bases past every slot function to the first C one, found `object`'s own and let the call
    through: an ndarray (or a subclass) with no dtype, every use of it a read through a null
    pointer (forty-eighth round). With this type under ndarray the walk stops here, and the call
    is CPython's "object.__new__(X) is not safe, use numpy.ndarray.__new__()". `tp_base` is
    read only by that walk and by layout checks, which see a smaller type than ndarray (as
    `object` was); the MRO, `isinstance` and attribute look-up use `__mro__`, unchanged. It is
    made immutable and not subclassable, so no code can give it a `__new__` or bases of its own.
    """
    named = {"__slots__": (), "__module__": "numpy", "__qualname__": "ndarray_new_guard"}
    guard = type("numpy.ndarray", (int,), named)  # the name CPython's refusal says
    flags = type_flags(np, guard)
    if flags is None:  # vet_array_constructor checked the layout first: not met here
        raise OSError("the type layout is not the one the child knows")
    flags[0] = (int(flags[0]) | IMMUTABLE_TYPE) & ~BASE_TYPE
    _memory_words(np, id(guard), 1)[0] += 1  # held by ndarray's `tp_base`, never freed
    return guard


def _build_array(
    parts: tuple[Any, ...],
    cls: Any,
    shape: Any,
    dtype: Any = None,
    buffer: Any = None,
    offset: Any = 0,
    strides: Any = None,
    order: Any = None,
) -> Any:
    """`ndarray.__new__`, checked: every number made an exact int once (an `__index__` of the
    code's is asked once, so it cannot answer the check and the constructor differently), the
    view's first and last byte inside the buffer in Python's integers, and the buffer held
    exported (a memoryview) for as long as the array lives, so it cannot be resized under it."""
    (raw, ndarray, dtype_of, empty, frombuffer, memoryview_, uint8, index, tuple_, map_) = parts[
        :10
    ]
    (len_, prod, type_, is_subtype, is_instance, inside, interface) = parts[10:17]
    value_error, type_error = parts[17:]
    if not (is_instance(cls, type_) and is_subtype(ndarray, cls)):
        raise type_error("ndarray.__new__(X): X is not a subtype of numpy.ndarray")
    try:
        dims = (index(shape),)
    except type_error:
        dims = tuple_(map_(index, shape))
    dt = dtype_of(dtype)
    steps = None if strides is None else tuple_(map_(index, strides))
    if steps is not None and len_(steps) != len_(dims):
        raise value_error("strides, if given, must be the same length as shape")
    if buffer is None and steps is None:
        made = empty(dims, dt, "C" if order is None else order)
        return made if cls is ndarray else made.view(cls)
    if buffer is None:
        buffer, at = empty(prod(dims) * dt.itemsize, uint8), 0
    else:
        at = index(offset)
    if is_instance(buffer, ndarray):  # numpy takes a Fortran-ordered one too: its bytes in order
        whole = ndarray.ravel(buffer, "K")
        if interface(whole)["data"] != interface(buffer)["data"] or whole.nbytes != buffer.nbytes:
            raise value_error("ndarray is not contiguous")
        buffer = whole
    flat = frombuffer(memoryview_(buffer), dtype=uint8)
    size = flat.nbytes
    if at < 0:  # numpy took it, and the view began that many bytes before the buffer
        raise value_error(f"offset must be non-negative and no greater than buffer length ({size})")
    if steps is None:
        if at + dt.itemsize * prod(dims) > size:
            raise type_error("buffer is too small for requested array")
    elif at > size or not inside(size, at, dims, steps, dt.itemsize):
        raise value_error(
            "strides is incompatible with shape of requested array and size of buffer"
        )
    made = raw(dims, dt, flat, at, steps, order).view(ndarray)
    return made if cls is ndarray else made.view(cls)


def _view_inside(
    size: int,
    offset: int,
    shape: tuple[int, ...],
    strides: tuple[int, ...],
    itemsize: int,
    *,
    _sum: Callable[..., int] = sum,
    _zip: Callable[..., Any] = zip,
) -> bool:
    """The view's first and last byte lie in the `size` bytes, reckoned in Python's integers
    (numpy's own check multiplies in 64 bits, and an extent that wraps past 2**64 passed it)."""
    if 0 in shape:
        return True
    low = _sum(s * (n - 1) for n, s in _zip(shape, strides) if s < 0)
    high = _sum(s * (n - 1) for n, s in _zip(shape, strides) if s > 0)
    return offset + low >= 0 and offset + high + itemsize <= size


class _PythonNew:
    """A class whose `__new__` is Python's: its `tp_new` is CPython's slot function, which
    `vet_array_constructor` reads. Defined here, not in that function: a class made there (it
    ran from the grader's private namespace) had a `__new__` whose `__globals__` were that
    namespace, and `object.__subclasses__()` led submitted code to it whenever the collector had
    not yet freed the class (a naive sigmoid that replaced `_send` there passed, fiftieth
    round). This one's `__globals__` are the child's public namespace, which the grader does
    not call."""

    def __new__(cls) -> Any:  # pragma: no cover - never called: its slot is what is read
        return object.__new__(cls)


def vet_array_constructor(np: Any) -> bool:
    """Point `ndarray`'s `tp_new` (and that of any subclass that copied it) at CPython's slot
    function and put a sealed, checked `__new__` (`_build_array`) in its dict. Before the hooks
    (it reads the dict with `gc.get_referents`) and before numpy's memory door is closed (it
    reads and writes the type objects through it). Nothing is written, and False returned,
    where the layout is not CPython 3.11's on a 64-bit little-endian machine."""
    if not type_layout_known() or np.dtype(np.uintp).itemsize != 8:
        return False
    ndarray = np.ndarray
    fields = _memory_words(np, id(ndarray), TYPE_SLOTS["tp_subclasses"] + 1)
    if (
        int(fields[TYPE_SLOTS["tp_base"]]) != id(object)
        or int(fields[TYPE_SLOTS["tp_bases"]]) != id(ndarray.__bases__)
        or int(fields[TYPE_SLOTS["tp_mro"]]) != id(ndarray.__mro__)
    ):
        return False

    class Raw(ndarray):  # type: ignore[misc, valid-type]
        """numpy's own constructor, kept: reached only by `_build_array`."""

    def slot_of(kind: type) -> Any:
        return _memory_words(np, id(kind) + 8 * TYPE_SLOTS["tp_new"], 1)

    slot_new, array_new = int(slot_of(_PythonNew)[0]), int(fields[TYPE_SLOTS["tp_new"]])
    if int(slot_of(Raw)[0]) != array_new or slot_new == array_new:
        return False
    subclasses = _memory_words(np, id(ndarray) + 8 * TYPE_SLOTS["tp_subclasses"], 1, "|O")[0]
    if type(subclasses) is not dict:
        return False
    hidden = [key for key, ref in subclasses.items() if ref() is Raw]
    if len(hidden) != 1:
        return False
    parts = (
        Raw,
        ndarray,
        np.dtype,
        np.empty,
        np.frombuffer,
        memoryview,
        np.uint8,
        operator.index,
        tuple,
        map,
        len,
        math.prod,
        type,
        type.__subclasscheck__,
        isinstance,
        detached(_view_inside, "_view_inside"),
        ndarray.__dict__["__array_interface__"].__get__,
        ValueError,
        TypeError,
    )
    build = functools.partial(detached(_build_array, "__new__"), parts)
    checked = staticmethod(sealed_keywords(build, _any_keywords))
    for held in gc.get_referents(ndarray.__dict__):
        if type(held) is dict and "__new__" in held and "resize" in held:
            held["__new__"] = checked
    del subclasses[hidden[0]]  # `ndarray.__subclasses__()` no longer leads to Raw
    fields[TYPE_SLOTS["tp_base"]] = id(_hollow_guard(np))
    pending = [ndarray]
    while pending:
        kind = pending.pop()
        pending.extend(type.__subclasses__(kind))
        word = slot_of(kind)
        if int(word[0]) == array_new:
            word[0] = slot_new
    sys._clear_type_cache()
    return True


def _any_keywords(_args: tuple[Any, ...], _keywords: dict[str, Any]) -> None:
    """A vet that lets every call through: `_build_array` is the check."""


# numpy's `mode="wrap"` (forty-ninth round). `take`, `put` and `choose` bring an index into
# range with a loop that adds or subtracts the axis's length once a turn (numpy 2.4's
# `npy_fasttake_impl`, `PyArray_PutTo`, `PyArray_Choose`), so `np.take(x, [2**40], mode="wrap")`
# ran 2**40 / len(x) turns in C, out of reach of any signal, until the wall clock killed the
# case. The child's methods work the index out modulo the length first, which is the same
# index, so numpy's loop turns at most once. `mode="clip"` and `np.ravel_multi_index`'s wrap
# are one step each (measured: 15 us and 19 us at 2**62) and are left as they are.


def _mode_of(
    mode: Any,
    *,
    _take: Callable[..., Any],
    _probe: Any,
    _index_error: type[IndexError],
    _type: type[type] = type,
    _words: tuple[type, ...] = (str, int),
) -> Any:
    """The mode as numpy reads it. An exact str or int is read the same way each time and is
    handed on as it came; anything else (an `__index__` of the code's, which could answer 2 to
    one reading and 1 to the next) is read by numpy once, on a 3-item array (index 4 is 1
    wrapped, 2 clipped), and handed on as the word it was read as."""
    if _type(mode) in _words:
        return "wrap" if mode == "wrap" or mode == 1 else mode
    try:
        got = _take(_probe, 4, None, None, mode)
    except _index_error:
        return "raise"
    return "wrap" if got == 1 else "clip"


def _wrapped_indices(
    indices: Any,
    length: int,
    rule: str = "same_kind",
    *,
    _ndarray: type,
    _asarray: Callable[..., Any],
    _can_cast: Callable[..., bool],
    _astype: Callable[..., Any],
    _intp: Any,
    _remainder: Callable[..., Any],
    _isinstance: Callable[..., bool],
    _error: type[TypeError],
    _type: type[type],
    _int: type[int],
    _intp_dtype: Any,
    _bound: int = 1 << 63,
) -> Any:
    """`indices` as numpy reads them for a wrapped index, taken modulo `length`: each lands
    where numpy's loop would have brought it. An array is cast to intp by numpy's `rule` for
    the method (`take` same-kind, `put` and `choose` safe: a uint64 array is their error),
    anything else converted as numpy converts it (`[1.5]` is 1); either is made once, so what
    numpy is handed is what was reduced."""
    if _type(indices) is _int and -_bound <= indices < _bound:  # numpy's intp takes it as it is
        return indices % length if length > 0 else indices
    if _type(indices) is _ndarray and indices.dtype is _intp_dtype:
        given = indices  # numpy's own getter said intp: no cast to make
    elif not _isinstance(indices, _ndarray):
        given = _asarray(indices, dtype=_intp)
    elif _can_cast(indices.dtype, _intp, rule):
        given = _astype(indices, _intp, casting=rule)
    else:
        raise _error(
            f"Cannot cast array data from {indices.dtype!r} to dtype('int64') according to"
            f" the rule '{rule}'"
        )
    return _remainder(given, length) if length > 0 else given


def _bounded_take(
    parts: tuple[Any, ...],
    array: Any,
    indices: Any,
    axis: Any = None,
    out: Any = None,
    mode: Any = "raise",
) -> Any:
    """`ndarray.take`, a wrapped index reduced first (the length is the axis's, or the size)."""
    take, mode_of, wrapped, size, shape, ndim, index = parts
    mode = mode_of(mode)
    if axis is not None:
        axis = index(axis)
    if mode == "wrap":
        dims = ndim(array)
        if axis is None:
            indices = wrapped(indices, size(array))
        elif -dims <= axis < dims:
            indices = wrapped(indices, shape(array)[axis])
    return take(array, indices, axis=axis, out=out, mode=mode)


def _bounded_put(
    parts: tuple[Any, ...], array: Any, indices: Any, values: Any, mode: Any = "raise"
) -> Any:
    """`ndarray.put`, a wrapped index reduced first (by the array's size)."""
    put, mode_of, wrapped, size = parts
    mode = mode_of(mode)
    if mode == "wrap":
        indices = wrapped(indices, size(array), "safe")
    return put(array, indices, values, mode=mode)


def _bounded_choose(
    parts: tuple[Any, ...], array: Any, *given: Any, out: Any = None, mode: Any = "raise"
) -> Any:
    """`ndarray.choose`, each wrapped choice reduced first (by the number of choices, counted
    on a list, tuple or exact ndarray, so a `__len__` of the code's cannot say one number here
    and another to numpy). As numpy's: one argument is the sequence of choices, more are the
    choices themselves."""
    choose, mode_of, wrapped, ndarray, list_, tuple_, type_, len_, asarray = parts
    mode = mode_of(mode)
    choices: Any = given[0] if len_(given) == 1 else given
    if mode == "wrap":
        if type_(choices) not in (list_, tuple_, ndarray):
            choices = list_(choices)
        if type_(choices) is not ndarray or choices.ndim > 0:
            # a 0-d array's remainder is a numpy scalar, which numpy's method does not take
            array = asarray(wrapped(array, len_(choices), "safe"))
    return choose(array, choices, out=out, mode=mode)


def _importing(function: Callable[..., Any], name: str) -> Callable[..., Any]:
    """`detached`, with `__import__` as its one builtin: numpy imports its exception classes
    when it first raises one (a cast refused, an `out` of the wrong type), through the builtins
    of the frame that called it, which are empty in a detached function (a `KeyError:
    '__import__'` where numpy's words were due). The code holds `__import__` already."""
    copy = detached(function, name)
    made = types.FunctionType(
        copy.__code__,
        {"__builtins__": {"__import__": builtins_module.__import__}},
        name,
        copy.__defaults__,
        copy.__closure__,
    )
    made.__kwdefaults__, made.__qualname__, made.__doc__ = (
        copy.__kwdefaults__,
        name,
        function.__doc__,
    )
    return made


def _served(
    original: Callable[..., Any], exception: type[Exception], words: tuple[str, str] | None
) -> Any:
    """One generator that makes every call of `original` sent to it, so a call costs a resume
    instead of a new generator (`_one_keyword_call`). Sent `[args, keywords]`, or, with
    `words` (the fast path, "clip" and "raise"), `[args, keywords, True for clip]`, it yields
    a list `[returned, value or error]`; the caller empties both lists, so nothing of a call
    stays alive here (numpy's `resize` counts references). `original` lives only in its frame.

    The code can reach the generator (its `send` is in a cell of the method) and send it what
    it likes: the fast path hands numpy one of its own two words as the mode, last by position
    when no keywords are sent (`take`'s fifth argument, `put`'s fourth: sent fewer, the word
    lands in `axis`, `out` or `values`, sent more, numpy refuses them) or else by keyword
    (numpy refuses a mode given twice), so nothing sent here makes a wrapped call."""
    box = yield None
    while True:
        try:
            if words is None:
                got = [True, original(*box[0], **box[1])]
            elif box[1]:
                word = words[0] if box[2] is True else words[1]
                got = [True, original(*box[0], mode=word, **box[1])]
            else:
                got = [True, original(*box[0], words[0] if box[2] is True else words[1])]
        except exception as exc:  # raised in the caller, without this frame
            got = [False, exc.with_traceback(None)]
        box = yield got


def _quick_methods(
    ends: dict[str, tuple[Callable[[Any], Any], Callable[[Any], Any], Callable[..., Any]]],
    busy: tuple[type[Exception], ...],
    type_: type[type],
    str_: type[str],
    int_: type[int],
) -> dict[str, Callable[..., Any]]:
    """`take`, `put` and `choose` as ndarray's dict holds them, each given its three ends: a
    mode of "raise" or "clip" (or numpy's 2 and 0), an exact str or int, goes to numpy's
    method with nothing reduced (the first end, `_served` with its own word for the mode): no
    loop of numpy's turns more than once in those modes. Any other mode goes through
    `_bounded_take` and the like (the second). A call made while that generator is running (an
    `__index__` of the code's calling `np.take`, another thread), or after the code ended it,
    goes the forty-ninth round's way, a generator per call (the third). What they use is held
    in cells, which the code can read: the generators' `send`, never numpy's methods."""
    take_fast, take_bounded, take_sealed = ends["take"]
    put_fast, put_bounded, put_sealed = ends["put"]
    choose_fast, choose_bounded, choose_sealed = ends["choose"]

    def take(
        self: Any, indices: Any, axis: Any = None, out: Any = None, mode: Any = "raise"
    ) -> Any:
        if (type_(mode) is str_ and (mode == "raise" or mode == "clip")) or (
            type_(mode) is int_ and (mode == 2 or mode == 0)
        ):
            box = [(self, indices, axis, out), {}, mode == "clip" or mode == 0]
            send = take_fast
        else:
            box = [(self, indices, axis, out, mode), {}]
            send = take_bounded
        try:
            got = send(box)
        except busy:
            box.clear()
            return take_sealed(self, indices, axis, out, mode)
        box.clear()
        returned, value = got
        got.clear()
        if returned:
            return value
        raise value

    def put(self: Any, indices: Any, values: Any, mode: Any = "raise") -> Any:
        if (type_(mode) is str_ and (mode == "raise" or mode == "clip")) or (
            type_(mode) is int_ and (mode == 2 or mode == 0)
        ):
            box = [(self, indices, values), {}, mode == "clip" or mode == 0]
            send = put_fast
        else:
            box = [(self, indices, values, mode), {}]
            send = put_bounded
        try:
            got = send(box)
        except busy:
            box.clear()
            return put_sealed(self, indices, values, mode)
        box.clear()
        returned, value = got
        got.clear()
        if returned:
            return value
        raise value

    def choose(self: Any, *choices: Any, out: Any = None, mode: Any = "raise") -> Any:
        if (type_(mode) is str_ and (mode == "raise" or mode == "clip")) or (
            type_(mode) is int_ and (mode == 2 or mode == 0)
        ):
            box = [(self, *choices), {"out": out}, mode == "clip" or mode == 0]  # never empty
            send = choose_fast
        else:
            box = [(self, *choices), {"out": out, "mode": mode}]
            send = choose_bounded
        try:
            got = send(box)
        except busy:
            box.clear()
            return choose_sealed(self, *choices, out=out, mode=mode)
        box.clear()
        returned, value = got
        got.clear()
        if returned:
            return value
        raise value

    return {"take": take, "put": put, "choose": choose}


def _started(function: Callable[..., Any], *args: Any) -> Any:
    """A generator of `function` (detached, with `__import__` for numpy's errors: see
    `_importing`), run to its first `yield`."""
    made = _importing(function, function.__name__)(*args)
    next(made)
    return made


def bound_wrapped_indices(np: Any) -> None:
    """Put sealed `take`, `put` and `choose` in ndarray's dict (`np.take`, `np.put` and
    `np.choose` call them), each reducing a wrapped index before numpy's loop sees it. Before
    the hooks are installed: it reads the dict with `gc.get_referents`."""
    ndarray = np.ndarray
    probe = np.arange(3)
    probe.flags.writeable = False
    getters = {name: ndarray.__dict__[name].__get__ for name in ("size", "shape", "ndim")}
    for held in gc.get_referents(ndarray.__dict__):
        if type(held) is dict and "take" in held and "choose" in held:
            mode_of = _importing(_mode_of, "_mode_of")
            mode_of.__kwdefaults__ = {
                "_take": held["take"],
                "_probe": probe,
                "_index_error": IndexError,
                "_type": type,
                "_words": (str, int),
            }
            wrapped = _importing(_wrapped_indices, "_wrapped_indices")
            wrapped.__kwdefaults__ = {
                "_ndarray": ndarray,
                "_isinstance": isinstance,
                "_error": TypeError,
                "_asarray": np.asarray,
                "_can_cast": np.can_cast,
                "_astype": held["astype"],
                "_intp": np.intp,
                "_remainder": np.remainder,
                "_type": type,
                "_int": int,
                "_intp_dtype": np.dtype(np.intp),
                "_bound": 1 << 63,
            }
            # held only by the sealed methods' arguments, which no frame the code reaches shows
            made: dict[str, tuple[Callable[..., Any], tuple[Any, ...]]] = {
                "take": (
                    _bounded_take,
                    (held["take"], mode_of, wrapped, *getters.values(), operator.index),
                ),
                "put": (_bounded_put, (held["put"], mode_of, wrapped, getters["size"])),
                "choose": (
                    _bounded_choose,
                    (held["choose"], mode_of, wrapped, ndarray, list, tuple, type, len, np.asarray),
                ),
            }
            ends = {
                name: (
                    _started(_served, held[name], Exception, ("clip", "raise")).send,
                    _started(_served, bound, Exception, None).send,
                    sealed_keywords(bound, _any_keywords),
                )
                for name, bound in (
                    (name, functools.partial(_importing(function, name), parts))
                    for name, (function, parts) in made.items()
                )
            }
            quick = _quick_methods(ends, (ValueError, StopIteration), type, str, int)
            for name, method in quick.items():
                method = detached(method, name)
                method.__doc__ = held[name].__doc__
                held[name] = method
    sys._clear_type_cache()


def _compile_harnesses(sources: dict[str, str]) -> dict[str, tuple[str, Any]]:
    """Each harness compiled ahead, with the source it came from (the job's must match)."""
    compiled: dict[str, tuple[str, Any]] = {}
    for name, source in sources.items():
        try:
            compiled[name] = (source, compile(source, f"harness/{name}.py", "exec"))
        except (SyntaxError, ValueError):
            continue  # compiled from the job's text instead, where the error is reported
    return compiled


LOAD_EVENTS_NOTE = (
    "RuntimeWarning: {events} as your file loaded (top-level code; only the calls are graded)\n"
)


def _note_load_events(events: list[str]) -> None:
    """Say on stderr what numpy reported while the file loaded, in a strict drill.

    The grader's strict state counts events from before the file loads (a state made then
    must not ignore them), so numpy printed no warning for them: a top-level `np.exp(1000)`,
    or a self-test of a naive formula, went unsaid. Underflow is fine, as in the calls.
    """
    shown = [kind for kind in events if kind != "underflow"]
    if shown:
        try:
            _write(2, LOAD_EVENTS_NOTE.format(events=", ".join(shown)).encode())
        except OSError:  # the code closed its stderr: it hears nothing more there anyway
            pass


def _code_lines(
    unguard: Callable[[], None],
    guard: Callable[[], None],
    walker: int,
    filename: str,
    _getframe: Callable[[int], Any] = sys._getframe,
    _ident: Callable[[], int] = _thread.get_ident,
    _type: type = type,
    _str: type = str,
) -> Generator[int | None, None, None]:
    """Each `send(None)`: the line of the code's innermost frame on the caller's stack, or None.

    A generator, so that `unguard` is one of its frame's locals, which only `gi_frame` (a door
    the hooks refuse) reaches: the warning hook that calls it sits in the `warnings` module,
    where the code reads its defaults. Only the walker thread walks (elsewhere the hooks refuse
    frames, and opening the guard there would open it for the walker's code too); while the
    guard is open only C-level attributes of frames and code objects are read.
    """
    found: int | None = None
    while True:
        yield found
        found = None
        if _ident() != walker:
            continue
        unguard()
        try:
            frame = _getframe(0)
            while frame is not None:
                name = frame.f_code.co_filename
                if _type(name) is _str and name == filename:
                    found = frame.f_lineno
                    break
                frame = frame.f_back
        except ValueError:  # the frames refused: no line to name
            found = None
        finally:
            frame = name = None
            guard()


IN_A_THREAD = "in a thread the code started"
"""A warning's line, shown in place of its number, when a thread of the code's warned with a
`stacklevel` that left the code's frames: the hooks refuse frames outside the grader's thread,
so its line cannot be read, and `submission.py:0` named a line that does not exist."""


def warnings_name_the_code(
    filename: str, unguard: Callable[[], None], guard: Callable[[], None]
) -> None:
    """A warning the code raises names the code's own file and line, never the grader's.

    `warnings.warn(..., stacklevel=n)` names the frame n levels up, which past the code's own
    frames is the grader's (`drillbit/runtime.py:430`, `harness/call.py:19`, or `sys:1` past
    the top): the candidate read it as the grader's warning (forty-fifth round). Python calls
    `warnings._showwarnmsg` for every warning shown (or recorded by `catch_warnings`), so the
    one put there moves any place outside `filename` to the code's innermost line on the
    stack (line 0 where the frames cannot be walked), then shows the
    warning as Python would, the code's own `showwarning` or `formatwarning` included. In a
    thread of the code's the line reads `IN_A_THREAD` (`submission.py:in a thread the code
    started: UserWarning: ...`).
    """
    import warnings

    walker = _thread.get_ident()
    lines = _code_lines(unguard, guard, walker, filename)
    next(lines)

    def show(
        msg: Any,
        _lines: Any = lines,
        _show: Callable[[Any], None] = warnings._showwarnmsg,  # type: ignore[attr-defined]
        _filename: str = filename,
        _walker: int = walker,
        _ident: Callable[[], int] = _thread.get_ident,
        _in_thread: str = IN_A_THREAD,
        _type: type = type,
        _str: type = str,
        _caught: type[BaseException] = BaseException,
    ) -> None:
        name = msg.filename
        if _type(name) is not _str or name != _filename:
            try:
                line = _lines.send(None)
            except _caught:  # noqa: BLE001 - the code closed the generator or ran it elsewhere
                line = None
            msg.filename = _filename
            if line is not None:
                msg.lineno = line
            else:  # no frame to read: a thread of the code's says so rather than "line 0"
                msg.lineno = _in_thread if _ident() != _walker else 0
        _show(msg)

    # empty globals, as `detached` makes, its defaults given to the constructor: setting
    # `__kwdefaults__` after is refused by the hooks until the functions are counted
    hook = types.FunctionType(
        show.__code__, {"__builtins__": {}}, "_showwarnmsg", show.__defaults__
    )
    vars(warnings)["_showwarnmsg"] = hook


def _flush_stdio() -> None:
    for stream in (sys.stdout, sys.stderr, sys.__stdout__, sys.__stderr__):
        try:
            if stream is not None:
                stream.flush()
        except BaseException:  # noqa: BLE001, S110 - the user may have replaced the stream
            pass


def _changed_late(
    changed: Callable[..., list[str]], pristine: list[Any], cases: list[Any]
) -> list[list[Any]]:
    """`[case index, [input names]]` of every case whose input changed after the checks that
    followed its call (the last case's after its own, by a thread of the code's or a `flush`
    the grader calls before `done`): a thread that changed each input 20 ms after its call
    passed every case, the grading being over first (forty-first round)."""
    return [
        [index, [f"{name} (after its call returned)" for name in names]]
        for index, before in enumerate(pristine)
        if before is not None and (names := changed(before, cases[index]))
    ]


ERROR_CHARS = 1 << 14
"""An error message's length sent to the parent, which shows at most 4000 characters of it
(40 lines, repeated lines folded): a longer one, sent whole, could pass the result limit alone
and was then taken for a broken result channel."""


def _changed_earlier(
    changed: Callable[..., list[str]], pristine: list[Any], cases: list[Any], index: int
) -> list[str]:
    """The inputs of the cases before `index` that are no longer as they came, each named as
    an earlier call's. A case named here, or by its own call's check, is set aside (its entry
    in `pristine` made None), so a change is named once, in the call that made it."""
    found: list[str] = []
    for earlier in range(index):
        before = pristine[earlier]
        if before is None:
            continue
        names = changed(before, cases[earlier])
        if names:
            pristine[earlier] = None
            found.extend(f"{name} (an earlier call's)" for name in names)
    return found


_args_of = BaseException.__dict__["args"].__get__
_qualname_of = type.__dict__["__qualname__"].__get__
_str_copy = str.__str__
_mro_of = type.__dict__["__mro__"].__get__
_dict_of = type.__dict__["__dict__"].__get__


CHANGED_REFUSAL = (
    "the result was refused, and the grader's words for why are not shown: the code changed the"
    " class the grader's refusals are made of (its __init__, __new__, bases or metaclass)"
)
"""An invalid return's words when `_as_made` finds the wire's refusal class changed."""


def _as_made(cls: type, mro: tuple[type, ...]) -> bool:
    """Whether `cls` (the wire's WireError) still makes its exceptions as the wire wrote it:
    the same classes above it, no `__init__` or `__new__` of its own, and `type` its class.

    The code reaches the class through `object.__subclasses__()`, and setting a class's
    attribute raises no audit event: an `__init__` of the code's (or a base of the code's, or
    a metaclass whose `__call__` builds the exception) gave each refusal the code's words,
    "invalid return: passed all 4 cases" (fifty-second round). Read without running any of
    its code: identities, and the class's own dict by str keys."""
    if type(cls) is not type:
        return False
    current = _mro_of(cls)
    if type(current) is not tuple or len(current) != len(mro):
        return False
    for now, then in zip(current, mro, strict=True):
        if now is not then:
            return False
    own = _dict_of(cls)
    return "__init__" not in own and "__new__" not in own


def _refused_result(exc: BaseException, wire_error: type, mro: tuple[type, ...]) -> str:
    """Why a result was not sent, read without running any method of the code's.

    The encoder asks a refused value's class its name and its attributes, which a metaclass
    of the code's answers: an exception raised there reached `repr(exc)` here, and one whose
    `repr` raised too (or a str subclass whose `__format__` did) crashed the child with the
    grader's traceback ("the process exited (code 1)"). The wire's own refusal is its text
    (an exact str it built), unless the code changed how the class makes it; anything else
    is named by its class alone.
    """
    if type(exc) is wire_error:
        if not _as_made(wire_error, mro):
            return CHANGED_REFUSAL
        args = _args_of(exc)
        if len(args) == 1 and type(args[0]) is str:
            return _str_copy(args[0])
    try:
        name = _str_copy(_qualname_of(type(exc)))
    except TypeError:  # a str subclass's name: the code's
        name = "an exception of the code's"
    return f"the result could not be encoded ({name})"


_bases_of = type.__dict__["__bases__"].__get__
_set_bases = type.__dict__["__bases__"].__set__
_name_of = type.__dict__["__name__"].__get__
_set_class_attr = type.__setattr__
_del_class_attr = type.__delattr__
_ABSENT = object()

ClassState = tuple[type, dict[str, Any], tuple[type, ...], type, str, str]
"""A grader class as it was made: itself, a copy of its own dict, its bases, its metaclass,
its name and its qualified name."""


def grader_classes(*namespaces: dict[str, Any]) -> list[ClassState]:
    """Each class the grader's namespaces define (and its metaclass, when not `type`), as it
    is now: taken before the code loads, for `changed_classes` to hold them to.

    The code reaches these classes through `object.__subclasses__()`, and setting a class's
    attribute raises no audit event: a `__del__` set on the wire's `Encoder` ran after each
    result was laid out, with the grader's encoder as `self` (fifty-second round)."""
    found: list[type] = []
    for namespace in namespaces:
        name = namespace.get("__name__")
        for value in list(namespace.values()):
            if isinstance(value, type) and _dict_of(value).get("__module__") == name:
                for cls in (value, type(value)):
                    if cls is not type and all(cls is not seen for seen in found):
                        found.append(cls)
    for cls in found:  # made now if absent: CPython adds an empty one to the dict when read
        cls.__annotations__  # noqa: B018
    return [
        (cls, dict(_dict_of(cls)), _bases_of(cls), type(cls), _name_of(cls), _qualname_of(cls))
        for cls in found
    ]


def _is_changed(state: ClassState) -> bool:
    """Whether the class differs from `state`, read by identities alone: the dict's keys are
    exact strs (CPython copies a subclass's before storing it), so no code of the code's runs."""
    cls, items, bases, meta, name, qualname = state
    if type(cls) is not meta or _bases_of(cls) is not bases:
        return True
    if _name_of(cls) is not name or _qualname_of(cls) is not qualname:
        return True
    now = _dict_of(cls)
    if len(now) != len(items):
        return True
    return any(now.get(key, _ABSENT) is not value for key, value in items.items())


def _restore(state: ClassState) -> None:
    """Put the class back as `state` has it, so the grader's later steps run its own code."""
    cls, items, bases, _meta, name, qualname = state
    now = _dict_of(cls)
    for key in [key for key in now if key not in items]:
        _del_class_attr(cls, key)
    for key, value in items.items():
        if now.get(key, _ABSENT) is not value:
            _set_class_attr(cls, key, value)
    if _bases_of(cls) is not bases:
        _set_bases(cls, bases)
    if _name_of(cls) is not name:
        _set_class_attr(cls, "__name__", name)
    if _qualname_of(cls) is not qualname:
        _set_class_attr(cls, "__qualname__", qualname)


def changed_classes(states: list[ClassState]) -> str | None:
    """None when every grader class is as it was made; else the invalid return's words, the
    grader's own, after putting the classes back (a class that cannot be is found again at the
    next check, and that case is invalid too)."""
    changed = [state for state in states if _is_changed(state)]
    if not changed:
        return None
    names = ", ".join(_str_copy(state[4]) for state in changed[:3])
    more = f" and {len(changed) - 3} more" if len(changed) > 3 else ""
    for state in changed:
        try:
            _restore(state)
        except Exception:  # noqa: BLE001, S110 - found again at the next check
            pass
    return (
        f"your code changed the grader's {names}{more} (a class of the grader's, whose"
        " attributes, bases and names are the grader's own): the result was not sent"
    )


def _result_frame(
    wire: tuple[Callable[..., bytes], Callable[..., bytes], type, tuple[type, ...]],
    head: dict[str, Any],
    values: dict[str, Any],
    limit: int,
    token: bytes,
) -> bytes:
    """One case's result frame, or its refusal as an invalid return in the grader's words;
    `wire` is (encode_message, message, WireError, its MRO), taken before the code loaded."""
    encode_message, message, wire_error, mro = wire
    try:
        return encode_message(head, values, allow_str=False, limit=limit, token=token)
    except BaseException as exc:  # noqa: BLE001 - the wire's refusal, a MemoryError...
        return message({**head, "invalid": _refused_result(exc, wire_error, mro)}, token=token)


def _bounded(text: Any) -> Any:
    """`text` (an error message) cut to ERROR_CHARS, its start and its end (the traceback) kept."""
    if type(text) is not str or len(text) <= ERROR_CHARS:
        return text
    half = ERROR_CHARS // 2
    return f"{text[:half]}\n[... {len(text) - 2 * half} characters cut]\n{text[-half:]}"


class _JobReader:
    """The job's two messages from stdin, in order: what to load, then the cases."""

    def __init__(self, wire: dict[str, Any]) -> None:
        self._reader = wire["FrameReader"](1 << 40)
        self._messages: list[tuple[dict[str, Any], bytearray]] = []

    def next(self, kind: str) -> tuple[dict[str, Any], bytearray]:
        """The next message, which must be of `kind`; exits when stdin ends first."""
        while not self._messages:
            chunk = _read(0, 1 << 20)
            if not chunk:
                _exit(0)  # the parent went away (or the submission read its stdin)
            self._messages.extend(self._reader.feed(chunk))
        fields, data = self._messages.pop(0)
        if fields.get("t") != kind:
            _exit(5)  # not the parent's protocol
        return fields, data


def _limit_notes(
    original: Callable[[int], None],
    current: Callable[[], int],
    send: Callable[[bytes], None],
    note: Callable[[int], bytes],
    ident: Callable[[], int],
    walker: int,
) -> Generator[Any, Any, None]:
    """The job's `sys.setrecursionlimit`: sent a limit, sets it, and each time it rises past the
    highest told so far (64 times at most, in the job's own thread only), writes a note the
    parent keeps for a crash's words. C code that recurses past the stack under a raised limit
    (the repr of a million nested lists) ends the process with SIGSEGV, which says nothing of
    why; the note does. `note` builds the frame with the job's token and `send` writes it, and
    both live only in this frame (`gi_frame` is refused): the code can send it limits, as
    calling the function does, never words. A thread of the code's is never told, so no note
    lands inside a frame the grader writes (nor from a finalizer then: those frames are
    written with the collector off, and no signal handler of the code's exists)."""
    highest, told = current(), 0
    sent = yield True
    while True:
        try:
            original(sent)
        except Exception as exc:  # raised in the caller, without this frame
            sent = yield exc.with_traceback(None)
            continue
        now = current()
        if now > highest and told < 64 and ident() == walker:
            highest, told = now, told + 1
            send(note(now))
        sent = yield True


def told_limits(
    send: Callable[[bytes], None], note: Callable[[int], bytes], walker: int
) -> Callable[[Any], None]:
    """A `sys.setrecursionlimit` whose raises the parent hears of (`_limit_notes`). It holds
    the generator's `send` and Python's own function in cells, which the code can read or
    replace: either way it only sets limits untold."""
    original, current = sys.setrecursionlimit, sys.getrecursionlimit
    notes = _limit_notes(original, current, send, note, _thread.get_ident, walker)
    next(notes)
    tell = notes.send
    busy = (ValueError, StopIteration)

    def setrecursionlimit(limit: Any, /) -> None:
        """Set the maximum depth of the Python interpreter stack to n."""
        try:
            got = tell(limit)
        except busy:  # running (a thread's, a finalizer's) or ended by the code: untold
            original(limit)
            return
        if got is not True:
            raise got

    return detached(setrecursionlimit, "setrecursionlimit")


def _quiet_send(
    fd: int,
    data: bytes,
    *,
    _off: Callable[[], None] = gc.disable,
    _on: Callable[[], None] = gc.enable,
    _enabled: Callable[[], bool] = gc.isenabled,
) -> None:
    """`_send` with the collector off: no finalizer of the code's runs between two writes of
    one frame (where a note of `told_limits` would land inside it)."""
    collecting = _enabled()
    _off()
    try:
        _send(fd, data)
    finally:
        if collecting:
            _on()


def main(cfg: dict[str, Any], wire_src: str, runtime_src: str) -> None:
    """Warm up, install hooks, report ready, run one job, exit."""
    fd = cfg["result_fd"]

    def fatal(text: str) -> None:
        body = json.dumps({"t": "fatal", "message": text, "n": 0}).encode()
        _send(fd, b"J" + len(body).to_bytes(4, "big") + body)
        _exit(3)

    try:
        import numpy as np

        # each with builtins of its own; the wire's classes lead submitted code to its
        # namespace, so the grader calls the functions of a private copy of it
        wire: dict[str, Any] = {
            "__name__": "drillbit_wire",
            "__builtins__": dict(vars(builtins_module)),
        }
        exec(compile(wire_src, "drillbit/wire.py", "exec"), wire)
        snapshot_modules(wire)  # the Encoder's methods read `np.ndarray` from the original
        wire = private_namespace(wire)
        runtime: dict[str, Any] = {
            "__name__": "drillbit_runtime",
            "__builtins__": dict(vars(builtins_module)),
        }
        exec(compile(runtime_src, "drillbit/runtime.py", "exec"), runtime)
        _warm(np)
        harnesses = _compile_harnesses(cfg.get("harnesses") or {})
        interface_slots = _interface_slots(np)  # found now; closed once the job is read
        refuse_dangling_resize(np)
        bound_wrapped_indices(np)
        vet_array_constructor(np)
    except BaseException as exc:  # noqa: BLE001 - reported to the parent as an internal error
        fatal(f"numpy could not be imported under the sandbox limits: {type(exc).__name__}: {exc}")
        return
    import resource

    limits = {name: list(resource.getrlimit(getattr(resource, name))) for name in cfg["rlimits"]}
    verified = False
    guarded = [False]
    known: list[Any] = []
    guard, unguard = guard_switches(guarded)

    keep_copies_working()
    floor_thread_stacks()  # in every mode: a thread's overflow is then a RecursionError's line
    # the child's, the wire's and the runtime's classes made immutable (fifty-fourth round):
    # a change the code makes is refused, not only found; before the hooks, which refuse
    # ctypes' events (the harness's namespace defines no class: `changed_classes` holds any)
    seal_classes(np, [state[0] for state in grader_classes(globals(), wire, runtime)])
    if cfg["hooks"]:
        install_hooks(cfg, guarded, known)
        verified = hooks_verified(cfg)
    message: Callable[..., bytes] = wire["message"]
    encode_message: Callable[..., bytes] = wire["encode_message"]
    wire_error: type[Exception] = wire["WireError"]
    wire_mro = _mro_of(wire_error)  # before the code loads: it can rebase the class
    _send(
        fd,
        message(
            {
                "t": "ready",
                "pid": _getpid(),
                "rlimits": limits,
                "hooks": verified,
                "kernel": cfg.get("kernel", {}),
                "numpy": np.__version__,
                # before any submitted code: the start's share of the CPU limit, which the
                # parent sets apart when it checks that a SIGXCPU was the limit's
                "cpu": _cpu_seconds(),
            }
        ),
    )

    # The job comes in two messages: what to load (the harness is run and the submission
    # compiled while the parent still makes the cases), then the cases, read in full before
    # any submitted code runs: nothing is left on stdin for that code to take.
    reader = _JobReader(wire)
    fields, data = reader.next("job")
    job = wire["decode_field"](fields, "job", data, allow_str=True, path="job")
    token: str = job["token"]  # in every message from here on: the parent refuses any without it
    frame_token = bytes.fromhex(token)  # and before every frame's header, checked before its length
    execute_case = runtime["execute_case"]
    # The harness and the submission each get their own copy of the builtins: code that
    # reaches a harness function's globals cannot change what the runner and runtime see.
    harness_ns: dict[str, Any] = {
        "__name__": f"harness_{job['harness_name']}",
        "__builtins__": dict(vars(builtins_module)),
    }
    compiled = harnesses.get(job["harness_name"])
    if compiled is None or compiled[0] != job["harness"]:
        compiled = (
            job["harness"],
            compile(job["harness"], f"harness/{job['harness_name']}.py", "exec"),
        )
    exec(compiled[1], harness_ns)
    snapshot_modules(harness_ns)  # before the submission loads: what it changes there, not here
    run_case = harness_ns["run_case"]

    def load_error(kind: str, text: str, **extra: Any) -> None:
        _flush_stdio()
        reply = {"t": "load_error", "k": token, "kind": kind, "message": _bounded(text)}
        _quiet_send(fd, message({**reply, **extra}, token=frame_token))
        _exit(0)

    source: str = job["source"]
    filename = runtime["SUBMISSION_FILENAME"]
    try:
        code = compile(source, filename, "exec")
    except runtime["COMPILE_ERRORS"] as exc:  # worded as the in-process grader words it
        load_error("syntax", runtime["compile_error"](exc, source))
        return
    import linecache

    linecache.cache[filename] = (len(source), None, source.splitlines(True), filename)
    runtime["set_source"](source)
    # a module of its own, in sys.modules: a dataclass under string annotations (and other
    # stdlib code) looks a class's module up there by its __module__, "submission"
    submission = types.ModuleType("submission")
    namespace: dict[str, Any] = submission.__dict__
    namespace["__file__"] = filename
    namespace["__builtins__"] = dict(vars(builtins_module))
    sys.modules["submission"] = submission
    format_user_error = runtime["format_user_error"]
    fields, data = reader.next("cases")
    # Every case's inputs are built before the file loads (copies out of one buffer). Built
    # just before each case, they came from the `Arrays` class's methods, which read the wire's
    # namespace, which the submission reaches through that class: one that replaced its
    # `_frombuffer` got its inputs as an ndarray subclass of its own, which the in-place
    # check does not look into, and updated them in place unseen.
    # Each a copy of its own (fiftieth round): a view's `base.obj` was the whole buffer, and
    # code handed case 1's input zeroed every later case's before its call.
    case_arrays = wire["Arrays"](fields.get("arrays"), data, copies=True)
    raw_cases = fields.get("cases")
    if type(raw_cases) is not list:
        _exit(5)  # not the parent's protocol
    decode = wire["decode"]
    cases = [
        decode(raw_case, case_arrays, allow_str=True, path=("cases", index), depth=1)
        for index, raw_case in enumerate(raw_cases)
    ]
    # Every case's inputs as they came: each call's own check ran right after it, so a call
    # that changed an earlier case's input in place (kept from that call, changed in the next:
    # a naive in-place sigmoid, delayed by one case) passed (forty-first round).
    states, changed_since = runtime["_states"], runtime["_changed"]
    pristine: list[Any] = [states(case) for case in cases]
    # what a harness makes for the cases before the file loads: the seeded harnesses' rngs,
    # as numpy's `default_rng` reads its modules' globals (fifty-third round, sandbox53)
    prepare = harness_ns.get("prepare")
    if prepare is not None:
        prepare(cases)
    if job["fp_strict"]:
        runtime["seal_error_state"]()  # before the file loads: no state it makes ignores events
        runtime["strict_by_default"]()  # and a new thread or a fresh context starts strict
    # after the grader's own last use of numpy's memory door (strict_by_default), before the
    # count: the bounded as_strided is then one of the functions the code cannot rewrite
    close_array_interface(np, interface_slots)
    warnings_name_the_code(filename, unguard, guard)  # before the count: its code is kept
    # the recursion limit's raises told to the parent, for a SIGSEGV's words (fifty-first round)
    vars(sys)["setrecursionlimit"] = told_limits(
        lambda data: _quiet_send(fd, data),
        lambda limit: message({"t": "limit", "k": token, "limit": limit}, token=frame_token),
        _thread.get_ident(),
    )
    counted = runtime["fp_counts"]()
    if cfg["hooks"]:
        count_functions(known, harness_ns, runtime, wire)
    imports_from_source()
    # the grader's classes as made, held to at each result (fifty-second round, sandbox52b)
    classes = grader_classes(globals(), wire, runtime, harness_ns)
    guard()  # from here on, submitted code may run at any time (calls, __del__, __str__)
    try:
        exec(code, namespace)
    except MemoryError as exc:  # numpy's _ArrayMemoryError too
        load_error("memory", format_user_error(exc, unguard, guard))
        return
    except Exception as exc:
        load_error("exception", format_user_error(exc, unguard, guard))
        return
    except BaseException as exc:  # noqa: BLE001 - SystemExit & co. at import time
        load_error("exception", runtime["base_error"](exc, "while loading your code"))
        return
    fns, missing, defined = runtime["find_entries"](namespace, job["entries"])
    if missing:  # named as the in-process grader names them
        load_error("missing", "", missing=missing, defined=defined)
        return
    _flush_stdio()
    if job["fp_strict"]:
        _note_load_events(runtime["fp_events_since"](counted))
    _quiet_send(fd, message({"t": "loaded", "k": token}, token=frame_token))

    remaining = cfg["result_limit"]
    sending = (encode_message, message, wire_error, wire_mro)
    # events counted while a result is encoded are its case's: a value of a class of the
    # code's had its `float()` run by the encoder after the case's count was read, and a naive
    # loss computed there in the last case was counted in no case and passed
    fp_since, fp_counts, fp_counted = (
        runtime["fp_events_since"],
        runtime["fp_counts"],
        runtime["_LAST_COUNTED"],
    )
    for index, inputs in enumerate(cases):
        try:
            raw = execute_case(run_case, fns, inputs, job["fp_strict"], unguard, guard)
        except BaseException as exc:  # noqa: BLE001 - SystemExit in a call
            raw = {
                "outputs": None,
                "error": runtime["base_error"](exc, "during the call"),
                "mutated": [],
                "fp_warnings": [],
            }
        if raw.get("mutated"):
            pristine[index] = None  # its own call changed it: named by its own check
        mutated = list(raw.get("mutated", [])) + _changed_earlier(
            changed_since, pristine, cases, index
        )
        head = {
            "t": "result",
            "k": token,
            "i": index,
            "error": _bounded(raw.get("error")),
            "mutated": mutated,
            "fp": list(raw.get("fp_warnings", [])),
            # the CPU the process has used so far: the limit counts it all, not one case's
            "cpu": _cpu_seconds(),
        }
        values = {} if raw.get("outputs") is None else {"out": raw["outputs"]}
        # checked before the encoder runs (no method of the code's set on a grader class runs
        # there) and after it (a thread of the code's may have set one meanwhile)
        changed = changed_classes(classes)
        if changed is None:
            frame = _result_frame(sending, head, values, remaining, frame_token)
            if job["fp_strict"] and fp_counted:
                while_sent = fp_since(fp_counted)
                if while_sent:  # a value of the code's computed itself as the encoder read it
                    head["fp"] = head["fp"] + [k for k in while_sent if k not in head["fp"]]
                    frame = _result_frame(sending, head, values, remaining, frame_token)
                    fp_counted[:] = fp_counts()
            changed = changed_classes(classes)
        if changed is not None:
            frame = message({**head, "error": None, "invalid": changed}, token=frame_token)
        if len(frame) > remaining:
            frame = message(
                {
                    **head,
                    "error": None,  # the frame must be small: an error would not be shown anyway
                    "invalid": f"the result is too large (limit {cfg['result_limit'] >> 20} MiB)",
                },
                token=frame_token,
            )
        remaining -= len(frame)
        _quiet_send(fd, frame)
    _flush_stdio()  # runs the code's own `flush` if it replaced a stream: check after it
    done: dict[str, Any] = {"t": "done", "k": token}
    late = _changed_late(changed_since, pristine, cases)
    if late:
        done["late"] = late
    _quiet_send(fd, message(done, token=frame_token))
    _exit(0)
