"""The sandbox wire format: length-prefixed JSON and bulk frames, with strict validation.

One module serves both sides. The parent imports it; the child receives its
*source text* and execs it (it imports only numpy and the stdlib), so the
child can encode its results exactly as the parent expects them.

A frame is one kind byte (``J`` JSON or ``B`` bulk), a 4-byte big-endian
length and the payload; once the child has its job, every frame it writes starts with the
job's ``TOKEN_SIZE``-byte token, which the reader checks before it believes the kind or length. A message is one JSON frame whose ``"n"`` field says
whether one ``B`` frame follows it (0 or 1). The JSON carries the message's
array table, ``"arrays": [[dtype_str, [dims...]], ...]``; the bulk frame holds
their bytes in C order, one after another, each starting at a multiple of
``ALIGN``. The reader works every offset out from the table itself and builds
the arrays with ``np.frombuffer`` over the one buffer: no per-array frame, no
.npy header to parse, no copy. Values are tagged JSON:

* a JSON number / true / false is a Python float / int / bool;
* ``[...]`` is a list, ``{"$t": [...]}`` a tuple, ``{"$d": {...}}`` a dict with str keys;
* ``{"$a": k}`` is the k-th array of the message's table (each may be used once);
* ``{"$s": [dtype_str, value]}`` is a numpy scalar (np.float64, np.int64, np.bool_...).

Strings and None are only accepted when ``allow_str`` is true (the job the
parent sends); results from the child never carry them. Nothing is unpickled:
dtypes come from a fixed table of plain numeric types, never from parsing
what the child wrote.
"""

from __future__ import annotations

import json
import struct
from _json import encode_basestring_ascii, make_encoder
from typing import Any, NoReturn

import numpy as np

HEADER = struct.Struct(">cI")
"""Frame header: kind byte, payload length."""
TOKEN_SIZE = 16
"""Bytes of the token before each frame the child writes once it has its job."""
JSON_KIND = b"J"
BULK_KIND = b"B"
RESULT_LIMIT = 8 * 1024 * 1024
"""Total bytes of results a submission may send back."""
MAX_FRAMES = 256
"""Frames a child may send: a message per case (two frames with its arrays), its ready,
loaded and done (a drill has at most 15 cases). A frame is 12 bytes at the least, and the app decoded every
one it read (87,000 a read, 0.33 s of its CPU) before it handled the first."""

CHANNEL_LOST_STATUS = 6
"""The exit status of a child whose result channel failed under it (child.py's `CHANNEL_LOST`,
a copy kept there): the submission shares the channel's descriptor and can close it."""


def frames_for(cases: int) -> int:
    """The frames a child grading `cases` cases may send: a result and its arrays per case,
    and its ready, loaded and done (a fatal or load error in place of some)."""
    return max(MAX_FRAMES, 2 * cases + 8)


MAX_DEPTH = 32
INT_RANGE = (-(2**63), 2**64 - 1)
"""The ints a value may hold: int64's and uint64's (anything longer is refused, on both ends)."""
MAX_ARRAYS = 4096
MAX_NDIM = 32
MAX_DIM = 1 << 40
"""No axis may be longer (a zero-size array's other axes are not bounded by the data)."""
ALIGN = 16
"""Every array starts at a multiple of this in the bulk buffer, so views are aligned."""
NUMERIC_KINDS = "biuf"

DTYPES: dict[str, np.dtype[Any]] = {
    d.str: np.dtype(d.str)
    for code in "?bhilqBHILQefdg"
    for d in (np.dtype(code), np.dtype(code).newbyteorder())
}
"""The only dtypes on the wire, keyed by their exact `dtype.str` ('<f8', '|b1', '>i4'...),
each the dtype numpy makes of that name ('<i8' is int64, not the longlong that shares it)."""


