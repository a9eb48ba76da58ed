"""The sandbox wire format: length-prefixed JSON and .npy frames, with strict validation.

One module serves both sides. The parent imports it; the child receives its
*source text* and execs it (it imports only numpy and the stdlib), so the
child can encode its results exactly as the parent expects them.

A frame is one kind byte (``J`` JSON or ``N`` .npy), a 4-byte big-endian
length and the payload. A message is one JSON frame whose ``"n"`` field says
how many ``N`` frames follow it. Values are tagged JSON:

* a JSON number / true / false is a Python float / int / bool;
* ``[...]`` is a list, ``{"$t": [...]}`` a tuple, ``{"$d": {...}}`` a dict with str keys;
* ``{"$a": k}`` is the k-th array frame of the message, a .npy file (results);
* ``{"$r": [k, dtype_str, shape]}`` is the k-th frame as raw bytes (jobs only: the
  trusted parent's inputs skip .npy headers to keep the warm path lean);
* ``{"$s": [dtype_str, value]}`` is a numpy scalar (np.float64, np.int64, np.bool_...).

Strings and None are only accepted when ``allow_str`` is true (the job the
parent sends); results from the child never carry them.
"""

from __future__ import annotations

import io
import json
import struct
from collections.abc import Callable
from typing import Any

import numpy as np

HEADER = struct.Struct(">cI")
"""Frame header: kind byte, payload length."""
JSON_KIND = b"J"
NPY_KIND = b"N"
RESULT_LIMIT = 8 * 1024 * 1024
"""Total bytes of results a submission may send back."""
MAX_DEPTH = 32
MAX_ARRAYS = 4096
MAX_NDIM = 32
NUMERIC_KINDS = "biuf"
NPY_MAGIC = b"\x93NUMPY"


class WireError(ValueError):
    """Data on the wire is not what the protocol allows (an invalid return, a forged frame)."""


_NUMPY_SCALAR_TYPES: frozenset[type] = frozenset(np.dtype(code).type for code in "?bhilqBHILQefdg")


def _describe_type(value: Any) -> str:
    """A short, safe name for the type of a value the protocol refuses."""
    cls = type(value)
    module = getattr(cls, "__module__", "") or ""
    name = getattr(cls, "__qualname__", "?")
    if not isinstance(name, str) or not isinstance(module, str):
        return "an object of an unknown type"
    return f"{module}.{name}" if module not in ("builtins", "") else name


class Encoder:
    """Turns plain values into tagged JSON plus a list of .npy payloads."""

    def __init__(self, *, allow_str: bool, limit: int | None = None) -> None:
        self.allow_str = allow_str
        self.raw = allow_str
        """Jobs (the only direction that allows strings) send arrays as raw bytes."""
        self.limit = limit
        self.arrays: list[bytes] = []
        self.total = 0

    def encode(self, value: Any, path: str = "value", depth: int = 0) -> Any:
        """The tagged JSON form of `value`; raises WireError naming the offending path."""
        if depth > MAX_DEPTH:
            raise WireError(f"{path}: nested more than {MAX_DEPTH} levels deep")
        cls = type(value)
        if cls is bool or cls is int or cls is float:
            return value
        if cls is np.ndarray:
            index = self._array(value, path)
            if self.raw:
                return {"$r": [index, value.dtype.str, list(value.shape)]}
            return {"$a": index}
        if cls in _NUMPY_SCALAR_TYPES:
            dtype = value.dtype
            py = (
                bool(value)
                if dtype.kind == "b"
                else int(value)
                if dtype.kind in "iu"
                else float(value)
            )
            return {"$s": [dtype.str, py]}
        if cls is list:
            self._charge(len(value), path)
            return [self.encode(v, f"{path}[{i}]", depth + 1) for i, v in enumerate(value)]
        if cls is tuple:
            self._charge(len(value), path)
            return {"$t": [self.encode(v, f"{path}[{i}]", depth + 1) for i, v in enumerate(value)]}
        if cls is dict:
            out: dict[str, Any] = {}
            for key, item in value.items():
                if type(key) is not str:
                    raise WireError(f"{path}: dict keys must be strings, got {_describe_type(key)}")
                out[key] = self.encode(item, f"{path}[{key!r}]", depth + 1)
            return {"$d": out}
        if self.allow_str and (cls is str or value is None):
            return value
        if value is None:
            raise WireError(f"{path}: got None (did the function forget to `return`?)")
        if isinstance(value, np.ndarray):
            raise WireError(
                f"{path}: got {_describe_type(value)}, a subclass of numpy.ndarray;"
                " return a plain numpy.ndarray"
            )
        if cls is str:
            raise WireError(f"{path}: got a string where a number or an array was expected")
        raise WireError(
            f"{path}: got {_describe_type(value)}; only numpy arrays, numbers, bools and"
            " lists/tuples/dicts of those can be returned"
        )

    def _charge(self, items: int, path: str) -> None:
        """Count list and tuple items at 8 bytes each, so a huge list is refused before encoding."""
        self._add(8 * items, path)

    def _add(self, size: int, path: str) -> None:
        if self.limit is not None and self.total + size > self.limit:
            raise WireError(
                f"{path}: the result is too large ({(self.total + size) / 2**20:.1f} MiB;"
                f" the limit is {self.limit / 2**20:.0f} MiB in total)"
            )
        self.total += size

    def _array(self, arr: np.ndarray, path: str) -> int:
        dtype = arr.dtype
        if dtype.kind not in NUMERIC_KINDS or dtype.fields is not None or dtype.hasobject:
            kind = "object" if dtype.hasobject else str(dtype)
            raise WireError(
                f"{path}: an array of dtype {kind} is not accepted; use a numeric dtype (float64)"
            )
        if arr.ndim > MAX_NDIM:
            raise WireError(f"{path}: {arr.ndim} dimensions is too many")
        if len(self.arrays) >= MAX_ARRAYS:
            raise WireError(f"{path}: more than {MAX_ARRAYS} arrays")
        self._add(arr.nbytes, path)
        self.arrays.append(arr.tobytes(order="C") if self.raw else npy_bytes(arr))
        return len(self.arrays) - 1


