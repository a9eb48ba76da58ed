# expect: failed | the size was rounded to the nearest whole number, round((H - size) / stride) + 1
import numpy as np


def maxpool_forward(x, size=2, stride=2):
    N, C, H, W = x.shape
    Ho, Wo = round((H - size) / stride) + 1, round((W - size) / stride) + 1
    out = np.full((N, C, Ho, Wo), -np.inf)
    for i in range(Ho):
        for j in range(Wo):
            win = x[:, :, i * stride : i * stride + size, j * stride : j * stride + size]
            out[:, :, i, j] = win.max(axis=(2, 3))
    return out


def maxpool_backward(dout, x, size=2, stride=2):
    dx = np.zeros_like(x)
    N, C, Ho, Wo = dout.shape
    for n in range(N):
        for c in range(C):
            for i in range(Ho):
                for j in range(Wo):
                    win = x[n, c, i * stride : i * stride + size, j * stride : j * stride + size]
                    r, q = np.unravel_index(np.argmax(win), win.shape)
                    dx[n, c, i * stride + r, j * stride + q] += dout[n, c, i, j]
    return dx