_WIRE_NAMES: dict[np.dtype[Any], str] = {d: name for name, d in DTYPES.items()}
"""The wire name of every accepted dtype (a dict lookup: `dtype.str` builds a new string)."""
_frombuffer = np.frombuffer
_copyto = np.copyto
_ndarray = np.ndarray
"""numpy's functions the child calls after the submission ran, taken as this file loads: a
submission that replaced `np.copyto` was handed the buffer of the result's message and
rewrote its header in place (its overflow flag blanked with spaces)."""
SMALL_COPY = 1 << 14
"""Arrays up to this many bytes are copied into the bulk buffer with one `tobytes` (cheaper
than building a view to copy into); larger ones are copied into place without a temporary."""


def _not_plain(value: object) -> NoReturn:
    raise TypeError(f"{type(value).__name__} is not plain JSON")


_c_encode = make_encoder(
    None, _not_plain, encode_basestring_ascii, None, ":", ",", False, False, True
)


def _dumps(value: dict[str, Any]) -> str:
    """`json.dumps(value, separators=(",", ":"))` by the C encoder alone, built once.

    Not `json.JSONEncoder().encode`: the child encodes each result after the submission ran,
    and that Python code looks up `iterencode` on its class (and `isinstance` in the shared
    builtins) at every call, so a submission that replaced either rewrote the result's
    header, its overflow and in-place flags emptied, and a naive sigmoid passed.
    """
    return "".join(_c_encode(value, 0))


WirePath = str | tuple["WirePath", int | str]
"""Where a value sits in a message: the root's name, or (parent, index or key). Built per
element as a tuple and turned into text ('out[0]['a']') only for an error message."""


def path_text(path: WirePath) -> str:
    """The readable form of a `WirePath`: "value[2]['key']"."""
    parts: list[str] = []
    while type(path) is tuple:
        path, key = path
        parts.append(f"[{key}]" if type(key) is int else f"[{key!r}]")
    assert type(path) is str
    parts.append(path)
    return "".join(reversed(parts))


class WireError(ValueError):
    """Data on the wire is not what the protocol allows (an invalid return, a forged frame)."""


class ForgedError(WireError):
    """The result stream carried bytes the child's grader did not write (they lack its token)."""


FORGED = "the result stream carried bytes the grader did not write (without the job's token)"


_NUMPY_SCALAR_TYPES: frozenset[type] = frozenset(np.dtype(code).type for code in "?bhilqBHILQefdg")
_NUMPY_SCALAR_IDS: frozenset[int] = frozenset(map(id, _NUMPY_SCALAR_TYPES))
"""The scalar types by identity: `cls in _NUMPY_SCALAR_TYPES` hashed and compared the class,
and a metaclass of the code's whose `__eq__` said yes to `np.float64` had its value's
`float()` called by the encoder, after the case's floating-point events were counted."""


_type_module = type.__dict__["__module__"].__get__
_type_qualname = type.__dict__["__qualname__"].__get__


def _describe_type(value: Any) -> str:
    """A short, safe name for the type of a value the protocol refuses, with its article:
    "got a generator" (it read "got generator", as a typo would). Read through `type`'s own
    descriptors, exact strs only: `getattr(cls, "__module__")` ran a metaclass's property of
    the code's, and a str subclass's `__format__` ran in the f-string below."""
    cls = type(value)
    try:
        module, name = _type_module(cls), _type_qualname(cls)
    except Exception:  # noqa: BLE001 - a class dict's key of the code's compared in the lookup
        return "an object of an unknown type"
    if type(name) is not str or type(module) is not str:
        return "an object of an unknown type"
    named = f"{module}.{name}" if module not in ("builtins", "") else name
    return f"{'an' if named[:1].lower() in 'aeiou' else 'a'} {named}"


