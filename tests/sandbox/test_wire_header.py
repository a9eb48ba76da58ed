"""The fast .npy header check agrees with numpy's reader and refuses what it refuses."""

from __future__ import annotations

import io
from typing import Any

import numpy as np
import pytest

from engine.sandbox import wire


def _npy(array: np.ndarray) -> bytes:
    buffer = io.BytesIO()
    np.save(buffer, array, allow_pickle=False)
    return buffer.getvalue()


def _with_header(text: str, data: bytes = b"") -> bytes:
    """A version 1.0 .npy payload with this exact header text (padded as numpy pads)."""
    header = text.encode("latin1")
    pad = (64 - (10 + len(header) + 1) % 64) % 64
    header += b" " * pad + b"\n"
    return wire.NPY_MAGIC + b"\x01\x00" + len(header).to_bytes(2, "little") + header + data


@pytest.mark.parametrize(
    "array",
    [
        np.arange(12.0).reshape(3, 4),
        np.arange(3.0),
        np.array(2.5),
        np.zeros((0, 4), dtype=np.int8),
        np.asfortranarray(np.arange(6.0).reshape(3, 2)),
        np.array([True, False]),
        np.arange(24, dtype=">i4").reshape(2, 3, 4),
    ],
)
def test_np_save_headers_take_the_fast_path_and_match_numpy(array: np.ndarray) -> None:
    payload = _npy(array)
    stream = io.BytesIO(payload)
    np.lib.format.read_magic(stream)
    shape, fortran, dtype = np.lib.format.read_array_header_1_0(stream)
    assert wire._canonical_header(payload) == (shape, fortran, dtype, stream.tell())
    back = wire.load_npy(payload)
    assert back.dtype == array.dtype and back.shape == array.shape
    np.testing.assert_array_equal(back, array)


@pytest.mark.parametrize(
    "header",
    [
        "{'descr': '<f8', 'fortran_order': False, 'shape': (3), }",  # an int, not a tuple
        "{'descr': '<f8', 'shape': (3,), 'fortran_order': False, }",  # another key order
        "{'descr': '<f8', 'fortran_order': False, 'shape': (3,), 'x': 1, }",
        "{'descr': '<f8', 'fortran_order': 0, 'shape': (3,), }",
        "{'descr': '<f8', 'fortran_order': False, 'shape': (-3,), }",
    ],
)
def test_other_header_forms_leave_the_fast_path(header: str) -> None:
    assert wire._canonical_header(_with_header(header, bytes(24))) is None


@pytest.mark.parametrize(
    ("header", "data"),
    [
        ("{'descr': '|O', 'fortran_order': False, 'shape': (1,), }", bytes(8)),
        ("{'descr': '<f8', 'fortran_order': False, 'shape': (1000000000, 1000000000), }", bytes(8)),
        ("{'descr': '<f8', 'fortran_order': False, 'shape': (4,), }", bytes(24)),
        ("{'descr': '<f8', 'fortran_order': False, 'shape': (3), }", bytes(24)),
        ("{'descr': 'not a dtype', 'fortran_order': False, 'shape': (3,), }", bytes(24)),
    ],
)
def test_forged_headers_are_refused(header: str, data: Any) -> None:
    with pytest.raises(wire.WireError):
        wire.load_npy(_with_header(header, data))
