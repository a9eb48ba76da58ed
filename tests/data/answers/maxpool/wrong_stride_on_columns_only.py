# expect: failed | the stride is used on the columns only: along the rows the windows step by 1, and Ho = H - size + 1
# a row-strip loop that forgot the stride on the strips: rows at every position, columns strided
import numpy as np


def maxpool_forward(x, size=2, stride=2):
    N, C, H, W = x.shape
    rows = []
    for i in range(H - size + 1):
        strip = x[:, :, i : i + size, :].max(axis=2)
        cols = [strip[:, :, j : j + size].max(axis=2) for j in range(0, W - size + 1, stride)]
        rows.append(np.stack(cols, axis=-1))
    return np.stack(rows, axis=2)


def maxpool_backward(dout, x, size=2, stride=2):
    dx = np.zeros_like(x)
    N, C, Ho, Wo = dout.shape
    for n, c, i, j in np.ndindex(N, C, Ho, Wo):
        win = x[n, c, i * stride : i * stride + size, j * stride : j * stride + size]
        p, q = np.unravel_index(np.argmax(win), win.shape)
        dx[n, c, i * stride + p, j * stride + q] += dout[n, c, i, j]
    return dx