_PLAIN = "only numpy arrays, numbers, bools and lists/tuples/dicts of those can be returned"
_COMPLEX_TYPES = frozenset((complex, np.complex64, np.complex128, np.clongdouble))
_COMPLEX_IDS = frozenset(map(id, _COMPLEX_TYPES))
_LAZY_TYPES: frozenset[type] = frozenset(
    (range, map, filter, zip, enumerate, reversed, set, frozenset)
    + (type({}.keys()), type({}.values()), type({}.items()))
)
"""What yields values without being a list: a generator's refusal told the candidate who
wrote `yield` in mini-batches only what may be returned, not to wrap it in list(...)."""
_LAZY_IDS = frozenset(map(id, _LAZY_TYPES))


def _refusal(value: Any, cls: type) -> str:
    """Why the child refuses a value that is not plain, and what to return instead where a
    number was clearly meant (a complex, a Fraction or Decimal, a number written as text):
    "got a complex; only ... numbers ... can be returned" read as a contradiction."""
    name = _describe_type(value)
    try:
        hint = _number_hint(value, cls, name)
    except Exception:  # a submitted class whose attributes raise: the plain refusal
        hint = None
    return hint or f"got {name}; {_PLAIN}"


def _number_hint(value: Any, cls: type, name: str) -> str | None:
    """The refusal of a value meant as a number or a list (a generator, a map, a range), or
    None when it is neither."""
    if cls is str:
        text = value.strip()
        if 0 < len(text) <= 40 and _reads_as_number(text):
            return (
                f"got the string {text!r}, a number written as text; return the number"
                " itself (float(...)), not its text"
            )
        return "got a string where a number or an array was expected"
    if id(cls) in _COMPLEX_IDS:
        if value.imag == 0:
            return (
                f"got {name}, a complex number whose imaginary part is 0; the drills return"
                " real numbers, so return its .real (and look for where a complex value came"
                " in: np.emath, 1j, a complex dtype)"
            )
        return (
            f"got {name}, a complex number; the drills return real numbers (a complex one"
            " usually comes from the square root or log of a negative number)"
        )
    if hasattr(cls, "__float__"):
        return f"got {name}, a number type the grader does not take; return float(...) of it"
    if id(cls) in _LAZY_IDS or hasattr(cls, "__next__"):
        return (
            f"got {name}, which hands out its values one at a time; return a list of them"
            " instead (list(...))"
        )
    return None


def _short_path(path: WirePath) -> str:
    """`path_text` with a long run of indices cut: 32 '[0]'s in a row told nothing more than
    the first few and how deep the value sits."""
    text = path_text(path)
    parts = text.split("][")
    if len(parts) <= 8:
        return text
    return "][".join(parts[:4]) + "]..."


_SUBCLASS_HINTS = {
    "numpy.matrix": (
        " that is always 2-D and whose * is a matrix product; return a plain array:"
        " np.asarray(...) of it, and use @ for a matrix product"
    ),
    "numpy.ma.MaskedArray": (
        " whose masked entries hold no value the grader could compare; return a plain array"
        " (.filled(value) says what the masked entries are, np.asarray(...) keeps the data)"
    ),
    "numpy.memmap": " kept in a file; return a plain array: np.array(...) of it",
}


def _subclass_hint(value: Any) -> str:
    """What to do with an ndarray subclass the wire refuses (the wire sends plain arrays only,
    see `message`): np.matrix, a masked array and a memmap were told the same one line."""
    name = _describe_type(value).partition(" ")[2]
    return "a subclass of numpy.ndarray" + _SUBCLASS_HINTS.get(
        name, "; return a plain numpy.ndarray (np.asarray(...))"
    )


