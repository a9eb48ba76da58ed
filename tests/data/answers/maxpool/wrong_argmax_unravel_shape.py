# expect: failed | the window's argmax was unravelled with the image's shape
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
                    k = int(np.argmax(win))
                    u, v = np.unravel_index(k, x.shape[2:])  # unravelled against the image, not the window
                    u, v = min(u, size - 1), min(v, size - 1)
                    dx[n, c, i * stride + u, j * stride + v] += dout[n, c, i, j]
    return dx
