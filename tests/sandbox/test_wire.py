"""The wire format: what round-trips, and what the parent refuses before reading any data."""

from __future__ import annotations

import io
import json
import pickle
import tracemalloc
from decimal import Decimal
from fractions import Fraction
from typing import Any

import numpy as np
import pytest

from engine.sandbox import wire
from engine.sandbox.decide import readable_invalid
from engine.sandbox.text import CappedOutput, clip, strip_controls


def roundtrip(value: Any, *, allow_str: bool = False) -> Any:
    data = wire.encode_message({"t": "x"}, {"v": value}, allow_str=allow_str)
    reader = wire.FrameReader(wire.RESULT_LIMIT)
    ((fields, bulk),) = reader.feed(bytes(data))
    assert reader.idle
    return wire.decode_field(fields, "v", bulk, allow_str=allow_str, path="v")


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


class _Raising(type):
    """A metaclass whose attribute lookups raise: the refusal must still be the plain one."""

    def __getattr__(cls, name: str) -> Any:
        raise RuntimeError(name)


@pytest.mark.parametrize(
    ("value", "phrase"),
    [
        (Fraction(1, 3), "got a fractions.Fraction, a number type the grader does not take;"),
        (Decimal("0.5"), "got a decimal.Decimal, a number type the grader does not take;"),
        (complex(0.5, 0.0), "got a complex, a complex number whose imaginary part is 0;"),
        (np.complex128(0.5), "got a numpy.complex128, a complex number whose imaginary part is 0;"),
        (np.complex64(0.5 + 1j), "got a numpy.complex64, a complex number; the drills return real"),
        (" 0.693 ", "got the string '0.693', a number written as text; return the number"),
        ("passed", "got a string where a number or an array was expected"),
        (_Raising("Odd", (), {})(), f"got a {__name__}.Odd; only numpy arrays, numbers, bools"),
        ((x for x in range(2)), "got a generator, which hands out its values one at a time;"),
        (map(float, [1, 2]), "got a map, which hands out its values one at a time;"),
        ({1.0, 2.0}, "got a set, which hands out its values one at a time;"),
        ({"a": 1}.values(), "got a dict_values, which hands out its values one at a time;"),
    ],
)
def test_a_number_of_a_refused_type_is_told_what_to_return(value: Any, phrase: str) -> None:
    """A complex, Fraction, Decimal or a number as text was refused with "only numpy arrays,
    numbers, bools ... can be returned", which reads as a contradiction for a number."""
    with pytest.raises(wire.WireError) as info:
        wire.Encoder(allow_str=False).encode(value, "out")
    assert str(info.value).startswith(f"out: {phrase}"), str(info.value)


def test_the_encoder_enforces_the_size_limit_before_copying() -> None:
    enc = wire.Encoder(allow_str=False, limit=1024)
    with pytest.raises(wire.WireError, match="too large"):
        enc.encode(np.zeros(1000), "out")
    with pytest.raises(wire.WireError, match="too large"):
        wire.Encoder(allow_str=False, limit=1024).encode([0.0] * 1000, "out")


def _forged(table: Any, data: bytes, value: Any = None) -> Any:
    """Decode `value` (the first array by default) against a table and bulk buffer as a child could send them."""
    return wire.decode_field(
        {"arrays": table, "out": {"$a": 0} if value is None else value},
        "out",
        bytearray(data),
        allow_str=False,
        path="out",
    )


@pytest.mark.parametrize(
    ("table", "data", "phrase"),
    [
        ([["|O", [1]]], pickle.dumps([1]), "'|O' is not accepted"),
        ([["<c16", [1]]], bytes(16), "'<c16' is not accepted"),
        ([["V8", [1]]], bytes(8), "not accepted"),
        ([["(2,)<f8", [1]]], bytes(16), "not accepted"),
        ([[8, [1]]], bytes(8), "not accepted"),
        ([["<f8", [4]]], bytes(8), "data is short"),
        ([["<f8", [1]]], bytes(24), "left over"),
        ([["<f8", [2**40, 2**40]]], b"", "data is short"),
        ([["<f8", [0, 2**41]]], b"", "bad shape"),
        ([["<f8", [-1]]], b"", "bad shape"),
        ([["<f8", [1.0]]], bytes(8), "bad shape"),
        ([["<f8", [True]]], bytes(8), "bad shape"),
        ([["<f8", [1] * 33]], bytes(8), "bad shape"),
        ([["<f8", "3"]], bytes(24), "bad shape"),
        ([["<f8"]], bytes(8), "malformed"),
        ({"0": ["<f8", [1]]}, bytes(8), "malformed"),
        ([["<f8", [1]]] * (wire.MAX_ARRAYS + 1), bytes(8), "malformed"),
        # the second array starts at the next multiple of ALIGN, not right after the first
        ([["|u1", [1]], ["<f8", [1]]], bytes(9), "data is short"),
    ],
)
def test_the_parent_checks_the_array_table_before_building_arrays(
    table: Any, data: bytes, phrase: str
) -> None:
    with pytest.raises(wire.WireError) as info:
        _forged(table, data)
    assert phrase in str(info.value)