def _array_refusal(arr: np.ndarray) -> str:
    """Why an array of a dtype the wire does not carry is refused, and what to return: "an
    array of dtype complex128 is not accepted; use a numeric dtype" read as a contradiction
    (complex is numeric), and an object array of floats was not told how to convert."""
    dtype = arr.dtype
    if dtype.hasobject:
        return (
            "an array of dtype object is not accepted (numpy holds Python objects in it, not"
            " numbers): build it with dtype=np.float64, or convert it with .astype(np.float64)"
        )
    if dtype.kind == "c":
        try:
            real = arr.size <= RESULT_LIMIT and not bool(_ndarray.any(arr.imag))
        except Exception:  # the plain refusal
            real = False
        if real:
            return (
                f"an array of dtype {dtype}, complex numbers whose imaginary parts are all 0;"
                " the drills return real numbers, so return its .real (and look for where a"
                " complex value came in: np.fft, np.emath, 1j, a complex dtype)"
            )
        return (
            f"an array of dtype {dtype}, complex numbers; the drills return real numbers (a"
            " complex one usually comes from the square root or log of a negative number)"
        )
    return f"an array of dtype {dtype} is not accepted; use a numeric dtype (float64)"


def _reads_as_number(text: str) -> bool:
    """True when `float(text)` accepts `text` ('0.69', '1e-3', 'nan')."""
    try:
        float(text)
    except ValueError:
        return False
    return True


class Encoder:
    """Turns plain values into tagged JSON plus the arrays of one bulk buffer.

    Paths are kept as `WirePath` tuples and only written out for an error: a result
    that is a list of hundreds of arrays pays no string formatting per element.
    """

    def __init__(self, *, allow_str: bool, limit: int | None = None) -> None:
        self.allow_str = allow_str
        self.limit = limit
        self.arrays: list[np.ndarray] = []
        self.table: list[list[Any]] = []
        """`[wire dtype name, shape]` of each array, in order (what `message` sends)."""
        self.total = 0

    def encode(self, value: Any, path: WirePath = "value", depth: int = 0) -> Any:
        """The tagged JSON form of `value`; raises WireError naming the offending path."""
        if depth > MAX_DEPTH:
            raise WireError(
                f"{_short_path(path)}: lists, tuples or dicts nested more than {MAX_DEPTH} levels"
                " deep; return what the Task asks for (a number, an array, or a list of them),"
                " not each step's value wrapped in another list"
            )
        cls = type(value)
        if cls is int and not INT_RANGE[0] <= value <= INT_RANGE[1]:
            raise WireError(
                f"{path_text(path)}: an int of {value.bit_length()} bits is too large to send;"
                " a number must fit in 64 bits (return a float, or an array)"
            )
        if cls is bool or cls is int or cls is float:
            return value
        if cls is np.ndarray:
            return {"$a": self._array(value, path)}
        if cls is list or cls is tuple:
            self._charge(len(value), path)
            depth += 1
            items = [self.encode(v, (path, i), depth) for i, v in enumerate(value)]
            return items if cls is list else {"$t": items}
        if cls is dict:
            out: dict[str, Any] = {}
            for key, item in value.items():
                if type(key) is not str:
                    raise WireError(
                        f"{path_text(path)}: dict keys must be strings, got {_describe_type(key)}"
                    )
                out[key] = self.encode(item, (path, key), depth + 1)
            return {"$d": out}
        if id(cls) in _NUMPY_SCALAR_IDS:
            dtype = value.dtype
            py = (
                bool(value)
                if dtype.kind == "b"
                else int(value)
                if dtype.kind in "iu"
                else float(value)
            )
            return {"$s": [dtype.str, py]}
        if self.allow_str and (cls is str or value is None):
            return value
        where = path_text(path)
        if value is None:
            raise WireError(f"{where}: got None (did the function forget to `return`?)")
        if isinstance(value, np.ndarray):
            raise WireError(f"{where}: got {_describe_type(value)}, {_subclass_hint(value)}")
        raise WireError(f"{where}: {_refusal(value, cls)}")

    def _charge(self, items: int, path: WirePath) -> None:
        """Count list and tuple items at 8 bytes each, so a huge list is refused before encoding."""
        self._add(8 * items, path)

    def _add(self, size: int, path: WirePath) -> None:
        if self.limit is not None and self.total + size > self.limit:
            raise WireError(
                f"{path_text(path)}: the result is too large ({(self.total + size) / 2**20:.1f} MiB;"
                f" the limit is {self.limit / 2**20:.0f} MiB in total)"
            )
        self.total += size

    def _array(self, arr: np.ndarray, path: WirePath) -> int:
        dtype = arr.dtype
        name = _WIRE_NAMES.get(dtype)
        if name is None:
            if dtype.kind not in NUMERIC_KINDS or dtype.fields is not None or dtype.hasobject:
                raise WireError(f"{path_text(path)}: {_array_refusal(arr)}")
            name = dtype.str  # numeric but not in the table: the parent will refuse it
        if arr.ndim > MAX_NDIM:
            raise WireError(f"{path_text(path)}: {arr.ndim} dimensions is too many")
        if len(self.arrays) >= MAX_ARRAYS:
            raise WireError(f"{path_text(path)}: more than {MAX_ARRAYS} arrays")
        self._add(arr.nbytes + ALIGN, path)
        self.arrays.append(arr)
        self.table.append([name, list(arr.shape)])
        return len(self.arrays) - 1


