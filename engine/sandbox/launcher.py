"""The first code the sandbox child runs, with sys.argv = ['-c', CONFIG, CHILD, WIRE, RUNTIME, SECCOMP].

The child's command line is only `python -I -B -S -c BOOTSTRAP MARKER FD`: the
bootstrap (worker.BOOTSTRAP) reads this file's text and those arguments from the
inherited descriptor FD, closes it and runs this file, so /proc/<pid>/cmdline
shows neither the configuration nor the host's paths.

It sets the rlimits before anything else can run (not preexec_fn, which can
deadlock a threaded parent), then installs the kernel layers the parent asked
for: Landlock (file system) and a seccomp filter (system calls), each tried on
a harmless stand-in afterwards so that only a layer that really refuses is
reported. It takes the result channel from an inherited descriptor to a random
high number, fixes sys.path to the stdlib plus numpy's directory, then execs
the child runner with a private copy of the builtins. This file is never
imported; the parent reads it as text. It runs before the audit hooks exist,
so it may use ctypes; it leaves no reference to ctypes behind.
"""

import builtins
import json
import os
import resource
import signal
import sys
from typing import Any

_cfg = json.loads(sys.argv[1])


def _fatal(fd: int, text: str) -> None:
    msg = json.dumps({"t": "fatal", "message": text, "n": 0}).encode()
    os.write(fd, b"J" + len(msg).to_bytes(4, "big") + msg)
    os._exit(3)


def _move_result_fd(cfg: dict[str, Any]) -> int:
    """Dup the inherited result channel to a random free high descriptor and close the original."""
    inherited = int(cfg.pop("inherited_fd"))
    low, high = 100, max(164, min(resource.getrlimit(resource.RLIMIT_NOFILE)[0], 1 << 12))
    for _ in range(64):
        target = low + int.from_bytes(os.urandom(2), "big") % (high - low)
        try:
            os.fstat(target)
        except OSError:
            os.dup2(inherited, target, inheritable=False)
            os.close(inherited)
            return target
    return inherited


def _die_with_parent(parent: Any) -> None:
    """SIGKILL this process when the thread that started it ends, as bubblewrap's
    --die-with-parent does (the modes without bwrap); exit now if that already happened.

    Otherwise a submission sleeping when the app was killed (a crash, the OOM killer) would
    live on for good: nothing would be left to enforce its wall clock. The seccomp filter
    keeps the submission from clearing it."""
    if type(parent) is not int or not sys.platform.startswith("linux"):
        return
    import ctypes

    libc = ctypes.CDLL(None, use_errno=True)
    libc.prctl(1, signal.SIGKILL, 0, 0, 0)  # PR_SET_PDEATHSIG
    if os.getppid() != parent:
        os._exit(0)


def _drop_capabilities() -> str:
    """Give up every capability (those of an app run as root); 'none' when none is left.

    bubblewrap drops them itself (--cap-drop ALL); without it, the child of a root app kept
    root's powers: real-time scheduling, locked memory, every file's mode and owner. The
    seccomp filter refuses the calls that would use the worst of them as well."""
    import ctypes

    libc = ctypes.CDLL(None, use_errno=True)
    libc.prctl(47, 4, 0, 0, 0)  # PR_CAP_AMBIENT, PR_CAP_AMBIENT_CLEAR_ALL
    for cap in range(64):
        if libc.prctl(24, cap, 0, 0, 0) != 0 and ctypes.get_errno() == 22:  # PR_CAPBSET_DROP
            break  # EINVAL: past the kernel's last capability (EPERM: not ours to drop)
    header = (ctypes.c_uint32 * 2)(0x20080522, 0)  # _LINUX_CAPABILITY_VERSION_3, this thread
    data = (ctypes.c_uint32 * 6)()  # effective, permitted, inheritable; twice (64 bits)
    if libc.capset(header, data) != 0:
        return f"not dropped (capset: {os.strerror(ctypes.get_errno())})"
    if libc.capget(header, data) != 0 or any(data):
        return "not dropped (some are still held)"
    return "none"


def _undumpable() -> str:
    """Make this process undumpable: 'set' when the kernel reads it back so.

    Another process of the same user (a sibling warm worker, without bubblewrap or Landlock,
    whose submission runs next) could otherwise open this one's /proc/<pid>/mem read-write
    and rewrite it while it waits; an undumpable process's memory, environment and
    descriptors are reachable only with CAP_SYS_PTRACE, which no child holds. The seccomp
    filter keeps the submission from setting it back."""
    import ctypes

    libc = ctypes.CDLL(None, use_errno=True)
    if libc.prctl(4, 0, 0, 0, 0) != 0:  # PR_SET_DUMPABLE
        return f"not set ({os.strerror(ctypes.get_errno())})"
    return "set" if libc.prctl(3, 0, 0, 0, 0) == 0 else "not set (still dumpable)"  # GET


