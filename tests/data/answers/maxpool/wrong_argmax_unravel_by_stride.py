# expect: failed | the window's argmax was unravelled with the stride
import numpy as np


def maxpool_forward(x, size=2, stride=2):
    n, c, h, w = x.shape
    rows, cols = (h - size) // stride + 1, (w - size) // stride + 1
    out = np.empty((n, c, rows, cols))
    for r in range(rows):
        for s in range(cols):
            patch = x[:, :, r * stride : r * stride + size, s * stride : s * stride + size]
            out[:, :, r, s] = patch.max(axis=(2, 3))
    return out


def maxpool_backward(dout, x, size=2, stride=2):
    dx = np.zeros_like(x)
    n, c, rows, cols = dout.shape
    for a in range(n):
        for b in range(c):
            for r in range(rows):
                for s in range(cols):
                    patch = x[a, b, r * stride : r * stride + size, s * stride : s * stride + size]
                    k = int(np.argmax(patch))
                    u, v = divmod(k, stride)  # the row length of the window is size, not stride
                    dx[a, b, r * stride + u, s * stride + v] += dout[a, b, r, s]
    return dx
