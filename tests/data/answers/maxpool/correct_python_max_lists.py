# expect: passed | passed all
import numpy as np


def maxpool_forward(x, size=2, stride=2):
    N, C, H, W = x.shape
    Ho, Wo = (H - size) // stride + 1, (W - size) // stride + 1
    out = np.zeros((N, C, Ho, Wo))
    for idx in np.ndindex(N, C, Ho, Wo):
        n, c, i, j = idx
        vals = [x[n, c, i * stride + u, j * stride + v] for u in range(size) for v in range(size)]
        out[idx] = max(vals)
    return out


def maxpool_backward(dout, x, size=2, stride=2):
    dx = np.zeros(x.shape)
    N, C, Ho, Wo = dout.shape
    for n, c, i, j in np.ndindex(N, C, Ho, Wo):
        cells = [(i * stride + u, j * stride + v) for u in range(size) for v in range(size)]
        best = max(cells, key=lambda rc: (x[n, c, rc[0], rc[1]], -cells.index(rc)))
        dx[n, c, best[0], best[1]] += dout[n, c, i, j]
    return dx
