"""Runs one case of a harness and reports plain data; shared by the child and in-process runs.

Shipped to the child as source text, so it imports only numpy and the stdlib.
"""

from __future__ import annotations

import contextvars
import itertools
import sys
import traceback  # noqa: F401 - loaded before the audit hooks: its import sets __defaults__, which they refuse
import types
from collections.abc import Callable
from typing import Any

import numpy as np
from numpy._core import _multiarray_umath, _ufunc_config  # type: ignore[attr-defined]
from numpy._core import umath as _umath

SUBMISSION_FILENAME = "submission.py"

# Private references, taken when this file is executed (before any submission is
# loaded). The floating-point state is set through numpy's C-level primitives, not
# np.errstate / np.seterr, whose Python code a submission could patch; inputs are
# compared with ndarray's own C methods, not np.array_equal.
_ndarray = np.ndarray
_tobytes = np.ndarray.tobytes
_copy = np.ndarray.copy
_make_extobj = _umath._make_extobj
_get_extobj_dict = _umath._get_extobj_dict
_extobj_var = _umath._extobj_contextvar
_getrecursionlimit = sys.getrecursionlimit
_setrecursionlimit = sys.setrecursionlimit
GRADER_RECURSION_LIMIT = sys.getrecursionlimit()
"""The recursion limit the grader runs under, read before any submission loads: code that
lowered it (`sys.setrecursionlimit(50)`, or the lowest Python accepts) left the grader's own
frames without room, and a correct result read "the result could not be encoded
(RecursionError)"."""
_FP_KINDS = ("overflow", "divide by zero", "invalid value", "underflow")
_FP_KEYS = ("divide", "over", "under", "invalid")
# Where numpy's error-state setters (np.errstate, np.seterr, np.seterrcall) and code that
# goes to the primitive itself find `_make_extobj`: a strict call swaps in `_steady_maker`.
_MAKER_HOMES = (vars(_ufunc_config), vars(_umath), vars(_multiarray_umath))
TAMPERED = (
    "your code changed numpy's floating-point error handling (np.seterr / np.seterrcall) during"
    " the call; this drill checks that nothing overflows, so it must be left as it is"
)


_identity = object.__hash__
"""A live object's address, rotated: unique among the objects alive at once, as `id()` is,
without the `builtins.id` audit event every `id()` raises (Python 3.11)."""

INPUT_DEPTH = 64
"""Deeper than a case's inputs can nest (the wire takes 32 levels, under the harness's own)."""


def _arrays(value: Any, prefix: str) -> list[tuple[str, np.ndarray | None]]:
    """Every ndarray inside nested containers, with a readable path, in the order a
    depth-first walk meets them.

    Exact types only: the inputs are plain (they came over the wire), and an object the
    submission put in a caller's container is walked no further, so no method of its
    (a dict subclass's `items`) runs here and hides what it holds. A container nested deeper
    than inputs can be, or a dict or list met a second time (`params["me"] = params`), is
    listed as None, not walked: the walk's RecursionError, in the check of an earlier case's
    inputs outside any call, crashed the child with the grader's traceback (forty-sixth round).
    The child checks every earlier case's inputs after each case (300 cases: 44,850 walks),
    so a container is known by `_identity`, never `id()`: Python 3.11 audits each `id()`
    call, and the sandbox's hook made a 300-case drill's grading 3x slower with it.
    """
    found: list[tuple[str, np.ndarray | None]] = []
    walked: set[int] = set()
    stack: list[tuple[Any, str, int]] = [(value, prefix, 0)]
    while stack:
        value, prefix, depth = stack.pop()
        kind = type(value)
        if kind is _ndarray:
            found.append((prefix, value))
            continue
        if kind is not dict and kind is not list and kind is not tuple:
            continue
        if depth > INPUT_DEPTH or _identity(value) in walked:
            found.append((prefix, None))
            continue
        if kind is not tuple:  # an empty tuple is one object wherever it is
            walked.add(_identity(value))
        depth += 1
        children: list[tuple[Any, str, int]] = []
        if kind is dict:
            for key, item in dict.items(value):
                if prefix:
                    name = f"{prefix}[{_key_name(key)}]"
                else:
                    name = str.__str__(key) if type(key) is str else _key_name(key)
                children.append((item, name, depth))
        else:
            children.extend((item, f"{prefix}[{i}]", depth) for i, item in enumerate(value))
        stack.extend(reversed(children))
    return found


