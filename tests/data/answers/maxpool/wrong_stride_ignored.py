# expect: failed | the windows step by their size (3), not by the stride (2)
import numpy as np


def maxpool_forward(x, size=2, stride=2):
    N, C, H, W = x.shape
    # the windows are assumed to tile the image: one step of `size`, whatever stride says
    Ho = (H - size) // size + 1
    Wo = (W - size) // size + 1
    out = np.empty((N, C, Ho, Wo))
    for i in range(Ho):
        for j in range(Wo):
            out[:, :, i, j] = x[:, :, i * size : i * size + size, j * size : j * size + size].max(
                axis=(2, 3)
            )
    return out


def maxpool_backward(dout, x, size=2, stride=2):
    dx = np.zeros_like(x)
    N, C, Ho, Wo = dout.shape
    for n in range(N):
        for c in range(C):
            for i in range(Ho):
                for j in range(Wo):
                    window = x[n, c, i * size : i * size + size, j * size : j * size + size]
                    p, q = np.unravel_index(np.argmax(window), window.shape)
                    dx[n, c, i * size + p, j * size + q] += dout[n, c, i, j]
    return dx