@pytest.mark.parametrize(
    ("value", "phrase"),
    [
        ({"$a": 1}, "does not hold"),
        ({"$a": -1}, "does not hold"),
        ({"$a": "0"}, "does not hold"),
        ({"$a": True}, "does not hold"),
        ([{"$a": 0}, {"$a": 0}], "used twice"),
    ],
)
def test_array_references_are_checked(value: Any, phrase: str) -> None:
    with pytest.raises(wire.WireError) as info:
        _forged([["<f8", [1]]], bytes(8), value)
    assert phrase in str(info.value)


def test_a_pickled_array_is_never_unpickled() -> None:
    buf = io.BytesIO()
    np.save(buf, np.array([{"x": 1}], dtype=object), allow_pickle=True)
    with pytest.raises(wire.WireError, match="not accepted"):
        _forged([["|O", [1]]], buf.getvalue())


def test_arrays_are_aligned_writable_views_of_one_buffer() -> None:
    value = [np.arange(3, dtype=np.uint8), np.arange(5.0), np.ones((2, 2), dtype=">i4")]
    data = wire.encode_message({"t": "x"}, {"v": value}, allow_str=False)
    ((fields, bulk),) = wire.FrameReader(wire.RESULT_LIMIT).feed(bytes(data))
    assert fields["n"] == 1 and len(fields["arrays"]) == 3
    back = wire.decode_field(fields, "v", bulk, allow_str=False, path="v")
    for got, want in zip(back, value, strict=True):
        assert got.dtype == want.dtype and got.flags.aligned and got.flags.writeable
        np.testing.assert_array_equal(got, want)
        assert np.shares_memory(np.frombuffer(bulk, np.uint8), got)
    assert len(bulk) == 64 + 16  # at offsets 0, 16 and 64: each starts at a multiple of ALIGN


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
        wire.decode(tagged, wire.Arrays([], bytearray()), allow_str=False)


def test_the_frame_reader_refuses_garbage_and_overflow() -> None:
    with pytest.raises(wire.WireError):
        wire.FrameReader(1024).feed(b'{"status": "passed"}')
    with pytest.raises(wire.WireError, match="unexpected frame"):
        wire.FrameReader(1024).feed(wire.frame(wire.BULK_KIND, b"x"))
    with pytest.raises(wire.WireError, match="unexpected frame"):
        wire.FrameReader(1024).feed(wire.frame(b"N", b"x"))
    with pytest.raises(wire.WireError, match="bulk frame count"):
        wire.FrameReader(1024).feed(wire.frame(wire.JSON_KIND, b'{"n": 2}'))
    with pytest.raises(wire.WireError, match="unexpected frame"):
        two_json = wire.frame(wire.JSON_KIND, b'{"n": 1}') * 2
        wire.FrameReader(1024).feed(two_json)
    with pytest.raises(wire.WireError, match="impossible length"):
        wire.FrameReader(1024).feed(wire.HEADER.pack(wire.BULK_KIND, 2**32 - 1))
    with pytest.raises(wire.WireError, match="more than"):
        wire.FrameReader(1024).feed(b"J" + b"\0" * 2000)
    with pytest.raises(wire.WireError, match="JSON"):
        wire.FrameReader(1024).feed(wire.frame(wire.JSON_KIND, b"[" * 100 + b"oops"))
    deep = json.dumps({"n": 0, "v": [[[]]]}).replace("[[[]]]", "[" * 50_000 + "]" * 50_000)
    with pytest.raises(wire.WireError):
        wire.FrameReader(1 << 20).feed(wire.frame(wire.JSON_KIND, deep.encode()))


