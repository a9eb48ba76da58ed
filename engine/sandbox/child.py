"""The sandbox child's runner, shipped as source text and exec'd by the launcher.

Phases: import and warm numpy (the warm worker stops here), install the audit
hooks, report ``ready``, block on the job, then exec the user's code and run
each case through the runtime's ``execute_case``, streaming one result
message per case over the dedicated result pipe. Nothing here is trusted by
the parent: it re-validates every byte and decides every verdict itself.
It imports only numpy and the standard library.
"""

import json
import os
import stat
import sys
from collections.abc import Callable
from typing import Any

_write = os.write
_read = os.read
_exit = os._exit
_lstat = os.lstat
_stat = os.stat
_readlink = os.readlink
_fsdecode = os.fsdecode
_getpid = os.getpid
_S_ISLNK = stat.S_ISLNK
_S_ISDIR = stat.S_ISDIR
_WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_APPEND | os.O_CREAT | os.O_TRUNC

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
PRIVATE_PACKAGES = {"engine", "quiz"}
PATH_WRITE_EVENTS = {
    "os.remove",
    "os.rmdir",
    "os.mkdir",
    "os.rename",
    "os.chmod",
    "os.chown",
    "os.truncate",
    "os.utime",
    "os.setxattr",
    "os.removexattr",
    "shutil.rmtree",
    "shutil.copyfile",
    "shutil.copymode",
    "shutil.copystat",
    "shutil.copytree",
    "shutil.move",
}
PATH_READ_EVENTS = {"os.listdir", "os.scandir", "os.listxattr", "os.getxattr", "glob.glob"}


