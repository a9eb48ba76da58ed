# expect: passed | passed all
import numpy as np


def _windows(x, size, stride):
    N, C, H, W = x.shape
    Ho = (H - size) // stride + 1
    Wo = (W - size) // stride + 1
    rows = (np.arange(Ho) * stride)[:, None] + np.arange(size)[None, :]  # (Ho, size)
    cols = (np.arange(Wo) * stride)[:, None] + np.arange(size)[None, :]  # (Wo, size)
    win = x[:, :, rows[:, None, :, None], cols[None, :, None, :]]  # (N, C, Ho, Wo, size, size)
    return win.reshape(N, C, Ho, Wo, size * size), rows, cols


def maxpool_forward(x, size=2, stride=2):
    win, _, _ = _windows(x, size, stride)
    return win.max(axis=-1)


def maxpool_backward(dout, x, size=2, stride=2):
    win, rows, cols = _windows(x, size, stride)
    first = win.argmax(axis=-1)  # first maximum in row-major order
    p, q = np.divmod(first, size)
    Ho, Wo = first.shape[2:]
    r = rows[np.arange(Ho)[:, None], p]  # absolute row of each chosen max
    c = cols[np.arange(Wo)[None, :], q]
    n_idx, c_idx = np.indices(first.shape[:2])
    dx = np.zeros_like(x)
    np.add.at(dx, (n_idx[..., None, None], c_idx[..., None, None], r, c), dout)
    return dx