FAULT_SIGNALS = (signal.SIGSEGV, signal.SIGBUS, signal.SIGILL, signal.SIGFPE, signal.SIGABRT)
"""The signals faulthandler's handler takes (`faulthandler.enable`)."""
_SA_FLAGS_AT = 8 + 128
"""Where `sa_flags` sits in glibc's and musl's `struct sigaction` on x86-64 and arm64: after
the handler's pointer and the 1024-bit signal mask."""
_SA_RESETHAND, _SA_FAULTHANDLERS = 0x80000000, 0x40000000 | 0x08000000  # SA_NODEFER | SA_ONSTACK


def _fault_dumps() -> str:
    """Python's fault handler on stderr for the fatal signals, each handler one-shot: 'set', or
    why not (then none is installed).

    A segmentation fault under a raised recursion limit was told without the line of the code
    that crashed (fifty-first round). faulthandler's dump names it, on the stderr the parent
    reads. But its handler, once it has dumped, puts the old action back with `sigaction` and
    raises the signal again: under seccomp, which refuses every new action, the put-back failed
    and the handler ran again and again, dumping until the CPU limit (tried here). The kernel
    resets a handler flagged SA_RESETHAND as it runs it, so the second raise kills: the flag is
    added to faulthandler's own action, checked where it must be by the flags faulthandler sets
    (on machines whose struct layout is not known here, nothing is installed)."""
    import ctypes
    import faulthandler
    import platform

    if platform.machine() not in ("x86_64", "aarch64", "arm64"):
        return f"not set (the layout of struct sigaction on {platform.machine()} is not known here)"
    faulthandler.enable(all_threads=False)
    libc = ctypes.CDLL(None, use_errno=True)
    for number in FAULT_SIGNALS:
        action = (ctypes.c_char * 256)()  # more than any libc's struct sigaction
        flags = ctypes.c_uint32.from_buffer(action, _SA_FLAGS_AT)
        if libc.sigaction(int(number), None, action) != 0 or (
            flags.value & _SA_FAULTHANDLERS != _SA_FAULTHANDLERS
        ):
            faulthandler.disable()
            return f"not set (faulthandler's action for {number.name} was not found)"
        flags.value |= _SA_RESETHAND
        if libc.sigaction(int(number), action, None) != 0:
            faulthandler.disable()
            return f"not set (sigaction: {os.strerror(ctypes.get_errno())})"
    return "set"


def _landlock(rw: list[str], ro: list[str], listed: list[str], probes: list[str]) -> str:
    """Restrict the file system with Landlock; 'abi N' when verified, else why not."""
    import ctypes

    libc = ctypes.CDLL(None, use_errno=True)
    syscall = libc.syscall
    syscall.restype = ctypes.c_long
    abi = syscall(444, None, ctypes.c_size_t(0), ctypes.c_uint32(1))
    if abi < 1:
        return f"not available (kernel without Landlock: {os.strerror(ctypes.get_errno())})"
    file_rights = 1 | 2 | 4  # execute, write file, read file
    if abi >= 3:
        file_rights |= 1 << 14  # truncate
    if abi >= 5:
        file_rights |= 1 << 15  # ioctl on devices
    handled = file_rights | sum(1 << bit for bit in range(3, 13))
    if abi >= 2:
        handled |= 1 << 13  # refer (rename/link across directories)
    attr = (ctypes.c_uint64 * 3)(handled, 0, 0)
    size = 8
    if abi >= 4:
        attr[1] = 1 | 2  # TCP bind and connect
        size = 16
    if abi >= 6:
        attr[2] = 1 | 2  # abstract unix sockets and signals outside the sandbox
        size = 24
    ruleset = syscall(444, ctypes.byref(attr), ctypes.c_size_t(size), ctypes.c_uint32(0))
    if ruleset < 0:
        return f"not set up (create_ruleset: {os.strerror(ctypes.get_errno())})"

    class PathBeneath(ctypes.Structure):
        _pack_ = 1
        _fields_ = [("allowed_access", ctypes.c_uint64), ("parent_fd", ctypes.c_int32)]

    read_dir = 1 | 4 | 8  # execute, read file, read dir
    try:
        rules = [(p, handled) for p in rw] + [(p, read_dir) for p in ro] + [(p, 8) for p in listed]
        for path, rights in rules:
            try:
                fd = os.open(path, os.O_PATH | os.O_CLOEXEC)
            except OSError:
                continue
            try:
                if not os.path.isdir(path):
                    rights &= file_rights
                rule = PathBeneath(rights, fd)
                if syscall(445, ruleset, 1, ctypes.byref(rule), 0) < 0:
                    return f"not set up (add_rule {path}: {os.strerror(ctypes.get_errno())})"
            finally:
                os.close(fd)
        if libc.prctl(38, 1, 0, 0, 0) != 0:  # PR_SET_NO_NEW_PRIVS
            return "not set up (no_new_privs refused)"
        if syscall(446, ruleset, 0) < 0:
            return f"not set up (restrict_self: {os.strerror(ctypes.get_errno())})"
    finally:
        os.close(ruleset)
    # Each probe must now be refused: a read of the grader, a write next to the work dir.
    for probe in probes:
        try:
            if probe.endswith("/"):
                fd = os.open(probe + f".drillbit-landlock-{os.getpid()}", os.O_CREAT | os.O_EXCL)
                os.close(fd)
                os.unlink(probe + f".drillbit-landlock-{os.getpid()}")
                return f"NOT verified (could create a file in {probe})"
            os.close(os.open(probe, os.O_RDONLY))
            return f"NOT verified (could read {probe})"
        except PermissionError:
            continue
        except OSError as exc:
            return f"NOT verified ({probe}: {exc.strerror})"
    return f"abi {abi}"