def _key_name(key: Any) -> str:
    """A dict key as a path names it, read without running code of the submission's.

    The inputs' keys are exact strs (the wire takes no other); any other key is one the
    code put in a caller's dict, whose `__repr__` (a key that exited in it) ran in the walk
    and, from the check of an earlier case's inputs, crashed the child with the grader's
    traceback (forty-sixth round).
    """
    kind = type(key)
    if kind is str:
        return str.__repr__(key)
    if kind is int:
        return int.__repr__(key)
    return "<a key the code added>"


ArrayState = tuple[str, np.ndarray, Any, tuple[int, ...], bytes, bool]
"""An input array as it came: its path, itself, its dtype, shape, bytes and writeable flag."""


def _states(inputs: Any) -> list[ArrayState]:
    """Every input array's `ArrayState`, for `_changed` to compare against later."""
    return [
        (name, arr, arr.dtype, arr.shape, _tobytes(arr), arr.flags.writeable)
        for name, arr in _arrays(inputs, "")
        if arr is not None  # a container too deep, or met twice: none came over the wire
    ]


def _changed(before: list[ArrayState], inputs: dict[str, Any]) -> list[str]:
    """The input arrays the call changed: their bytes, shape or dtype, or the array itself.

    An array is looked for where it was, by its path, and must still be the same object:
    `params[k] = params[k].copy()` followed by an in-place update of the caller's array hid
    that update, and `params.pop("b1")` (the caller's dict losing an entry) was not seen,
    so both passed. An array added to a caller's container counts too, and so does a caller's
    array made read-only (`w.flags.writeable = False` passed: the caller's next write fails).
    """
    current = dict(_arrays(inputs, ""))
    changed = []
    for name, arr, dtype, shape, data, writeable in before:
        now = current.pop(name, None)
        if (
            now is not arr
            or now.shape != shape
            or now.dtype != dtype
            or now.flags.writeable != writeable
            or _tobytes(now) != data
        ):
            changed.append(name)
    changed.extend(current)  # paths that were not there before the call
    return changed


def _nothing() -> None:
    return None


_traceback_of = BaseException.__dict__["__traceback__"].__get__
"""An exception's own traceback, read from its C struct: `exc.__traceback__` is looked up on
the exception's class first, where a property of the code's handed the walk below an object
of its own, whose `tb_frame` ran with the frame guard open and read the grader's frames
(`main`'s job token, result channel and the guard's own switch)."""
_type_name = type.__dict__["__qualname__"].__get__
_type_module = type.__dict__["__module__"].__get__
_str_copy = str.__str__


def _plain(value: Any, fallback: str) -> str:
    """`value` as an exact str, or `fallback`: a str subclass of the code's is copied without
    running any method of its (its `__format__` ran in the f-strings below and raised)."""
    try:
        return _str_copy(value)
    except TypeError:
        return fallback


def _shown(function: Callable[[], Any], fallback: str) -> str:
    """What the code's own `__str__`/`__repr__` says, or `fallback` when it raises anything
    (SystemExit included: the grader is wording an error, and one raised there crashed the
    child with its own traceback, "the process exited (code 1)")."""
    try:
        return _plain(function(), fallback)
    except BaseException:  # noqa: BLE001 - the submission's own method failed
        return fallback


def _kind_name(exc: BaseException) -> str:
    """The exception's class as a traceback names it, read through type's own descriptors: a
    metaclass's `__name__` property, a `__qualname__` of a str subclass, a `__module__` that
    is no str ran the code's methods here."""
    kind = type(exc)
    name = _plain(_type_name(kind), "an exception")
    module = _type_module(kind)
    if type(module) is str and module not in ("builtins", "__main__"):
        name = f"{module}.{name}"
    return name


def _exception_head(exc: BaseException) -> str:
    """'Type: message' like the last line of a traceback, without walking chained tracebacks."""
    name = _kind_name(exc)
    text = _shown(lambda: str(exc), "<the exception's message could not be shown>")
    return f"{name}: {text}" if text else name


