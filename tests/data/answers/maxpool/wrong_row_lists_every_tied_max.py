# expect: failed | every tied maximum got the gradient
import numpy as np


def maxpool_forward(x, size=2, stride=2):
    N, C, H, W = x.shape
    Ho, Wo = (H - size) // stride + 1, (W - size) // stride + 1
    out = np.empty((N, C, Ho, Wo))
    for n in range(N):
        for c in range(C):
            rows = x[n, c].tolist()
            for i in range(Ho):
                for j in range(Wo):
                    out[n, c, i, j] = max(
                        v for r in rows[i * stride : i * stride + size]
                        for v in r[j * stride : j * stride + size]
                    )
    return out


def maxpool_backward(dout, x, size=2, stride=2):
    N, C, H, W = x.shape
    out = maxpool_forward(x, size, stride)
    dx = np.zeros_like(x)
    for n in range(N):
        for c in range(C):
            rows = x[n, c].tolist()
            for i in range(out.shape[2]):
                for j in range(out.shape[3]):
                    for a in range(size):
                        for b in range(size):
                            if rows[i * stride + a][j * stride + b] == out[n, c, i, j]:
                                dx[n, c, i * stride + a, j * stride + b] += dout[n, c, i, j]
    return dx