# Denied outright: no new processes or programs, no sockets, nothing that reaches other
# processes, the kernel's configuration, or the limits set above.
DENIED_SYSCALLS = (
    "fork vfork execve execveat socket socketpair ptrace process_vm_readv process_vm_writev"
    " pidfd_open pidfd_send_signal pidfd_getfd tkill rt_sigqueueinfo rt_tgsigqueueinfo"
    " mknod mknodat mount umount2 pivot_root chroot unshare setns setsid setpgid"
    " setrlimit setuid setgid setreuid setregid setresuid setresgid setgroups capset"
    " io_uring_setup io_uring_enter io_uring_register userfaultfd bpf perf_event_open"
    " keyctl add_key request_key kexec_load kexec_file_load init_module finit_module"
    " delete_module reboot swapon swapoff acct quotactl open_by_handle_at name_to_handle_at"
    " fsopen fsmount fsconfig fspick move_mount open_tree open_tree_attr setpriority ioprio_set"
    # every mount's source and root in its file system: under bubblewrap, the host paths of
    # numpy (in the user's checkout) and of the bytecode cache, which nothing else there names
    " statmount listmount"
    " process_madvise process_mrelease migrate_pages move_pages kcmp"
    # System V and POSIX message IPC: objects that outlive the child, shared with every
    # process of the user outside bubblewrap's private IPC namespace
    " shmget shmat shmctl semget semop semtimedop semctl msgget msgsnd msgrcv msgctl ipc"
    " mq_open mq_unlink mq_timedsend mq_timedreceive mq_notify mq_getsetattr"
    # A file's mode, owner, times, attributes and length by path: Landlock rules opens, reads
    # and writes, not these (nor truncate() before ABI 3), so a submission could chmod 0 any
    # file of the user's, and under bubblewrap, run by root, the host's /dev/null
    " chmod fchmod fchmodat fchmodat2 chown fchown lchown fchownat chown32 fchown32 lchown32"
    " utime utimes futimesat utimensat utimensat_time64 setxattr lsetxattr fsetxattr"
    " setxattrat removexattr lremovexattr fremovexattr removexattrat truncate truncate64"
    " file_setattr"
    # Watching the user's folders (no read right is needed) and root's powers over the
    # machine, which a child of an app run as root (a container) has without bubblewrap
    " inotify_add_watch fanotify_init fanotify_mark sethostname setdomainname syslog"
    " settimeofday clock_settime clock_settime64 adjtimex clock_adjtime clock_adjtime64 stime"
    " iopl ioperm vhangup setfsuid setfsgid setfsuid32 setfsgid32 mount_setattr quotactl_fd"
    " lookup_dcookie nfsservctl"
    # The result channel is a unix socket (a pipe was reopened for reading through /proc): the
    # grader writes it with write(2), and no other socket can be made, so nothing here needs
    # the socket calls whose extras (MSG_OOB, descriptors passed with SCM_RIGHTS) have been the
    # kernel's use-after-free bugs, one exploited from a browser's sandbox (CVE-2025-38236)
    " sendto sendmsg sendmmsg recvfrom recvmsg recvmmsg"
    # An inotify instance, useless without a watch, is counted per user (128 by default): a
    # child held 60 of them while it ran, two children nearly all, and the user's editors and
    # file watchers could then start none
    " inotify_init inotify_init1"
    # Every file system's pending writes, the machine's, not the child's (sync is not
    # namespaced): a drill writes a few files of its own, and `fsync` of one stays allowed
    " sync syncfs"
    # The machine's load averages, free memory and process count (glibc's getloadavg and
    # sysconf(_SC_AVPHYS_PAGES)), which no namespace changes: a side channel on what the
    # machine does meanwhile, read in every mode before (forty-third round). The interpreter
    # calls it once as it starts, before this filter; numpy and the grader never do
    " sysinfo"
    # A file system's free blocks and files (os.statvfs, shutil.disk_usage): under bubblewrap
    # the host disk's, bound at /usr; the same side channel, on what the machine writes.
    # `ustat` (obsolete, no binding but ctypes) gives them by a device number
    " statfs fstatfs statfs64 fstatfs64 ustat"
    # Dropping a readable file's pages from the machine's page cache (posix_fadvise DONTNEED),
    # and `cachestat` (6.5), which tells which are cached: with `preadv2`'s RWF_NOWAIT below, a
    # repeatable probe of which files the machine's programs read (forty-third round)
    " fadvise64 fadvise64_64 arm_fadvise64_64 cachestat"
).split()
NEWER_SYSCALLS = {
    "statmount": 457,
    "listmount": 458,
    "setxattrat": 463,
    "getxattrat": 464,
    "listxattrat": 465,
    "removexattrat": 466,
    "open_tree_attr": 467,
    "file_setattr": 469,
    "cachestat": 451,
}
"""Calls newer than some libseccomp's table of names (Debian 12's 2.5.4 knows none of these),
by the number they have on every architecture listed in SHARED_NUMBERS. Named only, they
were left out of the filter without a word, on a kernel that has them (6.18 here): under
Landlock a submission read, set and removed a file's extended attributes by its path (the
`*xattrat` calls, Linux 6.13), and under bubblewrap `statmount` (6.8) gave the host path of
every mount, numpy's in the user's checkout among them."""
SHARED_NUMBERS = frozenset(
    "x86_64 aarch64 arm64 armv7l armv8l i386 i686 riscv64 ppc64le ppc64 s390x loongarch64".split()
)
"""Machines whose kernels number the calls from 424 on alike (alpha and mips add an offset)."""
UNSUPPORTED_SYSCALLS = "getxattr lgetxattr listxattr llistxattr getxattrat listxattrat".split()
"""Reading a file's extended attributes by its path: Landlock rules opens, not these, and they
hold data (a browser's download URL in user.xdg.origin.url); a drill needs none. Refused with
ENOTSUP, not EPERM: it is the errno `shutil.copy2`/`copystat` take for "this file system has
none" and go on, where EPERM made a plain copy in the work dir fail."""
HANDLER_SYSCALLS = "rt_sigaction sigaction signal".split()
"""Installing a signal handler (a new action: a non-null second argument; reading one stays
allowed). A Python handler is called with the frame that runs when the signal comes, and a
submission's thread can signal its own process at any moment: a handler caught the grader's
own frames between two calls and emptied the overflow flag of a naive sigmoid's result (and
could read the job's token there). A drill needs no handler; the launcher sets its own
(SIGXFSZ ignored) before the filter. `sigaction` and `signal`: 32-bit x86's older calls."""
FAULT_DUMP_FD = 2
"""stderr, where Python's fault handler writes the dump that names the code's line when the
child dies by a signal (`_fault_dumps`): the filter refuses closing it (`close`, and
`close_range` from 0, 1 or 2, which Python then does one descriptor at a time) and putting
another file there (`dup2`, `dup3`). Code that closed it, or dup'd /dev/null over it, lost the
dump: a segmentation fault was told by its signal alone (fifty-fourth round). The kernel reads
a descriptor as 32 bits, so the filter compares only those."""
LIMIT_SIGNALS = (signal.SIGXCPU, signal.SIGKILL)
"""Signals the child may not send even to itself, nor stand in for by its exit status: the CPU
limit's. bubblewrap reports a child killed by signal N as exit status 128 + N, so under it
`os._exit(152)` read as SIGXCPU, and the verdict said the run had exceeded the CPU time limit
after 0.002 s; without it `os.kill(os.getpid(), signal.SIGXCPU)` did the same. A status of 128
or more kills the child with SIGSYS instead (a drill returns; Python's own statuses are below
128), which the verdict names as a call the sandbox refuses."""
FILTER_SIGNAL = signal.SIGSYS
"""The signal the filter kills with (an exit status of 128 or more, a call through another ABI),
refused to the child even for itself as LIMIT_SIGNALS are, so that a death by it is the filter's:
`os.kill(os.getpid(), signal.SIGSYS)` read as "a call the sandbox refuses outright"."""
TIMER_EVENT_ARG = 1
"""`timer_create`'s event (its second argument), allowed only null: the timer then sends SIGALRM,
as `setitimer` and `alarm` do. A given event names the signal the timer sends in a struct the
filter cannot read, and so stood in for the `kill` the filter refuses: a timer whose signal was
SIGXCPU or SIGKILL killed the child by the limits' own signals (done on this machine through
ctypes, in every mode), after as much CPU time as the code chose, which the app then had to tell
from the limit's by its CPU time alone (under bubblewrap a reading taken every 50 ms). SIGALRM,
SIGVTALRM and SIGPROF (`setitimer`'s) the code may send itself anyway, and with no handler of its
own (refused above) each only ends the process, named as that signal. A drill needs no timer;
neither Python nor numpy's OpenBLAS makes one."""
RWF_NOWAIT = 0x8
"""`preadv2`'s flag (its sixth argument) to read only what the page cache holds, failing with
EAGAIN otherwise: whether another process read a file's pages since the child dropped them
(`fadvise64`, refused above). A plain read's time tells the same once (1.7 ms from the disk
against 14 us cached, here), but it brings the pages in, so it cannot be repeated."""
OTHER_CLOCK_SYSCALLS = (
    "clock_gettime clock_gettime64 clock_getres clock_getres_time64 clock_nanosleep"
    " clock_nanosleep_time64 timer_create"
).split()
OTHER_CLOCK_MASK = (0x80000004, 0x80000000)
"""A clock id the kernel reads as another process's CPU clock: negative (a pid in its upper bits,
`clock_getcpuclockid`'s) without the per-thread bit (a thread's own clock, which the kernel keeps
to the caller's threads; Python's `time.pthread_getcpuclockid` makes one). The kernel checks no
right for a process's clock, so `time.clock_gettime(((~pid) << 3) | 2)` read the CPU time of any
process on the machine (the app's, pid 1's: 55 of them here, under Landlock, without ctypes),
and `clock_getres` said which pids exist, where the audit hooks refuse `/proc`. The caller's own
process clock is CLOCK_PROCESS_CPUTIME_ID (2), which stays allowed, as do the per-thread ones;
a descriptor's clock (a PTP device's, also negative, no per-thread bit) is refused with them."""
SELF_ONLY_SYSCALLS = "sched_setaffinity sched_setscheduler sched_setparam sched_setattr".split()
"""Allowed on the calling thread only (pid 0): on another process they would pin the grading
app to one core or make it SCHED_IDLE for the rest of its life (Landlock does not cover them)."""
CREATE_MODE_ARGS = {"open": 2, "creat": 1, "openat": 3}
"""Where a new file's mode is: with the set-user-ID or set-group-ID bit in it, a create is
refused. chmod is refused already, but `open(name, O_CREAT, 0o6755)` made such a file in the
work dir (seen without bubblewrap, whose mounts are nosuid); a drill needs none, and one left
there by a child of an app run as root would be a set-user-ID root program. openat2, whose
mode sits in a struct the filter cannot read, is refused whole as ENOSYS (which callers take
for an older kernel and fall back to openat)."""
DENIED_COMMANDS = {
    # F_SETOWN, F_SETSIG, F_SETOWN_EX, F_SETLEASE, F_NOTIFY, F_SETPIPE_SZ
    "fcntl": (8, 10, 15, 1024, 1026, 1031),
    "fcntl64": (8, 10, 15, 1024, 1026, 1031),
    # FIOSETOWN, SIOCSPGRP; FS_IOC_SETFLAGS (64- and 32-bit), FS_IOC_FSSETXATTR;
    # TIOCSTI, TIOCLINUX; then TERMINAL_CHANGES
    "ioctl": (0x8901, 0x8902, 0x40086602, 0x40046602, 0x401C5820, 0x5412, 0x541C),
}
NETWORK_REQUESTS = (0x8900, 0x8B00)
"""ioctl's socket requests (0x89xx: SIOCGIFCONF, SIOCGIFADDR, SIOCGIFHWADDR, SIOCETHTOOL...)
and the wireless extensions' (0x8Bxx: SIOCGIWESSID, SIOCGIWAP), each range refused whole (the
low byte masked). They answer on any socket about the network namespace it was made in: the
result channel is a socket the app made, in the machine's namespace, so under bubblewrap (its
own network namespace) as under Landlock a drill read the machine's interfaces, their IP
addresses and the MAC address through it (forty-fourth round); on a laptop the Wi-Fi
network's name and its access point's address tell where it is. The grader only writes."""
TERMINAL_CHANGES = {
    "TCSETS": 0x5402,
    "TCSETSW": 0x5403,
    "TCSETSF": 0x5404,
    "TCSETA": 0x5406,
    "TCSETAW": 0x5407,
    "TCSETAF": 0x5408,
    "TCSETS2": 0x402C542B,
    "TCSETSW2": 0x402C542C,
    "TCSETSF2": 0x402C542D,
    "TIOCSLCKTRMIOS": 0x5457,
    "TIOCSWINSZ": 0x5414,
    "TCXONC": 0x540A,
    "TCFLSH": 0x540B,
    "TIOCEXCL": 0x540C,
    "TIOCSETD": 0x5423,
    "TCSBRK": 0x5409,
    "TCSBRKP": 0x5425,
    "TIOCSBRK": 0x5427,
    "TIOCCBRK": 0x5428,
    "TIOCMBIS": 0x5416,
    "TIOCMBIC": 0x5417,
    "TIOCMSET": 0x5418,
    "TIOCSSOFTCAR": 0x541A,
    "TIOCSSERIAL": 0x541F,
    "TIOCCONS": 0x541D,
    "TIOCSCTTY": 0x540E,
    "TIOCSPGRP": 0x5410,
    "TIOCSIG": 0x40045436,
    "TIOCVHANGUP": 0x5437,
}
"""Requests that change a terminal (the generic Linux numbers, as TIOCSTI's above): its modes,
size, flow, input queue, exclusivity, line discipline and modem lines, and its session.
Without a file system layer the child can open a terminal of the user's, and seen there each
change outlived the child: the size set to 1x1 (the kernel sends SIGWINCH to the terminal's
foreground programs, which redraw at that size: a signal to another process), echo and line
editing off, output stopped (every program writing there then blocks) and no other open
allowed. A drill reads no terminal: its stdout and stderr are pipes (TCGETS, what isatty
asks, stays allowed)."""
"""A descriptor's owner gets SIGIO (or the F_SETSIG signal) whenever its pipe is read or written:
owning the child's stdout would signal the grading app each time it drains it. A lease on a
file the child may read (numpy's, the bytecode cache's) holds every other process's open of
it until the child dies. F_NOTIFY (dnotify) signals the child whenever any process reads or
changes a file in a folder it may read: the bytecode cache's numpy folder told it when another
drillbit's child started (forty-fourth round), as inotify, refused above, would. A file's flags (immutable when the app is root) outlive the child.
TIOCSTI pushes characters into a terminal's input, as if typed (a shell runs them), and
TIOCLINUX pastes a virtual console's selection: without a file system layer the child can
open a terminal of the user's, and one no session holds becomes its controlling terminal
(the child leads its own session), on which the kernel allows TIOCSTI without any privilege.
A pipe's buffer is counted per user (16,384 pages before the user's new pipes shrink to two
pages and no program of theirs may grow one): F_SETPIPE_SZ let a child raise each of its pipes
to 1 MiB, 30 MiB for one child. The kernel reads the command as 32 bits, so the filter
compares only those."""