def format_user_error(
    exc: BaseException,
    unguard: Callable[[], None] = _nothing,
    guard: Callable[[], None] = _nothing,
) -> str:
    """The exception with only the frames from the submission, as a user would want it.

    The message (which may run the submission's own __str__) is formatted first; the
    traceback is then walked between `unguard` and `guard` with C-level attributes only,
    so no submitted code runs while frames are reachable.
    """
    head = _exception_head(exc)
    tb = _traceback_of(exc)
    found: list[tuple[int, str]] = []
    unguard()
    try:
        while tb is not None and len(found) < 200:
            code = tb.tb_frame.f_code
            if type(code.co_filename) is str and code.co_filename == SUBMISSION_FILENAME:
                # `str.__str__`, not `str()`: a code object's name may be a str subclass of the
                # submission's (`code.replace`), whose own __str__ would run here, unguarded
                found.append((tb.tb_lineno, str.__str__(code.co_name)))
            tb = tb.tb_next
    finally:
        guard()
    lines = [
        f"  line {lineno}, in {name}: {text}" if text else f"  line {lineno}, in {name}"
        for lineno, name in found
        for text in [_source_line(lineno)]
    ]
    return "\n".join([head, *lines]) if lines else head


def base_error(exc: BaseException, when: str) -> str:
    """A SystemExit or KeyboardInterrupt (or another BaseException) of the submission in words:
    `when` is "while loading your code" or "during the call". Never raises: the code's own
    `repr` of an exit code, or a metaclass's `__name__`, is its to fail."""
    if isinstance(exc, SystemExit):
        code = _shown(lambda: repr(exc.code), "<an exit code that could not be shown>")
        return f"SystemExit: sys.exit({code}) was called {when}; a drill must return, not exit"
    if isinstance(exc, KeyboardInterrupt):
        return f"KeyboardInterrupt {when}"
    return f"{_plain(_type_name(type(exc)), 'an exception')} {when}"


def compile_error(exc: BaseException, source: str) -> str:
    """Why `compile(source)` failed, as the verdict says it: the child and the in-process
    grader both word it here, so a file that does not compile reads the same on either path."""
    if isinstance(exc, SyntaxError):
        line = _shown_line(exc)
        lineno = exc.lineno if exc.lineno is not None else _null_byte_line(source)
        text = f"{type(exc).__name__}: {exc.msg} (line {lineno})"
        return f"{text}\n  line {lineno}: {line}" if line else text
    if isinstance(exc, MemoryError | RecursionError):
        return _too_deep(type(exc).__name__, source)
    if isinstance(exc, UnicodeEncodeError):  # a lone surrogate (a browser paste): no file holds one
        row = source.count("\n", 0, exc.start) + 1
        column = exc.start - source.rfind("\n", 0, exc.start)
        half = f"U+{ord(source[exc.start]):04X}"
        text = f"SyntaxError: a lone surrogate {half} (line {row}, column {column}), a "
        return text + "character no file can hold: delete it"
    return f"{type(exc).__name__}: your code could not be compiled: {exc}"


COMPILE_ERRORS = (SyntaxError, MemoryError, RecursionError, ValueError)
"""What `compile` raises for a file it cannot compile (UnicodeEncodeError is a ValueError)."""


def _null_byte_line(source: str) -> int | None:
    """The line of the first NUL character: the SyntaxError for one names no line."""
    at = source.find("\0")
    return None if at < 0 else source.count("\n", 0, at) + 1


def _too_deep(kind: str, source: str) -> str:
    """What a RecursionError or MemoryError of `compile` means, and the line most likely at
    fault: Python names none (an expression nested or chained so deep its compiler's stack
    or memory ran out, such as thousands of `+` or `(`), and the longest line holds it
    nearly always."""
    lines = source.splitlines() or [""]
    longest = max(range(len(lines)), key=lambda index: len(lines[index]))
    return (
        f"{kind}: your code is nested too deeply for Python's compiler (an expression of "
        f"thousands of parts); the longest line is line {longest + 1} "
        f"({len(lines[longest])} characters): split it into smaller steps"
    )


def _shown_line(exc: SyntaxError) -> str:
    """The line a SyntaxError names, as the message shows it.

    Stripped, except for an IndentationError (TabError included): there the indent is the
    mistake, so it is kept, with each tab written as `\\t` to tell it from spaces.
    """
    text = (exc.text or "").rstrip("\r\n")
    if not isinstance(exc, IndentationError):
        return text.strip()
    body = text.lstrip(" \t")
    indent = text[: len(text) - len(body)]
    return (indent.replace("\t", "\\t") + body.rstrip()) if body else ""


_function = types.FunctionType
_code_of = types.FunctionType.__dict__["__code__"].__get__
"""A function's code, from its C struct: `getattr(value, "__code__")` on whatever the file
left in its namespace ran the code's property or `__getattr__` while the grader listed what it
defines, and its `co_filename`'s `__eq__` or a `co_firstlineno` of 5,000 digits crashed the
child ("the process exited"), or one of 101 digits read as bytes the grader did not write."""


