"""The wire format: what round-trips, and what the parent refuses before reading any data."""

from __future__ import annotations

import io
import json
import pickle
import struct
from typing import Any

import numpy as np
import pytest

from engine.sandbox import wire
from engine.sandbox.text import CappedOutput, clip, strip_controls


def roundtrip(value: Any, *, allow_str: bool = False) -> Any:
    data = wire.encode_message({"t": "x"}, {"v": value}, allow_str=allow_str)
    reader = wire.FrameReader(wire.RESULT_LIMIT)
    ((fields, arrays),) = reader.feed(data)
    assert reader.idle
    return wire.decode(fields["v"], arrays, allow_str=allow_str)


def test_plain_values_roundtrip_with_their_types() -> None:
    value = {
        "a": np.arange(6, dtype=np.float64).reshape(2, 3),
        "b": (1, 2.5, True),
        "c": [np.float64(0.25), np.int64(-3), np.bool_(True), np.float32(1.5)],
        "d": np.zeros((0, 4), dtype=np.int8),
        "e": np.float64("nan"),
        "f": np.asfortranarray(np.ones((3, 2))),
        "g": np.array(7.0),
    }
    back = roundtrip(value)
    assert back.keys() == value.keys()
    np.testing.assert_array_equal(back["a"], value["a"])
    assert back["a"].dtype == np.float64 and type(back["a"]) is np.ndarray
    assert back["b"] == (1, 2.5, True) and type(back["b"]) is tuple
    assert [type(x) for x in back["c"]] == [np.float64, np.int64, np.bool_, np.float32]
    assert back["d"].shape == (0, 4) and back["d"].dtype == np.int8
    assert np.isnan(back["e"])
    np.testing.assert_array_equal(back["f"], value["f"])
    assert back["g"].shape == ()


def test_the_job_direction_allows_strings_and_none() -> None:
    assert roundtrip({"fn": "double", "x": None}, allow_str=True) == {"fn": "double", "x": None}


def _nested(depth: int) -> list[Any]:
    value: list[Any] = [1.0]
    for _ in range(depth):
        value = [value]
    return value


@pytest.mark.parametrize(
    ("value", "phrase"),
    [
        ("passed", "string"),
        (None, "forget to `return`"),
        (np.array([None], dtype=object), "dtype object"),
        (np.ma.masked_array([1.0]), "subclass"),
        (np.array([1 + 2j]), "complex128"),
        (np.array(["a"]), "<U1"),
        (np.zeros(2, dtype=[("a", "f8")]), "dtype"),
        ({1: 2.0}, "keys must be strings"),
        (object(), "object"),
        (2.0 + 1j, "complex"),
        (_nested(40), "nested"),
    ],
)
def test_the_child_encoder_refuses_what_is_not_plain(value: Any, phrase: str) -> None:
    with pytest.raises(wire.WireError, match=None) as info:
        wire.Encoder(allow_str=False).encode(value, "out")
    assert phrase in str(info.value)


def test_the_encoder_enforces_the_size_limit_before_copying() -> None:
    enc = wire.Encoder(allow_str=False, limit=1024)
    with pytest.raises(wire.WireError, match="too large"):
        enc.encode(np.zeros(1000), "out")
    with pytest.raises(wire.WireError, match="too large"):
        wire.Encoder(allow_str=False, limit=1024).encode([0.0] * 1000, "out")


def _npy_frame(payload: bytes) -> list[bytes]:
    return [payload]


def _header(descr: str, shape: tuple[int, ...], extra: bytes = b"") -> bytes:
    text = "{'descr': %r, 'fortran_order': False, 'shape': %r, }" % (descr, shape)  # noqa: UP031
    text += " " * (64 - (len(text) + 11) % 64) + "\n"
    return b"\x93NUMPY\x01\x00" + struct.pack("<H", len(text)) + text.encode() + extra


@pytest.mark.parametrize(
    ("payload", "phrase"),
    [
        (_header("|O", (1,), pickle.dumps([1])), "dtype object"),
        (_header("<c16", (1,), b"\0" * 16), "complex128"),
        (_header("<f8", (4,), b"\0" * 8), "does not match"),
        (_header("<f8", (2**40, 2**40), b""), "does not match"),
        (_header("<f8", (-1,), b""), "bad shape"),
        (b"\x93NUMPY\x03\x00garbage", "unsupported"),
        (b"not an npy at all", "malformed"),
        (np.lib.format.header_data_from_array_1_0(np.zeros(1)).__repr__().encode(), "malformed"),
    ],
)
def test_the_parent_checks_npy_headers_before_loading(payload: bytes, phrase: str) -> None:
    with pytest.raises(wire.WireError) as info:
        wire.decode({"$a": 0}, [payload], allow_str=False)
    assert phrase in str(info.value)


