# expect: failed | your output has H - size + 1 = 3 rows or W - size + 1 = 5 columns
# Ho counts every row position, windows at i*stride, Python's max over a list of values
import numpy as np


def maxpool_forward(x, size=2, stride=2):
    N, C, H, W = x.shape
    Ho = H - size + 1
    Wo = (W - size) // stride + 1
    out = np.zeros((N, C, Ho, Wo))
    for n in range(N):
        for c in range(C):
            for i in range(Ho):
                for j in range(Wo):
                    vals = [
                        x[n, c, r, s]
                        for r in range(i * stride, min(i * stride + size, H))
                        for s in range(j * stride, min(j * stride + size, W))
                    ]
                    out[n, c, i, j] = max(vals)
    return out


def maxpool_backward(dout, x, size=2, stride=2):
    dx = np.zeros_like(x)
    N, C, Ho, Wo = dout.shape
    for n, c, i, j in np.ndindex(N, C, Ho, Wo):
        win = x[n, c, i * stride : i * stride + size, j * stride : j * stride + size]
        p, q = np.unravel_index(np.argmax(win), win.shape)
        dx[n, c, i * stride + p, j * stride + q] += dout[n, c, i, j]
    return dx