def find_entries(
    namespace: dict[str, Any], entries: list[str] | tuple[str, ...]
) -> tuple[dict[str, Any], list[str], list[list[Any]]]:
    """The entries a loaded file defines as callables, the names it lacks, and (when it lacks
    any) the functions it does define with their first lines, at most 20: what the verdict
    names instead ("it defines batchnorm_forward (line 3)"). Shared by the child and the
    in-process grader, so a missing function is told alike on both."""
    fns: dict[str, Any] = {}
    missing: list[str] = []
    for name in entries:
        fn = namespace.get(name)
        if callable(fn):
            fns[name] = fn
        else:
            missing.append(name)
    defined: list[list[Any]] = []
    if missing:
        for name, value in dict.items(namespace):
            if type(value) is not _function or type(name) is not str:
                continue  # only the file's own functions, read without running its code
            code_obj = _code_of(value)
            filename = code_obj.co_filename
            if type(filename) is str and filename == SUBMISSION_FILENAME:
                defined.append([name, code_obj.co_firstlineno])
    return fns, missing, defined[:20]


_source_lines: list[str] = []


def set_source(source: str) -> None:
    """Remember the submission's lines for tracebacks (a private copy, not linecache's)."""
    _source_lines[:] = source.splitlines()


def _source_line(lineno: int) -> str:
    """The file's line `lineno`, stripped, or "" past its end (code the file compiled under its
    name). Never linecache's: that module is the code's to patch, and a `getline` of its ran in
    the grader's wording, where its result's `strip` raised and the error read as its own
    ("ValueError during the call" for the file's KeyError)."""
    if 0 < lineno <= len(_source_lines):
        return _source_lines[lineno - 1].strip()
    return ""


def _count(counter: Any) -> int:
    """The current value of an itertools.count without advancing it."""
    return int(counter.__reduce__()[1][0])


def _recorder(ticks: tuple[tuple[str, Any], ...]) -> Callable[[str, int], None]:
    """numpy's error callback, with empty globals: reaching it (np.geterrcall) leads nowhere."""

    def record(kind: str, _flag: int, _ticks: tuple[tuple[str, Any], ...] = ticks) -> None:
        for name, tick in _ticks:
            if name == kind:
                tick()

    return types.FunctionType(record.__code__, {"__builtins__": {}}, "record", record.__defaults__)


def _steady_maker(state: Any) -> Callable[..., Any]:
    """`_make_extobj` for strict grading: whatever error handling (or buffer size) is asked
    for, it hands out `state`, the grader's, which sends every floating-point event to
    `_RUN_RECORD`. It holds nothing else (not numpy's maker) and has empty globals.

    `with np.errstate(over="ignore")` (or np.seterr, put back before returning) inside the
    submission's own function hid the overflow of the naive sigmoid, whose values are right,
    and so passed the drill that checks for it.
    """

    def steady(*_args: Any, **_kwargs: Any) -> Any:
        return state

    return types.FunctionType(
        steady.__code__, {"__builtins__": {}}, "_make_extobj", None, steady.__closure__
    )


_RUN_COUNTERS = tuple(itertools.count() for _ in _FP_KINDS)
"""Every floating-point event of the process's strict calls, counted for the whole run: a case's
events are how far its call advanced them. One callback for the run, not one per case: a state
the submission made (or kept) before a call sends its events here all the same."""
_RUN_RECORD = _recorder(
    tuple((kind, counter.__next__) for kind, counter in zip(_FP_KINDS, _RUN_COUNTERS, strict=True))
)
_STRICT_STATE = _make_extobj(all="call", call=_RUN_RECORD)
_QUIET_STATE = _make_extobj(all="ignore")
_STEADY = _steady_maker(_STRICT_STATE)


_LAST_COUNTED: list[int] = []
"""Where the counters stood when the last case's outputs were frozen: the next case is charged
from there, not from its own start. A naive sigmoid computed between two calls (by a
`weakref.finalize` on the last case's input, which fires as the grader drops it, with every
later case's inputs in reach through that input's buffer) was counted in no case, and passed."""

_FREEZE_BUDGET = (1 << 20, 4096, 8 << 20)
"""Items of lists, tuples and dicts, arrays, and bytes of arrays, that a returned value may hold
to be frozen: past any of them the wire refuses it (8 bytes an item and 8 MiB in all, 4096
arrays), so it is handed on as it is and never sent. Copying 900,000 small arrays first took
the wall clock that the wire's refusal ("more than 4096 arrays") used to report."""


