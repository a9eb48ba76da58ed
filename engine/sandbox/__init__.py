"""The sandbox: the child runner, the wire protocol, bubblewrap, and the warm worker pool.

Layers, each listed in a verdict's `isolation` only when verified for that run:

* process: a fresh `python -I -B -S` per submission (new session, temp work dir beneath a
  folder no child can list or write, allow-listed environment, sys.path = stdlib + numpy
  only; the system's and the base interpreter's package folders hidden);
* rlimits, set by a launcher inside the child before any user code (the child
  reads them back and reports them);
* wall clock: the parent SIGKILLs the process group (and with it the bwrap PID
  namespace) at the drill's deadline; a child dies with the app (bwrap's
  --die-with-parent, else PR_SET_PDEATHSIG, which seccomp keeps it from clearing);
* audit hooks (installed after numpy is imported, self-checked): no processes,
  sockets, ctypes, signals to others, writes outside the work dir, engine/quiz,
  and no stack frames once submitted code runs; they explain refusals, the
  kernel layers below enforce them;
* seccomp (launcher, both modes, via pyseccomp over libseccomp): no fork/exec,
  sockets, signals/pidfds/ptrace/scheduling changes to others (F_SETOWN and
  FIOSETOWN too: a descriptor's owner is signalled), System V and POSIX message
  IPC, mknod, mount, namespaces, setsid or limit changes, file modes, owners,
  times, attributes, flags, leases and truncation by path (Landlock covers none),
  inotify/fanotify/dnotify, root's powers (clock, host name, kernel log), and closing or
  replacing descriptor 2, where the fault handler writes; threads stay allowed;
* Landlock (launcher, without bubblewrap, kernel >= 5.13): read the stdlib,
  numpy and system libraries, write only the work dir, which the parent also
  holds to 64 MiB;
* bubblewrap, when its canary passes here (DRILLBIT_SANDBOX_BWRAP=0 turns it off,
  =1 requires it): no network, private PID/IPC/UTS namespaces, only /usr, the
  interpreter and numpy mounted read-only, a tmpfs home and a 16 MiB /dev/shm;
* results: length-prefixed JSON and bulk frames on a dedicated pipe; each
  message's array table (dtypes from a fixed numeric set, shapes, sizes) is
  checked against its one buffer before any array is built, never unpickled;
  the parent judges every case itself.

Public: `WorkerPool`, `default_pool`, `isolation_report`, `SandboxConfig`,
`SandboxUnavailableError`. Grading goes through `engine.grade_sandboxed.grade`.
"""

from engine.sandbox.config import SandboxConfig
from engine.sandbox.isolation import isolation_report
from engine.sandbox.pool import SandboxUnavailableError, WorkerPool, default_pool

__all__ = [
    "SandboxConfig",
    "SandboxUnavailableError",
    "WorkerPool",
    "default_pool",
    "isolation_report",
]