def _send(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        try:
            n = _write(fd, view)
        except BrokenPipeError:
            _exit(4)
        view = view[n:]


def _within(path: str, root: str) -> bool:
    return path == root or path.startswith(root.rstrip("/") + "/")


class PathPolicy:
    """Where the child may read and write, resolved with functions captured before user code."""

    def __init__(self, workdir: str, forbidden: list[str], allowed: list[str]) -> None:
        self.workdir = workdir
        self.forbidden = tuple(forbidden)
        self.allowed = tuple(allowed)

    def resolve(self, path: Any) -> str | None:
        """An absolute path with every symlink followed; None for a file descriptor."""
        if type(path) is int:
            return None
        text = _fsdecode(path)
        if not text.startswith("/"):
            text = self.workdir + "/" + text
        pending = text.split("/")
        pending.reverse()
        out: list[str] = []
        links = 0
        while pending:
            part = pending.pop()
            if part in ("", "."):
                continue
            if part == "..":
                if out:
                    out.pop()
                continue
            candidate = "/" + "/".join([*out, part])
            try:
                mode = _lstat(candidate).st_mode
            except (OSError, ValueError):
                out.append(part)
                continue
            if _S_ISLNK(mode):
                links += 1
                if links > 40:
                    return candidate
                target = _readlink(candidate)
                if target.startswith("/"):
                    out = []
                pieces = target.split("/")
                pieces.reverse()
                pending.extend(pieces)
            else:
                out.append(part)
        return "/" + "/".join(out)

    def check_read(self, resolved: str) -> str | None:
        """Why reading `resolved` is refused, or None."""
        if any(_within(resolved, root) for root in self.allowed):
            return None
        if _within(resolved, "/proc"):
            return "reading /proc"
        if any(_within(resolved, root) for root in self.forbidden):
            return "reading the grader's files"
        return None

    def check_write(self, resolved: str) -> str | None:
        """Why writing `resolved` is refused, or None."""
        if _within(resolved, self.workdir) or resolved == "/dev/null":
            return None
        return "writing outside the work directory"


def install_hooks(cfg: dict[str, Any]) -> None:
    """Refuse what a drill never needs; installed once numpy is imported."""
    policy = PathPolicy(cfg["workdir"], cfg["forbidden"], cfg["allowed"])
    own_pid = _getpid()

    def refuse(what: str) -> PermissionError:
        return PermissionError(f"drillbit sandbox: {what} is not allowed in a drill")

    def hook(event: str, args: tuple[Any, ...]) -> None:
        if event == "open":
            path, mode, flags = args
            resolved = policy.resolve(path)
            if resolved is None:
                return
            writing = (type(flags) is int and flags & _WRITE_FLAGS) or (
                type(mode) is str and any(c in mode for c in "wax+")
            )
            reason = policy.check_write(resolved) if writing else policy.check_read(resolved)
            if reason is None:
                try:
                    if _S_ISDIR(_stat(resolved).st_mode):
                        reason = "opening a directory"
                except (OSError, ValueError):
                    pass
            if reason is not None:
                raise refuse(f"{reason} ({resolved})")
            return
        if event == "import":
            name = args[0]
            top = name.partition(".")[0] if type(name) is str else ""
            if top in PRIVATE_PACKAGES:
                raise ModuleNotFoundError(
                    f"No module named {name!r}: the grader's code is not available in the sandbox"
                )
            if top in REFUSED_IMPORTS:
                raise ModuleNotFoundError(
                    f"No module named {name!r}: the sandbox does not provide it to drills"
                )
            return
        if event in REFUSED_EVENTS:
            raise refuse(REFUSED_EVENTS[event])
        for prefix, what in REFUSED_PREFIXES.items():
            if event.startswith(prefix):
                raise refuse(what)
        if event == "os.kill":
            if args[0] != own_pid:
                raise refuse("signalling other processes")
            return
        if (
            event == "object.__setattr__"
            and len(args) > 1
            and args[1]
            in (
                "__code__",
                "__defaults__",
                "__kwdefaults__",
            )
        ):
            raise refuse("rewriting functions")
        if event in PATH_WRITE_EVENTS or event in PATH_READ_EVENTS:
            for arg in args[:2]:
                if type(arg) in (str, bytes):
                    resolved = policy.resolve(arg)
                    if resolved is None:
                        continue
                    reason = (
                        policy.check_write(resolved)
                        if event in PATH_WRITE_EVENTS
                        else policy.check_read(resolved)
                    )
                    if reason is not None:
                        raise refuse(f"{reason} ({resolved})")

    for name in list(sys.modules):
        if name.partition(".")[0] in REFUSED_IMPORTS:
            del sys.modules[name]
    sys.addaudithook(hook)


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


def _warm(np: Any) -> None:
    """Touch what a typical drill touches so the first case pays no lazy-import cost."""
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


def _flush_stdio() -> None:
    for stream in (sys.stdout, sys.stderr, sys.__stdout__, sys.__stderr__):
        try:
            if stream is not None:
                stream.flush()
        except BaseException:  # noqa: BLE001, S110 - the user may have replaced the stream
            pass


def _base_error(exc: BaseException, when: str) -> str:
    if isinstance(exc, SystemExit):
        return (
            f"SystemExit: sys.exit({exc.code!r}) was called {when}; a drill must return, not exit"
        )
    if isinstance(exc, KeyboardInterrupt):
        return f"KeyboardInterrupt {when}"
    return f"{type(exc).__name__} {when}"


def _read_job(wire: dict[str, Any]) -> tuple[dict[str, Any], list[bytes]]:
    reader = wire["FrameReader"](1 << 40)
    while True:
        data = _read(0, 1 << 20)
        if not data:
            _exit(0)  # the parent went away without a job: nothing to do
        messages = reader.feed(data)
        if messages:
            fields, arrays = messages[0]
            return fields, arrays


def main(cfg: dict[str, Any], wire_src: str, runtime_src: str) -> None:
    """Warm up, install hooks, report ready, run one job, exit."""
    fd = cfg["result_fd"]

    def fatal(text: str) -> None:
        body = json.dumps({"t": "fatal", "message": text, "n": 0}).encode()
        _send(fd, b"J" + len(body).to_bytes(4, "big") + body)
        _exit(3)

    try:
        import numpy as np

        wire: dict[str, Any] = {"__name__": "drillbit_wire"}
        exec(compile(wire_src, "drillbit/wire.py", "exec"), wire)
        runtime: dict[str, Any] = {"__name__": "drillbit_runtime"}
        exec(compile(runtime_src, "drillbit/runtime.py", "exec"), runtime)
        _warm(np)
    except BaseException as exc:  # noqa: BLE001 - reported to the parent as an internal error
        fatal(f"numpy could not be imported under the sandbox limits: {type(exc).__name__}: {exc}")
        return
    import resource

    limits = {name: list(resource.getrlimit(getattr(resource, name))) for name in cfg["rlimits"]}
    verified = False
    if cfg["hooks"]:
        install_hooks(cfg)
        verified = hooks_verified(cfg)
    message: Callable[..., bytes] = wire["message"]
    encode_message: Callable[..., bytes] = wire["encode_message"]
    wire_error: type[Exception] = wire["WireError"]
    _send(
        fd,
        message(
            {
                "t": "ready",
                "pid": _getpid(),
                "rlimits": limits,
                "hooks": verified,
                "numpy": np.__version__,
            }
        ),
    )

    fields, arrays = _read_job(wire)
    job = wire["decode"](fields["job"], arrays, allow_str=True)
    execute_case = runtime["execute_case"]
    harness_ns: dict[str, Any] = {"__name__": f"harness_{job['harness_name']}"}
    exec(compile(job["harness"], f"harness/{job['harness_name']}.py", "exec"), harness_ns)
    run_case = harness_ns["run_case"]

    def load_error(kind: str, text: str, **extra: Any) -> None:
        _flush_stdio()
        _send(fd, message({"t": "load_error", "kind": kind, "message": text, **extra}))
        _exit(0)

    source: str = job["source"]
    filename = runtime["SUBMISSION_FILENAME"]
    try:
        code = compile(source, filename, "exec")
    except SyntaxError as exc:
        line = (exc.text or "").strip()
        text = f"{type(exc).__name__}: {exc.msg} (line {exc.lineno})"
        load_error(
            "syntax", f"{text}\n  line {exc.lineno}: {line}" if line else text, line=exc.lineno
        )
        return
    except (ValueError, MemoryError, RecursionError) as exc:
        load_error("syntax", f"{type(exc).__name__}: your code could not be compiled: {exc}")
        return
    import linecache

    linecache.cache[filename] = (len(source), None, source.splitlines(True), filename)
    namespace: dict[str, Any] = {"__name__": "submission", "__file__": filename}
    try:
        exec(code, namespace)
    except MemoryError as exc:  # numpy's _ArrayMemoryError too
        load_error("memory", runtime["format_user_error"](exc))
        return
    except Exception as exc:
        load_error("exception", runtime["format_user_error"](exc))
        return
    except BaseException as exc:  # noqa: BLE001 - SystemExit & co. at import time
        load_error("exception", _base_error(exc, "while loading your code"))
        return
    fns: dict[str, Any] = {}
    missing: list[str] = []
    for name in job["entries"]:
        fn = namespace.get(name)
        if callable(fn):
            fns[name] = fn
        else:
            missing.append(name)
    if missing:
        defined = []
        for name, value in namespace.items():
            code_obj = getattr(value, "__code__", None)
            if code_obj is not None and getattr(code_obj, "co_filename", None) == filename:
                defined.append([name, code_obj.co_firstlineno])
        load_error("missing", "", missing=missing, defined=defined[:20])
        return
    _flush_stdio()
    _send(fd, message({"t": "loaded"}))

    remaining = cfg["result_limit"]
    for index, inputs in enumerate(job["cases"]):
        try:
            raw = execute_case(run_case, fns, inputs, job["fp_strict"])
        except BaseException as exc:  # noqa: BLE001 - SystemExit in a call
            raw = {
                "outputs": None,
                "error": _base_error(exc, "during the call"),
                "mutated": [],
                "fp_warnings": [],
            }
        head = {
            "t": "result",
            "i": index,
            "error": raw.get("error"),
            "mutated": list(raw.get("mutated", [])),
            "fp": list(raw.get("fp_warnings", [])),
        }
        try:
            values = {} if raw.get("outputs") is None else {"out": raw["outputs"]}
            frame = encode_message(head, values, allow_str=False, limit=remaining)
        except wire_error as exc:
            frame = message({**head, "invalid": str(exc)})
        except BaseException as exc:  # noqa: BLE001 - e.g. a MemoryError while encoding
            frame = message({**head, "invalid": f"the result could not be encoded ({exc!r:.200})"})
        if len(frame) > remaining:
            frame = message(
                {
                    **head,
                    "invalid": f"the result is too large (limit {cfg['result_limit'] >> 20} MiB)",
                }
            )
        remaining -= len(frame)
        _send(fd, frame)
    _flush_stdio()
    _send(fd, message({"t": "done"}))
    _exit(0)