_PAST_BUDGET = object()
"""What `_freeze` returns for a value past `_FREEZE_BUDGET` (no exception class of the
grader's to raise: a class is the submission's to reach and change)."""


def _frozen(value: Any) -> Any:
    """A copy of a returned value that the submission holds no reference to (exact types only,
    as the wire takes them): code of its that runs after the call (a finalizer, a thread) can
    no longer change what is sent, so the floating-point events counted once this is made
    are every event behind the values sent. A value the wire would refuse is not copied."""
    frozen = _freeze(value, 0, list(_FREEZE_BUDGET))
    return value if frozen is _PAST_BUDGET else frozen


def _freeze(value: Any, depth: int, budget: list[int]) -> Any:
    kind = type(value)
    if depth > 40:
        return _PAST_BUDGET  # deeper than the wire takes
    if kind is _ndarray:
        budget[1] -= 1
        budget[2] -= value.nbytes
        return _PAST_BUDGET if budget[1] < 0 or budget[2] < 0 else _copy(value)
    if kind is not list and kind is not tuple and kind is not dict:
        return value
    budget[0] -= len(value)
    if budget[0] < 0:
        return _PAST_BUDGET
    keys = list(dict.keys(value)) if kind is dict else None
    items = []
    for item in dict.values(value) if kind is dict else value:
        item = _freeze(item, depth + 1, budget)
        if item is _PAST_BUDGET:
            return _PAST_BUDGET
        items.append(item)
    if keys is not None:
        return dict(zip(keys, items, strict=True))
    return items if kind is list else tuple(items)


def fp_counts() -> list[int]:
    """Where the run's floating-point counters stand now (see `fp_events_since`)."""
    return [_count(counter) for counter in _RUN_COUNTERS]


def fp_events_since(counted: list[int]) -> list[str]:
    """The kinds of floating-point event counted since `fp_counts` returned `counted`."""
    return [
        kind
        for kind, counter, was in zip(_FP_KINDS, _RUN_COUNTERS, counted, strict=True)
        if _count(counter) > was
    ]


def seal_error_state() -> None:
    """Put `_STEADY` where numpy's setters (and code going to the primitive) find the maker.

    The child calls it before the submission loads, when the drill is strict: a state made
    with numpy's maker as the file loaded (`_make_extobj(all="ignore")`, kept for the call)
    hid the overflow from a seal that began only at the call. `execute_case` also seals each
    strict call, and puts back what was there before (numpy's own maker in-process).
    """
    for home in _MAKER_HOMES:
        home["_make_extobj"] = _STEADY


def _words_at(address: int, count: int) -> Any:
    """`count` machine words of this process's memory from `address`, as a writable array."""

    class At:
        __array_interface__ = {  # noqa: RUF012 - read once by numpy
            "shape": (count,),
            "typestr": "<u8",
            "data": (address, False),
            "version": 3,
        }

    return np.asarray(At())


def strict_by_default() -> bool:
    """Make numpy's default error state the grader's strict one, for the rest of the process.

    A new thread and a fresh `contextvars.Context` start from numpy's default state, which
    only warns (and a submission can silence warnings): a naive sigmoid run there passed the
    overflow check. That default is a capsule fixed when numpy loads, so its pointer is set
    to the strict state's C struct, in place; the layout (a capsule's head, then numpy's
    `npy_extobj` of errmask, bufsize, callback) is checked first, and nothing is written if
    it is not the expected one. Only the sandbox child calls it, before the submission
    loads; True when a fresh context then sees the strict state.
    """
    default = contextvars.Context().run(_extobj_var.get)
    capsule = type(_STRICT_STATE)
    if type(default) is not capsule or np.dtype(np.uintp).itemsize != 8:
        return False
    default_head = _words_at(id(default), 3)  # refcount, type, the struct's address
    strict_head = _words_at(id(_STRICT_STATE), 3)
    if int(default_head[1]) != id(capsule) or int(strict_head[1]) != id(capsule):
        return False
    if int(_words_at(int(default_head[2]), 3)[2]) != id(None):
        return False
    if int(_words_at(int(strict_head[2]), 3)[2]) != id(_RUN_RECORD):
        return False
    default_head[2] = strict_head[2]
    return contextvars.Context().run(_get_extobj_dict).get("call") is _RUN_RECORD