def _aligned(offset: int) -> int:
    """The next offset at or after `offset` where an array's bytes may start."""
    return -(-offset // ALIGN) * ALIGN


def frame(kind: bytes, payload: bytes, token: bytes = b"") -> bytes:
    """One frame: token, kind, length, payload."""
    return token + HEADER.pack(kind, len(payload)) + payload


def message(
    fields: dict[str, Any],
    arrays: list[np.ndarray] | None = None,
    table: list[list[Any]] | None = None,
    token: bytes = b"",
) -> bytearray:
    """A JSON frame (with ``"n"`` and the array table) and, when there are arrays, one bulk frame.

    The whole message is laid out in one buffer and each array is copied into
    place once (C order, whatever its memory layout). `table` is the arrays'
    `[dtype name, shape]` entries when the caller (an `Encoder`) has them already;
    `token` goes before each frame's header (the job's, once the child has it).
    """
    arrays = [] if arrays is None else list(arrays)  # walked once: a list subclass's
    # `__iter__` could hand the check plain arrays and the copy something else
    for arr in arrays:
        # exact arrays only: `np.copyto` hands an ndarray subclass that defines
        # `__array_function__` the view it copies into, and with it this message's buffer;
        # the child's `Encoder` (whose class the submission reaches and can change) is not
        # trusted to have refused one (a naive sigmoid blanked its overflow flag that way)
        if type(arr) is not _ndarray:
            raise WireError(f"got {_describe_type(arr)}; {_PLAIN}")
    body = dict(fields)
    body["n"] = 1 if arrays else 0
    if arrays:
        if table is None:
            table = [[_WIRE_NAMES.get(a.dtype) or a.dtype.str, list(a.shape)] for a in arrays]
        body["arrays"] = table
    head = _dumps(body).encode()
    offsets, size = [], 0
    for arr in arrays:
        size = _aligned(size)
        offsets.append(size)
        size += arr.nbytes
    header = len(token) + HEADER.size
    start = 2 * header + len(head) if arrays else header + len(head)
    out = bytearray(start + size)
    out[: len(token)] = token
    HEADER.pack_into(out, len(token), JSON_KIND, len(head))
    out[header : header + len(head)] = head
    if arrays:
        out[start - header : start - HEADER.size] = token
        HEADER.pack_into(out, start - HEADER.size, BULK_KIND, size)
    for arr, offset in zip(arrays, offsets, strict=True):
        nbytes = arr.nbytes
        if not nbytes:
            continue
        at = start + offset
        if nbytes <= SMALL_COPY:
            out[at : at + nbytes] = arr.tobytes()
        else:
            view = _frombuffer(out, arr.dtype, arr.size, at).reshape(arr.shape)
            _copyto(view, arr, casting="no")
    return out


class FrameReader:
    """Incremental parser of a byte stream into messages (a JSON dict plus its bulk buffer).

    A frame's payload is copied once, from the chunk read into a buffer of the
    frame's declared length (allocated only after the length was checked against
    the limit), so a bulk buffer is aligned and writable and never copied again.
    """

    def __init__(self, limit: int, max_frames: int = MAX_FRAMES) -> None:
        self.limit = limit
        self.max_frames = max_frames
        self.token = b""
        """What each frame must start with from now on: the job's token, set once the child
        may run submitted code. A frame without it is refused before its length is read: a
        forged header's length, guessed wrong, was refused as 'impossible' (or, under the
        limit, swallowed the grader's own frames and read as a crash)."""
        self.frames = 0
        self.received = 0
        self._head = bytearray()
        self._kind = b""
        self._payload: bytearray | None = None
        self._filled = 0
        self._pending: dict[str, Any] | None = None
        self._broken: WireError | None = None

    def feed(self, data: bytes) -> list[tuple[dict[str, Any], bytearray]]:
        """Add bytes; return every message completed. Raises WireError on malformed input.

        Bytes that break the protocol after messages completed in the same chunk (a forged
        frame written just after the child's `loaded`) are raised by the next `feed` or
        `check`, once those messages are returned: raised at once, they took the messages
        with them, and a forgery during case 1 read as one made while the code loaded.
        """
        self.check()
        done: list[tuple[dict[str, Any], bytearray]] = []
        try:
            self._feed(data, done)
        except WireError as exc:
            if not done:
                raise
            self._broken = exc
        return done

    def check(self) -> None:
        """Raise the protocol error that followed the messages the last `feed` returned."""
        if self._broken is not None:
            raise self._broken

    def _feed(self, data: bytes, done: list[tuple[dict[str, Any], bytearray]]) -> None:
        self.received += len(data)
        if self.received > self.limit:
            raise WireError(
                f"the submission sent more than {self.limit / 2**20:.0f} MiB of results"
            )
        view = memoryview(data)
        while True:
            if self._payload is None:
                if not view:
                    break
                token = self.token
                need = len(token) + HEADER.size - len(self._head)
                self._head += view[:need]
                view = view[need:]
                if len(self._head) < len(token) + HEADER.size:
                    if not token.startswith(self._head[: len(token)]):
                        raise ForgedError(FORGED)
                    break
                if self._head[: len(token)] != token:
                    raise ForgedError(FORGED)
                kind, length = HEADER.unpack_from(self._head, len(token))
                self._head = bytearray()
                if length > self.limit:
                    raise WireError("a result frame declares an impossible length")
                self._kind, self._payload, self._filled = kind, bytearray(length), 0
            take = min(len(view), len(self._payload) - self._filled)
            self._payload[self._filled : self._filled + take] = view[:take]
            self._filled += take
            view = view[take:]
            if self._filled < len(self._payload):
                break
            payload, self._payload = self._payload, None
            self.frames += 1
            if self.frames > self.max_frames:
                raise WireError(f"the submission sent more than {self.max_frames} result frames")
            message = self._frame(self._kind, payload)
            if message is not None:
                done.append(message)

    def _frame(self, kind: bytes, payload: bytearray) -> tuple[dict[str, Any], bytearray] | None:
        """One complete frame: a message when it completes one, else None."""
        if kind == JSON_KIND and self._pending is None:
            fields = _loads(payload)
            count = fields.get("n", 0)
            if type(count) is not int or count not in (0, 1):
                raise WireError("a result message declares a bad bulk frame count")
            if count == 0:
                return fields, bytearray()
            self._pending = fields
            return None
        if kind == BULK_KIND and self._pending is not None:
            fields, self._pending = self._pending, None
            return fields, payload
        raise WireError("the result stream holds an unexpected frame")

    @property
    def idle(self) -> bool:
        """True when no partial frame or message is buffered."""
        return not self._head and self._payload is None and self._pending is None


MAX_INT_DIGITS = 20
"""The most digits an integer on the wire may have: 2**64 has 20. Python turns digits into an
int in time that grows with the square of their number, and a result of 2,000 ints of 4,000
digits each (under Python's own limit of 4,300) took the app 1.3 s to read, holding the
interpreter while the screen waited, before it was refused as a list."""


class _TooManyDigits(Exception):  # noqa: N818 - raised and caught within `_loads` only
    """An integer longer than MAX_INT_DIGITS, found before it is converted."""


def _parse_int(digits: str) -> int:
    if len(digits) > MAX_INT_DIGITS + 1 and len(digits.lstrip("-")) > MAX_INT_DIGITS:
        raise _TooManyDigits(len(digits.lstrip("-")))
    return int(digits)


def _loads(payload: bytearray) -> dict[str, Any]:
    try:
        fields = json.loads(payload.decode("utf-8"), parse_int=_parse_int)
    except _TooManyDigits as exc:
        raise WireError(
            f"a result frame holds an integer of {exc.args[0]} digits (at most {MAX_INT_DIGITS})"
        ) from None
    except (ValueError, RecursionError) as exc:
        raise WireError(f"a result frame is not valid JSON ({type(exc).__name__})") from None
    if type(fields) is not dict:
        raise WireError("a result frame is not a JSON object")
    return fields


class Arrays:
    """The arrays of one message: its table checked against its bulk buffer, each handed out once.

    Every entry must name a dtype of `DTYPES` and a shape of at most MAX_NDIM
    non-negative ints; the offsets are worked out here from the table (never
    read from the sender), and the table must account for every byte of the
    buffer. The arrays are views of the buffer: no copy, whatever their size. With `copies`
    (the child's cases) each is a copy of its own: a view's `base` leads to the whole buffer
    (`memoryview.obj`), every case's inputs, which code handed one case's could rewrite before
    their calls (fiftieth round).
    """

    def __init__(self, table: Any, data: bytearray, *, copies: bool = False) -> None:
        if table is None:
            table = []
        if type(table) is not list or len(table) > MAX_ARRAYS:
            raise WireError("a message's array table is malformed")
        self._data = data
        self._copies = copies
        self._entries: list[tuple[np.dtype[Any], tuple[int, ...], int, int]] = []
        self._taken = bytearray(len(table))
        entries = self._entries
        available = len(data)
        end = 0
        for entry in table:
            dtype, shape, count = _table_entry(entry)
            offset = _aligned(end)
            end = offset + count * dtype.itemsize
            if end > available:
                raise WireError("an array's data does not match its header (the data is short)")
            entries.append((dtype, shape, count, offset))
        if end != available:
            raise WireError("an array's data does not match its header (bytes left over)")

    def __len__(self) -> int:
        return len(self._entries)

    def take(self, index: Any, path: WirePath) -> np.ndarray:
        """The array at `index`: a writable view of the buffer; a second use is refused."""
        if type(index) is not int or not 0 <= index < len(self._entries):
            raise WireError(f"{path_text(path)}: a reference to an array the message does not hold")
        if self._taken[index]:
            raise WireError(f"{path_text(path)}: an array used twice in one message")
        self._taken[index] = 1
        dtype, shape, count, offset = self._entries[index]
        try:
            view = _frombuffer(self._data, dtype, count, offset).reshape(shape)
        except (ValueError, TypeError, OverflowError):
            raise WireError(f"{path_text(path)}: an array header numpy cannot build") from None
        return view.copy() if self._copies else view


def _table_entry(entry: Any) -> tuple[np.dtype[Any], tuple[int, ...], int]:
    """(dtype, shape, element count) of one table entry, or WireError."""
    if type(entry) is not list or len(entry) != 2:
        raise WireError("a message's array table is malformed")
    descr, dims = entry
    dtype = DTYPES.get(descr) if type(descr) is str else None
    if dtype is None:
        shown = descr[:20] if type(descr) is str else type(descr).__name__
        raise WireError(f"an array of dtype {shown!r} is not accepted")
    if type(dims) is not list or len(dims) > MAX_NDIM:
        raise WireError("an array header declares a bad shape")
    count = 1
    for n in dims:
        if type(n) is not int or not 0 <= n <= MAX_DIM:
            raise WireError("an array header declares a bad shape")
        count *= n
    return dtype, tuple(dims), count


def decode(
    value: Any,
    arrays: Arrays,
    *,
    allow_str: bool,
    path: WirePath = "value",
    depth: int = 0,
) -> Any:
    """Rebuild a value from its tagged JSON form, refusing anything the protocol does not allow."""
    return _decode(value, arrays, allow_str, path, depth)


def _decode(value: Any, arrays: Arrays, allow_str: bool, path: WirePath, depth: int) -> Any:
    if depth > MAX_DEPTH:
        raise WireError(f"{path_text(path)}: nested too deeply")
    cls = type(value)
    if cls is bool or cls is int or cls is float:
        return value
    if cls is list:
        depth += 1
        return [_decode(v, arrays, allow_str, (path, i), depth) for i, v in enumerate(value)]
    if allow_str and (cls is str or value is None):
        return value
    if cls is dict and len(value) == 1:
        ((tag, inner),) = value.items()
        if tag == "$a":
            return arrays.take(inner, path)
        if tag == "$t" and type(inner) is list:
            depth += 1
            return tuple(
                [_decode(v, arrays, allow_str, (path, i), depth) for i, v in enumerate(inner)]
            )
        if tag == "$d" and type(inner) is dict:
            depth += 1
            return {k: _decode(v, arrays, allow_str, (path, k), depth) for k, v in inner.items()}
        if tag == "$s" and type(inner) is list and len(inner) == 2 and type(inner[0]) is str:
            return _scalar(inner[0], inner[1], path)
    if cls is str:
        raise WireError(f"{path_text(path)}: got a string where a number or an array was expected")
    if value is None:
        raise WireError(f"{path_text(path)}: got None (did the function forget to `return`?)")
    raise WireError(f"{path_text(path)}: a value the protocol does not allow")


def decode_field(
    fields: dict[str, Any], key: str, data: bytearray, *, allow_str: bool, path: str
) -> Any:
    """The value under `key` of a message, its arrays taken from the message's bulk buffer."""
    return _decode(fields[key], Arrays(fields.get("arrays"), data), allow_str, path, 0)


def _scalar(dtype_str: str, raw: Any, path: WirePath) -> Any:
    """A numpy scalar whose dtype is named in `DTYPES`, as an array's must be.

    Its name was parsed by `np.dtype`: a submission that changed what the child's encoder
    takes for a numpy scalar (its classes' methods read the wire's namespace) sent a name
    of 300,000 struct fields, which took the app seconds of CPU (and memory) to parse.
    """
    dtype = DTYPES.get(dtype_str)
    if dtype is None:
        raise WireError(f"{path_text(path)}: a scalar of an unknown dtype")
    if type(raw) not in (bool, int, float):
        raise WireError(f"{path_text(path)}: a scalar of dtype {dtype} is not accepted")
    try:
        return dtype.type(raw)
    except (OverflowError, ValueError):
        raise WireError(f"{path_text(path)}: a scalar that does not fit its dtype") from None


def encode_message(
    fields: dict[str, Any],
    values: dict[str, Any],
    *,
    allow_str: bool,
    limit: int | None = None,
    token: bytes = b"",
) -> bytearray:
    """A whole message: plain control `fields` plus tagged `values` (arrays as frames)."""
    enc = Encoder(allow_str=allow_str, limit=limit)
    body = dict(fields)
    for key, value in values.items():
        body[key] = enc.encode(value, key)
    return message(body, enc.arrays, enc.table, token)
