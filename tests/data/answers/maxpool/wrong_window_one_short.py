# expect: error | attempt to get argmax of an empty sequence
import numpy as np


def maxpool_forward(x, size=2, stride=2):
    """Windows sliced to i*stride + size - 1, as if the end index were inclusive."""
    N, C, H, W = x.shape
    Ho, Wo = (H - size) // stride + 1, (W - size) // stride + 1
    out = np.empty((N, C, Ho, Wo))
    for i in range(Ho):
        for j in range(Wo):
            win = x[:, :, i * stride : i * stride + size - 1, j * stride : j * stride + size - 1]
            out[:, :, i, j] = win.max(axis=(2, 3))
    return out


def maxpool_backward(dout, x, size=2, stride=2):
    N, C, H, W = x.shape
    _, _, Ho, Wo = dout.shape
    dx = np.zeros_like(x, dtype=np.float64)
    for n, c, i, j in np.ndindex(N, C, Ho, Wo):
        win = x[n, c, i * stride : i * stride + size - 1, j * stride : j * stride + size - 1]
        p, q = np.unravel_index(np.argmax(win), win.shape)
        dx[n, c, i * stride + p, j * stride + q] += dout[n, c, i, j]
    return dx
