# expect: passed | passed
import numpy as np


def maxpool_forward(x, size=2, stride=2):
    # every window gathered by fancy indexing: (N, C, Ho, Wo, size*size)
    N, C, H, W = x.shape
    Ho, Wo = (H - size) // stride + 1, (W - size) // stride + 1
    rows = (np.arange(Ho) * stride)[:, None, None, None] + np.arange(size)[None, None, :, None]
    cols = (np.arange(Wo) * stride)[None, :, None, None] + np.arange(size)[None, None, None, :]
    windows = x[:, :, rows, cols]  # (N, C, Ho, Wo, size, size)
    return windows.reshape(N, C, Ho, Wo, -1).max(axis=-1)


def maxpool_backward(dout, x, size=2, stride=2):
    N, C, H, W = x.shape
    Ho, Wo = dout.shape[2:]
    rows = (np.arange(Ho) * stride)[:, None, None, None] + np.arange(size)[None, None, :, None]
    cols = (np.arange(Wo) * stride)[None, :, None, None] + np.arange(size)[None, None, None, :]
    first = x[:, :, rows, cols].reshape(N, C, Ho, Wo, -1).argmax(axis=-1)
    r = np.arange(Ho)[:, None] * stride + first // size
    c = np.arange(Wo)[None, :] * stride + first % size
    n = np.arange(N)[:, None, None, None]
    ch = np.arange(C)[None, :, None, None]
    dx = np.zeros_like(x, dtype=np.float64)
    np.add.at(dx, (n, ch, r, c), dout)
    return dx