def npy_bytes(arr: np.ndarray) -> bytes:
    """The .npy (version 1.0) bytes of a plain numeric array, written without numpy's helpers."""
    header = "{'descr': %r, 'fortran_order': False, 'shape': %r, }" % (  # noqa: UP031
        arr.dtype.str,
        tuple(int(n) for n in arr.shape),
    )
    pad = 64 - (len(NPY_MAGIC) + 4 + len(header) + 1) % 64
    text = (header + " " * (pad % 64) + "\n").encode("latin1")
    return NPY_MAGIC + b"\x01\x00" + struct.pack("<H", len(text)) + text + arr.tobytes(order="C")


def frame(kind: bytes, payload: bytes) -> bytes:
    """One frame: kind, length, payload."""
    return HEADER.pack(kind, len(payload)) + payload


def message(fields: dict[str, Any], arrays: list[bytes] | None = None) -> bytes:
    """A JSON frame (with ``"n"`` set to the number of arrays) followed by the array frames."""
    arrays = arrays or []
    body = dict(fields)
    body["n"] = len(arrays)
    parts = [frame(JSON_KIND, json.dumps(body, separators=(",", ":")).encode())]
    parts.extend(frame(NPY_KIND, a) for a in arrays)
    return b"".join(parts)


class FrameReader:
    """Incremental parser of a byte stream into messages (a JSON dict plus its array payloads)."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.received = 0
        self._buf = bytearray()
        self._pending: dict[str, Any] | None = None
        self._arrays: list[bytes] = []

    def feed(self, data: bytes) -> list[tuple[dict[str, Any], list[bytes]]]:
        """Add bytes; return every message completed. Raises WireError on malformed input."""
        self.received += len(data)
        if self.received > self.limit:
            raise WireError(
                f"the submission sent more than {self.limit / 2**20:.0f} MiB of results"
            )
        self._buf += data
        done: list[tuple[dict[str, Any], list[bytes]]] = []
        while len(self._buf) >= HEADER.size:
            kind, length = HEADER.unpack_from(self._buf)
            if length > self.limit:
                raise WireError("a result frame declares an impossible length")
            if len(self._buf) < HEADER.size + length:
                break
            payload = bytes(self._buf[HEADER.size : HEADER.size + length])
            del self._buf[: HEADER.size + length]
            if kind == JSON_KIND and self._pending is None:
                fields = _loads(payload)
                count = fields.get("n", 0)
                if type(count) is not int or not 0 <= count <= MAX_ARRAYS:
                    raise WireError("a result message declares a bad array count")
                self._pending, self._arrays = fields, []
            elif kind == NPY_KIND and self._pending is not None:
                self._arrays.append(payload)
            else:
                raise WireError("the result stream holds an unexpected frame")
            if self._pending is not None and len(self._arrays) == self._pending["n"]:
                done.append((self._pending, self._arrays))
                self._pending, self._arrays = None, []
        return done

    @property
    def idle(self) -> bool:
        """True when no partial frame or message is buffered."""
        return not self._buf and self._pending is None


def _loads(payload: bytes) -> dict[str, Any]:
    try:
        fields = json.loads(payload.decode("utf-8"))
    except (ValueError, RecursionError) as exc:
        raise WireError(f"a result frame is not valid JSON ({type(exc).__name__})") from None
    if type(fields) is not dict:
        raise WireError("a result frame is not a JSON object")
    return fields


def _canonical_header(payload: bytes) -> tuple[tuple[int, ...], bool, np.dtype[Any], int] | None:
    """(shape, fortran, dtype, data offset) when the header is exactly as np.save writes it.

    numpy's own reader runs ast.literal_eval on the header and np.load reads it again;
    for results made of many small arrays that was most of the warm path's overhead.
    Anything not in np.save's canonical form returns None and takes numpy's reader.
    """
    if payload[:6] != NPY_MAGIC or len(payload) < 10:
        return None
    if payload[6:8] == b"\x01\x00":
        start, size = 10, int.from_bytes(payload[8:10], "little")
    elif payload[6:8] == b"\x02\x00" and len(payload) >= 12:
        start, size = 12, int.from_bytes(payload[8:12], "little")
    else:
        return None
    text = payload[start : start + size].decode("latin1").rstrip(" \n")
    head = "{'descr': '"
    if not text.startswith(head) or not text.endswith("), }"):
        return None
    descr, sep, rest = text[len(head) : -4].partition("', 'fortran_order': ")
    if not sep:
        return None
    fortran_text, sep, inner = rest.partition(", 'shape': (")
    if not sep or fortran_text not in ("False", "True"):
        return None
    parts = [part.strip() for part in inner.split(",")]
    if len(parts) > 1 and parts[-1] == "":
        parts.pop()  # "(3,)" and "(3, 4,)": the trailing comma of a tuple
    elif parts == [""]:
        parts = []  # "()": a 0-d array
    elif len(parts) == 1:
        return None  # "(3)" is not a tuple
    if not all(part.isascii() and part.isdigit() for part in parts):
        return None
    try:
        dtype = np.dtype(descr)
    except (TypeError, ValueError):
        return None
    return tuple(int(part) for part in parts), fortran_text == "True", dtype, start + size


def load_npy(payload: bytes, path: str = "value") -> np.ndarray:
    """Check a .npy header (numeric dtype, sane shape, exact length) then np.load it without pickle."""
    stream = io.BytesIO(payload)
    canonical = _canonical_header(payload)
    if canonical is not None:
        shape, _, dtype, offset = canonical
        _check_npy(payload, path, shape, dtype, offset)
        stream.seek(0)
        return _np_load(stream, path)
    try:
        version = np.lib.format.read_magic(stream)
        if version == (1, 0):
            shape, fortran, dtype = np.lib.format.read_array_header_1_0(stream)
        elif version == (2, 0):
            shape, fortran, dtype = np.lib.format.read_array_header_2_0(stream)
        else:
            raise WireError(f"{path}: unsupported .npy version {version}")
    except WireError:
        raise
    except Exception as exc:  # numpy raises ValueError and friends on a bad header
        raise WireError(f"{path}: a malformed array header ({type(exc).__name__})") from None
    del fortran
    _check_npy(payload, path, shape, dtype, stream.tell())
    stream.seek(0)
    return _np_load(stream, path)


def _check_npy(payload: bytes, path: str, shape: Any, dtype: np.dtype[Any], offset: int) -> None:
    """A numeric dtype, a sane shape and exactly the bytes the header promises."""
    if dtype.kind not in NUMERIC_KINDS or dtype.hasobject or dtype.fields is not None:
        raise WireError(f"{path}: an array of dtype {dtype} is not accepted")
    if (
        type(shape) is not tuple
        or len(shape) > MAX_NDIM
        or any(type(n) is not int or n < 0 for n in shape)
    ):
        raise WireError(f"{path}: an array header declares a bad shape")
    count = 1
    for n in shape:
        count *= n
    if count * dtype.itemsize != len(payload) - offset:
        raise WireError(f"{path}: an array's data does not match its header")


def _np_load(stream: io.BytesIO, path: str) -> np.ndarray:
    """np.load without pickle, of a payload whose header was checked."""
    try:
        arr = np.load(stream, allow_pickle=False)
    except Exception as exc:  # a header numpy reads differently from the check above
        raise WireError(f"{path}: a malformed array ({type(exc).__name__})") from None
    if type(arr) is not np.ndarray:
        raise WireError(f"{path}: not a plain array")
    return arr


def decode(
    value: Any,
    arrays: list[bytes],
    *,
    allow_str: bool,
    path: str = "value",
    depth: int = 0,
    load: Callable[[bytes, str], np.ndarray] = load_npy,
) -> Any:
    """Rebuild a value from its tagged JSON form, refusing anything the protocol does not allow."""
    if depth > MAX_DEPTH:
        raise WireError(f"{path}: nested too deeply")
    cls = type(value)
    if cls is bool or cls is int or cls is float:
        return value
    if cls is list:
        return [
            decode(v, arrays, allow_str=allow_str, path=f"{path}[{i}]", depth=depth + 1, load=load)
            for i, v in enumerate(value)
        ]
    if allow_str and (cls is str or value is None):
        return value
    if cls is dict and len(value) == 1:
        ((tag, inner),) = value.items()
        if tag == "$a" and type(inner) is int and 0 <= inner < len(arrays):
            return load(arrays[inner], path)
        if tag == "$r" and allow_str and type(inner) is list and len(inner) == 3:
            return _raw_array(inner, arrays, path)
        if tag == "$t" and type(inner) is list:
            return tuple(
                decode(
                    v, arrays, allow_str=allow_str, path=f"{path}[{i}]", depth=depth + 1, load=load
                )
                for i, v in enumerate(inner)
            )
        if tag == "$d" and type(inner) is dict:
            return {
                k: decode(
                    v,
                    arrays,
                    allow_str=allow_str,
                    path=f"{path}[{k!r}]",
                    depth=depth + 1,
                    load=load,
                )
                for k, v in inner.items()
            }
        if tag == "$s" and type(inner) is list and len(inner) == 2 and type(inner[0]) is str:
            return _scalar(inner[0], inner[1], path)
    if cls is str:
        raise WireError(f"{path}: got a string where a number or an array was expected")
    if value is None:
        raise WireError(f"{path}: got None (did the function forget to `return`?)")
    raise WireError(f"{path}: a value the protocol does not allow")


def _raw_array(spec: list[Any], arrays: list[bytes], path: str) -> np.ndarray:
    """A job's input array from raw bytes (trusted direction), writable like the original."""
    index, dtype_str, shape = spec
    if type(index) is not int or not 0 <= index < len(arrays) or type(dtype_str) is not str:
        raise WireError(f"{path}: a bad raw array reference")
    dtype = np.dtype(dtype_str)
    if dtype.kind not in NUMERIC_KINDS or type(shape) is not list:
        raise WireError(f"{path}: a raw array of dtype {dtype} is not accepted")
    arr = np.frombuffer(bytearray(arrays[index]), dtype=dtype)
    return arr.reshape([int(n) for n in shape])


def _scalar(dtype_str: str, raw: Any, path: str) -> Any:
    try:
        dtype = np.dtype(dtype_str)
    except (TypeError, ValueError):
        raise WireError(f"{path}: a scalar of an unknown dtype") from None
    if dtype.kind not in NUMERIC_KINDS or type(raw) not in (bool, int, float):
        raise WireError(f"{path}: a scalar of dtype {dtype} is not accepted")
    try:
        return dtype.type(raw)
    except (OverflowError, ValueError):
        raise WireError(f"{path}: a scalar that does not fit its dtype") from None


def encode_message(
    fields: dict[str, Any], values: dict[str, Any], *, allow_str: bool, limit: int | None = None
) -> bytes:
    """A whole message: plain control `fields` plus tagged `values` (arrays as frames)."""
    enc = Encoder(allow_str=allow_str, limit=limit)
    body = dict(fields)
    for key, value in values.items():
        body[key] = enc.encode(value, key)
    return message(body, enc.arrays)
