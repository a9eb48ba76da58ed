# expect: failed | the width's size was computed from H (Wo = Ho)
import numpy as np


def maxpool_forward(x, size=2, stride=2):
    N, C, H, W = x.shape
    Ho = (H - size) // stride + 1
    Wo = Ho
    out = np.empty((N, C, Ho, Wo))
    for i in range(Ho):
        for j in range(Wo):
            out[:, :, i, j] = x[
                :, :, i * stride : i * stride + size, j * stride : j * stride + size
            ].max(axis=(2, 3))
    return out


def maxpool_backward(dout, x, size=2, stride=2):
    dx = np.zeros_like(x)
    N, C, Ho, Wo = dout.shape
    for n, c, i, j in np.ndindex(N, C, Ho, Wo):
        w = x[n, c, i * stride : i * stride + size, j * stride : j * stride + size]
        p, q = np.unravel_index(np.argmax(w), w.shape)
        dx[n, c, i * stride + p, j * stride + q] += dout[n, c, i, j]
    return dx