def _seccomp(source: str, libraries: dict[str, str]) -> str:
    """Install the seccomp filter through pyseccomp (libseccomp); 'verified' or why not.

    pyseccomp looks its libraries up with `ctypes.util.find_library`, which runs a program
    (/sbin/ldconfig, else gcc with a temp file in the work dir): the parent found them once,
    and no other name is looked up here ('' or an unknown name: the process's own symbols)."""
    import ctypes.util
    import errno

    real_find = ctypes.util.find_library
    ctypes.util.find_library = lambda name: libraries.get(name) or None
    ns: dict[str, Any] = {"__name__": "pyseccomp"}
    try:
        exec(compile(source, "pyseccomp.py", "exec"), ns)
    except (OSError, RuntimeError, AttributeError) as exc:
        return f"not available (libseccomp: {exc})"
    finally:
        ctypes.util.find_library = real_find
    deny = ns["ERRNO"](errno.EPERM)
    arg = ns["Arg"]
    pid = os.getpid()
    try:
        flt = ns["SyscallFilter"](ns["ALLOW"])

        def number(name: str) -> int:
            """The call's number here: libseccomp's, else NEWER_SYSCALLS' (-1: none)."""
            found = int(ns["resolve_syscall"](ns["Arch"].NATIVE, name))
            if found < 0 and os.uname().machine in SHARED_NUMBERS:
                return NEWER_SYSCALLS.get(name, -1)
            return found

        for name in DENIED_SYSCALLS:
            try:
                flt.add_rule(deny, number(name))
            except (OSError, RuntimeError, ValueError):
                pass  # a call this architecture does not have
        for name in UNSUPPORTED_SYSCALLS:
            try:
                flt.add_rule(ns["ERRNO"](errno.ENOTSUP), number(name))
            except (OSError, RuntimeError, ValueError):
                pass  # a call this architecture (or libseccomp) does not have
        flt.add_rule(ns["ERRNO"](errno.ENOSYS), "clone3")  # glibc then falls back to clone
        try:
            flt.add_rule(ns["ERRNO"](errno.ENOSYS), "openat2")  # its mode: CREATE_MODE_ARGS
        except (OSError, RuntimeError, ValueError):
            pass  # a libseccomp older than the call
        flt.add_rule(deny, "clone", arg(0, ns["MASKED_EQ"], 0x00010000, 0))  # not CLONE_THREAD
        flt.add_rule(deny, "kill", arg(0, ns["NE"], pid))
        flt.add_rule(deny, "tgkill", arg(0, ns["NE"], pid))
        for limit_signal in (*LIMIT_SIGNALS, FILTER_SIGNAL):  # the limits' and the filter's
            flt.add_rule(deny, "kill", arg(1, ns["MASKED_EQ"], 0xFFFFFFFF, limit_signal))
            flt.add_rule(deny, "tgkill", arg(2, ns["MASKED_EQ"], 0xFFFFFFFF, limit_signal))
        flt.add_rule(deny, "timer_create", arg(TIMER_EVENT_ARG, ns["NE"], 0))
        flt.add_rule(deny, "preadv2", arg(5, ns["MASKED_EQ"], RWF_NOWAIT, RWF_NOWAIT))
        for name in ("exit_group", "exit"):  # a status of 128 or more: bubblewrap's signal codes
            flt.add_rule(ns["KILL_PROCESS"], name, arg(0, ns["MASKED_EQ"], 0x80, 0x80))
        flt.add_rule(deny, "prlimit64", arg(2, ns["NE"], 0))  # reading limits stays allowed
        # the fault handler's descriptor kept: neither closed nor replaced (FAULT_DUMP_FD)
        low = arg(0, ns["MASKED_EQ"], 0xFFFFFFFF, FAULT_DUMP_FD)
        flt.add_rule(deny, "close", low)
        for first in range(FAULT_DUMP_FD + 1):
            flt.add_rule(deny, "close_range", arg(0, ns["MASKED_EQ"], 0xFFFFFFFF, first))
        for name in ("dup2", "dup3"):
            try:
                flt.add_rule(deny, name, arg(1, ns["MASKED_EQ"], 0xFFFFFFFF, FAULT_DUMP_FD))
            except (OSError, RuntimeError, ValueError):
                pass  # dup2: not on arm64 (glibc's dup2 is dup3 there)
        flt.add_rule(deny, "prctl", arg(0, ns["MASKED_EQ"], 0xFFFFFFFF, 1))  # PR_SET_PDEATHSIG
        flt.add_rule(deny, "prctl", arg(0, ns["MASKED_EQ"], 0xFFFFFFFF, 4))  # PR_SET_DUMPABLE
        # FALLOC_FL_KEEP_SIZE & co.: blocks past the end of a file, which RLIMIT_FSIZE does not
        # count (one call took the disk's free space); posix_fallocate's mode 0 stays allowed
        flt.add_rule(deny, "fallocate", arg(1, ns["NE"], 0))
        for name in SELF_ONLY_SYSCALLS:
            flt.add_rule(deny, name, arg(0, ns["NE"], 0))
        for name in OTHER_CLOCK_SYSCALLS:
            try:
                flt.add_rule(deny, name, arg(0, ns["MASKED_EQ"], *OTHER_CLOCK_MASK))
            except (OSError, RuntimeError, ValueError):
                pass  # the *_time64 calls: 32-bit architectures only
        for name in HANDLER_SYSCALLS:
            try:
                flt.add_rule(deny, name, arg(1, ns["NE"], 0))
            except (OSError, RuntimeError, ValueError):
                pass  # sigaction, signal: not on every architecture
        for name, index in CREATE_MODE_ARGS.items():
            for bit in (0o4000, 0o2000):  # S_ISUID, S_ISGID: a rule each (one is enough)
                try:
                    flt.add_rule(deny, name, arg(index, ns["MASKED_EQ"], bit, bit))
                except (OSError, RuntimeError, ValueError):
                    pass  # open, creat: not on every architecture
        for request_range in NETWORK_REQUESTS:
            flt.add_rule(deny, "ioctl", arg(1, ns["MASKED_EQ"], 0xFFFFFF00, request_range))
        refused_commands = {**DENIED_COMMANDS}
        refused_commands["ioctl"] += tuple(TERMINAL_CHANGES.values())
        for name, commands in refused_commands.items():
            for command in commands:
                try:
                    flt.add_rule(deny, name, arg(1, ns["MASKED_EQ"], 0xFFFFFFFF, command))
                except (OSError, RuntimeError, ValueError):
                    pass  # fcntl64: only on 32-bit architectures
        flt.load()
    except (OSError, RuntimeError, ValueError) as exc:
        return f"not set up ({exc})"
    try:
        child = os.fork()
    except PermissionError:
        return "verified"
    if child == 0:
        os._exit(0)
    os.waitpid(child, 0)
    return "NOT verified (fork still worked)"


