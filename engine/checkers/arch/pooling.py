"""Checker for max pooling forward and backward, ties and overlapping windows included."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Any

import numpy as np

from engine import cases as gen
from engine.arch import pooling as ref
from engine.checkers.arch._common import (
    SpatialAxis,
    check_shape,
    float_size_cause,
    narrowed_by_values,
    numeric_check,
    one_axis_stride_message,
    size_without_stride_message,
    stride_on_one_axis,
)
from engine.checkers.base import Case
from engine.checkers.nn._common import NNChecker, call_inputs
from engine.checks import Judgement, Tolerance

__all__ = ["maxpool"]

NUMERIC_CASE = "against a numerical gradient (distinct values, overlapping windows)"

EXACT = Tolerance(rtol=1e-15)
"""The forward pass copies input values: no arithmetic, so no rounding."""


def _windows(
    x: np.ndarray, size: int, stride: int, *, column_major: bool = False
) -> list[tuple[tuple[int, int, int, int], Any]]:
    """((n, c, i, j), window view) for every window, in row-major order of the output (j
    fastest), or column-major (i fastest: a loop over j outside the loop over i)."""
    n, c, h, w = x.shape
    ho, wo = ref.pool_output_size(h, size, stride), ref.pool_output_size(w, size, stride)
    spots = [(i, j) for i in range(ho) for j in range(wo)]
    if column_major:
        spots.sort(key=lambda spot: (spot[1], spot[0]))
    return [
        ((a, b, i, j), x[a, b, i * stride : i * stride + size, j * stride : j * stride + size])
        for a in range(n)
        for b in range(c)
        for i, j in spots
    ]


def _backward_variant(
    dout: np.ndarray,
    x: np.ndarray,
    size: int,
    stride: int,
    mode: str,
    *,
    column_major: bool = False,
) -> Any:
    """What a known backward mistake gives: 'all' tied maxima, 'split' among them, 'last' one,
    'average' (average pooling's gradient), the whole 'window', or 'overwrite' where overlapping windows should add. Only 'overwrite' depends on the
    order the windows are visited in (the last one written wins), so it takes `column_major`."""
    dx = np.zeros_like(x)
    for (a, b, i, j), win in _windows(x, size, stride, column_major=column_major):
        g = dout[a, b, i, j]
        target = dx[a, b, i * stride : i * stride + size, j * stride : j * stride + size]
        ties = win == win.max()
        if mode == "average":
            target += g / win.size
        elif mode == "window":
            target += g
        elif mode == "all":
            target += np.where(ties, g, 0.0)
        elif mode == "split":
            target += np.where(ties, g / ties.sum(), 0.0)
        else:
            flat = (
                int(np.argmax(win))
                if mode == "overwrite"
                else ties.size - 1 - int(np.argmax(ties.reshape(-1)[::-1]))
            )
            p, q = divmod(flat, size)
            if mode == "overwrite":
                target[p, q] = g
            else:
                target[p, q] += g
    return dx


def _argmax_across_channels(dout: np.ndarray, x: np.ndarray, size: int, stride: int) -> np.ndarray:
    """dx when each window's argmax runs over all C channels at once: the gradient of
    (image, window) goes to one channel only, the first maximum in (channel, row, column)
    order, with that channel's own dout."""
    N, C, H, W = x.shape
    Ho, Wo = dout.shape[2:]
    dx = np.zeros_like(x)
    for i in range(Ho):
        for j in range(Wo):
            win = x[:, :, i * stride : i * stride + size, j * stride : j * stride + size]
            for n, k in enumerate(win.reshape(N, -1).argmax(axis=1)):
                c, rest = divmod(int(k), size * size)
                p, q = divmod(rest, size)
                dx[n, c, i * stride + p, j * stride + q] += dout[n, c, i, j]
    return dx


def _unravelled_by_image(
    dout: np.ndarray, x: np.ndarray, size: int, stride: int, *, clip: bool
) -> np.ndarray:
    """dx when each window's argmax is unravelled with the image's shape (H, W) instead of the
    window's (size, size), the offsets clipped into the window or not; NaN where the unclipped
    offsets leave the image (that submission would have raised)."""
    dx = np.zeros_like(x)
    for (a, b, i, j), win in _windows(x, size, stride):
        u, v = divmod(int(np.argmax(win)), x.shape[3])
        if clip:
            u, v = min(u, size - 1), min(v, size - 1)
        r, c = i * stride + u, j * stride + v
        if r >= x.shape[2] or c >= x.shape[3]:
            return np.full_like(x, np.nan)
        dx[a, b, r, c] += dout[a, b, i, j]
    return dx


def _unravelled_by_stride(
    dout: np.ndarray, x: np.ndarray, size: int, stride: int, *, drop_outside: bool = False
) -> np.ndarray:
    """dx when each window's argmax is unravelled with divmod(k, stride), rows of stride
    entries where the window's are size long. Where those offsets leave the image: NaN
    (that submission raised IndexError instead), or with `drop_outside` the gradient
    skipped (a bounds check before the +=)."""
    if not drop_outside and _past_edge(x, size, stride, stride):
        return np.full_like(x, np.nan)
    dx = np.zeros_like(x)
    for (a, b, i, j), win in _windows(x, size, stride):
        u, v = divmod(int(np.argmax(win)), stride)
        row, col = i * stride + u, j * stride + v
        if row < x.shape[2] and col < x.shape[3]:
            dx[a, b, row, col] += dout[a, b, i, j]
    return dx


def _past_edge(x: np.ndarray, size: int, stride: int, row_length: int) -> set[tuple[int, int, int]]:
    """The (axis, axis length, index) triples past the image's edge (axis 2 the rows, 3 the
    columns) where argmaxes unravelled with divmod(k, row_length) send a window's gradient:
    numpy's IndexError names one of them."""
    outside = set()
    for (_, _, i, j), win in _windows(x, size, stride):
        u, v = divmod(int(np.argmax(win)), row_length)
        for axis, index in ((2, i * stride + u), (3, j * stride + v)):
            if index >= x.shape[axis]:
                outside.add((axis, x.shape[axis], index))
    return outside


def _indexed_past_edge(error: str) -> set[tuple[int, int, int]]:
    """The spots numpy's IndexError may mean, as _past_edge gives them: the axis it names is
    dx's when dx[n, c, row, col] is indexed at once, the last two of dx[n, c][row, col], and
    either one in dx[n][c][row][col] (axis 0 every time)."""
    match = _OUT_OF_BOUNDS.match(error)
    if match is None:
        return set()
    index, axis, length = (int(g) for g in match.groups())
    axes = {2: (2,), 3: (3,), 1: (3,), 0: (2, 3)}.get(axis, ())
    return {(a, length, index) for a in axes}


def _unravel_by_stride(size: int, stride: int) -> str:
    """The message for a window's argmax unravelled with the stride instead of its width."""
    return (
        f"the window's argmax was unravelled with the stride, divmod(k, stride): a window's "
        f"rows are size = {size} long, not stride = {stride}; unravel it with the window's "
        "shape: np.unravel_index(k, (size, size)), or divmod(k, size)"
    )


_OUT_OF_BOUNDS = re.compile(
    r"^IndexError: index (\d+) is out of bounds for axis (\d+) with size (\d+)"
)
"""numpy's error for an index past an axis's end."""


def _offset_without_stride(dout: np.ndarray, x: np.ndarray, size: int, stride: int) -> np.ndarray:
    """dx when window (i, j)'s maximum at (p, q) is sent to (i + p, j + q): the output's
    index used as the window's corner, without the stride (the same as the reference at
    stride 1)."""
    dx = np.zeros_like(x)
    for (a, b, i, j), win in _windows(x, size, stride):
        p, q = divmod(int(np.argmax(win)), size)
        dx[a, b, i + p, j + q] += dout[a, b, i, j]
    return dx


def _swapped_offsets(dout: np.ndarray, x: np.ndarray, size: int, stride: int) -> np.ndarray:
    """dx when window (i, j)'s first maximum at row p, column q is sent to column p, row q
    (the two results of np.unravel_index taken in the other order)."""
    dx = np.zeros_like(x)
    for (a, b, i, j), win in _windows(x, size, stride):
        p, q = divmod(int(np.argmax(win)), size)
        dx[a, b, i * stride + q, j * stride + p] += dout[a, b, i, j]
    return dx


def _stepped_by_size(dout: np.ndarray, x: np.ndarray, size: int) -> np.ndarray:
    """dx when window (i, j) starts at (i*size, j*size), the stride ignored (windows cut off
    at the image's edge as slicing cuts them); NaN when a window lies wholly outside the
    image (that submission would have raised on the empty window)."""
    dx = np.zeros_like(x)
    n, c, ho, wo = dout.shape
    for a in range(n):
        for b in range(c):
            for i in range(ho):
                for j in range(wo):
                    win = x[a, b, i * size : i * size + size, j * size : j * size + size]
                    if win.size == 0:
                        return np.full_like(x, np.nan)
                    p, q = np.unravel_index(int(np.argmax(win)), win.shape)
                    dx[a, b, i * size + p, j * size + q] += dout[a, b, i, j]
    return dx


def _stride_ignored(size: int, stride: int) -> str:
    return (
        f"the windows step by their size ({size}), not by the stride ({stride}): window (i, j) "
        "starts at (i*stride, j*stride)"
    )


_EMPTY_WINDOW = re.compile(r"^ValueError: .*(empty sequence|zero-size array)")
"""What numpy raises for the argmax or max of an empty window."""


_WINDOW_MAX_READINGS: tuple[tuple[tuple[int, int], str], ...] = (
    ((0, 1), "the batch and the channels"),
    ((1, 2), "the channels and the window's rows"),
    ((1, 3), "the channels and the window's columns"),
    ((0, 2), "the batch and the window's rows"),
    ((0, 3), "the batch and the window's columns"),
)
"""The wrong pairs of axes a window x[:, :, rows, cols], shape (N, C, size, size), can take
its maximum over, and what they are; the right pair is (2, 3)."""

_INTO_OUT = re.compile(
    r"^ValueError: could not broadcast input array from shape \((\d+),(\d+)\) into shape "
    r"\((\d+),(\d+)\)"
)
"""numpy's error for assigning a 2-D result into out[:, :, i, j] that does not fit it."""


def _wrong_window_axes(readings: list[tuple[tuple[int, int], str]], *, raised: bool) -> str:
    """The message for a window's maximum taken over one of `readings`' pairs of axes, whose
    result did not fit out[:, :, i, j] (`raised`) or fitted it by chance."""
    over = " or ".join(f"window.max(axis={axes}) (over {what})" for axes, what in readings)
    result = (
        "leaves a shape that does not fit out[:, :, i, j], (N, C)"
        if raised
        else "mixes values that belong to other outputs (its shape fit out[:, :, i, j] here "
        "only by chance)"
    )
    return (
        "each window's maximum was taken over the wrong axes: on a window x[:, :, rows, cols] "
        f"of shape (N, C, size, size), {over} {result}; take it over the window's own two "
        "axes, window.max(axis=(2, 3)), one maximum per image and channel"
    )


def _window_max_over(x: np.ndarray, size: int, stride: int, axes: tuple[int, int]) -> Any:
    """out when each window's maximum is taken over `axes` and assigned to out[:, :, i, j]
    (numpy broadcasts it there only where its shape fits; elsewhere that code raised, and
    this gives None)."""
    n, c, h, w = x.shape
    out = np.empty(
        (n, c, ref.pool_output_size(h, size, stride), ref.pool_output_size(w, size, stride))
    )
    for i in range(out.shape[2]):
        for j in range(out.shape[3]):
            window = x[:, :, i * stride : i * stride + size, j * stride : j * stride + size]
            try:
                out[:, :, i, j] = window.max(axis=axes)
            except ValueError:
                return None
    return out


_ROWS = SpatialAxis("Ho", "rows", "H - size")
_COLUMNS = SpatialAxis("Wo", "columns", "W - size")
_WINDOW = "window (i, j) is x[..., i*stride:i*stride + size, j*stride:j*stride + size]"
_NO_STRIDE = "the size ignores the stride: (H - size)//stride + 1"


def _size_slips(size: int, stride: int) -> list[tuple[str, Callable[[int], int]]]:
    """Output-size slips, each a function of the length along one axis."""
    return [
        (
            "the size rounds up (a ceiling division), which counts a last window that does "
            "not fit; windows that do not fit are dropped: (H - size)//stride + 1 (floor)",
            lambda n: -(-(n - size) // stride) + 1,
        ),
        (
            "the size was rounded to the nearest whole number, round((H - size) / stride) + 1, "
            "where the windows that do not fit are dropped (floor division)",
            lambda n: round((n - size) / stride) + 1,
        ),
        (_NO_STRIDE, lambda n: n - size + 1),
        (
            "the + 1 is missing: windows start at 0, stride, 2*stride, ... up to H - size, "
            "which makes (H - size)//stride + 1 of them",
            lambda n: (n - size) // stride,
        ),
        (
            "H // stride is only right when the windows tile the input; use (H - size)//stride + 1",
            lambda n: n // stride,
        ),
        (
            f"{_stride_ignored(size, stride)}, and the size is (H - size)//stride + 1",
            lambda n: (n - size) // size + 1,
        ),
    ]


def _size_mistakes(x: np.ndarray, size: int, stride: int) -> list[tuple[str, tuple[int, ...]]]:
    """Output shapes that known output-size mistakes produce: each slip on both spatial
    axes, then (where no slip of both gives that shape already) on one of them only, the
    slips written with H - size, as conv2d's are."""
    n, c, h, w = x.shape
    ho, wo = (h - size) // stride + 1, (w - size) // stride + 1
    slips: list[tuple[str, tuple[int, ...]]] = [
        (message, (n, c, count(h), count(w))) for message, count in _size_slips(size, stride)
    ]
    # Wo = Ho, the width's size computed from H: named only where no slip of both axes
    # gives that shape already (a square-ish case cannot tell them apart)
    taken = {shape for _, shape in slips}
    if (n, c, ho, ho) not in taken:
        slips.append(
            (
                "the width's size was computed from H (Wo = Ho): Wo = (W - size)//stride + 1, "
                "with W = x.shape[3]",
                (n, c, ho, ho),
            )
        )
    taken = {shape for _, shape in slips}
    one_axis = [
        reading
        for message, count in _size_slips(size, stride)
        if "H - size" in message
        for reading in (
            (_ROWS.reading(message, _ROWS), (n, c, count(h), wo)),
            (_COLUMNS.reading(message, _ROWS), (n, c, ho, count(w))),
        )
    ]
    return slips + [(message, shape) for message, shape in one_axis if shape not in taken]


def _told_apart(
    mistakes: list[tuple[str, tuple[int, ...]]],
    got: Any,
    x: np.ndarray,
    size: int,
    stride: int,
) -> list[tuple[str, tuple[int, ...]]]:
    """`mistakes` narrowed on out's values: windows that step by the stride along one axis
    and by 1 along the other are named whatever else gives that shape (the shared check
    conv2d's uses); where several fit its shape, windows stepped at stride 1 or by their
    size are named when out holds their maxima; the slips of the size formula alone keep
    the right windows, and their message says the values cannot tell them apart (a ceiling
    and H // stride, say, both count a last window past the edge)."""
    expected = ref.maxpool_forward(x, size, stride)
    if not isinstance(got, np.ndarray) or got.dtype == object or got.shape == expected.shape:
        return mistakes

    def stepped(rows: int, cols: int) -> Callable[[], np.ndarray]:
        return lambda: ref.maxpool_forward(x, size, 1)[:, :, ::rows, ::cols]

    if stride > 1:
        used = stride_on_one_axis(
            got, EXACT, [stepped(stride, 1)], [stepped(1, stride)], [stepped(1, 1)]
        )
        if used is not None:
            return [(one_axis_stride_message(used, _ROWS, _COLUMNS, _WINDOW), got.shape)]
    fitting = list(dict.fromkeys(m for m, shape in mistakes if shape == got.shape))
    if len(fitting) < 2:
        return mistakes
    models = {
        next(m for m in fitting if m.startswith(prefix)): [
            lambda step=step: ref.maxpool_forward(x, size, step)
        ]
        for prefix, step in (
            ("the size ignores the stride", 1),
            (_stride_ignored(size, stride), size),
        )
        if any(m.startswith(prefix) for m in fitting)
    }
    told = narrowed_by_values(fitting, got, expected, models, EXACT)
    return [(m, got.shape) for m in told]


_BROADCAST_SHAPES = re.compile(r"\(([\d, ]+)\)")


def _tiled_by_repeat(error: str, dout_shape: tuple[int, ...], size: int) -> bool:
    """numpy's broadcast error names an array of dout's windows repeated size x size
    times, (N, C, Ho * size, Wo * size): an upsampled out or dout met x."""
    first = error.split("\n", 1)[0]
    if not first.startswith("ValueError: operands could not be broadcast"):
        return False
    n, c, ho, wo = dout_shape
    tiled = (n, c, ho * size, wo * size)
    shapes = [
        tuple(int(v) for v in m.group(1).split(",") if v.strip())
        for m in _BROADCAST_SHAPES.finditer(first)
    ]
    return tiled in shapes


class MaxpoolChecker(NNChecker):
    """maxpool_forward and maxpool_backward on ties, overlaps, odd sizes and negative inputs."""

    name = "arch.pooling.maxpool"
    entries = ("maxpool_forward", "maxpool_backward")

    def reference(self) -> Mapping[str, Callable[..., Any]]:
        return {"maxpool_forward": ref.maxpool_forward, "maxpool_backward": ref.maxpool_backward}

    def make_cases(self, rng: np.random.Generator, params: Mapping[str, Any]) -> list[Case]:
        def ties(shape: tuple[int, ...]) -> np.ndarray:
            """Small integers as floats: most windows hold a tied maximum."""
            return rng.integers(-2, 2, size=shape).astype(np.float64)

        c = gen.size(rng, 2, 3)
        forward = [
            ("defaults (size 2, stride 2)", gen.normal(rng, (2, c, 4, 6)), None),
            (
                "size 3, stride 2, odd sizes drop the last row",
                gen.normal(rng, (1, c, 7, 8)),
                (3, 2),
            ),
            ("overlapping windows (size 3, stride 1)", gen.normal(rng, (2, 1, 5, 4)), (3, 1)),
            ("stride 3 larger than the window", gen.normal(rng, (1, c, 8, 7)), (2, 3)),
            ("only negative values", -np.abs(gen.normal(rng, (2, c, 4, 4))) - 0.5, None),
            ("one window (H = W = size), N = C = 1", gen.normal(rng, (1, 1, 3, 3)), (3, 1)),
        ]
        backward = [
            ("defaults (size 2, stride 2)", gen.normal(rng, (2, c, 4, 6)), None),
            ("ties in the windows", ties((2, c, 4, 4)), (2, 2)),
            ("ties and overlapping windows (size 3, stride 1)", ties((1, c, 5, 6)), (3, 1)),
            ("overlapping windows (size 3, stride 2)", gen.normal(rng, (2, c, 7, 7)), (3, 2)),
            ("stride 3 larger than the window", gen.normal(rng, (1, c, 8, 7)), (2, 3)),
            ("size 1 (every input is its own window)", gen.normal(rng, (1, c, 3, 4)), (1, 1)),
            ("only negative values, ties", -np.abs(ties((2, 1, 4, 4))) - 1.0, None),
            ("a larger batch", gen.normal(rng, (4, 3, 16, 16)), (2, 2)),
            (
                NUMERIC_CASE,
                # distinct values at least 0.01 apart: no window's maximum changes under
                # the 1e-5 steps of central differences, so the check is exact, not statistical
                rng.permutation(2 * 7 * 7).reshape(2, 1, 7, 7) * 0.01 - 0.5,
                (3, 2),
            ),
        ]
        out = []
        i = 0
        for fn, plans in (("maxpool_forward", forward), ("maxpool_backward", backward)):
            for what, x, window in plans:
                i += 1
                size, stride = window or (2, 2)
                extra = [] if window is None else [size, stride]
                shown = (
                    "size, stride: defaults (2, 2)"
                    if window is None
                    else f"size={size}, stride={stride}"
                )
                if fn == "maxpool_forward":
                    args: list[Any] = [x, *extra]
                else:
                    dout = gen.normal(rng, ref.maxpool_forward(x, size, stride).shape)
                    args = [dout, x, *extra]
                out.append(
                    Case(
                        f"case {i}: {fn}, {what}",
                        call_inputs(fn, *args),
                        gen.describe(x=x) + f"; {shown}",
                        private={"numeric": what == NUMERIC_CASE},
                    )
                )
        return out

    def error_cause(self, case: Case, error: str) -> str | None:
        """An empty window's argmax (or max) raised, and windows stepping by their size rather
        than the stride leave the image on this case: the stride was ignored. Or an index ran
        past the image exactly where argmaxes unravelled with divmod(k, stride) leave it, and
        where those unravelled with the image's width do not."""
        args = case.inputs["args"]
        float_size = float_size_cause(error, "Ho = (H - size) // stride + 1")
        if float_size is not None:
            return float_size
        if case.inputs["fn"] == "maxpool_forward":
            return _window_max_cause(case, error) or _size_without_stride(case, error)
        if case.inputs["fn"] != "maxpool_backward":
            return None
        dout, x = args[0], args[1]
        size, stride = (args[2], args[3]) if len(args) > 2 else (2, 2)
        if _tiled_by_repeat(error, dout.shape, size) and stride != size:
            return (
                f"out or dout was upsampled by repeating each value {size} x {size} times "
                "(np.repeat or np.kron), which lays the windows side by side: that tiles the "
                f"image only when stride == size; with size {size} and stride {stride} the "
                "windows overlap or leave gaps. Route each window's gradient to its own first "
                "maximum, window by window, adding where windows overlap"
            )
        spots = _indexed_past_edge(error)
        if spots:
            by_stride = spots & _past_edge(x, size, stride, stride)
            if not by_stride or spots & _past_edge(x, size, stride, x.shape[3]):
                return None
            _, length, index = min(by_stride)
            return (
                f"{_unravel_by_stride(size, stride)}; here the offsets run past the "
                f"image's edge (index {index} of an axis of {length})"
            )
        if not _EMPTY_WINDOW.match(error):
            return None
        last_i, last_j = dout.shape[2] - 1, dout.shape[3] - 1
        if last_i * size < x.shape[2] and last_j * size < x.shape[3]:
            return None
        return (
            f"{_stride_ignored(size, stride)}; stepping by {size}, the last windows start "
            "past the image's edge and are empty"
        )

    def check(self, case: Case, outputs: dict[str, Any], j: Judgement) -> None:
        fn, args = case.inputs["fn"], case.inputs["args"]
        if fn == "maxpool_forward":
            x = args[0]
            size, stride = (args[1], args[2]) if len(args) > 1 else (2, 2)
            expected = ref.maxpool_forward(x, size, stride)
            raw = outputs.get("out")
            mistakes = _told_apart(_size_mistakes(x, size, stride), raw, x, size, stride)
            got = check_shape(j, "out", raw, expected.shape, mistakes)
            j.close(
                "out",
                got,
                expected,
                EXACT,
                hints=[
                    (
                        "the maximum starts from 0; a window of negative values has a negative maximum",
                        np.maximum(expected, 0.0),
                    ),
                    (
                        "this is average pooling; take each window's maximum",
                        lambda: _average(x, size, stride),
                    ),
                    (
                        "this is each window's largest |x|: np.abs made a large negative value "
                        "win; max pooling keeps the largest value, sign and all",
                        lambda: ref.maxpool_forward(np.abs(x), size, stride),
                    ),
                    (
                        "each output is the maximum over the whole batch and every channel "
                        "(window.max() with no axis); take it over the window's own axes, "
                        "window.max(axis=(2, 3)), one maximum per image and channel",
                        lambda: np.broadcast_to(
                            expected.max(axis=(0, 1), keepdims=True), expected.shape
                        ),
                    ),
                    *(
                        (
                            _wrong_window_axes([reading], raised=False),
                            lambda axes=reading[0]: _window_max_over(x, size, stride, axes),
                        )
                        for reading in _WINDOW_MAX_READINGS
                    ),
                    (
                        f"each window is {size - 1} wide, not {size}: the slice "
                        "i*stride : i*stride + size - 1 stops one short (a slice's end is "
                        "excluded already); take x[..., i*stride : i*stride + size]",
                        lambda: _short_windows(x, size, stride),
                    ),
                ],
            )
            return
        dout, x = args[0], args[1]
        size, stride = (args[2], args[3]) if len(args) > 2 else (2, 2)
        expected = ref.maxpool_backward(dout, x, size, stride)
        got = j.array("dx", outputs.get("out"), x.shape)
        tol = Tolerance(rtol=1e-12, atol=1e-14 * (1.0 + float(np.abs(dout).max())))
        j.close(
            "dx",
            got,
            expected,
            tol,
            hints=[
                (
                    "every tied maximum got the gradient; it goes to the first maximum of each "
                    "window only (row-major order, like np.argmax)",
                    lambda: _backward_variant(dout, x, size, stride, "all"),
                ),
                (
                    "the gradient is split among tied maxima; it goes to the first maximum only",
                    lambda: _backward_variant(dout, x, size, stride, "split"),
                ),
                (
                    "the gradient goes to the last tied maximum; use the first in row-major order",
                    lambda: _backward_variant(dout, x, size, stride, "last"),
                ),
                (
                    "overlapping windows overwrite each other's gradient; add them (+=)",
                    lambda: _backward_variant(dout, x, size, stride, "overwrite"),
                ),
                (
                    "this is average pooling's backward pass (each window's gradient spread "
                    "evenly over it); max pooling sends it to the window's first maximum only",
                    lambda: _backward_variant(dout, x, size, stride, "average"),
                ),
                (
                    "overlapping windows overwrite each other's gradient (windows visited "
                    "column by column, the loop over j outside the loop over i); add them (+=)",
                    lambda: _backward_variant(
                        dout, x, size, stride, "overwrite", column_major=True
                    ),
                ),
                (
                    "every entry of the window got the window's gradient; max pooling sends "
                    "it to the window's first maximum only (the other entries did not reach "
                    "the output, so their gradient is 0)",
                    lambda: _backward_variant(dout, x, size, stride, "window"),
                ),
                (
                    _stride_ignored(size, stride),
                    lambda: _stepped_by_size(dout, x, size),
                ),
                (
                    "the window's maximum was sent to (i + p, j + q), the output's index plus "
                    "its place in the window; window (i, j) starts at (i*stride, j*stride), so "
                    "it goes to dx[..., i*stride + p, j*stride + q]",
                    lambda: _offset_without_stride(dout, x, size, stride),
                ),
                (
                    "the window's maximum went to (q, p), its row and column swapped: "
                    "np.unravel_index(k, (size, size)) returns (row, column), so p, q = "
                    "np.unravel_index(...) and dx[..., i*stride + p, j*stride + q]",
                    lambda: _swapped_offsets(dout, x, size, stride),
                ),
                (
                    _unravel_by_stride(size, stride),
                    lambda: _unravelled_by_stride(dout, x, size, stride),
                ),
                (
                    _unravel_by_stride(size, stride)
                    + "; the offsets this sends past the image's edge were skipped",
                    lambda: _unravelled_by_stride(dout, x, size, stride, drop_outside=True),
                ),
                (
                    "each window's argmax was taken over its channels too (win.reshape(N, -1)): "
                    "one winner per image and window, so every other channel's gradient is "
                    "lost; take it per channel, over the window's size * size entries only "
                    "(win.reshape(N, C, -1).argmax(axis=-1))",
                    lambda: _argmax_across_channels(dout, x, size, stride),
                ),
                (
                    "the window's argmax was unravelled with the image's shape (x.shape[2:]); "
                    "unravel it with the window's: np.unravel_index(k, (size, size))",
                    lambda: _unravelled_by_image(dout, x, size, stride, clip=False),
                ),
                (
                    "the window's argmax was unravelled with the image's shape (x.shape[2:]) "
                    "and clipped into the window; unravel it with the window's: "
                    "np.unravel_index(k, (size, size))",
                    lambda: _unravelled_by_image(dout, x, size, stride, clip=True),
                ),
            ],
        )
        if case.private.get("numeric"):

            def loss(theta: np.ndarray) -> float:
                return float(np.sum(dout * ref.maxpool_forward(theta, size, stride)))

            numeric_check(j, "dx", got, loss, x)


def _size_without_stride(case: Case, error: str) -> str | None:
    """An output size counted without the stride, H - size + 1, while the windows step by
    it: the last windows start past the image's edge, and the maximum of an empty window
    raises (numpy's max or argmax, or Python's max of an empty list). numpy's error does
    not say which axis, so each axis whose count gets that far is named; windows stepping
    by their size, which empty a window on some cases too, are said beside it."""
    args = case.inputs["args"]
    x = args[0]
    size, stride = (args[1], args[2]) if len(args) > 1 else (2, 2)
    if stride == 1 or not _EMPTY_WINDOW.match(error):
        return None
    slipped = [
        (axis, length - size + 1, (length - size) // stride + 1)
        for axis, length in zip((_ROWS, _COLUMNS), x.shape[2:], strict=True)
        if (length - size) * stride >= length
    ]
    if not slipped:
        return None
    said = size_without_stride_message(
        slipped, stride, "the image's edge", "empty, with no maximum to take"
    )
    due = [(length - size) // stride + 1 for length in x.shape[2:]]
    if any((d - 1) * size >= length for d, length in zip(due, x.shape[2:], strict=True)):
        return f"{said}; or {_stride_ignored(size, stride)}"
    return said


def _window_max_cause(case: Case, error: str) -> str | None:
    """A window's maximum over the wrong pair of axes, when numpy's error says a 2-D result
    did not fit out[:, :, i, j] and that result's shape is what those axes leave (every pair
    that leaves it is named: the shapes cannot tell them apart)."""
    match = _INTO_OUT.match(error)
    args = case.inputs["args"]
    x, size = args[0], args[1] if len(args) > 1 else 2
    n, c = x.shape[:2]
    if match is None or (int(match.group(3)), int(match.group(4))) != (n, c):
        return None
    got = (int(match.group(1)), int(match.group(2)))
    left = {0: n, 1: c, 2: size, 3: size}
    readings = [
        (axes, what)
        for axes, what in _WINDOW_MAX_READINGS
        if tuple(left[a] for a in range(4) if a not in axes) == got
    ]
    return _wrong_window_axes(readings, raised=True) if readings else None


def _short_windows(x: np.ndarray, size: int, stride: int) -> np.ndarray:
    """Max pooling whose windows end one row and column early (size - 1 wide), placed as the
    right ones are; NaN where such a window is empty (size 1)."""
    n, c, h, w = x.shape
    ho, wo = ref.pool_output_size(h, size, stride), ref.pool_output_size(w, size, stride)
    out = np.full((n, c, ho, wo), np.nan)
    if size < 2:
        return out
    for i in range(ho):
        for j in range(wo):
            window = x[:, :, i * stride : i * stride + size - 1, j * stride : j * stride + size - 1]
            out[:, :, i, j] = window.max(axis=(2, 3))
    return out


def _average(x: np.ndarray, size: int, stride: int) -> np.ndarray:
    n, c, h, w = x.shape
    out = np.zeros(
        (n, c, ref.pool_output_size(h, size, stride), ref.pool_output_size(w, size, stride))
    )
    for (a, b, i, j), win in _windows(x, size, stride):
        out[a, b, i, j] = win.mean()
    return out


maxpool = MaxpoolChecker
