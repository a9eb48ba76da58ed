# expect: passed | passed
import numpy as np


def _windows(plane, size, stride):
    rows = plane.tolist()
    Ho = (len(rows) - size) // stride + 1
    Wo = (len(rows[0]) - size) // stride + 1
    for i in range(Ho):
        for j in range(Wo):
            flat = []
            for r in rows[i * stride : i * stride + size]:
                flat.extend(r[j * stride : j * stride + size])
            yield i, j, flat


def maxpool_forward(x, size=2, stride=2):
    N, C, H, W = x.shape
    out = np.empty((N, C, (H - size) // stride + 1, (W - size) // stride + 1))
    for n in range(N):
        for c in range(C):
            for i, j, flat in _windows(x[n, c], size, stride):
                out[n, c, i, j] = max(flat)
    return out


def maxpool_backward(dout, x, size=2, stride=2):
    N, C, H, W = x.shape
    dx = np.zeros_like(x)
    for n in range(N):
        for c in range(C):
            for i, j, flat in _windows(x[n, c], size, stride):
                k = flat.index(max(flat))  # the first of tied maxima, row-major
                dx[n, c, i * stride + k // size, j * stride + k % size] += dout[n, c, i, j]
    return dx