def test_a_pickled_array_is_never_unpickled() -> None:
    buf = io.BytesIO()
    np.save(buf, np.array([{"x": 1}], dtype=object), allow_pickle=True)
    with pytest.raises(wire.WireError, match="dtype object"):
        wire.decode({"$a": 0}, [buf.getvalue()], allow_str=False)


@pytest.mark.parametrize(
    "tagged",
    [
        "passed",
        None,
        {"$a": 3},
        {"$x": 1},
        {"$t": 5},
        {"$s": ["O", 1]},
        {"$s": ["<f8", "1.0"]},
        {"$s": ["<i1", 1000]},
        {"a": 1, "b": 2},
    ],
)
def test_the_parent_refuses_forged_tags(tagged: Any) -> None:
    with pytest.raises(wire.WireError):
        wire.decode(tagged, [], allow_str=False)


def test_the_frame_reader_refuses_garbage_and_overflow() -> None:
    with pytest.raises(wire.WireError):
        wire.FrameReader(1024).feed(b'{"status": "passed"}')
    with pytest.raises(wire.WireError):
        wire.FrameReader(1024).feed(wire.frame(wire.NPY_KIND, b"x"))
    with pytest.raises(wire.WireError, match="more than"):
        wire.FrameReader(1024).feed(b"J" + b"\0" * 2000)
    with pytest.raises(wire.WireError, match="JSON"):
        wire.FrameReader(1024).feed(wire.frame(wire.JSON_KIND, b"[" * 100 + b"oops"))
    deep = json.dumps({"n": 0, "v": [[[]]]}).replace("[[[]]]", "[" * 50_000 + "]" * 50_000)
    with pytest.raises(wire.WireError):
        wire.FrameReader(1 << 20).feed(wire.frame(wire.JSON_KIND, deep.encode()))


def test_frames_may_arrive_in_pieces() -> None:
    data = wire.encode_message({"t": "x"}, {"v": np.arange(3.0)}, allow_str=False)
    reader = wire.FrameReader(wire.RESULT_LIMIT)
    got = []
    for i in range(len(data)):
        got += reader.feed(data[i : i + 1])
    ((fields, arrays),) = got
    np.testing.assert_array_equal(wire.decode(fields["v"], arrays, allow_str=False), [0, 1, 2])


def test_npy_bytes_match_numpys_own_format() -> None:
    arr = np.arange(12, dtype="<i4").reshape(3, 4)
    loaded = np.load(io.BytesIO(wire.npy_bytes(arr)), allow_pickle=False)
    np.testing.assert_array_equal(loaded, arr)


def test_control_characters_are_stripped() -> None:
    text = "a\x1b[2J\x1b[31mred\x1b]0;title\x07 \x9b1m\x07b\r\nc\u202ed\tz"
    assert strip_controls(text) == "ared b\ncd\tz"


def test_clip_folds_repeats_and_bounds_length() -> None:
    message = clip("Error\n" + "  line 2, in f: f()\n" * 500 + "end")
    assert "repeated 499 more times" in message
    assert len(clip("x" * 10_000)) < 4100


def test_capped_output_notes_truncation() -> None:
    out = CappedOutput(10)
    out.add(b"0123456789abc")
    out.add(b"more")
    assert out.text() == "0123456789\n[truncated: 7 more bytes not shown]"


def test_job_arrays_travel_raw_and_arrive_writable() -> None:
    x = np.asfortranarray(np.arange(6.0).reshape(2, 3))
    back = roundtrip({"x": x, "i": np.arange(3, dtype=np.uint16)}, allow_str=True)
    np.testing.assert_array_equal(back["x"], x)
    assert back["i"].dtype == np.uint16
    back["x"][0, 0] = 42.0  # submissions may (wrongly) write into their inputs
    assert back["x"][0, 0] == 42.0


def test_results_cannot_use_the_raw_array_tag() -> None:
    with pytest.raises(wire.WireError):
        wire.decode({"$r": [0, "<f8", [1]]}, [b"\0" * 8], allow_str=False)
