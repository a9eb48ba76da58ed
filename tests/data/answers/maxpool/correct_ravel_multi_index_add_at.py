# expect: passed | passed all
import numpy as np


def _window_rows_cols(x, size, stride):
    N, C, H, W = x.shape
    Ho = (H - size) // stride + 1
    Wo = (W - size) // stride + 1
    i0 = np.arange(Ho)[:, None] * stride
    j0 = np.arange(Wo)[None, :] * stride
    di, dj = np.divmod(np.arange(size * size), size)
    rows = i0[..., None] + di  # (Ho, 1, size*size)
    cols = j0[..., None] + dj  # (1, Wo, size*size)
    return np.broadcast_to(rows, (Ho, Wo, size * size)), np.broadcast_to(cols, (Ho, Wo, size * size))


def maxpool_forward(x, size=2, stride=2):
    rows, cols = _window_rows_cols(x, size, stride)
    return x[:, :, rows, cols].max(axis=-1)


def maxpool_backward(dout, x, size=2, stride=2):
    N, C, H, W = x.shape
    rows, cols = _window_rows_cols(x, size, stride)
    windows = x[:, :, rows, cols]  # (N, C, Ho, Wo, size*size)
    first = windows.argmax(axis=-1)[..., None]  # argmax keeps the first of tied maxima
    r = np.take_along_axis(np.broadcast_to(rows, windows.shape), first, axis=-1)[..., 0]
    c = np.take_along_axis(np.broadcast_to(cols, windows.shape), first, axis=-1)[..., 0]
    n = np.arange(N)[:, None, None, None]
    ch = np.arange(C)[None, :, None, None]
    flat = np.ravel_multi_index(np.broadcast_arrays(n, ch, r, c), x.shape)
    dx = np.zeros(x.size)
    np.add.at(dx, flat.ravel(), dout.ravel())
    return dx.reshape(x.shape)
