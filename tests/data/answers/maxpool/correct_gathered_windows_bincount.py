# expect: passed | passed all
import numpy as np


def maxpool_forward(x, size=2, stride=2):
    """Every window's entries gathered by index arrays, then one max."""
    N, C, H, W = x.shape
    Ho, Wo = (H - size) // stride + 1, (W - size) // stride + 1
    rows = (np.arange(Ho) * stride)[:, None] + np.arange(size)[None, :]
    cols = (np.arange(Wo) * stride)[:, None] + np.arange(size)[None, :]
    win = x[:, :, rows[:, None, :, None], cols[None, :, None, :]]  # (N, C, Ho, Wo, k, k)
    return win.reshape(N, C, Ho, Wo, -1).max(axis=-1)


def maxpool_backward(dout, x, size=2, stride=2):
    """First argmax of each window as a flat index into x, then np.bincount adds them up."""
    N, C, H, W = x.shape
    Ho, Wo = dout.shape[2:]
    rows = (np.arange(Ho) * stride)[:, None] + np.arange(size)[None, :]
    cols = (np.arange(Wo) * stride)[:, None] + np.arange(size)[None, :]
    win = x[:, :, rows[:, None, :, None], cols[None, :, None, :]].reshape(N, C, Ho, Wo, -1)
    first = win.argmax(axis=-1)
    r = rows[np.arange(Ho)[:, None], first // size]
    q = cols[np.arange(Wo)[None, :], first % size]
    nc = np.arange(N * C).reshape(N, C, 1, 1)
    flat = (nc * H + r) * W + q
    dx = np.bincount(flat.ravel(), weights=dout.ravel(), minlength=N * C * H * W)
    return dx.reshape(x.shape)
