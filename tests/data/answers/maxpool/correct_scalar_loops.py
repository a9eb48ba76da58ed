# expect: passed | passed
import numpy as np


def maxpool_forward(x, size=2, stride=2):
    N, C, H, W = x.shape
    Ho, Wo = (H - size) // stride + 1, (W - size) // stride + 1
    out = np.empty((N, C, Ho, Wo))
    for n, c, i, j in np.ndindex(N, C, Ho, Wo):
        best = -np.inf
        for p in range(size):
            for q in range(size):
                best = max(best, x[n, c, i * stride + p, j * stride + q])
        out[n, c, i, j] = best
    return out


def maxpool_backward(dout, x, size=2, stride=2):
    N, C, H, W = x.shape
    _, _, Ho, Wo = dout.shape
    dx = np.zeros_like(x, dtype=np.float64)
    for n, c, i, j in np.ndindex(N, C, Ho, Wo):
        best, at = -np.inf, None
        for p in range(size):
            for q in range(size):
                v = x[n, c, i * stride + p, j * stride + q]
                if v > best:  # strictly greater: the first maximum keeps its place
                    best, at = v, (i * stride + p, j * stride + q)
        dx[n, c, at[0], at[1]] += dout[n, c, i, j]
    return dx
