# expect: failed | the windows step by stride 2: the size needs the stride
# Wo = W - size + 1 while the windows step by the stride: the first window that starts
# past the right edge is empty and its max raises
import numpy as np


def maxpool_forward(x, size=2, stride=2):
    N, C, H, W = x.shape
    Ho = (H - size) // stride + 1
    Wo = W - size + 1
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
        win = x[n, c, i * stride : i * stride + size, j * stride : j * stride + size]
        p, q = np.unravel_index(np.argmax(win), win.shape)
        dx[n, c, i * stride + p, j * stride + q] += dout[n, c, i, j]
    return dx