TOKEN = bytes(range(wire.TOKEN_SIZE))
"""A job's token, as the worker sets it on its reader once the child is ready."""


def _sealed_reader() -> wire.FrameReader:
    reader = wire.FrameReader(wire.RESULT_LIMIT)
    reader.token = TOKEN
    return reader


@pytest.mark.parametrize(
    "forged",
    [
        wire.HEADER.pack(wire.JSON_KIND, 2**32 - 1),  # a length past the limit
        wire.HEADER.pack(wire.JSON_KIND, 1_000_000),  # one that would swallow what follows
        b"hello",  # fewer bytes than a header
        wire.frame(wire.JSON_KIND, b'{"t": "result", "n": 0}'),  # a whole message
    ],
)
def test_a_frame_without_the_jobs_token_is_refused_before_its_length_is_read(
    forged: bytes,
) -> None:
    """A forged frame whose declared length was guessed wrong read as "an impossible length",
    or, under the limit, swallowed the grader's own frames until the child exited and read as
    a crash. Each frame now starts with the job's token, checked first."""
    with pytest.raises(wire.ForgedError, match="the grader did not write"):
        _sealed_reader().feed(forged)


def test_sealed_messages_roundtrip_in_pieces() -> None:
    data = bytes(
        wire.encode_message({"t": "x"}, {"v": np.arange(3.0)}, allow_str=False, token=TOKEN)
    )
    data += bytes(wire.message({"t": "y"}, token=TOKEN))
    reader = _sealed_reader()
    got = []
    for i in range(len(data)):
        got += reader.feed(data[i : i + 1])  # a token's first bytes wait for the rest
    assert reader.idle
    ((fields, bulk), (last, _)) = got
    np.testing.assert_array_equal(
        wire.decode_field(fields, "v", bulk, allow_str=False, path="v"), [0, 1, 2]
    )
    assert last["t"] == "y"


def test_messages_before_a_broken_frame_are_returned_before_its_error() -> None:
    """The child's `loaded` and a forged frame the code wrote right after it can arrive in one
    read: the error took `loaded` with it, and a forgery made during case 1 read as one made
    while the code loaded. The messages come first; the error follows at `check`."""
    reader = _sealed_reader()
    (loaded,) = reader.feed(bytes(wire.message({"t": "loaded"}, token=TOKEN)) + b"forged")
    assert loaded[0]["t"] == "loaded"
    with pytest.raises(wire.ForgedError):
        reader.check()
    with pytest.raises(wire.ForgedError):
        reader.feed(bytes(wire.message({"t": "done"}, token=TOKEN)))


def test_frames_may_arrive_in_pieces() -> None:
    data = bytes(wire.encode_message({"t": "x"}, {"v": np.arange(3.0)}, allow_str=False))
    data += bytes(wire.message({"t": "y"}))
    reader = wire.FrameReader(wire.RESULT_LIMIT)
    got = []
    for i in range(len(data)):
        got += reader.feed(data[i : i + 1])
    assert reader.idle
    ((fields, bulk), (last, empty)) = got
    value = wire.decode_field(fields, "v", bulk, allow_str=False, path="v")
    np.testing.assert_array_equal(value, [0, 1, 2])
    assert last["t"] == "y" and last["n"] == 0 and empty == b""


def test_a_declared_length_allocates_no_more_than_the_limit() -> None:
    """A lying frame length is refused before any buffer is made; a large one costs at most the limit."""
    limit = 4 * 2**20
    tracemalloc.start()
    try:
        with pytest.raises(wire.WireError, match="impossible length"):
            wire.FrameReader(limit).feed(wire.HEADER.pack(wire.BULK_KIND, limit + 1))
        _, peak = tracemalloc.get_traced_memory()
        assert peak < 2**20
        reader = wire.FrameReader(limit)
        assert reader.feed(wire.HEADER.pack(wire.JSON_KIND, limit)) == []
        _, peak = tracemalloc.get_traced_memory()
        assert peak < limit + 2**20
        with pytest.raises(wire.WireError, match="more than"):
            reader.feed(bytes(limit))
    finally:
        tracemalloc.stop()