_kernel: dict[str, str] = {}
if sys.platform.startswith("linux"):
    # First of all, while an app run as root has not yet had this process drop root's
    # capabilities: a process without them (a submission graded beside this one) cannot reach
    # one that holds them, and once they are dropped this one is undumpable already. Dropped
    # first, a moment was left in which it could open /proc/<pid>/mem, which stays open after.
    try:
        _kernel["undumpable"] = _undumpable()
    except (OSError, AttributeError) as _exc:
        _kernel["undumpable"] = f"not set ({_exc})"
_die_with_parent(_cfg.pop("parent", None))
_cfg["result_fd"] = _move_result_fd(_cfg)
try:
    for _name, (_soft, _hard) in _cfg["rlimits"].items():
        _which = getattr(resource, _name)
        _cur_hard = resource.getrlimit(_which)[1]
        if _cur_hard != resource.RLIM_INFINITY:
            _hard = min(_hard, _cur_hard)
            _soft = min(_soft, _hard)
        resource.setrlimit(_which, (_soft, _hard))
except (OSError, ValueError, AttributeError) as _exc:
    _fatal(_cfg["result_fd"], f"could not set rlimits: {_exc}")
if sys.platform.startswith("linux"):
    try:
        _kernel["capabilities"] = _drop_capabilities()
    except (OSError, AttributeError) as _exc:
        _kernel["capabilities"] = f"not dropped ({_exc})"
