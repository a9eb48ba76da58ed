"""Checkers for the 2-D convolution forward and backward passes (N, C, H, W tensors)."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Any

import numpy as np

from engine import cases as gen
from engine.arch import conv as ref
from engine.checkers.arch._common import (
    SpatialAxis,
    check_shape,
    float_size_cause,
    narrowed_by_values,
    numeric_check,
    one_axis_stride_message,
    size_without_stride_message,
    stride_on_one_axis,
    unpack,
)
from engine.checkers.base import Case
from engine.checkers.nn._common import NNChecker, call_inputs
from engine.checks import Judgement, Tolerance

__all__ = ["conv2d_backward", "conv2d_forward"]

DEFAULTS = {"stride": 1, "pad": 0}

PAD_MODES = (
    ("edge", "repeats the edge values"),
    ("reflect", "mirrors the image without its edge row and column"),
    ("symmetric", "mirrors the image with its edge row and column"),
)
"""np.pad's modes that fill a border with the image's own values, and what each does."""


def _geometry(rng: np.random.Generator) -> list[tuple[str, dict[str, Any]]]:
    """Shapes, strides and paddings every conv case set covers (the names say which edge)."""
    c = gen.size(rng, 2, 3)
    return [
        (
            "a 1x1 kernel",
            {"N": 2, "C": c, "F": 3, "H": 4, "W": 5, "KH": 1, "KW": 1, "s": 1, "p": 0},
        ),
        (
            "size-1 dims (N = C = F = 1), one output pixel",
            {"N": 1, "C": 1, "F": 1, "H": 3, "W": 3, "KH": 3, "KW": 3, "s": 1, "p": 0},
        ),
        (
            "stride 2, pad 1, odd sizes",
            {"N": 2, "C": c, "F": 2, "H": 7, "W": 5, "KH": 3, "KW": 3, "s": 2, "p": 1},
        ),
        (
            "a non-square kernel, pad 2",
            {"N": 1, "C": c, "F": 2, "H": 5, "W": 6, "KH": 2, "KW": 3, "s": 1, "p": 2},
        ),
        (
            "stride 2 leaves the last row and column unused",
            {"N": 2, "C": c, "F": 3, "H": 8, "W": 6, "KH": 3, "KW": 3, "s": 2, "p": 0},
        ),
        (
            "stride 3 larger than the 2x2 kernel",
            {"N": 1, "C": c, "F": 2, "H": 8, "W": 7, "KH": 2, "KW": 2, "s": 3, "p": 1},
        ),
        (
            "default stride and pad (arguments omitted)",
            {"N": 2, "C": c, "F": 2, "H": 5, "W": 4, "KH": 3, "KW": 2, "s": None, "p": None},
        ),
        (
            "a larger batch, 3x3 same padding",
            {"N": 4, "C": 3, "F": 8, "H": 12, "W": 12, "KH": 3, "KW": 3, "s": 1, "p": 1},
        ),
    ]


def _tensors(rng: np.random.Generator, g: dict[str, Any]) -> tuple[np.ndarray, ...]:
    x = gen.normal(rng, (g["N"], g["C"], g["H"], g["W"]))
    w = gen.normal(rng, (g["F"], g["C"], g["KH"], g["KW"]), 0.5)
    b = gen.normal(rng, (g["F"],))
    return x, w, b


def _stride_pad(case: Case, offset: int) -> tuple[int, int]:
    args = case.inputs["args"]
    stride = args[offset] if len(args) > offset else DEFAULTS["stride"]
    pad = args[offset + 1] if len(args) > offset + 1 else DEFAULTS["pad"]
    return int(stride), int(pad)


def _describe(x: np.ndarray, w: np.ndarray, s: int | None, p: int | None) -> str:
    shown = "stride, pad: defaults (1, 0)" if s is None else f"stride={s}, pad={p}"
    return gen.describe(x=x, w=w) + f"; {shown}"


_SIZE_SLIPS: tuple[tuple[str, Callable[[int, int, int, int], int]], ...] = (
    (
        "the size ignores the padding; it is (H + 2*pad - KH)//stride + 1",
        lambda s, k, st, p: (s - k) // st + 1,
    ),
    (
        "the size ignores the stride; it is (H + 2*pad - KH)//stride + 1",
        lambda s, k, st, p: s + 2 * p - k + 1,
    ),
    (
        "the size rounds up; windows that do not fit are dropped (floor division)",
        lambda s, k, st, p: -(-(s + 2 * p - k) // st) + 1,
    ),
    (
        "the padding is added on one side only; zero-pad both sides",
        lambda s, k, st, p: (s + p - k) // st + 1,
    ),
    (
        "the size misses the + 1: (H + 2*pad - KH)//stride counts the steps between "
        "windows; the windows are one more, (H + 2*pad - KH)//stride + 1",
        lambda s, k, st, p: (s + 2 * p - k) // st,
    ),
    (
        "the + 1 went inside the floor division, (H + 2*pad - KH + 1)//stride: the same at "
        "stride 1, off past it; the windows are (H + 2*pad - KH)//stride + 1",
        lambda s, k, st, p: (s + 2 * p - k + 1) // st,
    ),
    (
        "the size was rounded to the nearest whole number, round((H + 2*pad - KH) / "
        "stride); windows that do not fit are dropped: floor division, "
        "(H + 2*pad - KH)//stride + 1",
        lambda s, k, st, p: round((s + 2 * p - k) / st) + 1,
    ),
    (
        "the padding is counted twice: the sizes were read from the already padded x "
        "and 2*pad added again; with H the unpadded height, (H + 2*pad - KH)//stride + 1",
        lambda s, k, st, p: (s + 4 * p - k) // st + 1,
    ),
    (
        "the padded image was subsampled by the stride (x_pad[:, :, ::stride, ::stride]) "
        "before the windows were taken, so each window reads every stride-th row; the "
        "stride moves the window, which still reads KH consecutive rows: take the windows "
        "of the padded image first, then keep every stride-th of them",
        lambda s, k, st, p: -(-(s + 2 * p) // st) - k + 1,
    ),
)
"""Output-size slips, each a function of (length, kernel, stride, pad) along one axis."""


def _last_row_and_column_zeroed(out: np.ndarray) -> np.ndarray:
    """out with its last output row and column 0, as loops over range(Ho - 1) leave it."""
    cut = out.copy()
    cut[..., -1, :] = 0.0
    cut[..., :, -1] = 0.0
    return cut


def _same_padding(pad: int) -> str:
    """What a forward pass padded by (KH - 1) // 2 whatever pad says is told."""
    return (
        f'the padding was worked out from the kernel, (KH - 1) // 2 ("same" padding, as a '
        f'padding="same" layer does), not taken from the argument: pad both sides by pad = '
        f"{pad} zeros"
    )


