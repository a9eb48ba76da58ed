# expect: failed | goes to the last tied maximum
import numpy as np


def maxpool_forward(x, size=2, stride=2):
    N, C, H, W = x.shape
    Ho, Wo = (H - size) // stride + 1, (W - size) // stride + 1
    out = np.empty((N, C, Ho, Wo))
    for i in range(Ho):
        for j in range(Wo):
            out[:, :, i, j] = x[:, :, i * stride : i * stride + size, j * stride : j * stride + size].max(axis=(2, 3))
    return out


def maxpool_backward(dout, x, size=2, stride=2):
    N, C, Ho, Wo = dout.shape
    dx = np.zeros_like(x)
    for n in range(N):
        for c in range(C):
            for i in range(Ho):
                for j in range(Wo):
                    win = x[n, c, i * stride : i * stride + size, j * stride : j * stride + size]
                    best = (0, 0)
                    for u in range(size):
                        for v in range(size):
                            if win[u, v] >= win[best]:  # >= keeps the last of the ties
                                best = (u, v)
                    dx[n, c, i * stride + best[0], j * stride + best[1]] += dout[n, c, i, j]
    return dx