_lock = _cfg.get("landlock")
if _lock is not None and sys.platform.startswith("linux"):
    try:
        _kernel["landlock"] = _landlock(_lock["rw"], _lock["ro"], _lock["list"], _lock["probes"])
    except (OSError, AttributeError, ValueError) as _exc:
        _kernel["landlock"] = f"not set up ({_exc})"
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # before seccomp, which refuses new handlers
# SIGINT's Python handler raised KeyboardInterrupt wherever the main thread was: a thread of the
# code's that sent it to its own process landed it in the grader's frames (its encoder, `_send`),
# and the verdict said "the result could not be encoded", or, as Python exits with 130 after an
# uncaught one, "killed by SIGSYS" (seccomp's answer to that status). Ignored, it raises nothing,
# nor does `_thread.interrupt_main()`; a new handler is refused (hooks, seccomp).
signal.signal(signal.SIGINT, signal.SIG_IGN)
if sys.platform.startswith("linux"):  # before seccomp too: a crash's dump, naming the code's line
    try:
        _kernel["fault dumps"] = _fault_dumps()
    except (OSError, AttributeError, ValueError) as _exc:
        _kernel["fault dumps"] = f"not set ({_exc})"
if _cfg.get("seccomp") and sys.platform.startswith("linux"):
    if len(sys.argv) > 5 and sys.argv[5]:
        _kernel["seccomp"] = _seccomp(sys.argv[5], _cfg["seccomp"])
    else:
        _kernel["seccomp"] = "not available (the pyseccomp binding is not installed)"