def test_control_characters_are_stripped() -> None:
    text = "a\x1b[2J\x1b[31mred\x1b]0;title\x07 \x9b1m\x07b\r\nc\u202ed\tz"
    assert strip_controls(text) == "ared b\ncd\tz"


def test_clean_text_is_returned_as_it_is_and_any_control_still_stripped() -> None:
    """The search that lets clean text through unchanged misses no character the full pass
    strips or replaces (the module's own full pass: a copy here left the surrogates out)."""
    from engine.sandbox.text import _stripped

    clean = "case 3: y_hat (4, 9), max |err| 1e-6\n\tline 2, in f: x = y"
    assert strip_controls(clean) is clean
    codes = [
        *range(0x2100),
        *range(0x2060, 0x2070),
        *range(0xD7F0, 0xE010),
        *range(0xFFF0, 0x10000),
    ]
    for code in codes:
        for text in (chr(code), f"a{chr(code)}[2Jb", f"x\r\n{chr(code)}]0;t\x07y"):
            assert strip_controls(text) == _stripped(text), hex(code)


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


def test_the_old_raw_array_tag_is_refused() -> None:
    with pytest.raises(wire.WireError):
        _forged([["<f8", [1]]], bytes(8), {"$r": [0, "<f8", [1]]})


def test_both_copy_paths_lay_out_the_same_bytes() -> None:
    """Small arrays are copied with one `tobytes`, large ones into place; strided, Fortran,
    byte-swapped, bool and empty arrays arrive equal to what was sent, at aligned offsets."""
    base = np.arange(4.0 * 300).reshape(4, 300)
    big = wire.SMALL_COPY // 8 + 7
    value: list[np.ndarray] = [
        base[:, ::7],
        base[:, 5:37],
        np.asfortranarray(base[:, :40]),
        np.arange(big, dtype=">f8")[::-1],
        np.asfortranarray(np.arange(big * 2.0).reshape(2, big)),
        np.array([True, False, True]),
        np.zeros((0, 3)),
        np.array([1.5, -2.0], dtype=np.float16),
    ]
    data = wire.encode_message({"t": "x"}, {"v": value}, allow_str=False)
    ((fields, bulk),) = wire.FrameReader(wire.RESULT_LIMIT).feed(bytes(data))
    back = wire.decode_field(fields, "v", bulk, allow_str=False, path="v")
    for got, want in zip(back, value, strict=True):
        assert got.dtype == want.dtype and got.shape == want.shape and got.flags.aligned
        np.testing.assert_array_equal(got, want)
    assert fields["arrays"][3] == [">f8", [big]]


def test_errors_name_the_full_path_of_the_bad_value() -> None:
    """Paths are kept as tuples and written out only for the error: the text is the same."""
    with pytest.raises(wire.WireError) as info:
        wire.Encoder(allow_str=False).encode({"a": [(1.0, np.zeros(2)), (2.0, None)]}, "out")
    assert str(info.value).startswith("out['a'][1][1]: got None")
    with pytest.raises(wire.WireError) as info:
        wire.Encoder(allow_str=False).encode([{"k": ["x"]}], "out")
    assert str(info.value).startswith("out[0]['k'][0]: got a string")
    with pytest.raises(wire.WireError) as info:
        _forged([["<f8", [1]]], bytes(8), {"$d": {"a": [{"$t": [1.0, {"$a": 3}]}]}})
    assert str(info.value).startswith("out['a'][0][1]: a reference to an array")
    with pytest.raises(wire.WireError) as info:
        _forged([["<f8", [1]]], bytes(8), [1.0, {"$t": ["no"]}])
    assert str(info.value).startswith("out[1][0]: got a string")
    assert wire.path_text((("v", 2), "k")) == "v[2]['k']"


@pytest.mark.parametrize(
    ("child", "user"),
    [
        ("out['out']: got generator; only ...", "the returned value: got generator; only ..."),
        ("out['first']: got map; only ...", "the returned value: got map; only ..."),
        (
            "out['out'][0][1]: got set; only ...",
            "the returned value, item [0][1]: got set; only ...",
        ),
        ("out['dX']: got None (did ...)", "the returned dX: got None (did ...)"),
        ("the result is too large (limit 64 MiB)", "the result is too large (limit 64 MiB)"),
    ],
)
def test_a_refused_returns_path_reads_in_the_users_words(child: str, user: str) -> None:
    assert readable_invalid(child) == user