def _size_mistakes(
    x: np.ndarray, w: np.ndarray, stride: int, pad: int
) -> list[tuple[str, tuple[int, ...]]]:
    """Output shapes that known output-size mistakes produce: each slip on both spatial
    axes, then on one of them only (the padding or the stride left out of one axis)."""
    n, c, h, wd = x.shape
    f, _, kh, kw = w.shape
    ho, wo = (h + 2 * pad - kh) // stride + 1, (wd + 2 * pad - kw) // stride + 1
    both = [
        (message, (n, f, size(h, kh, stride, pad), size(wd, kw, stride, pad)))
        for message, size in _SIZE_SLIPS
    ]
    one_axis = [
        (f"on the height only, Ho: {message}", (n, f, size(h, kh, stride, pad), wo))
        for message, size in _SIZE_SLIPS
    ] + [
        (_on_the_width(message), (n, f, ho, size(wd, kw, stride, pad)))
        for message, size in _SIZE_SLIPS
    ]
    named = [
        *both,
        (
            "the width's size was computed from H: Wo = (W + 2*pad - KW)//stride + 1, "
            "with W = x.shape[3]",
            (n, f, ho, (h + 2 * pad - kw) // stride + 1),
        ),
        (
            "the channel axis should hold the F filters, not the C input channels",
            (n, c, ho, wo),
        ),
        (
            "the width's size used the kernel's height KH (one K for both sizes): Wo = "
            "(W + 2*pad - KW)//stride + 1, with KW = w.shape[3]",
            (n, f, ho, (wd + 2 * pad - kh) // stride + 1),
        ),
        (
            "the height's size used the kernel's width KW (one K for both sizes): Ho = "
            "(H + 2*pad - KH)//stride + 1, with KH = w.shape[2]",
            (n, f, (h + 2 * pad - kw) // stride + 1, wo),
        ),
    ]
    same = (kh - 1) // 2
    if same != pad:
        size_same = (n, f, (h + 2 * same - kh) // stride + 1, (wd + 2 * same - kw) // stride + 1)
        named.append((_same_padding(pad), size_same))
    if pad > 0:  # the padding left out of the image, not only out of the size formula
        bare_h, bare_w = (h - kh) // stride + 1, (wd - kw) // stride + 1
        named += [
            (_NEVER_PADDED, (n, f, bare_h, bare_w)),
            (
                _COLUMNS_UNPADDED,
                (n, f, ho, bare_w),
            ),
            (
                _ROWS_UNPADDED,
                (n, f, bare_h, wo),
            ),
        ]
    # a one-axis reading only where no slip of both axes gives that shape already
    taken = {shape for _, shape in named}
    return named + [(message, shape) for message, shape in one_axis if shape not in taken]


_ROWS = SpatialAxis("Ho", "rows", "H + 2*pad - KH")
_COLUMNS = SpatialAxis("Wo", "columns", "W + 2*pad - KW")
_WINDOW = "window (i, j) is x_pad[..., i*stride:i*stride + KH, j*stride:j*stride + KW]"


def _on_the_width(message: str) -> str:
    """A size slip read on the width only, its formula written with W and KW."""
    return _COLUMNS.reading(message, _ROWS)


_NO_STRIDE = _SIZE_SLIPS[1][0]
_STRIDE_ON_ROWS_ONLY = _on_the_width(_NO_STRIDE)
_STRIDE_ON_COLUMNS_ONLY = _ROWS.reading(_NO_STRIDE, _ROWS)


_NEVER_PADDED = (
    "x was never padded: out holds the windows of the unpadded x, (H - KH)//stride + 1 of "
    "them down; zero-pad both sides of x by pad first, then Ho = (H + 2*pad - KH)//stride + 1"
)
_ONE_AXIS_UNPADDED = (
    "only one axis was padded: the {sizes}'s windows come from the unpadded {axis} of x, "
    "{size} = ({length} - {k})//stride + 1; pad the {axis} too (np.pad's pad_width takes a pair "
    "per axis), {size} = ({length} + 2*pad - {k})//stride + 1"
)

_COLUMNS_UNPADDED = _ONE_AXIS_UNPADDED.format(
    axis="columns", sizes="width", size="Wo", length="W", k="KW"
)
_ROWS_UNPADDED = _ONE_AXIS_UNPADDED.format(
    axis="rows", sizes="height", size="Ho", length="H", k="KH"
)

_ONE_SIDE = "the padding is added on one side only; zero-pad both sides"

_UNPADDED_OR_AFTER = (
    "x was never padded, or the padding is added on one side only, after the last row and "
    "column: out holds the windows of the unpadded x, and here no window reaches zeros put "
    "after the end, so the values cannot tell which; zero-pad both sides of x by pad, then "
    "Ho = (H + 2*pad - KH)//stride + 1"
)


def _padded(x: np.ndarray, rows: tuple[int, int], cols: tuple[int, int]) -> np.ndarray:
    return np.pad(x, ((0, 0), (0, 0), rows, cols))


def _value_models(
    x: np.ndarray, w: np.ndarray, b: np.ndarray, stride: int, pad: int
) -> dict[str, list[Callable[[], np.ndarray]]]:
    """What out holds under each size mistake that is also a computation mistake (the
    padding or the stride left out of the windows, not only out of the size), by message;
    a slip of the size formula alone keeps the right windows, fewer or more of them."""
    p, same = pad, (w.shape[2] - 1) // 2
    subsampled = next(m for m, _ in _SIZE_SLIPS if "subsampled" in m)
    no_stride = next(m for m, _ in _SIZE_SLIPS if "ignores the stride" in m)

    def conv(xp: np.ndarray, s: int = stride) -> Callable[[], np.ndarray]:
        return lambda: ref.conv2d_forward(xp, w, b, s, 0)

    def one_axis(rows: int, cols: int) -> Callable[[], np.ndarray]:
        return lambda: ref.conv2d_forward(x, w, b, 1, pad)[:, :, ::rows, ::cols]

    return {
        _STRIDE_ON_ROWS_ONLY: [one_axis(stride, 1)],
        _STRIDE_ON_COLUMNS_ONLY: [one_axis(1, stride)],
        _NEVER_PADDED: [conv(x)],
        _COLUMNS_UNPADDED: [conv(_padded(x, (p, p), (0, 0)))],
        _ROWS_UNPADDED: [conv(_padded(x, (0, 0), (p, p)))],
        # padded before the first row and column only, the first windows are the right
        # ones: that reading is one of the size formulas' (below); after the last only, not
        _ONE_SIDE: [conv(_padded(x, (0, p), (0, p)))],
        subsampled: [conv(_padded(x, (p, p), (p, p))[:, :, ::stride, ::stride], 1)],
        no_stride: [conv(_padded(x, (p, p), (p, p)), 1)],
        _same_padding(pad): [conv(_padded(x, (same, same), (same, same)))],
    }


def _told_apart(
    mistakes: list[tuple[str, tuple[int, ...]]],
    got: Any,
    expected: np.ndarray,
    models: Mapping[str, list[Callable[[], np.ndarray]]],
    tol: Tolerance,
) -> list[tuple[str, tuple[int, ...]]]:
    """`mistakes` narrowed, on out's values, to the ones that fit got's shape and values.

    Several size mistakes give one shape: a mistake that is also one of the computation
    (the padding or the stride left out of the windows) is kept when out holds what it
    computes, and dropped when not; a slip of the size formula alone keeps the right windows,
    so it is kept when out's windows are the expected ones where both have them. Those last
    cannot be told apart by the values, and the message says so."""
    if not isinstance(got, np.ndarray) or got.shape == expected.shape or got.dtype == object:
        return mistakes
    fitting = list(dict.fromkeys(m for m, shape in mistakes if shape == got.shape))
    # out's windows step by the stride along one axis and by 1 along the other: named
    # whatever else gives that shape (a slip on both axes can, and then stands for it),
    # unless one window across makes it the stride left out of both
    used = stride_on_one_axis(
        got,
        tol,
        models.get(_STRIDE_ON_ROWS_ONLY, []),
        models.get(_STRIDE_ON_COLUMNS_ONLY, []),
        models.get(_NO_STRIDE, []),
    )
    if used is not None:
        return [(one_axis_stride_message(used, _ROWS, _COLUMNS, _WINDOW), got.shape)]
    if len(fitting) < 2:
        return mistakes
    told = narrowed_by_values(
        fitting,
        got,
        expected,
        models,
        tol,
        formulas_too=(_ONE_SIDE,),
        held_together={frozenset({_NEVER_PADDED, _ONE_SIDE}): _UNPADDED_OR_AFTER},
    )
    return [(m, got.shape) for m in told]


_DW_AXES_SWAPPED = (
    "dw's first two axes are swapped, dw[c, f] for dw[f, c]: dw has w's shape (F, C, KH, KW), "
    "filter first (an einsum's output letters in the order 'fckl')"
)


def _padded_dx(
    dout: np.ndarray, x: np.ndarray, w: np.ndarray, b: np.ndarray, stride: int, pad: int
) -> np.ndarray:
    """The gradient with respect to the zero-padded input, before any crop."""
    xp = np.zeros((x.shape[0], x.shape[1], x.shape[2] + 2 * pad, x.shape[3] + 2 * pad))
    return ref.conv2d_backward(dout, xp, w, b, stride, 0)[0]


def _assigned_dx(
    dout: np.ndarray, x: np.ndarray, w: np.ndarray, stride: int, pad: int
) -> np.ndarray:
    """dx with each window's share assigned (=) in row-major window order instead of added:
    where windows overlap, the last window's share overwrites the others."""
    _, _, kh, kw = w.shape
    dxp = np.zeros((x.shape[0], x.shape[1], x.shape[2] + 2 * pad, x.shape[3] + 2 * pad))
    for i in range(dout.shape[2]):
        for j in range(dout.shape[3]):
            rows = slice(i * stride, i * stride + kh)
            cols = slice(j * stride, j * stride + kw)
            dxp[:, :, rows, cols] = np.einsum("nf,fchw->nchw", dout[:, :, i, j], w)
    return dxp[:, :, pad : pad + x.shape[2], pad : pad + x.shape[3]]


def _dilated_taps(stride: int) -> str:
    """What to say of windows whose taps the stride spaced out (a dilation)."""
    return (
        f"the stride spaced out each window's taps (row i + k * {stride}, a dilation) instead "
        "of the windows' starts: window (i, j) starts at row i * stride and column j * stride "
        "and reads KH x KW adjacent entries from there"
    )


def _dilated_windows(
    x: np.ndarray, kh: int, kw: int, ho: int, wo: int, stride: int, pad: int
) -> list[list[np.ndarray]] | None:
    """Window (i, j) of the padded x with its taps `stride` apart, for each output position
    (None where a tap falls past the padded input)."""
    xp = np.pad(x, ((0, 0), (0, 0), (pad, pad), (pad, pad)))
    taps_r, taps_c = stride * np.arange(kh), stride * np.arange(kw)
    if ho - 1 + taps_r[-1] >= xp.shape[2] or wo - 1 + taps_c[-1] >= xp.shape[3]:
        return None
    return [
        [xp[:, :, (i + taps_r)[:, None], (j + taps_c)[None, :]] for j in range(wo)]
        for i in range(ho)
    ]


def _dilated_taps_out(
    x: np.ndarray, w: np.ndarray, b: np.ndarray, stride: int, pad: int
) -> np.ndarray:
    """The forward pass with the stride spacing a window's taps instead of its start."""
    ho = (x.shape[2] + 2 * pad - w.shape[2]) // stride + 1
    wo = (x.shape[3] + 2 * pad - w.shape[3]) // stride + 1
    out = np.full((x.shape[0], w.shape[0], ho, wo), np.nan)
    windows = _dilated_windows(x, w.shape[2], w.shape[3], ho, wo, stride, pad)
    if windows is None:
        return out
    for i in range(ho):
        for j in range(wo):
            out[:, :, i, j] = np.einsum("nchw,fchw->nf", windows[i][j], w) + b
    return out


def _dilated_taps_dw(
    dout: np.ndarray, x: np.ndarray, w: np.ndarray, stride: int, pad: int
) -> np.ndarray:
    """dw with the stride spacing a window's taps (row i + k * stride) instead of its start
    (row i * stride + k), a dilation; NaN where a tap falls past the padded input."""
    ho, wo = dout.shape[2], dout.shape[3]
    windows = _dilated_windows(x, w.shape[2], w.shape[3], ho, wo, stride, pad)
    if windows is None:
        return np.full(w.shape, np.nan)
    dw = np.zeros(w.shape)
    for i in range(ho):
        for j in range(wo):
            dw += np.einsum("nf,nchw->fchw", dout[:, :, i, j], windows[i][j])
    return dw


def _dw_from_unpadded(dout: np.ndarray, x: np.ndarray, w: np.ndarray, stride: int) -> np.ndarray:
    """dw with each window read from the unpadded x (the padding left out of dw only), a
    window cut short by x's edge broadcast into dw as numpy does; NaN where numpy cannot
    (that submission raised on the shapes)."""
    _, _, kh, kw = w.shape
    dw = np.zeros(w.shape)
    for i in range(dout.shape[2]):
        for j in range(dout.shape[3]):
            patch = x[:, :, i * stride : i * stride + kh, j * stride : j * stride + kw]
            try:
                dw += np.einsum("nf,nchw->fchw", dout[:, :, i, j], patch)
            except ValueError:
                return np.full(w.shape, np.nan)
    return dw


def _last_position_dw(
    dout: np.ndarray,
    x: np.ndarray,
    w: np.ndarray,
    b: np.ndarray,
    stride: int,
    pad: int,
    images: slice,
) -> np.ndarray:
    """dw from the last output position (of these images) alone: what a loop over the
    positions that assigns dw, rather than adding to it, leaves."""
    last = np.zeros_like(dout)
    last[images, :, -1, -1] = dout[images, :, -1, -1]
    dw: np.ndarray = ref.conv2d_backward(last, x, w, b, stride, pad)[1]
    return dw


def _stride_one(
    dout: np.ndarray, x: np.ndarray, w: np.ndarray, b: np.ndarray, pad: int
) -> tuple[np.ndarray, np.ndarray]:
    """(dx, dw) when window (i, j) starts at (i, j), the stride left out of the backward
    pass: the reference at stride 1 on the part of the padded input those windows cover."""
    _, _, kh, kw = w.shape
    xp = np.pad(x, ((0, 0), (0, 0), (pad, pad), (pad, pad)))
    rows, cols = dout.shape[2] - 1 + kh, dout.shape[3] - 1 + kw
    dx_part, dw, _ = ref.conv2d_backward(dout, xp[:, :, :rows, :cols], w, b, 1, 0)
    dxp = np.zeros_like(xp)
    dxp[:, :, :rows, :cols] = dx_part
    return dxp[:, :, pad : pad + x.shape[2], pad : pad + x.shape[3]], dw


def _stride_left_out(stride: int) -> str:
    return (
        f"the windows step by 1, not by the stride ({stride}): in the backward pass as in "
        "the forward, window (i, j) starts at (i*stride, j*stride) of the padded input"
    )


_BIAS_ON_WIDTH = (
    "b, of shape (F,), was added to the (N, F, Ho, Wo) output as it is: numpy lines it up "
    "with the last axis, the width, not with the filters; add b.reshape(1, -1, 1, 1) (or "
    "b[None, :, None, None]) so each filter's channel gets its own bias"
)
_BROADCAST = re.compile(r"^ValueError: operands could not be broadcast together with shapes")
"""numpy's error for arrays whose shapes do not broadcast."""


def _bias_on_width(expected: np.ndarray, b: np.ndarray) -> np.ndarray:
    """The output with b added along the width instead of the filters (an empty array when
    the width is not F, where numpy raises instead: error_cause names that)."""
    if expected.shape[-1] != b.shape[0]:
        return np.empty(0)
    return np.asarray(expected - b.reshape(1, -1, 1, 1) + b)


_UNPADDED_WINDOWS = (
    "the windows are sliced from x, not from the padded x: the outputs whose window fits "
    "inside x match a convolution without padding; window (i, j) is x_pad[..., "
    "i*stride:i*stride + KH, j*stride:j*stride + KW] with x_pad = np.pad(x, ((0, 0), "
    "(0, 0), (pad, pad), (pad, pad))) (at the far border x's slice is cut short, and numpy "
    "broadcasts it or raises)"
)


_SHAPE = re.compile(r"\(([\d,\s]*)\)")
"""One shape tuple, such as (4,3,3,2) or (3,), in numpy's broadcast error."""


def _broadcast_shapes(error: str) -> list[tuple[int, ...]]:
    """The operand shapes numpy names in its broadcast error (none for any other error)."""
    first = error.split("\n")[0]
    if not _BROADCAST.match(first):
        return []
    listed = first.split("shapes", 1)[1]
    return [
        tuple(int(n) for n in m.group(1).split(",") if n.strip()) for m in _SHAPE.finditer(listed)
    ]


_PAD_EVERY_AXIS = (
    "x was padded on every axis, np.pad(x, pad), so the batch and the channels got zeros "
    "too (C + 2*pad channels, which no kernel matches); pad the two spatial axes only: "
    "np.pad(x, ((0, 0), (0, 0), (pad, pad), (pad, pad)))"
)


def _raised_on_padded_channels(case: Case, error: str) -> bool:
    """numpy's broadcast error names a 4-D array with C + 2*pad channels: x padded on
    every axis (axis 1 of any array here is C or F otherwise)."""
    first = error.split("\n")[0]
    if not first.startswith("ValueError: operands could not be broadcast together with"):
        return False
    x, w = case.inputs["args"][1], case.inputs["args"][2]
    pad = _stride_pad(case, 4)[1]
    padded = x.shape[1] + 2 * pad
    if pad == 0 or padded == w.shape[0]:
        return False
    shapes = [
        tuple(int(n) for n in m.group(1).split(",") if n.strip()) for m in _SHAPE.finditer(first)
    ]
    return any(len(shape) == 4 and shape[1] == padded for shape in shapes)


def _cut_short_sizes(size: int, kernel: int, stride: int, pad: int) -> set[int]:
    """The lengths x[i*stride : i*stride + kernel] has along one axis of the unpadded x, for
    every window position the padded x has."""
    count = (size + 2 * pad - kernel) // stride + 1
    return {max(0, min(size, i * stride + kernel) - i * stride) for i in range(count)}


_KERNEL_TRANSPOSED_IN_DX = (
    "dx uses each kernel transposed, w[f, c, v, u] for w[f, c, u, v] (two einsum letters "
    "swapped): scatter dout[n, f, i, j] * w[f] back onto its window as it is"
)


def _raised_on_transposed_kernel(case: Case, error: str) -> bool:
    """True when numpy's broadcast error pairs a kernel-shaped operand transposed,
    (..., C, KW, KH), with one the right way round, (..., C, KH, KW), for a kernel that is not
    square: what scattering w[f].T onto a window raises once KH and KW differ."""
    c, kh, kw = case.inputs["args"][2].shape[1:]
    shapes = _broadcast_shapes(error)
    return kh != kw and {(c, kh, kw), (c, kw, kh)} <= {s[-3:] for s in shapes}


def _raised_on_unpadded_window(case: Case, error: str, backward: bool = False) -> bool:
    """True when numpy's broadcast error pairs a kernel-shaped operand, (..., C, KH, KW), with
    a window of the batch, (N or 1, C, rows, cols) at its end, whose rows and cols are those of
    a slice of the unpadded x cut short at its far border: shapes a padded window never has.
    In the backward pass (args dout, x, w, ...) the window may also be dw's term, (F, C, rows,
    cols), added to dw, (F, C, KH, KW)."""
    x, w = case.inputs["args"][1:3] if backward else case.inputs["args"][:2]
    stride, pad = _stride_pad(case, 4 if backward else 3)
    leads = (1, x.shape[0], w.shape[0]) if backward else (1, x.shape[0])
    c, kh, kw = w.shape[1:]
    rows = _cut_short_sizes(x.shape[2], kh, stride, pad)
    cols = _cut_short_sizes(x.shape[3], kw, stride, pad)

    def cut_short(s: tuple[int, ...]) -> bool:
        return (
            len(s) >= 4
            and s[-4] in leads
            and s[-3] == c
            and s[-2] in rows
            and s[-1] in cols
            and s[-2:] != (kh, kw)
        )

    shapes = _broadcast_shapes(error)
    windows = [i for i, s in enumerate(shapes) if cut_short(s)]
    kernels = [i for i, s in enumerate(shapes) if s[-3:] == (c, kh, kw)]
    return pad > 0 and any(k != i for i in windows for k in kernels)


_MATMUL_SIZES = re.compile(r"^ValueError: matmul: .* \(size (\d+) is different from (\d+)\)")
"""numpy's error for a matmul whose inner sizes differ, with the two sizes."""


def _window_axes_cut(case: Case, error: str) -> tuple[bool, bool] | None:
    """Whether the window that raised came out short along its rows and along its columns,
    when numpy's error is a window's product with the kernel that failed: a broadcast (or
    an einsum's remapped broadcast) naming a window (..., C, rows, cols) shorter than the
    kernel says which axis; tensordot's "shape-mismatch for sum" and a matmul of the
    flattened window against the flattened kernels (C*KH*KW entries) say neither, and give
    (True, True). None for any other error."""
    c, kh, kw = case.inputs["args"][1].shape[1:]
    first = error.split("\n", 1)[0]
    if first.startswith("ValueError: shape-mismatch for sum"):
        return True, True
    sizes = _MATMUL_SIZES.match(first)
    if sizes is not None:
        a, b = sorted(int(g) for g in sizes.groups())
        return (True, True) if b == c * kh * kw and a % c == 0 and a < b else None
    if "could not be broadcast" not in first:
        return None
    shapes = [
        tuple(int(n) for n in m.group(1).split(",") if n.strip()) for m in _SHAPE.finditer(first)
    ]
    cut = [
        (s[-2] < kh, s[-1] < kw)
        for s in shapes
        if len(s) >= 3 and s[-3] == c and s[-2] <= kh and s[-1] <= kw and s[-2:] != (kh, kw)
    ]
    return cut[0] if len(cut) == 1 else None


def _size_without_stride(case: Case, error: str) -> str | None:
    """An output size counted without the stride, H + 2*pad - KH + 1, while the windows
    step by it: the loop runs past the windows the padded input holds, and the first one
    past them comes out shorter than the kernel, which its product with w refuses. Named
    for each axis where that count runs past and the short window's shape allows it; where
    Wo computed from H would run past as well, both are said (the crash cannot tell)."""
    x, w = case.inputs["args"][:2]
    stride, pad = _stride_pad(case, 3)
    axes_cut = _window_axes_cut(case, error) if stride > 1 else None
    if axes_cut is None:
        return None
    slipped = [
        (axis, length + 2 * pad - k + 1, (length + 2 * pad - k) // stride + 1)
        for axis, length, k, cut in zip(
            (_ROWS, _COLUMNS), x.shape[2:], w.shape[2:], axes_cut, strict=True
        )
        if cut
    ]
    slipped = [(axis, n, due) for axis, n, due in slipped if n > due]
    if not slipped:
        return None
    said = size_without_stride_message(
        slipped, stride, "the padded input's edge", "shorter than the kernel, which numpy refuses"
    )
    from_height = _width_from_height(case, error) if axes_cut[1] else None
    return said if from_height is None else f"{said}; or {from_height}"


def _width_from_height(case: Case, error: str) -> str | None:
    """Wo computed from H on an image taller than wide: the loop over the output's columns
    runs past the padded width, where the window comes out narrower than the kernel and its
    product with w raises (tensordot's "shape-mismatch for sum", or a broadcast of a window
    (..., C, KH, cols < KW)). With padding, a window sliced from the unpadded x is cut short
    there too, and tensordot's error does not say which: both are said."""
    x, w = case.inputs["args"][:2]
    stride, pad = _stride_pad(case, 3)
    (h, width), (c, kh, kw) = x.shape[2:], w.shape[1:]
    wrong, right = (h + 2 * pad - kw) // stride + 1, (width + 2 * pad - kw) // stride + 1
    if wrong <= right:
        return None
    first = error.split("\n", 1)[0]
    narrow = any(
        len(s) >= 3 and s[-3:-1] == (c, kh) and s[-1] < kw for s in _broadcast_shapes(error)
    )
    if not (first.startswith("ValueError: shape-mismatch for sum") or narrow):
        return None
    cause = (
        f"the width's size was computed from H: Wo = (H + 2*pad - KW)//stride + 1 = {wrong} "
        f"columns of windows where the padded width holds {right}, so the last windows run "
        "past the right edge and come out narrower than the kernel, which numpy refuses; Wo "
        "= (W + 2*pad - KW)//stride + 1, with W = x.shape[3]"
    )
    if pad > 0 and not narrow:
        return f"{cause} (or, as numpy's error does not show which: {_UNPADDED_WINDOWS})"
    return cause


def _windows_from_unpadded(
    x: np.ndarray,
    w: np.ndarray,
    b: np.ndarray,
    stride: int,
    pad: int,
    got: np.ndarray,
    expected: np.ndarray,
    tol: Tolerance,
) -> bool:
    """True when the outputs whose window lies inside the unpadded x are the unpadded
    convolution's and not the padded one's (a pad computed, then not used)."""
    if pad == 0 or x.shape[2] < w.shape[2] or x.shape[3] < w.shape[3]:
        return False
    unpadded = ref.conv2d_forward(x, w, b, stride, 0)
    rows, cols = unpadded.shape[2:]
    block = got[:, :, :rows, :cols]

    def near(a: np.ndarray, want: np.ndarray) -> bool:
        return bool(np.allclose(a, want, rtol=tol.rtol, atol=tol.atol))

    return near(block, unpadded) and not near(block, expected[:, :, :rows, :cols])


def _scale(x: np.ndarray, w: np.ndarray) -> float:
    """A bound on the size of one output sum, for the absolute part of the tolerance."""
    terms = w.shape[1] * w.shape[2] * w.shape[3]
    return float(terms * (np.abs(x).max() + 1.0) * (np.abs(w).max() + 1.0))


class Conv2dForwardChecker(NNChecker):
    """conv2d_forward(x, w, b, stride, pad) on randomized geometries against the reference."""

    name = "arch.conv.conv2d_forward"
    entries = ("conv2d_forward",)

    def reference(self) -> Mapping[str, Callable[..., Any]]:
        return {"conv2d_forward": ref.conv2d_forward}

    def make_cases(self, rng: np.random.Generator, params: Mapping[str, Any]) -> list[Case]:
        out = []
        for i, (what, g) in enumerate(_geometry(rng), 1):
            x, w, b = _tensors(rng, g)
            args: list[Any] = [x, w, b]
            if g["s"] is not None:
                args += [g["s"], g["p"]]
            out.append(
                Case(
                    f"case {i}: {what}",
                    call_inputs("conv2d_forward", *args),
                    _describe(x, w, g["s"], g["p"]),
                )
            )
        return out

    def error_cause(self, case: Case, error: str) -> str | None:
        """b of shape (F,) added to the (N, F, Ho, Wo) output: numpy aligns it with the width;
        a window sliced from the unpadded x, cut short at its far border, times the kernel."""
        float_size = float_size_cause(error, "Ho = (H + 2*pad - KH) // stride + 1")
        if float_size is not None:
            return float_size
        f = case.inputs["args"][2].shape[0]
        if _BROADCAST.match(error) and error.split("\n")[0].rstrip().endswith(f"({f},)"):
            return _BIAS_ON_WIDTH
        if _raised_on_unpadded_window(case, error):
            return _UNPADDED_WINDOWS
        return _size_without_stride(case, error) or _width_from_height(case, error)

    def check(self, case: Case, outputs: dict[str, Any], j: Judgement) -> None:
        x, w, b = case.inputs["args"][:3]
        stride, pad = _stride_pad(case, 3)
        expected = ref.conv2d_forward(x, w, b, stride, pad)
        tol = Tolerance(rtol=1e-9, atol=1e-13 * _scale(x, w))
        raw = outputs.get("out")
        mistakes = _told_apart(
            _size_mistakes(x, w, stride, pad),
            raw,
            expected,
            _value_models(x, w, b, stride, pad),
            tol,
        )
        got = check_shape(j, "out", raw, expected.shape, mistakes)
        if _windows_from_unpadded(x, w, b, stride, pad, got, expected, tol):
            j.fail(_UNPADDED_WINDOWS)
        flipped = w[:, :, ::-1, ::-1]
        bias = b.reshape(1, -1, 1, 1)
        taps = int(np.prod(w.shape[1:]))
        square = w.shape[2] == w.shape[3]
        j.close(
            "out",
            got,
            expected,
            tol,
            hints=[
                (
                    "the kernel is flipped (a true convolution); frameworks compute the "
                    "cross-correlation, sum of w[f, c, p, q] * x[..., i*stride + p, j*stride + q]",
                    lambda: ref.conv2d_forward(x, flipped, b, stride, pad),
                ),
                (
                    "the bias b[f] is not added to its output channel",
                    lambda: expected - bias,
                ),
                *(
                    [
                        (
                            _dilated_taps(stride),
                            lambda: _dilated_taps_out(x, w, b, stride, pad),
                        )
                    ]
                    if stride > 1
                    else []
                ),
                (
                    "the last row and the last column of outputs were left at 0: the loops "
                    "stop one short (range(Ho - 1)); every output position i in range(Ho) "
                    "has a full window, rows i*stride to i*stride + KH - 1 of the padded x",
                    lambda: _last_row_and_column_zeroed(expected),
                ),
                (  # where the stride's floor gives the same shape with either padding
                    _same_padding(pad),
                    lambda: ref.conv2d_forward(x, w, b, stride, (w.shape[2] - 1) // 2),
                ),
                (
                    f"the bias was added once per input channel ({x.shape[1]} times): b[f] "
                    "is added once, after the sum over the channels and the kernel",
                    lambda: expected + (x.shape[1] - 1) * bias,
                ),
                (
                    "only the first input channel was used: each filter sums over all C "
                    "input channels, window * w[f] summed over the channel and kernel axes",
                    lambda: ref.conv2d_forward(x[:, :1], w[:, :1], b, stride, pad),
                ),
                (
                    "the channels were summed before the product: x summed over its C "
                    "channels times w[f] summed over its channels pairs every channel of the "
                    "image with every channel of the kernel; a sum of products is not a "
                    "product of sums: multiply window * w[f] channel by channel, then sum "
                    "over the channel and kernel axes together",
                    lambda: ref.conv2d_forward(
                        x.sum(axis=1, keepdims=True), w.sum(axis=1, keepdims=True), b, stride, pad
                    ),
                ),
                (_BIAS_ON_WIDTH, lambda: _bias_on_width(expected, b)),
                (
                    f"each output is the mean of window * w[f], not its sum: np.mean divides "
                    f"by the C*KH*KW = {taps} products; sum them, then add b[f]",
                    lambda: (expected - bias) / taps + bias,
                ),
                (
                    "the kernel's rows and columns are swapped (w[f, c].T): w[f, c, p, q] "
                    "multiplies x_pad[..., i*stride + p, j*stride + q], row p and column q",
                    lambda: (
                        ref.conv2d_forward(x, w.transpose(0, 1, 3, 2), b, stride, pad)
                        if square
                        else np.full(expected.shape, np.nan)
                    ),
                ),
                (  # a (KH, KW) kernel transposed does not fit its window: a reshape forces it
                    "the kernel's rows and columns are swapped and then reshaped back to "
                    "(KH, KW) (w.transpose(0, 1, 3, 2).reshape(w.shape)), which puts its values "
                    "in the wrong places: w[f, c, p, q] multiplies x_pad[..., i*stride + p, "
                    "j*stride + q], row p and column q, as w is given",
                    lambda: (
                        np.full(expected.shape, np.nan)
                        if square
                        else ref.conv2d_forward(
                            x, w.transpose(0, 1, 3, 2).reshape(w.shape), b, stride, pad
                        )
                    ),
                ),
                *(
                    (
                        f"the border {what} (np.pad with mode='{mode}'); convolution layers "
                        "pad with zeros, np.pad's default mode='constant'",
                        lambda mode=mode: ref.conv2d_forward(
                            np.pad(x, ((0, 0), (0, 0), (pad, pad), (pad, pad)), mode=mode),
                            w,
                            b,
                            stride,
                            0,
                        ),
                    )
                    for mode, what in PAD_MODES
                    # a mirror of a border wider than the image is not a habit anyone has
                    if mode == "edge" or pad < min(x.shape[2], x.shape[3])
                ),
                (
                    "np.pad(x, pad) pads every axis, the batch and channel axes too; pad H and "
                    "W only: np.pad(x, ((0, 0), (0, 0), (pad, pad), (pad, pad)))",
                    lambda: ref.conv2d_forward(
                        np.pad(x, pad)[: x.shape[0], : x.shape[1]], w, b, stride, 0
                    ),
                ),
                (
                    "each output adds up the whole batch: np.sum(window * w[f]) without an axis "
                    "sums over the images too; sum over the channel and kernel axes (1, 2, 3)",
                    lambda: (
                        (
                            (expected - b.reshape(1, -1, 1, 1)).sum(axis=0, keepdims=True)
                            + b.reshape(1, -1, 1, 1)
                        )
                        * np.ones((x.shape[0], 1, 1, 1))
                    ),
                ),
                (
                    "the outputs are in the wrong places: a (Ho*Wo, F) product, one row per "
                    "position, was reshaped straight to (F, Ho, Wo); reshape needs the filters "
                    "first, so transpose it to (F, Ho*Wo) before the reshape",
                    lambda: expected.transpose(0, 2, 3, 1).reshape(expected.shape),
                ),
                (
                    f"the windows start at (i, j), not at (i*stride, j*stride): with stride "
                    f"{stride}, window (i, j) is x_pad[..., i*stride:i*stride + KH, "
                    f"j*stride:j*stride + KW]",
                    lambda: ref.conv2d_forward(x, w, b, 1, pad)[
                        :, :, : expected.shape[2], : expected.shape[3]
                    ],
                ),
                *_one_axis_strided(x, w, b, stride, pad, expected.shape),
            ],
        )


def _one_axis_strided(
    x: np.ndarray, w: np.ndarray, b: np.ndarray, stride: int, pad: int, shape: tuple[int, ...]
) -> list[tuple[str, Callable[[], np.ndarray]]]:
    """The forward pass whose windows step by `stride` along one spatial axis and by 1
    along the other: the output size was computed with the stride, one slice forgot it."""
    if stride == 1:
        return []
    ho, wo = shape[2], shape[3]

    def stepped(rows: int, cols: int) -> Callable[[], np.ndarray]:
        return lambda: ref.conv2d_forward(x, w, b, 1, pad)[:, :, ::rows, ::cols][:, :, :ho, :wo]

    said = (
        "the windows step by the stride along the {0} only: along the {1} window {2} starts "
        f"at {{3}}, not {{3}}*stride; with stride {stride}, window (i, j) is "
        "x_pad[..., i*stride:i*stride + KH, j*stride:j*stride + KW]"
    )
    return [
        (said.format("rows", "columns", "j", "j"), stepped(stride, 1)),
        (said.format("columns", "rows", "i", "i"), stepped(1, stride)),
    ]


class Conv2dBackwardChecker(NNChecker):
    """conv2d_backward(dout, x, w, b, stride, pad) -> (dx, dw, db), with a numerical gradient."""

    name = "arch.conv.conv2d_backward"
    entries = ("conv2d_backward",)

    def error_cause(self, case: Case, error: str) -> str | None:
        """dx scattered with each kernel transposed, on a kernel that is not square; dw's
        windows sliced from the unpadded x, cut short at its far border."""
        if _raised_on_padded_channels(case, error):
            return _PAD_EVERY_AXIS
        if _raised_on_transposed_kernel(case, error):
            return _KERNEL_TRANSPOSED_IN_DX
        if _raised_on_unpadded_window(case, error, backward=True):
            pad = _stride_pad(case, 4)[1]
            return (
                "dw reads its windows from the unpadded x; they are windows of x_pad, x with "
                f"{pad} zeros added on each side, so window (i, j) starts {pad} rows and columns "
                "earlier in x's own coordinates (at the far border x's slice is cut short, and "
                "numpy refuses to add it to dw)"
            )
        return None

    def reference(self) -> Mapping[str, Callable[..., Any]]:
        return {"conv2d_backward": ref.conv2d_backward}

    def make_cases(self, rng: np.random.Generator, params: Mapping[str, Any]) -> list[Case]:
        out = []
        plans = _geometry(rng)
        plans.append(
            (
                "against a numerical gradient (stride 2, pad 1)",
                {"N": 2, "C": 2, "F": 2, "H": 5, "W": 4, "KH": 3, "KW": 2, "s": 2, "p": 1},
            )
        )
        for i, (what, g) in enumerate(plans, 1):
            x, w, b = _tensors(rng, g)
            s, p = g["s"], g["p"]
            shape = ref.conv2d_forward(x, w, b, s or 1, p or 0).shape
            dout = gen.normal(rng, shape)
            args: list[Any] = [dout, x, w, b]
            if s is not None:
                args += [s, p]
            out.append(
                Case(
                    f"case {i}: {what}",
                    call_inputs("conv2d_backward", *args),
                    _describe(x, w, s, p) + f"; dout {shape}",
                    private={"numeric": what.startswith("against")},
                )
            )
        return out

    def check(self, case: Case, outputs: dict[str, Any], j: Judgement) -> None:
        dout, x, w, b = case.inputs["args"][:4]
        stride, pad = _stride_pad(case, 4)
        n, _, ho, wo = dout.shape
        dx_ref, dw_ref, db_ref = ref.conv2d_backward(dout, x, w, b, stride, pad)
        dx, dw, db = unpack(j, "conv2d_backward", outputs.get("out"), ("dx", "dw", "db"))
        padded = (x.shape[0], x.shape[1], x.shape[2] + 2 * pad, x.shape[3] + 2 * pad)
        dx = check_shape(
            j,
            "dx",
            dx,
            x.shape,
            [
                ("dx still holds the padding; crop pad rows and columns from each side", padded),
                (
                    "dx is empty: with pad = 0 the crop [pad:-pad] is [0:0] (-0 is 0), which "
                    "keeps nothing; crop with [pad:pad + H, pad:pad + W]",
                    (x.shape[0], x.shape[1], 0, 0),
                ),
                *(
                    [
                        (
                            "dx was cropped to [pad:H, pad:W]; the image sits at "
                            "[pad:pad + H, pad:pad + W] of the padded gradient",
                            (x.shape[0], x.shape[1], x.shape[2] - pad, x.shape[3] - pad),
                        )
                    ]
                    if pad > 0
                    else []
                ),
            ],
        )
        swapped = _DW_AXES_SWAPPED
        dw = check_shape(j, "dw", dw, w.shape, [(swapped, (w.shape[1], w.shape[0], *w.shape[2:]))])
        db = check_shape(
            j,
            "db",
            db,
            b.shape,
            [
                ("sum db over the batch and both spatial axes (0, 2, 3)", (w.shape[0], ho, wo)),
                ("sum db over the batch and both spatial axes (0, 2, 3)", (n, w.shape[0])),
                *(
                    (
                        "db was summed over the batch and one spatial axis only; sum over "
                        "the batch and both spatial axes (0, 2, 3)",
                        (w.shape[0], length),
                    )
                    for length in (ho, wo)
                ),
            ],
        )
        size = float(np.abs(dout).sum()) + 1.0
        j.close(
            "db",
            db,
            db_ref,
            Tolerance(rtol=1e-9, atol=1e-13 * size),
            hints=[
                *(
                    [
                        (
                            "every db[f] holds the sum of all of dout, over every filter; db[f] "
                            "sums dout[:, f] only: dout.sum(axis=(0, 2, 3))",
                            np.full(b.shape, float(dout.sum())),
                        )
                    ]
                    if w.shape[0] > 1
                    else []
                ),
                *(
                    [
                        (
                            "db sums dout over the batch at the first output position only "
                            "(dout.sum(axis=0)[:, 0, 0]); the forward adds b[f] at every one "
                            f"of the {ho}x{wo} output positions, so sum over the batch and both "
                            "spatial axes: dout.sum(axis=(0, 2, 3))",
                            dout[:, :, 0, 0].sum(axis=0),
                        )
                    ]
                    if ho * wo > 1
                    else []
                ),
            ],
            factors=[
                (
                    1.0 / (n * ho * wo),
                    "db is a mean; the forward adds b[f] at every output, so sum",
                ),
                (1.0 / n, "db is divided by N; the forward sums over the batch, so db sums too"),
                *(
                    [
                        (
                            1.0 / (ho * wo),
                            f"db was divided by Ho * Wo = {ho * wo}, the number of output "
                            "positions; the forward adds b[f] at every one of them, so db "
                            "sums over them: dout.sum(axis=(0, 2, 3))",
                        )
                    ]
                    if ho * wo not in (1, n)
                    else []
                ),
            ],
        )
        tol = Tolerance(rtol=1e-8, atol=1e-12 * size * (np.abs(x).max() + np.abs(w).max() + 1.0))
        j.close(
            "dw",
            dw,
            dw_ref,
            tol,
            hints=[
                *(
                    [(swapped, lambda: dw_ref.transpose(1, 0, 2, 3))]
                    if w.shape[0] == w.shape[1]
                    else []
                ),
                (
                    "dw is rotated by 180 degrees: dw[f, c, p, q] pairs dout with the input "
                    "at offset (p, q) of each window, as in the forward pass",
                    dw_ref[:, :, ::-1, ::-1],
                ),
                *(
                    [(_stride_left_out(stride), lambda: _stride_one(dout, x, w, b, pad)[1])]
                    if stride > 1
                    else []
                ),
                *(
                    [
                        (
                            _dilated_taps(stride),
                            lambda: _dilated_taps_dw(dout, x, w, stride, pad),
                        )
                    ]
                    if stride > 1
                    else []
                ),
                *(
                    [
                        (
                            "dw reads its windows from the unpadded x; they are windows of "
                            f"x_pad, x with {pad} zeros added on each side, so window (i, j) "
                            f"starts {pad} rows and columns earlier in x's own coordinates",
                            lambda: _dw_from_unpadded(dout, x, w, stride),
                        )
                    ]
                    if pad > 0
                    else []
                ),
                (
                    "dw holds the first image's gradient only; it sums over every image of "
                    "the batch, as the forward pass uses w for each",
                    lambda: ref.conv2d_backward(dout[:1], x[:1], w, b, stride, pad)[1],
                ),
                (
                    "dw holds the last image's gradient only (assigned, not added, in the "
                    "batch loop); it sums over every image of the batch",
                    lambda: ref.conv2d_backward(dout[-1:], x[-1:], w, b, stride, pad)[1],
                ),
                *(
                    [
                        (
                            "dw pairs the batch's summed dout with the batch's summed input "
                            "(dout.sum(0) against x.sum(0)): a sum of products is not a product "
                            "of sums; each image's dout meets that image's own windows, then "
                            "the images' products add up",
                            lambda: ref.conv2d_backward(
                                dout.sum(0, keepdims=True),
                                x.sum(0, keepdims=True),
                                w,
                                b,
                                stride,
                                pad,
                            )[1],
                        )
                    ]
                    if n > 1
                    else []
                ),
                *(
                    (
                        "dw holds the last output position's product only (dw = ..., "
                        "assigned, not added, in the loop over the positions); every "
                        "position's product adds up, dw += ..., as the forward pass uses w "
                        "at each",
                        lambda images=images: _last_position_dw(dout, x, w, b, stride, pad, images),
                    )
                    for images in (slice(None), slice(-1, None))
                    if ho * wo > 1
                ),
            ],
            factors=[
                (1.0 / n, "dw is divided by N; the forward sums over the batch, so dw sums"),
                *(
                    [
                        (
                            1.0 / (ho * wo),
                            f"dw was divided by Ho * Wo = {ho * wo}, the number of output "
                            "positions; every position's product adds up, as the forward "
                            "pass uses w at each",
                        )
                    ]
                    if ho * wo not in (1, n)
                    else []
                ),
            ],
        )
        flipped = w[:, :, ::-1, ::-1]
        j.close(
            "dx",
            dx,
            dx_ref,
            tol,
            hints=[
                (
                    "dx uses the kernel rotated by 180 degrees: scatter dout[n, f, i, j] * "
                    "w[f] back onto the window it came from (no flip), or, written as a full "
                    "convolution of the (dilated, padded) dout, slide the kernel flipped, "
                    "w[:, :, ::-1, ::-1]: one of the two forms flips, never both or neither",
                    lambda: ref.conv2d_backward(dout, x, flipped, b, stride, pad)[0],
                ),
                *(
                    [
                        (
                            _KERNEL_TRANSPOSED_IN_DX,
                            lambda: ref.conv2d_backward(
                                dout, x, w.transpose(0, 1, 3, 2), b, stride, pad
                            )[0],
                        )
                    ]
                    if w.shape[2] == w.shape[3] > 1
                    else []
                ),
                (
                    "dx is cropped from the top-left corner of the padded gradient; "
                    "crop pad rows and columns from each side: dx_pad[:, :, pad:pad + H, pad:pad + W]",
                    lambda: _padded_dx(dout, x, w, b, stride, pad)[
                        :, :, : x.shape[2], : x.shape[3]
                    ],
                ),
                *(
                    [(_stride_left_out(stride), lambda: _stride_one(dout, x, w, b, pad)[0])]
                    if stride > 1
                    else []
                ),
                (
                    "dx is assigned (=) window by window, so where windows overlap the last "
                    "one overwrites the others; add each window's share (+=)",
                    lambda: _assigned_dx(dout, x, w, stride, pad),
                ),
                (
                    "dx holds the last filter's share only (assigned, not added, in the loop "
                    "over the filters); every filter's share of a window adds up",
                    lambda: ref.conv2d_backward(dout[:, -1:], x, w[-1:], b[-1:], stride, pad)[0],
                ),
                (
                    "dx pairs every filter's dout with every filter's kernel: dout summed over "
                    "the filters times the kernels summed over the filters; each filter's dout "
                    "meets its own kernel only, dx += dout[n, f, i, j] * w[f], summed over f",
                    lambda: ref.conv2d_backward(
                        dout.sum(axis=1, keepdims=True),
                        x,
                        w.sum(axis=0, keepdims=True),
                        b[:1],
                        stride,
                        pad,
                    )[0],
                ),
            ],
        )
        if case.private.get("numeric"):

            def loss_of(which: str) -> Callable[[np.ndarray], float]:
                def loss(theta: np.ndarray) -> float:
                    values = {"x": x, "w": w, "b": b, which: theta}
                    y = ref.conv2d_forward(values["x"], values["w"], values["b"], stride, pad)
                    return float(np.sum(dout * y))

                return loss

            numeric_check(j, "dx", dx, loss_of("x"), x)
            numeric_check(j, "dw", dw, loss_of("w"), w)
            numeric_check(j, "db", db, loss_of("b"), b)


conv2d_forward = Conv2dForwardChecker
conv2d_backward = Conv2dBackwardChecker