_cfg["kernel"] = _kernel
for _mod in [m for m in sys.modules if m == "ctypes" or m.startswith(("ctypes.", "_ctypes"))]:
    del sys.modules[_mod]
sys.path[:] = [p for p in sys.path if p] + [_cfg["site"]]
_ns: dict[str, Any] = {"__name__": "drillbit_child", "__builtins__": dict(vars(builtins))}
_src = sys.argv[2:5]
del sys.argv[1:]
# the command line as the interpreter got it: the marker names the app's pid, which bubblewrap's
# PID namespace otherwise hides (a list the interpreter keeps only to be read)
sys.orig_argv[1:] = []
exec(compile(_src[0], "drillbit/child.py", "exec"), _ns)


def _graded(
    main: Any,
    args: tuple[Any, ...],
    _write: Any = os.write,
    _exit: Any = os._exit,
    _name: Any = type.__dict__["__qualname__"].__get__,
    _str: Any = str.__str__,
) -> None:
    """`main`, and a line on stderr instead of the grader's traceback if it fails.

    Nothing of the code's escapes `main`, but the grader's own code can fail under what the
    code changed for the whole process: a thread of the code's that kept setting the
    recursion limit to 8 made the grader's next call a RecursionError, whose traceback
    (the grader's frames) was the child's stderr (forty-sixth round). What it needs is taken
    here, as defaults, before any submitted code runs (this module's globals are in its
    reach; a tuple of defaults, not a keyword-only dict it could change in place).
    """
    try:
        main(*args)
    except BaseException as exc:  # noqa: BLE001 - the grader's own failure, told in one line
        try:
            kind = _str(_name(type(exc)))
        except BaseException:  # noqa: BLE001 - a class of the code's: not named
            kind = "an exception"
        line = (
            f"drillbit sandbox: the grader stopped on {kind} after your code ran; did a thread"
            " of yours change a setting of the whole process (the recursion limit)?\n"
        )
        try:
            _write(2, line.encode())
        finally:
            _exit(1)


# the child's classes lead submitted code to `_ns`: the grader runs from a private copy of it
_graded(_ns["private_namespace"](_ns)["main"], (_cfg, _src[1], _src[2]))