def _grader_depth() -> None:
    """Raise a recursion limit the submission lowered back to the grader's own.

    Only raised, never lowered: a higher limit the code set for its own deep recursion stays
    for its next call, and a lower one could only have made the code fail, never change a
    value it returns, so the result is judged as any other.
    """
    if _getrecursionlimit() < GRADER_RECURSION_LIMIT:
        _setrecursionlimit(GRADER_RECURSION_LIMIT)


def _depth_kept(function: Any, after: Callable[[], None] = _nothing) -> Callable[..., Any]:
    """`function` (a submitted entry) with the grader's recursion limit put back after each
    call: a harness that calls two entries (batchnorm's forward, then its backward) or one
    three times (seeded) ran its own frames between them under the limit the code had just
    lowered, and a right answer read "your code raised RecursionError" with no line of it.
    `after` runs after each call too (the case's in-place check)."""

    def call(*args: Any, **kwargs: Any) -> Any:
        try:
            return function(*args, **kwargs)
        finally:
            _grader_depth()
            after()

    return call


def _noting(note: Callable[[str], None], entry: str) -> Callable[[], None]:
    """`note(entry)`, called with nothing: what `_depth_kept` runs after each call of `entry`."""

    def noted() -> None:
        note(entry)

    return noted


def execute_case(
    run_case: Callable[[dict[str, Any], dict[str, Any]], dict[str, Any]],
    fns: dict[str, Any],
    inputs: dict[str, Any],
    fp_strict: bool,
    unguard: Callable[[], None] = _nothing,
    guard: Callable[[], None] = _nothing,
) -> dict[str, Any]:
    """Run one case; never raises for the submission's faults.

    Returns {"outputs": dict | None, "error": str | None, "mutated": [...], "fp_warnings": [...]}.
    Floating-point events are counted on the run's itertools.count objects, which code that
    reaches the callback can only advance, never reset; numpy's error state is checked
    after the call. Both checks remain best-effort: they run in the submission's process
    (`unguard`/`guard` open and close the sandbox's frame guard around the traceback walk).
    """
    _grader_depth()  # code that lowered the limit as it loaded
    before = _states(inputs)
    counted = _LAST_COUNTED[:] or fp_counts()
    makers = [home["_make_extobj"] for home in _MAKER_HOMES]
    token = _extobj_var.set(_STRICT_STATE if fp_strict else _QUIET_STATE)
    if fp_strict:
        seal_error_state()
    outputs: dict[str, Any] | None = None
    changed_between: dict[str, tuple[int, str]] = {}
    calls = [0]

    def note_changes(entry: str) -> None:
        """What the call left changed: an input's contents, or the input itself taken out of
        (or put into) a caller's list or dict. `params.pop("b1")` in one call and the array
        put back in the next was seen by no check, each running after the last call (forty-
        fifth round); the walk of the containers costs a few µs a call."""
        calls[0] += 1
        for name in _changed(before, inputs):
            if name not in changed_between:
                changed_between[name] = (calls[0], entry)

    try:
        # the inputs are checked after each call of an entry, not only at the case's end: a
        # call that shuffled the caller's X in place, its next call (the seeded harness's
        # second, a backward after its forward) putting X back, passed (forty-fifth round)
        kept = {
            name: _depth_kept(function, _noting(note_changes, name))
            for name, function in fns.items()
        }
        try:
            outputs = run_case(kept, inputs)
        finally:  # before the grader's own work on the result (its error, copy, encoding)
            _grader_depth()
        state = _get_extobj_dict()
        tampered = fp_strict and (
            state.get("call") is not _RUN_RECORD or any(state.get(k) != "call" for k in _FP_KEYS)
        )
        error = TAMPERED if tampered else None
        if tampered:
            outputs = None
    except Exception as exc:  # the submission's own error, reported to the user
        outputs, error = None, format_user_error(exc, unguard, guard)
    finally:
        _extobj_var.reset(token)
        for home, maker in zip(_MAKER_HOMES, makers, strict=True):
            home["_make_extobj"] = maker
    outputs = _frozen(outputs)
    mutated = _changed(before, inputs)
    mutated += [
        f"{name} (in call {call} of the case, {entry}; put back later)"
        for name, (call, entry) in changed_between.items()
        if name not in mutated
    ]
    now = fp_counts()  # one reading: an event after it is the next case's, none is lost
    events = [kind for kind, was, count in zip(_FP_KINDS, counted, now, strict=True) if count > was]
    _LAST_COUNTED[:] = now
    return {"outputs": outputs, "error": error, "mutated": mutated, "fp_warnings": events}
