# expect: passed | passed all
import numpy as np


def _grids(x, size, stride):
    # row and column indices of every window: (Ho, size) and (Wo, size)
    Ho = (x.shape[2] - size) // stride + 1
    Wo = (x.shape[3] - size) // stride + 1
    rows = (np.arange(Ho) * stride)[:, None] + np.arange(size)
    cols = (np.arange(Wo) * stride)[:, None] + np.arange(size)
    return rows, cols


def maxpool_forward(x, size=2, stride=2):
    rows, cols = _grids(x, size, stride)
    # (N, C, Ho, Wo, size, size): each window gathered by fancy indexing
    wins = x[:, :, rows[:, None, :, None], cols[None, :, None, :]]
    return wins.max(axis=(4, 5))


def maxpool_backward(dout, x, size=2, stride=2):
    rows, cols = _grids(x, size, stride)
    wins = x[:, :, rows[:, None, :, None], cols[None, :, None, :]]
    N, C, Ho, Wo = dout.shape
    k = wins.reshape(N, C, Ho, Wo, size * size).argmax(axis=4)  # the first maximum
    p, q = np.divmod(k, size)
    n, c, i, j = np.indices((N, C, Ho, Wo))
    dx = np.zeros_like(x)
    np.add.at(dx, (n, c, i * stride + p, j * stride + q), dout)
    return dx
