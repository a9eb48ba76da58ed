"""Attacks on what the child's grader still does after the submission ran (the thirty-first
round): the stdlib and numpy code it calls to send each result, the builtins it shares, the
result pipe it shares, and what would run after the verdict.

The naive sigmoid overflows on the drill's large inputs; each attack tries to make it pass.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
from collections.abc import Mapping
from typing import Any, ClassVar

import numpy as np
import pytest

from engine.checkers import get_checker
from engine.checkers.base import Case, Outcome
from engine.grade_sandboxed import grade
from engine.sandbox import WorkerPool
from engine.sandbox.config import child_sources
from engine.verdict import CaseResult, CaseStatus, Status
from tests.sandbox.drills import DoubleChecker, PatientDoubleChecker, PatientSigmoid
from tests.sandbox.helpers import shown

SIGMOID = get_checker("nn.activations.sigmoid")
OVERFLOW = "numpy reported overflow during the call"
NAIVE = "\ndef sigmoid(z):\n    return 1 / (1 + np.exp(-z))\n"


class StrictDoubleChecker(DoubleChecker):
    """double(x) on one 64x64 input (32 KiB, past the wire's small-copy size), failing on
    any floating-point event, as the stability drills do."""

    name: ClassVar[str] = "tests.strict-double"
    fp_strict: ClassVar[bool] = True

    def make_cases(self, rng: np.random.Generator, params: Mapping[str, Any]) -> list[Case]:
        x = rng.standard_normal((64, 64))
        inputs = {"fn": "double", "args": [x]}
        return [Case(name="large", inputs=inputs, describe="64x64", private={"expected": 2 * x})]

    def judge(self, case: Case, outcome: Outcome) -> CaseResult:
        if outcome.fp_warnings:
            message = f"{OVERFLOW}: {', '.join(outcome.fp_warnings)}"
            return CaseResult(name=case.name, status=CaseStatus.FAILED, message=message)
        return super().judge(case, outcome)


SENDING = {
    # JSONEncoder.encode looks up iterencode on its class at every call
    "json-iterencode": """
        import json.encoder
        import numpy as np
        _iterencode = json.encoder.JSONEncoder.iterencode
        def iterencode(self, o, _one_shot=False):
            if type(o) is dict and o.get("t") == "result":
                o["fp"] = []
            return _iterencode(self, o, _one_shot)
        json.encoder.JSONEncoder.iterencode = iterencode
    """,
    # json's Python code calls isinstance from the builtins every module shares
    "builtins-isinstance-in-json": """
        import builtins
        import numpy as np
        _isinstance = isinstance
        def spy(o, t):
            if type(o) is dict and o.get("t") == "result":
                o["fp"] = []
            return _isinstance(o, t)
        builtins.isinstance = spy
    """,
}


@pytest.mark.parametrize("trick", list(SENDING))
def test_the_code_that_sends_a_result_cannot_be_patched_to_drop_its_flags(
    pool: WorkerPool, trick: str
) -> None:
    """The result's header was encoded by json's Python code, which a submission patched to
    empty the overflow flag: a naive sigmoid passed. The C encoder alone encodes it now."""
    verdict = grade(SIGMOID, textwrap.dedent(SENDING[trick]) + NAIVE, seed=11, pool=pool)
    assert verdict.status is Status.FAILED, shown(verdict)
    assert OVERFLOW in shown(verdict), shown(verdict)


LARGE_RESULT = {
    "np-copyto": ("copyto", "dst"),
    "np-frombuffer": ("frombuffer", "buffer"),
}
REWRITER = """
import numpy as np
_original = np.{name}
def {name}({first}, *args, **kwargs):
    out = _original({first}, *args, **kwargs)
    buf = {first}
    while isinstance(buf, np.ndarray):
        buf = buf.base
    if isinstance(buf, (bytearray, memoryview)):
        at = bytes(buf[:65536]).find(b'"fp":["overflow"]')
        if at >= 0:
            buf[at : at + 17] = b'"fp":[          ]'
    return out
np.{name} = {name}
def double(x):
    np.exp(np.array([1000.0]))
    return 2 * x
"""


@pytest.mark.parametrize("trick", list(LARGE_RESULT))
def test_numpy_functions_the_wire_calls_cannot_rewrite_a_header(
    pool: WorkerPool, trick: str
) -> None:
    """A large result is copied into its message's buffer, header and all: a submission that
    replaced np.copyto (or np.frombuffer) was handed that buffer and blanked its overflow
    flag. The wire takes its own references to them as it loads."""
    name, first = LARGE_RESULT[trick]
    source = REWRITER.format(name=name, first=first)
    verdict = grade(StrictDoubleChecker(), source, seed=3, pool=pool)
    assert verdict.status is Status.FAILED, shown(verdict)
    assert f"{OVERFLOW}: overflow" in shown(verdict), shown(verdict)


SWALLOWER = """
import json, os, stat, struct
import numpy as np

KINDS = ("overflow", "divide by zero", "invalid value", "underflow")
TICKS = np.geterrcall().__defaults__[0]
CALLS = [0]

def _pipe():
    found = []
    for fd in range(3, 4096):
        try:
            if stat.S_ISSOCK(os.fstat(fd).st_mode):  # the result channel
                found.append(fd)
        except OSError:
            pass
    return found[-1]

def _counts():
    return [int(repr(tick.__self__)[6:-1]) for _, tick in TICKS]

def _frame(kind, payload):
    return struct.pack(">cI", kind, len(payload)) + payload

def _dumps(body):
    return json.dumps(body, separators=(",", ":")).encode()

def sigmoid(z):
    index = CALLS[0]
    CALLS[0] += 1
    before = _counts()
    out = 1 / (1 + np.exp(-z))
    fp = [kind for kind, b, a in zip(KINDS, before, _counts()) if a > b]
    data = out.tobytes()
    start = os.times()  # the grader's CPU figure, read just after a tick
    while True:
        now = os.times()
        if now.user + now.system != start.user + start.system:
            break
    genuine = {"t": "result", "i": index, "error": None, "mutated": [], "fp": fp,
               "cpu": round(now.user + now.system, 3), "out": {"$d": {"out": {"$a": 0}}},
               "n": 1, "arrays": [["<f8", list(out.shape)]]}
    size = len(_frame(b"J", _dumps(genuine))) + 5 + len(data)
    forged = dict(genuine, fp=[], arrays=[["<f8", list(out.shape)], ["|u1", [size]]])
    padded = -(-len(data) // 16) * 16
    os.write(_pipe(), _frame(b"J", _dumps(forged)) + struct.pack(">cI", b"B", padded + size)
             + data + bytes(padded - len(data)))
    return out
"""


def test_a_forged_result_cannot_swallow_the_graders_own(pool: WorkerPool) -> None:
    """The submission shares the result pipe: it wrote its own result for each case, without
    the overflow flag, whose bulk frame declared a spare array as long as the grader's genuine
    frame that followed, so the genuine frame became that array's bytes and the naive sigmoid
    passed (three runs of three on this machine). Every message of the grader now carries the
    worker's token, which only the job holds: the forged one is refused."""
    verdict = grade(SIGMOID, SWALLOWER, seed=11, pool=pool)
    assert verdict.status is Status.INVALID, shown(verdict)
    assert "result channel" in shown(verdict), shown(verdict)


BLANK = """
import re
import numpy as np
def blank(data):
    return re.sub(rb'"fp":\\[[^\\]]*\\]',
                  lambda m: b'"fp":[' + b" " * (len(m.group()) - 7) + b"]", bytes(data))
def grader_namespace(class_name, method):
    for cls in object.__subclasses__():
        if cls.__name__ == class_name and method in vars(cls):
            return vars(cls)[method]
"""
IN_REACH = """
def held():
    for module in list(sys.modules.values()):
        yield from list(getattr(module, "__dict__", {}).values())
    todo, seen = [object], set()
    while todo:
        cls = todo.pop()
        if id(cls) not in seen:
            seen.add(id(cls))
            todo.extend(type.__subclasses__(cls))
            yield from list(vars(cls).values())
"""
"""`held()`: every value a module or a class holds, as submitted code walks them (the
whole of `sys.modules`, then every class through `type.__subclasses__`)."""

NAMESPACES = {
    # a method of the child's own class leads to the child's namespace
    "the-childs-send": """
        G = grader_namespace("_JobReader", "next").__globals__
        _send = G["_send"]
        G["_send"] = lambda fd, data: _send(fd, blank(data))
    """,
    # and one of the wire's to the wire's
    "the-wires-dumps": """
        G = grader_namespace("Encoder", "encode").__globals__
        _dumps = G["_dumps"]
        def dumps(body):
            body.pop("fp", None)
            body["fp"] = []
            return _dumps(body)
        G["_dumps"] = dumps
    """,
    # a function's __builtins__ is the builtins its module's functions call
    "the-childs-builtins": """
        B = grader_namespace("_JobReader", "next").__builtins__
        _memoryview = B["memoryview"]
        B["memoryview"] = lambda data: _memoryview(blank(data))
    """,
    # the lenient shutil.copymode the child installs is a function of the child's too
    "through-shutils-lenient-copy": """
        import shutil
        G = shutil.copymode.__globals__
        if "_send" in G:
            _send = G["_send"]
            G["_send"] = lambda fd, data: _send(fd, blank(data))
    """,
    # the child's own stand-ins in modules the code imports: each is a function of the child's
    # (signal.signal's stand-in was, and its globals were the private namespace main runs from)
    "through-the-stand-ins": """
        import _imp, gc, signal
        for stand_in in (signal.signal, gc.set_debug, _imp.create_builtin):
            G = getattr(stand_in, "__globals__", {})
            if "_send" in G:
                _send = G["_send"]
                G["_send"] = lambda fd, data, _send=_send: _send(fd, blank(data))
    """,
    # and every function a module or a class holds
    "through-every-function-in-reach": """
import sys, types
def patched(G):
    if "_send" in G and "_blanked" not in G:
        _send = G["_send"]
        G["_send"] = lambda fd, data, _send=_send: _send(fd, blank(data))
        G["_blanked"] = True
"""
    + IN_REACH
    + """
for value in held():
    value = getattr(value, "__func__", value)
    if type(value) is types.FunctionType:
        patched(value.__globals__)
""",
}


@pytest.mark.parametrize("trick", list(NAMESPACES))
def test_the_graders_namespace_reached_through_its_classes_changes_nothing(
    pool: WorkerPool, trick: str
) -> None:
    """`object.__subclasses__()` finds the child's and the wire's classes, and a method's
    `__globals__` and `__builtins__` (no audit event covers either) are their namespaces: a
    submission replaced what the grader calls to send a result and blanked its overflow
    flag, and a naive sigmoid passed. The grader now runs from private copies of both, and
    the functions the child puts in modules the code imports (signal.signal's stand-in, whose
    globals were that private copy) have empty globals."""
    source = BLANK + textwrap.dedent(NAMESPACES[trick]) + NAIVE
    verdict = grade(PatientSigmoid(), source, seed=11, pool=pool)
    assert verdict.status is Status.FAILED, shown(verdict)
    assert OVERFLOW in shown(verdict), shown(verdict)


# The child's numpy set-up, run from a private namespace as `main` runs it, with the collector
# off: whatever it made and dropped is still alive, as it was in a child where no collection
# freed it before the submission loaded. Then every function in reach, walked as the
# "through-every-function-in-reach" submission walks it.
SET_UP_UNCOLLECTED = (
    """
import builtins, gc, sys, types
import numpy as np
namespace = {"__name__": "drillbit_child", "__builtins__": dict(vars(builtins))}
exec(compile(sys.stdin.read(), "drillbit/child.py", "exec"), namespace)
private = namespace["private_namespace"](namespace)
gc.disable()
private["_warm"](np)
private["_interface_slots"](np)
private["refuse_dangling_resize"](np)
private["bound_wrapped_indices"](np)
assert private["vet_array_constructor"](np), "the constructor was not vetted"
private["keep_copies_working"]()
import shutil
"""
    + IN_REACH
    + """
walked = 0
for value in held():
    value = getattr(value, "__func__", value)
    if type(value) is types.FunctionType:
        walked += 1
        if value.__globals__ is private:
            print("private:", value.__qualname__)
print("walked", walked)
"""
)


def test_nothing_the_set_up_left_for_the_collector_runs_from_the_graders_namespace() -> None:
    """A class `vet_array_constructor` defined in its body had a `__new__` whose `__globals__`
    were the private namespace the grader runs from; it lived, reachable through
    `object.__subclasses__()`, until the collector freed it, which it had not in one child of
    a CI run (fiftieth round): the "through-every-function-in-reach" submission replaced
    `_send` there and passed. With the collector off, that child is every child."""
    child = child_sources()[1]
    done = subprocess.run(
        [sys.executable, "-c", SET_UP_UNCOLLECTED],
        input=child,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[-1].startswith("walked ") and int(lines[-1].split()[1]) > 1000, done.stdout
    assert lines[:-1] == [], done.stdout


HELD = {
    # the child's grader has builtins of its own: one patched here reaches only the
    # submission's modules
    "builtins-patched-to-blind-the-counts": """
        import builtins
        import numpy as np
        _zip, _int = zip, int
        def sigmoid(z):
            out = 1 / (1 + np.exp(-z))
            builtins.zip = lambda *args, **kwargs: iter(())
            builtins.int = lambda x=0, *args, **kwargs: 0 if type(x) is _int else _int(x, *args)
            builtins.any = lambda *args: False
            return out
    """,
    # the child leaves by os._exit once its results are sent: no handler of the submission's
    # runs after the verdict, and none can send a message then
    "exit-handlers-and-finalizers": """
        import atexit, weakref
        import numpy as np
        class Late:
            pass
        KEEP = Late()
        atexit.register(print, "ran after the verdict")
        weakref.finalize(KEEP, print, "ran after the verdict")
        def sigmoid(z):
            return 1 / (1 + np.exp(-z))
    """,
    # a true second copy of numpy's core needs its file copied first: 10 MB, past the
    # file-size limit (the README counts on it)
    "numpys-core-copied-to-be-loaded-again": """
        import errno
        import numpy as np
        from numpy._core import _multiarray_umath as core
        try:
            with open(core.__file__, "rb") as src, open("core_copy.so", "wb") as dst:
                while chunk := src.read(1 << 20):
                    dst.write(chunk)
        except OSError as exc:
            REFUSED = exc.errno == errno.EFBIG
        else:
            REFUSED = False
        def sigmoid(z):
            if not REFUSED:
                raise RuntimeError("numpy's core was copied whole")
            return 1 / (1 + np.exp(-z))
    """,
    # a result must be of an exact plain type: a float subclass that says it equals anything
    # is not sent
    "a-float-that-equals-anything": """
        class Liar(float):
            def __eq__(self, other):
                return True
            __hash__ = float.__hash__
        def sigmoid(z):
            return Liar(0.5)
    """,
}


@pytest.mark.parametrize("trick", list(HELD))
def test_what_already_held(pool: WorkerPool, trick: str) -> None:
    """Attempts of the thirty-first round that the sandbox already stopped: kept as tests of
    the property that stopped them."""
    verdict = grade(SIGMOID, textwrap.dedent(HELD[trick]), seed=11, pool=pool)
    assert not verdict.passed, shown(verdict)
    assert "ran after the verdict" not in verdict.stdout + verdict.stderr
    if trick == "a-float-that-equals-anything":
        assert verdict.status is Status.INVALID and "Liar" in shown(verdict), shown(verdict)
    else:
        assert OVERFLOW in shown(verdict), shown(verdict)


FORGE = """
import os, sys, types
import numpy as np

def naive(z):
    return 1 / (1 + np.exp(-z))

def forge(frame):
    \"\"\"From a frame of the grader's: main's, its token, and a result for every case.\"\"\"
    while frame.f_code.co_name != "main":
        frame = frame.f_back
    v = frame.f_locals
    token, frame_token, fd = v["token"], v["frame_token"], v["fd"]
    arrays = v["wire"]["Arrays"](v["fields"].get("arrays"), v["data"])
    for i, raw in enumerate(v["raw_cases"]):
        inputs = v["decode"](raw, arrays, allow_str=True, path=("cases", i), depth=1)
        out = v["run_case"]({"sigmoid": naive}, inputs)
        head = {"t": "result", "k": token, "i": i, "error": None, "mutated": [], "fp": []}
        os.write(fd, v["encode_message"](
            {**head, "cpu": 0.0}, {"out": out}, allow_str=False, token=frame_token))
    os.write(fd, v["message"]({"t": "done", "k": token}, token=frame_token))
    os._exit(0)
"""
NAMED_TO_FORGE = (
    FORGE
    + """
class Name(str):
    def __str__(self):  # ran while the grader walked the traceback, its frames in reach
        forge(sys._getframe(1))

def boom():
    raise ValueError("raised from a function whose code was renamed")

boom = types.FunctionType(boom.__code__.replace(co_name=Name("boom")), globals())

def sigmoid(z):
    boom()
"""
)


def test_a_renamed_functions_name_runs_no_code_in_the_traceback_walk(pool: WorkerPool) -> None:
    """A code object's name can be a str subclass of the submission's (`code.replace`), and the
    grader's walk over a traceback, its frame guard open, called `str()` on it: that __str__
    took the job's token from the grader's frame, sent a result of its own for every case with
    no overflow reported, and a naive sigmoid passed, in every mode. The name is now copied
    without running any of the code's methods; and since the forty-seventh round the code
    object is not made at all: `code.replace` is refused as the file loads (code objects made
    from bytes, `CODE_FROM_BYTES` in engine/sandbox/child.py), the only way to such a name."""
    verdict = grade(PatientSigmoid(), NAMED_TO_FORGE, seed=11, pool=pool)
    assert not verdict.passed, shown(verdict)
    assert "making code objects from bytes" in shown(verdict), shown(verdict)


KEPT_GARBAGE = """
import gc, sys, types
import numpy as np

gc.set_debug(gc.DEBUG_SAVEALL)


class Out:
    def write(self, text):
        return len(text)

    def flush(self):  # the grader calls it once the file loaded, and swallows what it raises
        bait = ValueError("bait")
        bait.itself = bait  # a cycle: the exception, its traceback and the grader's frame
        raise bait


sys.stdout = Out()


def sigmoid(z):
    gc.collect()
    for frame in [f for f in gc.garbage if type(f) is types.FrameType]:
        while frame is not None and frame.f_code.co_name != "main":
            frame = frame.f_back
        if frame is not None:
            raise RuntimeError("the job's token: " + frame.f_locals["token"])
    return 1 / (1 + np.exp(-z))
"""


def test_the_collectors_kept_garbage_holds_no_frame_of_the_graders(pool: WorkerPool) -> None:
    """With `gc.DEBUG_SAVEALL`, what the collector finds unreachable is kept in `gc.garbage`,
    which no audit event covers: the traceback of an exception the grader swallowed (from the
    code's own stdout's `flush`) held a frame of the grader's, and its caller's, `main`'s,
    held the job's token, with which a naive sigmoid sent results of its own and passed. The
    flag is refused now (and a second copy of `gc`, whose `set_debug` would be the original)."""
    verdict = grade(PatientSigmoid(), KEPT_GARBAGE, seed=11, pool=pool)
    assert "the job's token" not in shown(verdict), shown(verdict)
    assert "gc.DEBUG_SAVEALL" in shown(verdict) and "is not allowed" in shown(verdict)


HOOKED_TO_FORGE = (
    FORGE
    + """
SEEN = []

def hook(event, args):  # handed the grader's own events: the walk of a traceback among them
    if not SEEN and event == "object.__getattr__" and len(args) > 1 and args[1] == "tb_frame":
        SEEN.append(event)  # its own read of tb_frame is an event too
        forge(args[0].tb_frame)

sys.addaudithook(hook)

def sigmoid(z):
    raise ValueError("a traceback for the grader to walk")
"""
)


def test_an_audit_hook_of_the_codes_is_not_added(pool: WorkerPool) -> None:
    """An audit hook is handed every event, the grader's own too: one added by the code saw
    the grader read `tb_frame` while it walked the call's traceback, its frame guard open,
    read the frame itself, took the job's token from `main`'s and sent a passing result of
    its own for a naive sigmoid. `sys.addaudithook` is refused now (Python drops the hook
    without a word), and the call's error is reported as raised."""
    verdict = grade(PatientSigmoid(), HOOKED_TO_FORGE, seed=11, pool=pool)
    assert not verdict.passed, shown(verdict)
    assert "a traceback for the grader to walk" in shown(verdict), shown(verdict)


STAND_INS_REWRITTEN = """
import gc, os
G = grader_namespace("_JobReader", "next").__globals__  # the child's own namespace
for function, name, value in (
    ("_vetted_debug_flags", "_saveall", 0),
    ("_this_process", "_own", os.getppid() or 1),
):
    if G.get(function) is not None and G[function].__kwdefaults__:
        G[function].__kwdefaults__[name] = value  # in place: no audit event covers it
        G[function] = lambda *args, **kwargs: args
gc.DEBUG_SAVEALL = 0
FOUND = {}
for label, call in (
    ("saveall", lambda: gc.set_debug(32)),
    ("nice", lambda: os.setpriority(os.PRIO_PROCESS, os.getppid() or 1, 19)),
):
    try:
        call()
        FOUND[label] = "done"
    except Exception as exc:
        FOUND[label] = "refused" if "drillbit sandbox" in str(exc) else repr(exc)

def double(x):
    raise RuntimeError("found " + repr(FOUND))
"""


def test_the_stand_ins_checks_cannot_be_rewritten(pool: WorkerPool) -> None:
    """The checks behind `gc.set_debug` and `os.setpriority` run from the grader's private
    namespace, each with its constants bound when the child starts: the child's own namespace,
    which the code reaches through its classes, shared its functions' keyword defaults (a dict
    changed in place) with the private copies, and a module's constant (`gc.DEBUG_SAVEALL`)
    can be replaced."""
    message = shown(grade(PatientDoubleChecker(), BLANK + STAND_INS_REWRITTEN, seed=1, pool=pool))
    assert "'saveall': 'refused'" in message and "'nice': 'refused'" in message, message
