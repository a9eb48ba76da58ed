# expect: failed | the windows step by their size (3), not by the stride (1)
import numpy as np


def maxpool_forward(x, size=2, stride=2):
    N, C, H, W = x.shape
    Ho, Wo = (H - size) // stride + 1, (W - size) // stride + 1
    out = np.empty((N, C, Ho, Wo))
    for i in range(Ho):
        for j in range(Wo):
            win = x[:, :, i * stride : i * stride + size, j * stride : j * stride + size]
            out[:, :, i, j] = win.max(axis=(2, 3))
    return out


def maxpool_backward(dout, x, size=2, stride=2):
    # the forward pass is right, but the backward pass moves its windows by `size`
    dx = np.zeros_like(x)
    N, C, Ho, Wo = dout.shape
    for n in range(N):
        for c in range(C):
            for i in range(Ho):
                for j in range(Wo):
                    r, s = i * size, j * size
                    win = x[n, c, r : r + size, s : s + size]
                    p, q = np.argwhere(win == win.max())[0]
                    dx[n, c, r + p, s + q] += dout[n, c, i, j]
    return dx
