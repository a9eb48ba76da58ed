# expect: passed | passed all
import numpy as np


def maxpool_forward(x, size=2, stride=2):
    n, c, h, w = x.shape
    rows, cols = (h - size) // stride + 1, (w - size) // stride + 1
    out = np.empty((n, c, rows, cols))
    for r in range(rows):
        for s in range(cols):
            patch = x[:, :, r * stride : r * stride + size, s * stride : s * stride + size]
            out[:, :, r, s] = patch.reshape(n, c, -1).max(axis=2)
    return out


def maxpool_backward(dout, x, size=2, stride=2):
    # the flat argmax of a size x size window: row k // size, column k % size
    dx = np.zeros_like(x)
    n, c, rows, cols = dout.shape
    for r in range(rows):
        for s in range(cols):
            patch = x[:, :, r * stride : r * stride + size, s * stride : s * stride + size]
            k = patch.reshape(n, c, -1).argmax(axis=2)
            top, left = r * stride + k // size, s * stride + k % size
            a, b = np.meshgrid(np.arange(n), np.arange(c), indexing="ij")
            np.add.at(dx, (a, b, top, left), dout[:, :, r, s])
    return dx
